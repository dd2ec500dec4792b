"""``SparkSessionState``: what the JVM SparkSession is for one Livy session (conf, catalog,
SQL entry point, Dataset factories)."""

import datetime
import random

from . import types as T
from . import expressions as E
from . import plans as P
from .analyzer import Analyzer
from .catalog import Catalog, SharedCatalog
from .commands import run_command
from .conf import RuntimeConf
from .dataset import Dataset
from .errors import AnalysisException, SparkThrowable
from .inference import infer_schema, normalize_rows
from .parser import parse_statement


class SparkSessionState:
    def __init__(self, conf=None, shared_catalog=None, version='3.5.9', seed=0, default_parallelism=None):
        self.conf = RuntimeConf(conf or {})
        self.shared_catalog = shared_catalog if shared_catalog is not None else SharedCatalog()
        self.catalog = Catalog(self.shared_catalog)
        self.version = version
        self._rng = random.Random(seed)
        self._query_time = None
        self.udfs = {}
        self.catalog.session = self
        if default_parallelism is None:
            try:
                default_parallelism = int((conf or {}).get('spark.default.parallelism', 2))
            except (TypeError, ValueError):
                default_parallelism = 2
        self.default_parallelism = default_parallelism
        self.outer_stack = []  # outer-row bindings while a correlated subquery runs

    # ------------------------------------------------------------------ services
    def analyzer(self):
        return Analyzer(self)

    def next_seed(self):
        return self._rng.randrange(-2 ** 63, 2 ** 63)

    def begin_query(self):
        self._query_time = None

    def query_time(self):
        if self._query_time is None:
            from .zones import now_in
            # The emulator's clock (virtual in the worker), in the session time zone.
            self._query_time = now_in(self.conf.get('spark.sql.session.timeZone'))
        return self._query_time

    def register_python_udf(self, name, func, return_type):
        """``spark.udf.register``: make ``name`` callable from SQL in this session."""
        self.udfs[name.lower()] = (name, func, return_type)

    def save_as_table(self, name, dataset, mode='errorifexists'):
        """``df.write.saveAsTable`` into the shared in-memory catalog."""
        from .parser import parse_table_name
        from .errors import AnalysisException
        parts = parse_table_name(name)
        db = parts[-2].lower() if len(parts) > 1 else self.catalog.current_database()
        tname = parts[-1].lower()
        mode = (mode or 'errorifexists').lower()
        existing = self.shared_catalog.get_table(db, tname)
        if existing is not None:
            if mode in ('error', 'errorifexists', 'default'):
                raise AnalysisException('TABLE_OR_VIEW_ALREADY_EXISTS', {}, message=(
                    '[TABLE_OR_VIEW_ALREADY_EXISTS] Cannot create table or view `%s`.`%s` because it '
                    'already exists.\nChoose a different name, drop or replace the existing object, or '
                    'add the IF NOT EXISTS clause to tolerate pre-existing objects.' % (db, tname)))
            if mode == 'ignore':
                return
            if mode == 'append':
                existing.rows = list(existing.rows) + list(dataset.rows())
                return
        st = T.StructType([T.StructField(f.name, f.dataType, True) for f in dataset.schema.fields])
        self.shared_catalog.register_table(db, tname, dataset.rows(), st)

    def new_session(self):
        return SparkSessionState(self.conf.explicit(), self.shared_catalog, self.version)

    # ------------------------------------------------------------------ entry points
    def sql(self, text, args=None):
        if args:
            text = _substitute_args(text, args)
        plan = parse_statement(text)
        if isinstance(plan, P.Command):
            return run_command(self, plan, text)
        analyzed = self.analyzer().analyze(plan)
        return Dataset(self, analyzed)

    def range(self, start, end=None, step=1, num_partitions=None):
        """Dataset API range: ``splits`` defaults to the session's default parallelism (as
        SparkSession.range does), printed ``splits=Some(n)`` in plans."""
        if end is None:
            start, end = 0, start
        if num_partitions is None:
            num_partitions = self.default_parallelism
        if int(step) == 0:
            from .errors import IllegalArgumentException
            raise IllegalArgumentException(None, {}, message='requirement failed: step (0) cannot be 0')
        return Dataset(self, P.Range(int(start), int(end), int(step), num_partitions))

    def table(self, name):
        from .parser import parse_table_name
        parts = parse_table_name(name) if isinstance(name, str) else list(name)
        plan = P.UnresolvedRelation(parts)
        try:
            return Dataset(self, self.analyzer().analyze(plan))
        except AnalysisException as e:
            from .jvm_frames import set_dataset_entry
            raise set_dataset_entry(e, 'table')

    def empty_dataset(self, schema=None):
        schema = schema or T.StructType([])
        attrs = [E.AttributeReference(f.name, f.dataType, f.nullable) for f in schema.fields]
        return Dataset(self, P.LocalRelation(attrs, [], label='LocalRelation'))

    def create_dataset(self, rows, schema=None, label='LogicalRDD'):
        """pyspark createDataFrame semantics (schema inference, names, verification)."""
        if isinstance(schema, str):
            from .parser import parse_schema, parse_data_type
            try:
                schema = parse_schema(schema)
            except SparkThrowable:
                schema = parse_data_type(schema)
        rows = list(rows)
        if isinstance(schema, T.DataType) and not isinstance(schema, T.StructType):
            schema = T.StructType([T.StructField('value', schema, True)])
            rows = [(r,) for r in rows]
        if isinstance(schema, T.StructType):
            st = schema
        else:
            names = list(schema) if schema is not None else None
            st = infer_schema(rows, names)
        data = normalize_rows(rows, st)
        attrs = [E.AttributeReference(f.name, f.dataType, f.nullable) for f in st.fields]
        return Dataset(self, P.LocalRelation(attrs, data, label=label))


def _substitute_args(text, args):
    from .column import literal_expr
    if isinstance(args, dict):
        for k, v in args.items():
            text = text.replace(':' + k, literal_expr(v).real_sql() if not hasattr(v, 'expr') else v.expr.sql())
        return text
    out = []
    it = iter(args)
    for ch in text:
        if ch == '?':
            v = next(it)
            out.append(literal_expr(v).real_sql())
        else:
            out.append(ch)
    return ''.join(out)

"""A tiny stand-in for spark_engine's session API, for livy_scala's tests.

It implements just what the tests touch (a few SQL shapes, range, create_dataset, temp views,
show/JSON/tree strings) with Spark's output formats, so the Scala REPL logic can be tested
whether or not the real engine is complete. The real engine is used when it is importable
(see ``make_state``)."""

import json
import re
import types as _pytypes

from spark_engine import types as T
from spark_engine.row import Row

types = T


class FakeAnalysisException(Exception):
    def __init__(self, name):
        msg = ("[TABLE_OR_VIEW_NOT_FOUND] The table or view `%s` cannot be found. Verify the spelling "
               "and correctness of the schema and catalog.\nIf you did not qualify the name with a schema, "
               "verify the current_schema() output, or qualify the name with the correct schema and catalog.\n"
               "To tolerate the error on drop use DROP VIEW IF EXISTS or DROP TABLE IF EXISTS.; line 1 pos 14;\n"
               "'Project [*]\n+- 'UnresolvedRelation [%s], [], false\n" % (name, name))
        Exception.__init__(self, msg)
        self.java_class = 'org.apache.spark.sql.catalyst.ExtendedAnalysisException'
        self.java_message = msg
        self.jvm_frames = [
            'org.apache.spark.sql.catalyst.analysis.package$AnalysisErrorAt.tableNotFound(package.scala:87)',
            'org.apache.spark.sql.SparkSession.sql(SparkSession.scala:744)',
        ]


class FakeColumn:
    def __init__(self, name):
        self.name = name

    def to_string(self):
        return self.name


functions = _pytypes.SimpleNamespace(col=FakeColumn, lit=lambda v: FakeColumn(repr(v)))


class FakeConf:
    def __init__(self, d):
        self.d = dict(d)

    def get(self, key, *default):
        if key in self.d:
            return self.d[key]
        if default:
            return default[0]
        raise KeyError(key)

    def set(self, k, v):
        self.d[k] = v


def _fmt(v):
    if v is None:
        return 'null'
    if isinstance(v, bool):
        return 'true' if v else 'false'
    return str(v)


class FakeDataset:
    def __init__(self, session, schema, rows):
        self.session = session
        self.schema = schema
        self._rows = [tuple(r) for r in rows]

    @property
    def columns(self):
        return [f.name for f in self.schema.fields]

    def collect(self):
        return [Row.from_fields(self.columns, r) for r in self._rows]

    def take(self, n):
        return self.collect()[:n]

    def count(self):
        return len(self._rows)

    def limit(self, n):
        return FakeDataset(self.session, self.schema, self._rows[:n])

    def select(self, *cols):
        names = [c if isinstance(c, str) else c.name for c in cols]
        idx = [self.columns.index(n) for n in names]
        return FakeDataset(self.session, T.StructType([self.schema.fields[i] for i in idx]),
                           [tuple(r[i] for i in idx) for r in self._rows])

    def show_string(self, n=20, truncate=20, vertical=False):
        cells = [self.columns] + [[_fmt(v) for v in r] for r in self._rows[:n]]
        widths = [max(3, max(len(row[i]) for row in cells)) for i in range(len(self.columns))]
        sep = '+' + '+'.join('-' * w for w in widths) + '+'
        out = [sep, '|' + '|'.join(c.rjust(w) for c, w in zip(cells[0], widths)) + '|', sep]
        for row in cells[1:]:
            out.append('|' + '|'.join(c.rjust(w) for c, w in zip(row, widths)) + '|')
        out.append(sep)
        return '\n'.join(out) + '\n'

    def to_json_rows(self):
        return [json.dumps(dict(zip(self.columns, r)), separators=(',', ':')) for r in self._rows]

    def tree_string(self):
        return self.schema.treeString()

    def create_or_replace_temp_view(self, name):
        self.session.views[name.lower()] = self


class FakeState:
    version = '3.5.9'

    def __init__(self, conf=None):
        self.conf = FakeConf(conf or {'spark.sql.shuffle.partitions': '200'})
        self.views = {}

    def sql(self, text):
        m = re.fullmatch(r'\s*SELECT\s+(\d+)\s+AS\s+(\w+)\s*', text, re.I)
        if m:
            return FakeDataset(self, T.StructType([T.StructField(m.group(2), T.IntegerType(), False)]),
                               [(int(m.group(1)),)])
        m = re.fullmatch(r'\s*SELECT\s+\*\s+FROM\s+(\w+)\s*', text, re.I)
        if m:
            v = self.views.get(m.group(1).lower())
            if v is None:
                raise FakeAnalysisException(m.group(1))
            return v
        raise NotImplementedError(text)

    def range(self, start, end=None, step=1, num_partitions=None):
        if end is None:
            start, end = 0, start
        return FakeDataset(self, T.StructType([T.StructField('id', T.LongType(), False)]),
                           [(i,) for i in range(start, end, step)])

    def create_dataset(self, rows, schema=None):
        return FakeDataset(self, schema, rows)


def make_state():
    return FakeState()

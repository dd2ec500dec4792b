"""The Spark API as Scala code sees it (SparkSession, SparkContext, Dataset, Column, Row...),
on top of ``spark_engine`` (used directly, as Scala uses the JVM objects)."""

from .errors import ScalaThrowable
from .stypes import (ST, INT, LONG, DOUBLE, STRING, BOOLEAN, UNIT_T,
                     NOTHING, ANY, COLUMN, DATAFRAME, ROW, is_numeric, tuple_of, SEQ_KINDS)
from .values import (JavaObject, SSeq, SArray, SMap, STuple, SOption, NONE, CaseObj, Char, UNIT,
                     to_string)
from .methods import METHODS, GLOBALS, Entry, reg, sig, anyargs, nargs_between, elem, items_of
from . import methods as M

SQL_FRAME_TAIL = ()


ENGINE = None    # the engine package of the session state (spark_engine)


def engine():
    if ENGINE is not None:
        return ENGINE
    import spark_engine
    return spark_engine


def translate(exc):
    """An engine exception as the JVM exception Scala code sees."""
    jc = getattr(exc, 'java_class', None)
    if jc is None:
        return exc
    t = ScalaThrowable(jc, getattr(exc, 'java_message', str(exc)), list(getattr(exc, 'jvm_frames', []) or []))
    return t


def guarded(fn):
    def run(*a, **kw):
        try:
            return fn(*a, **kw)
        except ScalaThrowable:
            raise
        except AttributeError as exc:
            # an engine API this emulation does not have yet: say so
            raise ScalaThrowable('java.lang.UnsupportedOperationException',
                                 'not supported by this emulation (%s)' % exc)
        except Exception as exc:  # engine errors carry java_class
            t = translate(exc)
            if t is exc:
                raise
            raise t
    return run


# -- session objects ---------------------------------------------------------------------------

class SparkSessionValue(JavaObject):
    def __init__(self, repl):
        JavaObject.__init__(self, 'org.apache.spark.sql.SparkSession')
        self.repl = repl

    @property
    def state(self):
        st = self.repl.state
        if st is None:
            raise ScalaThrowable('java.lang.IllegalStateException', 'SparkSession is not available in this session')
        return st

    def scala_to_string(self):
        return repr(self)


class SparkContextValue(JavaObject):
    def __init__(self, repl, spark):
        JavaObject.__init__(self, 'org.apache.spark.SparkContext')
        self.repl = repl
        self.spark = spark

    def scala_to_string(self):
        return repr(self)


class RuntimeConfigValue(JavaObject):
    def __init__(self, spark):
        JavaObject.__init__(self, 'org.apache.spark.sql.RuntimeConfig')
        self.spark = spark

    def scala_to_string(self):
        return repr(self)


class SparkConfValue(JavaObject):
    def __init__(self, sc):
        JavaObject.__init__(self, 'org.apache.spark.SparkConf')
        self.sc = sc

    def scala_to_string(self):
        return repr(self)


def _info(repl, key, default=None):
    return repl.info.get(key, default)


def _conf_dict(repl):
    return dict(repl.info.get('conf') or {})


def _spark_typ(ret):
    return sig(ret)


reg('SparkSession', 'version', sig(STRING), lambda ev, r, a, n: r.repl.info.get('sparkVersion') or r.state.version, nullary=True, allow_args=False)


def _sql_typ(tc, rt, args, node, scope, expected):
    if not args or len(args) != 1:
        tc.error('missing argument list for method sql' if not args else 'too many arguments', node.pos)
    t = tc.arg(args[0], scope, STRING)
    tc.check_conforms(args[0], t, STRING)
    return DATAFRAME


@guarded
def _sql_run(ev, r, a, n):
    ds = r.state.sql(a[0])
    return DatasetValue(ds, None)


reg('SparkSession', 'sql', _sql_typ, _sql_run)


def _range_typ(tc, rt, args, node, scope, expected):
    if not args or len(args) > 4:
        tc.error('missing argument list for method range', node.pos)
    for x in args:
        t = tc.arg(x, scope, LONG)
        tc.check_conforms(x, t, LONG)
    return ST('Dataset', [ST('Long', [])])


@guarded
def _range_run(ev, r, a, n):
    if len(a) == 1:
        ds = r.state.range(0, a[0])
    elif len(a) == 2:
        ds = r.state.range(a[0], a[1])
    elif len(a) == 3:
        ds = r.state.range(a[0], a[1], a[2])
    else:
        ds = r.state.range(a[0], a[1], a[2], a[3])
    return DatasetValue(ds, LONG)


reg('SparkSession', 'range', _range_typ, _range_run)
reg('SparkSession', 'table', sig(DATAFRAME, STRING), guarded(lambda ev, r, a, n: DatasetValue(r.state.table(a[0]), None)))
reg('SparkSession', 'conf', sig(ST('RuntimeConfig')), lambda ev, r, a, n: RuntimeConfigValue(r), nullary=True, allow_args=False)
reg('SparkSession', 'sparkContext', sig(ST('SparkContext')), lambda ev, r, a, n: _sc_of(r), nullary=True, allow_args=False)
reg('SparkSession', 'catalog', sig(ST('Catalog')), lambda ev, r, a, n: CatalogValue(r), nullary=True, allow_args=False)
reg('SparkSession', 'emptyDataFrame', sig(DATAFRAME), guarded(lambda ev, r, a, n: DatasetValue(r.state.empty_dataset(), None)), nullary=True, allow_args=False)


def _sc_of(spark):
    sym = spark.repl.scope.lookup('sc')
    if sym is not None and isinstance(sym.value, SparkContextValue):
        return sym.value
    return SparkContextValue(spark.repl, spark)


# RuntimeConfig
def _conf_get(ev, r, a, n):
    key = a[0]
    try:
        if len(a) > 1:
            v = r.spark.state.conf.get(key, a[1])
        else:
            v = r.spark.state.conf.get(key)
    except Exception as exc:
        t = translate(exc)
        if t is exc:
            raise
        raise t
    return v


def _conf_get_typ(tc, rt, args, node, scope, expected):
    if not args or len(args) > 2:
        tc.error('missing argument list for method get', node.pos)
    for x in args:
        t = tc.arg(x, scope, STRING)
        tc.check_conforms(x, t, STRING)
    return STRING


reg('RuntimeConfig', 'get', _conf_get_typ, _conf_get)
reg('RuntimeConfig', 'set', sig(UNIT_T, STRING, ANY), lambda ev, r, a, n: (r.spark.state.conf.set(a[0], to_string(a[1])), UNIT)[1])
reg('RuntimeConfig', 'unset', sig(UNIT_T, STRING), lambda ev, r, a, n: (r.spark.state.conf.unset(a[0]), UNIT)[1])
reg('RuntimeConfig', 'getAll', sig(ST('Map', [STRING, STRING])),
    lambda ev, r, a, n: M.hashorder.build_map(sorted(r.spark.state.conf.get_all().items())), nullary=True, allow_args=False)
reg('RuntimeConfig', 'isModifiable', sig(BOOLEAN, STRING), lambda ev, r, a, n: bool(r.spark.state.conf.is_modifiable(a[0])))

# SparkContext
reg('SparkContext', 'version', sig(STRING), lambda ev, r, a, n: r.repl.info.get('sparkVersion') or '3.5.9', nullary=True, allow_args=False)
reg('SparkContext', 'appName', sig(STRING), lambda ev, r, a, n: r.repl.info.get('appName', ''), nullary=True, allow_args=False)
reg('SparkContext', 'master', sig(STRING), lambda ev, r, a, n: r.repl.info.get('master', ''), nullary=True, allow_args=False)
reg('SparkContext', 'applicationId', sig(STRING), lambda ev, r, a, n: r.repl.info.get('applicationId', ''), nullary=True, allow_args=False)
reg('SparkContext', 'defaultParallelism', sig(INT), lambda ev, r, a, n: int(r.repl.info.get('defaultParallelism', 1)), nullary=True, allow_args=False)
reg('SparkContext', 'isLocal', sig(BOOLEAN), lambda ev, r, a, n: str(r.repl.info.get('master', '')).startswith('local'), nullary=True, allow_args=False)
reg('SparkContext', 'getConf', sig(ST('SparkConf')), lambda ev, r, a, n: SparkConfValue(r))


def _sparkconf_get(ev, r, a, n):
    conf = _conf_dict(r.sc.repl)
    if a[0] in conf:
        return conf[a[0]]
    if len(a) > 1:
        return a[1]
    raise ScalaThrowable('java.util.NoSuchElementException', a[0],
                         ['org.apache.spark.SparkConf.$anonfun$get$1(SparkConf.scala:245)',
                          'scala.Option.getOrElse(Option.scala:189)',
                          'org.apache.spark.SparkConf.get(SparkConf.scala:245)'])


reg('SparkConf', 'get', _conf_get_typ, _sparkconf_get)
reg('SparkConf', 'getAll', sig(ST('Array', [tuple_of([STRING, STRING])])),
    lambda ev, r, a, n: SArray([STuple(kv) for kv in sorted(_conf_dict(r.sc.repl).items())], 'Tuple2'), nullary=True, allow_args=False)
reg('SparkConf', 'contains', sig(BOOLEAN, STRING), lambda ev, r, a, n: a[0] in _conf_dict(r.sc.repl))


# -- Catalog -------------------------------------------------------------------------------------

class CatalogValue(JavaObject):
    def __init__(self, spark):
        JavaObject.__init__(self, 'org.apache.spark.sql.internal.CatalogImpl')
        self.spark = spark

    def scala_to_string(self):
        return repr(self)


reg('Catalog', 'currentDatabase', sig(STRING), lambda ev, r, a, n: r.spark.state.catalog.current_database(), nullary=True, allow_args=False)
reg('Catalog', 'tableExists', sig(BOOLEAN, STRING), guarded(lambda ev, r, a, n: bool(r.spark.state.catalog.table_exists(a[0]))))
reg('Catalog', 'dropTempView', sig(BOOLEAN, STRING), guarded(lambda ev, r, a, n: bool(r.spark.state.catalog.drop_temp_view(a[0]))))


# -- Dataset -------------------------------------------------------------------------------------

class DatasetValue:
    """A JVM Dataset: the engine Dataset and, for a typed Dataset[T], the element type."""

    def __init__(self, ds, elem_type):
        self.ds = ds
        self.elem_type = elem_type

    def scala_to_string(self):
        fields = list(self.ds.schema.fields)
        shown = ['%s: %s' % (f.name, f.dataType.simpleString()) for f in fields[:2]]
        s = '[' + ', '.join(shown)
        if len(fields) > 2:
            more = len(fields) - 2
            s += ' ... %d more field%s' % (more, '' if more == 1 else 's')
        return s + ']'


def _ds_type(rt):
    return rt


def _is_df(rt):
    return rt.name == 'DataFrame'


def _ds_elem(rt):
    if rt.name == 'DataFrame':
        return ROW
    return rt.args[0] if rt.args else ROW


def _show_typ(tc, rt, args, node, scope, expected):
    args = args or []
    if len(args) > 3:
        tc.error('too many arguments (%d) for method show' % len(args), args[3].pos)
    ts = [tc.arg(a, scope) for a in args]
    node.show_types = ts
    return UNIT_T


@guarded
def _show_run(ev, r, a, n):
    num, truncate, vertical = 20, 20, False
    ts = getattr(n, 'show_types', [])
    if len(a) == 1:
        if ts and ts[0].name == 'Boolean':
            truncate = 20 if a[0] else 0
        else:
            num = a[0]
    elif len(a) >= 2:
        num = a[0]
        truncate = (20 if a[1] else 0) if isinstance(a[1], bool) else a[1]
        if len(a) == 3:
            vertical = a[2]
    s = r.ds.show_string(num, truncate, vertical)
    if not s.endswith('\n'):
        s += '\n'
    ev.out(s + '\n')
    return UNIT


reg('Dataset', 'show', _show_typ, _show_run)
reg('Dataset', 'count', sig(LONG), guarded(lambda ev, r, a, n: r.ds.count()))
reg('Dataset', 'printSchema', sig(UNIT_T), lambda ev, r, a, n: (ev.out(_tree_string(r.ds) + '\n'), UNIT)[1])
reg('Dataset', 'columns', sig(ST('Array', [STRING])), lambda ev, r, a, n: SArray(list(r.ds.columns), 'String'), nullary=True, allow_args=False)
reg('Dataset', 'schema', sig(ST('StructType')), lambda ev, r, a, n: StructTypeValue(r.ds.schema), nullary=True, allow_args=False)
reg('Dataset', 'dtypes', sig(ST('Array', [tuple_of([STRING, STRING])])),
    lambda ev, r, a, n: SArray([STuple((f.name, scala_type_string(f.dataType))) for f in r.ds.schema.fields], 'Tuple2'), nullary=True, allow_args=False)
reg('Dataset', 'isEmpty', sig(BOOLEAN), guarded(lambda ev, r, a, n: r.ds.count() == 0), nullary=True, allow_args=False)


def _tree_string(ds):
    s = ds.tree_string() if hasattr(ds, 'tree_string') else ds.schema.treeString()
    return s


def _collect_typ(tc, rt, args, node, scope, expected):
    if args:
        tc.error('too many arguments', args[0].pos)
    return ST('Array', [_ds_elem(rt)])


@guarded
def _collect_run(ev, r, a, n):
    rows = r.ds.collect()
    return SArray([row_to_scala(row, r) for row in rows], 'Row' if r.elem_type is None else r.elem_type.name)


@guarded
def _take_run(ev, r, a, n):
    rows = r.ds.take(a[0])
    return SArray([row_to_scala(row, r) for row in rows], 'Row' if r.elem_type is None else r.elem_type.name)


@guarded
def _first_run(ev, r, a, n):
    rows = r.ds.take(1)
    if not rows:
        raise ScalaThrowable('java.util.NoSuchElementException', 'next on empty iterator')
    return row_to_scala(rows[0], r)


def _head_typ(tc, rt, args, node, scope, expected):
    if args:
        t = tc.arg(args[0], scope, INT)
        tc.check_conforms(args[0], t, INT)
        return ST('Array', [_ds_elem(rt)])
    return _ds_elem(rt)


def _head_run(ev, r, a, n):
    if a:
        return _take_run(ev, r, a, n)
    return _first_run(ev, r, a, n)


reg('Dataset', 'collect', _collect_typ, _collect_run)
reg('Dataset', 'take', sig(lambda rt: ST('Array', [_ds_elem(rt)]), INT), _take_run)
reg('Dataset', 'first', sig(_ds_elem), _first_run)
reg('Dataset', 'head', _head_typ, _head_run)
reg('Dataset', 'collectAsList', _collect_typ, _collect_run)


def _cols_arg_typ(ret):
    """Methods taking columns as String* or Column*."""
    def typ(tc, rt, args, node, scope, expected):
        args = args or []
        kinds = set()
        for x in args:
            t = tc.arg(x, scope)
            if t.name == 'String':
                kinds.add('s')
            elif t.name in ('Column', 'ColumnName'):
                kinds.add('c')
            elif t.name in SEQ_KINDS and x.kind == 'SeqArg':
                kinds.add('s' if elem(t).name == 'String' else 'c')
            else:
                tc.error('overloaded method value %s with alternatives:\n  (col: String,cols: String*)%s <and>\n  (cols: org.apache.spark.sql.Column*)%s\n cannot be applied to (%s)' % (
                    node.mname, _ret(ret, rt).show(), _ret(ret, rt).show(), ', '.join(tc.arg(y, scope).show() for y in args)), node.pos)
        if len(kinds) > 1:
            tc.error('overloaded method value %s with alternatives:\n  (col: String,cols: String*)%s <and>\n  (cols: org.apache.spark.sql.Column*)%s\n cannot be applied to (%s)' % (
                node.mname, _ret(ret, rt).show(), _ret(ret, rt).show(), ', '.join(tc.arg(y, scope).show() for y in args)), node.pos)
        return _ret(ret, rt)
    return typ


def _ret(ret, rt):
    return ret(rt) if callable(ret) else ret


def _cols(vals):
    out = []
    for v in vals:
        if isinstance(v, (SSeq, SArray)):
            out.extend(_cols(v.items))
        else:
            out.append(v.col if isinstance(v, ColumnValue) else v)
    return out


reg('Dataset', 'select', _cols_arg_typ(DATAFRAME), guarded(lambda ev, r, a, n: DatasetValue(r.ds.select(*_cols(a)), None)))
reg('Dataset', 'selectExpr', anyargs(DATAFRAME), guarded(lambda ev, r, a, n: DatasetValue(r.ds.selectExpr(*a), None)))


def _filter_typ(tc, rt, args, node, scope, expected):
    if not args or len(args) != 1:
        tc.error('missing argument list for method %s' % node.mname, node.pos)
    if args[0].kind in ('Lambda', 'CaseLambda'):
        r = tc.fn_arg(args[0], scope, [_ds_elem(rt)])
        node.typed_fn = True
        return rt
    t = tc.arg(args[0], scope)
    if t.name not in ('String', 'Column', 'ColumnName'):
        tc.error('overloaded method value %s with alternatives:\n  (func: org.apache.spark.api.java.function.FilterFunction[%s])%s <and>\n  (func: %s => Boolean)%s <and>\n  (conditionExpr: String)%s <and>\n  (condition: org.apache.spark.sql.Column)%s\n cannot be applied to (%s)' % (
            node.mname, _ds_elem(rt).show(), rt.show(), _ds_elem(rt).show(), rt.show(), rt.show(), rt.show(), t.show()), node.pos)
    return rt


@guarded
def _filter_run(ev, r, a, n):
    if getattr(n, 'typed_fn', False):
        rows = r.ds.collect()
        keep = [row for row in rows if ev.apply_fn(a[0], [row_to_scala(row, r)])]
        return DatasetValue(r.ds.session.create_dataset([tuple(x) for x in keep], r.ds.schema), r.elem_type)
    c = a[0].col if isinstance(a[0], ColumnValue) else a[0]
    return DatasetValue(r.ds.filter(c), r.elem_type)


reg('Dataset', ('filter', 'where'), _filter_typ, _filter_run)
reg('Dataset', 'limit', sig(lambda rt: rt, INT), guarded(lambda ev, r, a, n: DatasetValue(r.ds.limit(a[0]), r.elem_type)))
reg('Dataset', ('orderBy', 'sort'), _cols_arg_typ(lambda rt: rt), guarded(lambda ev, r, a, n: DatasetValue(r.ds.orderBy(*_cols(a)), r.elem_type)))
reg('Dataset', 'groupBy', _cols_arg_typ(ST('GroupedData')), guarded(lambda ev, r, a, n: GroupedValue(r.ds.groupBy(*_cols(a)))))
reg('Dataset', 'distinct', sig(lambda rt: rt), guarded(lambda ev, r, a, n: DatasetValue(r.ds.distinct(), r.elem_type)))
reg('Dataset', 'dropDuplicates', anyargs(lambda rt: rt), guarded(lambda ev, r, a, n: DatasetValue(r.ds.dropDuplicates(_cols(a) or None), r.elem_type)))
reg('Dataset', ('cache', 'persist'), anyargs(lambda rt: rt), lambda ev, r, a, n: r)
reg('Dataset', 'unpersist', anyargs(lambda rt: rt), lambda ev, r, a, n: r)
reg('Dataset', 'withColumn', sig(DATAFRAME, STRING, COLUMN), guarded(lambda ev, r, a, n: DatasetValue(r.ds.withColumn(a[0], a[1].col), None)))
reg('Dataset', 'withColumnRenamed', sig(DATAFRAME, STRING, STRING), guarded(lambda ev, r, a, n: DatasetValue(r.ds.withColumnRenamed(a[0], a[1]), None)))
reg('Dataset', 'drop', _cols_arg_typ(DATAFRAME), guarded(lambda ev, r, a, n: DatasetValue(r.ds.drop(*_cols(a)), None)))
reg('Dataset', ('union', 'unionAll'), sig(lambda rt: rt, lambda rt: rt), guarded(lambda ev, r, a, n: DatasetValue(r.ds.union(a[0].ds), r.elem_type)))
reg('Dataset', 'unionByName', sig(lambda rt: rt, lambda rt: rt), guarded(lambda ev, r, a, n: DatasetValue(r.ds.unionByName(a[0].ds), r.elem_type)))
reg('Dataset', 'intersect', sig(lambda rt: rt, lambda rt: rt), guarded(lambda ev, r, a, n: DatasetValue(r.ds.intersect(a[0].ds), r.elem_type)))
reg('Dataset', ('except', 'exceptAll'), sig(lambda rt: rt, lambda rt: rt), guarded(lambda ev, r, a, n: DatasetValue(r.ds.exceptAll(a[0].ds), r.elem_type)))


def _agg_typ(tc, rt, args, node, scope, expected):
    for x in args or []:
        t = tc.arg(x, scope)
        if t.name not in ('Column', 'ColumnName', 'Map', 'Tuple'):
            tc.error('type mismatch;', x.pos, [' found   : %s' % t.show(), ' required: org.apache.spark.sql.Column'])
    return DATAFRAME


def _agg_args(a):
    if len(a) == 1 and isinstance(a[0], SMap):
        return [dict((k, v) for k, v in a[0].items)]
    if a and isinstance(a[0], STuple):
        return [dict((t[0], t[1]) for t in a)]
    return _cols(a)


reg('Dataset', 'agg', _agg_typ, guarded(lambda ev, r, a, n: DatasetValue(r.ds.agg(*_agg_args(a)), None)))


def _join_typ(tc, rt, args, node, scope, expected):
    if not args or len(args) > 3:
        tc.error('missing argument list for method join', node.pos)
    for x in args:
        tc.arg(x, scope)
    return DATAFRAME


@guarded
def _join_run(ev, r, a, n):
    other = a[0].ds
    on = None
    how = 'inner'
    if len(a) >= 2:
        v = a[1]
        if isinstance(v, ColumnValue):
            on = v.col
        elif isinstance(v, (SSeq, SArray)):
            on = list(v.items)
        else:
            on = v
    if len(a) == 3:
        how = a[2]
    if on is None:
        return DatasetValue(r.ds.join(other), None)
    return DatasetValue(r.ds.join(other, on, how), None)


reg('Dataset', 'join', _join_typ, _join_run)
reg('Dataset', 'crossJoin', sig(DATAFRAME, DATAFRAME), guarded(lambda ev, r, a, n: DatasetValue(r.ds.crossJoin(a[0].ds), None)))


def _createview_run(replace):
    @guarded
    def run(ev, r, a, n):
        if replace:
            r.ds.create_or_replace_temp_view(a[0])
        else:
            r.ds.create_temp_view(a[0])
        return UNIT
    return run


reg('Dataset', ('createOrReplaceTempView', 'registerTempTable'), sig(UNIT_T, STRING), _createview_run(True))
reg('Dataset', 'createTempView', sig(UNIT_T, STRING), _createview_run(False))
reg('Dataset', 'toJSON', sig(ST('Dataset', [STRING])), guarded(lambda ev, r, a, n: JsonDatasetValue(r.ds)), nullary=True, allow_args=False)


def _todf_typ(tc, rt, args, node, scope, expected):
    for x in args or []:
        t = tc.arg(x, scope, STRING)
        tc.check_conforms(x, t, STRING)
    return DATAFRAME


reg('Dataset', 'toDF', _todf_typ, guarded(lambda ev, r, a, n: DatasetValue(r.ds.toDF(*a) if a else r.ds, None)))
reg('Dataset', ('as', 'alias'), sig(lambda rt: rt, STRING), guarded(lambda ev, r, a, n: DatasetValue(r.ds.alias(a[0]), r.elem_type)))


def _explain_run(ev, r, a, n):
    s = r.ds.explain_string(bool(a[0]) if a else False)
    ev.out(s if s.endswith('\n') else s + '\n')
    return UNIT


reg('Dataset', 'explain', anyargs(UNIT_T), guarded(_explain_run))
reg('Dataset', 'apply', sig(COLUMN, STRING), guarded(lambda ev, r, a, n: ColumnValue(r.ds.col(a[0]))))
reg('Dataset', 'col', sig(COLUMN, STRING), guarded(lambda ev, r, a, n: ColumnValue(r.ds.col(a[0]))))


def _ds_foreach_typ(tc, rt, args, node, scope, expected):
    tc.fn_arg(args[0], scope, [_ds_elem(rt)])
    return UNIT_T


@guarded
def _ds_foreach_run(ev, r, a, n):
    for row in r.ds.collect():
        ev.apply_fn(a[0], [row_to_scala(row, r)])
    return UNIT


reg('Dataset', 'foreach', _ds_foreach_typ, _ds_foreach_run)


def _ds_map_typ(tc, rt, args, node, scope, expected):
    if not args or len(args) != 1:
        tc.error('missing argument list for method map', node.pos)
    t = tc.fn_arg(args[0], scope, [_ds_elem(rt)])
    try:
        encoder_schema(t, tc)
    except _NoEncoder:
        tc.error('Unable to find encoder for type %s. An implicit Encoder[%s] is needed to store %s instances in a Dataset. Primitive types (Int, String, etc) and Product types (case classes) are supported by importing spark.implicits._  Support for serializing other types will be added in future releases.' % (t.show(), t.show(), t.show()), node.pos)
    return ST('Dataset', [t])


@guarded
def _ds_map_run(ev, r, a, n):
    t = n.tpe.args[0]
    out = [ev.apply_fn(a[0], [row_to_scala(row, r)]) for row in r.ds.collect()]
    return make_dataset(r.ds.session, out, t, None)


reg('Dataset', 'map', _ds_map_typ, _ds_map_run)


def _ds_reduce_run(ev, r, a, n):
    items = [row_to_scala(row, r) for row in r.ds.collect()]
    if not items:
        raise ScalaThrowable('java.lang.UnsupportedOperationException', 'empty collection')
    acc = items[0]
    for x in items[1:]:
        acc = ev.apply_fn(a[0], [acc, x])
    return acc


reg('Dataset', 'reduce', lambda tc, rt, args, node, scope, expected: (tc.fn_arg(args[0], scope, [_ds_elem(rt), _ds_elem(rt)]), _ds_elem(rt))[1], guarded(_ds_reduce_run))


class JsonDatasetValue(DatasetValue):
    """``df.toJSON``: a Dataset[String] whose rows are Spark's JSON texts."""

    def __init__(self, ds):
        DatasetValue.__init__(self, ds, STRING)
        self.json_rows = None

    def rows(self):
        if self.json_rows is None:
            self.json_rows = list(self.ds.to_json_rows())
        return self.json_rows

    def scala_to_string(self):
        return '[value: string]'


def _json_take(ev, r, a, n):
    if isinstance(r, JsonDatasetValue):
        return SArray(r.rows()[:max(a[0], 0)], 'String')
    return _take_run(ev, r, a, n)


def _json_collect(ev, r, a, n):
    if isinstance(r, JsonDatasetValue):
        return SArray(list(r.rows()), 'String')
    return _collect_run(ev, r, a, n)


def _json_count(ev, r, a, n):
    if isinstance(r, JsonDatasetValue):
        return len(r.rows())
    return r.ds.count()


def _json_first(ev, r, a, n):
    if isinstance(r, JsonDatasetValue):
        rows = r.rows()
        if not rows:
            raise ScalaThrowable('java.util.NoSuchElementException', 'next on empty iterator')
        return rows[0]
    return _first_run(ev, r, a, n)


def _json_show(ev, r, a, n):
    if isinstance(r, JsonDatasetValue):
        ds = r.ds.session.create_dataset([(x,) for x in r.rows()], 'value STRING')
        return _show_run(ev, DatasetValue(ds, STRING), a, n)
    return _show_run(ev, r, a, n)


def _json_foreach(ev, r, a, n):
    if isinstance(r, JsonDatasetValue):
        for x in r.rows():
            ev.apply_fn(a[0], [x])
        return UNIT
    return _ds_foreach_run(ev, r, a, n)


METHODS[('Dataset', 'take')] = Entry(sig(lambda rt: ST('Array', [_ds_elem(rt)]), INT), guarded(_json_take))
METHODS[('Dataset', 'collect')] = Entry(_collect_typ, guarded(_json_collect))
METHODS[('Dataset', 'count')] = Entry(sig(LONG), guarded(_json_count))
METHODS[('Dataset', 'first')] = Entry(sig(_ds_elem), guarded(_json_first))
METHODS[('Dataset', 'show')] = Entry(_show_typ, guarded(_json_show))
METHODS[('Dataset', 'foreach')] = Entry(_ds_foreach_typ, guarded(_json_foreach))


# -- grouped data ----------------------------------------------------------------------------------

class GroupedValue(JavaObject):
    def __init__(self, gd):
        JavaObject.__init__(self, 'org.apache.spark.sql.RelationalGroupedDataset')
        self.gd = gd

    def scala_to_string(self):
        return 'RelationalGroupedDataset: [grouping expressions: [], value: [], type: GroupBy]'


reg('GroupedData', 'count', sig(DATAFRAME), guarded(lambda ev, r, a, n: DatasetValue(r.gd.count(), None)))
reg('GroupedData', 'agg', _agg_typ, guarded(lambda ev, r, a, n: DatasetValue(r.gd.agg(*_agg_args(a)), None)))
for _m in ('sum', 'avg', 'mean', 'max', 'min'):
    reg('GroupedData', _m, anyargs(DATAFRAME), guarded(lambda ev, r, a, n, _m=_m: DatasetValue(getattr(r.gd, _m)(*a), None)))


# -- columns ---------------------------------------------------------------------------------------

class ColumnValue:
    def __init__(self, col, name_only=False):
        self.col = col
        self.name_only = name_only

    def scala_to_string(self):
        c = self.col
        if hasattr(c, 'to_string'):
            return c.to_string()
        return str(c)


def column_named(name):
    F = engine().functions
    return ColumnValue(F.col(name), True)


def _to_col(v):
    if isinstance(v, ColumnValue):
        return v.col
    F = engine().functions
    return F.lit(_to_py(v))


def col_binop(op, l, r, node):
    lc = l.col
    rc = r.col if isinstance(r, ColumnValue) else _to_py(r)
    try:
        if op in ('===', '=='):
            c = lc == rc
        elif op in ('=!=', '!='):
            c = lc != rc
        elif op == '>':
            c = lc > rc
        elif op == '<':
            c = lc < rc
        elif op == '>=':
            c = lc >= rc
        elif op == '<=':
            c = lc <= rc
        elif op == '+':
            c = lc + rc
        elif op == '-':
            c = lc - rc
        elif op == '*':
            c = lc * rc
        elif op == '/':
            c = lc / rc
        elif op == '%':
            c = lc % rc
        elif op == '&&':
            c = lc & rc
        elif op == '||':
            c = lc | rc
        elif op == '<=>':
            c = lc.eqNullSafe(rc)
        else:
            raise ScalaThrowable('java.lang.UnsupportedOperationException', op)
    except ScalaThrowable:
        raise
    except Exception as exc:
        t = translate(exc)
        if t is exc:
            raise
        raise t
    return ColumnValue(c)


def col_unary(op, v):
    if op == '!':
        return ColumnValue(~v.col)
    return ColumnValue(-v.col)


def _col_binop_typ(tc, rt, args, node, scope, expected):
    t = tc.pretyped[0] if tc.pretyped else tc.arg(args[0], scope)
    return BOOLEAN if False else COLUMN


for _op in ('===', '=!=', '>', '<', '>=', '<=', '+', '-', '*', '/', '%', '<=>', '&&', '||'):
    reg('Column', _op, _col_binop_typ, (lambda ev, r, a, n, _op=_op: col_binop(_op, r, a[0], n)))


def _colm(name, ret=COLUMN, conv=None):
    def run(ev, r, a, n):
        fn = getattr(r.col, name)
        args = [x.col if isinstance(x, ColumnValue) else _to_py(x) for x in a]
        try:
            return ColumnValue(fn(*args))
        except ScalaThrowable:
            raise
        except Exception as exc:
            t = translate(exc)
            if t is exc:
                raise
            raise t
    return run


reg('Column', ('as', 'alias', 'name'), sig(COLUMN, STRING), _colm('alias'))
reg('Column', 'cast', sig(COLUMN, STRING), _colm('cast'))
reg('Column', 'desc', sig(COLUMN), _colm('desc'), nullary=True, allow_args=False)
reg('Column', 'asc', sig(COLUMN), _colm('asc'), nullary=True, allow_args=False)
reg('Column', 'isNull', sig(COLUMN), _colm('isNull'), nullary=True, allow_args=False)
reg('Column', 'isNotNull', sig(COLUMN), _colm('isNotNull'), nullary=True, allow_args=False)
reg('Column', 'like', sig(COLUMN, STRING), _colm('like'))
reg('Column', 'rlike', sig(COLUMN, STRING), _colm('rlike'))
reg('Column', 'contains', sig(COLUMN, ANY), _colm('contains'))
reg('Column', 'startsWith', sig(COLUMN, ANY), _colm('startswith'))
reg('Column', 'endsWith', sig(COLUMN, ANY), _colm('endswith'))
reg('Column', 'isin', anyargs(COLUMN), lambda ev, r, a, n: ColumnValue(r.col.isin(*[_to_py(x) for x in a])))
reg('Column', 'between', sig(COLUMN, ANY, ANY), _colm('between'))
reg('Column', 'substr', sig(COLUMN, INT, INT), _colm('substr'))
reg('Column', 'otherwise', sig(COLUMN, ANY), _colm('otherwise'))
reg('Column', 'when', sig(COLUMN, COLUMN, ANY), _colm('when'))
reg('Column', 'toString', sig(STRING), lambda ev, r, a, n: r.scala_to_string())


# functions._ (imported in every Livy Scala session)
def _fn_typ(kind):
    def typ(tc, args, node, scope, expected=None):
        if args is None:
            tc.error('missing argument list for method %s in object functions' % node.name if hasattr(node, 'name') else 'missing argument list', node.pos)
        node.arg_types = [tc.arg(a, scope) for a in args]
        return COLUMN
    return typ


def _fn_run(name, mode):
    def run(ev, args, node):
        F = engine().functions
        ts = getattr(node, 'arg_types', [])
        cols = []
        for i, (v, t) in enumerate(zip(args, ts)):
            if isinstance(v, ColumnValue):
                cols.append(v.col)
            elif isinstance(v, (SSeq, SArray)):
                cols.extend(_to_col(x) if not isinstance(x, str) else F.col(x) for x in v.items)
            elif t.name == 'String' and mode == 'names' and i == 0:
                cols.append(F.col(v))
            elif t.name == 'String' and mode == 'names_all':
                cols.append(F.col(v))
            else:
                cols.append(F.lit(_to_py(v)))
        try:
            if name == 'col' or name == 'column':
                return ColumnValue(F.col(args[0]), True)
            if name == 'lit':
                return ColumnValue(F.lit(_to_py(args[0])))
            if name == 'expr':
                return ColumnValue(F.expr(args[0]))
            if name == 'when':
                return ColumnValue(F.when(cols[0], cols[1]))
            if name in ('asc', 'desc'):
                return ColumnValue(getattr(F, name)(args[0]))
            if name == 'countDistinct':
                return ColumnValue(F.count_distinct(*cols))
            if name == 'count' and args and args[0] == '*':
                # Spark rewrites count("*") to count(1)
                return ColumnValue(F.call_function('count', F.lit(1)))
            return ColumnValue(F.call_function(name, *cols))
        except ScalaThrowable:
            raise
        except Exception as exc:
            t = translate(exc)
            if t is exc:
                raise
            raise t
    return run


def _fn(name, mode='names'):
    from .builtins import GEntry
    GLOBALS[name] = GEntry(_fn_typ(mode), _fn_run(name, mode))


for _name in ('col', 'column', 'lit', 'expr', 'asc', 'desc', 'when'):
    _fn(_name, 'literal')
for _name in ('count', 'sum', 'avg', 'mean', 'max', 'min', 'first', 'last', 'stddev', 'variance',
              'collect_list', 'collect_set', 'sumDistinct', 'approx_count_distinct',
              'upper', 'lower', 'length', 'trim', 'ltrim', 'rtrim', 'abs', 'sqrt', 'exp', 'log',
              'floor', 'ceil', 'round', 'year', 'month', 'dayofmonth', 'hour', 'minute', 'second',
              'to_date', 'to_timestamp', 'explode', 'size', 'reverse', 'initcap', 'md5', 'sha1',
              'isnull', 'isnan', 'signum', 'hex', 'unhex', 'ascii', 'base64', 'date_format',
              'substring', 'split', 'regexp_replace', 'regexp_extract', 'format_number',
              'date_add', 'date_sub', 'datediff', 'sort_array', 'array_contains', 'element_at',
              'lpad', 'rpad', 'repeat', 'instr', 'locate'):
    _fn(_name, 'names')
for _name in ('concat', 'coalesce', 'greatest', 'least', 'array', 'struct', 'countDistinct', 'map'):
    _fn(_name, 'names_all')
_fn('concat_ws', 'literal')
for _name in ('current_date', 'current_timestamp', 'rand', 'randn', 'monotonically_increasing_id'):
    _fn(_name, 'names')


# `sql(...)` from `import spark.sql`
def _sql_global_typ(tc, args, node, scope, expected=None):
    if args is None or len(args) != 1:
        tc.error('missing argument list for method sql in class SparkSession', node.pos)
    tc.referenced.add('sql')
    t = tc.arg(args[0], scope, STRING)
    tc.check_conforms(args[0], t, STRING)
    return DATAFRAME


def _sql_global_run(ev, args, node):
    spark = ev.session.scope.lookup('spark').value
    return _sql_run(ev, spark, args, node)


def _install_sql():
    from .builtins import GEntry
    GLOBALS['sql'] = GEntry(_sql_global_typ, _sql_global_run)


_install_sql()


# -- toDF / toDS on local collections ----------------------------------------------------------------

class _NoEncoder(Exception):
    pass


def _dt(t, tc=None):
    """(engine DataType, nullable) for a Scala type, as Spark's encoders derive it."""
    T = engine().types
    n = t.name
    simple = {'Int': (T.IntegerType(), False), 'Long': (T.LongType(), False),
              'Double': (T.DoubleType(), False), 'Float': (T.FloatType(), False),
              'Boolean': (T.BooleanType(), False), 'Short': (T.ShortType(), False),
              'Byte': (T.ByteType(), False), 'String': (T.StringType(), True)}
    if n in simple:
        return simple[n]
    if n == 'Option':
        dt, _ = _dt(t.args[0], tc)
        return dt, True
    if n in ('Seq', 'List', 'Array', 'Vector', 'IndexedSeq'):
        et, enull = _dt(t.args[0], tc)
        return T.ArrayType(et, enull), True
    if n == 'Map':
        kt, _ = _dt(t.args[0], tc)
        vt, vnull = _dt(t.args[1], tc)
        return T.MapType(kt, vt, vnull), True
    if n == 'Tuple':
        return T.StructType([T.StructField('_%d' % (i + 1), *_dt(a, tc)) for i, a in enumerate(t.args)]), True
    cls = _case_class(t)
    if cls is not None:
        return T.StructType([T.StructField(fn, *_dt(ft, tc)) for fn, ft in cls.fields]), True
    raise _NoEncoder(t)


CLASSES = {}     # the running REPL's case classes (set by the REPL before each request)


def _case_class(t):
    return CLASSES.get(t.name)


def encoder_schema(t, tc=None):
    T = engine().types
    if t.name == 'Tuple' or _case_class(t) is not None:
        st, _ = _dt(t, tc)
        return st
    dt, nullable = _dt(t, tc)
    return T.StructType([T.StructField('value', dt, nullable)])


def _to_py(v):
    if isinstance(v, Char):
        return str(v)
    if isinstance(v, (SSeq, SArray)):
        return [_to_py(x) for x in v.items]
    if isinstance(v, SMap):
        return dict((_to_py(k), _to_py(x)) for k, x in v.items)
    if isinstance(v, SOption):
        return _to_py(v.value) if v.defined else None
    if isinstance(v, STuple):
        return tuple(_to_py(x) for x in v)
    if isinstance(v, CaseObj):
        return tuple(_to_py(x) for x in v.values)
    if isinstance(v, RowValue):
        return tuple(_to_py(x) for x in v.values)
    return v


def _row_tuple(v, t):
    if t.name == 'Tuple' or _case_class(t) is not None:
        return _to_py(v)
    return (_to_py(v),)


def make_dataset(state, items, t, names):
    schema = encoder_schema(t)
    rows = [_row_tuple(x, t) for x in items]
    try:
        # Scala's local collections become a LocalRelation (pyspark's data a LogicalRDD)
        ds = state.create_dataset(rows, schema, label='LocalRelation')
    except TypeError:
        ds = state.create_dataset(rows, schema)
    if names:
        ds = ds.toDF(*names)
    return DatasetValue(ds, t)


def _todf_local_typ(to_ds):
    def typ(tc, rt, args, node, scope, expected):
        e = elem(rt)
        try:
            encoder_schema(e, tc)
        except _NoEncoder:
            tc.error('value %s is not a member of %s' % ('toDS' if to_ds else 'toDF', rt.show()), node.pos)
        n_fields = len(e.args) if e.name == 'Tuple' else (len(_case_class(e).fields) if _case_class(e) is not None else 1)
        node.local_elem = e
        for x in args or []:
            t = tc.arg(x, scope, STRING)
            tc.check_conforms(x, t, STRING)
        if to_ds:
            if args:
                tc.error('%s does not take parameters' % ST('Dataset', [e]).show(), node.pos)
            return ST('Dataset', [e])
        return DATAFRAME
    return typ


def _todf_local_run(to_ds):
    @guarded
    def run(ev, r, a, n):
        spark = ev.session.scope.lookup('spark').value
        e = n.local_elem
        dv = make_dataset(spark.state, items_of(r), e, list(a) if a else None)
        if not to_ds:
            dv.elem_type = None
        if a and len(a) != len(dv.ds.columns) and False:
            pass
        return dv
    return run


reg('Seq', 'toDF', _todf_local_typ(False), _todf_local_run(False))
reg('Seq', 'toDS', _todf_local_typ(True), _todf_local_run(True))


def dataset_as(dv, target, ev):
    return DatasetValue(dv.ds, target)


# -- rows and schemas ------------------------------------------------------------------------------------

class RowValue:
    def __init__(self, values, names):
        self.values = values
        self.names = names

    def scala_to_string(self):
        return '[' + ','.join(to_string(v) for v in self.values) + ']'


class WrappedArray(SSeq):
    pass


def py_to_scala(v, dt):
    """An engine value of Spark type ``dt`` as the JVM object a Row holds."""
    if v is None:
        return None
    T = engine().types
    if isinstance(dt, T.ArrayType):
        return SSeq([py_to_scala(x, dt.elementType) for x in v], 'WrappedArray')
    if isinstance(dt, T.MapType):
        return M.hashorder.build_map([(py_to_scala(k, dt.keyType), py_to_scala(x, dt.valueType)) for k, x in v.items()])
    if isinstance(dt, T.StructType):
        return RowValue([py_to_scala(x, f.dataType) for x, f in zip(v, dt.fields)], [f.name for f in dt.fields])
    if isinstance(dt, (T.FloatType,)):
        from .values import Float32
        return Float32(v)
    return v


def row_to_scala(row, dv):
    schema = dv.ds.schema
    vals = [py_to_scala(x, f.dataType) for x, f in zip(tuple(row), schema.fields)]
    t = dv.elem_type
    if t is None or t == ROW:
        return RowValue(vals, [f.name for f in schema.fields])
    cls = _case_class(t)
    if cls is not None:
        by_name = dict(zip([f.name for f in schema.fields], vals))
        return CaseObj(cls, [_from_row(by_name.get(fn), ft) for fn, ft in cls.fields])
    if t.name == 'Tuple':
        return STuple(_from_row(x, ft) for x, ft in zip(vals, t.args))
    return _from_row(vals[0], t)


def _from_row(v, t):
    if isinstance(v, RowValue):
        cls = _case_class(t)
        if cls is not None:
            return CaseObj(cls, [_from_row(x, ft) for x, (_n, ft) in zip(v.values, cls.fields)])
        if t.name == 'Tuple':
            return STuple(_from_row(x, ft) for x, ft in zip(v.values, t.args))
    if t.name == 'Option':
        return NONE if v is None else SOption(True, _from_row(v, t.args[0]))
    if isinstance(v, SSeq) and t.name in ('Seq', 'List', 'Array', 'Vector'):
        items = [_from_row(x, t.args[0]) for x in v.items]
        return SArray(items, t.args[0].name) if t.name == 'Array' else SSeq(items, 'List' if t.name == 'List' else 'WrappedArray')
    return v


def _row_get(ev, r, a, n):
    i = a[0]
    if isinstance(i, str):
        if i not in r.names:
            raise ScalaThrowable('java.lang.IllegalArgumentException', 'Field "%s" does not exist.\nAvailable fields: %s' % (i, ', '.join(r.names)))
        i = r.names.index(i)
    if not 0 <= i < len(r.values):
        raise ScalaThrowable('java.lang.ArrayIndexOutOfBoundsException', 'Index %d out of bounds for length %d' % (i, len(r.values)))
    return r.values[i]


def _typed_get(t):
    def run(ev, r, a, n):
        v = _row_get(ev, r, a, n)
        if v is None and t.name in ('Int', 'Long', 'Double', 'Boolean'):
            raise ScalaThrowable('java.lang.NullPointerException', 'Value at index %d is null' % a[0])
        return v
    return run


reg('Row', ('apply', 'get'), sig(ANY, INT), _row_get)
reg('Row', 'getInt', sig(INT, INT), _typed_get(INT))
reg('Row', 'getLong', sig(LONG, INT), _typed_get(LONG))
reg('Row', 'getDouble', sig(DOUBLE, INT), _typed_get(DOUBLE))
reg('Row', 'getString', sig(STRING, INT), _typed_get(STRING))
reg('Row', 'getBoolean', sig(BOOLEAN, INT), _typed_get(BOOLEAN))
reg('Row', 'isNullAt', sig(BOOLEAN, INT), lambda ev, r, a, n: r.values[a[0]] is None)
reg('Row', ('length', 'size'), sig(INT), lambda ev, r, a, n: len(r.values))
reg('Row', 'toSeq', sig(ST('Seq', [ANY])), lambda ev, r, a, n: SSeq(list(r.values), 'List'), nullary=True, allow_args=False)
reg('Row', 'mkString', lambda tc, rt, args, node, scope, expected: ([tc.arg(x, scope) for x in args or []], STRING)[1],
    lambda ev, r, a, n: (a[0] if len(a) == 3 else '') + (a[1] if len(a) == 3 else (a[0] if a else '')).join(to_string(v) for v in r.values) + (a[2] if len(a) == 3 else ''))
reg('Row', 'fieldIndex', sig(INT, STRING), lambda ev, r, a, n: r.names.index(a[0]))


def _getas_typ(tc, rt, args, node, scope, expected):
    targs = getattr(node, 'explicit_targs', None)
    for x in args or []:
        tc.arg(x, scope)
    return targs[0] if targs else NOTHING


reg('Row', 'getAs', _getas_typ, _row_get)


class StructTypeValue:
    def __init__(self, st):
        self.st = st

    def scala_to_string(self):
        return scala_type_string(self.st)


class StructFieldValue:
    def __init__(self, f):
        self.f = f

    def scala_to_string(self):
        return 'StructField(%s,%s,%s)' % (self.f.name, scala_type_string(self.f.dataType), 'true' if self.f.nullable else 'false')


def scala_type_string(dt):
    T = engine().types
    if isinstance(dt, T.StructType):
        return 'StructType(%s)' % ','.join(StructFieldValue(f).scala_to_string() for f in dt.fields)
    if isinstance(dt, T.ArrayType):
        return 'ArrayType(%s,%s)' % (scala_type_string(dt.elementType), 'true' if dt.containsNull else 'false')
    if isinstance(dt, T.MapType):
        return 'MapType(%s,%s,%s)' % (scala_type_string(dt.keyType), scala_type_string(dt.valueType), 'true' if dt.valueContainsNull else 'false')
    if isinstance(dt, T.DecimalType):
        return 'DecimalType(%d,%d)' % (dt.precision, dt.scale)
    r = repr(dt)
    return r[:-2] if r.endswith('()') else r


reg('StructType', 'fields', sig(ST('Array', [ST('StructField')])), lambda ev, r, a, n: SArray([StructFieldValue(f) for f in r.st.fields], 'StructField'), nullary=True, allow_args=False)
reg('StructType', 'fieldNames', sig(ST('Array', [STRING])), lambda ev, r, a, n: SArray([f.name for f in r.st.fields], 'String'))
reg('StructType', 'treeString', sig(STRING), lambda ev, r, a, n: r.st.treeString(), nullary=True, allow_args=False)
reg('StructType', 'printTreeString', sig(UNIT_T), lambda ev, r, a, n: (ev.out(r.st.treeString() + '\n'), UNIT)[1])
reg('StructType', 'json', sig(STRING), lambda ev, r, a, n: r.st.jvm_json(), nullary=True, allow_args=False)
reg('StructType', 'simpleString', sig(STRING), lambda ev, r, a, n: r.st.simpleString(), nullary=True, allow_args=False)
reg('StructType', ('size', 'length'), sig(INT), lambda ev, r, a, n: len(r.st.fields), nullary=True, allow_args=False)
reg('StructType', 'apply', sig(ST('StructField'), ANY), lambda ev, r, a, n: StructFieldValue(r.st.fields[a[0]] if isinstance(a[0], int) else r.st[a[0]]))
reg('StructField', 'name', sig(STRING), lambda ev, r, a, n: r.f.name, nullary=True, allow_args=False)
reg('StructField', 'nullable', sig(BOOLEAN), lambda ev, r, a, n: bool(r.f.nullable), nullary=True, allow_args=False)
reg('StructField', 'dataType', sig(ST('DataType')), lambda ev, r, a, n: _DataTypeValue(r.f.dataType), nullary=True, allow_args=False)


class _DataTypeValue:
    def __init__(self, dt):
        self.dt = dt

    def scala_to_string(self):
        return scala_type_string(self.dt)


reg('DataType', 'simpleString', sig(STRING), lambda ev, r, a, n: r.dt.simpleString(), nullary=True, allow_args=False)
reg('DataType', 'typeName', sig(STRING), lambda ev, r, a, n: r.dt.typeName(), nullary=True, allow_args=False)


# spark.implicits / functions imports: accepted, nothing to do at run time
from .methods import IMPORTS  # noqa: E402
IMPORTS['spark.implicits._'] = []
IMPORTS['org.apache.spark.sql.functions._'] = []


# -- RDDs (SparkContext.parallelize and the common transformations) ------------------------------

class RDDValue:
    """A local RDD: its partitions (lists of elements) and the JVM toString parts."""

    def __init__(self, sc, parts, rdd_class, op, line):
        self.sc = sc
        self.parts = parts
        self.num_partitions = len(parts)
        counter = getattr(sc, 'rdd_counter', 0)
        sc.rdd_counter = counter + 1
        self.rdd_id = counter
        self.rdd_class = rdd_class
        self.op = op
        self.line = line

    @property
    def items(self):
        out = []
        for p in self.parts:
            out.extend(p)
        return out

    def scala_to_string(self):
        return '%s[%d] at %s at <console>:%d' % (self.rdd_class, self.rdd_id, self.op, self.line)


def slice_positions(length, num_slices):
    """ParallelCollectionRDD.slice: partition i holds [i*len/n, (i+1)*len/n)."""
    return [((i * length) // num_slices, ((i + 1) * length) // num_slices) for i in range(num_slices)]


def _line(ev, n):
    lo = getattr(ev.session, 'line_of', None)
    pos = getattr(n, 'name_pos_for_line', None)
    return lo(n.pos) if lo is not None else 0


def _parallelize_typ(tc, rt, args, node, scope, expected):
    if not args or len(args) > 2:
        tc.error('missing argument list for method parallelize', node.pos)
    t = tc.arg(args[0], scope)
    if t.name not in SEQ_KINDS:
        tc.mismatch(args[0], t, ST('Seq', [ST('?T')]))
    if len(args) == 2:
        tc.arg(args[1], scope, INT)
    return ST('RDD', [elem(t)])


def _parallelize_run(ev, r, a, n):
    num = a[1] if len(a) > 1 else int(r.repl.info.get('defaultParallelism', 1))
    if num < 1:
        raise ScalaThrowable('java.lang.IllegalArgumentException', 'Positive number of partitions required')
    items = list(items_of(a[0]))
    parts = [items[lo:hi] for lo, hi in slice_positions(len(items), num)]
    return RDDValue(r, parts, 'ParallelCollectionRDD', 'parallelize', _line(ev, n))


reg('SparkContext', ('parallelize', 'makeRDD'), _parallelize_typ, _parallelize_run)


def _rdd_derived(op):
    def make(ev, r, per_part, n):
        return RDDValue(r.sc, [per_part(p) for p in r.parts], 'MapPartitionsRDD', op, _line(ev, n))
    return make


def _rdd_fn(op, result):
    def typ(tc, rt, args, node, scope, expected):
        if not args or len(args) != 1:
            tc.error('missing argument list for method %s' % op, node.pos)
        res = tc.fn_arg(args[0], scope, [elem(rt)])
        return result(rt, res, tc, args[0])
    return typ


def _rdd_map(ev, r, a, n):
    return _rdd_derived('map')(ev, r, lambda p: [ev.apply_fn(a[0], [x]) for x in p], n)


def _rdd_filter(ev, r, a, n):
    return _rdd_derived('filter')(ev, r, lambda p: [x for x in p if ev.apply_fn(a[0], [x])], n)


def _rdd_flatmap(ev, r, a, n):
    def per(p):
        out = []
        for x in p:
            out.extend(items_of(ev.apply_fn(a[0], [x])))
        return out
    return _rdd_derived('flatMap')(ev, r, per, n)


reg('RDD', 'map', _rdd_fn('map', lambda rt, res, tc, arg: ST('RDD', [res])), _rdd_map)
reg('RDD', 'filter', _rdd_fn('filter', lambda rt, res, tc, arg: rt), _rdd_filter)
reg('RDD', 'flatMap', _rdd_fn('flatMap', lambda rt, res, tc, arg: ST('RDD', [elem(res)])), _rdd_flatmap)
reg('RDD', 'foreach', _rdd_fn('foreach', lambda rt, res, tc, arg: UNIT_T), lambda ev, r, a, n: ([ev.apply_fn(a[0], [x]) for x in r.items], UNIT)[1])
reg('RDD', 'collect', sig(lambda rt: ST('Array', [elem(rt)])), lambda ev, r, a, n: SArray(list(r.items), n.tpe.args[0].name))
reg('RDD', 'count', sig(LONG), lambda ev, r, a, n: len(r.items))
reg('RDD', 'take', sig(lambda rt: ST('Array', [elem(rt)]), INT), lambda ev, r, a, n: SArray(list(r.items[:max(a[0], 0)]), n.tpe.args[0].name))
reg('RDD', 'first', sig(elem), lambda ev, r, a, n: r.items[0] if r.items else (_ for _ in ()).throw(ScalaThrowable('java.lang.UnsupportedOperationException', 'empty collection')))
reg('RDD', 'getNumPartitions', sig(INT), lambda ev, r, a, n: r.num_partitions, nullary=True, allow_args=False)


def _rdd_sum_typ(tc, rt, args, node, scope, expected):
    if not is_numeric(elem(rt)):
        tc.error('value sum is not a member of %s' % rt.show(), node.pos)
    return DOUBLE


reg('RDD', 'sum', _rdd_sum_typ, lambda ev, r, a, n: float(sum(float(x) for x in r.items)))


def _rdd_reduce(ev, r, a, n):
    if not r.items:
        raise ScalaThrowable('java.lang.UnsupportedOperationException', 'empty collection')
    acc = r.items[0]
    for x in r.items[1:]:
        acc = ev.apply_fn(a[0], [acc, x])
    return acc


reg('RDD', 'reduce', lambda tc, rt, args, node, scope, expected: (tc.fn_arg(args[0], scope, [elem(rt), elem(rt)]), elem(rt))[1], _rdd_reduce)
reg('RDD', 'toDF', _todf_local_typ(False), _todf_local_run(False))
reg('RDD', 'toDS', _todf_local_typ(True), _todf_local_run(True))

METHODS[('RDD', 'toString')] = Entry(sig(STRING), lambda ev, r, a, n: r.scala_to_string())


reg('Dataset', 'describe', anyargs(DATAFRAME), guarded(lambda ev, r, a, n: DatasetValue(r.ds.describe(*a), None)))
reg('Dataset', 'summary', anyargs(DATAFRAME), guarded(lambda ev, r, a, n: DatasetValue(r.ds.summary(*a), None)))
reg(('SparkContext',), 'setLogLevel', sig(UNIT_T, STRING), lambda ev, r, a, n: UNIT)


def _df_rdd_typ(tc, rt, args, node, scope, expected):
    return ST('RDD', [_ds_elem(rt)])


@guarded
def _df_rdd_run(ev, r, a, n):
    sc = _sc_of(ev.session.scope.lookup('spark').value)
    items = [row_to_scala(row, r) for row in r.ds.collect()]
    return RDDValue(sc, [items], 'MapPartitionsRDD', 'rdd', _line(ev, n))


reg('Dataset', 'rdd', _df_rdd_typ, _df_rdd_run, nullary=True, allow_args=False)


# -- org.apache.spark.sql.types._ and org.apache.spark.sql.Row (visible once imported) ----------

def _gated(name, typ, run, package):
    from .builtins import GEntry
    e = GEntry(typ, run)
    e.needs_import = True
    GLOBALS[name] = e
    for pkg in (package,) if isinstance(package, str) else package:
        M.PACKAGE_NAMES.setdefault(pkg, [])
        if name not in M.PACKAGE_NAMES[pkg]:
            M.PACKAGE_NAMES[pkg].append(name)


TYPES_PKG = 'org.apache.spark.sql.types'
SQL_PKG = 'org.apache.spark.sql'

for _tn in ('StringType', 'IntegerType', 'LongType', 'DoubleType', 'FloatType', 'BooleanType',
            'ShortType', 'ByteType', 'DateType', 'TimestampType', 'BinaryType', 'NullType'):
    def _obj_typ(tc, args, node, scope, expected=None, _tn=_tn):
        if args is not None:
            tc.error('%s.type does not take parameters' % ('org.apache.spark.sql.types.' + _tn), node.pos)
        return ST('org.apache.spark.sql.types.%s.type' % _tn)

    def _obj_run(ev, args, node, _tn=_tn):
        return _DataTypeValue(getattr(engine().types, _tn)())
    _gated(_tn, _obj_typ, _obj_run, TYPES_PKG)


def _dt_of(v):
    if isinstance(v, _DataTypeValue):
        return v.dt
    if isinstance(v, StructTypeValue):
        return v.st
    raise ScalaThrowable('java.lang.IllegalArgumentException', 'not a DataType: %s' % to_string(v))


def _is_dt(t):
    return t.name.startswith('org.apache.spark.sql.types.') or t.name in ('DataType', 'StructType')


def _array_type_typ(tc, args, node, scope, expected=None):
    if not args or len(args) > 2:
        tc.error('missing argument list for method apply in object ArrayType', node.pos)
    t = tc.arg(args[0], scope)
    if not _is_dt(t):
        tc.mismatch(args[0], t, ST('DataType'))
    if len(args) == 2:
        tc.check_conforms(args[1], tc.arg(args[1], scope, BOOLEAN), BOOLEAN)
    return ST('org.apache.spark.sql.types.ArrayType')


_gated('ArrayType', _array_type_typ,
       lambda ev, a, n: _DataTypeValue(engine().types.ArrayType(_dt_of(a[0]), a[1] if len(a) > 1 else True)), TYPES_PKG)


def _map_type_typ(tc, args, node, scope, expected=None):
    if not args or len(args) not in (2, 3):
        tc.error('missing argument list for method apply in object MapType', node.pos)
    for x in args[:2]:
        t = tc.arg(x, scope)
        if not _is_dt(t):
            tc.mismatch(x, t, ST('DataType'))
    if len(args) == 3:
        tc.arg(args[2], scope, BOOLEAN)
    return ST('org.apache.spark.sql.types.MapType')


_gated('MapType', _map_type_typ,
       lambda ev, a, n: _DataTypeValue(engine().types.MapType(_dt_of(a[0]), _dt_of(a[1]), a[2] if len(a) > 2 else True)), TYPES_PKG)


def _decimal_typ(tc, args, node, scope, expected=None):
    for x in args or []:
        tc.check_conforms(x, tc.arg(x, scope, INT), INT)
    return ST('org.apache.spark.sql.types.DecimalType')


_gated('DecimalType', _decimal_typ, lambda ev, a, n: _DataTypeValue(engine().types.DecimalType(*a)), TYPES_PKG)


def _struct_field_typ(tc, args, node, scope, expected=None):
    if args is None or not 2 <= len(args) <= 4:
        tc.error('not enough arguments for method apply: (name: String, dataType: org.apache.spark.sql.types.DataType, nullable: Boolean, metadata: org.apache.spark.sql.types.Metadata)org.apache.spark.sql.types.StructField in object StructField.\nUnspecified value parameter dataType.', node.pos)
    tc.check_conforms(args[0], tc.arg(args[0], scope, STRING), STRING)
    t = tc.arg(args[1], scope)
    if not _is_dt(t):
        tc.mismatch(args[1], t, ST('DataType'))
    if len(args) > 2:
        tc.check_conforms(args[2], tc.arg(args[2], scope, BOOLEAN), BOOLEAN)
    return ST('StructField')


_gated('StructField', _struct_field_typ,
       lambda ev, a, n: StructFieldValue(engine().types.StructField(a[0], _dt_of(a[1]), a[2] if len(a) > 2 else True)), TYPES_PKG)


def _struct_type_typ(tc, args, node, scope, expected=None):
    if args is None or len(args) != 1:
        tc.error('missing argument list for method apply in object StructType', node.pos)
    t = tc.arg(args[0], scope, ST('Seq', [ST('StructField')]))
    if t.name not in SEQ_KINDS or elem(t).name != 'StructField':
        tc.mismatch(args[0], t, ST('Seq', [ST('StructField')]))
    return ST('StructType')


_gated('StructType', _struct_type_typ,
       lambda ev, a, n: StructTypeValue(engine().types.StructType([f.f for f in items_of(a[0])])), TYPES_PKG)


def _struct_add_typ(tc, rt, args, node, scope, expected):
    if not args or len(args) > 3:
        tc.error('missing argument list for method add', node.pos)
    ts = [tc.arg(x, scope) for x in args]
    node.add_types = ts
    return ST('StructType')


def _struct_add_run(ev, r, a, n):
    T = engine().types
    if len(a) == 1 and isinstance(a[0], StructFieldValue):
        f = a[0].f
    else:
        dt = _dt_of(a[1]) if not isinstance(a[1], str) else engine().parse_data_type(a[1])
        f = T.StructField(a[0], dt, a[2] if len(a) > 2 else True)
    return StructTypeValue(T.StructType(list(r.st.fields) + [f]))


reg('StructType', 'add', _struct_add_typ, _struct_add_run)


def _row_typ(tc, args, node, scope, expected=None):
    if args is None:
        tc.error('missing argument list for method apply in object Row', node.pos)
    for x in args:
        tc.arg(x, scope)
    return ROW


_gated('Row', _row_typ, lambda ev, a, n: RowValue(list(a), None), (SQL_PKG,))


def _create_df_typ(tc, rt, args, node, scope, expected):
    if not args or len(args) > 2:
        tc.error('missing argument list for method createDataFrame', node.pos)
    t = tc.arg(args[0], scope)
    if len(args) == 2:
        st = tc.arg(args[1], scope)
        if st.name == 'StructType' and t.name == 'RDD' and elem(t) == ROW:
            node.cdf = 'rows'
            return DATAFRAME
        if st.name == 'StructType' and t.name in SEQ_KINDS and elem(t) == ROW:
            tc.error('overloaded method value createDataFrame with alternatives:\n'
                     '  (data: java.util.List[_],beanClass: Class[_])org.apache.spark.sql.DataFrame <and>\n'
                     '  (rdd: org.apache.spark.api.java.JavaRDD[_],beanClass: Class[_])org.apache.spark.sql.DataFrame <and>\n'
                     '  (rdd: org.apache.spark.rdd.RDD[_],beanClass: Class[_])org.apache.spark.sql.DataFrame <and>\n'
                     '  (rows: java.util.List[org.apache.spark.sql.Row],schema: org.apache.spark.sql.types.StructType)org.apache.spark.sql.DataFrame <and>\n'
                     '  (rowRDD: org.apache.spark.api.java.JavaRDD[org.apache.spark.sql.Row],schema: org.apache.spark.sql.types.StructType)org.apache.spark.sql.DataFrame <and>\n'
                     '  (rowRDD: org.apache.spark.rdd.RDD[org.apache.spark.sql.Row],schema: org.apache.spark.sql.types.StructType)org.apache.spark.sql.DataFrame\n'
                     ' cannot be applied to (%s, org.apache.spark.sql.types.StructType)' % t.show(), node.pos)
        tc.error('type mismatch;', args[0].pos, [' found   : %s' % t.show(), ' required: org.apache.spark.rdd.RDD[org.apache.spark.sql.Row]'])
    if t.name in SEQ_KINDS + ('RDD',):
        try:
            encoder_schema(elem(t), tc)
        except _NoEncoder:
            tc.error('type mismatch;', args[0].pos, [' found   : %s' % t.show(), ' required: Seq[A]'])
        node.cdf = 'local'
        node.local_elem = elem(t)
        return DATAFRAME
    tc.error('type mismatch;', args[0].pos, [' found   : %s' % t.show(), ' required: Seq[A]'])


@guarded
def _create_df_run(ev, r, a, n):
    if n.cdf == 'rows':
        schema = a[1].st
        rows = [tuple(_to_py(x) for x in row.values) for row in items_of(a[0])]
        for row in rows:
            if len(row) != len(schema.fields):
                raise ScalaThrowable('java.lang.RuntimeException',
                                     'Error while encoding: java.lang.ArrayIndexOutOfBoundsException: Index %d out of bounds for length %d' % (len(row), len(row)))
        return DatasetValue(r.state.create_dataset(rows, schema), None)
    dv = make_dataset(r.state, items_of(a[0]), n.local_elem, None)
    dv.elem_type = None
    return dv


reg('SparkSession', 'createDataFrame', _create_df_typ, _create_df_run)
reg('SparkSession', 'createDataset', lambda tc, rt, args, node, scope, expected: (
    _create_df_typ(tc, rt, args, node, scope, expected), ST('Dataset', [node.local_elem]))[1],
    guarded(lambda ev, r, a, n: make_dataset(r.state, items_of(a[0]), n.local_elem, None)))



# -- pair RDDs: the shuffle, in Spark's order ----------------------------------------------------
#
# HashPartitioner puts a key in partition nonNegativeMod(key.hashCode, n); the reduce side
# merges the map outputs (map task order) in an AppendOnlyMap (open addressing on
# murmur3(hashCode), capacity 64, grows past 70%) and yields its table in slot order.

from . import hashorder as _H  # noqa: E402


class _AppendOnlyMap:
    def __init__(self):
        self.cap = 64
        self.keys = [None] * 64
        self.vals = [None] * 64
        self.used = [False] * 64
        self.size = 0

    def _slot(self, key, keys, used, cap):
        pos = _H._u32(_H._finalize(_H._mix(0, _H.java_hash(key)), 4)) & (cap - 1)
        i = 1
        while used[pos] and not _H._same(keys[pos], key):
            pos = (pos + i) & (cap - 1)
            i += 1
        return pos

    def merge(self, key, value, combine):
        pos = self._slot(key, self.keys, self.used, self.cap)
        if self.used[pos]:
            self.vals[pos] = combine(self.vals[pos], value)
            return
        self.used[pos] = True
        self.keys[pos] = key
        self.vals[pos] = value
        self.size += 1
        if self.size > int(0.7 * self.cap):
            self._grow()

    def _grow(self):
        cap = self.cap * 2
        keys, vals, used = [None] * cap, [None] * cap, [False] * cap
        for i in range(self.cap):
            if self.used[i]:
                pos = self._slot(self.keys[i], keys, used, cap)
                used[pos] = True
                keys[pos] = self.keys[i]
                vals[pos] = self.vals[i]
        self.cap, self.keys, self.vals, self.used = cap, keys, vals, used

    def items(self):
        return [(self.keys[i], self.vals[i]) for i in range(self.cap) if self.used[i]]


def _partition_of(key, n):
    h = _H.java_hash(key) if key is not None else 0
    return h % n


def shuffle(rdd, num_partitions, create, merge_value, merge_combiners, map_side_combine):
    """[(key, combined)] per reduce partition, in the order Spark's shuffle yields them."""
    outputs = []   # per map task: {reduce partition: [(k, c)]}
    for part in rdd.parts:
        buckets = [[] for _ in range(num_partitions)]
        if map_side_combine:
            combined = []
            for kv in part:
                k, v = kv[0], kv[1]
                for i, (k2, c) in enumerate(combined):
                    if _H._same(k, k2):
                        combined[i] = (k2, merge_value(c, v))
                        break
                else:
                    combined.append((k, create(v)))
            # sorted by (partition, key hashCode) as ExternalSorter writes them
            combined.sort(key=lambda kc: (_partition_of(kc[0], num_partitions), _H.java_hash(kc[0])))
            for k, c in combined:
                buckets[_partition_of(k, num_partitions)].append((k, c, True))
        else:
            for kv in part:
                buckets[_partition_of(kv[0], num_partitions)].append((kv[0], kv[1], False))
        outputs.append(buckets)
    result = []
    for p in range(num_partitions):
        m = _AppendOnlyMap()
        for buckets in outputs:
            for k, x, is_combined in buckets[p]:
                if is_combined:
                    pos = m._slot(k, m.keys, m.used, m.cap)
                    if m.used[pos]:
                        m.vals[pos] = merge_combiners(m.vals[pos], x)
                    else:
                        m.merge(k, x, merge_combiners)
                else:
                    pos = m._slot(k, m.keys, m.used, m.cap)
                    if m.used[pos]:
                        m.vals[pos] = merge_value(m.vals[pos], x)
                    else:
                        m.merge(k, create(x), merge_combiners)
        result.append(m.items())
    return result


def _pair_types(rt):
    e = elem(rt)
    if e.name != 'Tuple' or len(e.args) != 2:
        return None
    return e.args


def _pair_typ(result):
    def typ(tc, rt, args, node, scope, expected):
        kv = _pair_types(rt)
        if kv is None:
            tc.error('value %s is not a member of %s' % (node.mname, rt.show()), node.pos)
        return result(tc, rt, kv, args or [], node, scope)
    return typ


def _num_parts(r, a, idx):
    if len(a) > idx:
        return a[idx]
    conf = r.sc.repl.info.get('conf') or {}
    if 'spark.default.parallelism' in conf:
        return int(conf['spark.default.parallelism'])
    return r.num_partitions


def _reduce_by_key_typ(tc, rt, kv, args, node, scope):
    if not args:
        tc.error('missing argument list for method reduceByKey', node.pos)
    tc.fn_arg(args[0], scope, [kv[1], kv[1]])
    for x in args[1:]:
        tc.arg(x, scope, INT)
    return ST('RDD', [tuple_of(list(kv))])


def _reduce_by_key_run(ev, r, a, n):
    f = a[0]
    parts = shuffle(r, _num_parts(r, a, 1), lambda v: v, lambda c, v: ev.apply_fn(f, [c, v]),
                    lambda c1, c2: ev.apply_fn(f, [c1, c2]), True)
    return RDDValue(r.sc, [[STuple(kc) for kc in p] for p in parts], 'ShuffledRDD', 'reduceByKey', _line(ev, n))


reg('RDD', 'reduceByKey', _pair_typ(_reduce_by_key_typ), _reduce_by_key_run)


def _group_by_key_run(ev, r, a, n):
    parts = shuffle(r, _num_parts(r, a, 0), lambda v: [v], lambda c, v: c + [v], lambda c1, c2: c1 + c2, False)
    return RDDValue(r.sc, [[STuple((k, SSeq(c, 'CompactBuffer'))) for k, c in p] for p in parts],
                    'ShuffledRDD', 'groupByKey', _line(ev, n))


reg('RDD', 'groupByKey', _pair_typ(lambda tc, rt, kv, args, node, scope: ST('RDD', [tuple_of([kv[0], ST('Iterable', [kv[1]])])])),
    _group_by_key_run)


def _map_values_run(ev, r, a, n):
    return _rdd_derived('mapValues')(ev, r, lambda p: [STuple((kv[0], ev.apply_fn(a[0], [kv[1]]))) for kv in p], n)


reg('RDD', 'mapValues', _pair_typ(lambda tc, rt, kv, args, node, scope: ST('RDD', [tuple_of([kv[0], tc.fn_arg(args[0], scope, [kv[1]])])])),
    _map_values_run)
reg('RDD', 'keys', _pair_typ(lambda tc, rt, kv, args, node, scope: ST('RDD', [kv[0]])),
    lambda ev, r, a, n: _rdd_derived('keys')(ev, r, lambda p: [kv[0] for kv in p], n), nullary=True, allow_args=False)
reg('RDD', 'values', _pair_typ(lambda tc, rt, kv, args, node, scope: ST('RDD', [kv[1]])),
    lambda ev, r, a, n: _rdd_derived('values')(ev, r, lambda p: [kv[1] for kv in p], n), nullary=True, allow_args=False)


def _count_by_key_run(ev, r, a, n):
    parts = shuffle(r, r.num_partitions, lambda v: 1, lambda c, v: c + 1, lambda c1, c2: c1 + c2, True)
    return _H.build_map([kc for p in parts for kc in p])


reg('RDD', 'countByKey', _pair_typ(lambda tc, rt, kv, args, node, scope: ST('CollMap', [kv[0], LONG])), _count_by_key_run)


def _sort_by_key_run(ev, r, a, n):
    asc = a[0] if a else True
    items = sorted(r.items, key=lambda kv: M._sort_key(None)(kv[0]), reverse=not asc)
    num = a[1] if len(a) > 1 else r.num_partitions
    parts = [items[lo:hi] for lo, hi in slice_positions(len(items), max(num, 1))]
    return RDDValue(r.sc, parts, 'ShuffledRDD', 'sortByKey', _line(ev, n))


reg('RDD', 'sortByKey', _pair_typ(lambda tc, rt, kv, args, node, scope: ([tc.arg(x, scope) for x in args], rt)[1]), _sort_by_key_run)


def _sort_by_typ(tc, rt, args, node, scope, expected):
    tc.fn_arg(args[0], scope, [elem(rt)])
    for x in args[1:]:
        tc.arg(x, scope)
    return rt


def _sort_by_run(ev, r, a, n):
    asc = a[1] if len(a) > 1 else True
    items = sorted(r.items, key=lambda x: M._sort_key(None)(ev.apply_fn(a[0], [x])), reverse=not asc)
    parts = [items[lo:hi] for lo, hi in slice_positions(len(items), r.num_partitions)]
    return RDDValue(r.sc, parts, 'MapPartitionsRDD', 'sortBy', _line(ev, n))


reg('RDD', 'sortBy', _sort_by_typ, _sort_by_run)
reg('RDD', 'distinct', sig(lambda rt: rt), lambda ev, r, a, n: RDDValue(
    r.sc, [[kc[0] for kc in p] for p in shuffle(_as_pairs(r), r.num_partitions, lambda v: None, lambda c, v: c, lambda c1, c2: c1, True)],
    'MapPartitionsRDD', 'distinct', _line(ev, n)))


class _Pairs:
    def __init__(self, r):
        self.parts = [[(x, None) for x in p] for p in r.parts]


def _as_pairs(r):
    return _Pairs(r)



# -- broadcast variables and accumulators ------------------------------------------------------

class BroadcastValue:
    def __init__(self, sc, value):
        self.value = value
        counter = getattr(sc, 'broadcast_counter', 0)
        sc.broadcast_counter = counter + 1
        self.bid = counter

    def scala_to_string(self):
        return 'Broadcast(%d)' % self.bid


reg('SparkContext', 'broadcast', lambda tc, rt, args, node, scope, expected: ST('Broadcast', [tc.arg(args[0], scope)]),
    lambda ev, r, a, n: BroadcastValue(r, a[0]))
reg('Broadcast', 'value', sig(lambda rt: rt.args[0]), lambda ev, r, a, n: r.value, nullary=True, allow_args=False)


class LongAccumulatorValue:
    def __init__(self, sc, name):
        self.name = name
        self.total = 0
        self.count = 0
        counter = getattr(sc, 'accumulator_counter', 0)
        sc.accumulator_counter = counter + 1
        self.aid = counter

    def scala_to_string(self):
        return 'LongAccumulator(id: %d, name: %s, value: %d)' % (self.aid, 'Some(%s)' % self.name if self.name is not None else 'None', self.total)


reg('SparkContext', 'longAccumulator', nargs_between(0, 1, ST('LongAccumulator'), STRING),
    lambda ev, r, a, n: LongAccumulatorValue(r, a[0] if a else None))


def _acc_add(ev, r, a, n):
    r.total = M.wrap_long(r.total + a[0])
    r.count += 1
    return UNIT


reg('LongAccumulator', 'add', sig(UNIT_T, LONG), _acc_add)
reg('LongAccumulator', ('value', 'sum'), sig(ST('java.lang.Long')), lambda ev, r, a, n: r.total, nullary=True, allow_args=False)
reg('LongAccumulator', 'count', sig(LONG), lambda ev, r, a, n: r.count, nullary=True, allow_args=False)

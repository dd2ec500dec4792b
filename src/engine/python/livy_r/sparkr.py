"""SparkR's functions over the session's spark_engine (what `library(SparkR)` gives Livy).

Spark failures come back the way SparkR's backend reports them: R's `stop()` in
`handleErrors(returnStatus, conn)` with the JVM exception's stack trace as the message.
"""

import math

from .errors import RError
from .evaluator import builtin
from .values import NULL, DataFrame, RList, RVec, SparkDataFrame, coerce, scalar_int

BACKEND_CALL = 'handleErrors(returnStatus, conn)'

# Below the Spark method SparkR calls: the backend's reflective call and its netty loop
# (Spark 3.5 on Java 17).
BACKEND_FRAMES = (
    'java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)',
    'java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke(NativeMethodAccessorImpl.java:77)',
    'java.base/jdk.internal.reflect.DelegatingMethodAccessorImpl.invoke(DelegatingMethodAccessorImpl.java:43)',
    'java.base/java.lang.reflect.Method.invoke(Method.java:568)',
    'org.apache.spark.api.r.RBackendHandler.handleMethodCall(RBackendHandler.scala:164)',
    'org.apache.spark.api.r.RBackendHandler.channelRead0(RBackendHandler.scala:105)',
    'org.apache.spark.api.r.RBackendHandler.channelRead0(RBackendHandler.scala:39)',
    'io.netty.channel.SimpleChannelInboundHandler.channelRead(SimpleChannelInboundHandler.java:99)',
    'io.netty.channel.AbstractChannelHandlerContext.invokeChannelRead(AbstractChannelHandlerContext.java:444)',
    'io.netty.channel.AbstractChannelHandlerContext.invokeChannelRead(AbstractChannelHandlerContext.java:420)',
    'io.netty.channel.AbstractChannelHandlerContext.fireChannelRead(AbstractChannelHandlerContext.java:412)',
    'io.netty.handler.timeout.IdleStateHandler.channelRead(IdleStateHandler.java:286)',
    'io.netty.channel.AbstractChannelHandlerContext.invokeChannelRead(AbstractChannelHandlerContext.java:442)',
    'io.netty.channel.AbstractChannelHandlerContext.invokeChannelRead(AbstractChannelHandlerContext.java:420)',
    'io.netty.channel.AbstractChannelHandlerContext.fireChannelRead(AbstractChannelHandlerContext.java:412)',
    'io.netty.handler.codec.MessageToMessageDecoder.channelRead(MessageToMessageDecoder.java:103)',
    'io.netty.channel.AbstractChannelHandlerContext.invokeChannelRead(AbstractChannelHandlerContext.java:444)',
    'io.netty.channel.AbstractChannelHandlerContext.invokeChannelRead(AbstractChannelHandlerContext.java:420)',
    'io.netty.channel.AbstractChannelHandlerContext.fireChannelRead(AbstractChannelHandlerContext.java:412)',
    'io.netty.handler.codec.ByteToMessageDecoder.fireChannelRead(ByteToMessageDecoder.java:346)',
    'io.netty.handler.codec.ByteToMessageDecoder.fireChannelRead(ByteToMessageDecoder.java:318)',
    'io.netty.handler.codec.ByteToMessageDecoder.channelRead(ByteToMessageDecoder.java:286)',
    'io.netty.channel.AbstractChannelHandlerContext.invokeChannelRead(AbstractChannelHandlerContext.java:442)',
    'io.netty.channel.AbstractChannelHandlerContext.invokeChannelRead(AbstractChannelHandlerContext.java:420)',
    'io.netty.channel.AbstractChannelHandlerContext.fireChannelRead(AbstractChannelHandlerContext.java:412)',
    'io.netty.channel.DefaultChannelPipeline$HeadContext.channelRead(DefaultChannelPipeline.java:1410)',
    'io.netty.channel.AbstractChannelHandlerContext.invokeChannelRead(AbstractChannelHandlerContext.java:440)',
    'io.netty.channel.AbstractChannelHandlerContext.invokeChannelRead(AbstractChannelHandlerContext.java:420)',
    'io.netty.channel.DefaultChannelPipeline.fireChannelRead(DefaultChannelPipeline.java:919)',
    'io.netty.channel.nio.AbstractNioByteChannel$NioByteUnsafe.read(AbstractNioByteChannel.java:166)',
    'io.netty.channel.nio.NioEventLoop.processSelectedKey(NioEventLoop.java:788)',
    'io.netty.channel.nio.NioEventLoop.processSelectedKeysOptimized(NioEventLoop.java:724)',
    'io.netty.channel.nio.NioEventLoop.processSelectedKeys(NioEventLoop.java:650)',
    'io.netty.channel.nio.NioEventLoop.run(NioEventLoop.java:562)',
    'io.netty.util.concurrent.SingleThreadEventExecutor$4.run(SingleThreadEventExecutor.java:997)',
    'io.netty.util.internal.ThreadExecutorMap$2.run(ThreadExecutorMap.java:74)',
    'io.netty.util.concurrent.FastThreadLocalRunnable.run(FastThreadLocalRunnable.java:30)',
    'java.base/java.lang.Thread.run(Thread.java:840)',
)


def jvm(fn, *args):
    """Runs an engine call; a Spark failure becomes SparkR's backend error."""
    try:
        return fn(*args)
    except Exception as e:  # noqa: BLE001 - what the JVM throws comes back as R's stop()
        java_class = getattr(e, 'java_class', None)
        if java_class is None:
            raise
        frames = list(getattr(e, 'jvm_frames', None) or []) + list(BACKEND_FRAMES)
        trace = '%s: %s\n' % (java_class, getattr(e, 'java_message', str(e)))
        trace += ''.join('\tat %s\n' % f for f in frames)
        raise RError(trace, BACKEND_CALL)


def _state(ev):
    return ev.session.spark_state


def _df(ev, x, call, what='x'):
    if not isinstance(x, SparkDataFrame):
        raise RError('unable to find an inherited method for function \u2018%s\u2019 for signature \u2018"%s"\u2019'
                     % (call.value.value if call.value.kind == 'sym' else what, _class_of(x)), NO_METHOD)
    return x.ds


# R's call for a failed S4 dispatch, as the first line of its deparse shows it.
NO_METHOD = '(function (classes, fdef, mtable) '


def _class_of(x):
    from .values import rclass
    return rclass(x)[0]


def _string(x, call, name):
    if not isinstance(x, RVec) or x.type != 'character' or len(x.values) != 1:
        raise RError("%s must be a string." % name, call)
    return x.values[0]


# -- conversions ---------------------------------------------------------------------------

def to_r_column(data_type, values):
    """A Spark column's collected values as SparkR's `collect` makes the R column."""
    kind = type(data_type).__name__
    if kind in ('ByteType', 'ShortType', 'IntegerType'):
        return RVec('integer', list(values))
    if kind in ('LongType', 'FloatType', 'DoubleType', 'DecimalType'):
        return RVec('double', [None if v is None else float(v) for v in values])
    if kind in ('StringType', 'CharType', 'VarcharType'):
        return RVec('character', list(values))
    if kind == 'BooleanType':
        return RVec('logical', list(values))
    if kind == 'DateType':
        return RVec('double', list(values), cls=['Date'])
    if kind in ('TimestampType', 'TimestampNTZType'):
        return RVec('double', list(values), cls=['POSIXct', 'POSIXt'])
    if kind == 'NullType':
        return RVec('logical', [None] * len(values))
    return RList([_py_to_r(v) for v in values])


def _py_to_r(v):
    if v is None:
        return RVec('logical', [None])
    if isinstance(v, bool):
        return RVec('logical', [v])
    if isinstance(v, int):
        return RVec('integer' if abs(v) <= 2147483647 else 'double', [v if abs(v) <= 2147483647 else float(v)])
    if isinstance(v, float):
        return RVec('double', [v])
    if isinstance(v, str):
        return RVec('character', [v])
    if isinstance(v, (list, tuple)):
        parts = [_py_to_r(x) for x in v]
        if parts and all(isinstance(p, RVec) and len(p) == 1 for p in parts):
            from .values import common_type
            t = common_type(parts)
            return RVec(t, [coerce(p, t).values[0] for p in parts])
        return RList(parts)
    return RVec('character', [str(v)])


def to_data_frame(ds):
    rows = ds.collect()
    fields = ds.schema.fields
    columns = [to_r_column(f.dataType, [r[i] for r in rows]) for i, f in enumerate(fields)]
    return DataFrame(columns, [f.name for f in fields])


def _spark_type(col, name, call):
    from spark_engine.types import BooleanType, DateType, DoubleType, IntegerType, StringType, TimestampType
    if isinstance(col, RVec):
        if col.cls and 'Date' in col.cls:
            return DateType()
        if col.cls and 'POSIXct' in col.cls:
            return TimestampType()
        return {'integer': IntegerType(), 'double': DoubleType(), 'character': StringType(),
                'logical': BooleanType()}[col.type]
    raise RError('Unsupported type for SparkDataFrame: %s' % _class_of(col), call)


# -- SparkR API ----------------------------------------------------------------------------

@builtin('sql', formals=('sqlQuery',))
def _sql(ev, args, call):
    query = args.get('sqlQuery')
    if not isinstance(query, RVec) or query.type != 'character':
        raise RError('argument "sqlQuery" is missing, with no default', call)
    return SparkDataFrame(jvm(_state(ev).sql, query.values[0]))


@builtin('tableToDF', formals=('tableName',))
def _table_to_df(ev, args, call):
    return SparkDataFrame(jvm(_state(ev).table, _string(args.get('tableName'), call, 'tableName')))


@builtin('tableNames', formals=('databaseName',))
def _table_names(ev, args, call):
    tables = jvm(_state(ev).catalog.list_tables)
    return RVec('character', [t.name for t in tables])


@builtin('collect', formals=('x', 'stringsAsFactors'))
def _collect(ev, args, call):
    return to_data_frame(jvm(_df(ev, args.get('x'), call).limit, 2 ** 31 - 1))


def take(ev, x, n, call):
    ds = _df(ev, x, call)
    return to_data_frame(jvm(ds.limit, n))


@builtin('take', formals=('x', 'num'))
def _take(ev, args, call):
    return take(ev, args.get('x'), scalar_int(args.get('num')), call)


@builtin('limit', formals=('x', 'num'))
def _limit(ev, args, call):
    return SparkDataFrame(jvm(_df(ev, args.get('x'), call).limit, scalar_int(args.get('num'))))


@builtin('showDF', formals=('x', 'numRows', 'truncate', 'vertical'), invisible=True)
def _show_df(ev, args, call):
    ds = _df(ev, args.get('x'), call)
    n = scalar_int(args.get('numRows'), 20)
    t = args.get('truncate')
    truncate = 20 if t is None or (t.type == 'logical' and t.values[0]) else (0 if t.type == 'logical' else scalar_int(t))
    v = args.get('vertical')
    vertical = bool(v is not None and coerce(v, 'logical').values[0])
    ev.write(jvm(ds.show_string, n, truncate, vertical) + '\n')
    return NULL


@builtin('show', formals=('object',), invisible=True)
def _show(ev, args, call):
    from .printing import print_value
    ev.write(print_value(args.get('object')))
    return NULL


def count(x):
    return RVec('double', [float(jvm(x.ds.count))])


@builtin('count', formals=('x',))
def _count(ev, args, call):
    x = args.get('x')
    _df(ev, x, call)
    return count(x)


@builtin('columns', formals=('x',))
def _columns(ev, args, call):
    return RVec('character', list(_df(ev, args.get('x'), call).columns))


@builtin('dtypes', formals=('x',))
def _dtypes(ev, args, call):
    ds = _df(ev, args.get('x'), call)
    return RList([RVec('character', [f.name, f.dataType.simpleString()]) for f in ds.schema.fields])


@builtin('printSchema', formals=('x',), invisible=True)
def _print_schema(ev, args, call):
    ds = _df(ev, args.get('x'), call)
    ev.write(ds.tree_string())
    return NULL


@builtin(('createDataFrame', 'as.DataFrame'), formals=('data', 'schema', 'samplingRatio', 'numPartitions'))
def _create_data_frame(ev, args, call):
    data = args.get('data')
    if isinstance(data, RVec) and data.cls is None:
        data = DataFrame([data], ['value'])
    if not isinstance(data, DataFrame):
        raise RError('unexpected type: %s' % _class_of(data), call)
    from spark_engine.types import StructField, StructType
    fields = [StructField(n, _spark_type(c, n, call), True) for n, c in zip(data.names, data.columns)]
    n = data.nrow()
    rows = []
    for i in range(n):
        row = []
        for c in data.columns:
            v = c.values[i]
            row.append(float(v) if c.type == 'double' and v is not None and not c.cls else v)
        rows.append(tuple(row))
    return SparkDataFrame(jvm(_state(ev).create_dataset, rows, StructType(fields)))


@builtin('createOrReplaceTempView', formals=('x', 'viewName'), invisible=True)
def _temp_view(ev, args, call):
    ds = _df(ev, args.get('x'), call)
    name = _string(args.get('viewName'), call, 'viewName')
    jvm(ds.create_or_replace_temp_view, name)
    return NULL


@builtin('dropTempView', formals=('viewName',))
def _drop_temp_view(ev, args, call):
    name = _string(args.get('viewName'), call, 'viewName')
    return RVec('logical', [bool(jvm(_state(ev).catalog.drop_temp_view, name))])


def _strings(values):
    out = []
    for v in values:
        if not isinstance(v, RVec) or v.type != 'character':
            raise RError('SparkR Column expressions are not supported by the emulated SparkR; pass column names or SQL strings')
        out.extend(v.values)
    return out


@builtin('select', formals=('x', 'col', '...'))
def _select(ev, args, call):
    ds = _df(ev, args.get('x'), call)
    cols = _strings([args.get('col')] + args.dot_values())
    return SparkDataFrame(jvm(ds.select, *cols))


@builtin('selectExpr', formals=('x', 'expr', '...'))
def _select_expr(ev, args, call):
    ds = _df(ev, args.get('x'), call)
    return SparkDataFrame(jvm(ds.selectExpr, *_strings([args.get('expr')] + args.dot_values())))


@builtin(('filter', 'where'), formals=('x', 'condition'))
def _filter(ev, args, call):
    ds = _df(ev, args.get('x'), call)
    return SparkDataFrame(jvm(ds.filter, _strings([args.get('condition')])[0]))


@builtin(('arrange', 'orderBy'), formals=('x', 'col', '...', 'decreasing'))
def _arrange(ev, args, call):
    ds = _df(ev, args.get('x'), call)
    cols = _strings([args.get('col')] + args.dot_values())
    dec = args.get('decreasing')
    flags = coerce(dec, 'logical').values if dec is not None else [False]
    ascending = [not flags[i % len(flags)] for i in range(len(cols))]
    return SparkDataFrame(jvm(lambda: ds.orderBy(*cols, ascending=ascending)))


@builtin('distinct', formals=('x',))
def _distinct(ev, args, call):
    return SparkDataFrame(jvm(_df(ev, args.get('x'), call).distinct))


@builtin(('cache', 'persist'), formals=('x', 'newLevel'))
def _cache(ev, args, call):
    _df(ev, args.get('x'), call)
    return args.get('x')


@builtin('sample', formals=('x', 'withReplacement', 'fraction', 'seed'))
def _sample(ev, args, call):
    ds = _df(ev, args.get('x'), call)
    fraction = coerce(args.get('fraction'), 'double').values[0]
    wr = args.get('withReplacement')
    seed = args.get('seed')
    return SparkDataFrame(jvm(lambda: ds.sample(bool(wr is not None and coerce(wr, 'logical').values[0]), fraction,
                                                 None if seed is None else scalar_int(seed))))


@builtin('sparkR.version', formals=())
def _version(ev, args, call):
    return RVec('character', [_state(ev).version])


@builtin('sparkR.session', formals=('master', 'appName', 'sparkHome', 'sparkConfig', 'sparkJars', 'sparkPackages', 'enableHiveSupport', '...'))
def _session(ev, args, call):
    return ev.session.new_jobj('org.apache.spark.sql.SparkSession')


@builtin('sparkR.conf', formals=('key', 'defaultValue'))
def _conf(ev, args, call):
    conf = _state(ev).conf
    key = args.get('key')
    if key is None:
        items = sorted(conf.get_all().items())
        return RList([RVec('character', [v]) for _, v in items], [k for k, _ in items])
    k = _string(key, call, 'key')
    default = args.get('defaultValue')
    if conf.contains(k):
        return RList([RVec('character', [conf.get(k)])], [k])
    if default is not None:
        return RList([default], [k])
    raise RError('Config \'%s\' is not set' % k, call)


@builtin('setJobGroup', formals=('groupId', 'description', 'interruptOnCancel'), invisible=True)
def _set_job_group(ev, args, call):
    return NULL


# -- jsonlite --------------------------------------------------------------------------------

def json_number(v, digits=4):
    """A double as jsonlite writes it with `digits = 4` (decimal places, trailing zeros cut)."""
    if v is None or math.isnan(v):
        return None
    if math.isinf(v):
        return '"%sInf"' % ('-' if v < 0 else '')
    if 1e-5 < abs(v) < 2147483647:
        text = '%.*f' % (digits, v)
        text = text.rstrip('0').rstrip('.') if '.' in text else text
        return '0' if text in ('-0', '') else text
    decimals = math.ceil(min(15, max(1, math.log10(abs(v)) if v else 1) + digits))
    text = '%.*g' % (decimals, v)
    return text


def _json_string(s):
    out = ['"']
    for ch in s:
        if ch in '"\\':
            out.append('\\' + ch)
        elif ch == '\n':
            out.append('\\n')
        elif ch == '\t':
            out.append('\\t')
        elif ch == '\r':
            out.append('\\r')
        elif ch == '\b':
            out.append('\\b')
        elif ch == '\f':
            out.append('\\f')
        elif ord(ch) < 32:
            out.append('\\u%04x' % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return ''.join(out)


def _json_scalar(vec, i):
    v = vec.values[i]
    if v is None:
        return None
    cls = vec.cls or ()
    if 'Date' in cls:
        return _json_string(v.isoformat())
    if 'POSIXct' in cls:
        return _json_string(v.strftime('%Y-%m-%d %H:%M:%S'))
    if vec.type == 'logical':
        return 'true' if v else 'false'
    if vec.type == 'integer':
        return str(v)
    if vec.type == 'double':
        return json_number(v)
    return _json_string(v)


def to_json(x):
    if isinstance(x, DataFrame):
        rows = []
        for i in range(x.nrow()):
            fields = []
            for name, col in zip(x.names, x.columns):
                if isinstance(col, RList):
                    fields.append('%s:%s' % (_json_string(name), to_json(col.values[i])))
                    continue
                cell = _json_scalar(col, i)
                # Row-wise data frames leave out missing values.
                if cell is not None:
                    fields.append('%s:%s' % (_json_string(name), cell))
            rows.append('{' + ','.join(fields) + '}')
        return '[' + ','.join(rows) + ']'
    if isinstance(x, RVec):
        return '[' + ','.join('null' if c is None else c for c in (_json_scalar(x, i) for i in range(len(x.values)))) + ']'
    if isinstance(x, RList):
        if x.names:
            return '{' + ','.join('%s:%s' % (_json_string(n), to_json(v)) for n, v in zip(x.names, x.values)) + '}'
        return '[' + ','.join(to_json(v) for v in x.values) + ']'
    if x is NULL:
        return '{}'
    raise RError('No method asJSON S3 class: %s' % _class_of(x))


@builtin('toJSON', formals=('x', 'dataframe', 'matrix', 'Date', 'POSIXt', 'factor', 'complex', 'raw', 'null', 'na', 'auto_unbox', 'digits', 'pretty', 'force', '...'))
def _to_json(ev, args, call):
    x = args.get('x')
    if isinstance(x, SparkDataFrame):
        raise RError('No method asJSON S3 class: SparkDataFrame', 'asJSON(x, dataframe = dataframe, Date = Date, POSIXt = POSIXt, ')
    return RVec('character', [to_json(x)], cls=['json'])


"""pyspark.sql.functions over the engine's column builders.

String arguments naming a column are column names (as in pyspark); literal parameters (scales,
patterns, formats...) become literals. Expression names (``Column<'upper(v)'>``, result column
names) are the engine's, as Spark's Column.toString.
"""


from pyspark.sql.column import Column, _to_java_column, _to_java_expr_or_lit
from pyspark.errors import PySparkTypeError, PySparkValueError
from pyspark._jvm import jcall


def _ef():
    from spark_engine import functions as ef
    return ef


def _call(name, *jargs):
    return Column(_ef().call_function(name, *jargs))


def _invoke_function_over_columns(name, *cols):
    return _call(name, *[_to_java_column(c) for c in cols])


def _lit_j(v):
    return _to_java_expr_or_lit(v)


# --- core ------------------------------------------------------------------------------------
def col(col):
    return Column(_ef().col(col))


column = col


def lit(col):
    if isinstance(col, Column):
        return col
    if isinstance(col, list):
        return array(*[lit(c) for c in col])
    return Column(_ef().lit(col))


def expr(str):
    return Column(jcall(('functions.wrapped', 'functions.expr', 'functions._invoke_function_inner'),
                        None, _ef().expr, str, _jname='expr'))


def when(condition, value):
    if not isinstance(condition, Column):
        raise PySparkTypeError(
            error_class='NOT_COLUMN',
            message_parameters={'arg_name': 'condition', 'arg_type': type(condition).__name__})
    return Column(_ef().when(condition._jc, _lit_j(value)))


def asc(col):
    return col.asc() if isinstance(col, Column) else Column(_ef().asc(col))


def desc(col):
    return col.desc() if isinstance(col, Column) else Column(_ef().desc(col))


def asc_nulls_first(col):
    return Column(_to_java_column(col).asc_nulls_first())


def asc_nulls_last(col):
    return Column(_to_java_column(col).asc_nulls_last())


def desc_nulls_first(col):
    return Column(_to_java_column(col).desc_nulls_first())


def desc_nulls_last(col):
    return Column(_to_java_column(col).desc_nulls_last())


def broadcast(df):
    return df


def _cols_arg(cols):
    if len(cols) == 1 and isinstance(cols[0], (list, set)):
        return list(cols[0])
    return list(cols)


def struct(*cols):
    return Column(_ef().struct(*[_to_java_column(c) for c in _cols_arg(cols)]))


def array(*cols):
    return Column(_ef().array(*[_to_java_column(c) for c in _cols_arg(cols)]))


def create_map(*cols):
    return _invoke_function_over_columns('map', *_cols_arg(cols))


def coalesce(*cols):
    return _invoke_function_over_columns('coalesce', *cols)


def greatest(*cols):
    return _invoke_function_over_columns('greatest', *cols)


def least(*cols):
    return _invoke_function_over_columns('least', *cols)


def concat(*cols):
    return _invoke_function_over_columns('concat', *cols)


def concat_ws(sep, *cols):
    return _call('concat_ws', _ef().lit(sep), *[_to_java_column(c) for c in cols])


def format_string(format, *cols):
    return _call('format_string', _ef().lit(format), *[_to_java_column(c) for c in cols])


def call_function(funcName, *cols):
    return _invoke_function_over_columns(funcName, *cols)


# --- aggregates ------------------------------------------------------------------------------
def count(col):
    return Column(_ef().count(col if isinstance(col, str) else _to_java_column(col)))


def count_distinct(col, *cols):
    return Column(_ef().count_distinct(*[_to_java_column(c) for c in (col,) + cols]))


countDistinct = count_distinct


def sum_distinct(col):
    return Column(_ef().call_function_distinct('sum', _to_java_column(col)))


sumDistinct = sum_distinct


def mean(col):
    return _invoke_function_over_columns('avg', col)


def first(col, ignorenulls=False):
    return Column(_ef().first(_to_java_column(col), ignorenulls))


def last(col, ignorenulls=False):
    return Column(_ef().last(_to_java_column(col), ignorenulls))


def approx_count_distinct(col, rsd=None):
    if rsd is None:
        return _invoke_function_over_columns('approx_count_distinct', col)
    return _call('approx_count_distinct', _to_java_column(col), _ef().lit(rsd))


approxCountDistinct = approx_count_distinct


def percentile_approx(col, percentage, accuracy=10000):
    return _call('percentile_approx', _to_java_column(col), _lit_j(percentage), _lit_j(accuracy))


# --- functions taking (col, literal...) -------------------------------------------------------
def round(col, scale=0):
    return _call('round', _to_java_column(col), _ef().lit(scale))


def bround(col, scale=0):
    return _call('bround', _to_java_column(col), _ef().lit(scale))


def substring(str, pos, len):
    return _call('substring', _to_java_column(str), _ef().lit(pos), _ef().lit(len))


def substring_index(str, delim, count):
    return _call('substring_index', _to_java_column(str), _ef().lit(delim), _ef().lit(count))


def split(str, pattern, limit=-1):
    return _call('split', _to_java_column(str), _ef().lit(pattern), _ef().lit(limit))


def regexp_replace(string, pattern, replacement):
    return _call('regexp_replace', _to_java_column(string), _lit_j(pattern), _lit_j(replacement))


def regexp_extract(str, pattern, idx):
    return _call('regexp_extract', _to_java_column(str), _ef().lit(pattern), _ef().lit(idx))


def lpad(col, len, pad):
    return _call('lpad', _to_java_column(col), _ef().lit(len), _ef().lit(pad))


def rpad(col, len, pad):
    return _call('rpad', _to_java_column(col), _ef().lit(len), _ef().lit(pad))


def repeat(col, n):
    return _call('repeat', _to_java_column(col), _ef().lit(n))


def instr(str, substr):
    return _call('instr', _to_java_column(str), _ef().lit(substr))


def locate(substr, str, pos=1):
    return _call('locate', _ef().lit(substr), _to_java_column(str), _ef().lit(pos))


def translate(srcCol, matching, replace):
    return _call('translate', _to_java_column(srcCol), _ef().lit(matching), _ef().lit(replace))


def format_number(col, d):
    return _call('format_number', _to_java_column(col), _ef().lit(d))


def date_format(date, format):
    return _call('date_format', _to_java_column(date), _ef().lit(format))


def to_date(col, format=None):
    if format is None:
        return _invoke_function_over_columns('to_date', col)
    return _call('to_date', _to_java_column(col), _ef().lit(format))


def to_timestamp(col, format=None):
    if format is None:
        return _invoke_function_over_columns('to_timestamp', col)
    return _call('to_timestamp', _to_java_column(col), _ef().lit(format))


def date_add(start, days):
    return _call('date_add', _to_java_column(start), _lit_j(days))


def date_sub(start, days):
    return _call('date_sub', _to_java_column(start), _lit_j(days))


def add_months(start, months):
    return _call('add_months', _to_java_column(start), _lit_j(months))


def datediff(end, start):
    return _invoke_function_over_columns('datediff', end, start)


def months_between(date1, date2, roundOff=True):
    return _call('months_between', _to_java_column(date1), _to_java_column(date2),
                 _ef().lit(roundOff))


def date_trunc(format, timestamp):
    return _call('date_trunc', _ef().lit(format), _to_java_column(timestamp))


def trunc(date, format):
    return _call('trunc', _to_java_column(date), _ef().lit(format))


def from_unixtime(timestamp, format='yyyy-MM-dd HH:mm:ss'):
    return _call('from_unixtime', _to_java_column(timestamp), _ef().lit(format))


def unix_timestamp(timestamp=None, format='yyyy-MM-dd HH:mm:ss'):
    if timestamp is None:
        return _call('unix_timestamp')
    return _call('unix_timestamp', _to_java_column(timestamp), _ef().lit(format))


def array_contains(col, value):
    return _call('array_contains', _to_java_column(col), _lit_j(value))


def element_at(col, extraction):
    return _call('element_at', _to_java_column(col), _lit_j(extraction))


def sort_array(col, asc=True):
    return _call('sort_array', _to_java_column(col), _ef().lit(asc))


def array_join(col, delimiter, null_replacement=None):
    if null_replacement is None:
        return _call('array_join', _to_java_column(col), _ef().lit(delimiter))
    return _call('array_join', _to_java_column(col), _ef().lit(delimiter),
                 _ef().lit(null_replacement))


def pow(col1, col2):
    return _call('power', _num_or_col(col1), _num_or_col(col2))


power = pow


def _num_or_col(c):
    if isinstance(c, (int, float)) and not isinstance(c, bool):
        return _ef().lit(float(c))
    return _to_java_column(c)


def log(arg1, arg2=None):
    if arg2 is None:
        return _invoke_function_over_columns('ln', arg1)
    return _call('log', _ef().lit(float(arg1)), _to_java_column(arg2))


def atan2(col1, col2):
    return _call('atan2', _num_or_col(col1), _num_or_col(col2))


def nanvl(col1, col2):
    return _invoke_function_over_columns('nanvl', col1, col2)


def rand(seed=None):
    return Column(_ef().rand(seed))


def randn(seed=None):
    return Column(_ef().randn(seed))


def sha2(col, numBits):
    return _call('sha2', _to_java_column(col), _ef().lit(numBits))


def conv(col, fromBase, toBase):
    return _call('conv', _to_java_column(col), _ef().lit(fromBase), _ef().lit(toBase))


def lag(col, offset=1, default=None):
    return _call('lag', _to_java_column(col), _ef().lit(offset), _ef().lit(default))


def lead(col, offset=1, default=None):
    return _call('lead', _to_java_column(col), _ef().lit(offset), _ef().lit(default))


def ntile(n):
    return _call('ntile', _ef().lit(n))


def nth_value(col, offset, ignoreNulls=False):
    return _call('nth_value', _to_java_column(col), _ef().lit(offset), _ef().lit(ignoreNulls))


def _col_then_literals(name):
    def fn(col, *args):
        args = list(args)
        while args and args[-1] is None:
            args.pop()
        return _call(name, _to_java_column(col), *[_lit_j(a) for a in args])
    fn.__name__ = fn.__qualname__ = name
    return fn


for _n in ('array_append', 'array_prepend', 'array_position', 'array_remove', 'map_contains_key',
           'array_repeat', 'get', 'decode', 'encode', 'get_json_object', 'json_tuple', 'next_day',
           'shiftleft', 'shiftright', 'shiftrightunsigned', 'slice', 'hll_sketch_agg',
           'hll_union_agg', 'approx_percentile', 'percentile', 'assert_true'):
    globals()[_n] = _col_then_literals(_n)
shiftLeft = globals()['shiftleft']
shiftRight = globals()['shiftright']
shiftRightUnsigned = globals()['shiftrightunsigned']


def array_insert(arr, pos, value):
    return _call('array_insert', _to_java_column(arr), _lit_j(pos), _lit_j(value))


def levenshtein(left, right, threshold=None):
    if threshold is None:
        return _invoke_function_over_columns('levenshtein', left, right)
    return _call('levenshtein', _to_java_column(left), _to_java_column(right),
                 _ef().lit(threshold))


def overlay(src, replace, pos, len=-1):
    return _call('overlay', _to_java_column(src), _to_java_column(replace), _lit_j(pos),
                 _lit_j(len))


def raise_error(errMsg):
    return _call('raise_error', _lit_j(errMsg))


def width_bucket(v, min, max, numBucket):
    return _call('width_bucket', _to_java_column(v), _to_java_column(min), _to_java_column(max),
                 _lit_j(numBucket))


def call_udf(udfName, *cols):
    return _invoke_function_over_columns(udfName, *cols)


def from_json(col, schema, options=None):
    from pyspark.sql.types import DataType
    if isinstance(schema, DataType):
        schema = schema.json()
    args = [_to_java_column(col), _lit_j(schema)]
    if options:
        pairs = []
        for k, v in options.items():
            pairs.extend([lit(k), lit(v)])
        args.append(create_map(*pairs)._jc)
    return _call('from_json', *args)


def dateadd(start, days):
    return _call('dateadd', _to_java_column(start), _lit_j(days))


def regexp_extract_all(str, regexp, idx=None):
    if idx is None:
        return _invoke_function_over_columns('regexp_extract_all', str, regexp)
    return _call('regexp_extract_all', _to_java_column(str), _to_java_column(regexp),
                 _lit_j(idx))


def regexp_instr(str, regexp, idx=None):
    if idx is None:
        return _invoke_function_over_columns('regexp_instr', str, regexp)
    return _call('regexp_instr', _to_java_column(str), _to_java_column(regexp), _lit_j(idx))


def array_sort(col, comparator=None):
    if comparator is not None:
        raise NotImplementedError('array_sort with a Python comparator is not supported')
    return _invoke_function_over_columns('array_sort', col)


def schema_of_json(json, options=None):
    return _call('schema_of_json', _lit_j(json))


def udf(f=None, returnType=None, useArrow=None):
    """Python UDFs (runs the function on the engine's rows when the engine supports it)."""
    from pyspark.sql.udf import _make_udf
    if f is None or isinstance(f, (str,)) or _is_datatype(f):
        rt = f if returnType is None else returnType
        return lambda fn: _make_udf(fn, rt)
    return _make_udf(f, returnType)


def _is_datatype(x):
    from pyspark.sql.types import DataType
    return isinstance(x, DataType)


# --- generated one-to-one wrappers -------------------------------------------------------------
_ONE_COL = (
    'sum', 'avg', 'max', 'min', 'collect_list', 'collect_set', 'stddev', 'stddev_samp',
    'stddev_pop', 'variance', 'var_samp', 'var_pop', 'skewness', 'kurtosis', 'std', 'median',
    'mode', 'any_value', 'bool_and', 'bool_or', 'every', 'some', 'product', 'count_if',
    'abs', 'sqrt', 'cbrt', 'exp', 'expm1', 'log10', 'log2', 'log1p', 'ln', 'floor', 'ceil',
    'ceiling', 'signum', 'sign', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh',
    'tanh', 'degrees', 'radians', 'rint', 'factorial', 'negative', 'positive',
    'upper', 'lower', 'length', 'char_length', 'character_length', 'octet_length',
    'bit_length', 'trim', 'ltrim', 'rtrim', 'initcap', 'reverse', 'ascii', 'base64', 'unbase64',
    'soundex', 'bin', 'hex', 'unhex', 'md5', 'sha1', 'crc32', 'ucase', 'lcase',
    'year', 'quarter', 'month', 'dayofmonth', 'dayofweek', 'dayofyear', 'weekofyear', 'hour',
    'minute', 'second', 'last_day', 'weekday', 'day',
    'isnan', 'explode', 'explode_outer', 'posexplode',
    'posexplode_outer', 'inline', 'size', 'array_distinct', 'array_max', 'array_min',
    'flatten', 'map_keys', 'map_values', 'map_entries', 'cardinality', 'shuffle',
    'to_json', 'bitwise_not', 'bitwiseNOT', 'bit_count',
    'acosh', 'asinh', 'atanh', 'array_agg', 'array_compact', 'array_size', 'bit_and', 'bit_or',
    'bit_xor', 'bitmap_bit_position', 'bitmap_bucket_number', 'bitmap_construct_agg',
    'bitmap_count', 'bitmap_or_agg', 'char', 'cot', 'csc', 'sec', 'date_from_unix_date', 'days',
    'hours', 'months', 'years', 'hll_sketch_estimate', 'inline_outer', 'json_array_length',
    'json_object_keys', 'map_from_entries', 'sha', 'timestamp_micros', 'timestamp_millis',
    'timestamp_seconds', 'try_avg', 'try_sum', 'typeof', 'unix_date', 'unix_micros',
    'unix_millis', 'unix_seconds', 'unwrap_udt', 'url_decode', 'url_encode', 'grouping',
)
_MULTI_COL = (
    'hash', 'xxhash64', 'array_union', 'array_intersect', 'array_except', 'arrays_zip',
    'map_concat', 'nvl', 'nvl2', 'ifnull', 'nullif', 'equal_null', 'arrays_overlap',
    'corr', 'covar_pop', 'covar_samp', 'hypot', 'pmod', 'try_add', 'try_subtract',
    'try_multiply', 'try_divide',
    'contains', 'date_diff', 'date_part', 'datepart', 'endswith', 'startswith', 'extract',
    'find_in_set', 'from_utc_timestamp', 'to_utc_timestamp', 'getbit', 'bit_get',
    'histogram_numeric', 'left', 'right', 'make_date', 'make_timestamp', 'make_timestamp_ltz',
    'make_timestamp_ntz', 'map_from_arrays', 'max_by', 'min_by', 'regexp', 'regexp_count',
    'regexp_like', 'regexp_substr', 'regr_avgx', 'regr_avgy', 'regr_count', 'regr_intercept',
    'regr_r2', 'regr_slope', 'regr_sxx', 'regr_sxy', 'regr_syy', 'rlike', 'split_part', 'to_char',
    'to_varchar', 'to_number', 'try_to_number', 'try_element_at', 'xpath', 'xpath_boolean',
    'xpath_double', 'xpath_float', 'xpath_int', 'xpath_long', 'xpath_number', 'xpath_short',
    'xpath_string', 'elt', 'java_method', 'reflect', 'named_struct', 'stack', 'printf',
    'grouping_id', 'sequence', 'position', 'substr', 'btrim', 'parse_url', 'replace',
    'str_to_map', 'to_binary', 'try_to_binary', 'to_timestamp_ltz', 'to_timestamp_ntz',
    'to_unix_timestamp', 'try_to_timestamp', 'like', 'ilike', 'mask', 'sentences',
    'aes_encrypt', 'aes_decrypt', 'try_aes_decrypt', 'convert_timezone', 'make_dt_interval',
    'make_interval', 'make_ym_interval', 'first_value', 'last_value', 'hll_union',
)
_NO_ARG = (
    'current_date', 'current_timestamp', 'now', 'localtimestamp', 'monotonically_increasing_id',
    'row_number', 'rank', 'dense_rank', 'percent_rank', 'cume_dist', 'input_file_name',
    'spark_partition_id', 'current_database', 'current_catalog', 'current_user', 'pi', 'e',
    'uuid', 'current_schema', 'curdate', 'current_timezone', 'user', 'version',
    'input_file_block_length', 'input_file_block_start',
)
# pyspark name -> the SQL name of the expression Scala's functions object builds for it
_JVM_NAME = {'bitwiseNOT': 'bitwise_not', 'variance': 'var_samp'}


def isnull(col):
    return Column(_to_java_column(col).isNull())


def isnotnull(col):
    return Column(_to_java_column(col).isNotNull())


def _make_one(name):
    jname = _JVM_NAME.get(name, name)

    def fn(col):
        return _invoke_function_over_columns(jname, col)
    fn.__name__ = fn.__qualname__ = name
    return fn


def _make_multi(name):
    def fn(*cols):
        # trailing optional arguments left as None are not passed (pyspark's behaviour)
        cols = list(cols)
        while cols and cols[-1] is None:
            cols.pop()
        return _call(name, *[_to_java_column(c) if isinstance(c, (str, Column)) else _lit_j(c)
                             for c in cols])
    fn.__name__ = fn.__qualname__ = name
    return fn


def _make_none(name):
    def fn():
        return _call(name)
    fn.__name__ = fn.__qualname__ = name
    return fn


for _n in _ONE_COL:
    globals()[_n] = _make_one(_n)
for _n in _MULTI_COL:
    globals()[_n] = _make_multi(_n)
for _n in _NO_ARG:
    globals()[_n] = _make_none(_n)
for _n in list(globals()):
    _v = globals()[_n]
    if callable(_v) and getattr(_v, '__module__', None) == __name__ and not _n.startswith('_'):
        try:
            _v.__module__ = 'pyspark.sql.functions'
        except (AttributeError, TypeError):
            pass

toDegrees = globals()['degrees']
toRadians = globals()['radians']
del _n, _v

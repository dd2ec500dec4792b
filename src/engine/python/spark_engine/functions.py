"""Column builders (the JVM ``org.apache.spark.sql.functions`` subset the facades need).

``call_function(name, *cols)`` reaches every registered SQL function; strings passed as
columns are column names, as in Spark's functions API.
"""

from . import expressions as E
from .column import Column, col_expr, literal_expr


def _c(x):
    if isinstance(x, Column):
        return x.expr
    if isinstance(x, str):
        return col_expr(x)
    return literal_expr(x)


def col(name):
    return Column(col_expr(name))


column = col


def lit(value):
    if isinstance(value, Column):
        return value
    return Column(literal_expr(value))


def expr(text):
    from .parser import parse_expression_text
    return Column(parse_expression_text(text))


def call_function(name, *cols):
    return Column(E.UnresolvedFunction(name, [_c(c) for c in cols]))


def call_function_distinct(name, *cols):
    return Column(E.UnresolvedFunction(name, [_c(c) for c in cols], distinct=True))


def count_distinct(*cols):
    return call_function_distinct('count', *cols)


def count(c):
    if isinstance(c, str) and c == '*':
        return Column(E.UnresolvedFunction('count', [E.Literal(1, _int())]))
    return call_function('count', c)


def _int():
    from .types import IntegerType
    return IntegerType()


def when(condition, value):
    return Column(E.CaseWhen([(_c_bool(condition), literal_expr(value))]))


def _c_bool(x):
    return x.expr if isinstance(x, Column) else literal_expr(x)


def asc(name):
    return Column(E.SortOrder(_c(name), True, True))


def desc(name):
    return Column(E.SortOrder(_c(name), False, False))


def struct(*cols):
    if len(cols) == 1 and isinstance(cols[0], (list, tuple)):
        cols = cols[0]
    return call_function('struct', *cols)


def array(*cols):
    if len(cols) == 1 and isinstance(cols[0], (list, tuple)):
        cols = cols[0]
    return call_function('array', *cols)


def first(c, ignorenulls=False):
    return Column(E.UnresolvedFunction('first', [_c(c)], ignore_nulls=ignorenulls))


def last(c, ignorenulls=False):
    return Column(E.UnresolvedFunction('last', [_c(c)], ignore_nulls=ignorenulls))


def rand(seed=None):
    return call_function('rand', *([lit(seed)] if seed is not None else []))


def randn(seed=None):
    return call_function('randn', *([lit(seed)] if seed is not None else []))


def window_spec(partition, order, frame=None):
    """A window spec for ``Column.over``: partition/order as names or Columns; frame
    ('rows'|'range', start, end) with pyspark's sentinels (Long.MinValue/MaxValue, 0 = current)."""
    from .windows import make_spec
    return make_spec(partition, order, frame)


def python_udf(func, return_type, name, cols):
    """A Python UDF call over ``cols`` (names or Columns), evaluated in-process."""
    from .udf import PythonUDF
    return Column(PythonUDF(name or getattr(func, '__name__', '<lambda>'), func, return_type,
                            [_c(c) for c in cols]))


def __getattr__(name):
    """Any other SQL function by name: ``functions.upper(col)``."""
    if name.startswith('_'):
        raise AttributeError(name)

    def f(*cols):
        return call_function(name, *cols)
    f.__name__ = name
    return f

"""``Column``: the Dataset API's expression handle (what the JVM ``Column`` is).

A thin wrapper over an (unresolved or attribute-bound) expression tree; operators build new
trees, and the Dataset resolves them against its plan.
"""

import datetime
import decimal

from . import types as T
from . import expressions as E


def to_expr(v):
    """Column, or a Python literal -> expression (strings are literals here, not names)."""
    if isinstance(v, Column):
        return v.expr
    return literal_expr(v)


def literal_expr(v):
    if isinstance(v, Column):
        return v.expr
    if v is None:
        return E.Literal(None, T.NullType())
    if isinstance(v, bool):
        return E.Literal(v, T.BooleanType())
    if isinstance(v, int):
        if -2 ** 31 <= v < 2 ** 31:
            return E.Literal(v, T.IntegerType())
        return E.Literal(v, T.LongType())
    if isinstance(v, float):
        return E.Literal(v, T.DoubleType())
    if isinstance(v, str):
        return E.Literal(v, T.StringType())
    if isinstance(v, decimal.Decimal):
        sign, digits, exp = v.as_tuple()
        scale = max(-exp, 0)
        prec = max(len(digits), scale, 1)
        return E.Literal(v, T.DecimalType(prec, scale))
    if isinstance(v, datetime.datetime):
        return E.Literal(v.replace(tzinfo=None), T.TimestampType())
    if isinstance(v, datetime.date):
        return E.Literal(v, T.DateType())
    if isinstance(v, (bytes, bytearray)):
        return E.Literal(bytearray(v), T.BinaryType())
    if isinstance(v, (list, tuple)):
        return E.UnresolvedFunction('array', [literal_expr(x) for x in v])
    if isinstance(v, dict):
        args = []
        for k, x in v.items():
            args.extend([literal_expr(k), literal_expr(x)])
        return E.UnresolvedFunction('map', args)
    raise TypeError('Unsupported literal type %s' % type(v).__name__)


def col_expr(name):
    """A column name as the Dataset API parses it (``a.b``, backquotes, ``*``)."""
    if isinstance(name, Column):
        return name.expr
    if name == '*':
        return E.UnresolvedStar()
    parts = parse_attribute_name(name)
    if parts[-1] == '*' and len(parts) > 1:
        return E.UnresolvedStar(parts[:-1])
    return E.UnresolvedAttribute(parts)


def parse_attribute_name(name):
    """UnresolvedAttribute.parseAttributeName: dots split, backquotes quote."""
    parts = []
    cur = []
    in_q = False
    i = 0
    while i < len(name):
        c = name[i]
        if in_q:
            if c == '`':
                if i + 1 < len(name) and name[i + 1] == '`':
                    cur.append('`')
                    i += 2
                    continue
                in_q = False
            else:
                cur.append(c)
        elif c == '`':
            in_q = True
        elif c == '.':
            parts.append(''.join(cur))
            cur = []
        else:
            cur.append(c)
        i += 1
    parts.append(''.join(cur))
    return parts


def _bin(op, a, b):
    return Column(E.BinaryArithmetic(op, to_expr(a), to_expr(b)))


def _cmp(op, a, b):
    return Column(E.BinaryComparison(op, to_expr(a), to_expr(b)))


class Column:
    def __init__(self, expr):
        self.expr = expr

    # ---- text
    def to_string(self):
        """Spark's Column.toString (pretty SQL of the expression)."""
        e = self.expr
        if isinstance(e, E.UnresolvedAttribute):
            return e.name
        return e.sql()

    def __str__(self):
        return self.to_string()

    def __repr__(self):
        return "Column<'%s'>" % self.to_string()

    # ---- arithmetic
    def __add__(self, o):
        return _bin('+', self, o)

    def __radd__(self, o):
        return _bin('+', o, self)

    def __sub__(self, o):
        return _bin('-', self, o)

    def __rsub__(self, o):
        return _bin('-', o, self)

    def __mul__(self, o):
        return _bin('*', self, o)

    def __rmul__(self, o):
        return _bin('*', o, self)

    def __truediv__(self, o):
        return _bin('/', self, o)

    def __rtruediv__(self, o):
        return _bin('/', o, self)

    __div__ = __truediv__

    def __mod__(self, o):
        return _bin('%', self, o)

    def __rmod__(self, o):
        return _bin('%', o, self)

    def __pow__(self, o):
        return Column(E.UnresolvedFunction('power', [self.expr, to_expr(o)]))

    def __rpow__(self, o):
        return Column(E.UnresolvedFunction('power', [to_expr(o), self.expr]))

    def __neg__(self):
        return Column(E.UnaryMinus(self.expr))

    # ---- comparison
    def __eq__(self, o):
        return _cmp('=', self, o)

    def __ne__(self, o):
        return Column(E.Not(E.BinaryComparison('=', self.expr, to_expr(o))))

    def __lt__(self, o):
        return _cmp('<', self, o)

    def __le__(self, o):
        return _cmp('<=', self, o)

    def __gt__(self, o):
        return _cmp('>', self, o)

    def __ge__(self, o):
        return _cmp('>=', self, o)

    def eqNullSafe(self, o):
        return _cmp('<=>', self, o)

    __hash__ = None

    # ---- boolean
    def __and__(self, o):
        return Column(E.And(self.expr, to_expr(o)))

    def __rand__(self, o):
        return Column(E.And(to_expr(o), self.expr))

    def __or__(self, o):
        return Column(E.Or(self.expr, to_expr(o)))

    def __ror__(self, o):
        return Column(E.Or(to_expr(o), self.expr))

    def __invert__(self):
        return Column(E.Not(self.expr))

    def __bool__(self):
        raise ValueError("Cannot convert column into bool: please use '&' for 'and', '|' for "
                         "'or', '~' for 'not' when building DataFrame boolean expressions.")

    # ---- predicates
    def isNull(self):
        return Column(E.IsNull(self.expr))

    def isNotNull(self):
        return Column(E.IsNotNull(self.expr))

    def isNaN(self):
        return Column(E.UnresolvedFunction('isnan', [self.expr]))

    def like(self, pattern):
        return Column(E.UnresolvedFunction('like', [self.expr, to_expr(pattern)]))

    def ilike(self, pattern):
        return Column(E.UnresolvedFunction('ilike', [self.expr, to_expr(pattern)]))

    def rlike(self, pattern):
        return Column(E.UnresolvedFunction('rlike', [self.expr, to_expr(pattern)]))

    def startswith(self, o):
        return Column(E.UnresolvedFunction('startswith', [self.expr, to_expr(o)]))

    def endswith(self, o):
        return Column(E.UnresolvedFunction('endswith', [self.expr, to_expr(o)]))

    def contains(self, o):
        return Column(E.UnresolvedFunction('contains', [self.expr, to_expr(o)]))

    def substr(self, pos, length):
        return Column(E.UnresolvedFunction('substring', [self.expr, to_expr(pos), to_expr(length)]))

    def isin(self, *values):
        if len(values) == 1 and isinstance(values[0], (list, tuple, set)):
            values = list(values[0])
        return Column(E.In(self.expr, [to_expr(v) for v in values]))

    def between(self, lo, hi):
        return (self >= lo) & (self <= hi)

    # ---- conditional
    def when(self, cond, value):
        e = self.expr
        if not isinstance(e, E.CaseWhen) or e.has_else:
            raise ValueError('when() can only be applied on a Column previously generated by when() function')
        branches = e.branches() + [(to_expr(cond), to_expr(value))]
        return Column(E.CaseWhen(branches))

    def otherwise(self, value):
        e = self.expr
        if not isinstance(e, E.CaseWhen) or e.has_else:
            raise ValueError('otherwise() can only be applied on a Column previously generated by when() function')
        return Column(E.CaseWhen(e.branches(), to_expr(value)))

    # ---- naming / types
    def alias(self, *names, **kw):
        if len(names) == 1:
            return Column(E.Alias(self.expr, names[0]))
        a = E.Alias(self.expr, names[0])
        a.multi_names = list(names)
        return Column(a)

    name = alias

    def cast(self, data_type):
        if isinstance(data_type, str):
            from .parser import parse_data_type
            data_type = parse_data_type(data_type)
        return Column(E.Cast(self.expr, data_type, user_specified=True))

    astype = cast

    def try_cast(self, data_type):
        if isinstance(data_type, str):
            from .parser import parse_data_type
            data_type = parse_data_type(data_type)
        return Column(E.Cast(self.expr, data_type, user_specified=True, try_cast=True))

    # ---- sorting
    def asc(self):
        return Column(E.SortOrder(self.expr, True, True))

    def asc_nulls_first(self):
        return Column(E.SortOrder(self.expr, True, True))

    def asc_nulls_last(self):
        return Column(E.SortOrder(self.expr, True, False))

    def desc(self):
        return Column(E.SortOrder(self.expr, False, False))

    def desc_nulls_first(self):
        return Column(E.SortOrder(self.expr, False, True))

    def desc_nulls_last(self):
        return Column(E.SortOrder(self.expr, False, False))

    # ---- nested access
    def getItem(self, key):
        return Column(E.GetItem(self.expr, to_expr(key)))

    def getField(self, name):
        return Column(E.GetField(self.expr, name))

    def withField(self, name, col):
        return Column(E.UpdateFields(self.expr, [('set', name, to_expr(col))]))

    def dropFields(self, *names):
        return Column(E.UpdateFields(self.expr, [('drop', n, None) for n in names]))

    def __getitem__(self, k):
        if isinstance(k, slice):
            return self.substr(k.start, k.stop)
        return self.getItem(k)

    def __getattr__(self, item):
        if item.startswith('__'):
            raise AttributeError(item)
        return self.getField(item)

    # ---- bitwise
    def bitwiseAND(self, o):
        return Column(E.UnresolvedFunction('&', [self.expr, to_expr(o)]))

    def bitwiseOR(self, o):
        return Column(E.UnresolvedFunction('|', [self.expr, to_expr(o)]))

    def bitwiseXOR(self, o):
        return Column(E.UnresolvedFunction('^', [self.expr, to_expr(o)]))

    def over(self, window=None):
        """``f.over(spec)`` where spec comes from ``functions.window_spec`` (None = empty spec)."""
        import copy
        from .windows import WindowSpecDef
        e = self.expr
        if not isinstance(e, E.UnresolvedFunction):
            raise TypeError('over() needs a function call column')
        e = copy.copy(e)
        e.window = window if window is not None else WindowSpecDef([], [], None)
        return Column(e)

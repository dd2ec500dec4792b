"""Catalyst-like expression trees: unresolved forms (what the parser and the Column API build)
and resolved forms (typed, with Spark's nullability), plus compilation to Python closures.

Three textual forms matter and follow Spark: ``to_string()`` (Expression.toString, used in plan
strings: ``'id``, ``id#0L``, ``(id > 5)``), ``sql()`` (the pretty SQL Spark uses to name
unaliased columns: ``(id * id)``, ``count(1)``) and the closure from ``compile(ctx)``.
Recursion is per tree depth only; per-row work happens in the compiled closures.
"""

import copy
import decimal
import itertools
import math
import re

from . import types as T
from .casts import make_caster, force_nullable, can_cast, value_to_string, DEC_CTX, fit_decimal
from .coercion import (tightest_common_type, wider_type, wider_type_of, comparison_type,
                       wider_decimal)
from .javafmt import date_to_str, timestamp_to_str

_ids = itertools.count()


def new_expr_id():
    return next(_ids)


def quote_ident(name):
    """Spark's toSQLId part quoting: `name` with backquotes doubled."""
    return '`%s`' % name.replace('`', '``')


def needs_quote(name):
    """Spark's quoteIfNeeded: plain word characters, not all digits."""
    return not re.match(r'^[A-Za-z0-9_]+$', name) or name.isdigit()


def quote_if_needed(name):
    return quote_ident(name) if needs_quote(name) else name


class TypeCheckError(Exception):
    """Raised while typing an expression; the analyzer turns it into DATATYPE_MISMATCH etc."""

    def __init__(self, error_class, params):
        Exception.__init__(self, error_class)
        self.error_class = error_class
        self.params = params


class Expression:
    children = ()
    data_type = None
    nullable = True
    foldable = False
    origin = None

    def is_resolved(self):
        return self.data_type is not None and all(c.is_resolved() for c in self.children)

    def with_children(self, children):
        e = copy.copy(self)
        e.children = list(children)
        return e

    def to_string(self):
        return self.sql()

    def sql(self):
        raise NotImplementedError(type(self).__name__)

    def compile(self, ctx):
        raise NotImplementedError(type(self).__name__)

    def semantic_key(self):
        """Structural identity ignoring names/aliases (for GROUP BY matching)."""
        return (type(self).__name__, self._key_extra(), tuple(c.semantic_key() for c in self.children))

    def _key_extra(self):
        return None

    def type_check(self, ctx):
        """Called when all children are resolved: set data_type/nullable (may add casts)."""
        raise NotImplementedError(type(self).__name__)

    def contains_aggregate(self):
        if isinstance(self, AggregateExpression):
            return True
        return any(c.contains_aggregate() for c in self.children)

    def references(self):
        out = []
        stack = [self]
        while stack:
            e = stack.pop()
            if isinstance(e, AttributeReference):
                out.append(e)
            stack.extend(e.children)
        return out

    def __repr__(self):
        return self.to_string()


# ----------------------------------------------------------------------------------- leaves

class Literal(Expression):
    def __init__(self, value, data_type):
        self.value = value
        self.data_type = data_type
        self.nullable = value is None
        self.foldable = True
        self.children = []

    def _key_extra(self):
        return (repr(self.value), repr(self.data_type))

    def type_check(self, ctx):
        return self

    def to_string(self):
        v, dt = self.value, self.data_type
        if v is None:
            return 'null'
        if isinstance(dt, T.DateType):
            return date_to_str(v)
        if isinstance(dt, T.TimestampType):
            return timestamp_to_str(v)
        if isinstance(dt, T.StringType):
            return v
        return value_to_string(v, dt)

    def sql(self):
        """Pretty form used for column names (strings unquoted, numbers as text)."""
        v, dt = self.value, self.data_type
        if v is None:
            return 'NULL'
        if isinstance(dt, T.StringType):
            return v
        if isinstance(dt, T.NumericType):
            if isinstance(dt, T.DoubleType):
                return value_to_string(v, dt)
            return value_to_string(v, dt)
        if isinstance(dt, T.DateType):
            return "DATE '%s'" % date_to_str(v)
        if isinstance(dt, T.TimestampType):
            return "TIMESTAMP '%s'" % timestamp_to_str(v)
        if isinstance(dt, T.BinaryType):
            return "X'%s'" % bytes(v).hex().upper()
        return value_to_string(v, dt)

    def real_sql(self):
        v, dt = self.value, self.data_type
        if v is None:
            return 'NULL'
        if isinstance(dt, T.StringType):
            return "'%s'" % v.replace('\\', '\\\\').replace("'", "\\'")
        if isinstance(dt, T.LongType):
            return '%dL' % v
        if isinstance(dt, T.DoubleType):
            return value_to_string(v, dt) + 'D'
        return self.sql()

    def compile(self, ctx):
        v = self.value
        return lambda row: v


class AttributeReference(Expression):
    def __init__(self, name, data_type, nullable=True, expr_id=None, qualifier=None):
        self.name = name
        self.data_type = data_type
        self.nullable = nullable
        self.expr_id = new_expr_id() if expr_id is None else expr_id
        self.qualifier = list(qualifier or [])
        self.children = []

    def _key_extra(self):
        return self.expr_id

    def type_check(self, ctx):
        return self

    def with_qualifier(self, q):
        a = copy.copy(self)
        a.qualifier = list(q)
        return a

    def with_nullability(self, nullable):
        a = copy.copy(self)
        a.nullable = nullable
        return a

    def new_instance(self):
        a = copy.copy(self)
        a.expr_id = new_expr_id()
        return a

    def to_string(self):
        return '%s#%d%s' % (self.name, self.expr_id, 'L' if isinstance(self.data_type, T.LongType) else '')

    def sql(self):
        return self.name

    def qualified_sql(self):
        return '.'.join(quote_ident(p) for p in self.qualifier + [self.name])

    def compile(self, ctx):
        idx = ctx.index_of(self)
        return lambda row: row[idx]


class UnresolvedAttribute(Expression):
    def __init__(self, parts, origin=None):
        self.parts = list(parts)
        self.children = []
        self.origin = origin

    def is_resolved(self):
        return False

    @property
    def name(self):
        return '.'.join(self.parts)

    def to_string(self):
        return "'" + '.'.join(self.parts)

    def sql(self):
        return '.'.join(quote_ident(p) if needs_quote(p) else p for p in self.parts)

    def quoted(self):
        return '.'.join(quote_ident(p) for p in self.parts)


class UnresolvedStar(Expression):
    def __init__(self, target=None):
        self.target = list(target) if target else None
        self.children = []

    def is_resolved(self):
        return False

    def to_string(self):
        if self.target:
            return "'" + '.'.join(self.target) + '.*'
        return '*'

    def sql(self):
        return self.to_string()


class UnresolvedRegex(UnresolvedStar):
    pass


class OuterReference(Expression):
    def __init__(self, attr):
        self.attr = attr
        self.children = []
        self.data_type = attr.data_type
        self.nullable = attr.nullable

    def to_string(self):
        return 'outer(%s)' % self.attr.to_string()

    def sql(self):
        return self.attr.sql()

    def compile(self, ctx):
        return ctx.outer_getter(self.attr)


# ------------------------------------------------------------------------------ named/aliases

class Alias(Expression):
    def __init__(self, child, name, expr_id=None):
        self.children = [child]
        self.name = name
        self.expr_id = new_expr_id() if expr_id is None else expr_id

    @property
    def child(self):
        return self.children[0]

    def is_resolved(self):
        return self.child.is_resolved()

    def type_check(self, ctx):
        self.data_type = self.child.data_type
        self.nullable = self.child.nullable
        return self

    @property
    def foldable(self):
        return False

    def semantic_key(self):
        return self.child.semantic_key()

    def to_string(self):
        suffix = 'L' if self.is_resolved() and isinstance(self.child.data_type, T.LongType) else ''
        return '%s AS %s#%d%s' % (self.child.to_string(), self.name, self.expr_id, suffix)

    def sql(self):
        return '%s AS %s' % (self.child.sql(), quote_if_needed(self.name))

    def to_attribute(self):
        return AttributeReference(self.name, self.child.data_type, self.child.nullable, self.expr_id)

    def compile(self, ctx):
        return self.child.compile(ctx)


class UnresolvedAlias(Expression):
    def __init__(self, child):
        self.children = [child]

    def is_resolved(self):
        return False

    def to_string(self):
        return 'unresolvedalias(%s, None)' % self.children[0].to_string()

    def sql(self):
        return self.children[0].sql()


class SortOrder(Expression):
    def __init__(self, child, ascending=True, nulls_first=None):
        self.children = [child]
        self.ascending = ascending
        self.nulls_first = ascending if nulls_first is None else nulls_first

    @property
    def child(self):
        return self.children[0]

    def type_check(self, ctx):
        self.data_type = self.child.data_type
        self.nullable = self.child.nullable
        return self

    def _dir(self):
        return '%s %s' % ('ASC' if self.ascending else 'DESC',
                          'NULLS FIRST' if self.nulls_first else 'NULLS LAST')

    def to_string(self):
        return '%s %s' % (self.child.to_string(), self._dir())

    def sql(self):
        return '%s %s' % (self.child.sql(), self._dir())

    def compile(self, ctx):
        return self.child.compile(ctx)


# ------------------------------------------------------------------------------------- casts

def implicit_cast(e, dt):
    if e.data_type == dt:
        return e
    c = Cast(e, dt, user_specified=False)
    c.type_check(None)
    return c


class Cast(Expression):
    def __init__(self, child, to_type, user_specified=True, try_cast=False, ansi=False):
        self.children = [child]
        self.to_type = to_type
        self.user_specified = user_specified
        self.try_cast = try_cast
        self.ansi = ansi

    @property
    def child(self):
        return self.children[0]

    @property
    def foldable(self):
        return self.child.foldable

    def _key_extra(self):
        return repr(self.to_type)

    def type_check(self, ctx):
        ft = self.child.data_type
        if ctx is not None:
            self.ansi = ctx.ansi and not self.try_cast
        if not can_cast(ft, self.to_type):
            raise TypeCheckError('DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION', {
                'sqlExpr': '"%s"' % self.sql(), 'srcType': '"%s"' % ft.sql_name(),
                'targetType': '"%s"' % self.to_type.sql_name()})
        self.data_type = self.to_type
        self.nullable = self.child.nullable or self.try_cast or (
            not self.ansi and force_nullable(ft, self.to_type))
        return self

    def to_string(self):
        name = 'try_cast' if self.try_cast else 'cast'
        return '%s(%s as %s)' % (name, self.child.to_string(), self.to_type.simpleString())

    def sql(self):
        if not self.user_specified:
            return self.child.sql()
        name = 'TRY_CAST' if self.try_cast else 'CAST'
        return '%s(%s AS %s)' % (name, self.child.sql(), self.to_type.sql_name())

    def compile(self, ctx):
        f = self.child.compile(ctx)
        conv = make_caster(self.child.data_type, self.to_type, self.ansi)
        if self.try_cast:
            def run(row):
                v = f(row)
                if v is None:
                    return None
                try:
                    return conv(v)
                except Exception:
                    return None
            return run

        def run(row):
            v = f(row)
            return None if v is None else conv(v)
        return run


# ------------------------------------------------------------------------------- arithmetic

_ARITH_NAMES = {'+': 'add', '-': 'subtract', '*': 'multiply', '/': 'divide', '%': 'remainder',
                'div': 'div'}


def _dec_literal_type(e):
    """DecimalType.fromLiteral for integral literals (literalPickMinimumPrecision)."""
    v = e.value
    digits = len(str(abs(int(v))))
    return T.DecimalType(max(digits, 1), 0)


class BinaryArithmetic(Expression):
    def __init__(self, op, left, right):
        self.op = op
        self.children = [left, right]

    def _key_extra(self):
        return self.op

    @property
    def foldable(self):
        return all(c.foldable for c in self.children)

    def to_string(self):
        return '(%s %s %s)' % (self.children[0].to_string(), self.op, self.children[1].to_string())

    def sql(self):
        return '(%s %s %s)' % (self.children[0].sql(), self.op, self.children[1].sql())

    def type_check(self, ctx):
        l, r = self.children
        lt, rt = l.data_type, r.data_type
        op = self.op
        # date arithmetic: date + int, date - int, date - date
        if isinstance(lt, T.DateType) and op in '+-' and isinstance(rt, T.IntegralType):
            self.result_kind = 'date_add'
            self.data_type = T.DateType()
            self.nullable = l.nullable or r.nullable
            return self
        if isinstance(lt, T.StringType):
            l = implicit_cast(l, T.LongType() if op == 'div' else T.DoubleType())
        if isinstance(rt, T.StringType):
            r = implicit_cast(r, T.LongType() if op == 'div' else T.DoubleType())
        lt, rt = l.data_type, r.data_type
        if isinstance(lt, T.NullType) and isinstance(rt, T.NullType):
            l = implicit_cast(l, T.DoubleType() if op == '/' else T.LongType() if op == 'div' else T.DoubleType())
            r = implicit_cast(r, l.data_type)
        elif isinstance(lt, T.NullType):
            l = implicit_cast(l, rt)
        elif isinstance(rt, T.NullType):
            r = implicit_cast(r, lt)
        lt, rt = l.data_type, r.data_type
        for t in (lt, rt):
            if not isinstance(t, T.NumericType):
                raise TypeCheckError('DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES' if lt != rt else
                                     'DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE', {
                                         'sqlExpr': '"%s"' % self.sql(),
                                         'left': '"%s"' % lt.sql_name(),
                                         'right': '"%s"' % rt.sql_name(),
                                         'inputType': '"NUMERIC"' if op != 'div' else '("NUMERIC" or "ANSI INTERVAL")',
                                         'actualDataType': '"%s"' % lt.sql_name()})
        ld, rd = isinstance(lt, T.DecimalType), isinstance(rt, T.DecimalType)
        if ld or rd:
            if isinstance(lt, (T.FloatType, T.DoubleType)) or isinstance(rt, (T.FloatType, T.DoubleType)):
                l, r = implicit_cast(l, T.DoubleType()), implicit_cast(r, T.DoubleType())
            else:
                if not ld:
                    l = implicit_cast(l, _dec_literal_type(l) if isinstance(l, Literal) else T.decimal_for_integral(lt))
                if not rd:
                    r = implicit_cast(r, _dec_literal_type(r) if isinstance(r, Literal) else T.decimal_for_integral(rt))
        lt, rt = l.data_type, r.data_type
        if isinstance(lt, T.DecimalType) and isinstance(rt, T.DecimalType):
            p1, s1, p2, s2 = lt.precision, lt.scale, rt.precision, rt.scale
            if op in '+-':
                s = max(s1, s2)
                res = T.adjust_precision_scale(max(p1 - s1, p2 - s2) + s + 1, s)
            elif op == '*':
                res = T.adjust_precision_scale(p1 + p2 + 1, s1 + s2)
            elif op == '/':
                s = max(6, s1 + p2 + 1)
                res = T.adjust_precision_scale(p1 - s1 + s2 + s, s)
            elif op == '%':
                res = T.adjust_precision_scale(min(p1 - s1, p2 - s2) + max(s1, s2), max(s1, s2))
            else:
                res = T.LongType()
            self.result_kind = 'decimal'
            self.data_type = res
        else:
            if op == '/':
                l, r = implicit_cast(l, T.DoubleType()), implicit_cast(r, T.DoubleType())
                self.data_type = T.DoubleType()
            elif op == 'div':
                ct = tightest_common_type(lt, rt)
                if not isinstance(ct, T.IntegralType):
                    ct = T.LongType()
                l, r = implicit_cast(l, T.LongType()), implicit_cast(r, T.LongType())
                self.data_type = T.LongType()
            else:
                ct = tightest_common_type(lt, rt)
                l, r = implicit_cast(l, ct), implicit_cast(r, ct)
                self.data_type = ct
            self.result_kind = 'integral' if isinstance(self.data_type, T.IntegralType) else 'fractional'
        self.children = [l, r]
        self.nullable = l.nullable or r.nullable or op in ('/', '%', 'div') or self.result_kind == 'decimal'
        if self.result_kind == 'decimal' and op in '+-*' and not (ctx is None) and False:
            pass
        return self

    def compile(self, ctx):
        fl, fr = self.children[0].compile(ctx), self.children[1].compile(ctx)
        op, kind, dt = self.op, self.result_kind, self.data_type
        ansi = bool(ctx and ctx.ansi)
        if kind == 'date_add':
            import datetime

            def run(row):
                a, b = fl(row), fr(row)
                if a is None or b is None:
                    return None
                return a + datetime.timedelta(days=b if op == '+' else -b)
            return run
        fn = _arith_fn(op, kind, dt, ansi)

        def run(row):
            a = fl(row)
            if a is None:
                return None
            b = fr(row)
            if b is None:
                return None
            return fn(a, b)
        return run


def _div_zero():
    from .errors import SparkArithmeticException
    return SparkArithmeticException('DIVIDE_BY_ZERO', {'config': '"spark.sql.ansi.enabled"'})


def _arith_fn(op, kind, dt, ansi):
    if kind == 'integral':
        def wrap(v):
            return T.wrap_integral(v, dt)
        if op == '+':
            return lambda a, b: wrap(a + b)
        if op == '-':
            return lambda a, b: wrap(a - b)
        if op == '*':
            return lambda a, b: wrap(a * b)
        if op == '%':
            def mod(a, b):
                if b == 0:
                    if ansi:
                        raise _div_zero()
                    return None
                return wrap(int(math.fmod(a, b)) if abs(a) < 2 ** 52 and abs(b) < 2 ** 52 else _jmod(a, b))
            return mod
        if op == 'div':
            def idiv(a, b):
                if b == 0:
                    if ansi:
                        raise _div_zero()
                    return None
                q = abs(a) // abs(b)
                return wrap(q if (a >= 0) == (b >= 0) else -q)
            return idiv
    if kind == 'fractional':
        if op == '+':
            return lambda a, b: a + b
        if op == '-':
            return lambda a, b: a - b
        if op == '*':
            return lambda a, b: a * b
        if op == '/':
            def fdiv(a, b):
                if b == 0:
                    if ansi:
                        raise _div_zero()
                    return None
                return a / b
            return fdiv
        if op == '%':
            def fmod(a, b):
                if b == 0:
                    if ansi:
                        raise _div_zero()
                    return None
                return math.fmod(a, b)
            return fmod
    if kind == 'decimal':
        def fit(v):
            return fit_decimal(v, dt) if isinstance(dt, T.DecimalType) else v
        if op == '+':
            return lambda a, b: fit(DEC_CTX.add(a, b))
        if op == '-':
            return lambda a, b: fit(DEC_CTX.subtract(a, b))
        if op == '*':
            return lambda a, b: fit(DEC_CTX.multiply(a, b))
        if op == '/':
            def ddiv(a, b):
                if b == 0:
                    if ansi:
                        raise _div_zero()
                    return None
                return fit(DEC_CTX.divide(a, b))
            return ddiv
        if op == '%':
            def dmod(a, b):
                if b == 0:
                    if ansi:
                        raise _div_zero()
                    return None
                return fit(DEC_CTX.remainder(a, b))
            return dmod
        if op == 'div':
            def ddivi(a, b):
                if b == 0:
                    if ansi:
                        raise _div_zero()
                    return None
                return T.wrap_integral(int(DEC_CTX.divide_int(a, b)), T.LongType())
            return ddivi
    raise ValueError(op)


def _jmod(a, b):
    r = abs(a) % abs(b)
    return r if a >= 0 else -r


class UnaryMinus(Expression):
    def __init__(self, child):
        self.children = [child]

    @property
    def foldable(self):
        return self.children[0].foldable

    def to_string(self):
        return '-%s' % self.children[0].to_string()

    def sql(self):
        return '(- %s)' % self.children[0].sql()

    def type_check(self, ctx):
        c = self.children[0]
        if isinstance(c.data_type, T.StringType):
            c = implicit_cast(c, T.DoubleType())
        if isinstance(c.data_type, T.NullType):
            c = implicit_cast(c, T.DoubleType())
        if not isinstance(c.data_type, T.NumericType):
            raise TypeCheckError('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE', {
                'sqlExpr': '"%s"' % self.sql(), 'paramIndex': '1',
                'requiredType': '("NUMERIC" or "INTERVAL DAY TO SECOND" or "INTERVAL YEAR TO MONTH" or "INTERVAL")',
                'inputSql': '"%s"' % c.sql(), 'inputType': '"%s"' % c.data_type.sql_name()})
        self.children = [c]
        self.data_type = c.data_type
        self.nullable = c.nullable
        return self

    def compile(self, ctx):
        f = self.children[0].compile(ctx)
        dt = self.data_type
        integral = isinstance(dt, T.IntegralType)

        def run(row):
            v = f(row)
            if v is None:
                return None
            return T.wrap_integral(-v, dt) if integral else -v
        return run


# ------------------------------------------------------------------------------ predicates

class BinaryComparison(Expression):
    def __init__(self, op, left, right):
        self.op = op
        self.children = [left, right]

    def _key_extra(self):
        return self.op

    @property
    def foldable(self):
        return all(c.foldable for c in self.children)

    def to_string(self):
        return '(%s %s %s)' % (self.children[0].to_string(), self.op, self.children[1].to_string())

    def sql(self):
        return '(%s %s %s)' % (self.children[0].sql(), self.op, self.children[1].sql())

    def type_check(self, ctx):
        l, r = self.children
        lt, rt = l.data_type, r.data_type
        if lt != rt:
            ct = comparison_type(lt, rt)
            if ct is None:
                raise TypeCheckError('DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES', {
                    'sqlExpr': '"%s"' % self.sql(), 'left': '"%s"' % lt.sql_name(),
                    'right': '"%s"' % rt.sql_name()})
            l, r = implicit_cast(l, ct), implicit_cast(r, ct)
        self.children = [l, r]
        self.data_type = T.BooleanType()
        self.nullable = False if self.op == '<=>' else (l.nullable or r.nullable)
        return self

    def compile(self, ctx):
        fl, fr = self.children[0].compile(ctx), self.children[1].compile(ctx)
        op = self.op
        key = comparable_key(self.children[0].data_type)
        if op == '<=>':
            def ns(row):
                a, b = fl(row), fr(row)
                if a is None or b is None:
                    return a is None and b is None
                return key(a) == key(b)
            return ns
        cmp = {'=': lambda a, b: a == b, '<': lambda a, b: a < b, '<=': lambda a, b: a <= b,
               '>': lambda a, b: a > b, '>=': lambda a, b: a >= b}[op]

        def run(row):
            a = fl(row)
            if a is None:
                return None
            b = fr(row)
            if b is None:
                return None
            return cmp(key(a), key(b))
        return run


def _nan_key(v):
    if v != v:
        return (1, 0.0)
    return (0, v + 0.0)


def comparable_key(dt):
    """Key making Python comparison match Spark's ordering (NaN largest, NaN = NaN)."""
    if isinstance(dt, (T.DoubleType, T.FloatType)):
        return _nan_key
    if isinstance(dt, (T.ArrayType, T.StructType)):
        inner = comparable_key(dt.elementType) if isinstance(dt, T.ArrayType) else None

        def k(v):
            out = []
            for i, x in enumerate(v):
                kf = inner if inner is not None else comparable_key(dt.fields[i].dataType)
                out.append((0,) if x is None else (1, kf(x)))
            return tuple(out)
        return k
    if isinstance(dt, T.BinaryType):
        return bytes
    return _identity


def _identity(v):
    return v


class Not(Expression):
    def __init__(self, child):
        self.children = [child]

    def to_string(self):
        return 'NOT %s' % self.children[0].to_string()

    def sql(self):
        return '(NOT %s)' % self.children[0].sql()

    def type_check(self, ctx):
        c = _to_boolean(self.children[0], self, 1)
        self.children = [c]
        self.data_type = T.BooleanType()
        self.nullable = c.nullable
        return self

    def compile(self, ctx):
        f = self.children[0].compile(ctx)

        def run(row):
            v = f(row)
            return None if v is None else not v
        return run


def _to_boolean(e, parent, idx):
    if isinstance(e.data_type, T.BooleanType):
        return e
    if isinstance(e.data_type, (T.NullType, T.StringType)):
        return implicit_cast(e, T.BooleanType())
    raise TypeCheckError('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE', {
        'sqlExpr': '"%s"' % parent.sql(), 'paramIndex': str(idx), 'requiredType': '"BOOLEAN"',
        'inputSql': '"%s"' % e.sql(), 'inputType': '"%s"' % e.data_type.sql_name()})


class And(Expression):
    sym = 'AND'

    def __init__(self, left, right):
        self.children = [left, right]

    def to_string(self):
        return '(%s %s %s)' % (self.children[0].to_string(), self.sym, self.children[1].to_string())

    def sql(self):
        return '(%s %s %s)' % (self.children[0].sql(), self.sym, self.children[1].sql())

    def type_check(self, ctx):
        l = _to_boolean(self.children[0], self, 1)
        r = _to_boolean(self.children[1], self, 2)
        self.children = [l, r]
        self.data_type = T.BooleanType()
        self.nullable = l.nullable or r.nullable
        return self

    def compile(self, ctx):
        fl, fr = self.children[0].compile(ctx), self.children[1].compile(ctx)

        def run(row):
            a = fl(row)
            if a is False:
                return False
            b = fr(row)
            if b is False:
                return False
            if a is None or b is None:
                return None
            return True
        return run


class Or(And):
    sym = 'OR'

    def compile(self, ctx):
        fl, fr = self.children[0].compile(ctx), self.children[1].compile(ctx)

        def run(row):
            a = fl(row)
            if a is True:
                return True
            b = fr(row)
            if b is True:
                return True
            if a is None or b is None:
                return None
            return False
        return run


class IsNull(Expression):
    negated = False

    def __init__(self, child):
        self.children = [child]

    def to_string(self):
        return '%s IS %sNULL' % (self.children[0].to_string(), 'NOT ' if self.negated else '')

    def sql(self):
        return '(%s IS %sNULL)' % (self.children[0].sql(), 'NOT ' if self.negated else '')

    def type_check(self, ctx):
        self.data_type = T.BooleanType()
        self.nullable = False
        return self

    def compile(self, ctx):
        f = self.children[0].compile(ctx)
        if self.negated:
            return lambda row: f(row) is not None
        return lambda row: f(row) is None


class IsNotNull(IsNull):
    negated = True


class In(Expression):
    def __init__(self, value, items):
        self.children = [value] + list(items)

    def to_string(self):
        return '%s IN (%s)' % (self.children[0].to_string(),
                               ','.join(c.to_string() for c in self.children[1:]))

    def sql(self):
        return '(%s IN (%s))' % (self.children[0].sql(), ', '.join(c.sql() for c in self.children[1:]))

    def type_check(self, ctx):
        types = [c.data_type for c in self.children]
        ct = wider_type_of(types)
        if ct is None:
            # string vs numeric: compare as in binary comparison against the value type
            v = self.children[0].data_type
            ct = v
            for t in types[1:]:
                ct2 = comparison_type(ct, t)
                if ct2 is None:
                    raise TypeCheckError('DATATYPE_MISMATCH.DATA_DIFF_TYPES', {
                        'sqlExpr': '"%s"' % self.sql(), 'functionName': '`in`',
                        'dataType': '[%s]' % ', '.join('"%s"' % t.sql_name() for t in types)})
                ct = ct2
        self.children = [implicit_cast(c, ct) for c in self.children]
        self.data_type = T.BooleanType()
        self.nullable = any(c.nullable for c in self.children)
        return self

    def compile(self, ctx):
        fv = self.children[0].compile(ctx)
        items = [c.compile(ctx) for c in self.children[1:]]
        key = comparable_key(self.children[0].data_type)

        def run(row):
            v = fv(row)
            if v is None:
                return None
            kv = key(v)
            saw_null = False
            for f in items:
                x = f(row)
                if x is None:
                    saw_null = True
                elif key(x) == kv:
                    return True
            return None if saw_null else False
        return run


class CaseWhen(Expression):
    def __init__(self, branches, else_value=None):
        self.n = len(branches)
        ch = []
        for c, v in branches:
            ch.extend([c, v])
        if else_value is not None:
            ch.append(else_value)
        self.has_else = else_value is not None
        self.children = ch

    def _key_extra(self):
        return (self.n, self.has_else)

    def branches(self):
        return [(self.children[2 * i], self.children[2 * i + 1]) for i in range(self.n)]

    def else_value(self):
        return self.children[-1] if self.has_else else None

    def to_string(self):
        s = 'CASE'
        for c, v in self.branches():
            s += ' WHEN %s THEN %s' % (c.to_string(), v.to_string())
        if self.has_else:
            s += ' ELSE %s' % self.else_value().to_string()
        return s + ' END'

    def sql(self):
        s = 'CASE'
        for c, v in self.branches():
            s += ' WHEN %s THEN %s' % (c.sql(), v.sql())
        if self.has_else:
            s += ' ELSE %s' % self.else_value().sql()
        return s + ' END'

    def type_check(self, ctx):
        vals = [v for _, v in self.branches()] + ([self.else_value()] if self.has_else else [])
        ct = wider_type_of([v.data_type for v in vals])
        if ct is None:
            raise TypeCheckError('DATATYPE_MISMATCH.DATA_DIFF_TYPES', {
                'sqlExpr': '"%s"' % self.sql(), 'functionName': '`casewhen`',
                'dataType': '[%s]' % ', '.join('"%s"' % v.data_type.sql_name() for v in vals)})
        ch = []
        for i, (c, v) in enumerate(self.branches()):
            if not isinstance(c.data_type, T.BooleanType):
                if isinstance(c.data_type, T.NullType):
                    c = implicit_cast(c, T.BooleanType())
                else:
                    raise TypeCheckError('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE', {
                        'sqlExpr': '"%s"' % self.sql(), 'paramIndex': str(2 * i + 1),
                        'requiredType': '"BOOLEAN"', 'inputSql': '"%s"' % c.sql(),
                        'inputType': '"%s"' % c.data_type.sql_name()})
            ch.extend([c, implicit_cast(v, ct)])
        if self.has_else:
            ch.append(implicit_cast(self.else_value(), ct))
        self.children = ch
        self.data_type = ct
        self.nullable = (not self.has_else) or any(v.nullable for v in ch[1::2][:self.n]) or (
            self.has_else and ch[-1].nullable)
        return self

    def compile(self, ctx):
        br = [(c.compile(ctx), v.compile(ctx)) for c, v in self.branches()]
        ev = self.else_value().compile(ctx) if self.has_else else (lambda row: None)

        def run(row):
            for c, v in br:
                if c(row) is True:
                    return v(row)
            return ev(row)
        return run


# ----------------------------------------------------------------------- generic functions

class UnresolvedFunction(Expression):
    def __init__(self, name, args, distinct=False, is_star=False, origin=None, ignore_nulls=False):
        self.name = name
        self.children = list(args)
        self.distinct = distinct
        self.is_star = is_star
        self.origin = origin
        self.ignore_nulls = ignore_nulls
        self.filter = None

    def is_resolved(self):
        return False

    def to_string(self):
        return "'%s(%s%s)" % (self.name, 'distinct ' if self.distinct else '',
                              ', '.join(c.to_string() for c in self.children))

    def sql(self):
        return '%s(%s%s)' % (self.name.lower(), 'DISTINCT ' if self.distinct else '',
                             ', '.join(c.sql() for c in self.children))


class ScalarFunction(Expression):
    """A built-in scalar function; behaviour comes from its FunctionSpec (functions.py)."""

    def __init__(self, name, args, spec):
        self.name = name
        self.children = list(args)
        self.spec = spec

    def _key_extra(self):
        return self.name

    @property
    def foldable(self):
        return self.spec.deterministic and not self.spec.no_fold and all(c.foldable for c in self.children)

    def to_string(self):
        return self.spec.to_string(self) if self.spec.to_string else '%s(%s)' % (
            self.name, ', '.join(c.to_string() for c in self.children))

    def sql(self):
        if self.spec.sql:
            return self.spec.sql(self)
        return '%s(%s)' % (self.name, ', '.join(c.sql() for c in self.children))

    def type_check(self, ctx):
        self.spec.type_check(self, ctx)
        return self

    def compile(self, ctx):
        return self.spec.compile(self, ctx)


class AggregateExpression(Expression):
    """An aggregate function call (count, sum, avg...); evaluated by the Aggregate operator."""

    def __init__(self, name, args, spec, distinct=False, ignore_nulls=False):
        self.name = name
        self.children = list(args)
        self.spec = spec
        self.distinct = distinct
        self.ignore_nulls = ignore_nulls
        self.slot = None

    def _key_extra(self):
        return (self.name, self.distinct, self.ignore_nulls)

    def to_string(self):
        return '%s(%s%s)%s' % (self.name, 'distinct ' if self.distinct else '',
                               ', '.join(c.to_string() for c in self.children),
                               ' ignore nulls' if self.ignore_nulls else '')

    def sql(self):
        return '%s(%s%s)%s' % (self.name, 'DISTINCT ' if self.distinct else '',
                               ', '.join(c.sql() for c in self.children),
                               ' IGNORE NULLS' if self.ignore_nulls else '')

    def type_check(self, ctx):
        self.spec.type_check(self, ctx)
        return self

    def compile(self, ctx):
        idx = ctx.agg_index(self)
        return lambda row: row[idx]


class GetItem(Expression):
    """``a[i]`` on arrays (0-based, NULL when out of range) and ``m[k]`` on maps."""

    def __init__(self, child, key):
        self.children = [child, key]

    def to_string(self):
        return '%s[%s]' % (self.children[0].to_string(), self.children[1].to_string())

    def sql(self):
        return '%s[%s]' % (self.children[0].sql(), self.children[1].real_sql()
                           if isinstance(self.children[1], Literal) else self.children[1].sql())

    def type_check(self, ctx):
        c, k = self.children
        if isinstance(c.data_type, T.ArrayType):
            self.children = [c, implicit_cast(k, T.IntegerType())]
            self.data_type = c.data_type.elementType
        elif isinstance(c.data_type, T.MapType):
            self.children = [c, implicit_cast(k, c.data_type.keyType)]
            self.data_type = c.data_type.valueType
        elif isinstance(c.data_type, T.StructType) and isinstance(k, Literal):
            return GetField(c, str(k.value)).type_check(ctx)
        else:
            raise TypeCheckError('INVALID_EXTRACT_BASE_FIELD_TYPE', {
                'base': '"%s"' % c.sql(), 'other': '"%s"' % c.data_type.sql_name()})
        self.nullable = True
        return self

    def compile(self, ctx):
        fc, fk = self.children[0].compile(ctx), self.children[1].compile(ctx)
        is_map = isinstance(self.children[0].data_type, T.MapType)

        def run(row):
            c = fc(row)
            k = fk(row)
            if c is None or k is None:
                return None
            if is_map:
                return c.get(k)
            if 0 <= k < len(c):
                return c[k]
            return None
        return run


class GetField(Expression):
    def __init__(self, child, field):
        self.children = [child]
        self.field = field

    def _key_extra(self):
        return self.field

    def to_string(self):
        return '%s.%s' % (self.children[0].to_string(), self.field)

    def sql(self):
        return '%s.%s' % (self.children[0].sql(), quote_ident(self.field) if needs_quote(self.field) else self.field)

    def type_check(self, ctx):
        st = self.children[0].data_type
        for i, f in enumerate(st.fields):
            if f.name.lower() == self.field.lower():
                self.ordinal = i
                self.field = f.name
                self.data_type = f.dataType
                self.nullable = self.children[0].nullable or f.nullable
                return self
        raise TypeCheckError('FIELD_NOT_FOUND', {'fieldName': quote_ident(self.field),
                                                 'fields': ', '.join(quote_ident(f.name) for f in st.fields)})

    def compile(self, ctx):
        f = self.children[0].compile(ctx)
        i = self.ordinal

        def run(row):
            v = f(row)
            return None if v is None else v[i]
        return run


class SubqueryExpression(Expression):
    """Scalar / IN / EXISTS subqueries (uncorrelated: evaluated once per query)."""

    def __init__(self, kind, plan, value=None, negated=False):
        self.kind = kind  # 'scalar' | 'in' | 'exists'
        self.plan = plan
        self.children = [value] if value is not None else []
        self.negated = negated
        self.expr_id = new_expr_id()

    def is_resolved(self):
        return self.data_type is not None and getattr(self.plan, 'resolved', False) and all(
            c.is_resolved() for c in self.children)

    def _key_extra(self):
        return self.expr_id

    def to_string(self):
        if self.kind == 'scalar':
            return 'scalar-subquery#%d []' % self.expr_id
        if self.kind == 'exists':
            return 'exists#%d []' % self.expr_id
        return '%s IN (list#%d [])' % (self.children[0].to_string(), self.expr_id)

    def sql(self):
        if self.kind == 'scalar':
            return 'scalarsubquery()'
        if self.kind == 'exists':
            return 'exists()'
        return '(%s IN (listquery()))' % self.children[0].sql()

    def type_check(self, ctx):
        out = self.plan.output
        if self.kind == 'scalar':
            self.data_type = out[0].data_type
            self.nullable = True
        else:
            self.data_type = T.BooleanType()
            self.nullable = self.kind == 'in' and (self.children[0].nullable or out[0].nullable)
            if self.kind == 'in':
                ct = comparison_type(self.children[0].data_type, out[0].data_type)
                self.cmp_type = ct
                self.children = [implicit_cast(self.children[0], ct)]
        return self

    def compile(self, ctx):
        cache = {}

        def rows():
            if 'r' not in cache:
                cache['r'] = ctx.run_subquery(self.plan)
            return cache['r']
        if self.kind == 'scalar':
            def run(row):
                r = rows()
                if len(r) > 1:
                    from .errors import SparkRuntimeException
                    raise SparkRuntimeException(None, {}, message='[SCALAR_SUBQUERY_TOO_MANY_ROWS] More than one row returned by a subquery used as an expression.')
                return r[0][0] if r else None
            return run
        if self.kind == 'exists':
            return lambda row: len(rows()) > 0
        fv = self.children[0].compile(ctx)
        caster = make_caster(self.plan.output[0].data_type, self.cmp_type)

        def run_in(row):
            v = fv(row)
            if v is None:
                return None
            saw_null = False
            for r in rows():
                x = r[0]
                if x is None:
                    saw_null = True
                elif caster(x) == v:
                    return True
            return None if saw_null else False
        return run_in


class BoundReference(Expression):
    """A direct reference to slot ``index`` of the row being evaluated (used by Aggregate)."""

    def __init__(self, index, data_type, nullable, shown):
        self.index = index
        self.data_type = data_type
        self.nullable = nullable
        self.shown = shown
        self.children = []

    def to_string(self):
        return self.shown.to_string()

    def sql(self):
        return self.shown.sql()

    def compile(self, ctx):
        i = self.index
        return lambda row: row[i]


def transform_up(e, fn):
    """Rebuild ``e`` bottom-up applying ``fn`` to every node (recursion per depth only)."""
    if e.children:
        new = [transform_up(c, fn) for c in e.children]
        if any(a is not b for a, b in zip(new, e.children)):
            e = e.with_children(new)
    return fn(e)


def transform_down(e, fn):
    """Apply ``fn`` top-down; when fn returns a different node, its children are not revisited."""
    r = fn(e)
    if r is not e:
        return r
    if e.children:
        new = [transform_down(c, fn) for c in e.children]
        if any(a is not b for a, b in zip(new, e.children)):
            e = e.with_children(new)
    return e


def find_all(e, cls, stop_at=None):
    out = []
    stack = [e]
    while stack:
        x = stack.pop()
        if isinstance(x, cls):
            out.append(x)
            continue
        if stop_at is not None and isinstance(x, stop_at):
            continue
        stack.extend(reversed(x.children))
    return out

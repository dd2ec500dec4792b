"""Arithmetic operators with Spark's result types (DecimalPrecision, integral wrap-around,
non-ANSI NULL on division by zero) and unary minus."""

import math

from . import types as T
from .casts import DEC_CTX, fit_decimal
from .coercion import tightest_common_type
from .expr_base import Expression, Literal, TypeCheckError
from .expr_cast import implicit_cast


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
        # datetime/interval arithmetic
        IV = (T.DayTimeIntervalType, T.YearMonthIntervalType)
        if op in '+-' and isinstance(rt, IV) and isinstance(lt, (T.DateType, T.TimestampType, T.TimestampNTZType, T.StringType)):
            if isinstance(lt, T.StringType):
                l = implicit_cast(l, T.TimestampType())
                self.children = [l, r]
                lt = l.data_type
            self.result_kind = 'interval_add'
            day_only = isinstance(rt, T.YearMonthIntervalType) or rt.endField == 0
            self.data_type = T.DateType() if isinstance(lt, T.DateType) and day_only else (
                lt if not isinstance(lt, T.DateType) else T.TimestampType())
            self.nullable = l.nullable or r.nullable
            return self
        if op == '+' and isinstance(lt, IV) and isinstance(rt, (T.DateType, T.TimestampType)):
            self.children = [r, l]
            return self.type_check(ctx)
        if op == '-' and isinstance(lt, (T.DateType, T.TimestampType)) and isinstance(rt, (T.DateType, T.TimestampType)):
            if isinstance(lt, T.DateType) and isinstance(rt, T.DateType):
                self.data_type = T.DayTimeIntervalType(0, 0)
            else:
                l, r = implicit_cast(l, T.TimestampType()), implicit_cast(r, T.TimestampType())
                self.children = [l, r]
                self.data_type = T.DayTimeIntervalType(0, 3)
            self.result_kind = 'datetime_diff'
            self.nullable = l.nullable or r.nullable
            return self
        if op in '+-' and isinstance(lt, IV) and isinstance(rt, IV) and type(lt) is type(rt):
            self.result_kind = 'interval_interval'
            self.data_type = type(lt)(min(lt.startField, rt.startField), max(lt.endField, rt.endField))
            self.nullable = l.nullable or r.nullable
            return self
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
        if kind in ('interval_add', 'datetime_diff', 'interval_interval'):
            from . import intervals as IV
            rdt = self.children[1].data_type
            sign = 1 if op == '+' else -1

            def run_iv(row):
                a, b = fl(row), fr(row)
                if a is None or b is None:
                    return None
                if kind == 'interval_add':
                    return IV.add_interval(a, b, rdt, sign)
                if kind == 'interval_interval':
                    return a + sign * b
                d = a - b
                if isinstance(dt, T.DayTimeIntervalType) and dt.endField == 0:
                    return d.days * IV.US['day']
                return d.days * IV.US['day'] + d.seconds * 1000000 + d.microseconds
            return run_iv
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
    fn = _arith_fn_raw(op, kind, dt, ansi)
    if kind == 'fractional' and isinstance(dt, T.FloatType):
        from .javafmt import to_float32

        def as_float(a, b):
            r = fn(a, b)
            return None if r is None else to_float32(r)
        return as_float
    return fn


def _arith_fn_raw(op, kind, dt, ansi):
    if kind == 'integral':
        wrap = T.wrapper_for(dt)
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
                r = (a if a >= 0 else -a) % (b if b >= 0 else -b)
                return r if a >= 0 else -r
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

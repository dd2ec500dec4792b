"""Comparisons (with implicit casts), three-valued boolean logic, IS [NOT] NULL, IN and CASE."""

from . import types as T
from .coercion import wider_type_of, comparison_type
from .expr_base import Expression, TypeCheckError
from .expr_cast import implicit_cast


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
        return '%s(%s)' % ('isnotnull' if self.negated else 'isnull', self.children[0].to_string())

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

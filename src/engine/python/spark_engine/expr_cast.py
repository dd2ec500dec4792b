"""CAST / TRY_CAST and the implicit casts type coercion inserts (hidden from column names)."""

from .casts import make_caster, force_nullable, can_cast
from .expr_base import Expression, Literal, TypeCheckError


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
        if self.child.data_type == self.to_type:
            return f
        conv = make_caster(self.child.data_type, self.to_type, self.ansi)
        if isinstance(self.child, Literal) and not self.try_cast:
            v = self.child.value
            const = None if v is None else conv(v)
            return lambda row: const
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

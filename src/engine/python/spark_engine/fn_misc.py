"""Hashing, bitwise operators, cast-named functions and generators (explode...)."""


from . import types as T
from .expressions import TypeCheckError
from .function_spec import define as _spec, FunctionSpec, register


# -------------------------------------------------------------------------------- misc


def _hash_factory(e, ctx):
    from .murmur3 import hash_row
    types = [c.data_type for c in e.children]
    return lambda *vals: hash_row(vals, types)


_spec('hash', (1, 10 ** 6), None, T.IntegerType(), _hash_factory, factory=True, null_intolerant=False,
      nullable=False)


def _bitwise(op):
    def typer(e, ctx):
        from .expressions import implicit_cast as ic
        from .coercion import tightest_common_type
        ct = e.children[0].data_type
        for c in e.children[1:]:
            ct = tightest_common_type(ct, c.data_type)
        if not isinstance(ct, T.IntegralType):
            raise TypeCheckError('DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE', {
                'sqlExpr': '"%s"' % e.sql(), 'inputType': '"INTEGRAL"',
                'actualDataType': '"%s"' % e.children[0].data_type.sql_name()})
        e.children = [ic(c, ct) for c in e.children]
        e.data_type = ct

    def factory(e, ctx):
        dt = e.data_type
        return lambda *a: T.wrap_integral(op(*a), dt)
    return typer, factory


for _name, _op, _sym in (('&', lambda a, b: a & b, '&'), ('|', lambda a, b: a | b, '|'),
                         ('^', lambda a, b: a ^ b, '^')):
    _t, _f = _bitwise(_op)
    register(FunctionSpec(_name, 2, 2, None, None, _f, factory=True, typer=_t,
                          sql=(lambda s: lambda e: '(%s %s %s)' % (e.children[0].sql(), s, e.children[1].sql()))(_sym),
                          to_string=(lambda s: lambda e: '(%s %s %s)' % (e.children[0].to_string(), s, e.children[1].to_string()))(_sym)))
_t, _f = _bitwise(lambda a: ~a)
register(FunctionSpec('~', 1, 1, None, None, _f, factory=True, typer=_t,
                      sql=lambda e: '~%s' % e.children[0].sql()))
_spec('shiftleft', 2, ['integral', 'int'], lambda a: a[0].data_type,
      lambda a, n: T.wrap_integral(a << n, T.LongType() if a > 2 ** 31 else T.IntegerType()))
_spec('shiftright', 2, ['integral', 'int'], lambda a: a[0].data_type, lambda a, n: a >> n)


# SQL cast-function aliases: int(x), string(x), double(x)...
def _cast_alias(name, dt):
    def typer(e, ctx):
        from .expressions import Cast
        c = Cast(e.children[0], dt, user_specified=True).type_check(ctx)
        e.cast = c
        e.data_type = dt
        e.nullable_value = c.nullable

    class _CastSpec(FunctionSpec):
        def compile(self, e, ctx):
            return e.cast.compile(ctx)

        def type_check(self, e, ctx):
            typer(e, ctx)
            e.nullable = e.nullable_value

    register(_CastSpec(name, 1, 1, None, None, None,
                       sql=lambda e: 'CAST(%s AS %s)' % (e.children[0].sql(), dt.sql_name())))


for _n, _dt in (('int', T.IntegerType()), ('bigint', T.LongType()), ('smallint', T.ShortType()),
                ('tinyint', T.ByteType()), ('double', T.DoubleType()), ('float', T.FloatType()),
                ('string', T.StringType()), ('boolean', T.BooleanType()), ('date', T.DateType()),
                ('timestamp', T.TimestampType()), ('binary', T.BinaryType()),
                ('decimal', T.DecimalType(10, 0))):
    _cast_alias(_n, _dt)


# ------------------------------------------------------------------------------ generators
def _gen_typer(e, ctx):
    a = e.children[0]
    if e.name.startswith('inline'):
        ok = isinstance(a.data_type, T.ArrayType) and isinstance(a.data_type.elementType, T.StructType)
    else:
        ok = isinstance(a.data_type, (T.ArrayType, T.MapType))
    if not ok:
        raise TypeCheckError('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE', {
            'sqlExpr': '"%s"' % e.sql(), 'paramIndex': '1',
            'requiredType': '"ARRAY"' if e.name.startswith('inline') else '("ARRAY" or "MAP")',
            'inputSql': '"%s"' % a.sql(), 'inputType': '"%s"' % a.data_type.sql_name()})
    e.data_type = a.data_type


for _g in ('explode', 'explode_outer', 'posexplode', 'posexplode_outer', 'inline', 'inline_outer'):
    _spec(_g, 1, None, None, lambda v: v, typer=_gen_typer, null_intolerant=False, nullable=False)

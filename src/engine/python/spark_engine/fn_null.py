"""NULL handling and conditionals (coalesce, nvl, nullif, if, greatest/least, typeof)."""


from . import types as T
from .coercion import wider_type_of
from .expressions import TypeCheckError, implicit_cast
from .function_spec import define as _spec, FunctionSpec, register


# --------------------------------------------------------------------------- null handling


def _coalesce_typer(e, ctx):
    ct = wider_type_of([a.data_type for a in e.children])
    if ct is None:
        raise TypeCheckError('DATATYPE_MISMATCH.DATA_DIFF_TYPES', {
            'sqlExpr': '"%s"' % e.sql(), 'functionName': '`%s`' % e.name,
            'dataType': '[%s]' % ', '.join('"%s"' % a.data_type.sql_name() for a in e.children)})
    e.children = [implicit_cast(a, ct) for a in e.children]
    e.data_type = ct


def _coalesce(*vals):
    for v in vals:
        if v is not None:
            return v
    return None


_spec('coalesce', (1, 10 ** 6), None, None, _coalesce, typer=_coalesce_typer, null_intolerant=False,
      nullable=lambda a: all(x.nullable for x in a))
_spec('nvl', 2, None, None, _coalesce, 'ifnull', typer=_coalesce_typer, null_intolerant=False,
      nullable=lambda a: all(x.nullable for x in a))


def _nvl2_typer(e, ctx):
    a, b, c = e.children
    ct = wider_type_of([b.data_type, c.data_type])
    e.children = [a, implicit_cast(b, ct), implicit_cast(c, ct)]
    e.data_type = ct


_spec('nvl2', 3, None, None, lambda a, b, c: b if a is not None else c, typer=_nvl2_typer,
      null_intolerant=False, nullable=lambda a: a[1].nullable or a[2].nullable)


def _nullif_typer(e, ctx):
    from .expressions import BinaryComparison
    cmp = BinaryComparison('=', e.children[0], e.children[1]).type_check(ctx)
    e.cmp = cmp
    e.data_type = e.children[0].data_type


def _nullif_factory(e, ctx):
    eq = e.cmp.compile(ctx)
    first = e.children[0].compile(ctx)
    return None  # replaced by custom compile below


def _nullif_compile(e, ctx):
    eq = e.cmp.compile(ctx)
    first = e.children[0].compile(ctx)

    def run(row):
        return None if eq(row) is True else first(row)
    return run


class _NullIfSpec(FunctionSpec):
    def compile(self, e, ctx):
        return _nullif_compile(e, ctx)


register(_NullIfSpec('nullif', 2, 2, None, None, None, typer=_nullif_typer, null_intolerant=False,
                     nullable=True))


def _if_typer(e, ctx):
    c, a, b = e.children
    if not isinstance(c.data_type, T.BooleanType):
        if isinstance(c.data_type, T.NullType):
            c = implicit_cast(c, T.BooleanType())
        else:
            raise TypeCheckError('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE', {
                'sqlExpr': '"%s"' % e.sql(), 'paramIndex': '1', 'requiredType': '"BOOLEAN"',
                'inputSql': '"%s"' % c.sql(), 'inputType': '"%s"' % c.data_type.sql_name()})
    ct = wider_type_of([a.data_type, b.data_type])
    if ct is None:
        raise TypeCheckError('DATATYPE_MISMATCH.DATA_DIFF_TYPES', {
            'sqlExpr': '"%s"' % e.sql(), 'functionName': '`if`',
            'dataType': '["%s", "%s"]' % (a.data_type.sql_name(), b.data_type.sql_name())})
    e.children = [c, implicit_cast(a, ct), implicit_cast(b, ct)]
    e.data_type = ct


class _IfSpec(FunctionSpec):
    def compile(self, e, ctx):
        fc, fa, fb = [c.compile(ctx) for c in e.children]
        return lambda row: fa(row) if fc(row) is True else fb(row)


register(_IfSpec('if', 3, 3, None, None, None, typer=_if_typer, null_intolerant=False,
                 nullable=lambda a: a[1].nullable or a[2].nullable,
                 sql=lambda e: '(IF(%s, %s, %s))' % tuple(c.sql() for c in e.children),
                 to_string=lambda e: 'if (%s) %s else %s' % tuple(c.to_string() for c in e.children)))


def _greatest_typer(e, ctx):
    _coalesce_typer(e, ctx)


def _extreme(pick):
    def factory(e, ctx):
        from .expressions import comparable_key
        key = comparable_key(e.data_type)

        def run(*vals):
            best = None
            for v in vals:
                if v is None:
                    continue
                if best is None or pick(key(v), key(best)):
                    best = v
            return best
        return run
    return factory


_spec('greatest', (2, 10 ** 6), None, None, _extreme(lambda a, b: a > b), typer=_greatest_typer,
      factory=True, null_intolerant=False, nullable=lambda a: all(x.nullable for x in a))
_spec('least', (2, 10 ** 6), None, None, _extreme(lambda a, b: a < b), typer=_greatest_typer,
      factory=True, null_intolerant=False, nullable=lambda a: all(x.nullable for x in a))
_spec('isnull', 1, None, T.BooleanType(), lambda v: v is None, null_intolerant=False, nullable=False)
_spec('isnotnull', 1, None, T.BooleanType(), lambda v: v is not None, null_intolerant=False, nullable=False)
_spec('isnan', 1, ['double'], T.BooleanType(), lambda v: v is not None and v != v, null_intolerant=False,
      nullable=False)
_spec('nanvl', 2, ['double'], T.DoubleType(), lambda a, b: b if a is not None and a != a else a,
      null_intolerant=False)


def _assert_true(v, msg=None):
    if v is not True:
        from .errors import SparkRuntimeException
        raise SparkRuntimeException(None, {}, message=msg or "'%s' is not true!" % v)
    return None


_spec('assert_true', (1, 2), None, T.NullType(), _assert_true, null_intolerant=False, nullable=True)


def _typeof_typer(e, ctx):
    e.data_type = T.StringType()
    e.type_text = e.children[0].data_type.simpleString()


_spec('typeof', 1, None, None, None, typer=_typeof_typer, nullable=False)
_spec_typeof = None


class _TypeofSpec(FunctionSpec):
    def compile(self, e, ctx):
        t = e.type_text
        return lambda row: t


register(_TypeofSpec('typeof', 1, 1, None, None, None, typer=_typeof_typer, nullable=False))

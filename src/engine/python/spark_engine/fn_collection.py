"""Array/map/struct built-ins (array, map, struct, size, element_at, sort_array...)."""


from . import types as T
from .coercion import wider_type_of
from .expressions import TypeCheckError, implicit_cast
from .function_spec import define as _spec, coerce_arg


# --------------------------------------------------------------------------- collections


def _array_typer(e, ctx):
    if not e.children:
        e.data_type = T.ArrayType(T.NullType(), False)
        return
    ct = wider_type_of([a.data_type for a in e.children])
    if ct is None:
        raise TypeCheckError('DATATYPE_MISMATCH.DATA_DIFF_TYPES', {
            'sqlExpr': '"%s"' % e.sql(), 'functionName': '`array`',
            'dataType': '[%s]' % ', '.join('"%s"' % a.data_type.sql_name() for a in e.children)})
    e.children = [implicit_cast(a, ct) for a in e.children]
    e.data_type = T.ArrayType(ct, any(a.nullable for a in e.children))


_spec('array', (0, 10 ** 6), None, None, lambda *a: list(a), typer=_array_typer,
      null_intolerant=False, nullable=False)


def _map_typer(e, ctx):
    ks = e.children[0::2]
    vs = e.children[1::2]
    kt = wider_type_of([k.data_type for k in ks]) if ks else T.NullType()
    vt = wider_type_of([v.data_type for v in vs]) if vs else T.NullType()
    ch = []
    for k, v in zip(ks, vs):
        ch.extend([implicit_cast(k, kt), implicit_cast(v, vt)])
    e.children = ch
    e.data_type = T.MapType(kt, vt, any(v.nullable for v in vs))


def _map_fn(*a):
    return dict(zip(a[0::2], a[1::2]))


_spec('map', (0, 10 ** 6), None, None, _map_fn, typer=_map_typer, null_intolerant=False, nullable=False)


def _struct_typer(e, ctx):
    from .expressions import AttributeReference, Alias, GetField
    fields = []
    names = getattr(e, 'field_names', None)
    for i, a in enumerate(e.children):
        if names:
            n = names[i]
        elif isinstance(a, (AttributeReference, Alias)):
            n = a.name
        elif isinstance(a, GetField):
            n = a.field
        else:
            n = 'col%d' % (i + 1)
        fields.append(T.StructField(n, a.data_type, a.nullable))
    e.data_type = T.StructType(fields)


_spec('struct', (0, 10 ** 6), None, None, lambda *a: tuple(a), typer=_struct_typer,
      null_intolerant=False, nullable=False)


def _named_struct_typer(e, ctx):
    names = [str(k.value) for k in e.children[0::2]]
    vals = e.children[1::2]
    e.children = vals
    e.field_names = names
    e.data_type = T.StructType([T.StructField(n, v.data_type, v.nullable) for n, v in zip(names, vals)])


_spec('named_struct', (0, 10 ** 6), None, None, lambda *a: tuple(a), typer=_named_struct_typer,
      null_intolerant=False, nullable=False,
      sql=lambda e: 'named_struct(%s)' % ', '.join('%s, %s' % (n, c.sql()) for n, c in zip(e.field_names, e.children)))


def _size_typer(e, ctx):
    a = e.children[0]
    if not isinstance(a.data_type, (T.ArrayType, T.MapType, T.NullType)):
        raise TypeCheckError('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE', {
            'sqlExpr': '"%s"' % e.sql(), 'paramIndex': '1', 'requiredType': '("ARRAY" or "MAP")',
            'inputSql': '"%s"' % a.sql(), 'inputType': '"%s"' % a.data_type.sql_name()})
    e.data_type = T.IntegerType()


_spec('size', 1, None, None, lambda v: -1 if v is None else len(v), 'cardinality', typer=_size_typer,
      null_intolerant=False, nullable=False)


def _elem_type(args):
    return args[0].data_type.elementType


def _array_contains_typer(e, ctx):
    a, v = e.children
    a = coerce_arg(a, 'array', e, 1)
    et = a.data_type.elementType
    ct = wider_type_of([et, v.data_type])
    if ct is None:
        raise TypeCheckError('DATATYPE_MISMATCH.ARRAY_FUNCTION_DIFF_TYPES', {
            'sqlExpr': '"%s"' % e.sql(), 'functionName': '`array_contains`',
            'dataType': '"ARRAY"', 'leftType': '"%s"' % a.data_type.sql_name(),
            'rightType': '"%s"' % v.data_type.sql_name()})
    if ct != et:
        a = implicit_cast(a, T.ArrayType(ct, a.data_type.containsNull))
    e.children = [a, implicit_cast(v, ct)]
    e.data_type = T.BooleanType()


def _array_contains(arr, v):
    if v in arr:
        return True
    return None if None in arr else False


_spec('array_contains', 2, None, None, _array_contains, typer=_array_contains_typer)


def _sort_array_typer(e, ctx):
    e.children = [coerce_arg(e.children[0], 'array', e, 1)] + list(e.children[1:])
    e.data_type = e.children[0].data_type


def _sort_array(arr, asc=True):
    nn = sorted(x for x in arr if x is not None)
    nulls = [None] * (len(arr) - len(nn))
    return nulls + nn if asc else nn[::-1] + nulls


_spec('sort_array', (1, 2), None, None, _sort_array, typer=_sort_array_typer)
_spec('array_sort', 1, None, None, lambda arr: sorted(x for x in arr if x is not None) + [None] * arr.count(None),
      typer=_sort_array_typer)


def _array_distinct(arr):
    out = []
    for x in arr:
        if x not in out:
            out.append(x)
    return out


_spec('array_distinct', 1, None, None, _array_distinct, typer=_sort_array_typer)
_spec('array_max', 1, None, _elem_type, lambda a: max((x for x in a if x is not None), default=None), nullable=True)
_spec('array_min', 1, None, _elem_type, lambda a: min((x for x in a if x is not None), default=None), nullable=True)
_spec('array_position', 2, None, T.LongType(), lambda a, v: (a.index(v) + 1) if v in a else 0)
_spec('array_join', (2, 3), None, T.StringType(),
      lambda a, sep, nr=None: sep.join(str(x) if x is not None else nr for x in a if x is not None or nr is not None))
_spec('flatten', 1, None, lambda a: a[0].data_type.elementType,
      lambda a: None if any(x is None for x in a) else [y for x in a for y in x])


def _element_at_typer(e, ctx):
    a, k = e.children
    if isinstance(a.data_type, T.ArrayType):
        e.children = [a, coerce_arg(k, 'int', e, 2)]
        e.data_type = a.data_type.elementType
    elif isinstance(a.data_type, T.MapType):
        e.children = [a, implicit_cast(k, a.data_type.keyType)]
        e.data_type = a.data_type.valueType
    else:
        raise TypeCheckError('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE', {
            'sqlExpr': '"%s"' % e.sql(), 'paramIndex': '1', 'requiredType': '("ARRAY" or "MAP")',
            'inputSql': '"%s"' % a.sql(), 'inputType': '"%s"' % a.data_type.sql_name()})


def _element_at(c, k):
    if isinstance(c, dict):
        return c.get(k)
    if k == 0:
        from .errors import SparkRuntimeException
        raise SparkRuntimeException('INVALID_INDEX_OF_ZERO', {}, message='[INVALID_INDEX_OF_ZERO] The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1).')
    i = k - 1 if k > 0 else len(c) + k
    return c[i] if 0 <= i < len(c) else None


_spec('element_at', 2, None, None, _element_at, typer=_element_at_typer, nullable=True)
_spec('map_keys', 1, None, lambda a: T.ArrayType(a[0].data_type.keyType, False), lambda m: list(m.keys()))
_spec('map_values', 1, None, lambda a: T.ArrayType(a[0].data_type.valueType, a[0].data_type.valueContainsNull),
      lambda m: list(m.values()))
_spec('sequence', (2, 3), None, lambda a: T.ArrayType(a[0].data_type, False),
      lambda a, b, s=None: list(range(a, b + (1 if (s or (1 if b >= a else -1)) > 0 else -1), s or (1 if b >= a else -1))))

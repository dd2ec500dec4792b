"""Spark's implicit type coercion rules (TypeCoercion / DecimalPrecision, non-ANSI mode).

Functions return the common type (or None when Spark finds none); expressions then wrap their
children in implicit (non user-specified) casts, which Spark hides from generated column names.
"""

from . import types as T

_NUM_ORDER = ['ByteType', 'ShortType', 'IntegerType', 'LongType', 'FloatType', 'DoubleType']


def _num_rank(dt):
    return _NUM_ORDER.index(type(dt).__name__)


def wider_decimal(a, b):
    """DecimalPrecision.widerDecimalType (bounded)."""
    s = max(a.scale, b.scale)
    rng = max(a.precision - a.scale, b.precision - b.scale)
    return T.bounded_decimal(rng + s, s)


def as_decimal(dt):
    if isinstance(dt, T.DecimalType):
        return dt
    if isinstance(dt, T.IntegralType):
        return T.decimal_for_integral(dt)
    return None


def tightest_common_type(a, b):
    """TypeCoercion.findTightestCommonType."""
    if a == b:
        return a
    if isinstance(a, T.NullType):
        return b
    if isinstance(b, T.NullType):
        return a
    na, nb = type(a).__name__, type(b).__name__
    if na in _NUM_ORDER and nb in _NUM_ORDER:
        return a if _num_rank(a) >= _num_rank(b) else b
    if isinstance(a, T.TimestampType) and isinstance(b, T.DateType):
        return a
    if isinstance(b, T.TimestampType) and isinstance(a, T.DateType):
        return b
    if isinstance(a, T.StructType) and isinstance(b, T.StructType) and len(a.fields) == len(b.fields):
        fields = []
        for fa, fb in zip(a.fields, b.fields):
            if fa.name.lower() != fb.name.lower():
                return None
            ct = tightest_common_type(fa.dataType, fb.dataType)
            if ct is None:
                return None
            fields.append(T.StructField(fa.name, ct, fa.nullable or fb.nullable))
        return T.StructType(fields)
    if isinstance(a, T.ArrayType) and isinstance(b, T.ArrayType):
        ct = tightest_common_type(a.elementType, b.elementType)
        return None if ct is None else T.ArrayType(ct, a.containsNull or b.containsNull)
    if isinstance(a, T.MapType) and isinstance(b, T.MapType):
        kt = tightest_common_type(a.keyType, b.keyType)
        vt = tightest_common_type(a.valueType, b.valueType)
        if kt is None or vt is None:
            return None
        return T.MapType(kt, vt, a.valueContainsNull or b.valueContainsNull)
    return None


def wider_type_for_decimal(a, b):
    """findWiderTypeForDecimal: decimal with integral/decimal -> wider decimal; with fractional -> double."""
    if isinstance(a, T.DecimalType) and isinstance(b, T.DecimalType):
        return wider_decimal(a, b)
    if isinstance(a, T.DecimalType) and isinstance(b, T.IntegralType):
        return wider_decimal(a, T.decimal_for_integral(b))
    if isinstance(b, T.DecimalType) and isinstance(a, T.IntegralType):
        return wider_decimal(T.decimal_for_integral(a), b)
    if isinstance(a, T.DecimalType) and isinstance(b, (T.FloatType, T.DoubleType)):
        return T.DoubleType()
    if isinstance(b, T.DecimalType) and isinstance(a, (T.FloatType, T.DoubleType)):
        return T.DoubleType()
    return None


def string_promotion(a, b):
    if isinstance(a, T.StringType) and isinstance(b, T.AtomicType) and not isinstance(b, (T.BinaryType, T.BooleanType)):
        return T.StringType()
    if isinstance(b, T.StringType) and isinstance(a, T.AtomicType) and not isinstance(a, (T.BinaryType, T.BooleanType)):
        return T.StringType()
    return None


def wider_type(a, b):
    """TypeCoercion.findWiderTypeForTwo (used by CASE, COALESCE, IN lists, VALUES, UNION...)."""
    r = tightest_common_type(a, b)
    if r is not None:
        return r
    r = wider_type_for_decimal(a, b)
    if r is not None:
        return r
    r = string_promotion(a, b)
    if r is not None:
        return r
    if isinstance(a, T.ArrayType) and isinstance(b, T.ArrayType):
        ct = wider_type(a.elementType, b.elementType)
        return None if ct is None else T.ArrayType(ct, a.containsNull or b.containsNull)
    if isinstance(a, T.MapType) and isinstance(b, T.MapType):
        kt = wider_type(a.keyType, b.keyType)
        vt = wider_type(a.valueType, b.valueType)
        if kt is None or vt is None:
            return None
        return T.MapType(kt, vt, a.valueContainsNull or b.valueContainsNull)
    return None


def wider_type_of(types):
    out = None
    for t in types:
        if out is None:
            out = t
            continue
        out = wider_type(out, t)
        if out is None:
            return None
    return out


def comparison_type(a, b):
    """findCommonTypeForBinaryComparison, then tightest / decimal widening."""
    sa, sb = isinstance(a, T.StringType), isinstance(b, T.StringType)
    if sa and isinstance(b, T.DateType) or sb and isinstance(a, T.DateType):
        return T.DateType()
    if sa and isinstance(b, T.TimestampType) or sb and isinstance(a, T.TimestampType):
        return T.TimestampType()
    if sa and isinstance(b, T.NullType) or sb and isinstance(a, T.NullType):
        return T.StringType()
    if sa and isinstance(b, T.AtomicType) and not sb:
        if isinstance(b, T.DecimalType):
            return T.DoubleType()
        return b
    if sb and isinstance(a, T.AtomicType) and not sa:
        if isinstance(a, T.DecimalType):
            return T.DoubleType()
        return a
    r = tightest_common_type(a, b)
    if r is not None:
        return r
    return wider_type_for_decimal(a, b)

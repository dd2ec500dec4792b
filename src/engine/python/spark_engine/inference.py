"""pyspark's createDataFrame schema inference (``_infer_schema`` / ``_merge_type``) and the
conversion of Python rows to internal tuples for a schema."""

import datetime
import decimal

from . import types as T
from .errors import CannotInferType
from .row import Row


def infer_type(v):
    if v is None:
        return T.NullType()
    if isinstance(v, bool):
        return T.BooleanType()
    if isinstance(v, int):
        return T.LongType()
    if isinstance(v, float):
        return T.DoubleType()
    if isinstance(v, str):
        return T.StringType()
    if isinstance(v, (bytes, bytearray)):
        return T.BinaryType()
    if isinstance(v, decimal.Decimal):
        return T.DecimalType(38, 18)
    if isinstance(v, datetime.datetime):
        return T.TimestampType()
    if isinstance(v, datetime.date):
        return T.DateType()
    if isinstance(v, dict):
        kt, vt = T.NullType(), T.NullType()
        for k, x in v.items():
            kt = merge_type(kt, infer_type(k))
            vt = merge_type(vt, infer_type(x))
        return T.MapType(kt, vt, True)
    if isinstance(v, (list,)):
        et = T.NullType()
        for x in v:
            et = merge_type(et, infer_type(x))
        return T.ArrayType(et, True)
    if isinstance(v, Row) and hasattr(v, '__fields__'):
        return T.StructType([T.StructField(n, infer_type(x), True) for n, x in zip(v.__fields__, v)])
    if isinstance(v, tuple) and hasattr(v, '_fields'):
        return T.StructType([T.StructField(n, infer_type(x), True) for n, x in zip(v._fields, v)])
    if isinstance(v, tuple):
        return T.StructType([T.StructField('_%d' % (i + 1), infer_type(x), True) for i, x in enumerate(v)])
    if hasattr(v, '__dict__'):
        items = sorted(vars(v).items())
        return T.StructType([T.StructField(k, infer_type(x), True) for k, x in items])
    raise CannotInferType('CANNOT_INFER_TYPE_FOR_FIELD', {}, (
        '[UNSUPPORTED_DATA_TYPE] Unsupported DataType `%s`.' % type(v).__name__))


def merge_type(a, b):
    if isinstance(a, T.NullType):
        return b
    if isinstance(b, T.NullType):
        return a
    if type(a) is not type(b):
        raise CannotInferType('CANNOT_MERGE_TYPE', {}, (
            '[CANNOT_MERGE_TYPE] Can not merge type `%s` and `%s`.' % (type(a).__name__, type(b).__name__)))
    if isinstance(a, T.StructType):
        fields = []
        bmap = dict((f.name, f) for f in b.fields)
        for f in a.fields:
            if f.name in bmap:
                fields.append(T.StructField(f.name, merge_type(f.dataType, bmap[f.name].dataType), True))
            else:
                fields.append(f)
        names = set(f.name for f in a.fields)
        fields.extend(f for f in b.fields if f.name not in names)
        return T.StructType(fields)
    if isinstance(a, T.ArrayType):
        return T.ArrayType(merge_type(a.elementType, b.elementType), True)
    if isinstance(a, T.MapType):
        return T.MapType(merge_type(a.keyType, b.keyType), merge_type(a.valueType, b.valueType), True)
    return a


def _row_type(r):
    if isinstance(r, dict):
        items = sorted(r.items())
        return T.StructType([T.StructField(k, infer_type(v), True) for k, v in items])
    if isinstance(r, Row) and hasattr(r, '__fields__'):
        return T.StructType([T.StructField(n, infer_type(x), True) for n, x in zip(r.__fields__, r)])
    if isinstance(r, tuple) and hasattr(r, '_fields'):
        return T.StructType([T.StructField(n, infer_type(x), True) for n, x in zip(r._fields, r)])
    if isinstance(r, (tuple, list, Row)):
        return T.StructType([T.StructField('_%d' % (i + 1), infer_type(x), True) for i, x in enumerate(r)])
    raise CannotInferType('CANNOT_INFER_SCHEMA_FOR_TYPE', {}, (
        '[CANNOT_INFER_SCHEMA_FOR_TYPE] Can not infer schema for type: `%s`.' % type(r).__name__))


def _has_null(dt):
    if isinstance(dt, T.NullType):
        return True
    if isinstance(dt, T.StructType):
        return any(_has_null(f.dataType) for f in dt.fields)
    if isinstance(dt, T.ArrayType):
        return _has_null(dt.elementType)
    if isinstance(dt, T.MapType):
        return _has_null(dt.keyType) or _has_null(dt.valueType)
    return False


def infer_schema(rows, names=None):
    if not rows:
        if names:
            raise CannotInferType('CANNOT_INFER_EMPTY_SCHEMA', {}, '[CANNOT_INFER_EMPTY_SCHEMA] Can not infer schema from empty dataset.')
        raise CannotInferType('CANNOT_INFER_EMPTY_SCHEMA', {}, '[CANNOT_INFER_EMPTY_SCHEMA] Can not infer schema from empty dataset.')
    st = None
    for r in rows:
        t = _row_type(r)
        st = t if st is None else merge_type(st, t)
    if names:
        fields = list(st.fields)
        for i, n in enumerate(names):
            if i < len(fields):
                fields[i] = T.StructField(n, fields[i].dataType, True)
        st = T.StructType(fields)
    if _has_null(st):
        raise CannotInferType('CANNOT_DETERMINE_TYPE', {}, '[CANNOT_DETERMINE_TYPE] Some of types cannot be determined after inferring.')
    return st


def to_internal(v, dt):
    if v is None:
        return None
    if isinstance(dt, T.StructType):
        if isinstance(v, dict):
            return tuple(to_internal(v.get(f.name), f.dataType) for f in dt.fields)
        if isinstance(v, Row) and hasattr(v, '__fields__'):
            d = dict(zip(v.__fields__, v))
            if all(f.name in d for f in dt.fields):
                return tuple(to_internal(d[f.name], f.dataType) for f in dt.fields)
        if isinstance(v, (tuple, list)):
            return tuple(to_internal(x, f.dataType) for x, f in zip(v, dt.fields))
        if hasattr(v, '__dict__'):
            d = vars(v)
            return tuple(to_internal(d.get(f.name), f.dataType) for f in dt.fields)
        return (v,)
    if isinstance(dt, T.ArrayType):
        return [to_internal(x, dt.elementType) for x in v]
    if isinstance(dt, T.MapType):
        return dict((to_internal(k, dt.keyType), to_internal(x, dt.valueType)) for k, x in v.items())
    if isinstance(dt, (T.DoubleType,)) and isinstance(v, (int, decimal.Decimal)) and not isinstance(v, bool):
        return float(v)
    if isinstance(dt, T.FloatType):
        from .javafmt import to_float32
        return to_float32(float(v))
    if isinstance(dt, T.DecimalType) and not isinstance(v, decimal.Decimal):
        v = decimal.Decimal(str(v))
    if isinstance(dt, T.DecimalType):
        from .casts import fit_decimal
        return fit_decimal(v, dt)
    if isinstance(dt, T.TimestampType) and isinstance(v, datetime.datetime):
        if v.tzinfo is not None:
            v = v.astimezone(datetime.timezone.utc).replace(tzinfo=None)
        return v
    if isinstance(dt, T.TimestampType) and isinstance(v, datetime.date):
        return datetime.datetime(v.year, v.month, v.day)
    if isinstance(dt, T.DateType) and isinstance(v, datetime.datetime):
        return v.date()
    if isinstance(dt, T.BinaryType):
        return bytearray(v)
    return v


def normalize_rows(rows, st):
    out = []
    for r in rows:
        if isinstance(r, dict):
            out.append(tuple(to_internal(r.get(f.name), f.dataType) for f in st.fields))
        elif isinstance(r, Row) and hasattr(r, '__fields__'):
            d = dict(zip(r.__fields__, r))
            if all(f.name in d for f in st.fields):
                out.append(tuple(to_internal(d[f.name], f.dataType) for f in st.fields))
            else:
                out.append(tuple(to_internal(x, f.dataType) for x, f in zip(r, st.fields)))
        elif isinstance(r, (tuple, list)):
            out.append(tuple(to_internal(x, f.dataType) for x, f in zip(r, st.fields)))
        else:
            out.append((to_internal(r, st.fields[0].dataType),))
    return out

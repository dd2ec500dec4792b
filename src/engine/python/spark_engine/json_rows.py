"""Dataset.toJSON: Spark's JacksonGenerator output for one row per string.

Null fields are omitted (ignoreNullFields), decimals are written with their scale, doubles as
Java prints them, dates ``yyyy-MM-dd``, timestamps ``yyyy-MM-dd'T'HH:mm:ss.SSSXXX`` in the
session time zone.
"""

import json

from . import types as T
from .javafmt import double_to_str, float_to_str, decimal_to_str, date_to_str, timestamp_to_json


def _str(s):
    return json.dumps(s, ensure_ascii=False)


def json_value(v, dt, tz='UTC'):
    if v is None:
        return 'null'
    if isinstance(dt, T.StringType):
        return _str(v)
    if isinstance(dt, T.BooleanType):
        return 'true' if v else 'false'
    if isinstance(dt, T.IntegralType):
        return str(v)
    if isinstance(dt, T.DoubleType):
        if v != v or v in (float('inf'), float('-inf')):
            return '"%s"' % double_to_str(v)
        return double_to_str(v)
    if isinstance(dt, T.FloatType):
        if v != v or v in (float('inf'), float('-inf')):
            return '"%s"' % float_to_str(v)
        return float_to_str(v)
    if isinstance(dt, T.DecimalType):
        return decimal_to_str(v)
    if isinstance(dt, T.DateType):
        return '"%s"' % date_to_str(v)
    if isinstance(dt, (T.TimestampType,)):
        return '"%s"' % timestamp_to_json(v, tz)
    if isinstance(dt, T.TimestampNTZType):
        return '"%s"' % timestamp_to_json(v, 'UTC')[:-1]
    if isinstance(dt, T.BinaryType):
        import base64
        return _str(base64.b64encode(bytes(v)).decode('ascii'))
    if isinstance(dt, T.ArrayType):
        return '[' + ','.join(json_value(x, dt.elementType, tz) for x in v) + ']'
    if isinstance(dt, T.MapType):
        return '{' + ','.join('%s:%s' % (_str(_key_text(k, dt.keyType)), json_value(x, dt.valueType, tz))
                              for k, x in v.items()) + '}'
    if isinstance(dt, T.StructType):
        return struct_json(v, dt, tz)
    if isinstance(dt, T.NullType):
        return 'null'
    if isinstance(dt, (T.DayTimeIntervalType, T.YearMonthIntervalType)):
        from .intervals import to_text
        return _str(to_text(v, dt))
    return _str(str(v))


def _key_text(k, kt):
    from .casts import value_to_string
    return value_to_string(k, kt)


def struct_json(row, st, tz='UTC'):
    parts = []
    for v, f in zip(row, st.fields):
        if v is None:
            continue
        parts.append('%s:%s' % (_str(f.name), json_value(v, f.dataType, tz)))
    return '{' + ','.join(parts) + '}'

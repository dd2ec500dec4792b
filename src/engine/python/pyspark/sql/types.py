"""pyspark.sql.types: the engine's data type classes and Row, re-exported (they already print
as pyspark's and report ``__module__ == 'pyspark.sql.types'``)."""

from spark_engine import types as _t
from spark_engine.row import Row  # noqa: F401

DataType = _t.DataType
NullType = _t.NullType
AtomicType = _t.AtomicType
NumericType = _t.NumericType
IntegralType = _t.IntegralType
FractionalType = _t.FractionalType
StringType = _t.StringType
CharType = _t.CharType
VarcharType = _t.VarcharType
BinaryType = _t.BinaryType
BooleanType = _t.BooleanType
DateType = _t.DateType
TimestampType = _t.TimestampType
TimestampNTZType = _t.TimestampNTZType
DecimalType = _t.DecimalType
DoubleType = _t.DoubleType
FloatType = _t.FloatType
ByteType = _t.ByteType
ShortType = _t.ShortType
IntegerType = _t.IntegerType
LongType = _t.LongType
ArrayType = _t.ArrayType
MapType = _t.MapType
StructField = _t.StructField
StructType = _t.StructType

# optional types (present when the engine defines them)
for _name in ('DayTimeIntervalType', 'YearMonthIntervalType', 'CalendarIntervalType',
              'UserDefinedType'):
    if hasattr(_t, _name):
        globals()[_name] = getattr(_t, _name)

__all__ = [
    'DataType', 'NullType', 'CharType', 'StringType', 'VarcharType', 'BinaryType', 'BooleanType',
    'DateType', 'TimestampType', 'TimestampNTZType', 'DecimalType', 'DoubleType', 'FloatType',
    'ByteType', 'IntegerType', 'LongType', 'ShortType', 'ArrayType', 'MapType', 'StructField',
    'StructType', 'Row',
]


def _parse_datatype_string(s):
    """pyspark's helper: a DDL schema (``'a int, b string'``) or a type string (``'int'``)."""
    import spark_engine
    try:
        return spark_engine.parse_data_type(s)
    except Exception:
        return spark_engine.parse_schema(s)


def _parse_datatype_json_string(json_string):
    import json
    return _parse_datatype_json_value(json.loads(json_string))


_ATOMIC_BY_NAME = {
    'void': NullType, 'string': StringType, 'binary': BinaryType, 'boolean': BooleanType,
    'date': DateType, 'timestamp': TimestampType, 'timestamp_ntz': TimestampNTZType,
    'double': DoubleType, 'float': FloatType, 'byte': ByteType, 'short': ShortType,
    'integer': IntegerType, 'long': LongType, 'null': NullType,
}


def _parse_datatype_json_value(v):
    if isinstance(v, str):
        if v in _ATOMIC_BY_NAME:
            return _ATOMIC_BY_NAME[v]()
        if v.startswith('decimal('):
            p, s = v[len('decimal('):-1].split(',')
            return DecimalType(int(p), int(s))
        if v == 'decimal':
            return DecimalType()
        import spark_engine
        return spark_engine.parse_data_type(v)
    t = v.get('type')
    if t == 'struct':
        return StructType([StructField(f['name'], _parse_datatype_json_value(f['type']),
                                       f.get('nullable', True), f.get('metadata') or None)
                           for f in v.get('fields', [])])
    if t == 'array':
        return ArrayType(_parse_datatype_json_value(v['elementType']), v.get('containsNull', True))
    if t == 'map':
        return MapType(_parse_datatype_json_value(v['keyType']),
                       _parse_datatype_json_value(v['valueType']), v.get('valueContainsNull', True))
    raise ValueError('Could not parse datatype: %s' % v)

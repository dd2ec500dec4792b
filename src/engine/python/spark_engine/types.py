"""Spark SQL data types.

They print exactly as pyspark 3.5's classes (``LongType()``, ``DecimalType(2,1)``...) and claim
``__module__ = 'pyspark.sql.types'`` so that ``type(x)`` reads as in pyspark: the pyspark facade
re-exports these very classes instead of wrapping them. The JVM names (``simpleString``,
``typeName``, ``jsonValue``, ``treeString``) follow Spark's Scala DataType.
"""

import json as _json

_MOD = 'pyspark.sql.types'


class DataType:
    """Base of all types; equality is structural (by repr), never by identity."""

    def __repr__(self):
        return type(self).__name__ + '()'

    def __eq__(self, other):
        return isinstance(other, DataType) and repr(self) == repr(other)

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(repr(self))

    @classmethod
    def typeName(cls):
        return cls.__name__[:-4].lower()

    def simpleString(self):
        return self.typeName()

    def jsonValue(self):
        return self.typeName()

    def json(self):
        """pyspark's ``json()``: compact and with sorted keys."""
        return _json.dumps(self.jsonValue(), separators=(',', ':'), sort_keys=True)

    def jvm_json(self):
        """Scala's ``DataType.json``: compact, keys in Spark's declaration order."""
        return _json.dumps(self.jsonValue(), separators=(',', ':'))

    def needConversion(self):
        return False

    def toInternal(self, obj):
        return obj

    def fromInternal(self, obj):
        return obj

    # engine helpers -------------------------------------------------------
    def catalog_string(self):
        return self.simpleString()

    def sql_name(self):
        """Spark's ``DataType.sql`` (upper case), used in error messages: ``"BIGINT"``."""
        return self.simpleString().upper()


class NullType(DataType):
    @classmethod
    def typeName(cls):
        return 'void'


class AtomicType(DataType):
    pass


class NumericType(AtomicType):
    pass


class IntegralType(NumericType):
    pass


class FractionalType(NumericType):
    pass


class StringType(AtomicType):
    pass


class CharType(AtomicType):
    def __init__(self, length):
        self.length = length

    def __repr__(self):
        return 'CharType(%d)' % self.length

    def simpleString(self):
        return 'char(%d)' % self.length

    def jsonValue(self):
        return self.simpleString()


class VarcharType(AtomicType):
    def __init__(self, length):
        self.length = length

    def __repr__(self):
        return 'VarcharType(%d)' % self.length

    def simpleString(self):
        return 'varchar(%d)' % self.length

    def jsonValue(self):
        return self.simpleString()


class BinaryType(AtomicType):
    pass


class BooleanType(AtomicType):
    pass


class DateType(AtomicType):
    pass


class TimestampType(AtomicType):
    pass


class TimestampNTZType(AtomicType):
    @classmethod
    def typeName(cls):
        return 'timestamp_ntz'


class DayTimeIntervalType(AtomicType):
    """ANSI day-time interval; values are microseconds. Fields: 0 DAY, 1 HOUR, 2 MINUTE, 3 SECOND."""
    FIELDS = ('day', 'hour', 'minute', 'second')

    def __init__(self, startField=0, endField=3):
        self.startField = startField
        self.endField = endField

    def __repr__(self):
        return 'DayTimeIntervalType(%d, %d)' % (self.startField, self.endField)

    def simpleString(self):
        a, b = self.FIELDS[self.startField], self.FIELDS[self.endField]
        return 'interval %s' % a if a == b else 'interval %s to %s' % (a, b)

    def typeName(self):
        return self.simpleString()

    def jsonValue(self):
        return self.simpleString()


class YearMonthIntervalType(AtomicType):
    """ANSI year-month interval; values are months. Fields: 0 YEAR, 1 MONTH."""
    FIELDS = ('year', 'month')

    def __init__(self, startField=0, endField=1):
        self.startField = startField
        self.endField = endField

    def __repr__(self):
        return 'YearMonthIntervalType(%d, %d)' % (self.startField, self.endField)

    def simpleString(self):
        a, b = self.FIELDS[self.startField], self.FIELDS[self.endField]
        return 'interval %s' % a if a == b else 'interval %s to %s' % (a, b)

    def typeName(self):
        return self.simpleString()

    def jsonValue(self):
        return self.simpleString()


class DecimalType(FractionalType):
    def __init__(self, precision=10, scale=0):
        self.precision = precision
        self.scale = scale
        self.hasPrecisionInfo = True

    def simpleString(self):
        return 'decimal(%d,%d)' % (self.precision, self.scale)

    def jsonValue(self):
        return self.simpleString()

    def __repr__(self):
        return 'DecimalType(%d,%d)' % (self.precision, self.scale)


class DoubleType(FractionalType):
    pass


class FloatType(FractionalType):
    pass


class ByteType(IntegralType):
    def simpleString(self):
        return 'tinyint'


class ShortType(IntegralType):
    def simpleString(self):
        return 'smallint'


class IntegerType(IntegralType):
    def simpleString(self):
        return 'int'


class LongType(IntegralType):
    def simpleString(self):
        return 'bigint'


class ArrayType(DataType):
    def __init__(self, elementType, containsNull=True):
        self.elementType = elementType
        self.containsNull = containsNull

    def simpleString(self):
        return 'array<%s>' % self.elementType.simpleString()

    def __repr__(self):
        return 'ArrayType(%r, %s)' % (self.elementType, self.containsNull)

    def jsonValue(self):
        return {'type': self.typeName(), 'elementType': self.elementType.jsonValue(),
                'containsNull': self.containsNull}


class MapType(DataType):
    def __init__(self, keyType, valueType, valueContainsNull=True):
        self.keyType = keyType
        self.valueType = valueType
        self.valueContainsNull = valueContainsNull

    def simpleString(self):
        return 'map<%s,%s>' % (self.keyType.simpleString(), self.valueType.simpleString())

    def __repr__(self):
        return 'MapType(%r, %r, %s)' % (self.keyType, self.valueType, self.valueContainsNull)

    def jsonValue(self):
        return {'type': self.typeName(), 'keyType': self.keyType.jsonValue(),
                'valueType': self.valueType.jsonValue(),
                'valueContainsNull': self.valueContainsNull}


class StructField(DataType):
    def __init__(self, name, dataType, nullable=True, metadata=None):
        self.name = name
        self.dataType = dataType
        self.nullable = nullable
        self.metadata = metadata or {}

    def simpleString(self):
        return '%s:%s' % (self.name, self.dataType.simpleString())

    def __repr__(self):
        return 'StructField(%r, %r, %s)' % (self.name, self.dataType, self.nullable)

    def jsonValue(self):
        return {'name': self.name, 'type': self.dataType.jsonValue(),
                'nullable': self.nullable, 'metadata': self.metadata}

    def typeName(self):
        raise TypeError('StructField does not have typeName. Use typeName on its type explicitly instead.')


class StructType(DataType):
    def __init__(self, fields=None):
        self.fields = list(fields or [])
        self.names = [f.name for f in self.fields]

    def add(self, field, data_type=None, nullable=True, metadata=None):
        if isinstance(field, StructField):
            self.fields.append(field)
        else:
            if isinstance(data_type, str):
                from .parser import parse_data_type
                data_type = parse_data_type(data_type)
            self.fields.append(StructField(field, data_type, nullable, metadata))
        self.names = [f.name for f in self.fields]
        return self

    def __iter__(self):
        return iter(self.fields)

    def __len__(self):
        return len(self.fields)

    def __getitem__(self, key):
        if isinstance(key, str):
            for f in self.fields:
                if f.name == key:
                    return f
            raise KeyError('No StructField named {0}'.format(key))
        if isinstance(key, int):
            try:
                return self.fields[key]
            except IndexError:
                raise IndexError('StructType index out of range')
        if isinstance(key, slice):
            return StructType(self.fields[key])
        raise TypeError('StructType keys should be strings, integers or slices')

    def fieldNames(self):
        return list(self.names)

    def simpleString(self):
        return 'struct<%s>' % ','.join(f.simpleString() for f in self.fields)

    def __repr__(self):
        return 'StructType([%s])' % ', '.join(repr(f) for f in self.fields)

    def jsonValue(self):
        return {'type': self.typeName(), 'fields': [f.jsonValue() for f in self.fields]}

    def treeString(self, level=None):
        """Spark's ``StructType.treeString`` (what printSchema prints), ending with a newline."""
        lines = ['root']
        _tree_fields(self, ' |', lines, level, 1)
        return '\n'.join(lines) + '\n'


def _tree_line(prefix, name, dt, extra, lines, level, depth):
    lines.append('%s-- %s: %s%s' % (prefix, name, dt.typeName() if not isinstance(dt, DecimalType) else dt.simpleString(), extra))
    if level is not None and depth >= level:
        return
    child_prefix = prefix + '    |'
    if isinstance(dt, StructType):
        _tree_fields(dt, child_prefix, lines, level, depth + 1)
    elif isinstance(dt, ArrayType):
        _tree_line(child_prefix, 'element', dt.elementType,
                   ' (containsNull = %s)' % str(dt.containsNull).lower(), lines, level, depth + 1)
    elif isinstance(dt, MapType):
        _tree_line(child_prefix, 'key', dt.keyType, '', lines, level, depth + 1)
        _tree_line(child_prefix, 'value', dt.valueType,
                   ' (valueContainsNull = %s)' % str(dt.valueContainsNull).lower(), lines, level, depth + 1)


def _tree_fields(st, prefix, lines, level, depth):
    for f in st.fields:
        _tree_line(prefix, f.name, f.dataType, ' (nullable = %s)' % str(f.nullable).lower(),
                   lines, level, depth)


for _cls in (DataType, NullType, AtomicType, NumericType, IntegralType, FractionalType, StringType,
             CharType, VarcharType, BinaryType, BooleanType, DateType, TimestampType,
             TimestampNTZType, DayTimeIntervalType, YearMonthIntervalType, DecimalType, DoubleType, FloatType, ByteType, ShortType,
             IntegerType, LongType, ArrayType, MapType, StructField, StructType):
    _cls.__module__ = _MOD


# ---- helpers used across the engine -----------------------------------------------------

INTEGRAL_ORDER = (ByteType, ShortType, IntegerType, LongType)
INT_RANGES = {
    'ByteType': (-128, 127),
    'ShortType': (-32768, 32767),
    'IntegerType': (-2 ** 31, 2 ** 31 - 1),
    'LongType': (-2 ** 63, 2 ** 63 - 1),
}

MAX_PRECISION = 38


def is_numeric(dt):
    return isinstance(dt, NumericType)


def is_integral(dt):
    return isinstance(dt, IntegralType)


def wrap_integral(value, dt):
    """Java's two's-complement overflow for integral types (non-ANSI arithmetic wraps)."""
    lo, hi = INT_RANGES[type(dt).__name__]
    if lo <= value <= hi:
        return value
    span = hi - lo + 1
    return (value - lo) % span + lo


def wrapper_for(dt):
    """A fast wrap function for one integral type."""
    lo, hi = INT_RANGES[type(dt).__name__]
    span = hi - lo + 1

    def wrap(value):
        if lo <= value <= hi:
            return value
        return (value - lo) % span + lo
    return wrap


def decimal_for_integral(dt):
    """Spark's DecimalType.forType: the decimal that holds every value of an integral type."""
    return {'ByteType': DecimalType(3, 0), 'ShortType': DecimalType(5, 0),
            'IntegerType': DecimalType(10, 0), 'LongType': DecimalType(20, 0),
            'FloatType': DecimalType(14, 7), 'DoubleType': DecimalType(30, 15)}[type(dt).__name__]


def bounded_decimal(precision, scale):
    return DecimalType(min(precision, MAX_PRECISION), min(scale, MAX_PRECISION))


def adjust_precision_scale(precision, scale):
    """Spark's DecimalType.adjustPrecisionScale (allowPrecisionLoss = true)."""
    if precision <= MAX_PRECISION:
        return DecimalType(precision, scale)
    if scale < 0:
        return DecimalType(MAX_PRECISION, scale)
    int_digits = precision - scale
    min_scale = min(scale, 6)
    adjusted = max(MAX_PRECISION - int_digits, min_scale)
    return DecimalType(MAX_PRECISION, adjusted)


_ATOMIC_BY_NAME = {
    'void': NullType, 'null': NullType, 'string': StringType, 'binary': BinaryType,
    'boolean': BooleanType, 'date': DateType, 'timestamp': TimestampType,
    'timestamp_ntz': TimestampNTZType, 'double': DoubleType, 'float': FloatType, 'byte': ByteType,
    'short': ShortType, 'integer': IntegerType, 'long': LongType,
}


def from_json_value(v):
    """DataType from its jsonValue() (``'long'``, ``'decimal(2,1)'``, ``{"type":"struct",...}``)."""
    if isinstance(v, str):
        if v in _ATOMIC_BY_NAME:
            return _ATOMIC_BY_NAME[v]()
        if v.startswith('decimal'):
            if v == 'decimal':
                return DecimalType(10, 0)
            p, s = v[len('decimal('):-1].split(',')
            return DecimalType(int(p), int(s))
        if v.startswith('interval'):
            parts = v.split()
            dt_fields = DayTimeIntervalType.FIELDS
            ym_fields = YearMonthIntervalType.FIELDS
            a, b = parts[1], parts[-1]
            if a in ym_fields:
                return YearMonthIntervalType(ym_fields.index(a), ym_fields.index(b))
            return DayTimeIntervalType(dt_fields.index(a), dt_fields.index(b))
        if v.startswith('char(') or v.startswith('varchar('):
            return StringType()
        raise ValueError('Could not parse datatype: %s' % v)
    t = v.get('type')
    if t == 'struct':
        return StructType([StructField(f['name'], from_json_value(f['type']), f.get('nullable', True),
                                       f.get('metadata') or {}) for f in v.get('fields', [])])
    if t == 'array':
        return ArrayType(from_json_value(v['elementType']), v.get('containsNull', True))
    if t == 'map':
        return MapType(from_json_value(v['keyType']), from_json_value(v['valueType']),
                       v.get('valueContainsNull', True))
    raise ValueError('Could not parse datatype: %s' % v)


def from_json(text):
    return from_json_value(_json.loads(text))

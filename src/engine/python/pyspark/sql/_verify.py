"""pyspark's ``verifySchema``: rows given to ``createDataFrame`` with a schema are checked in
Python before they reach the JVM (``_make_type_verifier`` of pyspark 3.5), raising the same
error classes with the same frames."""

import array
import datetime
import decimal

from pyspark.errors import PySparkTypeError, PySparkValueError
from pyspark._jvm import with_frames
from pyspark.sql import types as T

_ACCEPTABLE = (
    (T.BooleanType, (bool,)),
    (T.ByteType, (int,)),
    (T.ShortType, (int,)),
    (T.IntegerType, (int,)),
    (T.LongType, (int,)),
    (T.FloatType, (float,)),
    (T.DoubleType, (float,)),
    (T.DecimalType, (decimal.Decimal,)),
    (T.BinaryType, (bytearray, bytes)),
    (T.DateType, (datetime.date, datetime.datetime)),
    (T.TimestampType, (datetime.datetime,)),
    (T.TimestampNTZType, (datetime.datetime,)),
    (T.ArrayType, (list, tuple, array.array)),
    (T.MapType, (dict,)),
)
# (type, frame key, lower/upper bound params as pyspark 3.5 words them)
_INTEGRAL = (
    (T.ByteType, 'types.verify_byte', -128, 127, ('127', '-127')),
    (T.ShortType, 'types.verify_short', -32768, 32767, ('32767', '-32768')),
    (T.IntegerType, 'types.verify_integer', -2147483648, 2147483647,
     ('2147483647', '-2147483648')),
    (T.LongType, 'types.verify_long', -9223372036854775808, 9223372036854775807,
     ('9223372036854775807', '-9223372036854775808')),
)

_BASE = ('session.createDataFrame', 'session._create_dataframe', 'session._createFromLocal_list')


def verify_rows(rows, schema):
    """Check ``rows`` against ``schema`` (a StructType, or an atomic type for ``value`` rows)."""
    if isinstance(schema, T.StructType):
        keys = _BASE + ('session.prepare_struct',)
    else:
        keys = _BASE + ('session.prepare_atomic',)
    for row in rows:
        _verify(row, schema, True, keys)


def _acceptable(dt):
    for cls, types in _ACCEPTABLE:
        if isinstance(dt, cls):
            return types
    return None


def _reject(obj, dt, keys):
    raise with_frames(PySparkTypeError(
        error_class='CANNOT_ACCEPT_OBJECT_IN_TYPE',
        message_parameters={'data_type': str(dt), 'obj_name': str(obj),
                            'obj_type': type(obj).__name__}),
        keys + ('types.verify_acceptable_types_raise',))


def _verify(obj, dt, nullable, keys):
    if obj is None:
        if nullable:
            return
        raise with_frames(PySparkValueError(error_class='CANNOT_BE_NONE',
                                            message_parameters={'arg_name': 'obj'}),
                          keys + ('types.verify_nullability_call',
                                  'types.verify_nullability_raise'))
    keys = keys + ('types.verify',)
    if isinstance(dt, (T.StringType, T.CharType, T.VarcharType, T.NullType)):
        return
    for cls, key, lo, hi, words in _INTEGRAL:
        if isinstance(dt, cls):
            if type(obj) is not int:
                _reject(obj, dt, keys + (key,))
            if obj < lo or obj > hi:
                raise with_frames(PySparkValueError(
                    error_class='VALUE_OUT_OF_BOUND',
                    message_parameters={'arg_name': 'obj', 'lower_bound': words[0],
                                        'upper_bound': words[1], 'actual': str(obj)}),
                    keys + (key + '_range',))
            return
    if isinstance(dt, T.ArrayType):
        if type(obj) not in _acceptable(dt):
            _reject(obj, dt, keys + ('types.verify_array',))
        for e in obj:
            _verify(e, dt.elementType, dt.containsNull, keys + ('types.verify_array_elem',))
        return
    if isinstance(dt, T.MapType):
        if type(obj) not in _acceptable(dt):
            _reject(obj, dt, keys + ('types.verify_map',))
        for k, v in obj.items():
            _verify(k, dt.keyType, False, keys + ('types.verify_map_key',))
            _verify(v, dt.valueType, dt.valueContainsNull, keys + ('types.verify_map_value',))
        return
    if isinstance(dt, T.StructType):
        fields = list(dt.fields)
        if isinstance(obj, dict):
            for f in fields:
                _verify(obj.get(f.name), f.dataType, f.nullable,
                        keys + ('types.verify_struct_dict',))
        elif isinstance(obj, (tuple, list)):
            if len(obj) != len(fields):
                raise with_frames(PySparkValueError(
                    error_class='LENGTH_SHOULD_BE_THE_SAME',
                    message_parameters={'arg1': 'obj', 'arg2': 'fields',
                                        'arg1_length': str(len(obj)),
                                        'arg2_length': str(len(fields))}),
                    keys + ('types.verify_struct_len_raise',))
            for v, f in zip(obj, fields):
                _verify(v, f.dataType, f.nullable, keys + ('types.verify_struct_tuple',))
        elif hasattr(obj, '__dict__'):
            d = obj.__dict__
            for f in fields:
                _verify(d.get(f.name), f.dataType, f.nullable,
                        keys + ('types.verify_struct_obj',))
        else:
            raise with_frames(PySparkTypeError(
                error_class='CANNOT_ACCEPT_OBJECT_IN_TYPE',
                message_parameters={'data_type': 'StructType', 'obj_name': str(obj),
                                    'obj_type': type(obj).__name__}),
                keys + ('types.verify_struct_type_raise',))
        return
    types = _acceptable(dt)
    if types is not None and type(obj) not in types:
        _reject(obj, dt, keys + ('types.verify_default',))

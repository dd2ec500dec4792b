"""pyspark.sql.column.Column: wraps an engine column (``_jc``) as real pyspark wraps a JVM Column."""

from pyspark.errors import PySparkTypeError, PySparkValueError, PySparkAttributeError
from pyspark._jvm import with_frames

__all__ = ['Column']


def _ef():
    from spark_engine import functions as ef
    return ef


def _to_java_column(col):
    if isinstance(col, Column):
        return col._jc
    if isinstance(col, str):
        return _ef().col(col)
    raise PySparkTypeError(error_class='NOT_COLUMN_OR_STR',
                           message_parameters={'arg_name': 'col', 'arg_type': type(col).__name__})


def _to_java_expr_or_lit(value):
    """A Column stays itself; any other Python value becomes a literal."""
    if isinstance(value, Column):
        return value._jc
    return _ef().lit(value)


def _unwrap(value):
    return value._jc if isinstance(value, Column) else value


def _bin(op):
    def fn(self, other):
        return Column(op(self._jc, _unwrap(other)))
    return fn


def _rbin(op):
    def fn(self, other):
        return Column(op(_ef().lit(other) if not isinstance(other, Column) else other._jc, self._jc))
    return fn


class Column:
    def __init__(self, jc):
        self._jc = jc

    # arithmetic / comparison ---------------------------------------------------------------
    __add__ = _bin(lambda a, b: a + b)
    __sub__ = _bin(lambda a, b: a - b)
    __mul__ = _bin(lambda a, b: a * b)
    __truediv__ = _bin(lambda a, b: a / b)
    __div__ = __truediv__
    __mod__ = _bin(lambda a, b: a % b)
    __pow__ = _bin(lambda a, b: a ** b)
    __radd__ = _rbin(lambda a, b: a + b)
    __rsub__ = _rbin(lambda a, b: a - b)
    __rmul__ = _rbin(lambda a, b: a * b)
    __rtruediv__ = _rbin(lambda a, b: a / b)
    __rdiv__ = __rtruediv__
    __rmod__ = _rbin(lambda a, b: a % b)
    __rpow__ = _rbin(lambda a, b: a ** b)
    __eq__ = _bin(lambda a, b: a == b)
    __ne__ = _bin(lambda a, b: a != b)
    __lt__ = _bin(lambda a, b: a < b)
    __le__ = _bin(lambda a, b: a <= b)
    __gt__ = _bin(lambda a, b: a > b)
    __ge__ = _bin(lambda a, b: a >= b)
    __and__ = _bin(lambda a, b: a & b)
    __or__ = _bin(lambda a, b: a | b)
    __rand__ = _rbin(lambda a, b: a & b)
    __ror__ = _rbin(lambda a, b: a | b)

    def __neg__(self):
        return Column(-self._jc)

    def __invert__(self):
        return Column(~self._jc)

    __hash__ = object.__hash__

    def eqNullSafe(self, other):
        return Column(self._jc.eqNullSafe(_unwrap(other)))

    def bitwiseOR(self, other):
        return Column(self._jc.bitwiseOR(_unwrap(other)))

    def bitwiseAND(self, other):
        return Column(self._jc.bitwiseAND(_unwrap(other)))

    def bitwiseXOR(self, other):
        return Column(self._jc.bitwiseXOR(_unwrap(other)))

    # python protocol errors (as pyspark) --------------------------------------------------
    def __contains__(self, item):
        raise with_frames(PySparkValueError(error_class='CANNOT_APPLY_IN_FOR_COLUMN',
                                            message_parameters={}), ('column.contains_raise',))

    def __iter__(self):
        raise with_frames(PySparkTypeError(error_class='NOT_ITERABLE',
                                           message_parameters={'objectName': 'Column'}),
                          ('column.iter_raise',))

    def __nonzero__(self):
        raise with_frames(PySparkValueError(error_class='CANNOT_CONVERT_COLUMN_INTO_BOOL',
                                            message_parameters={}), ('column.bool_raise',))

    __bool__ = __nonzero__

    def __getattr__(self, item):
        if item.startswith('__'):
            raise PySparkAttributeError(error_class='ATTRIBUTE_NOT_SUPPORTED',
                                        message_parameters={'attr_name': item})
        return self[item]

    def __getitem__(self, k):
        if isinstance(k, slice):
            if k.step is not None:
                raise PySparkValueError(error_class='SLICE_WITH_STEP', message_parameters={})
            return self.substr(k.start, k.stop)
        return Column(self._jc.getItem(_unwrap(k)))

    def getItem(self, key):
        return Column(self._jc.getItem(_unwrap(key)))

    def getField(self, name):
        return Column(self._jc.getField(_unwrap(name)))

    def withField(self, fieldName, col):
        return Column(self._jc.withField(fieldName, col._jc))

    def dropFields(self, *fieldNames):
        return Column(self._jc.dropFields(*fieldNames))

    # string / predicate methods ------------------------------------------------------------
    def contains(self, other):
        return Column(self._jc.contains(_unwrap(other)))

    def startswith(self, other):
        return Column(self._jc.startswith(_unwrap(other)))

    def endswith(self, other):
        return Column(self._jc.endswith(_unwrap(other)))

    def like(self, other):
        return Column(self._jc.like(other))

    def rlike(self, other):
        return Column(self._jc.rlike(other))

    def ilike(self, other):
        return Column(self._jc.ilike(other))

    def substr(self, startPos, length):
        if type(startPos) != type(length):
            raise PySparkTypeError(
                error_class='NOT_SAME_TYPE',
                message_parameters={'arg_name1': 'startPos', 'arg_name2': 'length',
                                    'arg_type1': type(startPos).__name__,
                                    'arg_type2': type(length).__name__})
        return Column(self._jc.substr(_unwrap(startPos), _unwrap(length)))

    def isin(self, *cols):
        if len(cols) == 1 and isinstance(cols[0], (list, set)):
            cols = cols[0]
        return Column(self._jc.isin(*[_to_java_expr_or_lit(c) for c in cols]))

    def asc(self):
        return Column(self._jc.asc())

    def asc_nulls_first(self):
        return Column(self._jc.asc_nulls_first())

    def asc_nulls_last(self):
        return Column(self._jc.asc_nulls_last())

    def desc(self):
        return Column(self._jc.desc())

    def desc_nulls_first(self):
        return Column(self._jc.desc_nulls_first())

    def desc_nulls_last(self):
        return Column(self._jc.desc_nulls_last())

    def isNull(self):
        return Column(self._jc.isNull())

    def isNotNull(self):
        return Column(self._jc.isNotNull())

    def isNaN(self):
        return Column(self._jc.isNaN())

    def alias(self, *alias, **kwargs):
        metadata = kwargs.pop('metadata', None)
        if kwargs:
            raise TypeError('Unexpected kwargs where only metadata is allowed')
        if metadata is not None and len(alias) == 1:
            try:
                return Column(self._jc.alias(*alias, metadata=metadata))
            except TypeError:
                pass
        return Column(self._jc.alias(*alias))

    name = alias

    def cast(self, dataType):
        from pyspark.sql.types import DataType
        if not isinstance(dataType, (str, DataType)):
            raise PySparkTypeError(
                error_class='NOT_DATATYPE_OR_STR',
                message_parameters={'arg_name': 'dataType', 'arg_type': type(dataType).__name__})
        from pyspark._jvm import jcall
        return Column(jcall(('column.cast_str',), None, self._jc.cast, dataType, _jname='cast'))

    astype = cast

    def between(self, lowerBound, upperBound):
        return (self >= lowerBound) & (self <= upperBound)

    def when(self, condition, value):
        if not isinstance(condition, Column):
            raise PySparkTypeError(
                error_class='NOT_COLUMN',
                message_parameters={'arg_name': 'condition', 'arg_type': type(condition).__name__})
        return Column(self._jc.when(condition._jc, _to_java_expr_or_lit(value)))

    def otherwise(self, value):
        return Column(self._jc.otherwise(_to_java_expr_or_lit(value)))

    def over(self, window):
        return Column(self._jc.over(getattr(window, '_jspec', window)))

    def __repr__(self):
        return "Column<'%s'>" % _jc_string(self._jc)


def _jc_string(jc):
    from pyspark._jvm import jmethod
    for name in ('toString', 'to_string'):
        ts = jmethod(jc, name)
        if ts is not None:
            return ts()
    return str(jc)

"""Exceptions converted from the "JVM" (spark_engine) the way pyspark 3.5's py4j hook does.

Real pyspark patches py4j's ``get_return_value`` with ``capture_sql_exception``: a Java exception
of a known class is re-raised as one of the classes below (``raise converted from None``), any
other stays a ``py4j.protocol.Py4JJavaError``. ``str(exc)`` is the JVM ``getMessage()``, plus the
JVM stack trace when ``spark.sql.pyspark.jvmStacktrace.enabled`` is true.
"""

from pyspark.errors.exceptions.base import (
    AnalysisException as BaseAnalysisException,
    IllegalArgumentException as BaseIllegalArgumentException,
    ArithmeticException as BaseArithmeticException,
    UnsupportedOperationException as BaseUnsupportedOperationException,
    ArrayIndexOutOfBoundsException as BaseArrayIndexOutOfBoundsException,
    DateTimeException as BaseDateTimeException,
    NumberFormatException as BaseNumberFormatException,
    ParseException as BaseParseException,
    PySparkException,
    PythonException as BasePythonException,
    QueryExecutionException as BaseQueryExecutionException,
    SparkRuntimeException as BaseSparkRuntimeException,
    SparkUpgradeException as BaseSparkUpgradeException,
    StreamingQueryException as BaseStreamingQueryException,
    UnknownException as BaseUnknownException,
)


class CapturedException(PySparkException):
    def __init__(self, desc=None, stackTrace=None, cause=None, origin=None, jvm_stacktrace=False):
        self.desc = desc if desc is not None else getattr(origin, 'java_message', str(origin))
        self.stackTrace = stackTrace if stackTrace is not None else ''
        self.cause = cause
        self._origin = origin
        self._jvm_stacktrace = jvm_stacktrace
        # PySparkException fields (no Python-side error class)
        self.message = self.desc
        self.error_class = None
        self.message_parameters = None

    def __str__(self):
        desc = self.desc
        if self._jvm_stacktrace:
            desc = desc + '\n\nJVM stacktrace:\n%s' % self.stackTrace
        return str(desc)

    def getErrorClass(self):
        return getattr(self._origin, 'error_class', None)

    def getMessageParameters(self):
        params = getattr(self._origin, 'message_parameters', None)
        return dict(params) if params is not None else None

    def getSqlState(self):
        return getattr(self._origin, 'sql_state', None)


class AnalysisException(CapturedException, BaseAnalysisException):
    """Failed to analyze a SQL query plan."""


class ParseException(AnalysisException, BaseParseException):
    """Failed to parse a SQL command."""


class IllegalArgumentException(CapturedException, BaseIllegalArgumentException):
    """Passed an illegal or inappropriate argument."""


class StreamingQueryException(CapturedException, BaseStreamingQueryException):
    """Exception that stopped a StreamingQuery."""


class QueryExecutionException(CapturedException, BaseQueryExecutionException):
    """Failed to execute a query."""


class PythonException(CapturedException, BasePythonException):
    """Exceptions thrown from Python workers."""


class ArithmeticException(CapturedException, BaseArithmeticException):
    """Arithmetic exception."""


class UnsupportedOperationException(CapturedException, BaseUnsupportedOperationException):
    """Unsupported operation exception."""


class ArrayIndexOutOfBoundsException(CapturedException, BaseArrayIndexOutOfBoundsException):
    """Array index out of bounds exception."""


class DateTimeException(CapturedException, BaseDateTimeException):
    """Datetime exception."""


class NumberFormatException(IllegalArgumentException, BaseNumberFormatException):
    """Number format exception."""


class SparkRuntimeException(CapturedException, BaseSparkRuntimeException):
    """Runtime exception."""


class SparkUpgradeException(CapturedException, BaseSparkUpgradeException):
    """Exception thrown because of Spark upgrade."""


class UnknownException(CapturedException, BaseUnknownException):
    """None of the above exceptions."""


# pyspark class name -> class (what ``convert_exception`` picks by JVM class)
CAPTURED_CLASSES = {
    'AnalysisException': AnalysisException,
    'ParseException': ParseException,
    'IllegalArgumentException': IllegalArgumentException,
    'StreamingQueryException': StreamingQueryException,
    'QueryExecutionException': QueryExecutionException,
    'PythonException': PythonException,
    'ArithmeticException': ArithmeticException,
    'UnsupportedOperationException': UnsupportedOperationException,
    'ArrayIndexOutOfBoundsException': ArrayIndexOutOfBoundsException,
    'DateTimeException': DateTimeException,
    'NumberFormatException': NumberFormatException,
    'SparkRuntimeException': SparkRuntimeException,
    'SparkUpgradeException': SparkUpgradeException,
}

# JVM class (simple name) -> pyspark class name, in pyspark's test order, for engine errors
# that do not name their pyspark class.
_BY_JAVA_CLASS = (
    ('ParseException', 'ParseException'),
    ('AnalysisException', 'AnalysisException'),
    ('NoSuchTableException', 'AnalysisException'),
    ('NoSuchDatabaseException', 'AnalysisException'),
    ('NoSuchNamespaceException', 'AnalysisException'),
    ('TempTableAlreadyExistsException', 'AnalysisException'),
    ('TableAlreadyExistsException', 'AnalysisException'),
    ('StreamingQueryException', 'StreamingQueryException'),
    ('QueryExecutionException', 'QueryExecutionException'),
    ('SparkNumberFormatException', 'NumberFormatException'),
    ('NumberFormatException', 'NumberFormatException'),
    ('SparkIllegalArgumentException', 'IllegalArgumentException'),
    ('IllegalArgumentException', 'IllegalArgumentException'),
    ('SparkArithmeticException', 'ArithmeticException'),
    ('ArithmeticException', 'ArithmeticException'),
    ('SparkUnsupportedOperationException', 'UnsupportedOperationException'),
    ('UnsupportedOperationException', 'UnsupportedOperationException'),
    ('SparkArrayIndexOutOfBoundsException', 'ArrayIndexOutOfBoundsException'),
    ('ArrayIndexOutOfBoundsException', 'ArrayIndexOutOfBoundsException'),
    ('SparkDateTimeException', 'DateTimeException'),
    ('DateTimeException', 'DateTimeException'),
    ('SparkRuntimeException', 'SparkRuntimeException'),
    ('SparkUpgradeException', 'SparkUpgradeException'),
)


def captured_class_for(engine_exc):
    """The captured class pyspark 3.5 converts this JVM exception to, or None (stays Py4JJavaError)."""
    java_class = getattr(engine_exc, 'java_class', '') or ''
    if java_class == 'org.apache.spark.SparkException':
        return None  # e.g. job aborted: not converted by pyspark 3.5
    name = getattr(engine_exc, 'pyspark_class', None)
    if name:
        return CAPTURED_CLASSES.get(name)
    simple = java_class.rsplit('.', 1)[-1].rsplit('$', 1)[-1]
    for jname, pname in _BY_JAVA_CLASS:
        if simple == jname:
            return CAPTURED_CLASSES[pname]
    return None

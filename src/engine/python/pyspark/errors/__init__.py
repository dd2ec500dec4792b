"""pyspark.errors: the exception classes users catch (pyspark 3.5 layout)."""

from pyspark.errors.exceptions.base import (  # noqa: F401
    PySparkException,
    AnalysisException,
    TempTableAlreadyExistsException,
    ParseException,
    IllegalArgumentException,
    ArithmeticException,
    UnsupportedOperationException,
    ArrayIndexOutOfBoundsException,
    DateTimeException,
    NumberFormatException,
    StreamingQueryException,
    QueryExecutionException,
    PythonException,
    UnknownException,
    SparkRuntimeException,
    SparkUpgradeException,
    PySparkTypeError,
    PySparkValueError,
    PySparkIndexError,
    PySparkAttributeError,
    PySparkRuntimeError,
    PySparkAssertionError,
    PySparkNotImplementedError,
)

__all__ = [
    'PySparkException', 'AnalysisException', 'TempTableAlreadyExistsException', 'ParseException',
    'IllegalArgumentException', 'ArithmeticException', 'UnsupportedOperationException',
    'ArrayIndexOutOfBoundsException', 'DateTimeException', 'NumberFormatException',
    'StreamingQueryException', 'QueryExecutionException', 'PythonException', 'UnknownException',
    'SparkRuntimeException', 'SparkUpgradeException', 'PySparkTypeError', 'PySparkValueError',
    'PySparkIndexError', 'PySparkAttributeError', 'PySparkRuntimeError', 'PySparkAssertionError',
    'PySparkNotImplementedError',
]

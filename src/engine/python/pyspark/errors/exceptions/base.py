"""pyspark 3.5's Python-side exception classes (``pyspark.errors.exceptions.base``)."""

from pyspark.errors.error_classes import get_error_message


class PySparkException(Exception):
    """Base of pyspark's exceptions; ``str()`` is ``[ERROR_CLASS] message`` for error classes."""

    def __init__(self, message=None, error_class=None, message_parameters=None):
        if message is None:
            self.message = get_error_message(error_class, message_parameters or {})
        else:
            self.message = message
        self.error_class = error_class
        self.message_parameters = message_parameters

    def getErrorClass(self):
        return self.error_class

    def getMessageParameters(self):
        return self.message_parameters

    def getSqlState(self):
        return None

    def __str__(self):
        if self.getErrorClass() is not None:
            return '[%s] %s' % (self.getErrorClass(), self.message)
        return self.message


class AnalysisException(PySparkException):
    """Failed to analyze a SQL query plan."""


class SessionNotSameException(PySparkException):
    """Performed the same operation on different SparkSession."""


class TempTableAlreadyExistsException(AnalysisException):
    """Failed to create temp view since it is already exists."""


class ParseException(AnalysisException):
    """Failed to parse a SQL command."""


class IllegalArgumentException(PySparkException):
    """Passed an illegal or inappropriate argument."""


class ArithmeticException(PySparkException):
    """Arithmetic exception thrown from Spark with an error class."""


class UnsupportedOperationException(PySparkException):
    """Unsupported operation exception thrown from Spark with an error class."""


class ArrayIndexOutOfBoundsException(PySparkException):
    """Array index out of bounds exception thrown from Spark with an error class."""


class DateTimeException(PySparkException):
    """Datetime exception thrown from Spark with an error class."""


class NumberFormatException(IllegalArgumentException):
    """Number format exception thrown from Spark with an error class."""


class StreamingQueryException(PySparkException):
    """Exception that stopped a StreamingQuery."""


class QueryExecutionException(PySparkException):
    """Failed to execute a query."""


class PythonException(PySparkException):
    """Exceptions thrown from Python workers."""


class SparkRuntimeException(PySparkException):
    """Runtime exception thrown from Spark with an error class."""


class SparkUpgradeException(PySparkException):
    """Exception thrown because of Spark upgrade."""


class UnknownException(PySparkException):
    """None of the above exceptions."""


class PySparkValueError(PySparkException, ValueError):
    """Wrapper class for ValueError to support error classes."""


class PySparkIndexError(PySparkException, IndexError):
    """Wrapper class for IndexError to support error classes."""


class PySparkTypeError(PySparkException, TypeError):
    """Wrapper class for TypeError to support error classes."""


class PySparkAttributeError(PySparkException, AttributeError):
    """Wrapper class for AttributeError to support error classes."""


class PySparkRuntimeError(PySparkException, RuntimeError):
    """Wrapper class for RuntimeError to support error classes."""


class PySparkAssertionError(PySparkException, AssertionError):
    """Wrapper class for AssertionError to support error classes."""


class PySparkNotImplementedError(PySparkException, NotImplementedError):
    """Wrapper class for NotImplementedError to support error classes."""

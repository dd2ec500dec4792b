"""spark_engine: a small Spark 3.5 SQL engine in pure Python (the "JVM side" of the emulator).

See API.md for the public surface; CONTRACT.md (one level up) for the seams.
"""

from .types import (DataType, NullType, StringType, BinaryType, BooleanType, DateType,
                    TimestampType, TimestampNTZType, DecimalType, DoubleType, FloatType, ByteType,
                    ShortType, IntegerType, LongType, ArrayType, MapType, StructField, StructType,
                    CharType, VarcharType, AtomicType, NumericType, IntegralType, FractionalType,
                    DayTimeIntervalType, YearMonthIntervalType)
from .row import Row
from .errors import (SparkThrowable, AnalysisException, ParseException, SparkArithmeticException,
                     SparkNumberFormatException, SparkDateTimeException, SparkRuntimeException,
                     SparkIllegalArgumentException, IllegalArgumentException,
                     SparkUnsupportedOperationException, SparkNoSuchElementException,
                     CannotInferType)
from .catalog import SharedCatalog, Catalog, TableInfo, DatabaseInfo, ColumnInfo
from .column import Column
from .dataset import Dataset, GroupedData
from .session import SparkSessionState
from . import functions


def parse_expression(text):
    """A SQL expression string (selectExpr/filter/expr syntax) as a Column."""
    from .parser import parse_expression_text
    return Column(parse_expression_text(text))


def parse_data_type(text):
    from .parser import parse_data_type as _p
    return _p(text)


def parse_schema(text):
    from .parser import parse_schema as _p
    return _p(text)


__all__ = [n for n in dir() if not n.startswith('_')]

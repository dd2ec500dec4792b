"""pyspark.sql: the DataFrame API."""

from pyspark.sql.types import Row  # noqa: F401
from pyspark.sql.context import SQLContext, HiveContext  # noqa: F401
from pyspark.sql.session import SparkSession  # noqa: F401
from pyspark.sql.column import Column  # noqa: F401
from pyspark.sql.catalog import Catalog  # noqa: F401
from pyspark.sql.dataframe import DataFrame, DataFrameNaFunctions, DataFrameStatFunctions  # noqa
from pyspark.sql.group import GroupedData  # noqa: F401
from pyspark.sql.readwriter import DataFrameReader, DataFrameWriter  # noqa: F401
from pyspark.sql.window import Window, WindowSpec  # noqa: F401
from pyspark.sql.udf import UDFRegistration  # noqa: F401
from pyspark.sql import functions, types  # noqa: F401

__all__ = [
    'SparkSession', 'SQLContext', 'HiveContext', 'UDFRegistration', 'DataFrame', 'GroupedData',
    'Column', 'Catalog', 'Row', 'DataFrameNaFunctions', 'DataFrameStatFunctions', 'Window',
    'WindowSpec', 'DataFrameReader', 'DataFrameWriter',
]

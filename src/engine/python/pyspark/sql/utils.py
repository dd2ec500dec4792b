"""pyspark.sql.utils: legacy import location of the captured exceptions."""

from pyspark.errors.exceptions.captured import (  # noqa: F401
    CapturedException, AnalysisException, ParseException, IllegalArgumentException,
    StreamingQueryException, QueryExecutionException, PythonException, UnknownException,
    SparkUpgradeException,
)

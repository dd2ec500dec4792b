"""pyspark.sql.pandas.utils: pandas/pyarrow are not installed on the emulated cluster."""

from pyspark._jvm import with_frames


def pandas_missing_error(keys):
    """pyspark's ImportError (chained from the failed ``import pandas``, as pyspark raises it)."""
    err = ImportError('Pandas >= 1.0.5 must be installed; however, it was not found.')
    cause = ModuleNotFoundError("No module named 'pandas'")
    cause.name = 'pandas'
    err.__cause__ = cause
    return with_frames(err, keys)


def require_minimum_pandas_version():
    raise pandas_missing_error(('pandas.require',))


def require_minimum_pyarrow_version():
    raise ImportError('PyArrow >= 4.0.0 must be installed; however, it was not found.')

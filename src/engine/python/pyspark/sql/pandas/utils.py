"""pyspark.sql.pandas.utils: pandas/pyarrow are not installed on the emulated cluster."""

from pyspark._jvm import with_frames


def require_minimum_pandas_version():
    raise with_frames(ImportError('Pandas >= 1.0.5 must be installed; however, it was not found.'),
                      ('pandas.require',))


def require_minimum_pyarrow_version():
    raise ImportError('PyArrow >= 4.0.0 must be installed; however, it was not found.')

"""A pure-Python facade of the pyspark 3.5 API for the Livy emulator (see CONTRACT.md).

Module paths mirror real pyspark so reprs and exception names print as Spark's do. The "JVM"
behind it is ``spark_engine`` (wrapped as real pyspark wraps py4j objects).
"""

from pyspark.version import __version__  # noqa: F401
from pyspark.conf import SparkConf  # noqa: F401
from pyspark.context import SparkContext  # noqa: F401
from pyspark.rdd import RDD  # noqa: F401
from pyspark.storagelevel import StorageLevel  # noqa: F401
from pyspark.broadcast import Broadcast  # noqa: F401
from pyspark.accumulators import Accumulator, AccumulatorParam  # noqa: F401
from pyspark.statcounter import StatCounter  # noqa: F401
from pyspark.files import SparkFiles  # noqa: F401


def __getattr__(name):
    # lazy: pyspark.sql imports the engine
    if name in ('SQLContext', 'HiveContext', 'Row'):
        import pyspark.sql as _sql
        return getattr(_sql, name)
    raise AttributeError("module 'pyspark' has no attribute '%s'" % name)


__all__ = [
    'SparkConf', 'SparkContext', 'SparkFiles', 'RDD', 'StorageLevel', 'Broadcast', 'Accumulator',
    'AccumulatorParam', 'StatCounter', 'SQLContext', 'HiveContext', 'Row',
]

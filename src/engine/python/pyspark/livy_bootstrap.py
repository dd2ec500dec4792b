"""Seam 1 (CONTRACT.md): the globals a Livy PySpark session starts with.

``create_session(info)`` builds the session's SparkContext (``sc``), SparkSession (``spark``)
over a fresh ``spark_engine.SparkSessionState`` and SQLContext (``sqlContext``), as Livy's
fake_shell does, and returns them with the ``HiveContext`` and ``StreamingContext`` classes and a
``cloudpickle`` module. ``activate(globals)`` makes that session the active one for code that
asks pyspark for "the" session (``SparkSession.builder.getOrCreate()``,
``SparkContext._active_spark_context``...): call it before running a statement when several
Livy sessions share one interpreter.
"""

import pyspark
from pyspark.context import SparkContext

__all__ = ['create_session', 'activate']


def create_session(info):
    import spark_engine
    from pyspark.sql.session import SparkSession
    from pyspark.sql.context import SQLContext, HiveContext
    from pyspark.streaming import StreamingContext
    from pyspark import cloudpickle

    info = dict(info or {})
    info.setdefault('sparkVersion', '3.5.9')
    conf = dict(info.get('conf') or {})
    if info.get('appName'):
        conf.setdefault('spark.app.name', info['appName'])
    if info.get('master'):
        conf.setdefault('spark.master', info['master'])
    if info.get('applicationId'):
        conf.setdefault('spark.app.id', info['applicationId'])
    info['conf'] = conf

    # a new Livy session gets its own "JVM": forget the previous session's active objects
    SparkContext._active_spark_context = None
    SparkSession._instantiatedSession = None
    SparkSession._activeSession = None
    SQLContext._instantiatedContext = None

    sc = SparkContext(_info=info)
    state = spark_engine.SparkSessionState(
        conf=dict(conf),
        shared_catalog=info.get('sharedTables'),
        version=info['sparkVersion'],
        seed=int(info.get('seed') or 0),
        default_parallelism=info.get('defaultParallelism'),
    )
    spark = SparkSession(sc, state)
    sql_context = SQLContext(sc, spark)
    return {
        'spark': spark,
        'sc': sc,
        'sqlContext': sql_context,
        'HiveContext': HiveContext,
        'StreamingContext': StreamingContext,
        'cloudpickle': cloudpickle,
    }


def caller_session_globals(max_depth=50):
    """The globals of the Livy statement that is calling into pyspark (the nearest frame whose
    globals hold this package's ``spark``), or None. Lets ``SparkSession.builder.getOrCreate()``
    and friends answer the calling Livy session's objects even when several sessions share
    the interpreter and nobody called ``activate``."""
    import sys
    from pyspark.sql.session import SparkSession
    try:
        frame = sys._getframe(1)
    except (AttributeError, ValueError):
        return None
    depth = 0
    while frame is not None and depth < max_depth:
        g = frame.f_globals
        if isinstance(g.get('spark'), SparkSession) and g.get('sc') is not None:
            return g
        frame = frame.f_back
        depth += 1
    return None


def activate(session_globals):
    """Make this Livy session's objects pyspark's active ones (see module doc)."""
    from pyspark.sql.session import SparkSession
    from pyspark.sql.context import SQLContext
    spark = session_globals.get('spark')
    sc = session_globals.get('sc')
    if sc is not None:
        SparkContext._active_spark_context = sc
    if spark is not None:
        SparkSession._instantiatedSession = spark
        SparkSession._activeSession = spark
    ctx = session_globals.get('sqlContext')
    if ctx is not None:
        SQLContext._instantiatedContext = ctx

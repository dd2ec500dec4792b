"""Helpers for the pyspark facade tests: a fresh Livy PySpark session, captured stdout."""

import io
from contextlib import redirect_stdout

try:
    import spark_engine
    ENGINE = hasattr(spark_engine, 'SparkSessionState')
except ImportError:  # pragma: no cover
    ENGINE = False


def new_session(**over):
    from pyspark.livy_bootstrap import create_session
    info = {'appName': 'corpus-app-42', 'master': 'local[*]',
            'applicationId': 'local-1796338635692', 'sparkVersion': '3.5.9',
            'defaultParallelism': 2, 'seed': 7,
            'conf': {'spark.app.name': 'corpus-app-42', 'spark.master': 'local[*]',
                     'spark.submit.deployMode': 'client'}, 'sharedTables': None}
    info.update(over)
    if 'appName' in over:
        info['conf'] = dict(info['conf'], **{'spark.app.name': over['appName']})
    return create_session(info)


def out(fn, *a, **kw):
    buf = io.StringIO()
    with redirect_stdout(buf):
        fn(*a, **kw)
    return buf.getvalue()


def frame_names(exc):
    return [f.split('\n')[0].rsplit(', in ', 1)[1] for f in exc.livy_frames]

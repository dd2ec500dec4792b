"""Livy's SQLInterpreter: a `sql` statement is `spark.sql(code)`, answered as `application/json`.

The rows go through json4s' `Extraction.decompose` with `DefaultFormats`, which is why decimals
come out as doubles, dates as `yyyy-MM-dd` and timestamps as `yyyy-MM-dd'T'HH:mm:ss'Z'` in UTC
without fractions. Failures are `Error` with the JVM message and stack, the stack ending in
Livy's own frames (the same for every statement, since it is where Livy calls Spark).
"""

import datetime
import decimal

# Where Livy's REPL calls `SparkSession.sql`, below the Spark frames of the failure.
LIVY_SQL_TAIL = (
    'org.apache.livy.repl.SQLInterpreter.execute(SQLInterpreter.scala:93)',
    'org.apache.livy.repl.Session.$anonfun$executeCode$1(Session.scala:277)',
    'scala.Option.map(Option.scala:230)',
    'org.apache.livy.repl.Session.executeCode(Session.scala:275)',
    'org.apache.livy.repl.Session.$anonfun$execute$1(Session.scala:169)',
    'scala.runtime.java8.JFunction0$mcV$sp.apply(JFunction0$mcV$sp.java:23)',
    'scala.concurrent.Future$.$anonfun$apply$1(Future.scala:659)',
    'scala.util.Success.$anonfun$map$1(Try.scala:255)',
    'scala.util.Success.map(Try.scala:213)',
    'scala.concurrent.Future.$anonfun$map$1(Future.scala:292)',
    'scala.concurrent.impl.Promise.liftedTree1$1(Promise.scala:33)',
    'scala.concurrent.impl.Promise.$anonfun$transform$1(Promise.scala:33)',
    'scala.concurrent.impl.CallbackRunnable.run(Promise.scala:64)',
    'java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)',
    'java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:635)',
    'java.base/java.lang.Thread.run(Thread.java:840)',
)


def decompose(value):
    """One cell as json4s `Extraction.decompose` turns it into JSON (DefaultFormats)."""
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, float):
        return value
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(datetime.timezone.utc).replace(tzinfo=None)
        return value.strftime('%Y-%m-%dT%H:%M:%SZ')
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): decompose(v) for k, v in value.items()}
    if isinstance(value, (bytes, bytearray)):
        return [b if b < 128 else b - 256 for b in value]
    if isinstance(value, (list, tuple)):
        return [decompose(v) for v in value]
    return str(value)


def execute(spark_state, code, max_rows):
    try:
        dataset = spark_state.sql(code)
        schema = dataset.schema.jsonValue()
        rows = dataset.take(max_rows)
    except Exception as e:  # noqa: BLE001 - Livy's NonFatal catch
        message = getattr(e, 'java_message', None)
        if message is None:
            raise
        frames = list(getattr(e, 'jvm_frames', None) or [])
        return {
            'status': 'error',
            'ename': 'Error',
            'evalue': message,
            'traceback': frames + list(LIVY_SQL_TAIL),
        }
    data = [[decompose(v) for v in row] for row in rows]
    return {'status': 'ok', 'data': {'application/json': {'schema': schema, 'data': data}}}

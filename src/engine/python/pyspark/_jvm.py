"""The seam between the pyspark facade and spark_engine (what py4j is for real pyspark).

``jcall(site, fn, *args)`` calls an engine method; a Spark error it raises is re-raised the way
pyspark 3.5.9 surfaces it: a ``pyspark.errors.exceptions.captured`` class (or
``py4j.protocol.Py4JJavaError`` for JVM classes pyspark does not convert), carrying
``livy_frames``: the formatted Python frames real pyspark prints on that call path (``site`` names
the pyspark frames, outermost first; the py4j/captured frames are appended here).
"""

from pyspark._frames import FRAMES

CAPTURED_TAIL = ('py4j.call', 'captured.deco_raise')
UNCAPTURED_TAIL = ('py4j.call', 'captured.deco_call', 'py4j.protocol_raise')

# What follows the API entry frame on a Java stack when Livy's py4j GatewayServer thread calls
# into Spark (Java 17 reflection + py4j 0.10.9.7 frames).
PY4J_JVM_TAIL = (
    'java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)',
    'java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke(NativeMethodAccessorImpl.java:77)',
    'java.base/jdk.internal.reflect.DelegatingMethodAccessorImpl.invoke(DelegatingMethodAccessorImpl.java:43)',
    'java.base/java.lang.reflect.Method.invoke(Method.java:568)',
    'py4j.reflection.MethodInvoker.invoke(MethodInvoker.java:244)',
    'py4j.reflection.ReflectionEngine.invoke(ReflectionEngine.java:374)',
    'py4j.Gateway.invoke(Gateway.java:282)',
    'py4j.commands.AbstractCommand.invokeMethod(AbstractCommand.java:132)',
    'py4j.commands.CallCommand.execute(CallCommand.java:79)',
    'py4j.GatewayConnection.run(GatewayConnection.java:238)',
    'java.base/java.lang.Thread.run(Thread.java:840)',
)

_SPARK_ERRORS = None


def spark_error_types():
    """The engine's base exception class(es) (imported lazily: the engine may load after us)."""
    global _SPARK_ERRORS
    if _SPARK_ERRORS is None:
        try:
            from spark_engine.errors import SparkThrowable
            _SPARK_ERRORS = (SparkThrowable,)
        except ImportError:  # pragma: no cover - engine missing
            _SPARK_ERRORS = ()
    return _SPARK_ERRORS


def jmethod(obj, name):
    """``obj.name`` when the engine object really defines it (engine Columns and the functions
    module answer any attribute name, so plain ``getattr`` cannot probe), else None."""
    import types as _types
    if isinstance(obj, _types.ModuleType):
        return obj.__dict__.get(name)
    if getattr(type(obj), name, None) is None and name not in getattr(obj, '__dict__', {}):
        return None
    return getattr(obj, name)


def frames(keys):
    return [FRAMES_JOINED[k] for k in keys]


FRAMES_JOINED = dict((k, ''.join(v)) for k, v in FRAMES.items())


def with_frames(exc, keys):
    """Attach the real pyspark frames for a Python-side error raised at ``keys``."""
    exc.livy_frames = frames(keys)
    return exc


def java_stack_string(engine_exc, tail=PY4J_JVM_TAIL):
    """``Utils.exceptionString``: ``toString`` then one ``\\tat`` line per frame, newline-ended."""
    java_class = getattr(engine_exc, 'java_class', None) or 'java.lang.RuntimeException'
    message = getattr(engine_exc, 'java_message', None)
    if message is None:
        message = str(engine_exc)
    head = java_class if message is None else '%s: %s' % (java_class, message)
    jframes = list(getattr(engine_exc, 'jvm_frames', None) or []) + list(tail)
    return head + ''.join('\n\tat ' + f for f in jframes) + '\n'


def _jvm_stacktrace_enabled(session):
    if session is None:
        return False
    try:
        v = session._jsparkSession.conf.get('spark.sql.pyspark.jvmStacktrace.enabled', 'false')
    except Exception:
        return False
    return str(v).strip().lower() == 'true'


def convert(engine_exc, site, session=None, target=None, name=None):
    """The exception pyspark 3.5 raises for a JVM exception thrown at ``site``."""
    from pyspark.errors.exceptions.captured import captured_class_for
    from pyspark.errors.py4j import JavaException, Py4JJavaError
    cls = captured_class_for(engine_exc)
    stack = java_stack_string(engine_exc)
    if cls is not None:
        exc = cls(desc=getattr(engine_exc, 'java_message', str(engine_exc)), stackTrace=stack,
                  origin=engine_exc, jvm_stacktrace=_jvm_stacktrace_enabled(session))
        keys = tuple(site) + CAPTURED_TAIL
    else:
        errmsg = 'An error occurred while calling {0}{1}{2}.\n'.format(
            target or next_object_id(), '.', name or 'apply')
        exc = Py4JJavaError(errmsg, JavaException(
            getattr(engine_exc, 'java_class', 'java.lang.RuntimeException'),
            getattr(engine_exc, 'java_message', str(engine_exc)), stack, engine_exc))
        keys = tuple(site) + UNCAPTURED_TAIL
    exc.java_class = getattr(engine_exc, 'java_class', None)
    exc.java_message = getattr(engine_exc, 'java_message', str(engine_exc))
    exc.jvm_frames = list(getattr(engine_exc, 'jvm_frames', None) or [])
    exc.livy_frames = frames(keys)
    return exc


def _java_arg_class(v):
    if isinstance(v, bool):
        return 'class java.lang.Boolean'
    if isinstance(v, int):
        return 'class java.lang.Integer' if -2 ** 31 <= v < 2 ** 31 else 'class java.lang.Long'
    if isinstance(v, float):
        return 'class java.lang.Double'
    if isinstance(v, str):
        return 'class java.lang.String'
    if isinstance(v, (bytes, bytearray)):
        return 'class [B'
    if isinstance(v, list):
        return 'class java.util.ArrayList'
    if isinstance(v, dict):
        return 'class java.util.HashMap'
    if v is None:
        return 'null'
    return 'class py4j.reflection.PythonProxyHandler'


def py4j_no_such_method(site, name, args, target=None):
    """The ``py4j.protocol.Py4JError`` py4j raises when no JVM method takes ``args``' types."""
    from pyspark.errors.py4j import Py4JError
    trace = ('py4j.Py4JException: Method %s([%s]) does not exist\n'
             % (name, ', '.join(_java_arg_class(a) for a in args))
             + ''.join('\tat %s\n' % f for f in (
                 'py4j.reflection.ReflectionEngine.getMethod(ReflectionEngine.java:321)',
                 'py4j.reflection.ReflectionEngine.getMethod(ReflectionEngine.java:329)',
                 'py4j.Gateway.invoke(Gateway.java:274)') + PY4J_JVM_TAIL[7:]))
    err = Py4JError('An error occurred while calling {0}{1}{2}. Trace:\n{3}\n'.format(
        target or next_object_id(), '.', name, trace))
    err.java_class = 'py4j.Py4JException'
    err.java_message = 'Method %s([...]) does not exist' % name
    err.jvm_frames = []
    return with_frames(err, tuple(site) + ('py4j.call', 'captured.deco_call',
                                           'py4j.protocol_raise_error'))


_OBJECT_IDS = [30]


def next_object_id():
    """py4j's ``o<N>`` ids of JVM objects handed to Python (approximate: one counter)."""
    _OBJECT_IDS[0] += 1
    return 'o%d' % _OBJECT_IDS[0]


def jcall(site, session, fn, *args, **kwargs):
    """Call engine ``fn(*args)``; re-raise a Spark error as pyspark does (see module doc).

    ``site``: tuple of frame keys (outermost first); ``session``: the pyspark SparkSession (for
    ``spark.sql.pyspark.jvmStacktrace.enabled``) or None; ``_jname`` (keyword) the JVM method
    name py4j reports for unconverted errors (default ``fn.__name__``)."""
    jname = kwargs.pop('_jname', None)
    jtarget = kwargs.pop('_jtarget', None)
    try:
        return fn(*args, **kwargs)
    except spark_error_types() as e:
        raise convert(e, site, session, target=jtarget,
                      name=jname or getattr(fn, '__name__', None)) from None

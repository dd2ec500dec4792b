"""Python UDFs: ``F.udf(f, returnType)`` / ``spark.udf.register``.

The function runs in-process on the engine's rows (real Spark ships it to a Python worker).
Needs the engine's ``functions.python_udf(func, return_type, name, cols)``; without it, calling
the UDF raises NotImplementedError.
"""

from pyspark.sql.column import Column, _to_java_column

__all__ = ['UserDefinedFunction', 'UDFRegistration']


def _resolve_type(returnType):
    from pyspark.sql.types import StringType, DataType, _parse_datatype_string
    if returnType is None:
        return StringType()
    if isinstance(returnType, DataType):
        return returnType
    return _parse_datatype_string(returnType)


class UserDefinedFunction:
    def __init__(self, func, returnType=None, name=None, evalType=100, deterministic=True):
        self.func = func
        self._returnType = returnType
        self._name = name or getattr(func, '__name__', func.__class__.__name__)
        self.evalType = evalType
        self.deterministic = deterministic

    @property
    def returnType(self):
        return _resolve_type(self._returnType)

    def __call__(self, *cols):
        from spark_engine import functions as ef
        from pyspark._jvm import jmethod
        maker = jmethod(ef, 'python_udf')
        if maker is None:
            raise NotImplementedError('Python UDFs are not supported by this emulation')
        return Column(maker(self.func, self.returnType, self._name,
                            [_to_java_column(c) for c in cols]))

    def asNondeterministic(self):
        self.deterministic = False
        return self


def _make_udf(f, returnType, name=None):
    import functools
    udf_obj = UserDefinedFunction(f, returnType, name)
    assignments = tuple(a for a in functools.WRAPPER_ASSIGNMENTS
                        if a not in ('__name__', '__module__'))

    @functools.wraps(f, assigned=assignments)
    def wrapper(*args):
        return udf_obj(*args)
    wrapper.__name__ = udf_obj._name
    wrapper.__module__ = getattr(f, '__module__', None) or f.__class__.__module__
    wrapper.func = f
    wrapper.returnType = udf_obj.returnType
    wrapper.evalType = udf_obj.evalType
    wrapper.deterministic = udf_obj.deterministic
    wrapper.asNondeterministic = udf_obj.asNondeterministic
    wrapper._unwrapped = udf_obj
    return wrapper


class UDFRegistration:
    def __init__(self, sparkSession):
        self.sparkSession = sparkSession

    def register(self, name, f, returnType=None):
        if hasattr(f, '_unwrapped'):
            udf_obj = UserDefinedFunction(f.func, f.returnType, name)
        else:
            udf_obj = UserDefinedFunction(f, returnType, name)
        from pyspark._jvm import jmethod
        reg = jmethod(self.sparkSession._jsparkSession, 'register_python_udf')
        if reg is not None:
            reg(name, udf_obj.func, udf_obj.returnType)
        return _make_udf(udf_obj.func, udf_obj.returnType, name)

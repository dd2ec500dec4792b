"""Python UDFs evaluated in-process (real Spark ships them to a Python worker).

Arguments are converted to what a pyspark UDF receives (Rows for structs, lists, dicts) and the
result is converted back to the declared return type; errors surface as Spark's
PythonException.
"""

import traceback

from . import expressions as E
from .errors import SparkRuntimeException


class PythonException(SparkRuntimeException):
    java_class = 'org.apache.spark.api.python.PythonException'
    pyspark_class = 'PythonException'


class PythonUDF(E.Expression):
    def __init__(self, name, func, return_type, args):
        self.name = name
        self.func = func
        self.return_type = return_type
        self.children = list(args)
        self.data_type = return_type
        self.nullable = True
        self.result_id = E.new_expr_id()

    def _key_extra(self):
        return (self.name, id(self.func))

    def to_string(self):
        from . import types as T
        return '%s(%s)#%d%s' % (self.name, ', '.join(c.to_string() for c in self.children), self.result_id,
                                'L' if isinstance(self.data_type, T.LongType) else '')

    def sql(self):
        return '%s(%s)' % (self.name, ', '.join(c.sql() for c in self.children))

    def type_check(self, ctx):
        self.data_type = self.return_type
        self.nullable = True
        return self

    def compile(self, ctx):
        from .dataset import to_python
        from .inference import to_internal
        fs = [c.compile(ctx) for c in self.children]
        types = [c.data_type for c in self.children]
        func, rt = self.func, self.return_type

        def run(row):
            args = [to_python(f(row), t) for f, t in zip(fs, types)]
            try:
                out = func(*args)
            except Exception as exc:
                tb = ''.join(traceback.format_exception_only(type(exc), exc))
                raise PythonException(None, {}, message=(
                    '\n  An exception was thrown from the Python worker. Please see the stack trace '
                    'below.\nTraceback (most recent call last):\n' + tb))
            try:
                return to_internal(out, rt)
            except Exception:
                return None
        return run

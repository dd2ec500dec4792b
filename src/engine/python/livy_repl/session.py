"""One Livy session's interpreters, created on its first statement and shared by its kinds.

A Livy session runs one Spark application: the `pyspark`, `sql`, `spark` and `sparkr`
interpreters of a session see the same temp views, so they hang off one `SparkSessionState`.
"""

from .python_shell import PythonShell


class LivySession:
    def __init__(self, info):
        from pyspark.livy_bootstrap import create_session

        self.info = info
        self.globals = create_session(info)
        self.python = PythonShell(self.globals)
        self._scala = None
        self._r = None

    @property
    def spark_state(self):
        return self.globals['spark']._jsparkSession

    @property
    def scala(self):
        if self._scala is None:
            from livy_scala import ScalaRepl

            self._scala = ScalaRepl({'spark_state': self.spark_state}, self.info)
        return self._scala

    @property
    def r(self):
        if self._r is None:
            from livy_r import RRepl

            self._r = RRepl(self.spark_state, self.info)
        return self._r

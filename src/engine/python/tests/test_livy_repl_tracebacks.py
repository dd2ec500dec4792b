"""Tracebacks of errors raised inside the Spark emulation show pyspark's frames, not ours."""

import unittest

from livy_repl.python_shell import PythonShell
from pyspark.livy_bootstrap import create_session

INFO = {
    'appName': 'app',
    'master': 'local[*]',
    'applicationId': 'local-1',
    'sparkVersion': '3.5.9',
    'defaultParallelism': 2,
    'conf': {},
    'seed': 1,
}


def shell():
    return PythonShell(create_session(dict(INFO)))


class EmulationFramesAreReplacedByPysparks(unittest.TestCase):
    def test_a_failing_spark_sql_shows_the_session_py4j_and_deco_frames(self):
        out = shell().execute("spark.sql('SELECT * FROM missing_one')")
        tb = out['traceback']
        self.assertEqual(tb[0], 'Traceback (most recent call last):\n')
        self.assertIn('pyspark/sql/session.py", line 1631, in sql\n', tb[1])
        self.assertIn('py4j/java_gateway.py", line 1322, in __call__\n', tb[2])
        self.assertIn('captured.py", line 185, in deco\n', tb[3])
        self.assertTrue(tb[4].startswith('pyspark.errors.exceptions.captured.AnalysisException: '))
        self.assertFalse(any('livy_repl' in line or 'spark_engine' in line for line in tb))

    def test_the_users_own_frames_stay_above_pysparks(self):
        s = shell()
        s.execute("def load(name):\n    return spark.table(name)")
        tb = s.execute("load('nowhere')")['traceback']
        self.assertEqual(tb[1], '  File "<stdin>", line 2, in load\n')
        self.assertIn('/pyspark/', tb[2])


if __name__ == '__main__':
    unittest.main()


class Py4jIsImportable(unittest.TestCase):
    def test_code_can_catch_py4j_errors_the_facade_raises(self):
        s = shell()
        out = s.execute(
            "from py4j.protocol import Py4JJavaError\n"
            "try:\n"
            "    spark.conf.get('spark.no.such.key')\n"
            "except Py4JJavaError as e:\n"
            "    print('caught', type(e).__name__)"
        )
        self.assertEqual(out['data']['text/plain'], 'caught Py4JJavaError')

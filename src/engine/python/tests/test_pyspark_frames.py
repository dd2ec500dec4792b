"""The pyspark 3.5.9 frames the facade attaches (``livy_frames``) print as a Livy session does."""

import json
import os
import unittest

from pyspark._jvm import frames, CAPTURED_TAIL, UNCAPTURED_TAIL
from pyspark._frames import FRAMES

PREFIX = '/opt/spark/python/pyspark-home/python/lib/'


def _corpus():
    here = os.path.dirname(os.path.abspath(__file__))
    d = here
    for _ in range(8):
        cand = os.path.join(d, 'shared', 'spark', 'answers-livy-0.9.0-spark-3.5.json')
        if os.path.exists(cand):
            return cand
        d = os.path.dirname(d)
    return None


class SqlCallFrames(unittest.TestCase):
    def test_spark_sql_error_has_three_frames_with_311_carets(self):
        got = frames(('session.sql',) + CAPTURED_TAIL)
        self.assertEqual(got, [
            '  File "' + PREFIX + 'pyspark.zip/pyspark/sql/session.py", line 1631, in sql\n'
            '    return DataFrame(self._jsparkSession.sql(sqlQuery, litArgs), self)\n'
            '                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n',
            '  File "' + PREFIX + 'py4j-0.10.9.7-src.zip/py4j/java_gateway.py", line 1322, in '
            '__call__\n    return_value = get_return_value(\n                   '
            '^^^^^^^^^^^^^^^^^\n',
            '  File "' + PREFIX + 'pyspark.zip/pyspark/errors/exceptions/captured.py", line 185, '
            'in deco\n    raise converted from None\n',
        ])

    def test_to_pandas_frames(self):
        got = frames(('pandas.toPandas', 'pandas.require'))
        self.assertEqual(got[0], '  File "' + PREFIX + 'pyspark.zip/pyspark/sql/pandas/'
                         'conversion.py", line 86, in toPandas\n    '
                         'require_minimum_pandas_version()\n')
        self.assertTrue(got[1].endswith('in require_minimum_pandas_version\n    raise '
                                        'ImportError(\n'))

    def test_unconverted_errors_end_in_py4j_protocol(self):
        got = frames(('conf.get',) + UNCAPTURED_TAIL)
        self.assertIn('in get\n    return self._jconf.get(key)\n', got[0])
        self.assertIn('line 179, in deco\n    return f(*a, **kw)\n           ^^^^^^^^^^^\n', got[2])
        self.assertTrue(got[3].endswith('in get_return_value\n    raise Py4JJavaError(\n'))

    def test_every_frame_is_a_file_line_then_source(self):
        for key, parts in FRAMES.items():
            text = ''.join(parts)
            self.assertTrue(text.startswith('  File "' + PREFIX), key)
            lines = text.split('\n')
            self.assertEqual(lines[-1], '', key)
            self.assertIn(len(lines), (3, 4), key)
            if len(lines) == 4:
                self.assertEqual(set(lines[2].strip()), {'^'}, key)


@unittest.skipUnless(_corpus(), 'recorded corpus not available')
class CorpusFrames(unittest.TestCase):
    def setUp(self):
        with open(_corpus()) as f:
            self.cases = dict((c['id'], c) for c in json.load(f)['cases'])

    def _tb(self, cid):
        return self.cases[cid]['answer']['output']['traceback']

    def test_sql_analysis_error_frames_match_recording(self):
        tb = self._tb('py-df-15')
        self.assertEqual(tb[1:-1], frames(('session.sql',) + CAPTURED_TAIL))

    def test_to_pandas_frames_match_recording(self):
        tb = self._tb('py-df-23')
        self.assertEqual(tb[1:-1], frames(('pandas.toPandas', 'pandas.require')))


if __name__ == '__main__':
    unittest.main()

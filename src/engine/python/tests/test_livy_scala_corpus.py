"""Replays the recorded `spark`-kind answers (Livy 0.9.0 / Spark 3.5) in order, with a filler
expression for each statement the recording ran but did not keep (see the file's `how`)."""

import json
import os
import re
import unittest

from livy_scala_support import new_repl

ANSWERS = os.path.join(os.path.dirname(__file__), '..', '..', '..', '..', '..', 'shared', 'spark',
                       'answers-livy-0.9.0-spark-3.5.json')
HASH = re.compile(r'@[0-9a-f]{4,8}\b')


def _mask(v):
    if isinstance(v, str):
        return HASH.sub('@HASH', v)
    if isinstance(v, list):
        return [_mask(x) for x in v]
    if isinstance(v, dict):
        return dict((k, _mask(x)) for k, x in v.items())
    return v


@unittest.skipUnless(os.path.exists(ANSWERS), 'recorded answers not available')
class RecordedSparkSessionTest(unittest.TestCase):
    def test_spark_session_cases_in_order(self):
        with open(ANSWERS) as f:
            cases = [c for c in json.load(f)['cases'] if c['session'] == 'spark']
        repl = new_repl()
        next_count = 0
        for case in cases:
            out = case['answer']['output']
            while next_count < out['execution_count']:
                repl.execute('()')           # a statement the recording did not keep (Unit)
                next_count += 1
            got = repl.execute(case['code'])
            next_count += 1
            want = dict((k, v) for k, v in out.items() if k != 'execution_count')
            self.assertEqual(_mask(got), _mask(want), case['id'])

    def test_spark_kind_statement_in_a_pyspark_session(self):
        with open(ANSWERS) as f:
            case = [c for c in json.load(f)['cases'] if c['id'] == 'py-kind-01'][0]
        out = new_repl().execute(case['code'])
        want = dict((k, v) for k, v in case['answer']['output'].items() if k != 'execution_count')
        self.assertEqual(out, want)


if __name__ == '__main__':
    unittest.main()

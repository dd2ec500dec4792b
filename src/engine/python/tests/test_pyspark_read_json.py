"""`spark.read.json` of an RDD or a list of JSON strings (sparkmagic's `%%send_to_spark -t df`)."""

import unittest

from pyspark.livy_bootstrap import create_session

INFO = {'appName': 'a', 'master': 'local[*]', 'applicationId': 'local-1',
        'sparkVersion': '3.5.9', 'defaultParallelism': 2, 'conf': {}, 'seed': 1}


class ReadJsonFromData(unittest.TestCase):
    def setUp(self):
        g = create_session(dict(INFO))
        self.spark, self.sc = g['spark'], g['sc']

    def test_dicts_in_an_rdd_are_read_as_their_text_with_fields_sorted_by_name(self):
        rdd = self.sc.parallelize([{'name': 'ann', 'age': 31}, {'name': 'ben', 'age': 42}])
        df = self.spark.read.json(rdd)
        self.assertEqual(df.dtypes, [('age', 'bigint'), ('name', 'string')])
        self.assertEqual([tuple(r) for r in df.orderBy('age').collect()],
                         [(31, 'ann'), (42, 'ben')])

    def test_mixed_numbers_widen_to_double_and_missing_fields_are_null(self):
        df = self.spark.read.json(self.sc.parallelize(['{"x": 1}', '{"x": 2.5, "y": "s"}']))
        self.assertEqual(df.dtypes, [('x', 'double'), ('y', 'string')])
        self.assertEqual([tuple(r) for r in df.collect()], [(1.0, None), (2.5, 's')])

    def test_a_path_still_fails_as_a_missing_path(self):
        with self.assertRaises(Exception) as caught:
            self.spark.read.json('/no/such/file.json')
        self.assertIn('[PATH_NOT_FOUND]', str(caught.exception))


if __name__ == '__main__':
    unittest.main()

"""sc.parallelize(...) RDDs: Spark's partitioning, actions, and job failures from user code."""

import unittest

from pyspark.context import SparkContext
from pyspark.rdd import RDD


def make_sc(parallelism=2, **extra):
    info = {'appName': 'app-x', 'master': 'local[*]', 'applicationId': 'local-1700000000123',
            'defaultParallelism': parallelism, 'conf': {'spark.driver.host': 'host-a'}}
    info.update(extra)
    return SparkContext(_info=info)


class Partitioning(unittest.TestCase):
    def test_parallelize_slices_like_parallel_collection_rdd(self):
        sc = make_sc(4)
        self.assertEqual(sc.parallelize(range(10)).glom().collect(),
                         [[0, 1], [2, 3, 4], [5, 6], [7, 8, 9]])
        self.assertEqual(sc.parallelize([1, 2, 3], 2).glom().collect(), [[1], [2, 3]])
        self.assertEqual(sc.parallelize([1, 2, 3]).getNumPartitions(), 4)

    def test_default_parallelism_comes_from_the_session(self):
        self.assertEqual(make_sc(3).parallelize([1, 2, 3, 4, 5, 6]).getNumPartitions(), 3)

    def test_repr_names_the_jvm_rdd(self):
        sc = make_sc()
        r = sc.parallelize([1])
        self.assertRegex(repr(r), r'^ParallelCollectionRDD\[\d+\] at readRDDFromFile at '
                                  r'PythonRDD\.scala:\d+$')
        self.assertRegex(repr(r.map(str)), r'^PythonRDD\[\d+\] at RDD at PythonRDD\.scala:53$')


class Actions(unittest.TestCase):
    def setUp(self):
        self.sc = make_sc()

    def test_map_collect(self):
        self.assertEqual(self.sc.parallelize([1, 2, 3]).map(lambda x: x * x).collect(), [1, 4, 9])

    def test_count_sum_filter_reduce_take_first(self):
        r = self.sc.parallelize([5, 1, 4, 2, 3])
        self.assertEqual(r.count(), 5)
        self.assertEqual(r.sum(), 15)
        self.assertEqual(r.filter(lambda x: x % 2).collect(), [5, 1, 3])
        self.assertEqual(r.reduce(lambda a, b: a + b), 15)
        self.assertEqual(r.take(3), [5, 1, 4])
        self.assertEqual(r.first(), 5)
        self.assertEqual(r.max(), 5)
        self.assertEqual(r.min(), 1)
        self.assertEqual(r.top(2), [5, 4])
        self.assertEqual(r.takeOrdered(2), [1, 2])

    def test_empty_rdd_behaviour(self):
        e = self.sc.parallelize([])
        self.assertEqual(e.count(), 0)
        self.assertEqual(e.sum(), 0)
        self.assertTrue(e.isEmpty())
        with self.assertRaises(ValueError) as cm:
            e.reduce(lambda a, b: a + b)
        self.assertEqual(str(cm.exception), 'Can not reduce() empty RDD')
        with self.assertRaises(ValueError) as cm:
            e.first()
        self.assertEqual(str(cm.exception), 'RDD is empty')

    def test_pair_operations(self):
        r = self.sc.parallelize([('a', 1), ('b', 2), ('a', 3)])
        self.assertEqual(sorted(r.reduceByKey(lambda a, b: a + b).collect()), [('a', 4), ('b', 2)])
        self.assertEqual(sorted((k, sorted(v)) for k, v in r.groupByKey().collect()),
                         [('a', [1, 3]), ('b', [2])])
        self.assertEqual(dict(r.countByKey()), {'a': 2, 'b': 1})
        self.assertEqual(r.collectAsMap(), {'a': 3, 'b': 2})
        self.assertEqual(r.sortByKey(False).keys().collect(), ['b', 'a', 'a'])
        other = self.sc.parallelize([('a', 'x')])
        self.assertEqual(sorted(r.join(other).collect()), [('a', (1, 'x')), ('a', (3, 'x'))])

    def test_shuffles_partition_keys_by_64_bit_cpython_hash(self):
        # Spark's Python workers run with PYTHONHASHSEED=0: hash('a') % 2 == 1,
        # hash('b') % 2 == hash('c') % 2 == 0, so b and c come back first
        r = self.sc.parallelize([('a', 1), ('b', 2), ('a', 3), ('c', 4)])
        self.assertEqual(r.reduceByKey(lambda a, b: a + b).collect(),
                         [('b', 2), ('c', 4), ('a', 4)])
        self.assertEqual(self.sc.parallelize(['x', 'y', 'x', 'z', 'w']).distinct().collect(),
                         ['z', 'x', 'y', 'w'])

    def test_portable_hash_matches_cpython_64_bit(self):
        from pyspark._pyhash import portable_hash
        # values printed by CPython 3.11 (64-bit) with PYTHONHASHSEED=0
        self.assertEqual(portable_hash(''), 0)
        self.assertEqual(portable_hash(-1), -2)
        self.assertEqual(portable_hash(2 ** 61), 1)
        self.assertEqual(portable_hash(1.5), 1152921504606846977)
        self.assertEqual(portable_hash(None), 0)
        self.assertEqual([portable_hash(k) % 2 for k in 'abcxyzw'], [1, 0, 0, 1, 1, 0, 1])

    def test_distinct_union_zip_with_index(self):
        r = self.sc.parallelize([1, 2, 2, 3])
        self.assertEqual(sorted(r.distinct().collect()), [1, 2, 3])
        self.assertEqual(r.union(self.sc.parallelize([9])).collect(), [1, 2, 2, 3, 9])
        self.assertEqual(r.zipWithIndex().collect(), [(1, 0), (2, 1), (2, 2), (3, 3)])

    def test_range_and_flatmap(self):
        self.assertEqual(self.sc.range(3).flatMap(lambda x: [x, x]).collect(),
                         [0, 0, 1, 1, 2, 2])
        self.assertEqual(self.sc.range(1, 7, 2).collect(), [1, 3, 5])

    def test_stats(self):
        st = self.sc.parallelize([1.0, 2.0, 3.0]).stats()
        self.assertEqual(st.count(), 3)
        self.assertEqual(st.mean(), 2.0)
        self.assertEqual(self.sc.parallelize([1, 2, 3, 4]).mean(), 2.5)


class JobFailures(unittest.TestCase):
    def setUp(self):
        self.sc = make_sc()

    def test_error_in_a_lambda_fails_the_job_as_py4j_java_error(self):
        with self.assertRaises(Exception) as cm:
            self.sc.parallelize([1, 2, 0]).map(lambda x: 1 // x).collect()
        e = cm.exception
        self.assertEqual(type(e).__module__, 'py4j.protocol')
        self.assertEqual(type(e).__name__, 'Py4JJavaError')
        text = str(e)
        self.assertTrue(text.startswith(
            'An error occurred while calling z:org.apache.spark.api.python.PythonRDD.'
            'collectAndServe.\n: org.apache.spark.SparkException: Job aborted due to stage '
            'failure: Task 1 in stage '))
        self.assertIn('(host-a executor driver): org.apache.spark.api.python.PythonException: '
                      'Traceback (most recent call last):\n', text)
        self.assertIn('ZeroDivisionError: integer division or modulo by zero\n', text)
        self.assertIn('pyspark/util.py", line 83, in wrapper\n', text)
        self.assertIn(', in <lambda>\n', text)
        self.assertIn('\n\tat org.apache.spark.executor.Executor$TaskRunner.run(Executor.scala:624)'
                      '\n', text)
        self.assertIn('\n\nDriver stacktrace:\n\tat org.apache.spark.scheduler.DAGScheduler.'
                      'failJobAndIndependentStages(DAGScheduler.scala:2898)\n', text)
        self.assertIn('\n\tat org.apache.spark.api.python.PythonRDD.collectAndServe'
                      '(PythonRDD.scala)\n\tat java.base/jdk.internal.reflect.', text)
        self.assertIn('\nCaused by: org.apache.spark.api.python.PythonException: Traceback', text)
        self.assertTrue(text.endswith('ThreadPoolExecutor.java:635)\n\t... 1 more\n'))

    def test_job_failure_frames_are_the_rdd_action_then_py4j(self):
        with self.assertRaises(Exception) as cm:
            self.sc.parallelize([1]).map(lambda x: x + 'a').count()
        fr = cm.exception.livy_frames
        self.assertEqual([f.split('\n')[0].rsplit(', in ', 1)[1] for f in fr],
                         ['count', 'sum', 'fold', 'collect', '__call__', 'deco',
                          'get_return_value'])

    def test_frames_follow_pysparks_action_delegation(self):
        def names(fn):
            with self.assertRaises(Exception) as cm:
                fn()
            return [f.split('\n')[0].rsplit(', in ', 1)[1] for f in cm.exception.livy_frames]
        bad = self.sc.parallelize([1, 0]).map(lambda x: 1 // x)
        tail = ['__call__', 'deco', 'get_return_value']
        self.assertEqual(names(bad.max), ['max', 'reduce', 'collect'] + tail)
        self.assertEqual(names(bad.mean), ['mean', 'stats', 'reduce', 'collect'] + tail)
        self.assertEqual(names(lambda: self.sc.parallelize([0]).foreach(lambda x: 1 // x)),
                         ['foreach', 'count', 'sum', 'fold', 'collect'] + tail)
        self.assertEqual(names(lambda: self.sc.parallelize([0]).map(lambda x: 1 // x).first()),
                         ['first', 'take', 'runJob'] + tail)

    def test_take_only_runs_the_partitions_it_needs(self):
        r = self.sc.parallelize([1, 0], 2).map(lambda x: 1 // x)
        self.assertEqual(r.take(1), [1])
        with self.assertRaises(Exception) as cm:
            r.take(2)
        self.assertIn('in take\n', cm.exception.livy_frames[0])
        self.assertIn('runJob', str(cm.exception).split('\n')[0])

    def test_reduce_function_errors_fail_the_job(self):
        with self.assertRaises(Exception) as cm:
            self.sc.parallelize([1, 'a'], 1).reduce(lambda a, b: a + b)
        self.assertIn('TypeError: unsupported operand type(s)', str(cm.exception))

    def test_text_file_of_missing_path(self):
        with self.assertRaises(Exception) as cm:
            self.sc.textFile('/nope/x.txt').collect()
        self.assertIn(': org.apache.hadoop.mapred.InvalidInputException: Input path does not '
                      'exist: file:/nope/x.txt\n', str(cm.exception))


if __name__ == '__main__':
    unittest.main()

"""SparkContext / SparkConf as a Livy PySpark session exposes them."""

import unittest

from pyspark.context import SparkContext
from pyspark.conf import SparkConf, java_string_hash, java_chm_order


def make_sc(**conf):
    c = {'spark.app.name': 'my-app', 'spark.master': 'yarn', 'spark.submit.deployMode': 'client'}
    c.update(conf)
    return SparkContext(_info={'appName': 'my-app', 'master': 'yarn',
                               'applicationId': 'application_1700000000000_0007',
                               'defaultParallelism': 8, 'conf': c, 'startTime': 1700000000500})


class ContextBasics(unittest.TestCase):
    def test_repr(self):
        self.assertEqual(repr(make_sc()), '<SparkContext master=yarn appName=my-app>')

    def test_properties(self):
        sc = make_sc()
        self.assertEqual(sc.master, 'yarn')
        self.assertEqual(sc.appName, 'my-app')
        self.assertEqual(sc.applicationId, 'application_1700000000000_0007')
        self.assertEqual(sc.version, '3.5.9')
        self.assertEqual(sc.defaultParallelism, 8)
        self.assertEqual(sc.defaultMinPartitions, 2)
        self.assertEqual(sc.startTime, 1700000000500)

    def test_local_app_id_gives_start_time(self):
        sc = SparkContext(_info={'appName': 'a', 'master': 'local[*]',
                                 'applicationId': 'local-1796338635692', 'conf': {}})
        self.assertEqual(sc.startTime, 1796338635692)

    def test_get_conf_is_a_copy_with_app_settings(self):
        sc = make_sc()
        conf = sc.getConf()
        self.assertEqual(conf.get('spark.app.name'), 'my-app')
        self.assertEqual(conf.get('spark.app.id'), 'application_1700000000000_0007')
        self.assertIsNone(conf.get('spark.nope'))
        self.assertEqual(conf.get('spark.nope', 'd'), 'd')
        conf.set('spark.x', 1)
        self.assertIsNone(sc.getConf().get('spark.x'))

    def test_set_log_level_validates_like_the_jvm(self):
        sc = make_sc()
        sc.setLogLevel('warn')
        with self.assertRaises(Exception) as cm:
            sc.setLogLevel('LOUD')
        e = cm.exception
        self.assertEqual(type(e).__module__, 'pyspark.errors.exceptions.captured')
        self.assertEqual(type(e).__name__, 'IllegalArgumentException')
        self.assertEqual(str(e), 'requirement failed: Supplied level LOUD did not match one of: '
                                 'ALL,DEBUG,ERROR,FATAL,INFO,OFF,TRACE,WARN')

    def test_broadcast_and_accumulator(self):
        sc = make_sc()
        b = sc.broadcast([1, 2])
        self.assertEqual(b.value, [1, 2])
        acc = sc.accumulator(0)
        sc.parallelize([1, 2, 3]).foreach(lambda x: acc.add(x))
        self.assertEqual(acc.value, 6)


class ConfOrdering(unittest.TestCase):
    def test_java_string_hash(self):
        self.assertEqual(java_string_hash(''), 0)
        self.assertEqual(java_string_hash('a'), 97)
        # "spark.app.name".hashCode() as an unsigned 32-bit value
        h = 0
        for ch in 'spark.app.name':
            h = (31 * h + ord(ch)) % (1 << 32)
        self.assertEqual(java_string_hash('spark.app.name'), h)

    def test_get_all_follows_hash_buckets_not_insertion(self):
        keys = ['b', 'a', 'c']
        self.assertEqual(java_chm_order(keys), ['a', 'b', 'c'])  # 97, 98, 99 in a 16-table
        conf = SparkConf().set('b', '2').set('a', '1')
        self.assertEqual(conf.getAll(), [('a', '1'), ('b', '2')])

    def test_matches_java_17_concurrent_hash_map_order(self):
        # expected orders printed by a JDK 17 ConcurrentHashMap filled in the same order
        keys = ('spark.app.name spark.master spark.submit.deployMode spark.driver.host '
                'spark.driver.port spark.app.id spark.executor.id spark.app.startTime '
                'spark.sql.warehouse.dir spark.rdd.compress spark.serializer.objectStreamReset '
                'spark.submit.pyFiles spark.ui.showConsoleProgress '
                'spark.sql.catalogImplementation').split()
        self.assertEqual(java_chm_order(keys), (
            'spark.master spark.driver.port spark.submit.pyFiles spark.app.startTime '
            'spark.sql.catalogImplementation spark.rdd.compress spark.executor.id spark.app.name '
            'spark.submit.deployMode spark.driver.host spark.app.id spark.ui.showConsoleProgress '
            'spark.sql.warehouse.dir spark.serializer.objectStreamReset').split())
        # colliding short keys across several resizes (list splitting in transfer())
        keys = ('bbaba aaabba aaaa baba aabaaaa aa abbaaaa babb ab b aba bbb babbaa abb bab a '
                'aaabb bbbab babaabb bb abbbaa abbaaa baabb baaa bbaaaba bbbbb bba abbaabb babab '
                'bbaabbb bbbbbb bbbabb aaa bbbabab').split()
        self.assertEqual(java_chm_order(keys), (
            'bb aaa bab aaabb abbaabb aaabba bbbbbb baba bbbab baabb babb bbbabab aabaaaa '
            'babaabb abbbaa abbaaa abb babbaa aa bba bbaabbb ab aba a b bbaaaba bbb abbaaaa aaaa '
            'baaa bbbbb bbbabb bbaba babab').split())

    def test_to_debug_string_is_sorted(self):
        conf = SparkConf().set('z', '1').set('a', '2')
        self.assertEqual(conf.toDebugString(), 'a=2\nz=1')


if __name__ == '__main__':
    unittest.main()

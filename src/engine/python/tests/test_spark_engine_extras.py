"""Less common Spark features: intervals, rollup/cube, pivot, describe, default-argument names."""

import datetime
import unittest

from spark_engine import SparkSessionState, functions as F


class IntervalTest(unittest.TestCase):
    def setUp(self):
        self.s = SparkSessionState({})

    def test_interval_literal_types_and_text(self):
        ds = self.s.sql("SELECT INTERVAL 1 DAY AS a, INTERVAL '1-2' YEAR TO MONTH AS b, INTERVAL 3 HOURS AS c")
        self.assertEqual(ds.dtypes, [('a', 'interval day'), ('b', 'interval year to month'), ('c', 'interval hour')])
        self.assertIn("|INTERVAL '1' DAY|INTERVAL '1-2' YEAR TO MONTH|INTERVAL '03' HOUR|", ds.show_string(truncate=0))

    def test_date_and_timestamp_arithmetic(self):
        r = self.s.sql("SELECT DATE'2024-01-31' + INTERVAL 1 MONTH, DATE'2024-01-01' + INTERVAL 2 DAYS, "
                       "TIMESTAMP'2024-01-01 00:00:00' - INTERVAL '1 02:00:00' DAY TO SECOND").rows()[0]
        self.assertEqual(r, (datetime.date(2024, 2, 29), datetime.date(2024, 1, 3), datetime.datetime(2023, 12, 30, 22)))

    def test_date_difference_is_day_interval(self):
        ds = self.s.sql("SELECT DATE'2024-03-01' - DATE'2024-01-01' AS d")
        self.assertEqual(ds.dtypes, [('d', 'interval day')])
        self.assertEqual(ds.collect()[0].d, datetime.timedelta(days=60))


class GroupingTest(unittest.TestCase):
    def setUp(self):
        self.s = SparkSessionState({})
        self.df = self.s.create_dataset([('p', 'q', 1), ('p', 'r', 2), ('s', 'q', 3)], ['a', 'b', 'x'])
        self.df.create_or_replace_temp_view('g')

    def test_rollup_sql(self):
        rows = self.s.sql('SELECT a, b, sum(x) FROM g GROUP BY ROLLUP(a, b) ORDER BY a, b').rows()
        self.assertEqual(rows, [(None, None, 6), ('p', None, 3), ('p', 'q', 1), ('p', 'r', 2), ('s', None, 3), ('s', 'q', 3)])

    def test_cube_api_makes_keys_nullable(self):
        ds = self.df.cube('a').count()
        self.assertTrue(ds.schema.fields[0].nullable)
        self.assertEqual(sorted(ds.rows(), key=lambda r: (r[0] is not None, r[0])), [(None, 3), ('p', 2), ('s', 1)])

    def test_grouping_sets(self):
        rows = self.s.sql('SELECT a, b, count(*) FROM g GROUP BY GROUPING SETS ((a), (b)) ORDER BY a, b').rows()
        self.assertEqual(rows, [(None, 'q', 2), (None, 'r', 1), ('p', None, 2), ('s', None, 1)])

    def test_pivot(self):
        ds = self.df.groupBy('a').pivot('b').sum('x').orderBy('a')
        self.assertEqual(ds.columns, ['a', 'q', 'r'])
        self.assertEqual(ds.rows(), [('p', 1, 2), ('s', 3, None)])

    def test_aggregate_filter_clause(self):
        self.assertEqual(self.s.sql('SELECT count(*) FILTER (WHERE x > 1) FROM g').rows(), [(2,)])

    def test_describe(self):
        ds = self.df.describe('x')
        self.assertEqual(ds.columns, ['summary', 'x'])
        self.assertEqual(ds.rows(), [('count', '3'), ('mean', '2.0'), ('stddev', '1.0'), ('min', '1'), ('max', '3')])


class HigherOrderFunctionTest(unittest.TestCase):
    def setUp(self):
        self.s = SparkSessionState({})

    def test_lambdas(self):
        r = self.s.sql("SELECT transform(array(1, 2, 3), x -> x * 10), filter(array(1, 2, 3), x -> x % 2 = 1), "
                       "exists(array(1, 2), x -> x > 1), aggregate(array(1, 2, 3), 0, (acc, x) -> acc + x), "
                       "transform(array('a', 'b'), (x, i) -> concat(x, i))").rows()[0]
        self.assertEqual(r, ([10, 20, 30], [1, 3], True, 6, ['a0', 'b1']))

    def test_lambda_names(self):
        ds = self.s.sql('SELECT transform(array(1), x -> x + 1)')
        self.assertEqual(ds.columns, ['transform(array(1), lambdafunction((namedlambdavariable() + 1), namedlambdavariable()))'])

    def test_lambda_sees_outer_columns(self):
        self.assertEqual(self.s.sql('SELECT transform(array(1, 2), x -> x + id) FROM range(2)').rows(),
                         [([1, 2],), ([2, 3],)])


class ShuffleOrderTest(unittest.TestCase):
    def setUp(self):
        self.s = SparkSessionState({})

    def test_slices_like_parallelize_and_range(self):
        from spark_engine.partitioning import slice_tags
        self.assertEqual(slice_tags(3, 2), [0, 1, 1])
        self.assertEqual(slice_tags(5, 2), [0, 0, 1, 1, 1])
        self.assertEqual(slice_tags(4, 1), [0, 0, 0, 0])

    def test_group_by_lists_first_map_task_keys_first(self):
        df = self.s.create_dataset([(1, 'a'), (2, 'b'), (3, 'a')], ['id', 'v'])
        self.assertEqual([r.v for r in df.groupBy('v').count().collect()], ['a', 'b'])

    def test_distinct_on_range(self):
        rows = self.s.range(10).select((F.col('id') % 3).alias('m')).distinct().rows()
        self.assertEqual(sorted(rows), [(0,), (1,), (2,)])


class SparkRandomTest(unittest.TestCase):
    def setUp(self):
        self.s = SparkSessionState({})

    def test_rand_and_randn_match_spark_docs(self):
        self.assertEqual(self.s.sql('SELECT rand(0), rand(null), randn(0)').rows(),
                         [(0.7604953758285915, 0.7604953758285915, 1.6034991609278433)])

    def test_monotonically_increasing_id_encodes_partition(self):
        rows = self.s.sql('SELECT monotonically_increasing_id(), spark_partition_id() FROM range(4)').rows()
        self.assertEqual(rows, [(0, 0), (1, 0), (8589934592, 1), (8589934593, 1)])

    def test_sample_uses_per_partition_xorshift(self):
        a = self.s.range(20).sample(False, 0.5, 42).rows()
        self.assertEqual(a, self.s.range(20).sample(False, 0.5, 42).rows())
        self.assertEqual(a, [(3,), (7,), (12,), (13,), (18,), (19,)])


class NamingTest(unittest.TestCase):
    def setUp(self):
        self.s = SparkSessionState({})

    def test_default_arguments_show_in_names(self):
        ds = self.s.sql("SELECT round(2.5), split('a,b', ','), substring('abc', 2), percentile_approx(1, 0.5)")
        self.assertEqual(ds.columns, ['round(2.5, 0)', 'split(a,b, ,, -1)', 'substring(abc, 2, 2147483647)',
                                      'percentile_approx(1, 0.5, 10000)'])

    def test_pretty_names(self):
        ds = self.s.sql("SELECT -1, 1L, 'a' = 'b', NOT true, CAST(1 AS STRING), count(DISTINCT 1), "
                        "DATE'2024-01-01', 1 IS NULL, CASE WHEN true THEN 1 END FROM range(1)")
        self.assertEqual(ds.columns, ['-1', '1', '(a = b)', '(NOT true)', 'CAST(1 AS STRING)',
                                      'count(DISTINCT 1)', "DATE '2024-01-01'", '(1 IS NULL)',
                                      'CASE WHEN true THEN 1 END'])

    def test_window_names(self):
        ds = self.s.sql('SELECT sum(id) OVER (ORDER BY id), lag(id) OVER (ORDER BY id) FROM range(2)')
        self.assertEqual(ds.columns, [
            'sum(id) OVER (ORDER BY id ASC NULLS FIRST RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)',
            'lag(id, 1, NULL) OVER (ORDER BY id ASC NULLS FIRST ROWS BETWEEN 1 PRECEDING AND 1 PRECEDING)'])
        self.assertEqual(ds.rows(), [(0, None), (1, 0)])


if __name__ == '__main__':
    unittest.main()

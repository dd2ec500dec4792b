"""show_string / to_json_rows / Java number formatting reproduce Spark's text exactly."""

import datetime
import decimal
import unittest

from spark_engine import SparkSessionState
from spark_engine import types as T
from spark_engine.javafmt import double_to_str, float_to_str
from spark_engine.show import show_string


class JavaNumberTextTest(unittest.TestCase):
    def test_doubles_print_like_java(self):
        cases = [(1.0, '1.0'), (0.1, '0.1'), (1e10, '1.0E10'), (1e7, '1.0E7'), (9999999.0, '9999999.0'),
                 (0.001, '0.001'), (0.0001, '1.0E-4'), (-2.5, '-2.5'), (123456789.123, '1.23456789123E8'),
                 (float('nan'), 'NaN'), (float('inf'), 'Infinity'), (-0.0, '-0.0'), (1.5e-7, '1.5E-7')]
        for v, s in cases:
            self.assertEqual(double_to_str(v), s)

    def test_floats_use_float32_shortest_digits(self):
        self.assertEqual(float_to_str(0.1), '0.1')
        self.assertEqual(float_to_str(1.0 / 3), '0.33333334')


class ShowStringTest(unittest.TestCase):
    def setUp(self):
        self.s = SparkSessionState({})

    def test_right_aligned_with_min_width(self):
        self.assertEqual(self.s.sql('SELECT 1 AS one').show_string(), '+---+\n|one|\n+---+\n|  1|\n+---+')

    def test_null_boolean_decimal_cells(self):
        ds = self.s.sql('SELECT 1 AS a, "x" AS b, 2.5 AS c, true AS d, NULL AS e')
        self.assertEqual(ds.show_string(), '+---+---+---+----+----+\n|  a|  b|  c|   d|   e|\n'
                                           '+---+---+---+----+----+\n|  1|  x|2.5|true|NULL|\n+---+---+---+----+----+')

    def test_truncation_and_footer(self):
        ds = self.s.sql("SELECT id, repeat('x', 25) AS long FROM range(3)")
        out = ds.show_string(2)
        self.assertEqual(out, '+---+--------------------+\n| id|                long|\n+---+--------------------+\n'
                              '|  0|xxxxxxxxxxxxxxxxx...|\n|  1|xxxxxxxxxxxxxxxxx...|\n+---+--------------------+\n'
                              'only showing top 2 rows')

    def test_header_is_never_truncated(self):
        out = self.s.sql("SELECT repeat('x', 25) AS a_really_long_column_name_here").show_string()
        self.assertEqual(out.split('\n')[1], '|a_really_long_column_name_here|')
        self.assertEqual(out.split('\n')[3], '|          xxxxxxxxxxxxxxxxx...|')

    def test_control_characters_are_escaped(self):
        self.assertEqual(self.s.sql("SELECT 'a\\tb\\nc' AS v").show_string(), '+-------+\n|      v|\n+-------+\n|a\\tb\\nc|\n+-------+')

    def test_untruncated_is_left_aligned(self):
        ds = self.s.sql("SELECT 'ab' AS v")
        self.assertEqual(ds.show_string(20, 0), '+---+\n|v  |\n+---+\n|ab |\n+---+')

    def test_single_row_footer_says_row(self):
        self.assertTrue(self.s.range(3).show_string(1).endswith('only showing top 1 row'))

    def test_nested_values(self):
        ds = self.s.sql("SELECT array(1, NULL) AS a, map('k', 1) AS m, struct(1, 'a') AS s")
        self.assertEqual(ds.show_string(), '+---------+--------+------+\n|        a|       m|     s|\n'
                                           '+---------+--------+------+\n|[1, NULL]|{k -> 1}|{1, a}|\n'
                                           '+---------+--------+------+')

    def test_dates_timestamps_doubles(self):
        ds = self.s.sql("SELECT DATE'2024-01-02' AS d, TIMESTAMP'2024-01-02 03:04:05.120' AS t, 1e10 AS x")
        self.assertIn('|2024-01-02|2024-01-02 03:04:...|1.0E10|', ds.show_string())
        self.assertIn('|2024-01-02|2024-01-02 03:04:05.12|1.0E10|', ds.show_string(truncate=0))

    def test_vertical(self):
        ds = self.s.sql("SELECT 1 AS id, 'abc' AS name")
        self.assertEqual(ds.show_string(vertical=True), '-RECORD 0---\n id   | 1   \n name | abc ')

    def test_vertical_empty(self):
        ds = self.s.sql('SELECT * FROM range(0)')
        self.assertEqual(ds.show_string(vertical=True), '(0 rows)')

    def test_empty_result_keeps_header(self):
        self.assertEqual(self.s.sql('SELECT id FROM range(0)').show_string(), '+---+\n| id|\n+---+\n+---+')

    def test_wide_characters_count_double(self):
        out = show_string(['v'], [T.StringType()], [('日本',)])
        self.assertEqual(out, '+----+\n|   v|\n+----+\n|日本|\n+----+')


class JsonRowsTest(unittest.TestCase):
    def setUp(self):
        self.s = SparkSessionState({})

    def test_nulls_omitted_and_types(self):
        ds = self.s.sql("SELECT 1 AS a, NULL AS b, 'x\"y' AS c, 2.50 AS d, 1e10 AS e, DATE'2024-01-02' AS f, "
                        "TIMESTAMP'2024-01-02 03:04:05' AS g, array(1, 2) AS h, map('k', 'v') AS i")
        self.assertEqual(ds.to_json_rows(), ['{"a":1,"c":"x\\"y","d":2.50,"e":1.0E10,"f":"2024-01-02",'
                                             '"g":"2024-01-02T03:04:05.000Z","h":[1,2],"i":{"k":"v"}}'])

    def test_session_time_zone_offset(self):
        self.s.conf.set('spark.sql.session.timeZone', 'America/New_York')
        ds = self.s.create_dataset([(datetime.datetime(2024, 1, 2, 3, 4, 5),)], ['t'])
        self.assertEqual(ds.to_json_rows(), ['{"t":"2024-01-02T03:04:05.000-05:00"}'])

    def test_struct_fields(self):
        ds = self.s.sql("SELECT named_struct('a', 1, 'b', CAST(NULL AS STRING)) AS s")
        self.assertEqual(ds.to_json_rows(), ['{"s":{"a":1}}'])


if __name__ == '__main__':
    unittest.main()

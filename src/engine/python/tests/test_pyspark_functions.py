"""pyspark.sql.functions / Column build the expressions Spark's Column.toString shows."""

import unittest

try:
    from spark_engine import functions as _ef  # noqa: F401
    from spark_engine import column as _ec  # noqa: F401
    ENGINE_COLUMNS = True
except ImportError:  # pragma: no cover
    ENGINE_COLUMNS = False


@unittest.skipUnless(ENGINE_COLUMNS, 'engine columns unavailable')
class ColumnReprs(unittest.TestCase):
    def setUp(self):
        from pyspark.sql import functions as F
        self.F = F

    def r(self, c):
        return repr(c)

    def test_names_and_literals(self):
        F = self.F
        self.assertEqual(self.r(F.col('id')), "Column<'id'>")
        self.assertEqual(self.r(F.column('id')), "Column<'id'>")
        self.assertEqual(self.r(F.lit(5)), "Column<'5'>")

    def test_operators(self):
        F = self.F
        self.assertEqual(self.r(F.col('id') + 1), "Column<'(id + 1)'>")
        self.assertEqual(self.r(1 - F.col('a')), "Column<'(1 - a)'>")
        self.assertEqual(self.r(~F.col('a')), "Column<'(NOT a)'>")
        self.assertEqual(self.r(F.col('a').between(1, 3)), "Column<'((a >= 1) AND (a <= 3))'>")
        self.assertEqual(self.r(F.col('a').isin(1, 2)), "Column<'(a IN (1, 2))'>")
        self.assertEqual(self.r(F.col('a').isin([1, 2])), "Column<'(a IN (1, 2))'>")
        self.assertEqual(self.r(F.col('a').isNull()), "Column<'(a IS NULL)'>")

    def test_functions(self):
        F = self.F
        self.assertEqual(self.r(F.upper('v')), "Column<'upper(v)'>")
        self.assertEqual(self.r(F.count('*')), "Column<'count(1)'>")
        # Alias.sql uses quoteIfNeeded since Spark 3.2
        self.assertEqual(self.r(F.sum('x').alias('s')), "Column<'sum(x) AS s'>")
        self.assertEqual(self.r(F.col('x').alias('a b')), "Column<'x AS `a b`'>")
        self.assertEqual(self.r(F.countDistinct('a', 'b')), "Column<'count(DISTINCT a, b)'>")
        self.assertEqual(self.r(F.sumDistinct('a')), "Column<'sum(DISTINCT a)'>")
        self.assertEqual(self.r(F.mean('a')), "Column<'avg(a)'>")
        self.assertEqual(self.r(F.round('a', 2)), "Column<'round(a, 2)'>")
        self.assertEqual(self.r(F.desc('a')), "Column<'a DESC NULLS LAST'>")
        self.assertEqual(self.r(F.when(F.col('a') > 1, 'x').otherwise('y')),
                         "Column<'CASE WHEN (a > 1) THEN x ELSE y END'>")
        self.assertEqual(self.r(F.col('a').cast('int')), "Column<'CAST(a AS INT)'>")

    def test_expr_parse_error_is_captured_with_function_frames(self):
        with self.assertRaises(Exception) as cm:
            self.F.expr('a +')
        e = cm.exception
        self.assertEqual(type(e).__name__, 'ParseException')
        names = [f.split('\n')[0].rsplit(', in ', 1)[1] for f in e.livy_frames]
        self.assertEqual(names, ['wrapped', 'expr', '_invoke_function', '__call__', 'deco'])

    def test_functions_report_pyspark_module(self):
        self.assertEqual(self.F.upper.__module__, 'pyspark.sql.functions')
        self.assertEqual(self.F.upper.__name__, 'upper')

    def test_when_needs_a_column_condition(self):
        with self.assertRaises(TypeError) as cm:
            self.F.when(True, 1)
        self.assertEqual(str(cm.exception),
                         '[NOT_COLUMN] Argument `condition` should be a Column, got bool.')


if __name__ == '__main__':
    unittest.main()

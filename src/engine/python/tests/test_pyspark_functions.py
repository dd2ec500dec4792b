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

    def test_the_pyspark_35_function_names_exist(self):
        names = ('col lit expr when asc desc sum avg mean count max min first last upper lower '
                 'concat concat_ws substring split regexp_replace regexp_extract round bround '
                 'abs sqrt exp log pow coalesce isnull isnan greatest least collect_list '
                 'collect_set countDistinct count_distinct approx_count_distinct explode size '
                 'array_contains element_at sort_array struct array create_map to_date '
                 'to_timestamp date_format current_date current_timestamp year month '
                 'dayofmonth datediff date_add date_sub add_months months_between '
                 'monotonically_increasing_id rand randn row_number rank dense_rank lag lead '
                 'ntile udf broadcast length trim ltrim rtrim lpad rpad initcap reverse instr '
                 'locate translate format_number format_string hash md5 sha1 sha2 crc32 base64 '
                 'unbase64 stddev variance skewness kurtosis percentile_approx startswith '
                 'endswith contains left right array_append slice shiftleft shiftLeft '
                 'from_json to_json get_json_object json_tuple make_date try_divide '
                 'regexp_extract_all typeof version current_timezone').split()
        missing = [n for n in names if not callable(getattr(self.F, n, None))]
        self.assertEqual(missing, [])

    def test_functions_that_scala_builds_directly_keep_their_sql_names(self):
        F = self.F
        self.assertEqual(self.r(F.isnull('a')), "Column<'(a IS NULL)'>")
        self.assertEqual(self.r(F.isnotnull('a')), "Column<'(a IS NOT NULL)'>")
        self.assertEqual(self.r(F.variance('a')), "Column<'var_samp(a)'>")
        self.assertEqual(self.r(F.stddev('a')), "Column<'stddev(a)'>")
        self.assertEqual(self.r(F.log('a')), "Column<'ln(a)'>")

    def test_when_needs_a_column_condition(self):
        with self.assertRaises(TypeError) as cm:
            self.F.when(True, 1)
        self.assertEqual(str(cm.exception),
                         '[NOT_COLUMN] Argument `condition` should be a Column, got bool.')


if __name__ == '__main__':
    unittest.main()

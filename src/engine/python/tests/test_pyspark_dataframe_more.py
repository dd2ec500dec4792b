"""More DataFrame behaviour: schema verification, joins, SQL string formatting, lambdas over
``df.rdd`` failing the job, and session activation."""

import unittest

from pyspark_support import ENGINE, new_session


@unittest.skipUnless(ENGINE, 'spark_engine not available yet')
class SchemaVerification(unittest.TestCase):
    def setUp(self):
        self.spark = new_session()['spark']

    def err(self, data, schema):
        with self.assertRaises(Exception) as cm:
            self.spark.createDataFrame(data, schema)
        return cm.exception

    def test_wrong_python_type_for_a_field(self):
        e = self.err([('a',)], 'x int')
        self.assertEqual(type(e).__name__, 'PySparkTypeError')
        self.assertEqual(str(e), '[CANNOT_ACCEPT_OBJECT_IN_TYPE] `IntegerType()` can not accept '
                                 'object `a` in type `str`.')
        self.assertIn('in verify_acceptable_types\n', e.livy_frames[-1])
        self.assertIn('in prepare\n', e.livy_frames[3])

    def test_bool_is_not_an_int(self):
        e = self.err([(True,)], 'x long')
        self.assertIn('`LongType()` can not accept object `True` in type `bool`', str(e))

    def test_row_length_must_match(self):
        e = self.err([(1, 2)], 'x int')
        self.assertEqual(str(e), '[LENGTH_SHOULD_BE_THE_SAME] obj and fields should be of the '
                                 'same length, got 2 and 1.')

    def test_out_of_range_int(self):
        e = self.err([(2 ** 40,)], 'x int')
        self.assertEqual(type(e).__name__, 'PySparkValueError')
        self.assertTrue(str(e).startswith('[VALUE_OUT_OF_BOUND] Value for `obj` must be greater '
                                          'than 2147483647 or less than -2147483648, got '))

    def test_none_in_non_nullable_field(self):
        from pyspark.sql.types import StructType, StructField, IntegerType
        e = self.err([(None,)], StructType([StructField('x', IntegerType(), False)]))
        self.assertEqual(str(e), '[CANNOT_BE_NONE] Argument `obj` can not be None.')

    def test_verify_schema_false_skips_checks(self):
        df = self.spark.createDataFrame([(1, 'a')], 'x long, y string', verifySchema=False)
        self.assertEqual(df.count(), 1)

    def test_merge_type_error_is_a_type_error(self):
        e = self.err([(1,), ('a',)], None)
        self.assertIsInstance(e, TypeError)
        self.assertTrue(str(e).startswith('[CANNOT_MERGE_TYPE] Can not merge type '))


@unittest.skipUnless(ENGINE, 'spark_engine not available yet')
class JoinsAndSql(unittest.TestCase):
    def setUp(self):
        self.g = new_session()
        self.spark = self.g['spark']
        self.a = self.spark.createDataFrame([(1, 'x'), (2, 'y')], ['id', 'v'])
        self.b = self.spark.createDataFrame([(1, 10)], ['id', 'n'])

    def test_join_forms(self):
        a, b = self.a, self.b
        self.assertEqual(repr(a.join(b, a.id == b.id).collect()), "[Row(id=1, v='x', id=1, n=10)]")
        self.assertEqual(repr(a.join(b, 'id', 'left').orderBy('id').collect()),
                         "[Row(id=1, v='x', n=10), Row(id=2, v='y', n=None)]")
        self.assertEqual(repr(a.join(b, ['id'], 'left_anti').collect()), "[Row(id=2, v='y')]")
        self.assertEqual(a.crossJoin(b).count(), 2)

    def test_sql_with_named_arguments_and_dataframes(self):
        self.assertEqual(repr(self.spark.sql('SELECT {x} AS y', x=5).collect()), '[Row(y=5)]')
        got = self.spark.sql('SELECT id FROM {d} ORDER BY id', d=self.a).collect()
        self.assertEqual([r.id for r in got], [1, 2])
        self.assertEqual(self.spark.catalog.listTables(), [])
        self.assertEqual(repr(self.spark.sql('SELECT :a AS z', args={'a': 7}).collect()),
                         '[Row(z=7)]')

    def test_lambda_errors_on_df_rdd_fail_the_job(self):
        with self.assertRaises(Exception) as cm:
            self.a.rdd.map(lambda r: r.id / 0).collect()
        self.assertEqual(type(cm.exception).__name__, 'Py4JJavaError')
        self.assertIn('ZeroDivisionError: division by zero', str(cm.exception))

    def test_ansi_runtime_errors_are_captured_at_the_action(self):
        self.spark.conf.set('spark.sql.ansi.enabled', True)
        df = self.spark.sql('SELECT 1/0 AS x')
        with self.assertRaises(Exception) as cm:
            df.collect()
        e = cm.exception
        self.assertEqual(type(e).__name__, 'ArithmeticException')
        self.assertTrue(str(e).startswith('[DIVIDE_BY_ZERO] Division by zero.'))
        self.assertIn('line 1262, in collect\n', e.livy_frames[0])
        with self.assertRaises(Exception) as cm:
            df.show()
        names = [f.split('\n')[0].rsplit(', in ', 1)[1] for f in cm.exception.livy_frames]
        self.assertEqual(names, ['show', '_show_string', '__call__', 'deco'])

    def test_first_and_take_frames(self):
        self.spark.conf.set('spark.sql.ansi.enabled', True)
        df = self.spark.sql('SELECT 1/0 AS x')
        with self.assertRaises(Exception) as cm:
            df.first()
        names = [f.split('\n')[0].rsplit(', in ', 1)[1] for f in cm.exception.livy_frames]
        self.assertEqual(names, ['first', 'head', 'head', 'take', 'collect', '__call__', 'deco'])

    def test_builder_get_or_create_returns_the_livy_session(self):
        from pyspark.sql import SparkSession
        from pyspark.context import SparkContext
        from pyspark.livy_bootstrap import activate
        other = new_session(appName='other')
        activate(self.g)
        self.assertIs(SparkSession.builder.appName('x').getOrCreate(), self.spark)
        self.assertIs(SparkContext.getOrCreate(), self.g['sc'])
        self.assertIs(SparkSession.getActiveSession(), self.spark)
        activate(other)
        self.assertIs(SparkSession.builder.getOrCreate(), other['spark'])

    def test_temp_views_are_per_livy_session(self):
        self.a.createOrReplaceTempView('only_here')
        other = new_session()['spark']
        self.assertEqual(other.catalog.listTables(), [])
        with self.assertRaises(Exception) as cm:
            other.table('only_here')
        self.assertEqual(type(cm.exception).__name__, 'AnalysisException')


if __name__ == '__main__':
    unittest.main()

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

    def test_statements_see_their_own_session_without_activation(self):
        first, second = new_session(appName='A'), new_session(appName='B')
        code = ('from pyspark.sql import SparkSession\n'
                'from pyspark import SparkContext\n'
                'r = (SparkSession.builder.getOrCreate() is spark,\n'
                '     SparkContext.getOrCreate() is sc,\n'
                '     sc.parallelize([(1,)]).toDF(["a"]).sparkSession is spark)\n')
        for g in (first, second, first):
            ns = dict(g)
            exec(compile(code, '<stdin>', 'exec'), ns)
            self.assertEqual(ns['r'], (True, True, True))

    def test_temp_views_are_per_livy_session(self):
        self.a.createOrReplaceTempView('only_here')
        other = new_session()['spark']
        self.assertEqual(other.catalog.listTables(), [])
        with self.assertRaises(Exception) as cm:
            other.table('only_here')
        self.assertEqual(type(cm.exception).__name__, 'AnalysisException')


@unittest.skipUnless(ENGINE, 'spark_engine not available yet')
class NaFunctions(unittest.TestCase):
    def setUp(self):
        spark = new_session()['spark']
        self.df = spark.createDataFrame([(1.0, 'a'), (float('nan'), None), (None, 'c')],
                                        ['x', 's'])

    def test_fill_treats_nan_as_missing_in_floating_columns(self):
        self.assertEqual([tuple(r) for r in self.df.na.fill(0).collect()],
                         [(1.0, 'a'), (0.0, None), (0.0, 'c')])
        self.assertEqual([r.s for r in self.df.fillna('z').collect()], ['a', 'z', 'c'])
        self.assertEqual([r.s for r in self.df.fillna({'s': 'q'}).collect()], ['a', 'q', 'c'])

    def test_drop_any_all_subset(self):
        self.assertEqual(self.df.dropna().count(), 1)
        self.assertEqual(self.df.dropna(how='all').count(), 2)
        self.assertEqual(self.df.na.drop(subset=['s']).count(), 2)
        with self.assertRaises(ValueError) as cm:
            self.df.dropna(how='some')
        self.assertEqual(str(cm.exception),
                         "[VALUE_NOT_ANY_OR_ALL] Value for `how` must be 'any' or 'all', got "
                         "'some'.")


@unittest.skipUnless(ENGINE, 'spark_engine not available yet')
class Readers(unittest.TestCase):
    def test_missing_paths_fail_like_spark(self):
        spark = new_session()['spark']
        with self.assertRaises(Exception) as cm:
            spark.read.json('/tmp/nope.json')
        e = cm.exception
        self.assertEqual(type(e).__name__, 'AnalysisException')
        self.assertEqual(str(e), '[PATH_NOT_FOUND] Path does not exist: file:/tmp/nope.json.')
        self.assertIn('readwriter.py", line 425, in json\n', e.livy_frames[0])
        with self.assertRaises(Exception) as cm:
            spark.read.option('header', True).csv('data.csv')
        self.assertEqual(str(cm.exception), '[PATH_NOT_FOUND] Path does not exist: '
                                            'file:/opt/spark/work-dir/data.csv.')


@unittest.skipUnless(ENGINE, 'spark_engine not available yet')
class DescribeAndAttributes(unittest.TestCase):
    def setUp(self):
        self.spark = new_session()['spark']

    def test_describe_is_one_string_row_per_statistic(self):
        from pyspark_support import out
        df = self.spark.createDataFrame([(1, 'a', 2.5), (2, 'b', 3.0), (3, 'a', None)],
                                        ['id', 'v', 'x'])
        self.assertEqual(out(df.describe().show),
                         '+-------+---+----+------------------+\n'
                         '|summary| id|   v|                 x|\n'
                         '+-------+---+----+------------------+\n'
                         '|  count|  3|   3|                 2|\n'
                         '|   mean|2.0|NULL|              2.75|\n'
                         '| stddev|1.0|NULL|0.3535533905932738|\n'
                         '|    min|  1|   a|               2.5|\n'
                         '|    max|  3|   b|               3.0|\n'
                         '+-------+---+----+------------------+\n')
        self.assertEqual(df.describe('id').columns, ['summary', 'id'])
        self.assertEqual(df.describe().dtypes[1], ('id', 'string'))

    def test_underscore_column_names_are_attributes(self):
        df = self.spark.createDataFrame([(1, 2)])
        self.assertEqual(df.columns, ['_1', '_2'])
        self.assertEqual(repr(df._1), "Column<'_1'>")
        self.assertEqual(repr(df.select(df._2).collect()), '[Row(_2=2)]')

    def test_missing_attribute_message_and_frames(self):
        df = self.spark.range(1)
        with self.assertRaises(AttributeError) as cm:
            df.nope
        self.assertEqual(str(cm.exception), "'DataFrame' object has no attribute 'nope'")
        self.assertIn('line 3128, in __getattr__\n', cm.exception.livy_frames[0])


if __name__ == '__main__':
    unittest.main()

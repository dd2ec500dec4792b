"""A Livy PySpark session's ``spark`` / ``sc`` / ``sqlContext`` and the DataFrame API over the
engine, answering as pyspark 3.5.9 does."""

import re
import unittest

from pyspark_support import ENGINE, new_session, out

ADDR = re.compile(r' at 0x[0-9a-f]+>$')


@unittest.skipUnless(ENGINE, 'spark_engine not available yet')
class SessionGlobals(unittest.TestCase):
    def setUp(self):
        self.g = new_session()
        self.spark, self.sc = self.g['spark'], self.g['sc']

    def test_globals_livy_defines(self):
        self.assertEqual(sorted(self.g), ['HiveContext', 'StreamingContext', 'cloudpickle', 'sc',
                                          'spark', 'sqlContext'])

    def test_default_reprs(self):
        self.assertEqual(ADDR.sub('>', repr(self.spark)), '<pyspark.sql.session.SparkSession object>')
        self.assertEqual(ADDR.sub('>', repr(self.g['sqlContext'])),
                         '<pyspark.sql.context.SQLContext object>')
        self.assertEqual(repr(self.sc), '<SparkContext master=local[*] appName=corpus-app-42>')
        self.assertEqual(repr(self.g['HiveContext']), "<class 'pyspark.sql.context.HiveContext'>")
        self.assertEqual(repr(self.g['StreamingContext']),
                         "<class 'pyspark.streaming.context.StreamingContext'>")

    def test_versions_and_ids(self):
        self.assertEqual(self.spark.version, '3.5.9')
        self.assertEqual(self.sc.version, '3.5.9')
        self.assertEqual(self.sc.applicationId, 'local-1796338635692')
        self.assertIs(self.spark.sparkContext, self.sc)
        self.assertEqual(self.sc.defaultParallelism, 2)

    def test_runtime_conf(self):
        conf = self.spark.conf
        self.assertEqual(conf.get('spark.app.name'), 'corpus-app-42')
        self.assertEqual(conf.get('spark.nope.key', 'dflt'), 'dflt')
        self.assertIsNone(conf.get('spark.nope.key', None))
        conf.set('spark.my.key', True)
        self.assertEqual(conf.get('spark.my.key'), 'true')
        conf.set('spark.my.num', 5)
        self.assertEqual(conf.get('spark.my.num'), '5')

    def test_missing_conf_key_is_an_unconverted_py4j_error(self):
        with self.assertRaises(Exception) as cm:
            self.spark.conf.get('spark.foo')
        e = cm.exception
        self.assertEqual((type(e).__module__, type(e).__name__), ('py4j.protocol', 'Py4JJavaError'))
        text = str(e)
        self.assertRegex(text, r'^An error occurred while calling o\d+\.get\.\n: ')
        self.assertIn('SQL_CONF_NOT_FOUND', text)
        self.assertIn('spark.foo', text)
        self.assertEqual([f.split('\n')[0].rsplit(', in ', 1)[1] for f in e.livy_frames],
                         ['get', '__call__', 'deco', 'get_return_value'])

    def test_conf_key_must_be_str(self):
        with self.assertRaises(TypeError) as cm:
            self.spark.conf.get(5)
        self.assertEqual(str(cm.exception), '[NOT_STR] Argument `key` should be a str, got int.')

    def test_catalog_basics(self):
        cat = self.spark.catalog
        self.assertEqual(cat.currentDatabase(), 'default')
        self.assertEqual([d.name for d in cat.listDatabases()], ['default'])
        self.assertEqual(cat.listTables(), [])


@unittest.skipUnless(ENGINE, 'spark_engine not available yet')
class DataFrames(unittest.TestCase):
    def setUp(self):
        self.g = new_session()
        self.spark = self.g['spark']
        self.df = self.spark.createDataFrame([(1, 'a'), (2, 'b')], ['id', 'v'])

    def test_range_count_and_collect(self):
        self.assertEqual(self.spark.range(10).count(), 10)
        self.assertEqual(repr(self.spark.range(5).collect()),
                         '[Row(id=0), Row(id=1), Row(id=2), Row(id=3), Row(id=4)]')
        self.assertEqual(self.spark.range(1, 7, 2).collect()[-1].id, 5)

    def test_show_prints_the_table(self):
        self.assertEqual(out(self.spark.sql('SELECT 1 AS one').show),
                         '+---+\n|one|\n+---+\n|  1|\n+---+\n')
        self.assertEqual(out(self.df.show),
                         '+---+---+\n| id|  v|\n+---+---+\n|  1|  a|\n|  2|  b|\n+---+---+\n')

    def test_show_argument_checks(self):
        with self.assertRaises(TypeError) as cm:
            self.df.show('3')
        self.assertEqual(str(cm.exception), '[NOT_INT] Argument `n` should be an int, got str.')
        self.assertIn('in _show_string\n    raise PySparkTypeError(\n',
                      cm.exception.livy_frames[-1])

    def test_schema_views(self):
        self.assertEqual(self.df.columns, ['id', 'v'])
        self.assertEqual(self.df.dtypes, [('id', 'bigint'), ('v', 'string')])
        self.assertEqual(repr(self.df.schema), "StructType([StructField('id', LongType(), True), "
                                               "StructField('v', StringType(), True)])")
        self.assertEqual(out(self.df.printSchema),
                         'root\n |-- id: long (nullable = true)\n |-- v: string (nullable = true)'
                         '\n\n')
        self.assertEqual(repr(self.df), 'DataFrame[id: bigint, v: string]')

    def test_rows(self):
        self.assertEqual(repr(self.df.select('v').first()), "Row(v='a')")
        self.assertEqual(repr(self.df.head()), "Row(id=1, v='a')")
        self.assertEqual(repr(self.df.head(1)), "[Row(id=1, v='a')]")
        self.assertEqual(repr(self.df.take(5)), "[Row(id=1, v='a'), Row(id=2, v='b')]")
        self.assertEqual(self.df.count(), 2)

    def test_temp_view_and_sql(self):
        self.df.createOrReplaceTempView('t')
        self.assertEqual(out(self.spark.sql('SELECT * FROM t ORDER BY id DESC').show),
                         '+---+---+\n| id|  v|\n+---+---+\n|  2|  b|\n|  1|  a|\n+---+---+\n')
        self.assertEqual(repr(self.spark.catalog.listTables()),
                         "[Table(name='t', catalog=None, namespace=[], description=None, "
                         "tableType='TEMPORARY', isTemporary=True)]")
        self.assertEqual(self.spark.table('t').count(), 2)
        self.assertTrue(self.spark.catalog.dropTempView('t'))
        self.assertEqual(self.spark.catalog.listTables(), [])

    def test_sql_errors_are_captured_exceptions(self):
        with self.assertRaises(Exception) as cm:
            self.spark.sql('SELECT * FROM nope_tbl')
        e = cm.exception
        self.assertEqual(type(e).__module__ + '.' + type(e).__qualname__,
                         'pyspark.errors.exceptions.captured.AnalysisException')
        self.assertTrue(str(e).startswith('[TABLE_OR_VIEW_NOT_FOUND] The table or view '
                                          '`nope_tbl` cannot be found.'))
        self.assertTrue(str(e).endswith("'UnresolvedRelation [nope_tbl], [], false\n"))
        self.assertEqual(len(e.livy_frames), 3)
        self.assertIn('line 1631, in sql\n', e.livy_frames[0])
        from pyspark.errors import AnalysisException
        self.assertIsInstance(e, AnalysisException)
        self.assertEqual(e.getErrorClass(), 'TABLE_OR_VIEW_NOT_FOUND')
        self.assertEqual(e.java_class, 'org.apache.spark.sql.catalyst.ExtendedAnalysisException')

    def test_parse_error(self):
        with self.assertRaises(Exception) as cm:
            self.spark.sql('SELEC 1')
        e = cm.exception
        self.assertEqual(type(e).__name__, 'ParseException')
        self.assertEqual(str(e), "\n[PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'.(line 1, "
                                 "pos 0)\n\n== SQL ==\nSELEC 1\n^^^\n")

    def test_dataframe_method_errors_carry_their_frames(self):
        with self.assertRaises(Exception) as cm:
            self.df.select('nope')
        self.assertEqual(type(cm.exception).__name__, 'AnalysisException')
        self.assertIn('line 3228, in select\n', cm.exception.livy_frames[0])
        with self.assertRaises(Exception) as cm:
            self.spark.table('no_such_view')
        self.assertIn('line 1667, in table\n', cm.exception.livy_frames[0])
        with self.assertRaises(Exception) as cm:
            self.df.filter('id >')
        self.assertEqual(type(cm.exception).__name__, 'ParseException')
        self.assertIn('line 3328, in filter\n', cm.exception.livy_frames[0])

    def test_select_expr_and_columns(self):
        from pyspark.sql import functions as F
        self.assertEqual(out(self.spark.range(1, 4).selectExpr('id', 'id * id AS sq').show),
                         '+---+---+\n| id| sq|\n+---+---+\n|  1|  1|\n|  2|  4|\n|  3|  9|\n'
                         '+---+---+\n')
        self.assertEqual(repr(F.col('id')), "Column<'id'>")
        self.assertEqual(repr(self.df.id), "Column<'id'>")
        rows = self.df.select(F.upper('v').alias('u'), (F.col('id') + 1).alias('n')).collect()
        self.assertEqual(repr(rows), "[Row(u='A', n=2), Row(u='B', n=3)]")

    def test_filter_group_order_limit_with_column(self):
        from pyspark.sql import functions as F
        df = self.spark.createDataFrame([('x', 1), ('y', 2), ('x', 3)], ['k', 'n'])
        self.assertEqual(df.filter(df.n > 1).count(), 2)
        self.assertEqual(df.where('n < 3').count(), 2)
        self.assertEqual(sorted(df.groupBy('k').count().collect()),
                         sorted([('x', 2), ('y', 1)]))
        got = df.groupBy('k').agg(F.sum('n').alias('s')).orderBy('k').collect()
        self.assertEqual(repr(got), "[Row(k='x', s=4), Row(k='y', s=2)]")
        self.assertEqual([r.n for r in df.orderBy(F.desc('n')).limit(2).collect()], [3, 2])
        self.assertEqual(df.withColumn('m', F.col('n') * 10).columns, ['k', 'n', 'm'])

    def test_create_data_frame_variants(self):
        from pyspark.sql import Row
        from pyspark.sql.types import StructType, StructField, IntegerType, StringType
        d1 = self.spark.createDataFrame([{'a': 1, 'b': 'x'}])
        self.assertEqual(d1.columns, ['a', 'b'])
        d2 = self.spark.createDataFrame([Row(a=1, b='x')])
        self.assertEqual(repr(d2.collect()), "[Row(a=1, b='x')]")
        d3 = self.spark.createDataFrame([(1, 'x')], 'a int, b string')
        self.assertEqual(d3.dtypes, [('a', 'int'), ('b', 'string')])
        schema = StructType([StructField('a', IntegerType(), False),
                             StructField('b', StringType(), True)])
        d4 = self.spark.createDataFrame([(1, 'x')], schema)
        self.assertEqual(d4.schema, schema)

    def test_create_data_frame_of_only_nulls(self):
        with self.assertRaises(ValueError) as cm:
            self.spark.createDataFrame([(None,)], ['a'])
        self.assertEqual(str(cm.exception), '[CANNOT_DETERMINE_TYPE] Some of types cannot be '
                                            'determined after inferring.')
        self.assertEqual(type(cm.exception).__name__, 'PySparkValueError')

    def test_to_pandas_needs_pandas(self):
        with self.assertRaises(ImportError) as cm:
            self.df.toPandas()
        self.assertEqual(str(cm.exception),
                         'Pandas >= 1.0.5 must be installed; however, it was not found.')
        self.assertEqual(len(cm.exception.livy_frames), 2)

    def test_rdd_of_dataframe(self):
        self.assertEqual(self.spark.range(3).rdd.map(lambda r: r.id * 10).collect(), [0, 10, 20])

    def test_to_json_like_sparkmagic(self):
        self.df.createOrReplaceTempView('t')
        got = self.spark.sql('SELECT * FROM t ORDER BY id').toJSON(use_unicode=True).take(2500)
        self.assertEqual(got, ['{"id":1,"v":"a"}', '{"id":2,"v":"b"}'])

    def test_sample_is_a_subset(self):
        rows = self.spark.range(100).sample(0.5, seed=3).collect()
        ids = [r.id for r in rows]
        self.assertTrue(set(ids) <= set(range(100)))
        self.assertEqual(ids, sorted(ids))

    def test_sql_context(self):
        sqlc = self.g['sqlContext']
        self.assertEqual(sqlc.sql('SELECT 2 AS two').collect()[0].two, 2)
        self.df.createOrReplaceTempView('tt')
        self.assertIn('tt', sqlc.tableNames())


if __name__ == '__main__':
    unittest.main()

"""Python UDFs, windows and saveAsTable through the facade (engine-backed)."""

import unittest

from pyspark_support import ENGINE, new_session


@unittest.skipUnless(ENGINE, 'spark_engine not available yet')
class Udfs(unittest.TestCase):
    def setUp(self):
        self.spark = new_session()['spark']
        self.df = self.spark.createDataFrame([(1, 'a'), (2, 'b'), (3, 'a')], ['id', 'v'])

    def test_udf_call_and_name(self):
        from pyspark.sql import functions as F
        from pyspark.sql.types import IntegerType
        plus = F.udf(lambda x: x + 1, IntegerType())
        self.assertEqual(repr(plus('id')), "Column<'<lambda>(id)'>")
        self.assertEqual(repr(self.df.select(plus('id')).collect()),
                         '[Row(<lambda>(id)=2), Row(<lambda>(id)=3), Row(<lambda>(id)=4)]')
        self.assertEqual(plus.__name__, '<lambda>')
        self.assertEqual(plus.returnType, IntegerType())

    def test_decorator_with_ddl_return_type(self):
        from pyspark.sql import functions as F

        @F.udf('string')
        def up(s):
            return s.upper()
        self.assertEqual([r.u for r in self.df.select(up(self.df.v).alias('u')).collect()],
                         ['A', 'B', 'A'])

    def test_failing_udf_is_a_python_exception(self):
        from pyspark.sql import functions as F
        bad = F.udf(lambda x: 1 / 0, 'double')
        with self.assertRaises(Exception) as cm:
            self.df.select(bad('id')).collect()
        e = cm.exception
        self.assertEqual(type(e).__module__ + '.' + type(e).__name__,
                         'pyspark.errors.exceptions.captured.PythonException')
        self.assertIn('An exception was thrown from the Python worker', str(e))
        self.assertIn('ZeroDivisionError: division by zero', str(e))

    def test_registered_udf_in_sql(self):
        self.spark.udf.register('plus1', lambda x: x + 1, 'int')
        self.assertEqual(repr(self.spark.sql('SELECT plus1(41) AS z').collect()), '[Row(z=42)]')


@unittest.skipUnless(ENGINE, 'spark_engine not available yet')
class Windows(unittest.TestCase):
    def test_row_number_and_partition_sum(self):
        from pyspark.sql import functions as F, Window
        spark = new_session()['spark']
        df = spark.createDataFrame([(1, 'a'), (2, 'b'), (3, 'a')], ['id', 'v'])
        w = Window.partitionBy('v').orderBy('id')
        got = df.select('id', F.row_number().over(w).alias('rn')).orderBy('id').collect()
        self.assertEqual([(r.id, r.rn) for r in got], [(1, 1), (2, 1), (3, 2)])
        got = df.withColumn('s', F.sum('id').over(Window.partitionBy('v'))).orderBy('id')
        self.assertEqual([r.s for r in got.collect()], [4, 2, 4])

    def test_window_bounds_are_java_longs(self):
        from pyspark.sql import Window
        self.assertEqual(Window.unboundedPreceding, -9223372036854775808)
        self.assertEqual(Window.unboundedFollowing, 9223372036854775807)
        self.assertEqual(Window.currentRow, 0)


@unittest.skipUnless(ENGINE, 'spark_engine not available yet')
class SaveAsTable(unittest.TestCase):
    def test_saved_table_is_listed_and_readable(self):
        spark = new_session()['spark']
        df = spark.createDataFrame([(1, 'a')], ['id', 'v'])
        df.write.saveAsTable('saved_t')
        self.assertIn("Table(name='saved_t', catalog='spark_catalog', namespace=['default'], "
                      "description=None, tableType='MANAGED', isTemporary=False)",
                      repr(spark.catalog.listTables()))
        self.assertEqual(spark.table('saved_t').count(), 1)


if __name__ == '__main__':
    unittest.main()

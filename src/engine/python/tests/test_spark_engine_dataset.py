"""The Dataset API (what pyspark and the Scala REPL call) behaves like Spark's Dataset[Row]."""

import datetime
import decimal
import unittest

from spark_engine import SparkSessionState, Row, AnalysisException, functions as F
from spark_engine import types as T


class CreateDatasetTest(unittest.TestCase):
    def setUp(self):
        self.s = SparkSessionState({})

    def test_tuples_with_names_infer_long_and_string(self):
        df = self.s.create_dataset([(1, 'a'), (2, 'b')], ['id', 'v'])
        self.assertEqual(repr(df.schema), "StructType([StructField('id', LongType(), True), StructField('v', StringType(), True)])")
        self.assertEqual(df.collect(), [Row(id=1, v='a'), Row(id=2, v='b')])
        self.assertEqual(df.tree_string(), 'root\n |-- id: long (nullable = true)\n |-- v: string (nullable = true)\n')

    def test_inference_of_python_values(self):
        df = self.s.create_dataset([(1.5, True, decimal.Decimal('1.5'), datetime.date(2024, 1, 2),
                                     datetime.datetime(2024, 1, 2, 3, 4), [1, 2], {'k': 'v'}, Row(a=1))])
        self.assertEqual(df.dtypes, [('_1', 'double'), ('_2', 'boolean'), ('_3', 'decimal(38,18)'),
                                     ('_4', 'date'), ('_5', 'timestamp'), ('_6', 'array<bigint>'),
                                     ('_7', 'map<string,string>'), ('_8', 'struct<a:bigint>')])
        self.assertEqual(df.collect()[0][7], Row(a=1))

    def test_dict_rows_sort_keys(self):
        df = self.s.create_dataset([{'b': 1, 'a': 'x'}])
        self.assertEqual(df.columns, ['a', 'b'])

    def test_explicit_schema_and_ddl(self):
        st = T.StructType([T.StructField('x', T.IntegerType(), False)])
        self.assertEqual(self.s.create_dataset([(1,)], st).schema, st)
        self.assertEqual(self.s.create_dataset([(1, 'a')], 'a INT, b STRING').dtypes, [('a', 'int'), ('b', 'string')])

    def test_all_null_column_cannot_be_inferred(self):
        with self.assertRaises(ValueError):
            self.s.create_dataset([(None,)], ['x'])


class TransformTest(unittest.TestCase):
    def setUp(self):
        self.s = SparkSessionState({})
        self.df = self.s.create_dataset([(1, 'a', 2.0), (2, 'b', None), (3, 'a', 4.5)], ['id', 'v', 'x'])

    def test_select_filter_where(self):
        self.assertEqual(self.df.select('v').first(), Row(v='a'))
        self.assertEqual(self.df.filter(F.col('id') > 1).count(), 2)
        self.assertEqual(self.df.where('x IS NULL').collect(), [Row(id=2, v='b', x=None)])

    def test_select_expr_names(self):
        ds = self.s.range(1, 4).selectExpr('id', 'id * id AS sq', 'id + 1')
        self.assertEqual(ds.columns, ['id', 'sq', '(id + 1)'])
        self.assertEqual(ds.show_string(), '+---+---+--------+\n| id| sq|(id + 1)|\n+---+---+--------+\n'
                                           '|  1|  1|       2|\n|  2|  4|       3|\n|  3|  9|       4|\n+---+---+--------+')

    def test_group_by_agg(self):
        g = self.df.groupBy('v').agg(F.count('*'), F.sum('id').alias('s')).orderBy('v')
        self.assertEqual(g.columns, ['v', 'count(1)', 's'])
        self.assertEqual([tuple(r) for r in g.collect()], [('a', 2, 4), ('b', 1, 2)])
        self.assertEqual(self.df.groupBy('v').count().orderBy('v').rows(), [('a', 2), ('b', 1)])
        self.assertEqual(self.df.groupBy().avg('id').rows(), [(2.0,)])

    def test_order_by_directions(self):
        self.assertEqual([r.id for r in self.df.orderBy(F.col('x').desc()).collect()], [3, 1, 2])
        self.assertEqual([r.id for r in self.df.orderBy('v', 'id', ascending=[True, False]).collect()], [3, 1, 2])
        self.assertEqual([r.id for r in self.df.sort(F.col('x').asc_nulls_last()).collect()], [1, 3, 2])

    def test_with_column_rename_drop(self):
        ds = self.df.withColumn('y', F.col('id') * 10).withColumnRenamed('v', 'w').drop('x')
        self.assertEqual(ds.columns, ['id', 'w', 'y'])
        self.assertEqual(ds.rows()[0], (1, 'a', 10))
        self.assertEqual(self.df.withColumn('id', F.lit(0)).columns, ['id', 'v', 'x'])

    def test_joins(self):
        other = self.s.create_dataset([(1, 'one'), (3, 'three')], ['id', 'name'])
        self.assertEqual(self.df.join(other, 'id').columns, ['id', 'v', 'x', 'name'])
        self.assertEqual(self.df.join(other, 'id', 'left_anti').rows(), [(2, 'b', None)])
        on = self.df.join(other, self.df['id'] == other['id'], 'left')
        self.assertEqual(on.columns, ['id', 'v', 'x', 'id', 'name'])
        self.assertEqual(sorted(on.rows())[1], (2, 'b', None, None, None))

    def test_dataframe_join_streams_through_the_shuffle(self):
        # both sides are LogicalRDDs (unknown size): AQE turns the sort-merge join into a
        # broadcast join reading the stream side per map task, bucket by bucket
        other = self.s.create_dataset([(1, 'one'), (3, 'three'), (2, 'two')], ['id', 'name'])
        rows = self.df.join(other, 'id').rows()
        self.assertEqual([r[0] for r in rows], [1, 3, 2])

    def test_sql_join_streams_the_bigger_side(self):
        self.s.sql("CREATE TEMP VIEW small AS SELECT * FROM VALUES (2, 'b'), (1, 'a') AS s(k, v)")
        self.s.sql("CREATE TEMP VIEW big AS SELECT * FROM VALUES (1, 'x'), (2, 'y'), (1, 'z') AS b(k, n)")
        # estimated sizes (8 + column default sizes) * rows: small 64 < big 96 -> broadcast small
        rows = self.s.sql('SELECT small.v, big.n FROM small JOIN big ON small.k = big.k').rows()
        self.assertEqual(rows, [('a', 'x'), ('b', 'y'), ('a', 'z')])

    def test_self_join_with_aliases(self):
        a, b = self.df.alias('a'), self.df.alias('b')
        ds = a.join(b, F.col('a.id') == F.col('b.id') + 1).select('a.id', 'b.v')
        self.assertEqual(sorted(ds.rows()), [(2, 'a'), (3, 'b')])

    def test_union_distinct_dedupe(self):
        self.assertEqual(self.df.union(self.df).count(), 6)
        self.assertEqual(self.df.union(self.df).distinct().count(), 3)
        self.assertEqual(self.df.dropDuplicates(['v']).count(), 2)
        self.assertEqual(self.df.unionByName(self.df.select('x', 'v', 'id')).rows()[3], (1, 'a', 2.0))

    def test_sample_is_deterministic_for_a_seed(self):
        big = self.s.range(100)
        a = big.sample(False, 0.3, 7).rows()
        self.assertEqual(a, big.sample(False, 0.3, 7).rows())
        self.assertTrue(0 < len(a) < 100)

    def test_actions(self):
        self.assertEqual(self.df.count(), 3)
        self.assertEqual(self.df.take(1), [Row(id=1, v='a', x=2.0)])
        self.assertEqual(self.df.head(), Row(id=1, v='a', x=2.0))
        self.assertEqual(len(self.df.head(2)), 2)
        self.assertEqual(self.s.range(10).count(), 10)
        self.assertEqual(self.s.range(0, 10, 3).rows(), [(0,), (3,), (6,), (9,)])

    def test_json_rows(self):
        self.assertEqual(self.df.to_json_rows(), ['{"id":1,"v":"a","x":2.0}', '{"id":2,"v":"b"}', '{"id":3,"v":"a","x":4.5}'])

    def test_temp_view_and_catalog(self):
        self.df.create_or_replace_temp_view('T1')
        self.assertEqual(self.s.sql('SELECT count(*) FROM t1').rows(), [(3,)])
        self.assertEqual([t.name for t in self.s.catalog.list_tables()], ['t1'])
        self.assertEqual(self.s.table('t1').count(), 3)
        self.assertTrue(self.s.catalog.drop_temp_view('t1'))

    def test_column_strings(self):
        self.assertEqual(repr(F.col('id') + 1), "Column<'(id + 1)'>")
        self.assertEqual(repr(F.sum('x').alias('s')), "Column<'sum(x) AS s'>")
        self.assertEqual(repr((F.col('a') > 1) & F.col('b').isNull()), "Column<'((a > 1) AND (b IS NULL))'>")

    def test_when_otherwise_and_isin(self):
        ds = self.df.select(F.when(F.col('id') > 1, 'big').otherwise('small').alias('sz'), F.col('id').isin(1, 3))
        self.assertEqual(ds.columns, ['sz', '(id IN (1, 3))'])
        self.assertEqual(ds.rows(), [('small', True), ('big', False), ('big', True)])

    def test_unknown_column_in_dataset_api(self):
        with self.assertRaises(AnalysisException) as cm:
            self.df.select('nope')
        self.assertEqual(cm.exception.error_class, 'UNRESOLVED_COLUMN.WITH_SUGGESTION')

    def test_col_regex(self):
        self.assertEqual(self.df.select(self.df.colRegex('`(id|x)`')).columns, ['id', 'x'])

    def test_global_temp_views_are_shared(self):
        self.df.create_or_replace_global_temp_view('gv')
        other = self.s.new_session()
        self.assertEqual(other.sql('SELECT count(*) FROM global_temp.gv').rows(), [(3,)])
        self.assertEqual(other.sql('SHOW TABLES IN global_temp').rows(), [('global_temp', 'gv', True)])
        self.assertTrue(other.catalog.drop_global_temp_view('gv'))

    def test_save_as_table_and_read_back(self):
        self.s.save_as_table('saved', self.df)
        self.assertEqual(self.s.table('default.saved').count(), 3)
        self.s.save_as_table('saved', self.df, mode='append')
        self.assertEqual(self.s.sql('SELECT count(*) FROM saved').rows(), [(6,)])
        self.assertEqual(self.s.sql('SHOW TABLES').rows(), [('default', 'saved', False)])

    def test_long_transformation_chain(self):
        ds = self.s.range(5)
        for i in range(150):
            ds = ds.withColumn('c%d' % (i % 3), F.col('id') + i)
        self.assertEqual(ds.columns, ['id', 'c0', 'c1', 'c2'])
        self.assertEqual(ds.rows()[0], (0, 147, 148, 149))

    def test_window_and_udf(self):
        w = F.window_spec(['v'], [F.col('id').desc()])
        ds = self.df.select('id', F.call_function('row_number').over(w).alias('rn')).orderBy('id')
        self.assertEqual(ds.rows(), [(1, 2), (2, 1), (3, 1)])
        plus = F.python_udf(lambda a: a + 100, T.LongType(), None, ['id'])
        self.assertEqual(self.df.select(plus).columns, ['<lambda>(id)'])
        self.assertEqual(self.df.select(plus).rows()[0], (101,))
        self.s.register_python_udf('twice', lambda a: a * 2, T.LongType())
        self.assertEqual(self.s.sql('SELECT twice(3)').rows(), [(6,)])


if __name__ == '__main__':
    unittest.main()

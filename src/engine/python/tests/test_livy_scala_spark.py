"""The Spark API from Scala: session probes, DataFrames, Datasets, columns, RDDs, errors."""

import unittest

from livy_scala_support import new_repl, text


class SessionProbeTest(unittest.TestCase):
    def setUp(self):
        self.r = new_repl()

    def test_spark_and_sc_print_as_jvm_objects(self):
        out = text(self.r.execute('spark'))
        self.assertRegex(out, r'^res0: org\.apache\.spark\.sql\.SparkSession = org\.apache\.spark\.sql\.SparkSession@[0-9a-f]+\n$')
        out2 = text(self.r.execute('spark'))
        # the same object keeps its identity hash
        self.assertEqual(out.split('@')[1], out2.split('@')[1])
        self.assertRegex(text(self.r.execute('sc')), r'^res2: org\.apache\.spark\.SparkContext = org\.apache\.spark\.SparkContext@[0-9a-f]+\n$')

    def test_versions_and_context_members(self):
        self.assertEqual(text(self.r.execute('spark.version')), 'res0: String = 3.5.9\n')
        self.assertEqual(text(self.r.execute('sc.version')), 'res1: String = 3.5.9\n')
        self.assertEqual(text(self.r.execute('sc.appName')), 'res2: String = livy-session-0\n')
        self.assertEqual(text(self.r.execute('sc.master')), 'res3: String = local[*]\n')
        self.assertEqual(text(self.r.execute('sc.applicationId')), 'res4: String = local-1700000000000\n')
        self.assertEqual(text(self.r.execute('sc.defaultParallelism')), 'res5: Int = 4\n')
        self.assertEqual(text(self.r.execute('spark.conf.get("spark.sql.shuffle.partitions")')), 'res6: String = 200\n')

    def test_unsupported_spark_member_says_so(self):
        out = self.r.execute('spark.read')
        self.assertEqual(out['status'], 'error')
        self.assertIn('not supported', out['evalue'])


class DataFrameTest(unittest.TestCase):
    def setUp(self):
        self.r = new_repl()

    def ex(self, code):
        return self.r.execute(code)

    def test_sql_returns_a_dataframe(self):
        self.assertEqual(text(self.ex('spark.sql("SELECT 1 AS one")')), 'res0: org.apache.spark.sql.DataFrame = [one: int]\n')

    def test_show_prints_table_and_a_newline(self):
        self.assertEqual(text(self.ex('spark.sql("SELECT 1 AS one").show()')), '+---+\n|one|\n+---+\n|  1|\n+---+\n\n')

    def test_range_is_a_long_dataset(self):
        self.assertEqual(text(self.ex('spark.range(3)')), 'res0: org.apache.spark.sql.Dataset[Long] = [id: bigint]\n')
        self.assertEqual(text(self.ex('spark.range(10).count()')), 'res1: Long = 10\n')

    def test_case_class_to_df(self):
        out = text(self.ex('case class Person(name: String, age: Int)\nval people = Seq(Person("x", 10), Person("y", 20)).toDF()'))
        self.assertEqual(out, 'defined class Person\npeople: org.apache.spark.sql.DataFrame = [name: string, age: int]\n')
        self.assertEqual(text(self.ex('people.count()')), 'res0: Long = 2\n')
        self.assertEqual(text(self.ex('people.collect()')), 'res1: Array[org.apache.spark.sql.Row] = Array([x,10], [y,20])\n')
        self.assertEqual(text(self.ex('people.as[Person].collect()')), 'res2: Array[Person] = Array(Person(x,10), Person(y,20))\n')
        self.assertEqual(text(self.ex('people.printSchema()')),
                         'root\n |-- name: string (nullable = true)\n |-- age: integer (nullable = false)\n\n')
        self.assertEqual(text(self.ex('people.columns')), 'res4: Array[String] = Array(name, age)\n')
        self.assertEqual(text(self.ex('people.schema')),
                         'res5: org.apache.spark.sql.types.StructType = StructType(StructField(name,StringType,true),StructField(age,IntegerType,false))\n')

    def test_to_ds_and_tuples(self):
        self.assertEqual(text(self.ex('Seq(1, 2).toDS()')), 'res0: org.apache.spark.sql.Dataset[Int] = [value: int]\n')
        self.assertEqual(text(self.ex('Seq((1, "a"), (2, "b")).toDF("id", "v")')), 'res1: org.apache.spark.sql.DataFrame = [id: int, v: string]\n')

    def test_transformations_with_string_and_column_arguments(self):
        self.ex('case class P(name: String, age: Int)')
        self.ex('val df = Seq(P("a", 1), P("b", 2), P("c", 3)).toDF()')
        self.assertEqual(text(self.ex('df.filter($"age" > 1).count()')), 'res0: Long = 2\n')
        self.assertEqual(text(self.ex('df.filter("age > 1").count()')), 'res1: Long = 2\n')
        self.assertEqual(text(self.ex('df.where(col("age") === 2).first()')), 'res2: org.apache.spark.sql.Row = [b,2]\n')
        self.assertEqual(text(self.ex('df.select("name").collect()')), 'res3: Array[org.apache.spark.sql.Row] = Array([a], [b], [c])\n')
        self.assertEqual(text(self.ex('df.orderBy($"age".desc).limit(2).show()')),
                         '+----+---+\n|name|age|\n+----+---+\n|   c|  3|\n|   b|  2|\n+----+---+\n\n')
        self.assertEqual(text(self.ex('df.agg(sum("age"), max("age")).show()')),
                         '+--------+--------+\n|sum(age)|max(age)|\n+--------+--------+\n|       6|       3|\n+--------+--------+\n\n')

    def test_temp_views_are_visible_to_sql(self):
        self.ex('Seq((1, "a"), (2, "b")).toDF("id", "v").createOrReplaceTempView("t_scala")')
        self.assertEqual(text(self.ex('spark.sql("SELECT * FROM t_scala").toJSON.collect()')),
                         'res1: Array[String] = Array({"id":1,"v":"a"}, {"id":2,"v":"b"})\n')

    def test_sparkmagic_sql_code(self):
        self.assertEqual(text(self.ex('spark.sql("""SELECT 1 AS one""").toJSON.take(2500).foreach(println)')), '{"one":1}\n')

    def test_columns_print_their_expression(self):
        self.assertEqual(text(self.ex('$"age"')), 'res0: org.apache.spark.sql.ColumnName = age\n')
        self.assertEqual(text(self.ex('col("age") + 1')), 'res1: org.apache.spark.sql.Column = (age + 1)\n')

    def test_wide_dataframe_repr_is_abbreviated(self):
        self.assertEqual(text(self.ex('spark.sql("SELECT 1 AS a, 2 AS b, 3 AS c")')),
                         'res0: org.apache.spark.sql.DataFrame = [a: int, b: int ... 1 more field]\n')

    def test_analysis_error_is_the_jvm_exception(self):
        out = self.ex('spark.sql("SELECT * FROM nope")')
        self.assertEqual(out['ename'], 'Error')
        self.assertEqual(out['evalue'], 'org.apache.spark.sql.catalyst.ExtendedAnalysisException: [TABLE_OR_VIEW_NOT_FOUND] '
                         'The table or view `nope` cannot be found. Verify the spelling and correctness of the schema and catalog.')
        self.assertEqual(out['traceback'][-1], '  ... 51 elided\n')
        self.assertEqual(out['traceback'][-2], '  at org.apache.spark.sql.SparkSession.sql(SparkSession.scala:744)\n')

    def test_sql_import_gives_bare_sql(self):
        self.assertEqual(text(self.ex('sql("SELECT 2 AS two").count()')), 'res0: Long = 1\n')


class RDDTest(unittest.TestCase):
    def setUp(self):
        self.r = new_repl()

    def test_parallelize_map_collect(self):
        self.assertEqual(text(self.r.execute('sc.parallelize(0 to 1).map { i => i+1 }.collect')), 'res0: Array[Int] = Array(1, 2)\n')

    def test_rdd_repr_names_its_call_site(self):
        out = text(self.r.execute('val rdd = sc.parallelize(Seq(1, 2, 3))'))
        self.assertRegex(out, r'^rdd: org\.apache\.spark\.rdd\.RDD\[Int\] = ParallelCollectionRDD\[\d+\] at parallelize at <console>:\d+\n$')
        self.assertEqual(text(self.r.execute('rdd.sum')), 'res0: Double = 6.0\n')
        self.assertEqual(text(self.r.execute('rdd.count()')), 'res1: Long = 3\n')


if __name__ == '__main__':
    unittest.main()


class SchemaAndRowTest(unittest.TestCase):
    def setUp(self):
        self.r = new_repl()

    def test_types_need_their_import(self):
        self.assertEqual(self.r.execute('StructType')['evalue'], '<console>:23: error: not found: value StructType')
        self.assertEqual(text(self.r.execute('import org.apache.spark.sql.types._')), 'import org.apache.spark.sql.types._\n')
        self.assertEqual(text(self.r.execute('IntegerType')), 'res1: org.apache.spark.sql.types.IntegerType.type = IntegerType\n')

    def test_create_data_frame_from_rows_and_schema(self):
        self.r.execute('import org.apache.spark.sql.types._')
        self.r.execute('import org.apache.spark.sql.Row')
        self.assertEqual(text(self.r.execute(
            'val schema = StructType(Seq(StructField("id", IntegerType, false), StructField("name", StringType)))')),
            'schema: org.apache.spark.sql.types.StructType = '
            'StructType(StructField(id,IntegerType,false),StructField(name,StringType,true))\n')
        self.r.execute('val rows = sc.parallelize(Seq(Row(1, "a"), Row(2, "b")))')
        self.assertEqual(text(self.r.execute('val d = spark.createDataFrame(rows, schema)')),
                         'd: org.apache.spark.sql.DataFrame = [id: int, name: string]\n')
        self.assertEqual(text(self.r.execute('d.printSchema()')),
                         'root\n |-- id: integer (nullable = false)\n |-- name: string (nullable = true)\n\n')
        self.assertEqual(text(self.r.execute('Row(1, "x")')), 'res1: org.apache.spark.sql.Row = [1,x]\n')

    def test_struct_type_builder(self):
        self.r.execute('import org.apache.spark.sql.types._')
        self.assertEqual(text(self.r.execute('new StructType().add("x", LongType)')),
                         'res0: org.apache.spark.sql.types.StructType = StructType(StructField(x,LongType,true))\n')

    def test_row_accessors(self):
        self.r.execute('case class P(name: String, age: Int)')
        self.r.execute('val df = Seq(P("a", 1), P("b", 2)).toDF()')
        self.assertEqual(text(self.r.execute('df.first().getAs[String]("name")')), 'res0: String = a\n')
        self.assertEqual(text(self.r.execute('df.first().getInt(1)')), 'res1: Int = 1\n')
        self.assertEqual(text(self.r.execute('df.collect().foreach(println)')), '[a,1]\n[b,2]\n')
        self.assertEqual(text(self.r.execute('df.map(r => r.getString(0)).collect()')), 'res3: Array[String] = Array(a, b)\n')

    def test_typed_dataset_operations(self):
        self.r.execute('case class P(name: String, age: Int)')
        self.r.execute('val ds = Seq(P("a", 1), P("b", 2)).toDS()')
        self.assertEqual(text(self.r.execute('ds.filter(_.age > 1).collect()')), 'res0: Array[P] = Array(P(b,2))\n')
        self.assertEqual(text(self.r.execute('ds.map(_.name.toUpperCase).collect()')), 'res1: Array[String] = Array(A, B)\n')
        self.assertEqual(text(self.r.execute('ds.select(count("*")).collect()')), 'res2: Array[org.apache.spark.sql.Row] = Array([2])\n')


class PairRDDTest(unittest.TestCase):
    def setUp(self):
        self.r = new_repl()

    def test_word_count(self):
        self.r.execute('val lines = sc.parallelize(Seq("to be or not to be", "that is the question"))')
        out = text(self.r.execute('val counts = lines.flatMap(_.split(" ")).map(w => (w, 1)).reduceByKey(_ + _)'))
        self.assertRegex(out, r'^counts: org\.apache\.spark\.rdd\.RDD\[\(String, Int\)\] = ShuffledRDD\[\d+\] at reduceByKey at <console>:\d+\n$')
        self.assertEqual(text(self.r.execute('counts.collect().sortBy(_._1).mkString(" ")')),
                         'res0: String = (be,2) (is,1) (not,1) (or,1) (question,1) (that,1) (the,1) (to,2)\n')

    def test_shuffle_output_follows_hash_partitions(self):
        # keys land in partition hashCode % 4 (defaultParallelism), partitions are concatenated
        out = text(self.r.execute('sc.parallelize(Seq((1, "a"), (2, "b"), (5, "c"), (4, "d"))).reduceByKey(_ + _).keys.collect()'))
        keys = out.split('Array(')[1].rstrip(')\n').split(', ')
        self.assertEqual(sorted(keys, key=lambda k: int(k) % 4), keys)

    def test_count_by_key(self):
        self.assertEqual(text(self.r.execute('sc.parallelize(Seq(("a", 1), ("b", 2), ("a", 3))).countByKey()("a")')),
                         'res0: Long = 2\n')

    def test_group_by_key_values(self):
        out = text(self.r.execute('sc.parallelize(Seq(("a", 1), ("a", 3))).groupByKey().mapValues(_.sum).collect()'))
        self.assertEqual(out, 'res0: Array[(String, Int)] = Array((a,4))\n')


class SharedVariablesTest(unittest.TestCase):
    def setUp(self):
        self.r = new_repl()

    def test_broadcast_value(self):
        self.assertEqual(text(self.r.execute('val b = sc.broadcast(Map("a" -> 1))')),
                         'b: org.apache.spark.broadcast.Broadcast[scala.collection.immutable.Map[String,Int]] = Broadcast(0)\n')
        self.assertEqual(text(self.r.execute('b.value("a")')), 'res0: Int = 1\n')

    def test_long_accumulator_takes_widened_ints(self):
        self.r.execute('val acc = sc.longAccumulator("n")')
        self.assertEqual(text(self.r.execute('sc.parallelize(1 to 5).foreach(x => acc.add(x))')), '')
        self.assertEqual(text(self.r.execute('acc.value')), 'res1: java.lang.Long = 15\n')
        self.assertEqual(text(self.r.execute('acc')),
                         'res2: org.apache.spark.util.LongAccumulator = LongAccumulator(id: 0, name: Some(n), value: 15)\n')

    def test_annotations_are_accepted(self):
        self.assertEqual(text(self.r.execute('@transient val x = 1')), 'x: Int = 1\n')

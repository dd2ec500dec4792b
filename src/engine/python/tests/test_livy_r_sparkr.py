"""SparkR on the session's Spark: probes, sql(), collect/head/showDF, createDataFrame, %%sql."""

import unittest

from livy_r_support import evalue, new_repl, text


class ProbesTest(unittest.TestCase):
    def test_spark_sc_and_sqlcontext_are_jvm_references_numbered_by_the_backend(self):
        r = new_repl()
        self.assertEqual(text(r.execute('spark')), 'Java ref type org.apache.spark.sql.SparkSession id 1 ')
        self.assertEqual(text(r.execute('sc')), 'Java ref type org.apache.spark.api.java.JavaSparkContext id 0 ')
        self.assertEqual(text(r.execute('sqlContext')), 'Java ref type org.apache.spark.sql.SQLContext id 2 ')

    def test_version(self):
        self.assertEqual(text(new_repl().execute('sparkR.version()')), '[1] "3.5.9"')


class SqlTest(unittest.TestCase):
    def setUp(self):
        self.r = new_repl()

    def out(self, code):
        return text(self.r.execute(code))

    def test_a_sparkdataframe_prints_its_columns_and_types(self):
        self.assertEqual(self.out('sql("SELECT 1 AS a, \'x\' AS b")'), 'SparkDataFrame[a:int, b:string]')

    def test_collect_and_head_give_r_data_frames(self):
        self.r.execute('df <- sql("SELECT id, CAST(id AS INT) AS i, id % 2 = 0 AS even FROM range(3)")')
        self.assertEqual(self.out('collect(df)'), '  id i  even\n1  0 0  TRUE\n2  1 1 FALSE\n3  2 2  TRUE')
        self.assertEqual(self.out('head(df, 1)'), '  id i even\n1  0 0 TRUE')
        # bigint comes back as numeric, int as integer.
        self.assertEqual(self.out('class(collect(df)$id)'), '[1] "numeric"')
        self.assertEqual(self.out('class(collect(df)$i)'), '[1] "integer"')

    def test_showdf_prints_sparks_table(self):
        self.assertEqual(self.out('showDF(sql("SELECT 1 AS one"))'), '+---+\n|one|\n+---+\n|  1|\n+---+')

    def test_counts(self):
        self.r.execute('df <- sql("SELECT * FROM range(4)")')
        self.assertEqual(self.out('count(df)'), '[1] 4')
        self.assertEqual(self.out('nrow(df)'), '[1] 4')
        self.assertEqual(self.out('ncol(df)'), '[1] 1')
        self.assertEqual(self.out('columns(df)'), '[1] "id"')

    def test_create_data_frame_from_a_data_frame(self):
        self.r.execute('people <- createDataFrame(data.frame(name = c("a", "b"), age = c(30L, NA), score = c(1.5, 2)))')
        self.assertEqual(self.out('printSchema(people)'),
                         'root\n |-- name: string (nullable = true)\n |-- age: integer (nullable = true)\n'
                         ' |-- score: double (nullable = true)')
        self.assertEqual(self.out('people'), 'SparkDataFrame[name:string, age:int, score:double]')
        self.r.execute('createOrReplaceTempView(people, "people")')
        self.assertEqual(self.out('collect(sql("SELECT name FROM people WHERE age IS NULL"))'), '  name\n1    b')

    def test_select_filter_and_arrange_take_strings(self):
        self.r.execute('df <- sql("SELECT * FROM range(5)")')
        self.assertEqual(self.out('collect(arrange(filter(df, "id > 2"), "id", decreasing = TRUE))'),
                         '  id\n1  4\n2  3')
        self.assertEqual(self.out('collect(selectExpr(limit(df, 1), "id + 1 AS n"))'), '  n\n1 1')

    def test_empty_results(self):
        self.assertEqual(self.out('collect(sql("SELECT 1 AS a WHERE false"))'),
                         '[1] a\n<0 rows> (or 0-length row.names)')

    def test_sql_failures_are_the_backends_stop(self):
        e = evalue(self.r.execute('sql("SELECT * FROM nope")'))
        self.assertTrue(e.startswith(
            '[1] "Error in handleErrors(returnStatus, conn): org.apache.spark.sql.catalyst.ExtendedAnalysisException: '
            '[TABLE_OR_VIEW_NOT_FOUND] The table or view `nope` cannot be found.'), e)
        self.assertIn('\\n\\tat org.apache.spark.api.r.RBackendHandler.handleMethodCall(RBackendHandler.scala:164)', e)
        self.assertTrue(e.endswith('\\tat java.base/java.lang.Thread.run(Thread.java:840)\\n"'), e[-80:])
        parse = evalue(self.r.execute('sql("SELEC 1")'))
        self.assertIn('org.apache.spark.sql.catalyst.parser.ParseException: \\n[PARSE_SYNTAX_ERROR]', parse)

    def test_sparkr_functions_want_a_sparkdataframe(self):
        self.assertEqual(evalue(self.r.execute('collect(1)')),
                         '[1] "Error in (function (classes, fdef, mtable) : unable to find an inherited method '
                         'for function \u2018collect\u2019 for signature \u2018\\"numeric\\"\u2019"')


class SparkmagicTest(unittest.TestCase):
    """The code sparkmagic sends for `%%sql` and `%%spark -o` in an R session."""

    def setUp(self):
        self.r = new_repl()
        self.r.execute('createOrReplaceTempView(createDataFrame(data.frame(k = c("a", "b"), v = c(3.14159, NA))), "t")')

    def test_sql_magic_rows_as_json(self):
        code = ('for (yQeKOYBsFgLWWGWZJu3y in (jsonlite:::toJSON(take(sql("SELECT * FROM t"),2500)))) '
                '{cat(yQeKOYBsFgLWWGWZJu3y)}')
        # jsonlite keeps 4 decimals and leaves missing values out of a row.
        self.assertEqual(text(self.r.execute(code)), '[{"k":"a","v":3.1416},{"k":"b"}]')

    def test_sql_magic_with_sampling(self):
        code = ('for (yQeKOYBsFgLWWGWZJu3y in (jsonlite:::toJSON(take(sample(sql("SELECT * FROM t"), FALSE, 1),2500)))) '
                '{cat(yQeKOYBsFgLWWGWZJu3y)}')
        self.assertEqual(text(self.r.execute(code)), '[{"k":"a","v":3.1416},{"k":"b"}]')

    def test_store_magic(self):
        self.r.execute('df <- sql("SELECT k FROM t")')
        code = 'for (yQeKOYBsFgLWWGWZJu3y in (jsonlite::toJSON(take(df,2500)))) {cat(yQeKOYBsFgLWWGWZJu3y)}'
        self.assertEqual(text(self.r.execute(code)), '[{"k":"a"},{"k":"b"}]')

    def test_send_to_spark_assigns_a_string(self):
        self.assertEqual(text(self.r.execute('assign("greeting","say \\"hi\\"")')), '')
        self.assertEqual(text(self.r.execute('greeting')), '[1] "say \\"hi\\""')

    def test_json_prints_like_jsonlite(self):
        self.assertEqual(text(self.r.execute('jsonlite::toJSON(c(1.5, 2))')), '[1.5,2] ')


if __name__ == '__main__':
    unittest.main()

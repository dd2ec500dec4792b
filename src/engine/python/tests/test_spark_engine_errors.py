"""Errors carry Spark 3.5's exact messages, JVM classes and frames."""

import json
import os
import unittest

from spark_engine import SparkSessionState, AnalysisException, ParseException, SparkThrowable

CORPUS = os.path.join(os.path.dirname(__file__), '..', '..', '..', '..', '..', 'shared', 'spark',
                      'answers-livy-0.9.0-spark-3.5.json')

NOT_FOUND = ("[TABLE_OR_VIEW_NOT_FOUND] The table or view `%s` cannot be found. Verify the spelling "
             "and correctness of the schema and catalog.\nIf you did not qualify the name with a "
             "schema, verify the current_schema() output, or qualify the name with the correct schema "
             "and catalog.\nTo tolerate the error on drop use DROP VIEW IF EXISTS or DROP TABLE IF EXISTS.")


def raised(fn):
    try:
        fn()
    except SparkThrowable as e:
        return e
    raise AssertionError('no error raised')


class TableNotFoundTest(unittest.TestCase):
    def setUp(self):
        self.s = SparkSessionState({})

    def test_message_position_and_plan(self):
        e = raised(lambda: self.s.sql('SELECT * FROM nope'))
        self.assertIsInstance(e, AnalysisException)
        self.assertEqual(e.java_class, 'org.apache.spark.sql.catalyst.ExtendedAnalysisException')
        self.assertEqual(e.error_class, 'TABLE_OR_VIEW_NOT_FOUND')
        self.assertEqual(e.java_message, NOT_FOUND % 'nope' + "; line 1 pos 14;\n'Project [*]\n+- 'UnresolvedRelation [nope], [], false\n")
        self.assertEqual(str(e), e.java_message)

    def test_position_follows_the_table_reference(self):
        e = raised(lambda: self.s.sql('SELECT id\nFROM   other_table WHERE id > 5'))
        self.assertIn('; line 2 pos 7;\n', e.java_message)
        self.assertTrue(e.java_message.endswith(
            "'Project ['id]\n+- 'Filter ('id > 5)\n   +- 'UnresolvedRelation [other_table], [], false\n"))

    def test_frames_run_from_throw_site_to_sql_entry(self):
        e = raised(lambda: self.s.sql('SELECT * FROM nope'))
        self.assertEqual(e.jvm_frames[0], 'org.apache.spark.sql.catalyst.analysis.package$AnalysisErrorAt.tableNotFound(package.scala:87)')
        self.assertEqual(e.jvm_frames[-1], 'org.apache.spark.sql.SparkSession.sql(SparkSession.scala:744)')
        self.assertEqual(len(e.jvm_frames), 40)

    def test_sort_plan_string(self):
        e = raised(lambda: self.s.sql('SELECT * FROM t1 ORDER BY id'))
        self.assertTrue(e.java_message.endswith(
            "'Sort ['id ASC NULLS FIRST], true\n+- 'Project [*]\n   +- 'UnresolvedRelation [t1], [], false\n"))

    @unittest.skipUnless(os.path.exists(CORPUS), 'recorded corpus not available here')
    def test_frames_match_recording(self):
        with open(CORPUS) as f:
            cases = dict((c['id'], c) for c in json.load(f)['cases'])
        e = raised(lambda: self.s.sql('SELECT * FROM nope'))
        tb = cases['sql-10']['answer']['output']['traceback']
        self.assertEqual(e.jvm_frames, tb[:len(e.jvm_frames)])
        self.assertEqual(e.jvm_frames[-1], 'org.apache.spark.sql.SparkSession.sql(SparkSession.scala:744)')


class ParseErrorTest(unittest.TestCase):
    def setUp(self):
        self.s = SparkSessionState({})

    def test_unknown_keyword(self):
        e = raised(lambda: self.s.sql('SELEC 1'))
        self.assertIsInstance(e, ParseException)
        self.assertEqual(e.java_class, 'org.apache.spark.sql.catalyst.parser.ParseException')
        self.assertEqual(e.java_message, "\n[PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'.(line 1, pos 0)\n\n== SQL ==\nSELEC 1\n^^^\n")
        self.assertEqual(e.jvm_frames[0], 'org.apache.spark.sql.catalyst.parser.ParseException.withCommand(parsers.scala:257)')

    def test_end_of_input(self):
        e = raised(lambda: self.s.sql('SELECT * FROM'))
        self.assertEqual(e.java_message, "\n[PARSE_SYNTAX_ERROR] Syntax error at or near end of input.(line 1, pos 13)\n\n== SQL ==\nSELECT * FROM\n-------------^^^\n")

    def test_error_on_second_line_marks_column(self):
        e = raised(lambda: self.s.sql('SELECT 1\nFROM ) x'))
        self.assertEqual(e.java_message, "\n[PARSE_SYNTAX_ERROR] Syntax error at or near ')'.(line 2, pos 5)\n\n== SQL ==\nSELECT 1\nFROM ) x\n-----^^^\n")


class ParseHintTest(unittest.TestCase):
    def setUp(self):
        self.s = SparkSessionState({})

    def msg(self, q):
        return raised(lambda: self.s.sql(q)).java_message

    def test_missing_paren_hint(self):
        self.assertTrue(self.msg('SELECT (1 + 2').startswith(
            "\n[PARSE_SYNTAX_ERROR] Syntax error at or near end of input: missing ')'.(line 1, pos 13)"))

    def test_single_extra_token_hint(self):
        self.assertTrue(self.msg('SELECT 1 2').startswith("\n[PARSE_SYNTAX_ERROR] Syntax error at or near '2': extra input '2'.(line 1, pos 9)"))

    def test_several_extra_tokens_no_hint(self):
        self.assertTrue(self.msg('SELECT 1 2 3').startswith("\n[PARSE_SYNTAX_ERROR] Syntax error at or near '2'.(line 1, pos 9)"))

    def test_empty_statement(self):
        self.assertTrue(self.msg('  ').startswith('\n[PARSE_EMPTY_STATEMENT] Syntax error, unexpected empty statement.'))

    def test_unresolved_having_plan(self):
        m = self.msg('SELECT v, count(*) FROM nope GROUP BY v HAVING count(*) > 1')
        self.assertTrue(m.endswith("'UnresolvedHaving ('count(1) > 1)\n+- 'Aggregate ['v], ['v, unresolvedalias('count(1), None)]\n"
                                   "   +- 'UnresolvedRelation [nope], [], false\n"))

    def test_unresolved_operator_strings(self):
        m = self.msg("SELECT a FROM nope WHERE a LIKE 'x%' AND b IS NULL AND c IN (1, 2)")
        self.assertIn("'Filter (('a LIKE x% AND isnull('b)) AND 'c IN (1,2))", m)


class ResolutionErrorTest(unittest.TestCase):
    def setUp(self):
        self.s = SparkSessionState({})

    def test_unresolved_column_with_suggestions_sorted_by_distance(self):
        e = raised(lambda: self.s.sql('SELECT idd FROM range(3)'))
        self.assertEqual(e.java_message, "[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `idd` cannot be resolved. Did you mean one of the following? [`id`].; line 1 pos 7;\n'Project ['idd]\n+- Range (0, 3, step=1, splits=None)\n")

    def test_unresolved_column_without_input(self):
        e = raised(lambda: self.s.sql('SELECT x'))
        self.assertEqual(e.error_class, 'UNRESOLVED_COLUMN.WITHOUT_SUGGESTION')
        self.assertTrue(e.java_message.startswith("[UNRESOLVED_COLUMN.WITHOUT_SUGGESTION] A column or function parameter with name `x` cannot be resolved.; line 1 pos 7;\n"))

    def test_dataframe_api_error_has_no_position(self):
        df = self.s.create_dataset([(1, 'a')], ['id', 'v'])
        e = raised(lambda: df.select('x'))
        self.assertTrue(e.java_message.startswith(
            "[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `x` cannot be resolved. Did you mean one of the following? [`v`, `id`].;\n'Project ['x]\n+- LogicalRDD [id#"))

    def test_unresolved_routine(self):
        e = raised(lambda: self.s.sql('SELECT nosuchfn(1)'))
        self.assertEqual(e.java_class, 'org.apache.spark.sql.AnalysisException')
        self.assertEqual(e.java_message, '[UNRESOLVED_ROUTINE] Cannot resolve function `nosuchfn` on search path [`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`].; line 1 pos 7')

    def test_missing_aggregation(self):
        e = raised(lambda: self.s.sql('SELECT id, count(*) FROM range(3)'))
        self.assertEqual(e.error_class, 'MISSING_AGGREGATION')
        self.assertIn('The non-aggregating expression "id" is based on columns which are not participating in the GROUP BY clause.', e.java_message)

    def test_type_mismatch(self):
        e = raised(lambda: self.s.sql('SELECT array(1) + 1'))
        self.assertTrue(e.error_class.startswith('DATATYPE_MISMATCH'))

    def test_ambiguous_reference(self):
        e = raised(lambda: self.s.sql('SELECT id FROM range(2) a JOIN range(2) b ON a.id = b.id'))
        self.assertEqual(e.error_class, 'AMBIGUOUS_REFERENCE')
        self.assertIn('[AMBIGUOUS_REFERENCE] Reference `id` is ambiguous, could be: [`a`.`id`, `b`.`id`].', e.java_message)

    def test_union_column_count(self):
        e = raised(lambda: self.s.sql('SELECT 1 UNION SELECT 1, 2'))
        self.assertEqual(e.error_class, 'NUM_COLUMNS_MISMATCH')

    def test_ansi_divide_by_zero(self):
        self.s.conf.set('spark.sql.ansi.enabled', 'true')
        e = raised(lambda: self.s.sql('SELECT 1/0').rows())
        self.assertEqual(e.error_class, 'DIVIDE_BY_ZERO')
        self.assertEqual(e.java_class, 'org.apache.spark.SparkArithmeticException')
        self.assertTrue(e.java_message.startswith('[DIVIDE_BY_ZERO] Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead. If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error.'))

    def test_drop_missing_view_names_it_fully_qualified(self):
        e = raised(lambda: self.s.sql('DROP VIEW nope'))
        self.assertEqual(e.java_class, 'org.apache.spark.sql.catalyst.analysis.NoSuchTableException')
        self.assertTrue(e.java_message.startswith('[TABLE_OR_VIEW_NOT_FOUND] The table or view `spark_catalog`.`default`.`nope` cannot be found.'))
        self.assertTrue(e.java_message.endswith('DROP TABLE IF EXISTS.'))
        self.s.sql('DROP VIEW IF EXISTS nope')

    def test_missing_conf_key(self):
        e = raised(lambda: self.s.conf.get('spark.nope'))
        self.assertEqual(e.java_message, '[SQL_CONF_NOT_FOUND] The SQL config "spark.nope" cannot be found. Verify that the config exists.')


if __name__ == '__main__':
    unittest.main()

"""The Scala REPL as Livy's `spark` kind answers: echo lines, resN, errors, line handling."""

import unittest

from livy_scala_support import new_repl, text


class ReplEchoTest(unittest.TestCase):
    def setUp(self):
        self.r = new_repl()

    def ex(self, code):
        return self.r.execute(code)

    def test_expression_gets_the_next_res_name(self):
        self.assertEqual(text(self.ex('1 + 1')), 'res0: Int = 2\n')
        self.assertEqual(text(self.ex('"abc".toUpperCase')), 'res1: String = ABC\n')

    def test_unit_expression_prints_nothing_but_consumes_a_res_name(self):
        self.assertEqual(text(self.ex('println("hi")')), 'hi\n')
        self.assertEqual(text(self.ex('2 * 3')), 'res1: Int = 6\n')

    def test_val_and_var_echo_name_type_value(self):
        self.assertEqual(text(self.ex('val x = 5')), 'x: Int = 5\n')
        self.assertEqual(text(self.ex('var name = "bob"')), 'name: String = bob\n')
        self.assertEqual(text(self.ex('x * 2')), 'res0: Int = 10\n')

    def test_assignment_echoes_the_variable_and_takes_no_res_name(self):
        self.ex('var v = 1')
        self.assertEqual(text(self.ex('v = v + 10')), 'v: Int = 11\n')
        self.assertEqual(text(self.ex('v')), 'res0: Int = 11\n')

    def test_def_echoes_its_signature(self):
        self.assertEqual(text(self.ex('def sq(n: Int) = n * n\nsq(7)')), 'sq: (n: Int)Int\nres0: Int = 49\n')
        self.assertEqual(text(self.ex('def add(a: Int, b: Long): Long = a + b')), 'add: (a: Int, b: Long)Long\n')
        self.assertEqual(text(self.ex('def hello() = println("hi")')), 'hello: ()Unit\n')
        self.assertEqual(text(self.ex('def ident[T](x: T) = x')), 'ident: [T](x: T)T\n')
        self.assertEqual(text(self.ex('ident("a")')), 'res1: String = a\n')

    def test_case_class_is_defined_and_prints_as_scala(self):
        self.assertEqual(text(self.ex('case class Pt(x: Int, y: Int)')), 'defined class Pt\n')
        self.assertEqual(text(self.ex('Pt(1, 2)')), 'res0: Pt = Pt(1,2)\n')
        self.assertEqual(text(self.ex('Pt(1, 2).y')), 'res1: Int = 2\n')
        self.assertEqual(text(self.ex('Seq(Pt(1, 2)) == Seq(Pt(1, 2))')), 'res2: Boolean = true\n')

    def test_import_is_echoed(self):
        self.assertEqual(text(self.ex('import spark.implicits._')), 'import spark.implicits._\n')
        self.assertEqual(text(self.ex('import org.apache.spark.sql.functions._')),
                         'import org.apache.spark.sql.functions._\n')

    def test_each_line_of_a_statement_is_a_request_and_outputs_concatenate(self):
        out = text(self.ex('val a = 1\n\nval b = 2\n\na + b'))
        # blank lines are requests too: they use up res0 and res1
        self.assertEqual(out, 'a: Int = 1\nb: Int = 2\nres2: Int = 3\n')

    def test_print_output_keeps_order_and_no_newline(self):
        self.assertEqual(text(self.ex('print(1)\nprint(2)')), '12')
        self.assertEqual(text(self.ex('println(1)\nprintln(2)')), '1\n2\n')

    def test_request_output_comes_before_its_echo(self):
        self.assertEqual(text(self.ex('val u = { println("side"); 3 }')), 'side\nu: Int = 3\n')

    def test_incomplete_lines_are_joined_with_the_next(self):
        # Livy sends line by line: a first line complete on its own runs alone, so a
        # leading-dot continuation is a syntax error, as in real Livy
        out = self.ex('val total = List(1, 2, 3)\n  .map(_ * 2)')
        self.assertEqual(out['evalue'], '<console>:1: error: illegal start of definition')
        self.assertEqual(out['traceback'], ['  .map(_ * 2)\n', '  ^\n'])
        out2 = self.ex('val t2 = List(1, 2,\n  3).sum')
        self.assertEqual(text(out2), 't2: Int = 6\n')

    def test_block_spanning_lines(self):
        self.assertEqual(text(self.ex('val a = {\n  val b = 2\n  b * 3\n}')), 'a: Int = 6\n')

    def test_comments_only_statement_is_empty_success(self):
        self.assertEqual(text(self.ex('// nothing here')), '')
        self.assertEqual(text(self.ex('val r = 1\n// trailing comment')), 'r: Int = 1\n')
        self.assertEqual(text(self.ex('val r2 = 1\n/*\ncomment\n*/')), 'r2: Int = 1\n')

    def test_incomplete_statement_error(self):
        out = self.ex('List(1,')
        self.assertEqual(out, {'status': 'error', 'ename': 'Error', 'evalue': 'incomplete statement', 'traceback': []})

    def test_multiline_string_value_starts_on_a_new_line(self):
        self.assertEqual(text(self.ex('val s = """a\nb"""')), 's: String = \na\nb\n')

    def test_multiple_statements_on_one_line(self):
        self.assertEqual(text(self.ex('val q = 1; val w = q + 1; w * 10')), 'q: Int = 1\nw: Int = 2\nres0: Int = 20\n')

    def test_null_and_unit_values(self):
        self.assertEqual(text(self.ex('null')), 'res0: Null = null\n')
        self.assertEqual(text(self.ex('val u = println("x")')), 'x\nu: Unit = ()\n')


class ReplErrorTest(unittest.TestCase):
    def setUp(self):
        self.r = new_repl()

    def ex(self, code):
        return self.r.execute(code)

    def test_runtime_exception_is_error_with_elided_frames(self):
        self.assertEqual(self.ex('1 / 0'), {
            'status': 'error', 'ename': 'Error', 'evalue': 'java.lang.ArithmeticException: / by zero',
            'traceback': ['  ... 51 elided\n']})

    def test_thrown_exception(self):
        out = self.ex('throw new RuntimeException("boom")')
        self.assertEqual(out['evalue'], 'java.lang.RuntimeException: boom')
        self.assertEqual(out['traceback'], ['  ... 51 elided\n'])
        out = self.ex('throw new IllegalArgumentException("bad arg")')
        self.assertEqual(out['evalue'], 'java.lang.IllegalArgumentException: bad arg')

    def test_not_found_value_counts_the_wrapper_lines(self):
        self.assertEqual(self.ex('undefinedName'), {
            'status': 'error', 'ename': 'Error', 'evalue': '<console>:23: error: not found: value undefinedName',
            'traceback': ['       undefinedName\n', '       ^\n']})

    def test_type_mismatch_on_a_val(self):
        self.assertEqual(self.ex('val y: Int = "str"'), {
            'status': 'error', 'ename': 'Error', 'evalue': '<console>:22: error: type mismatch;',
            'traceback': [' found   : String("str")\n', ' required: Int\n',
                          '       val y: Int = "str"\n', '                    ^\n']})

    def test_other_names_other_values_same_rules(self):
        out = self.ex('val count: Boolean = 42')
        self.assertEqual(out['evalue'], '<console>:22: error: type mismatch;')
        self.assertEqual(out['traceback'][:2], [' found   : Int(42)\n', ' required: Boolean\n'])
        out = self.ex('someOtherName')
        self.assertEqual(out['evalue'], '<console>:23: error: not found: value someOtherName')

    def test_referencing_an_earlier_value_adds_import_lines(self):
        self.ex('val x = 10')
        out = self.ex('x + undefinedName')
        self.assertEqual(out['evalue'], '<console>:25: error: not found: value undefinedName')
        self.assertEqual(out['traceback'], ['       x + undefinedName\n', '           ^\n'])

    def test_compile_error_consumes_the_res_name(self):
        self.ex('undefinedName')
        self.assertEqual(text(self.ex('1')), 'res1: Int = 1\n')

    def test_member_not_found(self):
        out = self.ex('"abc".foo')
        self.assertEqual(out['evalue'], '<console>:23: error: value foo is not a member of String')
        self.assertEqual(out['traceback'], ['       "abc".foo\n', '             ^\n'])

    def test_wrong_argument_count(self):
        self.ex('def add(a: Int, b: Int): Int = a + b')
        out = self.ex('add(1)')
        self.assertEqual(out['evalue'], '<console>:25: error: not enough arguments for method add: (a: Int, b: Int)Int.')
        self.assertEqual(out['traceback'][0], 'Unspecified value parameter b.\n')
        out = self.ex('add(1, 2, 3)')
        self.assertEqual(out['evalue'], '<console>:25: error: too many arguments (3) for method add: (a: Int, b: Int)Int')

    def test_reassignment_to_val(self):
        self.ex('val fixed = 1')
        out = self.ex('fixed = 2')
        self.assertEqual(out['evalue'], '<console>:24: error: reassignment to val')

    def test_syntax_error_is_reported_on_the_raw_line(self):
        self.assertEqual(self.ex('val = 5'), {
            'status': 'error', 'ename': 'Error', 'evalue': '<console>:1: error: illegal start of simple pattern',
            'traceback': ['val = 5\n', '    ^\n']})

    def test_error_stops_the_statement_and_drops_earlier_output(self):
        out = self.ex('val ok = 1\n1 / 0\nval never = 2')
        self.assertEqual(out['evalue'], 'java.lang.ArithmeticException: / by zero')
        self.assertNotIn('never', text(self.ex('"check"')))

    def test_output_before_an_exception_in_the_same_request_leads_the_error(self):
        out = self.ex('println("before"); 1 / 0')
        self.assertEqual(out['evalue'], 'before')
        self.assertEqual(out['traceback'], ['java.lang.ArithmeticException: / by zero\n', '  ... 51 elided\n'])

    def test_number_format_exception_has_jvm_frames(self):
        out = self.ex('"x".toInt')
        self.assertEqual(out['evalue'], 'java.lang.NumberFormatException: For input string: "x"')
        self.assertEqual(out['traceback'][-1], '  ... 51 elided\n')
        self.assertIn('  at scala.collection.immutable.StringOps.toInt(StringOps.scala:33)\n', out['traceback'])

    def test_collection_errors(self):
        self.assertEqual(self.ex('List[Int]().head')['evalue'], 'java.util.NoSuchElementException: head of empty list')
        self.assertEqual(self.ex('List(1, 2)(5)')['evalue'], 'java.lang.IndexOutOfBoundsException: 5')
        self.assertEqual(self.ex('Array(1, 2)(2)')['evalue'],
                         'java.lang.ArrayIndexOutOfBoundsException: Index 2 out of bounds for length 2')
        self.assertEqual(self.ex('Map("a" -> 1)("b")')['evalue'], 'java.util.NoSuchElementException: key not found: b')
        self.assertEqual(self.ex('None.get')['evalue'], 'java.util.NoSuchElementException: None.get')

    def test_unsupported_syntax_is_a_compile_error_not_silence(self):
        out = self.ex('object Foo { val a = 1 }')
        self.assertEqual(out['status'], 'error')
        self.assertTrue(out['evalue'].startswith('<console>:'), out)
        self.assertIn('error:', out['evalue'])

    def test_try_catch(self):
        self.assertEqual(text(self.ex('try { 1 / 0 } catch { case e: ArithmeticException => -1 }')), 'res0: Int = -1\n')
        self.assertEqual(text(self.ex('try { "x".toInt } catch { case e: Exception => e.getMessage.length }')), 'res1: Int = 21\n')


class MagicTest(unittest.TestCase):
    def setUp(self):
        self.r = new_repl()

    def test_table_magic_uses_the_last_value(self):
        out = self.r.execute('val x = List(List(1, "a"), List(3, "b"))\n%table x')
        self.assertEqual(out, {'status': 'ok', 'data': {'application/vnd.livy.table.v1+json': {
            'headers': [{'type': 'BIGINT_TYPE', 'name': '0'}, {'type': 'STRING_TYPE', 'name': '1'}],
            'data': [[1, 'a'], [3, 'b']]}}})

    def test_magic_after_a_unit_statement_finds_no_value(self):
        self.r.execute('val ps = Seq(1, 2)')
        self.r.execute('println(1)')
        self.assertEqual(self.r.execute('%table ps'), {
            'status': 'error', 'ename': 'NameError', 'evalue': 'Value ps does not exist', 'traceback': []})

    def test_text_after_magic_replaces_its_output(self):
        out = self.r.execute('val x = List(List(1, "a"), List(3, "b"))\n%table x\n1 + 2')
        self.assertEqual(out, {'status': 'ok', 'data': {'text/plain': 'res0: Int = 3\n'}})

    def test_json_magic(self):
        out = self.r.execute('val m = Map("a" -> 1)\n%json m')
        self.assertEqual(out, {'status': 'ok', 'data': {'application/json': {'a': 1}}})

    def test_unknown_magic(self):
        self.assertEqual(self.r.execute('%foo x'), {
            'status': 'error', 'ename': 'UnknownMagic', 'evalue': 'Unknown magic command foo', 'traceback': []})


if __name__ == '__main__':
    unittest.main()


class EchoTruncationTest(unittest.TestCase):
    def test_long_results_are_cut_at_800_characters(self):
        out = text(new_repl().execute('(1 to 1000).toList'))
        self.assertEqual(len(out), 801)
        self.assertTrue(out.startswith('res0: List[Int] = List(1, 2, 3'))
        self.assertTrue(out.endswith('...\n'))

    def test_printed_output_is_not_cut(self):
        out = text(new_repl().execute('println("x" * 1000)'))
        self.assertEqual(out, 'x' * 1000 + '\n')

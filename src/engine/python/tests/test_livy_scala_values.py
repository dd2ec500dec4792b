"""Scala semantics of the subset: typing, arithmetic, collections, strings, and REPL reprs."""

import unittest

from livy_scala_support import new_repl, text


class _Base(unittest.TestCase):
    def setUp(self):
        self.r = new_repl()

    def val(self, code):
        """The echo of a one-expression statement, without the `resN: ` prefix."""
        out = text(self.r.execute(code))
        self.assertTrue(out.startswith('res'), out)
        return out.split(': ', 1)[1]


class NumbersTest(_Base):
    def test_int_overflow_wraps(self):
        self.assertEqual(self.val('Int.MaxValue + 1'), 'Int = -2147483648\n')
        self.assertEqual(self.val('2147483647 * 2'), 'Int = -2\n')
        self.assertEqual(self.val('Long.MaxValue + 1'), 'Long = -9223372036854775808\n')

    def test_integer_division_and_remainder_truncate(self):
        self.assertEqual(self.val('-7 / 2'), 'Int = -3\n')
        self.assertEqual(self.val('-7 % 3'), 'Int = -1\n')
        self.assertEqual(self.val('7 / 2'), 'Int = 3\n')

    def test_numeric_widening(self):
        self.assertEqual(self.val('1L + 2'), 'Long = 3\n')
        self.assertEqual(self.val('5 / 2.0'), 'Double = 2.5\n')
        self.assertEqual(self.val("'a' + 1"), 'Int = 98\n')
        self.assertEqual(self.val('Seq(1, 2.5)'), 'Seq[Double] = List(1.0, 2.5)\n')

    def test_double_and_float_print_as_java(self):
        self.assertEqual(self.val('1.5 * 2'), 'Double = 3.0\n')
        self.assertEqual(self.val('1e10'), 'Double = 1.0E10\n')
        self.assertEqual(self.val('0.001'), 'Double = 0.001\n')
        self.assertEqual(self.val('1.0E-5'), 'Double = 1.0E-5\n')
        self.assertEqual(self.val('100000000.0'), 'Double = 1.0E8\n')
        self.assertEqual(self.val('0.1 + 0.2'), 'Double = 0.30000000000000004\n')
        self.assertEqual(self.val('1.0f / 3'), 'Float = 0.33333334\n')
        self.assertEqual(self.val('10.0 / 0'), 'Double = Infinity\n')
        self.assertEqual(self.val('Double.NaN'), 'Double = NaN\n')

    def test_conversions(self):
        self.assertEqual(self.val('3.7.toInt'), 'Int = 3\n')
        self.assertEqual(self.val('7.toDouble'), 'Double = 7.0\n')
        self.assertEqual(self.val('"42".toInt + 1'), 'Int = 43\n')
        self.assertEqual(self.val('"3.5".toDouble'), 'Double = 3.5\n')
        self.assertEqual(self.val('65.toChar'), 'Char = A\n')

    def test_comparisons_and_booleans(self):
        self.assertEqual(self.val('1 == 1.0'), 'Boolean = true\n')
        self.assertEqual(self.val('3 > 2 && !(1 > 2)'), 'Boolean = true\n')
        self.assertEqual(self.val('"b" > "a"'), 'Boolean = true\n')
        self.assertEqual(self.val('Array(1) == Array(1)'), 'Boolean = false\n')

    def test_math(self):
        self.assertEqual(self.val('math.max(3, 7)'), 'Int = 7\n')
        self.assertEqual(self.val('math.sqrt(16)'), 'Double = 4.0\n')
        self.assertEqual(self.val('math.pow(2, 10)'), 'Double = 1024.0\n')
        self.assertEqual(self.val('10 max 3'), 'Int = 10\n')
        self.assertEqual(self.val('(-5).abs'), 'Int = 5\n')


class StringsTest(_Base):
    def test_string_methods(self):
        self.assertEqual(self.val('"hello".length'), 'Int = 5\n')
        self.assertEqual(self.val('"hello".substring(1, 3)'), 'String = el\n')
        self.assertEqual(self.val('"  pad  ".trim'), 'String = pad\n')
        self.assertEqual(self.val('"hello".replace("l", "L")'), 'String = heLLo\n')
        self.assertEqual(self.val('"hello".contains("ell")'), 'Boolean = true\n')
        self.assertEqual(self.val('"hello".startsWith("he")'), 'Boolean = true\n')
        self.assertEqual(self.val('"hello".charAt(1)'), 'Char = e\n')
        self.assertEqual(self.val('"ab" * 3'), 'String = ababab\n')
        self.assertEqual(self.val('"hello".reverse'), 'String = olleh\n')

    def test_split_drops_trailing_empty_strings(self):
        self.assertEqual(self.val('"a,b,,c,,".split(",")'), 'Array[String] = Array(a, b, "", c)\n'.replace('""', ''))

    def test_interpolation(self):
        self.r.execute('val v = 11')
        self.assertEqual(self.val('s"v=$v and ${v + 1}"'), 'String = v=11 and 12\n')
        self.assertEqual(self.val('f"${3.14159}%.2f"'), 'String = 3.14\n')

    def test_number_format_error_for_other_strings(self):
        out = self.r.execute('"12a".toInt')
        self.assertEqual(out['evalue'], 'java.lang.NumberFormatException: For input string: "12a"')


class CollectionsTest(_Base):
    def test_collection_reprs(self):
        self.assertEqual(self.val('Seq(1, 2, 3)'), 'Seq[Int] = List(1, 2, 3)\n')
        self.assertEqual(self.val('List("a", "b")'), 'List[String] = List(a, b)\n')
        self.assertEqual(self.val('Array(1, 2)'), 'Array[Int] = Array(1, 2)\n')
        self.assertEqual(self.val('Map("a" -> 1)'), 'scala.collection.immutable.Map[String,Int] = Map(a -> 1)\n')
        self.assertEqual(self.val('(1, "a")'), '(Int, String) = (1,a)\n')
        self.assertEqual(self.val('Vector(1, 2)'), 'Vector[Int] = Vector(1, 2)\n')
        self.assertEqual(self.val('List()'), 'List[Nothing] = List()\n')
        self.assertEqual(self.val('Some(1)'), 'Some[Int] = Some(1)\n')
        self.assertEqual(self.val('None'), 'None.type = None\n')
        self.assertEqual(self.val('1 to 3'), 'scala.collection.immutable.Range.Inclusive = Range(1, 2, 3)\n')

    def test_map_filter_reduce_chain(self):
        self.assertEqual(self.val('List(1, 2, 3).map(_ * 2).filter(x => x > 2).sum'), 'Int = 10\n')
        self.assertEqual(self.val('List(1, 2, 3).reduce(_ + _)'), 'Int = 6\n')
        self.assertEqual(self.val('List(1, 2, 3).foldLeft(0)(_ + _)'), 'Int = 6\n')
        self.assertEqual(self.val('Seq(3, 1, 2).sorted'), 'Seq[Int] = List(1, 2, 3)\n')
        self.assertEqual(self.val('Seq(3, 1, 2).sortBy(x => -x)'), 'Seq[Int] = List(3, 2, 1)\n')
        self.assertEqual(self.val('Seq(3, 1, 2).mkString(",")'), 'String = 3,1,2\n')
        self.assertEqual(self.val('List(1, 2, 3, 4).take(2).reverse'), 'List[Int] = List(2, 1)\n')
        self.assertEqual(self.val('List(1, 2, 3).contains(2)'), 'Boolean = true\n')
        self.assertEqual(self.val('List(1, 2).head'), 'Int = 1\n')
        self.assertEqual(self.val('List(1, 2, 3).length'), 'Int = 3\n')

    def test_tuples_and_zip(self):
        self.assertEqual(self.val('List("a", "b").zipWithIndex'), 'List[(String, Int)] = List((a,0), (b,1))\n')
        self.assertEqual(self.val('List(1, 2, 3, 4).partition(_ > 2)'), '(List[Int], List[Int]) = (List(3, 4),List(1, 2))\n')
        self.assertEqual(text(self.r.execute('val (a, b) = (1, "x")')), 'a: Int = 1\nb: String = x\n')

    def test_foreach_prints_in_order(self):
        self.assertEqual(text(self.r.execute('Seq(3, 1, 2).foreach(println)')), '3\n1\n2\n')
        self.assertEqual(text(self.r.execute('for (i <- 1 to 3) println(i)')), '1\n2\n3\n')

    def test_for_yield(self):
        self.assertEqual(self.val('for (i <- List(1, 2, 3) if i > 1) yield i * 10'), 'List[Int] = List(20, 30)\n')

    def test_maps(self):
        self.r.execute('val m = Map("a" -> 1, "b" -> 2)')
        self.assertEqual(self.val('m("a")'), 'Int = 1\n')
        self.assertEqual(self.val('m.get("c")'), 'Option[Int] = None\n')
        self.assertEqual(self.val('m.getOrElse("c", 0)'), 'Int = 0\n')
        self.assertEqual(self.val('m + ("c" -> 3)'), 'scala.collection.immutable.Map[String,Int] = Map(a -> 1, b -> 2, c -> 3)\n')
        self.assertEqual(self.val('m.map { case (k, v) => (k, v * 2) }'), 'scala.collection.immutable.Map[String,Int] = Map(a -> 2, b -> 4)\n')
        self.assertEqual(self.val('m.keys'), 'Iterable[String] = Set(a, b)\n')

    def test_larger_maps_and_sets_use_hash_order(self):
        self.assertEqual(self.val('Map(1 -> "a", 2 -> "b", 3 -> "c", 4 -> "d", 5 -> "e")'),
                         'scala.collection.immutable.Map[Int,String] = Map(5 -> e, 1 -> a, 2 -> b, 3 -> c, 4 -> d)\n')
        self.assertEqual(self.val('Set(1, 2, 3, 4, 5, 6)'), 'scala.collection.immutable.Set[Int] = Set(5, 1, 6, 2, 3, 4)\n')

    def test_group_by(self):
        self.assertEqual(self.val('List(1, 2, 3, 4).groupBy(_ % 2)'),
                         'scala.collection.immutable.Map[Int,List[Int]] = Map(1 -> List(1, 3), 0 -> List(2, 4))\n')

    def test_match_expression(self):
        out = text(self.r.execute('val n = 3\nn match {\n  case 1 => "one"\n  case _ => "many"\n}'))
        self.assertEqual(out, 'n: Int = 3\nres0: String = many\n')

    def test_if_else_and_blocks(self):
        self.assertEqual(self.val('if (2 > 1) "big" else "small"'), 'String = big\n')
        self.assertEqual(self.val('{ val a = 2; a * a }'), 'Int = 4\n')

    def test_lambdas_as_values(self):
        self.r.execute('val double = (x: Int) => x * 2')
        self.assertEqual(self.val('double(21)'), 'Int = 42\n')
        self.assertEqual(self.val('List(1, 2).map(double)'), 'List[Int] = List(2, 4)\n')

    def test_user_function_frames_in_exceptions(self):
        self.r.execute('def inv(x: Int) = 10 / x')
        out = self.r.execute('inv(0)')
        self.assertEqual(out['traceback'], ['  at inv(<console>:22)\n', '  ... 51 elided\n'])


if __name__ == '__main__':
    unittest.main()


class LambdaAndAssignmentTest(_Base):
    def test_exception_in_a_lambda_names_its_anonfun_and_bridge(self):
        out = self.r.execute('List(1, 0).map(x => 10 / x)')
        self.assertEqual(out['traceback'], [
            '  at $anonfun$res0$1(<console>:23)\n',
            '  at scala.runtime.java8.JFunction1$mcII$sp.apply(JFunction1$mcII$sp.java:23)\n',
            '  at scala.collection.immutable.List.map(List.scala:293)\n',
            '  ... 51 elided\n'])

    def test_lambda_with_boxed_types_goes_through_adapted(self):
        out = self.r.execute('val firsts = List("a", "").map(s => s.charAt(0))')
        self.assertEqual(out['traceback'][:2], ['  at java.base/java.lang.StringLatin1.charAt(StringLatin1.java:48)\n',
                                                '  at java.base/java.lang.String.charAt(String.java:1517)\n'])
        self.assertIn('  at $anonfun$firsts$1$adapted(<console>:22)\n', out['traceback'])

    def test_compound_assignment_on_a_var(self):
        self.assertEqual(text(self.r.execute('var total = 0\nfor (i <- 1 to 10) { total += i }\ntotal')),
                         'total: Int = 0\nres1: Int = 55\n')
        self.assertEqual(text(self.r.execute('total += 5')), '')
        self.assertEqual(text(self.r.execute('total')), 'res3: Int = 60\n')

    def test_array_update_echoes_the_element(self):
        self.r.execute('val arr = Array(1, 2, 3)')
        self.assertEqual(text(self.r.execute('arr(0) = 10')), 'arr(0): Int = 10\n')
        self.assertEqual(self.val('arr'), 'Array[Int] = Array(10, 2, 3)\n')

    def test_identity_and_group_by(self):
        self.r.execute('val ws = Seq("b", "a", "b")')
        self.assertEqual(self.val('ws.groupBy(identity).mapValues(_.size)("b")'), 'Int = 2\n')

    def test_all_unknown_names_are_reported(self):
        out = self.r.execute('foo + bar')
        self.assertEqual(out['evalue'], '<console>:23: error: not found: value foo')
        self.assertEqual(out['traceback'], ['       foo + bar\n', '       ^\n',
                                            '<console>:23: error: not found: value bar\n',
                                            '       foo + bar\n', '             ^\n'])

    def test_recursive_def_needs_result_type(self):
        out = self.r.execute('def loop(n: Int) = if (n == 0) 0 else loop(n - 1)')
        self.assertEqual(out['evalue'], '<console>:22: error: recursive method loop needs result type')

    def test_recursion_with_result_type(self):
        self.r.execute('def fact(n: Int): Int = if (n <= 1) 1 else n * fact(n - 1)')
        self.assertEqual(self.val('fact(10)'), 'Int = 3628800\n')


class DefinitionsTest(_Base):
    def test_pattern_matching(self):
        self.assertEqual(self.val('Option(3) match { case Some(v) => v; case None => 0 }'), 'Int = 3\n')
        self.r.execute('case class A(i: Int)')
        self.assertEqual(self.val('A(4) match { case A(n) if n > 3 => n * 2; case _ => 0 }'), 'Int = 8\n')
        self.assertEqual(self.val('List((1, 2), (3, 4)).map { case (a, b) => a * b }'), 'List[Int] = List(2, 12)\n')
        out = self.r.execute('5 match { case 1 => "one" }')
        self.assertEqual(out['evalue'], 'scala.MatchError: 5 (of class java.lang.Integer)')

    def test_function_values(self):
        self.assertRegex(text(self.r.execute('val f = (a: Int, b: Int) => a + b')), r'^f: \(Int, Int\) => Int = \$Lambda\$')
        self.assertEqual(self.val('f(1, 2)'), 'Int = 3\n')
        self.r.execute('def twice(g: Int => Int, x: Int) = g(g(x))')
        self.assertEqual(self.val('twice(_ + 3, 1)'), 'Int = 7\n')

    def test_parameter_lists_defaults_and_varargs(self):
        self.assertEqual(text(self.r.execute('def curried(a: Int)(b: Int) = a * b')), 'curried: (a: Int)(b: Int)Int\n')
        self.assertEqual(self.val('curried(3)(4)'), 'Int = 12\n')
        self.r.execute('def dflt(a: Int, b: Int = 10) = a + b')
        self.assertEqual(self.val('dflt(1)'), 'Int = 11\n')
        self.assertEqual(self.val('dflt(1, b = 2)'), 'Int = 3\n')
        self.assertEqual(text(self.r.execute('def vs(xs: Int*) = xs.sum')), 'vs: (xs: Int*)Int\n')
        self.assertEqual(self.val('vs(1, 2, 3)'), 'Int = 6\n')

    def test_lazy_val_runs_on_first_use(self):
        self.assertEqual(text(self.r.execute('lazy val lz = { println("init"); 42 }')), 'lz: Int = <lazy>\n')
        self.assertEqual(text(self.r.execute('lz + 1')), 'init\nres0: Int = 43\n')
        self.assertEqual(text(self.r.execute('lz')), 'res1: Int = 42\n')

    def test_plain_class_prints_identity(self):
        self.r.execute('class Box(val v: Int)')
        self.assertRegex(text(self.r.execute('new Box(3)')), r'^res0: Box = Box@[0-9a-f]+\n$')
        self.assertEqual(self.val('new Box(3).v'), 'Int = 3\n')

    def test_type_mismatch_caret_points_at_operator_or_call(self):
        out = self.r.execute('val y: Int = 1 + "a"')
        self.assertEqual(out['traceback'], [' found   : String\n', ' required: Int\n',
                                            '       val y: Int = 1 + "a"\n', '                      ^\n'])

    def test_existing_but_unmodelled_member_is_reported_as_unsupported(self):
        out = self.r.execute('List(1, 2).iterator')
        self.assertIn('not supported by this Scala REPL emulation', out['evalue'])
        out = self.r.execute('List(1, 2).fooBar')
        self.assertEqual(out['evalue'], '<console>:23: error: value fooBar is not a member of List[Int]')


class HonestErrorsTest(_Base):
    def test_unmodelled_library_import_is_named_in_the_error(self):
        self.assertEqual(text(self.r.execute('import scala.collection.mutable.ArrayBuffer')),
                         'import scala.collection.mutable.ArrayBuffer\n')
        out = self.r.execute('ArrayBuffer(1, 2)')
        self.assertIn('ArrayBuffer (imported from scala.collection.mutable.ArrayBuffer) is not supported', out['evalue'])

    def test_java_library_access_is_reported_unsupported(self):
        out = self.r.execute('java.time.LocalDate.now()')
        self.assertTrue(out['evalue'].startswith('<console>:23: error: package java:'), out)

    def test_object_definition_is_a_compile_error(self):
        out = self.r.execute('object Foo { val a = 1 }')
        self.assertEqual(out['evalue'], '<console>:22: error: object definitions are not supported by this Scala REPL emulation')

    def test_option_conformance_and_class_cast(self):
        self.assertEqual(text(self.r.execute('val opt: Option[String] = None')), 'opt: Option[String] = None\n')
        out = self.r.execute('(1: Any).asInstanceOf[String]')
        self.assertEqual(out['evalue'], "java.lang.ClassCastException: class java.lang.Integer cannot be cast to class "
                         "java.lang.String (java.lang.Integer and java.lang.String are in module java.base of loader 'bootstrap')")


class EtaExpansionTest(_Base):
    def test_method_as_function_value(self):
        self.r.execute('def sq(n: Int) = n * n')
        self.assertRegex(text(self.r.execute('val g = sq _')), r'^g: Int => Int = \$Lambda\$')
        self.assertEqual(self.val('g(4)'), 'Int = 16\n')
        self.assertEqual(self.val('List(1, 2).map(sq)'), 'List[Int] = List(1, 4)\n')
        out = self.r.execute('sq')
        self.assertEqual(out['evalue'], '<console>:25: error: missing argument list for method sq')


class WideningTest(_Base):
    def test_numeric_widening_but_not_narrowing(self):
        self.r.execute('val i = 3')
        self.assertEqual(text(self.r.execute('val l: Long = i')), 'l: Long = 3\n')
        self.assertEqual(text(self.r.execute('val d: Double = l')), 'd: Double = 3.0\n')
        out = self.r.execute('val bad: Int = l')
        self.assertEqual(out['traceback'][:2], [' found   : Long\n', ' required: Int\n'])

"""Errors as Livy reads them back from R: the handler's printed string, code output before it."""

import unittest

from livy_r_support import evalue, new_repl, text


class RuntimeErrorsTest(unittest.TestCase):
    def setUp(self):
        self.r = new_repl()

    def err(self, code):
        return evalue(self.r.execute(code))

    def test_unknown_names_are_reported_in_livys_eval_call(self):
        self.assertEqual(self.err('y'), '[1] "Error in eval(parse(text = \\"y\\")): object \'y\' not found"')

    def test_a_closure_argument_names_the_closure(self):
        self.assertEqual(self.err('print(nope)'), '[1] "Error in print(nope): object \'nope\' not found"')

    def test_stop_at_top_level_and_inside_a_function(self):
        self.assertEqual(self.err('stop("boom")'),
                         '[1] "Error in eval(parse(text = \\"stop(\\\\\\"boom\\\\\\")\\")): boom"')
        self.assertEqual(self.err('f <- function(n) stop("bad ", n)\nf(2)'), '[1] "Error in f(2): bad 2"')
        self.assertEqual(self.err('stop("plain", call. = FALSE)'), '[1] "Error: plain"')

    def test_primitive_errors_name_the_operation(self):
        self.assertEqual(self.err('1 + "a"'), '[1] "Error in 1 + \\"a\\": non-numeric argument to binary operator"')
        self.assertEqual(self.err('sqrt("a")'),
                         '[1] "Error in sqrt(\\"a\\"): non-numeric argument to mathematical function"')

    def test_unknown_functions(self):
        self.assertEqual(self.err('foo(1)'), '[1] "Error in foo(1): could not find function \\"foo\\""')

    def test_unused_arguments(self):
        self.assertEqual(self.err('f <- function(a) a\nf(1, 2)'), '[1] "Error in f(1, 2): unused argument (2)"')

    def test_output_printed_before_the_error_is_part_of_evalue(self):
        self.assertEqual(self.err('print(1)\nstop("late")'),
                         '[1] 1\n[1] "Error in eval(parse(text = \\"print(1)\\\\nstop(\\\\\\"late\\\\\\")\\")): late"')

    def test_long_calls_are_cut_where_deparse_breaks_the_line(self):
        self.assertEqual(self.err('data.frame(a = c(1, 2, 3), b = c("x", "y", "z"), ccccc = 1:4, d = 1)'),
                         '[1] "Error in data.frame(a = c(1, 2, 3), b = c(\\"x\\", \\"y\\", \\"z\\"), ccccc = 1:4, : '
                         'arguments imply differing number of rows: 3, 3, 4, 1"')

    def test_a_name_defined_before_an_error_stays_defined(self):
        self.err('kept <- 1\nstop("x")')
        self.assertEqual(text(self.r.execute('kept')), '[1] 1')

    def test_unsupported_constructs_are_errors_never_silent(self):
        self.assertIn('not supported', self.err('quote(x)'))
        self.assertIn('could not find function', self.err('lm(y ~ x)'))
        self.assertEqual(self.err('library(ggplot2)'),
                         '[1] "Error in library(ggplot2): there is no package called \u2018ggplot2\u2019"')


class SyntaxErrorsTest(unittest.TestCase):
    def setUp(self):
        self.r = new_repl()

    def err(self, code):
        return evalue(self.r.execute(code))

    def test_incomplete_input_as_livy_reports_it(self):
        # Livy's own test: `x[` gives this evalue.
        self.assertEqual(self.err('x['),
                         '[1] "Error in parse(text = \\"x[\\"): <text>:2:0: unexpected end of input\\n1: x[\\n   ^"')

    def test_unexpected_tokens(self):
        self.assertEqual(self.err('a b'),
                         '[1] "Error in parse(text = \\"a b\\"): <text>:1:3: unexpected symbol\\n1: a b\\n      ^"')
        self.assertEqual(self.err('f(1))'),
                         '[1] "Error in parse(text = \\"f(1))\\"): <text>:1:5: unexpected \')\'\\n1: f(1))\\n        ^"')
        self.assertEqual(self.err('x <- 1\n5 5'),
                         '[1] "Error in parse(text = \\"x <- 1\\\\n5 5\\"): <text>:2:3: unexpected numeric constant'
                         '\\n1: x <- 1\\n2: 5 5\\n     ^"')

    def test_a_syntax_error_runs_nothing(self):
        self.err('ran <- TRUE\n)')
        self.assertIn("object 'ran' not found", self.err('ran'))


if __name__ == '__main__':
    unittest.main()

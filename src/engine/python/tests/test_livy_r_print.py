"""R's print formats as Livy's SparkR interpreter returns them (its final newline trimmed)."""

import unittest

from livy_r_support import new_repl, text


class ScalarsTest(unittest.TestCase):
    def setUp(self):
        self.r = new_repl()

    def out(self, code):
        return text(self.r.execute(code))

    def test_numbers_print_with_an_index_and_seven_significant_digits(self):
        self.assertEqual(self.out('1 + 1'), '[1] 2')
        self.assertEqual(self.out('3.5'), '[1] 3.5')
        self.assertEqual(self.out('1 / 3'), '[1] 0.3333333')
        self.assertEqual(self.out('100000'), '[1] 1e+05')
        self.assertEqual(self.out('123456'), '[1] 123456')
        self.assertEqual(self.out('0.1 + 0.2'), '[1] 0.3')
        self.assertEqual(self.out('-0'), '[1] 0')

    def test_integers_and_doubles(self):
        self.assertEqual(self.out('5L'), '[1] 5')
        self.assertEqual(self.out('class(5L)'), '[1] "integer"')
        self.assertEqual(self.out('class(5)'), '[1] "numeric"')
        self.assertEqual(self.out('5L / 2L'), '[1] 2.5')
        self.assertEqual(self.out('7L %/% 2L'), '[1] 3')
        self.assertEqual(self.out('-7 %% 3'), '[1] 2')

    def test_special_values(self):
        self.assertEqual(self.out('1 / 0'), '[1] Inf')
        self.assertEqual(self.out('-1 / 0'), '[1] -Inf')
        self.assertEqual(self.out('0 / 0'), '[1] NaN')
        self.assertEqual(self.out('NA'), '[1] NA')
        self.assertEqual(self.out('NA + 1'), '[1] NA')
        self.assertEqual(self.out('NULL'), 'NULL')
        self.assertEqual(self.out('c(1, NA, 3)'), '[1]  1 NA  3')

    def test_strings_and_logicals(self):
        self.assertEqual(self.out('"a"'), '[1] "a"')
        self.assertEqual(self.out('"say \\"hi\\"\\n"'), '[1] "say \\"hi\\"\\n"')
        self.assertEqual(self.out('TRUE'), '[1] TRUE')
        self.assertEqual(self.out('c(TRUE, NA, FALSE)'), '[1]  TRUE    NA FALSE')
        self.assertEqual(self.out('c("a", "bbb")'), '[1] "a"   "bbb"')
        self.assertEqual(self.out('c("a", NA)'), '[1] "a" NA ')


class VectorsTest(unittest.TestCase):
    def setUp(self):
        self.r = new_repl()

    def out(self, code):
        return text(self.r.execute(code))

    def test_long_vectors_wrap_at_80_with_right_aligned_indexes(self):
        self.assertEqual(self.out('1:30'),
                         ' [1]  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25\n'
                         '[26] 26 27 28 29 30')
        self.assertEqual(self.out('seq(0.5, 8, by = 0.5)'),
                         ' [1] 0.5 1.0 1.5 2.0 2.5 3.0 3.5 4.0 4.5 5.0 5.5 6.0 6.5 7.0 7.5 8.0')

    def test_a_common_format_for_all_elements(self):
        self.assertEqual(self.out('c(1, 2.5, 3)'), '[1] 1.0 2.5 3.0')
        self.assertEqual(self.out('c(-1.5, 2)'), '[1] -1.5  2.0')
        self.assertEqual(self.out('c(1e-20, 1)'), '[1] 1e-20 1e+00')

    def test_summaries(self):
        self.assertEqual(self.out('sum(1:10)'), '[1] 55')
        self.assertEqual(self.out('mean(c(1, 2, 3, 4))'), '[1] 2.5')
        self.assertEqual(self.out('length(c(1, 2, 3))'), '[1] 3')
        self.assertEqual(self.out('max(c(3L, 9L, 2L))'), '[1] 9')
        self.assertEqual(self.out('rev(1:3) * 2'), '[1] 6 4 2')

    def test_named_vectors_print_names_above_values(self):
        self.assertEqual(self.out('c(a = 1, bb = 2)'), ' a bb \n 1  2 ')

    def test_paste_and_cat(self):
        self.assertEqual(self.out('paste("a", 1:2, sep = "-")'), '[1] "a-1" "a-2"')
        self.assertEqual(self.out('paste0("x", 1, collapse = "+")'), '[1] "x1"')
        self.assertEqual(self.out('cat(3)'), '3')
        self.assertEqual(self.out('cat("a", 1/3, TRUE, "\\n")'), 'a 0.3333333 TRUE ')
        self.assertEqual(self.out('cat("one\\n")\ncat("two\\n")'), 'one\ntwo')

    def test_lists(self):
        self.assertEqual(self.out('list(1, "a")'), '[[1]]\n[1] 1\n\n[[2]]\n[1] "a"\n')
        self.assertEqual(self.out('list(a = 1, b = list(c = TRUE))'), '$a\n[1] 1\n\n$b\n$b$c\n[1] TRUE\n\n')


class StatementsTest(unittest.TestCase):
    """Livy evaluates the whole code and prints only the last value, when visible."""

    def setUp(self):
        self.r = new_repl()

    def out(self, code):
        return text(self.r.execute(code))

    def test_assignment_prints_nothing_and_names_persist(self):
        self.assertEqual(self.out('x <- 5'), '')
        self.assertEqual(self.out('y = 2'), '')
        self.assertEqual(self.out('x + y'), '[1] 7')
        self.assertEqual(self.out('print(x)'), '[1] 5')

    def test_only_the_last_value_prints(self):
        self.assertEqual(self.out('1\n2\n3'), '[1] 3')
        self.assertEqual(self.out('print("1")\nprint("2")'), '[1] "1"\n[1] "2"')
        self.assertEqual(self.out('z <- 1\n\nz + 1'), '[1] 2')

    def test_empty_code_is_null(self):
        self.assertEqual(self.out(''), 'NULL')
        self.assertEqual(self.out('# just a comment'), 'NULL')

    def test_invisible_results(self):
        self.assertEqual(self.out('invisible(5)'), '')
        self.assertEqual(self.out('for (i in 1:3) i'), '')
        self.assertEqual(self.out('if (FALSE) 1'), '')
        self.assertEqual(self.out('library(SparkR)'), '')

    def test_functions_loops_and_conditionals(self):
        self.assertEqual(self.out('sq <- function(n) n^2\nsq(4)'), '[1] 16')
        self.assertEqual(self.out('f <- function(a, b = 10) { a + b }\nf(1)'), '[1] 11')
        self.assertEqual(self.out('s <- 0\nfor (i in 1:4) s <- s + i\ns'), '[1] 10')
        self.assertEqual(self.out('if (3 > 2) "yes" else "no"'), '[1] "yes"')
        self.assertEqual(self.out('sapply(1:3, function(i) i * 10)'), '[1] 10 20 30')
        self.assertEqual(self.out('f'), 'function (a, b = 10) \n{\n    a + b\n}')

    def test_warnings_follow_the_value(self):
        self.assertEqual(self.out('sqrt(-1)'), '[1] NaN\nWarning message:\nIn sqrt(-1) : NaNs produced')


class DataFrameTest(unittest.TestCase):
    def setUp(self):
        self.r = new_repl()

    def out(self, code):
        return text(self.r.execute(code))

    def test_row_names_left_and_columns_right_aligned(self):
        self.assertEqual(self.out('data.frame(a = 1:3, b = c("x", "yy", "z"))'),
                         '  a  b\n1 1  x\n2 2 yy\n3 3  z')

    def test_missing_strings_show_as_na_in_angles(self):
        self.assertEqual(self.out('data.frame(n = c(1.5, NA), s = c(NA, "q"))'),
                         '    n    s\n1 1.5 <NA>\n2  NA    q')

    def test_head_nrow_and_columns(self):
        self.r.execute('d <- data.frame(v = 1:10)')
        self.assertEqual(self.out('nrow(d)'), '[1] 10')
        self.assertEqual(self.out('head(d, 2)'), '  v\n1 1\n2 2')
        self.assertEqual(self.out('d$v[3]'), '[1] 3')
        self.assertEqual(self.out('names(d)'), '[1] "v"')

    def test_empty_data_frames(self):
        self.assertEqual(self.out('data.frame()'), 'data frame with 0 columns and 0 rows')


if __name__ == '__main__':
    unittest.main()

"""The analyzer reports Spark's result types and nullability (TypeCoercion, DecimalPrecision)."""

import unittest

from spark_engine import SparkSessionState


class TypingTest(unittest.TestCase):
    def setUp(self):
        self.s = SparkSessionState({})

    def typ(self, expr, frm=''):
        f = self.s.sql('SELECT %s AS c %s' % (expr, frm)).schema.fields[0]
        return f.dataType.simpleString(), f.nullable

    def test_literals(self):
        self.assertEqual(self.typ('1'), ('int', False))
        self.assertEqual(self.typ('3000000000'), ('bigint', False))
        self.assertEqual(self.typ('99999999999999999999'), ('decimal(20,0)', False))
        self.assertEqual(self.typ('2.5'), ('decimal(2,1)', False))
        self.assertEqual(self.typ('0.05'), ('decimal(2,2)', False))
        self.assertEqual(self.typ('1.5e0'), ('double', False))
        self.assertEqual(self.typ('1L'), ('bigint', False))
        self.assertEqual(self.typ('1S'), ('smallint', False))
        self.assertEqual(self.typ('1Y'), ('tinyint', False))
        self.assertEqual(self.typ('1.5BD'), ('decimal(2,1)', False))
        self.assertEqual(self.typ("'x'"), ('string', False))
        self.assertEqual(self.typ('NULL'), ('void', True))
        self.assertEqual(self.typ("X'0A'"), ('binary', False))

    def test_integer_arithmetic(self):
        self.assertEqual(self.typ('1 + 1'), ('int', False))
        self.assertEqual(self.typ('1 + 1L'), ('bigint', False))
        self.assertEqual(self.typ('1 / 2'), ('double', True))
        self.assertEqual(self.typ('5 div 2'), ('bigint', True))
        self.assertEqual(self.typ('5 % 2'), ('int', True))
        self.assertEqual(self.typ("1 + '2'"), ('double', True))
        self.assertEqual(self.typ('1 + NULL'), ('int', True))

    def test_decimal_precision_rules(self):
        self.assertEqual(self.typ('2.5 + 1.25')[0], 'decimal(4,2)')
        self.assertEqual(self.typ('2.5 * 1.25')[0], 'decimal(6,3)')
        self.assertEqual(self.typ('2.5 / 1.25')[0], 'decimal(9,6)')
        self.assertEqual(self.typ('2.5 * 2')[0], 'decimal(4,1)')
        self.assertEqual(self.typ('2.5 + 1.5e0')[0], 'double')
        self.assertEqual(self.typ('CAST(1 AS DECIMAL(38,10)) * CAST(1 AS DECIMAL(38,10))')[0], 'decimal(38,6)')

    def test_aggregate_result_types(self):
        frm = 'FROM VALUES (1, 2.5, 1.5D) AS t(i, d, x)'
        self.assertEqual(self.s.sql('SELECT count(i), sum(i), sum(d), sum(x), avg(i), avg(d), min(d), max(x) ' + frm).dtypes,
                         [('count(i)', 'bigint'), ('sum(i)', 'bigint'), ('sum(d)', 'decimal(12,1)'),
                          ('sum(x)', 'double'), ('avg(i)', 'double'), ('avg(d)', 'decimal(6,5)'),
                          ('min(d)', 'decimal(2,1)'), ('max(x)', 'double')])
        nul = [f.nullable for f in self.s.sql('SELECT count(i), sum(i), collect_list(i) ' + frm).schema.fields]
        self.assertEqual(nul, [False, True, False])

    def test_cast_nullability(self):
        self.assertEqual(self.typ("CAST('1' AS INT)"), ('int', True))
        self.assertEqual(self.typ('CAST(1 AS STRING)'), ('string', False))
        self.assertEqual(self.typ('CAST(1 AS BIGINT)'), ('bigint', False))
        self.assertEqual(self.typ('CAST(1.5 AS INT)'), ('int', True))
        self.assertEqual(self.typ('CAST(NULL AS INT)'), ('int', True))

    def test_conditional_widening(self):
        self.assertEqual(self.typ("CASE WHEN true THEN 1 ELSE 2.5 END"), ('decimal(11,1)', False))
        self.assertEqual(self.typ("CASE WHEN true THEN 1 END"), ('int', True))
        self.assertEqual(self.typ("coalesce(NULL, 1)"), ('int', False))
        self.assertEqual(self.typ("coalesce(1, 'a')"), ('string', False))
        self.assertEqual(self.typ("if(true, 1, 2L)"), ('bigint', False))

    def test_values_widening_and_nullability(self):
        ds = self.s.sql('SELECT * FROM VALUES (1, NULL), (2.5, 3) AS t(a, b)')
        self.assertEqual([(f.dataType.simpleString(), f.nullable) for f in ds.schema.fields],
                         [('decimal(11,1)', False), ('int', True)])

    def test_predicates_are_boolean(self):
        self.assertEqual(self.typ('1 = 1'), ('boolean', False))
        self.assertEqual(self.typ('NULL = 1'), ('boolean', True))
        self.assertEqual(self.typ('NULL <=> 1'), ('boolean', False))
        self.assertEqual(self.typ('NULL IS NULL'), ('boolean', False))

    def test_range_and_functions(self):
        self.assertEqual(self.typ('id', 'FROM range(1)'), ('bigint', False))
        self.assertEqual(self.typ("upper('a')"), ('string', False))
        self.assertEqual(self.typ("length('a')"), ('int', False))
        self.assertEqual(self.typ("split('a,b', ',')"), ('array<string>', False))
        self.assertEqual(self.typ("to_date('2024-01-01')"), ('date', True))
        self.assertEqual(self.typ('current_timestamp()'), ('timestamp', False))
        self.assertEqual(self.typ('rand(1)'), ('double', False))

    def test_outer_join_makes_columns_nullable(self):
        ds = self.s.sql('SELECT l.id, r.id FROM range(2) l LEFT JOIN range(1) r ON l.id = r.id')
        self.assertEqual([f.nullable for f in ds.schema.fields], [False, True])


class SemanticsTest(unittest.TestCase):
    def setUp(self):
        self.s = SparkSessionState({})

    def one(self, expr):
        return self.s.sql('SELECT ' + expr).rows()[0][0]

    def test_non_ansi_null_results(self):
        self.assertIsNone(self.one('1/0'))
        self.assertIsNone(self.one('5 % 0'))
        self.assertIsNone(self.one("CAST('x' AS INT)"))
        self.assertIsNone(self.one("CAST('2024-13-01' AS DATE)"))

    def test_integer_overflow_wraps(self):
        self.assertEqual(self.one('2147483647 + 1'), -2147483648)
        self.assertEqual(self.one('9223372036854775807L * 2'), -2)

    def test_three_valued_logic(self):
        self.assertIsNone(self.one('NULL AND true'))
        self.assertFalse(self.one('NULL AND false'))
        self.assertTrue(self.one('NULL OR true'))
        self.assertIsNone(self.one('NOT NULL'))
        self.assertIsNone(self.one('1 IN (2, NULL)'))

    def test_string_number_coercion(self):
        self.assertEqual(self.one("'3' * '4'"), 12.0)
        self.assertTrue(self.one("'10' > 9"))
        self.assertEqual(self.one("CAST(' 42 ' AS INT)"), 42)
        self.assertEqual(self.one("CAST('1.9' AS INT)"), 1)

    def test_decimal_results(self):
        import decimal
        self.assertEqual(self.one('2.5 * 2'), decimal.Decimal('5.0'))
        self.assertEqual(self.one('1.0 / 3'), decimal.Decimal('0.333333'))
        self.assertEqual(self.one('round(2.345, 2)'), decimal.Decimal('2.35'))

    def test_string_functions(self):
        self.assertEqual(self.one("concat_ws('-', 'a', NULL, 'b')"), 'a-b')
        self.assertIsNone(self.one("concat('a', NULL)"))
        self.assertEqual(self.one("substring('hello', -3)"), 'llo')
        self.assertEqual(self.one("replace('aXbX', 'X', '-')"), 'a-b-')
        self.assertEqual(self.one("trim('  x ')"), 'x')
        self.assertEqual(self.one("split('a,b,c', ',')"), ['a', 'b', 'c'])
        self.assertEqual(self.one("md5('abc')"), '900150983cd24fb0d6963f7d28e17f72')
        self.assertTrue(self.one("'abc' LIKE 'a%'"))

    def test_date_functions(self):
        import datetime
        self.assertEqual(self.one("date_add(DATE'2024-02-28', 2)"), datetime.date(2024, 3, 1))
        self.assertEqual(self.one("datediff(DATE'2024-03-01', DATE'2024-01-01')"), 60)
        self.assertEqual(self.one("month(DATE'2024-03-01')"), 3)
        self.assertEqual(self.one("date_format(TIMESTAMP'2024-01-02 03:04:05', 'yyyy-MM-dd HH:mm')"), '2024-01-02 03:04')
        self.assertEqual(self.one("to_date('02/01/2024', 'dd/MM/yyyy')"), datetime.date(2024, 1, 2))

    def test_rand_with_seed_is_deterministic(self):
        a = self.s.sql('SELECT rand(7) FROM range(3)').rows()
        b = self.s.sql('SELECT rand(7) FROM range(3)').rows()
        self.assertEqual(a, b)


if __name__ == '__main__':
    unittest.main()

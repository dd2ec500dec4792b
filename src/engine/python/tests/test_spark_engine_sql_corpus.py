"""The SQL statements of the recorded Livy/Spark 3.5.9 corpus give Spark's schema and rows."""

import datetime
import decimal
import unittest

from spark_engine import SparkSessionState


def schema_json(ds):
    return ds.schema.jsonValue()


def fields(ds):
    return [(f['name'], f['type'], f['nullable']) for f in schema_json(ds)['fields']]


class CorpusSqlTest(unittest.TestCase):
    def setUp(self):
        self.s = SparkSessionState({})

    def test_select_literal_integer_is_non_nullable_int(self):
        ds = self.s.sql('SELECT 1 AS one')
        self.assertEqual(fields(ds), [('one', 'integer', False)])
        self.assertEqual(ds.rows(), [(1,)])

    def test_literal_types_and_nullability(self):
        ds = self.s.sql("SELECT 1 AS a, 'x' AS b, 2.5 AS c, true AS d, NULL AS e, CAST(1 AS BIGINT) AS f, "
                        "DATE'2024-01-02' AS g, TIMESTAMP'2024-01-02 03:04:05' AS h")
        self.assertEqual(fields(ds), [('a', 'integer', False), ('b', 'string', False),
                                      ('c', 'decimal(2,1)', False), ('d', 'boolean', False),
                                      ('e', 'void', True), ('f', 'long', False), ('g', 'date', False),
                                      ('h', 'timestamp', False)])
        self.assertEqual(ds.rows(), [(1, 'x', decimal.Decimal('2.5'), True, None, 1,
                                      datetime.date(2024, 1, 2), datetime.datetime(2024, 1, 2, 3, 4, 5))])

    def test_range_table_function(self):
        ds = self.s.sql('SELECT * FROM range(3)')
        self.assertEqual(fields(ds), [('id', 'long', False)])
        self.assertEqual(ds.rows(), [(0,), (1,), (2,)])

    def test_range_1000_rows(self):
        self.assertEqual(len(self.s.sql('SELECT id FROM range(1000)').rows()), 1000)

    def test_show_databases(self):
        ds = self.s.sql('SHOW DATABASES')
        self.assertEqual(fields(ds), [('namespace', 'string', False)])
        self.assertEqual(ds.rows(), [('default',)])

    def test_show_tables_empty_schema(self):
        ds = self.s.sql('SHOW TABLES')
        self.assertEqual(fields(ds), [('namespace', 'string', False), ('tableName', 'string', False),
                                      ('isTemporary', 'boolean', False)])
        self.assertEqual(ds.rows(), [])

    def _people(self):
        return self.s.sql("CREATE OR REPLACE TEMPORARY VIEW people AS SELECT * FROM VALUES "
                          "(1, 'ann', 31.5), (2, 'bob', 40.0) AS p(id, name, score)")

    def test_create_temp_view_returns_empty_schema(self):
        ds = self._people()
        self.assertEqual(schema_json(ds), {'type': 'struct', 'fields': []})
        self.assertEqual(ds.rows(), [])

    def test_values_columns_widen_to_common_decimal(self):
        self._people()
        ds = self.s.sql('SELECT * FROM people ORDER BY id')
        self.assertEqual(fields(ds), [('id', 'integer', False), ('name', 'string', False),
                                      ('score', 'decimal(3,1)', False)])
        self.assertEqual(ds.to_json_rows(), ['{"id":1,"name":"ann","score":31.5}',
                                             '{"id":2,"name":"bob","score":40.0}'])

    def test_count_and_decimal_avg(self):
        self._people()
        ds = self.s.sql('SELECT count(*) AS n, avg(score) AS avg_score FROM people')
        self.assertEqual(fields(ds), [('n', 'long', False), ('avg_score', 'decimal(7,5)', True)])
        self.assertEqual(ds.rows(), [(2, decimal.Decimal('35.75000'))])

    def test_show_tables_lists_temp_view(self):
        self._people()
        self.assertEqual(self.s.sql('SHOW TABLES').rows(), [('', 'people', True)])

    def test_failed_cast_is_null_and_nullable(self):
        ds = self.s.sql("SELECT CAST('abc' AS INT) AS bad")
        self.assertEqual(fields(ds), [('bad', 'integer', True)])
        self.assertEqual(ds.rows(), [(None,)])

    def test_current_date_is_not_null(self):
        ds = self.s.sql('SELECT current_date() IS NOT NULL AS ok')
        self.assertEqual(fields(ds), [('ok', 'boolean', False)])
        self.assertEqual(ds.rows(), [(True,)])

    def test_filter_with_no_match_keeps_schema(self):
        self._people()
        ds = self.s.sql('SELECT * FROM people WHERE id > 5')
        self.assertEqual(len(fields(ds)), 3)
        self.assertEqual(ds.rows(), [])


if __name__ == '__main__':
    unittest.main()

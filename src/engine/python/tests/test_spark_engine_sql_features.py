"""SQL dialect features: joins, grouping, ordering, set operations, CTEs, subqueries, commands."""

import re
import unittest

from spark_engine import SparkSessionState, AnalysisException


def _ids(msg):
    return re.findall(r'#(\d+)', msg)


class SqlFeaturesTest(unittest.TestCase):
    def setUp(self):
        self.s = SparkSessionState({})
        self.s.sql("CREATE TEMP VIEW emp AS SELECT * FROM VALUES (1, 'ann', 'eng', 100), "
                   "(2, 'bob', 'eng', 80), (3, 'cy', 'ops', 90), (4, 'dee', NULL, 70) AS e(id, name, dept, pay)")
        self.s.sql("CREATE TEMP VIEW dept AS SELECT * FROM VALUES ('eng', 'Engineering'), ('hr', 'People') AS d(code, title)")

    def rows(self, q):
        return self.s.sql(q).rows()

    def test_group_by_having_order(self):
        self.assertEqual(self.rows('SELECT dept, count(*) AS n, sum(pay) FROM emp GROUP BY dept HAVING count(*) > 1'),
                         [('eng', 2, 180)])
        self.assertEqual(self.rows('SELECT dept, max(pay) m FROM emp GROUP BY dept ORDER BY m DESC'),
                         [('eng', 100), ('ops', 90), (None, 70)])

    def test_having_with_aggregate_not_selected(self):
        self.assertEqual(self.rows('SELECT dept FROM emp GROUP BY dept HAVING sum(pay) >= 90 ORDER BY dept'),
                         [('eng',), ('ops',)])

    def test_order_by_column_not_in_select(self):
        self.assertEqual(self.rows('SELECT name FROM emp ORDER BY pay'), [('dee',), ('bob',), ('cy',), ('ann',)])

    def test_order_by_aggregate_not_selected(self):
        self.assertEqual(self.rows('SELECT dept FROM emp GROUP BY dept ORDER BY count(*) DESC, dept'),
                         [('eng',), (None,), ('ops',)])

    def test_nulls_ordering_defaults(self):
        self.assertEqual(self.rows('SELECT dept FROM emp ORDER BY dept'), [(None,), ('eng',), ('eng',), ('ops',)])
        self.assertEqual(self.rows('SELECT dept FROM emp ORDER BY dept DESC'), [('ops',), ('eng',), ('eng',), (None,)])
        self.assertEqual(self.rows('SELECT dept FROM emp ORDER BY dept NULLS LAST')[-1], (None,))

    def test_group_by_ordinal_and_alias(self):
        self.assertEqual(self.rows('SELECT dept AS d, count(*) FROM emp GROUP BY 1 ORDER BY 1'),
                         [(None, 1), ('eng', 2), ('ops', 1)])
        self.assertEqual(self.rows('SELECT upper(dept) AS d, count(*) FROM emp GROUP BY d ORDER BY d NULLS LAST'),
                         [('ENG', 2), ('OPS', 1), (None, 1)])

    def test_joins(self):
        self.assertEqual(self.rows('SELECT name, title FROM emp JOIN dept ON dept = code ORDER BY name'),
                         [('ann', 'Engineering'), ('bob', 'Engineering')])
        self.assertEqual(len(self.rows('SELECT * FROM emp LEFT JOIN dept ON dept = code')), 4)
        self.assertEqual(self.rows('SELECT code FROM emp RIGHT JOIN dept ON dept = code WHERE id IS NULL'), [('hr',)])
        self.assertEqual(len(self.rows('SELECT * FROM emp FULL OUTER JOIN dept ON dept = code')), 5)
        self.assertEqual(self.rows('SELECT id FROM emp LEFT SEMI JOIN dept ON dept = code'), [(1,), (2,)])
        self.assertEqual(self.rows('SELECT id FROM emp LEFT ANTI JOIN dept ON dept = code'), [(3,), (4,)])
        self.assertEqual(len(self.rows('SELECT * FROM emp CROSS JOIN dept')), 8)
        self.assertEqual(len(self.rows('SELECT * FROM emp, dept')), 8)

    def test_join_using_merges_key(self):
        ds = self.s.sql('SELECT * FROM range(3) a JOIN range(1, 5) b USING (id)')
        self.assertEqual(ds.columns, ['id'])
        self.assertEqual(ds.rows(), [(1,), (2,)])

    def test_set_operations(self):
        self.assertEqual(self.rows('SELECT 1 UNION SELECT 1'), [(1,)])
        self.assertEqual(self.rows('SELECT 1 UNION ALL SELECT 1'), [(1,), (1,)])
        self.assertEqual(sorted(self.rows('SELECT id FROM range(4) INTERSECT SELECT id FROM range(2, 6)')), [(2,), (3,)])
        self.assertEqual(sorted(self.rows('SELECT id FROM range(4) EXCEPT SELECT id FROM range(2, 6)')), [(0,), (1,)])

    def test_grouping_output_follows_hash_partitions(self):
        # 5 VALUES rows -> map tasks [a, b] and [c, d, a]; AQE's single reader takes map 0's
        # buckets (pmod(murmur3(key), 200)) in order, then map 1's new keys
        rows = self.rows("SELECT v, count(*) FROM VALUES ('a'), ('b'), ('c'), ('d'), ('a') AS t(v) GROUP BY v")
        self.assertEqual(rows, [('b', 1), ('a', 2), ('d', 1), ('c', 1)])

    def test_string_min_max_uses_sort_aggregate_order(self):
        rows = self.rows("SELECT v, max(w) FROM VALUES ('b', 'x'), ('a', 'y'), ('c', 'z') AS t(v, w) GROUP BY v")
        self.assertEqual(rows, [('a', 'y'), ('b', 'x'), ('c', 'z')])

    def test_window_partitions_come_out_in_key_order(self):
        rows = self.rows("SELECT v, row_number() OVER (PARTITION BY v ORDER BY n) FROM VALUES "
                         "('b', 1), ('a', 2), ('b', 3) AS t(v, n)")
        self.assertEqual(rows, [('a', 1), ('b', 1), ('b', 2)])

    def test_hash_function_matches_spark(self):
        self.assertEqual(self.rows("SELECT hash('Spark', array(123), 2), hash(1)"), [(-1321691492, -559580957)])

    def test_union_widens_types(self):
        ds = self.s.sql('SELECT 1 AS a UNION ALL SELECT 2.5')
        self.assertEqual(ds.schema.fields[0].dataType.simpleString(), 'decimal(11,1)')

    def test_cte_and_subqueries(self):
        self.assertEqual(self.rows('WITH hi AS (SELECT * FROM emp WHERE pay > 85) SELECT count(*) FROM hi'), [(2,)])
        self.assertEqual(self.rows('SELECT name FROM emp WHERE pay = (SELECT max(pay) FROM emp)'), [('ann',)])
        self.assertEqual(self.rows("SELECT id FROM emp WHERE dept IN (SELECT code FROM dept)"), [(1,), (2,)])
        self.assertEqual(self.rows('SELECT count(*) FROM (SELECT DISTINCT dept FROM emp)'), [(3,)])

    def test_correlated_subqueries(self):
        self.assertEqual(self.rows('SELECT name FROM emp e WHERE EXISTS (SELECT 1 FROM dept d WHERE d.code = e.dept)'),
                         [('ann',), ('bob',)])
        self.assertEqual(self.rows('SELECT name, (SELECT max(pay) FROM emp i WHERE i.dept = o.dept) FROM emp o'),
                         [('ann', 100), ('bob', 100), ('cy', 90), ('dee', None)])

    def test_sql_view_plan_casts_output(self):
        with self.assertRaises(AnalysisException) as cm:
            self.s.sql('SELECT nope FROM dept')
        msg = cm.exception.java_message
        self.assertIn("'Project ['nope]\n+- SubqueryAlias dept\n   +- View (`dept`, [code#", msg)
        self.assertIn('      +- Project [cast(code#', msg)
        self.assertTrue(msg.endswith(' AS title#%s]\n         +- Project [code#%s, title#%s]\n            +- SubqueryAlias d\n'
                                     '               +- LocalRelation [code#%s, title#%s]\n' % tuple(
                                         _ids(msg)[-5:])))

    def test_case_when_and_simple_case(self):
        self.assertEqual(self.rows("SELECT CASE dept WHEN 'eng' THEN 1 WHEN 'ops' THEN 2 ELSE 0 END FROM emp"),
                         [(1,), (1,), (2,), (0,)])

    def test_limit_offset_distinct(self):
        self.assertEqual(self.rows('SELECT id FROM emp ORDER BY id LIMIT 2'), [(1,), (2,)])
        self.assertEqual(self.rows('SELECT id FROM emp ORDER BY id LIMIT 2 OFFSET 1'), [(2,), (3,)])
        self.assertEqual(self.rows('SELECT DISTINCT dept FROM emp ORDER BY dept'), [(None,), ('eng',), ('ops',)])

    def test_values_forms(self):
        self.assertEqual(self.s.sql('SELECT * FROM VALUES (1, 2), (3, 4)').columns, ['col1', 'col2'])
        self.assertEqual(self.rows('VALUES 1, 2'), [(1,), (2,)])

    def test_comments_quotes_and_backticks(self):
        ds = self.s.sql('SELECT `pay` AS `my col`, "dq" AS s -- trailing\n/* block */ FROM emp WHERE id = 1')
        self.assertEqual(ds.columns, ['my col', 's'])
        self.assertEqual(ds.rows(), [(100, 'dq')])

    def test_case_insensitive_names(self):
        self.assertEqual(self.rows('SELECT NAME FROM EMP WHERE ID = 1'), [('ann',)])

    def test_explode_and_lateral_view(self):
        self.assertEqual(self.rows('SELECT explode(array(1, 2))'), [(1,), (2,)])
        self.assertEqual(self.rows("SELECT id, x FROM range(2) LATERAL VIEW explode(array('a', 'b')) t AS x"),
                         [(0, 'a'), (0, 'b'), (1, 'a'), (1, 'b')])

    def test_window_functions(self):
        ds = self.s.sql('SELECT id, row_number() OVER (PARTITION BY dept ORDER BY pay DESC) AS rn, '
                        'sum(pay) OVER (PARTITION BY dept) AS tot FROM emp ORDER BY id')
        self.assertEqual(ds.rows(), [(1, 1, 180), (2, 2, 180), (3, 1, 90), (4, 1, 70)])
        self.assertEqual(self.s.sql('SELECT rank() OVER (ORDER BY id) FROM emp').columns,
                         ['RANK() OVER (ORDER BY id ASC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)'.replace('RANK', 'rank')])

    def test_commands(self):
        self.assertEqual(self.s.sql('DESCRIBE emp').rows()[:2], [('id', 'int', None), ('name', 'string', None)])
        self.assertEqual(self.s.sql('DESCRIBE emp').columns, ['col_name', 'data_type', 'comment'])
        self.s.sql('CREATE DATABASE IF NOT EXISTS db1')
        self.assertEqual(self.rows('SHOW DATABASES'), [('db1',), ('default',)])
        self.s.sql('USE db1')
        self.assertEqual(self.rows('SELECT current_database()'), [('db1',)])
        self.s.sql('DROP VIEW IF EXISTS nope')
        self.s.sql('DROP VIEW dept')
        self.assertEqual([r[1] for r in self.rows('SHOW TABLES')], ['emp'])
        self.assertEqual(self.rows('SET spark.sql.shuffle.partitions=4'), [('spark.sql.shuffle.partitions', '4')])
        self.assertEqual(self.s.conf.get('spark.sql.shuffle.partitions'), '4')

    def test_in_memory_tables(self):
        self.s.sql('CREATE TABLE t1 AS SELECT id, id * 2 AS d FROM range(3)')
        self.s.sql('INSERT INTO t1 VALUES (10, 20)')
        self.assertEqual(self.rows('SELECT sum(d) FROM default.t1'), [(26,)])
        self.assertEqual(self.rows('SHOW TABLES'), [('default', 't1', False), ('', 'dept', True), ('', 'emp', True)])

    def test_temp_view_already_exists(self):
        with self.assertRaises(AnalysisException) as cm:
            self.s.sql('CREATE TEMPORARY VIEW emp AS SELECT 1')
        self.assertEqual(cm.exception.error_class, 'TEMP_TABLE_OR_VIEW_ALREADY_EXISTS')


if __name__ == '__main__':
    unittest.main()

"""The emulator's seeded tables, as every session of one emulator sees them."""

import json
import unittest

from livy_repl import entry

CONTEXT = json.dumps({'now': 0, 'info': {
    'appName': 'a', 'master': 'local[*]', 'applicationId': 'local-1',
    'sparkVersion': '3.5.9', 'defaultParallelism': 2, 'conf': {}, 'seed': 1}})


def sql(key, code):
    out = json.loads(entry.execute_json(key, 'sql', code, CONTEXT))
    out['data'] = json.loads(out['data']) if out['status'] == 'ok' else None
    return out


class SeededTables(unittest.TestCase):
    def tearDown(self):
        for key in ('t1/0', 't1/1', 't2/0'):
            entry.drop(key)
        entry.define_tables('t1', '[]')
        entry.define_tables('t2', '[]')

    def test_a_ddl_schema_casts_values_to_the_column_types(self):
        entry.define_tables('t1', json.dumps([{
            'name': 'scores', 'schema': 'id INT, score DECIMAL(3,1), day DATE',
            'rows': [{'id': 1, 'score': '31.5', 'day': '2024-01-02'}, [2, 40, None]]}]))
        out = sql('t1/0', 'SELECT * FROM scores ORDER BY id')
        schema = out['data']['application/json']['schema']['fields']
        self.assertEqual([f['type'] for f in schema], ['integer', 'decimal(3,1)', 'date'])
        self.assertEqual(out['data']['application/json']['data'],
                         [[1, 31.5, '2024-01-02'], [2, 40.0, None]])

    def test_every_session_of_the_emulator_sees_them_and_no_other_emulator(self):
        entry.define_tables('t1', json.dumps([{'name': 'shared_t', 'rows': [{'a': 1}]}]))
        self.assertEqual(sql('t1/0', 'SELECT a FROM shared_t')['status'], 'ok')
        self.assertEqual(sql('t1/1', 'SELECT a FROM shared_t')['status'], 'ok')
        self.assertEqual(sql('t2/0', 'SELECT a FROM shared_t')['status'], 'error')

    def test_redefining_replaces_and_removes_tables_for_sessions_already_running(self):
        entry.define_tables('t1', json.dumps([{'name': 'old_t', 'rows': [{'a': 1}]}]))
        self.assertEqual(sql('t1/0', 'SELECT a FROM old_t')['status'], 'ok')
        entry.define_tables('t1', json.dumps([{'name': 'new_t', 'rows': [{'b': 'x'}]}]))
        self.assertEqual(sql('t1/0', 'SELECT a FROM old_t')['status'], 'error')
        self.assertEqual(sql('t1/0', 'SELECT b FROM new_t')['data']['application/json']['data'],
                         [['x']])


if __name__ == '__main__':
    unittest.main()

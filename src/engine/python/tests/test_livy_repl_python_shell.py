"""Livy's Python REPL semantics (fake_shell.py), checked on the shell alone."""

import unittest

from livy_repl.python_shell import PythonShell


def run(code, shell=None):
    shell = shell or PythonShell({})
    return shell.execute(code)


class LastStatementEchoesItsValue(unittest.TestCase):
    def test_an_expression_prints_its_repr(self):
        self.assertEqual(run('1 + 1'), {'status': 'ok', 'data': {'text/plain': '2'}})

    def test_only_the_last_statement_echoes(self):
        self.assertEqual(run('1\n2\nx = 3\nx + 1')['data']['text/plain'], '4')

    def test_an_assignment_answers_empty_text(self):
        self.assertEqual(run('x = 5'), {'status': 'ok', 'data': {'text/plain': ''}})

    def test_none_answers_empty_text(self):
        self.assertEqual(run('None')['data']['text/plain'], '')

    def test_output_is_right_stripped(self):
        self.assertEqual(run("print('a\\nb\\n\\n')")['data']['text/plain'], 'a\nb')

    def test_a_compound_last_statement_runs_in_single_mode(self):
        self.assertEqual(run('for i in range(3): i')['data']['text/plain'], '0\n1\n2')

    def test_names_persist_between_statements(self):
        shell = PythonShell({})
        run('def f(n):\n    return n * 2', shell)
        self.assertEqual(run('f(21)', shell)['data']['text/plain'], '42')


class ErrorsAreShapedAsLivyShapesThem(unittest.TestCase):
    def test_a_runtime_error_drops_the_stdin_module_frame(self):
        out = run('1/0')
        self.assertEqual(out['ename'], 'ZeroDivisionError')
        self.assertEqual(out['evalue'], 'division by zero')
        self.assertEqual(
            out['traceback'],
            ['Traceback (most recent call last):\n', 'ZeroDivisionError: division by zero\n'],
        )

    def test_frames_of_functions_the_user_defined_stay(self):
        shell = PythonShell({})
        run('def g():\n    raise KeyError("k")', shell)
        out = run('g()', shell)
        self.assertEqual(out['traceback'][1], '  File "<stdin>", line 2, in g\n')
        self.assertEqual(out['traceback'][-1], "KeyError: 'k'\n")

    def test_a_syntax_error_has_no_traceback_header(self):
        out = run('def f(:')
        self.assertEqual(out['ename'], 'SyntaxError')
        self.assertEqual(out['evalue'], 'invalid syntax (<stdin>, line 1)')
        self.assertEqual(
            out['traceback'],
            ['  File "<stdin>", line 1\n', '    def f(:\n', '          ^\n', 'SyntaxError: invalid syntax\n'],
        )

    def test_printed_text_of_a_failed_statement_comes_out_with_the_next(self):
        shell = PythonShell({})
        self.assertEqual(run("print('lost?')\n1/0", shell)['status'], 'error')
        self.assertEqual(run('1', shell)['data']['text/plain'], 'lost?\n1')

    def test_system_exit_is_an_error_not_an_exit(self):
        out = run('import sys\nsys.exit(3)')
        self.assertEqual((out['ename'], out['evalue']), ('SystemExit', '3'))


class Magics(unittest.TestCase):
    def test_table_of_dicts_sorts_columns_and_types_them(self):
        shell = PythonShell({})
        run("t = [{'b': 'x', 'a': 1}, {'a': 2, 'b': None}]", shell)
        self.assertEqual(
            run('%table t', shell),
            {
                'status': 'ok',
                'data': {
                    'application/vnd.livy.table.v1+json': {
                        'headers': [{'name': 'a', 'type': 'INT_TYPE'}, {'name': 'b', 'type': 'STRING_TYPE'}],
                        'data': [[1, 'x'], [2, None]],
                    }
                },
            },
        )

    def test_a_missing_name_answers_ok_with_the_error_reply(self):
        self.assertEqual(
            run('%table nosuch'),
            {
                'status': 'ok',
                'data': {
                    'msg_type': 'execute_reply',
                    'content': {
                        'ename': 'KeyError',
                        'evalue': "'nosuch'",
                        'traceback': ["KeyError: 'nosuch'\n"],
                        'status': 'error',
                    },
                },
            },
        )

    def test_json_answers_the_value(self):
        shell = PythonShell({})
        run("v = {'k': [1, 2.5]}", shell)
        self.assertEqual(run('%json v', shell)['data'], {'application/json': {'k': [1, 2.5]}})

    def test_an_unknown_magic_is_an_error(self):
        out = run('%nosuch x')
        self.assertEqual((out['ename'], out['evalue']), ('UnknownMagic', "unknown magic command 'nosuch'"))
        self.assertEqual(out['traceback'], ["UnknownMagic: unknown magic command 'nosuch'\n"])

    def test_code_before_a_magic_runs_first(self):
        shell = PythonShell({})
        out = run("rows = [[1, 'a']]\n%table rows", shell)
        self.assertEqual(
            out['data']['application/vnd.livy.table.v1+json']['headers'],
            [{'name': '0', 'type': 'INT_TYPE'}, {'name': '1', 'type': 'STRING_TYPE'}],
        )


if __name__ == '__main__':
    unittest.main()

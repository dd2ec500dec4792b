"""Livy's PySpark interpreter (`fake_shell.py`) for one session, on a shared interpreter.

What clients see depends on details of that shell, reproduced here: all but the last top-level
statement run in `exec` mode and the last in `single` mode (so a bare expression prints its
repr); output is what was printed, right-stripped; on an error the printed text is *not*
cleared and comes out with the next successful statement; code that does not parse is split
into `%magic` lines and normal chunks.
"""

import ast
import io
import sys

from . import magics
from .tracebacks import format_error


class UnknownMagic(Exception):
    pass


# Livy defines it in the shell's own script, so tracebacks print it without a module.
UnknownMagic.__module__ = '__main__'


class _ExecutionError(Exception):
    def __init__(self, exc_info):
        super().__init__()
        self.exc_info = exc_info


class _Buffer(io.StringIO):
    def write(self, s):
        if isinstance(s, bytes):
            s = s.decode('utf-8')
        return super().write(s)


class PythonShell:
    """One Livy session's Python REPL: its globals and its not-yet-returned output."""

    def __init__(self, global_dict):
        self.globals = global_dict
        self.stdout = _Buffer()
        self.stderr = _Buffer()

    def execute(self, code):
        saved = sys.stdout, sys.stderr, sys.stdin
        sys.stdout, sys.stderr, sys.stdin = self.stdout, self.stderr, io.StringIO()
        try:
            return self._execute(code)
        finally:
            # User code may have replaced them; the session keeps its own buffers.
            sys.stdout, sys.stderr, sys.stdin = saved

    def _execute(self, code):
        try:
            nodes = self._parse(code)
        except SyntaxError:
            exc_type, exc_value, _ = sys.exc_info()
            return _error(exc_type, exc_value, None)
        result = None
        try:
            for node in nodes:
                result = node()
        except UnknownMagic:
            exc_type, exc_value, _ = sys.exc_info()
            return _error(exc_type, exc_value, None)
        except _ExecutionError as e:
            return _error(*e.exc_info)
        if result is None:
            result = {}
        stdout = self.stdout.getvalue()
        stderr = self.stderr.getvalue()
        self.stdout = _Buffer()
        self.stderr = _Buffer()
        output = result.pop('text/plain', '')
        if stdout:
            output += stdout
        if stderr:
            output += stderr
        output = output.rstrip()
        if output or not result:
            result['text/plain'] = output
        return {'status': 'ok', 'data': result}

    def _parse(self, code):
        try:
            return [self._normal(code)]
        except SyntaxError:
            pass
        normal = []
        chunks = []
        for line in code.rstrip().split('\n'):
            if line.startswith('%'):
                if normal:
                    chunks.append('\n'.join(normal))
                    normal = []
                chunks.append(line)
            else:
                normal.append(line)
        if normal:
            chunks.append('\n'.join(normal))
        return [self._magic(c) if c.startswith('%') else self._normal(c) for c in chunks]

    def _normal(self, code):
        tree = compile(code, '<stdin>', 'exec', ast.PyCF_ONLY_AST, 1)
        g = self.globals

        def run():
            body = tree.body
            try:
                for node in body[:-1]:
                    exec(compile(ast.Module([node], []), '<stdin>', 'exec'), g)
                for node in body[-1:]:
                    exec(compile(ast.Interactive([node]), '<stdin>', 'single'), g)
            except BaseException:
                # Livy's shell catches everything, SystemExit and KeyboardInterrupt included.
                raise _ExecutionError(sys.exc_info())

        return run

    def _magic(self, line):
        parts = line[1:].split(' ', 1)
        name, rest = parts[0], tuple(parts[1:])
        g = self.globals

        def run():
            if not name:
                raise UnknownMagic('magic command not specified')
            handler = magics.ROUTER.get(name)
            if handler is None:
                raise UnknownMagic("unknown magic command '%s'" % name)
            return handler(g, *rest)

        return run


def _error(exc_type, exc_value, tb):
    return dict(status='error', **format_error(exc_type, exc_value, tb))

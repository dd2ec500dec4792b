"""Keeps statement code away from the host: no `js`, no `pyodide` bridge.

Pyodide lets Python reach the JavaScript runtime it runs in (`import js`, `pyodide.code.run_js`),
and from there the worker's Node or browser APIs. Statement code has no business there: once
the engine has taken the few host functions it needs, those modules are dropped and can no
longer be imported. Defence in depth, not a security boundary (SECURITY.md): like a real Livy,
the emulator runs the code it is sent.
"""

import sys

BLOCKED = ('js', 'pyodide', 'pyodide_js', '_pyodide', 'micropip', 'ctypes', '_ctypes')


class _Refuse:
    """A meta path finder that answers as if the bridge modules did not exist."""

    def find_spec(self, name, path=None, target=None):
        if name.split('.', 1)[0] in BLOCKED:
            raise ModuleNotFoundError("No module named '%s'" % name, name=name)
        return None

    def find_module(self, name, path=None):  # pragma: no cover - old protocol
        return None


def seal():
    """Once per interpreter, after boot: take what the engine needs, then close the bridge."""
    from spark_engine import zones

    zones.capture_host()
    for name in list(sys.modules):
        if name.split('.', 1)[0] in BLOCKED:
            del sys.modules[name]
    if not any(isinstance(f, _Refuse) for f in sys.meta_path):
        sys.meta_path.insert(0, _Refuse())

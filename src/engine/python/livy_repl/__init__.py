"""Livy's REPL side, in the emulator: what Livy's driver does with a statement's code.

`entry.execute` is the only door the worker uses. Everything here runs inside one Pyodide
interpreter shared by many Livy sessions, so per-session state lives in `session.Sessions`,
never in module globals that user code could see.
"""

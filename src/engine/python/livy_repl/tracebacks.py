"""Tracebacks as Livy's Python REPL reports them.

Livy formats the exception with `traceback.format_exception(..., chain=False)` and drops every
frame up to the top `<stdin>` module frame. On top of that, the emulator's own frames (the
pyspark stand-in, the SQL engine) must not show: real pyspark would show *its* frames there, so
an exception that knows them (`livy_frames`) has them spliced in where the emulation's frames
were.
"""

import os
import re
import traceback

TOP_FRAME = re.compile(r'\s*File "<stdin>".*in <module>')
ENGINE_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep


def _internal(frame):
    return frame.filename.startswith(ENGINE_ROOT)


def format_error(exc_type, exc_value, tb):
    """`{ename, evalue, traceback}` the way Livy's fake shell builds them."""
    lines = _format(exc_type, exc_value, tb)
    for i, line in enumerate(lines):
        if TOP_FRAME.match(line):
            lines = lines[:1] + lines[i + 1:]
            break
    return {
        'ename': str(exc_type.__name__),
        'evalue': str(exc_value),
        'traceback': lines,
    }


def _format(exc_type, exc_value, tb):
    if tb is None:
        return traceback.format_exception(exc_type, exc_value, None, chain=False)
    summary = traceback.extract_tb(tb)
    spliced = []
    run = []
    inserted = False
    seen_user_code = False
    for frame in summary:
        if _internal(frame):
            # The shell's own frames above the user's code: Livy's are cut off anyway.
            if not seen_user_code:
                continue
            if not inserted:
                spliced.extend(traceback.StackSummary.from_list(run).format())
                run = []
                spliced.extend(getattr(exc_value, 'livy_frames', None) or [])
                inserted = True
            continue
        seen_user_code = True
        run.append(frame)
    spliced.extend(traceback.StackSummary.from_list(run).format())
    head = ['Traceback (most recent call last):\n']
    tail = list(traceback.TracebackException(exc_type, exc_value, None).format_exception_only())
    return head + spliced + tail

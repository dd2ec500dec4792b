"""Livy's SparkRInterpreter around the emulated R: one statement is one `sendRequest`.

Livy writes `tryCatch(eval(parse(text="<code>")), error = function(e) sprintf("%s%s", e,
"----LIVY_END_OF_ERROR----"))` to R, then prints an end marker, and reads R's output up to it.
So the whole code is parsed first (a syntax error runs nothing), only the last expression's
value is printed (when visible), an error is the printed `[1] "Error in <call>: <message>"`
string after whatever the code printed before it, and deferred warnings follow the value.
"""

from .deparse import deparse
from .errors import RError, RSyntaxError
from .evaluator import NO_CALL, TOP, Evaluator
from .parser import parse
from .printing import escape_string, print_value
from .values import JObj
from . import base, sparkr  # noqa: F401 - they register their functions

ERROR_MARKER = '----LIVY_END_OF_ERROR----'
# R's error buffer (BUFSIZE - 1 bytes): longer messages are cut there.
MESSAGE_BYTES = 8191
LONG_WARNING = 75


class RRepl:
    def __init__(self, spark_state, info):
        self.spark_state = spark_state
        self.info = info
        self.evaluator = Evaluator(self)
        # Livy's prelude asks the backend for sc, spark and sqlContext, in that order: the
        # backend numbers the objects it hands out from 0.
        self.next_id = 0
        g = self.evaluator.globals.vars
        g['sc'] = self.new_jobj('org.apache.spark.api.java.JavaSparkContext')
        g['spark'] = self.new_jobj('org.apache.spark.sql.SparkSession')
        g['sqlContext'] = self.new_jobj('org.apache.spark.sql.SQLContext')

    def new_jobj(self, class_name):
        obj = JObj(class_name, str(self.next_id))
        self.next_id += 1
        return obj

    def execute(self, code):
        text = self.run(code)
        return livy_response(text)

    def run(self, code):
        """What R writes for one request, up to Livy's end marker."""
        ev = self.evaluator
        ev.out = []
        ev.warnings = []
        ev.calls = [TOP]
        try:
            try:
                exprs = parse(code)
            except RSyntaxError as e:
                raise RError(e.text(), 'parse(text = %s)' % escape_string(code))
            value, visible = None, True
            for expr in exprs:
                value = ev.eval(expr, ev.globals)
                visible = ev.visible
            if not exprs:
                from .values import NULL
                value = NULL
            if visible:
                ev.write(print_value(value))
        except RError as e:
            ev.write(print_value_of_error(e, code))
        except RecursionError:
            ev.write(print_value_of_error(RError('evaluation nested too deeply: infinite recursion / options(expressions=)?'), code))
        ev.write(self.warnings_text(code))
        return ''.join(ev.out)

    def warnings_text(self, code):
        """R's deferred warnings, printed after the top-level call returned."""
        warnings = self.evaluator.warnings
        if not warnings:
            return ''
        lines = [_warning(call, message, code) for call, message in warnings[:50]]
        if len(lines) == 1:
            return 'Warning message:\n%s\n' % lines[0]
        return 'Warning messages:\n' + ''.join('%d: %s\n' % (i + 1, w) for i, w in enumerate(lines))


def _call_text(call, code):
    if call is TOP or call is None:
        return 'eval(parse(text = %s))' % escape_string(code)
    if call is NO_CALL:
        return None
    if isinstance(call, str):
        return call
    return deparse(call)


def _warning(call, message, code):
    shown = _call_text(call, code)
    if shown is None:
        return message
    sep = '\n  ' if 6 + len(shown) + len(message.split('\n')[0]) > LONG_WARNING else ' '
    return 'In %s :%s%s' % (shown, sep, message)


def print_value_of_error(e, code):
    """The handler's value, printed: `sprintf("%s%s", e, marker)` of R's `as.character(e)`."""
    shown = _call_text(e.call, code)
    message = _cut(e.message)
    text = ('Error in %s: %s\n' % (shown, message)) if shown is not None else ('Error: %s\n' % message)
    return '[1] %s\n' % escape_string(text + ERROR_MARKER)


def _cut(message):
    data = message.encode('utf-8')
    if len(data) <= MESSAGE_BYTES:
        return message
    return data[:MESSAGE_BYTES].decode('utf-8', errors='ignore')


def livy_response(text):
    """Livy's reading of R's output: markers stripped, one newline trimmed at each end."""
    result = text
    if result.endswith('\n'):
        result = result[:-1]
    if result.endswith(ERROR_MARKER + '"'):
        result = result.replace('\\n' + ERROR_MARKER, '')
        if result.startswith('\n'):
            result = result[1:]
        if result.endswith('\n'):
            result = result[:-1]
        return {'status': 'error', 'ename': 'Error', 'evalue': result, 'traceback': []}
    return {'status': 'ok', 'data': {'text/plain': result}}

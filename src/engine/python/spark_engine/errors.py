"""Spark's exceptions, with the attributes the front ends need (CONTRACT.md seam 2).

Each error knows its JVM class, its JVM ``getMessage()`` text (built with Spark 3.5's message
composition rules: ``; line L pos P`` for SQL origins, ``;\\n<plan tree>`` for analysis errors
carrying a plan, ParseException's ``== SQL ==`` block) and its JVM stack frames.
"""

from . import jvm_frames
from .error_messages import render


class SparkThrowable(Exception):
    java_class = 'org.apache.spark.SparkException'
    pyspark_class = 'SparkRuntimeException'
    sql_state = None

    def __init__(self, error_class=None, params=None, message=None, frames=None):
        self.error_class = error_class
        self.message_parameters = dict(params or {})
        if message is None:
            message = render(error_class, self.message_parameters)
        self.message = message
        self.jvm_frames = list(frames) if frames is not None else jvm_frames.generic(self)
        Exception.__init__(self, self.java_message)

    @property
    def java_message(self):
        return self.message

    def __str__(self):
        return self.java_message

    def getErrorClass(self):
        return self.error_class

    def getMessageParameters(self):
        return dict(self.message_parameters)


class AnalysisException(SparkThrowable):
    """``AnalysisException`` / ``ExtendedAnalysisException`` (when a plan is attached)."""
    pyspark_class = 'AnalysisException'

    def __init__(self, error_class=None, params=None, message=None, line=None, pos=None,
                 plan=None, frames=None, origin_kind='analysis'):
        self.line = line
        self.pos = pos
        self.plan = plan  # a plan object (tree_string()) or a pre-rendered str
        self.origin_kind = origin_kind
        SparkThrowable.__init__(self, error_class, params, message, frames)
        if frames is None:
            self.jvm_frames = jvm_frames.for_analysis(self)

    @property
    def java_class(self):
        if self.plan is not None:
            return 'org.apache.spark.sql.catalyst.ExtendedAnalysisException'
        return 'org.apache.spark.sql.AnalysisException'

    @property
    def simple_message(self):
        if self.line is not None or self.pos is not None:
            ann = ''
            if self.line is not None:
                ann += ' line %d' % self.line
            if self.pos is not None:
                ann += ' pos %d' % self.pos
            return '%s;%s' % (self.message, ann)
        return self.message

    @property
    def java_message(self):
        text = self.simple_message
        if self.plan is not None:
            plan_text = self.plan if isinstance(self.plan, str) else self.plan.tree_string()
            text += ';\n' + plan_text
        return text

    def with_plan(self, plan):
        if self.plan is None:
            self.plan = plan
            self.args = (self.java_message,)
        return self


class ParseException(AnalysisException):
    """Spark's ParseException (its class attribute shadows AnalysisException's property)."""
    pyspark_class = 'ParseException'
    java_class = 'org.apache.spark.sql.catalyst.parser.ParseException'

    def __init__(self, error_class=None, params=None, message=None, command=None, line=None,
                 pos=None, frames=None):
        self.command = command
        AnalysisException.__init__(self, error_class, params, message, line, pos, None,
                                   frames if frames is not None else [], 'parse')
        if frames is None:
            self.jvm_frames = jvm_frames.for_parse(self)

    @property
    def java_message(self):
        out = ['\n', self.message]
        if self.line is not None and self.pos is not None:
            out.append('(line %d, pos %d)\n' % (self.line, self.pos))
            if self.command is not None:
                lines = self.command.split('\n')
                above, below = lines[:self.line], lines[self.line:]
                out.append('\n== SQL ==\n')
                for ln in above:
                    out.append(ln + '\n')
                out.append('-' * self.pos + '^^^\n')
                for ln in below:
                    out.append(ln + '\n')
        elif self.command is not None:
            out.append('\n== SQL ==\n' + self.command)
        return ''.join(out)



class NoSuchTableException(AnalysisException):
    """Raised by catalog commands (DROP TABLE/VIEW) for a missing table: no position, no plan."""
    java_class = 'org.apache.spark.sql.catalyst.analysis.NoSuchTableException'


class SparkArithmeticException(SparkThrowable):
    java_class = 'org.apache.spark.SparkArithmeticException'
    pyspark_class = 'ArithmeticException'


class SparkNumberFormatException(SparkThrowable):
    java_class = 'org.apache.spark.SparkNumberFormatException'
    pyspark_class = 'NumberFormatException'


class SparkDateTimeException(SparkThrowable):
    java_class = 'org.apache.spark.SparkDateTimeException'
    pyspark_class = 'DateTimeException'


class SparkRuntimeException(SparkThrowable):
    java_class = 'org.apache.spark.SparkRuntimeException'
    pyspark_class = 'SparkRuntimeException'


class SparkIllegalArgumentException(SparkThrowable):
    java_class = 'org.apache.spark.SparkIllegalArgumentException'
    pyspark_class = 'IllegalArgumentException'


class IllegalArgumentException(SparkThrowable):
    java_class = 'java.lang.IllegalArgumentException'
    pyspark_class = 'IllegalArgumentException'


class SparkUnsupportedOperationException(SparkThrowable):
    java_class = 'org.apache.spark.SparkUnsupportedOperationException'
    pyspark_class = 'UnsupportedOperationException'


class SparkNoSuchElementException(SparkThrowable):
    java_class = 'org.apache.spark.SparkNoSuchElementException'
    pyspark_class = 'SparkNoSuchElementException'


class CannotInferType(ValueError):
    """pyspark-side schema inference failure (raised as PySparkValueError by pyspark)."""

    def __init__(self, error_class, params, message):
        self.error_class = error_class
        self.message_parameters = params
        ValueError.__init__(self, message)


def analysis(error_class, params, origin=None, plan=None):
    """Shortcut: an AnalysisException positioned at ``origin`` ((line, pos) or None)."""
    line, pos = origin if origin else (None, None)
    return AnalysisException(error_class, params, line=line, pos=pos, plan=plan)

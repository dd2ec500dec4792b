"""Exceptions used inside the Scala REPL emulation."""


class Incomplete(Exception):
    """The request text ends before the statement does (the REPL asks for more input)."""


class ParseError(Exception):
    """A syntax error: reported by the REPL against the raw request text (``<console>:1``)."""

    def __init__(self, msg, pos):
        Exception.__init__(self, msg)
        self.msg = msg
        self.pos = pos


class CompileError(Exception):
    """A typer error: reported against the wrapped source (``<console>:NN``).

    ``detail`` are the lines scalac prints between the message line and the source line
    (for a type mismatch: `` found   : ...`` and `` required: ...``)."""

    def __init__(self, msg, pos, detail=()):
        Exception.__init__(self, msg)
        self.msg = msg
        self.pos = pos
        self.detail = list(detail)


class CompileErrors(Exception):
    def __init__(self, errors):
        Exception.__init__(self, errors[0].msg)
        self.errors = errors


class ScalaThrowable(Exception):
    """A JVM exception thrown while running user code.

    ``frames`` are the stack frames printed above ``... N elided`` (without the ``at ``);
    ``cause`` an optional nested ScalaThrowable (printed as ``Caused by:``)."""

    def __init__(self, java_class, message=None, frames=(), value=None):
        Exception.__init__(self, message)
        self.java_class = java_class
        self.message = message
        self.frames = list(frames)
        self.value = value   # the Scala-level exception object, when user code created it

    def header(self):
        if self.message is None:
            return self.java_class
        return '%s: %s' % (self.java_class, self.message)


class ControlReturn(Exception):
    def __init__(self, value):
        Exception.__init__(self)
        self.value = value

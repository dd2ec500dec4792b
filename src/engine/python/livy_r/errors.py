"""R conditions as the emulation raises them, and R's parse error text."""


class RError(Exception):
    """An R error condition: `message` and the call it is reported in (None: no call).

    `call` is an AST node, or a string already deparsed (the JVM bridge's fixed call).
    """

    def __init__(self, message, call=None):
        super().__init__(message)
        self.message = message
        self.call = call


class RSyntaxError(Exception):
    """A failure of R's parser; `text()` is the message `parse(text = ...)` signals."""

    def __init__(self, message, line, col, context, bare=False):
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col
        self.context = context
        self.bare = bare

    def text(self):
        if self.bare:
            return self.message
        lines = self.context.split('\n')
        context_line = len(lines)
        # R drops the empty line after the context's last newline (and counts one line less).
        if lines and lines[-1] == '':
            lines.pop()
            context_line -= 1
        head = '<text>:%d:%d: %s' % (self.line, self.col, self.message)
        if not lines:
            return head
        if len(lines) == 1:
            prefix = '%d: ' % context_line
            return '%s\n%s%s\n%s' % (head, prefix, lines[0], '^'.rjust(len(prefix) + self.col + 1))
        # With two lines R measures the prefix without its space, so the caret sits one left.
        width = len('%d:' % context_line)
        return '%s\n%d: %s\n%d: %s\n%s' % (head, context_line - 1, lines[-2], context_line,
                                           lines[-1], '^'.rjust(width + self.col + 1))


class BreakLoop(Exception):
    pass


class NextLoop(Exception):
    pass


class ReturnValue(Exception):
    def __init__(self, value):
        super().__init__()
        self.value = value

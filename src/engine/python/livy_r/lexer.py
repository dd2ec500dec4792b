"""R's tokens, with the line and column R's parser reports in its errors.

Columns count characters (R skips UTF-8 continuation bytes) and a token's column is the one of
its last character, which is where R's lexer stands when the parser gives up on it.
"""

from .errors import RSyntaxError

KEYWORDS = {
    'if', 'else', 'for', 'in', 'while', 'repeat', 'function', 'break', 'next',
    'TRUE', 'FALSE', 'NULL', 'NA', 'NA_integer_', 'NA_real_', 'NA_character_', 'Inf', 'NaN',
}

# Longest first: the lexer takes the longest operator that matches.
OPERATORS = (
    '<<-', '->>', ':::', '|>', '<-', '->', '<=', '>=', '==', '!=', '&&', '||', '::', '[[',
    '**', '+', '-', '*', '/', '^', '<', '>', '!', '&', '|', '~', '?', ':', '=', '$', '@',
    '(', ')', '{', '}', '[', ']', ',', ';', '\\',
)

ESCAPES = {'n': '\n', 't': '\t', 'r': '\r', '0': '\0', 'a': '\a', 'b': '\b', 'f': '\f',
           'v': '\v', '\\': '\\', '"': '"', "'": "'", '`': '`', ' ': ' ', '\n': '\n'}


class Token:
    __slots__ = ('kind', 'text', 'value', 'start', 'end', 'line', 'col')

    def __init__(self, kind, text, value, start, end, line, col):
        self.kind = kind    # num, int, str, sym, kw, op, nl, eof, special
        self.text = text
        self.value = value
        self.start = start
        self.end = end
        self.line = line
        self.col = col

    def __repr__(self):
        return 'Token(%s, %r)' % (self.kind, self.text)


def _position(code, end):
    """Line and column (of the character before `end`) as R's lexer counts them."""
    line = code.count('\n', 0, end) + 1
    start = code.rfind('\n', 0, end) + 1
    col = 0
    for ch in code[start:end]:
        col = ((col + 8) & ~7) if ch == '\t' else col + 1
    return line, col


def tokenize(code):
    """All tokens of `code` (R sees it followed by a newline), ending with `eof`."""
    text = code + '\n'
    out = []
    i = 0
    n = len(text)

    def add(kind, start, end, value=None):
        line, col = _position(text, end)
        out.append(Token(kind, text[start:end], value, start, end, line, col))

    while i < n:
        c = text[i]
        if c == '\n':
            add('nl', i, i + 1)
            i += 1
        elif c in ' \t\r\f':
            i += 1
        elif c == '#':
            while i < n and text[i] != '\n':
                i += 1
        elif c.isdigit() or (c == '.' and i + 1 < n and text[i + 1].isdigit()):
            i = _number(text, i, add)
        elif c.isalpha() or c == '.':
            j = i + 1
            while j < n and (text[j].isalnum() or text[j] in '._'):
                j += 1
            word = text[i:j]
            add('kw' if word in KEYWORDS else 'sym', i, j, word)
            i = j
        elif c in '"\'':
            i = _string(text, i, add)
        elif c == '`':
            j = text.find('`', i + 1)
            if j < 0:
                _incomplete(text, i, n)
            add('sym', i, j + 1, text[i + 1:j])
            i = j + 1
        elif c == '%':
            j = text.find('%', i + 1)
            if j < 0 or '\n' in text[i:j]:
                line, col = _position(text, i + 1)
                raise RSyntaxError('unexpected input', line, col, text[:i + 1])
            add('special', i, j + 1, text[i:j + 1])
            i = j + 1
        else:
            for op in OPERATORS:
                if text.startswith(op, i):
                    add('op', i, i + len(op), '^' if op == '**' else op)
                    i += len(op)
                    break
            else:
                line, col = _position(text, i + 1)
                raise RSyntaxError('unexpected input', line, col, text[:i + 1])
    line, col = _position(text, n)
    out.append(Token('eof', '', None, n, n, line, col))
    return out


def _number(text, i, add):
    n = len(text)
    j = i
    if text.startswith(('0x', '0X'), i):
        j = i + 2
        while j < n and text[j] in '0123456789abcdefABCDEF':
            j += 1
        value = float(int(text[i + 2:j], 16))
    else:
        while j < n and text[j].isdigit():
            j += 1
        if j < n and text[j] == '.':
            j += 1
            while j < n and text[j].isdigit():
                j += 1
        if j < n and text[j] in 'eE' and (text[j + 1:j + 2].isdigit() or (text[j + 1:j + 2] in ('+', '-') and text[j + 2:j + 3].isdigit())):
            j += 2
            while j < n and text[j].isdigit():
                j += 1
        value = float(text[i:j])
    if j < n and text[j] == 'L' and value == int(value) and abs(value) <= 2147483647:
        add('int', i, j + 1, int(value))
        return j + 1
    if j < n and text[j] == 'L':
        add('num', i, j + 1, value)
        return j + 1
    if j < n and text[j] == 'i':
        add('complex', i, j + 1, value)
        return j + 1
    add('num', i, j, value)
    return j


def _string(text, i, add):
    quote = text[i]
    n = len(text)
    j = i + 1
    chars = []
    while j < n:
        c = text[j]
        if c == quote:
            add('str', i, j + 1, ''.join(chars))
            return j + 1
        if c == '\\' and j + 1 < n:
            e = text[j + 1]
            if e in ESCAPES:
                chars.append(ESCAPES[e])
                j += 2
                continue
            if e == 'x':
                k = j + 2
                while k < n and k < j + 4 and text[k] in '0123456789abcdefABCDEF':
                    k += 1
                chars.append(chr(int(text[j + 2:k] or '0', 16)))
                j = k
                continue
            if e in 'uU':
                k = j + 2
                braced = k < n and text[k] == '{'
                if braced:
                    k += 1
                start = k
                limit = start + (4 if e == 'u' else 8)
                while k < n and k < limit and text[k] in '0123456789abcdefABCDEF':
                    k += 1
                chars.append(chr(int(text[start:k] or '0', 16)))
                j = k + (1 if braced and k < n and text[k] == '}' else 0)
                continue
            if e in '01234567':
                k = j + 1
                while k < n and k < j + 4 and text[k] in '01234567':
                    k += 1
                chars.append(chr(int(text[j + 1:k], 8)))
                j = k
                continue
            line, col = _position(text, j + 2)
            raise RSyntaxError("'\\%s' is an unrecognized escape in character string starting \"%s\""
                               % (e, text[i:j + 2]), line, col, text[:j + 2], bare=True)
        chars.append(c)
        j += 1
    _incomplete(text, i, n)


def _incomplete(text, i, n):
    # R reports an unterminated string where it starts.
    line, col = _position(text, i + 1)
    raise RSyntaxError('unexpected INCOMPLETE_STRING', line, col, text[:i + 1])

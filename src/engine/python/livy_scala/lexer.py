"""Scala tokenizer for the REPL subset.

Tokens carry their offset in the request text; the parser turns offsets into (line, column)
for error positions. Newlines are kept as ``nl`` tokens: the parser decides where they end a
statement (Scala's rule: not inside parentheses/brackets, not after an operator).
"""

import re

from .errors import ParseError, Incomplete

KEYWORDS = {
    'abstract', 'case', 'catch', 'class', 'def', 'do', 'else', 'extends', 'false', 'final',
    'finally', 'for', 'forSome', 'if', 'implicit', 'import', 'lazy', 'match', 'new', 'null',
    'object', 'override', 'package', 'private', 'protected', 'return', 'sealed', 'super',
    'this', 'throw', 'trait', 'try', 'true', 'type', 'val', 'var', 'while', 'with', 'yield',
}
RESERVED_OPS = {'=', '=>', '<-', ':', '#', '@', '<:', '>:', '<%', '\u21d2'}
OP_CHARS = set('!#%&*+-/:<=>?@\\^|~')


class Token:
    __slots__ = ('kind', 'value', 'pos', 'end', 'extra')

    def __init__(self, kind, value, pos, end, extra=None):
        self.kind = kind      # int long double float char string interp id op kw nl eof sym
        self.value = value
        self.pos = pos
        self.end = end
        self.extra = extra    # interp: prefix; string: raw text

    def __repr__(self):
        return 'Token(%s,%r,%d)' % (self.kind, self.value, self.pos)

    def is_(self, kind, value=None):
        return self.kind == kind and (value is None or self.value == value)


_ESCAPES = {'n': '\n', 't': '\t', 'b': '\b', 'r': '\r', 'f': '\f', '"': '"', "'": "'", '\\': '\\'}


# The characters a string literal's loop must look at one by one, by kind of literal; the
# plain runs between them are copied whole (a 10 MB literal char by char took seconds).
_SPECIAL = {
    (triple, raw, interp): re.compile(
        '[' + '"' + ('' if triple else '\n') + ('' if raw else '\\\\') + ('$' if interp else '') + ']')
    for triple in (False, True) for raw in (False, True) for interp in (False, True)
}


def _is_id_start(c):
    return c.isalpha() or c == '_' or c == '$'


def _is_id_part(c):
    return c.isalnum() or c == '_' or c == '$'


class Lexer:
    def __init__(self, text):
        self.text = text
        self.i = 0
        self.tokens = []

    def error(self, msg, pos):
        raise ParseError(msg, pos)

    def run(self):
        t = self.text
        n = len(t)
        while True:
            # skip spaces and comments
            while self.i < n:
                c = t[self.i]
                if c in ' \t\r\f':
                    self.i += 1
                elif c == '\n':
                    self.tokens.append(Token('nl', '\n', self.i, self.i + 1))
                    self.i += 1
                elif t.startswith('//', self.i):
                    j = t.find('\n', self.i)
                    self.i = n if j < 0 else j
                elif t.startswith('/*', self.i):
                    depth = 0
                    j = self.i
                    while True:
                        if j >= n:
                            raise Incomplete()
                        if t.startswith('/*', j):
                            depth += 1
                            j += 2
                        elif t.startswith('*/', j):
                            depth -= 1
                            j += 2
                            if depth == 0:
                                break
                        else:
                            j += 1
                    # a comment spanning lines still separates statements
                    if '\n' in t[self.i:j]:
                        self.tokens.append(Token('nl', '\n', self.i, j))
                    self.i = j
                else:
                    break
            if self.i >= n:
                self.tokens.append(Token('eof', None, n, n))
                return self.tokens
            self.token()

    def token(self):
        t = self.text
        start = self.i
        c = t[start]
        if c.isdigit() or (c == '.' and start + 1 < len(t) and t[start + 1].isdigit()
                           and not (self.tokens and self.tokens[-1].kind in ('id', 'sym') and self.tokens[-1].value in (')',))):
            return self.number()
        if c == '"':
            return self.string(start, None)
        if c == "'":
            return self.char_lit()
        if c == '`':
            j = t.find('`', start + 1)
            if j < 0:
                self.error('unclosed quoted identifier', start)
            self.tokens.append(Token('id', t[start + 1:j], start, j + 1))
            self.i = j + 1
            return
        if _is_id_start(c):
            j = start + 1
            while j < len(t):
                if _is_id_part(t[j]):
                    j += 1
                elif t[j - 1] == '_' and j - 1 > start and t[j] in OP_CHARS:
                    while j < len(t) and t[j] in OP_CHARS:
                        j += 1
                    break
                else:
                    break
            # identifiers like `unary_!` : letters then _ then op chars
            word = t[start:j]
            if j < len(t) and t[j] == '"' and word not in KEYWORDS:
                self.i = j
                return self.string(start, word)
            self.i = j
            if word in KEYWORDS:
                self.tokens.append(Token('kw', word, start, j))
            else:
                self.tokens.append(Token('id', word, start, j))
            return
        if c in '()[]{},;.':
            self.tokens.append(Token('sym', c, start, start + 1))
            self.i = start + 1
            return
        if c in OP_CHARS:
            j = start
            while j < len(t) and t[j] in OP_CHARS:
                # stop before a comment start
                if t.startswith('//', j) or t.startswith('/*', j):
                    if j > start:
                        break
                j += 1
            op = t[start:j]
            self.i = j
            if op in RESERVED_OPS:
                self.tokens.append(Token('sym', op, start, j))
            else:
                self.tokens.append(Token('id', op, start, j, 'op'))
            return
        self.error("illegal character '%s'" % (c if c.isprintable() else '\\u%04x' % ord(c)), start)

    def number(self):
        t = self.text
        start = self.i
        j = start
        n = len(t)
        if t.startswith(('0x', '0X'), j):
            j += 2
            while j < n and (t[j] in '0123456789abcdefABCDEF'):
                j += 1
            digits = t[start:j]
            if len(digits) == 2:
                self.error('invalid literal number', start)
            kind = 'int'
            if j < n and t[j] in 'lL':
                kind = 'long'
                j += 1
            self.i = j
            self.tokens.append(Token(kind, int(digits, 16), start, j, t[start:j]))
            return
        while j < n and t[j].isdigit():
            j += 1
        is_float = False
        if j < n and t[j] == '.' and j + 1 < n and t[j + 1].isdigit():
            is_float = True
            j += 1
            while j < n and t[j].isdigit():
                j += 1
        if j < n and t[j] in 'eE' and (j + 1 < n and (t[j + 1].isdigit() or (t[j + 1] in '+-' and j + 2 < n and t[j + 2].isdigit()))):
            is_float = True
            j += 2
            while j < n and t[j].isdigit():
                j += 1
        text = t[start:j]
        if j < n and t[j] in 'lL' and not is_float:
            self.i = j + 1
            self.tokens.append(Token('long', int(text), start, j + 1, t[start:j + 1]))
            return
        if j < n and t[j] in 'fF':
            self.i = j + 1
            self.tokens.append(Token('float', float(text), start, j + 1, t[start:j + 1]))
            return
        if j < n and t[j] in 'dD':
            self.i = j + 1
            self.tokens.append(Token('double', float(text), start, j + 1, t[start:j + 1]))
            return
        self.i = j
        if is_float:
            self.tokens.append(Token('double', float(text), start, j, text))
        else:
            self.tokens.append(Token('int', int(text), start, j, text))

    def char_lit(self):
        t = self.text
        start = self.i
        if start + 2 < len(t) and t[start + 1] == '\\':
            e = t[start + 2]
            if e == 'u':
                val = chr(int(t[start + 3:start + 7], 16))
                end = start + 7
            elif e in _ESCAPES:
                val = _ESCAPES[e]
                end = start + 3
            else:
                self.error('invalid escape character', start + 1)
            if end < len(t) and t[end] == "'":
                self.i = end + 1
                self.tokens.append(Token('char', val, start, end + 1))
                return
            self.error('unclosed character literal', start)
        if start + 2 < len(t) and t[start + 2] == "'" and t[start + 1] != '\n':
            self.i = start + 3
            self.tokens.append(Token('char', t[start + 1], start, start + 3))
            return
        self.error('unclosed character literal', start)

    def string(self, start, prefix):
        """A string literal at self.i (which points at the opening quote)."""
        t = self.text
        q = self.i
        triple = t.startswith('"""', q)
        raw = triple or prefix == 'raw'
        interp = prefix is not None
        parts = []   # str pieces and ('expr', text, offset) / ('id', name, offset)
        buf = []
        j = q + (3 if triple else 1)
        n = len(t)
        special = _SPECIAL[(triple, raw, interp)]
        while True:
            m = special.search(t, j)
            k = m.start() if m else n
            if k > j:
                buf.append(t[j:k])
                j = k
            if j >= n:
                if triple:
                    raise Incomplete()
                self.error('unclosed string literal', start)
            c = t[j]
            if triple and t.startswith('"""', j):
                # the closing quotes are the last three of a run of quotes
                k = j
                while k < n and t[k] == '"':
                    k += 1
                buf.append('"' * (k - j - 3))
                j = k
                break
            if not triple and c == '"':
                j += 1
                break
            if not triple and c == '\n':
                self.error('unclosed string literal', start)
            if interp and c == '$':
                if j + 1 < n and t[j + 1] == '$':
                    buf.append('$')
                    j += 2
                    continue
                if j + 1 < n and t[j + 1] == '{':
                    depth = 0
                    k = j + 1
                    while k < n:
                        if t[k] == '{':
                            depth += 1
                        elif t[k] == '}':
                            depth -= 1
                            if depth == 0:
                                break
                        k += 1
                    if k >= n:
                        raise Incomplete()
                    parts.append(''.join(buf))
                    buf = []
                    parts.append(('expr', t[j + 2:k], j + 2))
                    j = k + 1
                    continue
                if j + 1 < n and (t[j + 1].isalpha() or t[j + 1] == '_'):
                    k = j + 1
                    while k < n and (t[k].isalnum() or t[k] == '_'):
                        k += 1
                    parts.append(''.join(buf))
                    buf = []
                    parts.append(('id', t[j + 1:k], j + 1))
                    j = k
                    continue
                self.error("invalid string interpolation $%s, expected: $$, $identifier or ${expression}" % (t[j + 1] if j + 1 < n else ''), j)
            if c == '\\' and not raw:
                if j + 1 < n:
                    e = t[j + 1]
                    if e == 'u' and j + 5 < n:
                        buf.append(chr(int(t[j + 2:j + 6], 16)))
                        j += 6
                        continue
                    if e in _ESCAPES:
                        buf.append(_ESCAPES[e])
                        j += 2
                        continue
                    self.error('invalid escape character', j + 1)
            buf.append(c)
            j += 1
        parts.append(''.join(buf))
        self.i = j
        if interp:
            self.tokens.append(Token('interp', parts, start, j, prefix))
        else:
            self.tokens.append(Token('string', parts[0], start, j, t[start:j]))


def tokenize(text):
    return Lexer(text).run()

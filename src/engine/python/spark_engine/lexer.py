"""Tokenizer for Spark's SQL dialect (SqlBaseLexer subset).

Tokens keep their line (1-based) and char position in line (0-based), which is what Spark
reports in ``line L pos P`` and ParseException's ``(line L, pos P)``.
"""

from .errors import ParseException


class Token:
    __slots__ = ('kind', 'text', 'value', 'line', 'pos', 'start', 'end')

    def __init__(self, kind, text, value, line, pos, start, end):
        self.kind = kind      # 'ident', 'qident', 'string', 'int', 'decimal', 'double', 'op', 'eof'...
        self.text = text
        self.value = value
        self.line = line
        self.pos = pos
        self.start = start
        self.end = end

    @property
    def upper(self):
        return self.text.upper() if self.kind == 'ident' else None

    def __repr__(self):
        return 'Token(%s, %r)' % (self.kind, self.text)


_OPS = ['<=>', '<>', '!=', '<=', '>=', '==', '||', '->', '=>', '::',
        '=', '<', '>', '+', '-', '*', '/', '%', '&', '|', '^', '~', '!', '(', ')', ',', '.', ';',
        '[', ']', ':', '?', '{', '}']

_ESC = {'0': '\0', "'": "'", '"': '"', 'b': '\b', 'n': '\n', 'r': '\r', 't': '\t', 'Z': '\x1a',
        '\\': '\\', '%': '\\%', '_': '\\_'}


def _unescape(body):
    out = []
    i = 0
    n = len(body)
    while i < n:
        c = body[i]
        if c == '\\' and i + 1 < n:
            d = body[i + 1]
            if d == 'u' and i + 5 < n + 0 and all(ch in '0123456789abcdefABCDEF' for ch in body[i + 2:i + 6]) and len(body[i + 2:i + 6]) == 4:
                out.append(chr(int(body[i + 2:i + 6], 16)))
                i += 6
                continue
            out.append(_ESC.get(d, d))
            i += 2
            continue
        out.append(c)
        i += 1
    return ''.join(out)


def tokenize(text):
    toks = []
    i = 0
    n = len(text)
    line = 1
    line_start = 0

    def err_at(pos_index, msg_token):
        ln = text.count('\n', 0, pos_index) + 1
        col = pos_index - (text.rfind('\n', 0, pos_index) + 1)
        return ParseException('PARSE_SYNTAX_ERROR', {'error': msg_token, 'hint': ''},
                              command=text, line=ln, pos=col)

    while i < n:
        c = text[i]
        if c == '\n':
            line += 1
            i += 1
            line_start = i
            continue
        if c in ' \t\r\f':
            i += 1
            continue
        if c == '-' and text.startswith('--', i):
            j = text.find('\n', i)
            i = n if j < 0 else j
            continue
        if c == '/' and text.startswith('/*', i):
            depth = 0
            j = i
            while j < n:
                if text.startswith('/*', j):
                    depth += 1
                    j += 2
                elif text.startswith('*/', j):
                    depth -= 1
                    j += 2
                    if depth == 0:
                        break
                else:
                    if text[j] == '\n':
                        line += 1
                        line_start = j + 1
                    j += 1
            if depth != 0:
                raise ParseException('UNCLOSED_BRACKETED_COMMENT', {}, message='[UNCLOSED_BRACKETED_COMMENT] Found an unclosed bracketed comment. Please, append */ at the end of the comment.', command=text)
            i = j
            continue
        pos = i - line_start
        start = i
        if c in '\'"':
            j = i + 1
            while j < n and text[j] != c:
                if text[j] == '\\':
                    j += 1
                j += 1
            if j >= n:
                raise err_at(i, "'%s'" % c)
            body = text[i + 1:j]
            toks.append(Token('string', text[i:j + 1], _unescape(body), line, pos, start, j + 1))
            line += body.count('\n')
            if '\n' in body:
                line_start = i + 1 + body.rfind('\n') + 1
            i = j + 1
            continue
        if c == '`':
            j = i + 1
            buf = []
            while True:
                if j >= n:
                    raise err_at(i, "'`'")
                if text[j] == '`':
                    if j + 1 < n and text[j + 1] == '`':
                        buf.append('`')
                        j += 2
                        continue
                    break
                buf.append(text[j])
                j += 1
            toks.append(Token('qident', text[i:j + 1], ''.join(buf), line, pos, start, j + 1))
            i = j + 1
            continue
        if c.isdigit() or (c == '.' and i + 1 < n and text[i + 1].isdigit()):
            j = i
            while j < n and text[j].isdigit():
                j += 1
            is_dec = False
            if j < n and text[j] == '.' and not (j + 1 < n and text[j + 1] == '.'):
                is_dec = True
                j += 1
                while j < n and text[j].isdigit():
                    j += 1
            is_exp = False
            if j < n and text[j] in 'eE':
                k = j + 1
                if k < n and text[k] in '+-':
                    k += 1
                if k < n and text[k].isdigit():
                    while k < n and text[k].isdigit():
                        k += 1
                    j = k
                    is_exp = True
            num = text[i:j]
            suffix = ''
            m = j
            while m < n and (text[m].isalnum() or text[m] == '_'):
                m += 1
            tail = text[j:m]
            if tail.upper() in ('L', 'S', 'Y', 'D', 'F', 'BD'):
                suffix = tail.upper()
                j = m
            elif tail and not is_dec and not is_exp:
                # identifiers may start with digits in Spark (e.g. 1a); treat as identifier
                toks.append(Token('ident', text[i:m], text[i:m], line, pos, start, m))
                i = m
                continue
            kind = 'double' if is_exp else ('decimal' if is_dec else 'int')
            toks.append(Token(kind, text[i:j], (num, suffix), line, pos, start, j))
            i = j
            continue
        if c.isalpha() or c == '_' or ord(c) > 127:
            j = i
            while j < n and (text[j].isalnum() or text[j] == '_' or ord(text[j]) > 127):
                j += 1
            word = text[i:j]
            toks.append(Token('ident', word, word, line, pos, start, j))
            i = j
            continue
        for op in _OPS:
            if text.startswith(op, i):
                toks.append(Token('op', op, op, line, pos, start, i + len(op)))
                i += len(op)
                break
        else:
            raise err_at(i, "'%s'" % c)
    toks.append(Token('eof', '<EOF>', None, line, n - line_start, n, n))
    return toks

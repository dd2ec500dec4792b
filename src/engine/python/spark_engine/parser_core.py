"""Parser state and token helpers shared by the grammar rules (positions, identifiers,
Spark-style syntax errors)."""


from . import types as T
from . import expressions as E
from .errors import ParseException
from .lexer import tokenize


_RESERVED_ALIAS = {
    'FROM', 'WHERE', 'GROUP', 'HAVING', 'ORDER', 'LIMIT', 'OFFSET', 'UNION', 'EXCEPT', 'INTERSECT',
    'MINUS', 'JOIN', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'NATURAL', 'ON', 'USING', 'SEMI',
    'ANTI', 'AS', 'LATERAL', 'WINDOW', 'SORT', 'CLUSTER', 'DISTRIBUTE', 'SELECT', 'WHEN', 'THEN',
    'ELSE', 'END', 'AND', 'OR', 'NOT', 'IS', 'IN', 'BETWEEN', 'LIKE', 'ILIKE', 'RLIKE', 'REGEXP',
    'ASC', 'DESC', 'NULLS', 'OUTER', 'FOR', 'TABLESAMPLE', 'PIVOT', 'UNPIVOT', 'QUALIFY', 'VALUES',
    'WITH', 'ALL', 'DISTINCT', 'CASE', 'INTO', 'OVER', 'FILTER',
}

_COMPARISON = {'=': '=', '==': '=', '<': '<', '<=': '<=', '>': '>', '>=': '>=', '<=>': '<=>'}

_TYPE_NAMES = {
    'BOOLEAN': T.BooleanType, 'TINYINT': T.ByteType, 'BYTE': T.ByteType, 'SMALLINT': T.ShortType,
    'SHORT': T.ShortType, 'INT': T.IntegerType, 'INTEGER': T.IntegerType, 'BIGINT': T.LongType,
    'LONG': T.LongType, 'FLOAT': T.FloatType, 'REAL': T.FloatType, 'DOUBLE': T.DoubleType,
    'DATE': T.DateType, 'TIMESTAMP': T.TimestampType, 'TIMESTAMP_LTZ': T.TimestampType,
    'TIMESTAMP_NTZ': T.TimestampNTZType, 'STRING': T.StringType, 'BINARY': T.BinaryType,
    'VOID': T.NullType,
}


def _with_origin(method):
    """Give the expression built by a grammar rule the position of its first token (Spark's
    Origin), unless a deeper rule already set one."""
    def wrapper(self, *a, **k):
        t = self.tok
        e = method(self, *a, **k)
        if isinstance(e, E.Expression) and e.origin is None:
            e.origin = (t.line, t.pos)
        return e
    wrapper.__name__ = method.__name__
    return wrapper


class ParserCore:
    def __init__(self, text):
        self.text = text
        self.toks = tokenize(text)
        self.i = 0

    # ------------------------------------------------------------------ token helpers

    @property
    def tok(self):
        return self.toks[self.i]

    def peek(self, k=1):
        j = min(self.i + k, len(self.toks) - 1)
        return self.toks[j]

    def advance(self):
        t = self.toks[self.i]
        if self.i < len(self.toks) - 1:
            self.i += 1
        return t

    def at_kw(self, *words):
        t = self.tok
        return t.kind == 'ident' and t.text.upper() in words

    def peek_kw(self, k, *words):
        t = self.peek(k)
        return t.kind == 'ident' and t.text.upper() in words

    def peek_op(self, op, k=0):
        t = self.peek(k) if k else self.tok
        return t.kind == 'op' and t.text == op

    def accept_kw(self, *words):
        if self.at_kw(*words):
            return self.advance()
        return None

    def accept_op(self, op):
        if self.peek_op(op):
            return self.advance()
        return None

    def error(self, tok=None, hint=''):
        t = tok or self.tok
        where = 'end of input' if t.kind == 'eof' else "'%s'" % t.text
        return ParseException('PARSE_SYNTAX_ERROR', {'error': where, 'hint': hint},
                              command=self.text, line=t.line, pos=t.pos)

    def expect_kw(self, word):
        if not self.at_kw(word):
            raise self.error()
        return self.advance()

    def expect_op(self, op):
        if not self.peek_op(op):
            if op == ')' :
                raise self.error(hint=": missing ')'")
            raise self.error()
        return self.advance()

    def expect_eof(self):
        while self.peek_op(';'):
            self.advance()
        if self.tok.kind != 'eof':
            # ANTLR's single-token deletion: "extra input" only when the token after is the end
            nxt = self.peek(1)
            if nxt.kind == 'eof' or (nxt.kind == 'op' and nxt.text == ';'):
                raise self.error(hint=": extra input '%s'" % self.tok.text)
            raise self.error()

    def origin(self, t=None):
        t = t or self.tok
        return (t.line, t.pos)

    # ------------------------------------------------------------------ identifiers

    def is_identifier(self, reserved=()):
        t = self.tok
        if t.kind == 'qident':
            return True
        return t.kind == 'ident' and t.text.upper() not in reserved

    def identifier(self, reserved=()):
        t = self.tok
        if t.kind == 'qident':
            self.advance()
            return t.value
        if t.kind == 'ident' and t.text.upper() not in reserved:
            self.advance()
            return t.text
        raise self.error()

    def multipart_identifier(self):
        parts = [self.identifier()]
        while self.peek_op('.') and self.peek(1).kind in ('ident', 'qident'):
            self.advance()
            parts.append(self.identifier())
        return parts

    # ------------------------------------------------------------------ statements

    def _skip_parens(self):
        depth = 0
        while True:
            t = self.advance()
            if t.kind == 'eof':
                raise self.error(t)
            if t.kind == 'op' and t.text == '(':
                depth += 1
            elif t.kind == 'op' and t.text == ')':
                depth -= 1
                if depth == 0:
                    return

    def _rest_text(self):
        start = self.tok.start
        end = len(self.text)
        self.i = len(self.toks) - 1
        txt = self.text[start:end]
        return txt.rstrip().rstrip(';')

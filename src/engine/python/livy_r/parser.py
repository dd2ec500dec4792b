"""R's grammar (the parts the emulation evaluates), into R's own shape: everything is a call.

`1 + 2` is the call `+`(1, 2), `x <- 5` is `<-`(x, 5), `if`, `for`, `{`, `(` are calls too, so
evaluation and deparsing (error messages show calls as R deparses them) treat them alike.
Failures are R's: `unexpected symbol`, `unexpected end of input`, at R's line and column.
"""

from .errors import RSyntaxError
from .lexer import tokenize


class Node:
    __slots__ = ('kind', 'value', 'args', 'src')

    def __init__(self, kind, value=None, args=None, src=None):
        self.kind = kind    # num int str complex const sym call function
        self.value = value  # literal value, symbol name, or the called node
        self.args = args    # call: [(name or None, node or None)]; function: [(name, default)]
        self.src = src      # function: body node

    def __repr__(self):
        return 'Node(%s, %r, %r)' % (self.kind, self.value, self.args)


def sym(name):
    return Node('sym', name)


def call(name, *args):
    return Node('call', sym(name), [(None, a) for a in args])


# Binary operators: (left binding power, right binding power). Higher binds tighter.
BINARY = {
    '?': (1, 2),
    '=': (3, 2), '<-': (5, 4), '<<-': (5, 4), '->': (6, 7), '->>': (6, 7),
    '~': (8, 9),
    '||': (10, 11), '|': (10, 11),
    '&&': (12, 13), '&': (12, 13),
    '==': (16, 17), '!=': (16, 17), '<': (16, 17), '>': (16, 17), '<=': (16, 17), '>=': (16, 17),
    '+': (18, 19), '-': (18, 19),
    '*': (20, 21), '/': (20, 21),
    'special': (22, 23), '|>': (22, 23),
    ':': (24, 25),
    '^': (29, 28),
}
NOT_BP = 14
UNARY_BP = 26
COMPARISONS = {'==', '!=', '<', '>', '<=', '>='}

# How R's parser names a token it did not expect.
TOKEN_NAMES = {
    'num': 'numeric constant', 'int': 'numeric constant', 'complex': 'numeric constant',
    'str': 'string constant', 'sym': 'symbol', 'eof': 'end of input', 'nl': 'end of line',
    'special': 'SPECIAL',
}
OP_NAMES = {'<-': 'assignment', '<<-': 'assignment', '->': "'->'", '->>': "'->'", '[[': "'[['"}


def describe(tok):
    if tok.kind in TOKEN_NAMES:
        return TOKEN_NAMES[tok.kind]
    if tok.kind == 'kw':
        if tok.text in ('TRUE', 'FALSE', 'NA', 'Inf', 'NaN', 'NA_integer_', 'NA_real_', 'NA_character_'):
            return 'numeric constant'
        return "'%s'" % tok.text
    return OP_NAMES.get(tok.text, "'%s'" % tok.text)


class Parser:
    def __init__(self, code):
        self.code = code
        self.tokens = tokenize(code)
        self.i = 0
        # '(' and '[' ignore newlines; '{' and the top level end expressions at them.
        self.context = ['top']

    # -- tokens -------------------------------------------------------------------------
    def peek(self):
        if self.context[-1] in ('(', '['):
            while self.tokens[self.i].kind == 'nl':
                self.i += 1
        return self.tokens[self.i]

    def next(self):
        tok = self.peek()
        self.i += 1
        return tok

    def skip_newlines(self):
        while self.tokens[self.i].kind == 'nl':
            self.i += 1

    def fail(self, tok):
        raise RSyntaxError('unexpected ' + describe(tok), tok.line, tok.col, self.code[:tok.end] + ('\n' if tok.kind == 'eof' else ''))

    def expect(self, text):
        tok = self.next()
        if tok.kind != 'op' or tok.text != text:
            self.fail(tok)
        return tok

    def is_op(self, tok, *texts):
        return tok.kind == 'op' and tok.text in texts

    # -- program ------------------------------------------------------------------------
    def program(self):
        exprs = []
        while True:
            tok = self.peek()
            if tok.kind == 'eof':
                return exprs
            if tok.kind == 'nl' or self.is_op(tok, ';'):
                self.i += 1
                continue
            exprs.append(self.expression(0))
            tok = self.peek()
            if not (tok.kind in ('nl', 'eof') or self.is_op(tok, ';')):
                self.fail(tok)

    def expression(self, min_bp):
        left = self.prefix()
        while True:
            tok = self.peek()
            if tok.kind == 'special':
                op = tok.value
                lbp, rbp = BINARY['special']
            elif tok.kind == 'op' and tok.text in BINARY:
                op = tok.text
                lbp, rbp = BINARY[op]
            elif tok.kind == 'op' and tok.text in ('(', '[', '[[', '$', '@', '::', ':::'):
                left = self.postfix(left)
                continue
            else:
                return left
            if lbp < min_bp:
                return left
            # `=` is an assignment only where a whole expression stands, not inside one.
            if op == '=' and min_bp > 3:
                return left
            self.i += 1
            self.skip_newlines()
            right = self.expression(rbp)
            if op in COMPARISONS and self._chained_comparison():
                self.fail(self.peek())
            if op in ('->', '->>'):
                left = call('<-' if op == '->' else '<<-', right, left)
            elif op == '|>':
                if right.kind != 'call':
                    raise RSyntaxError('The pipe operator requires a function call as RHS', tok.line, tok.col, self.code[:tok.end], bare=True)
                left = Node('call', right.value, [(None, left)] + right.args)
            else:
                left = call(op, left, right)

    def _chained_comparison(self):
        tok = self.peek()
        return tok.kind == 'op' and tok.text in COMPARISONS

    def prefix(self):
        tok = self.next()
        k = tok.kind
        if k == 'num':
            return Node('num', tok.value)
        if k == 'int':
            return Node('int', tok.value)
        if k == 'complex':
            return Node('complex', tok.value)
        if k == 'str':
            return Node('str', tok.value)
        if k == 'sym':
            return sym(tok.value)
        if k == 'kw':
            word = tok.text
            if word in ('TRUE', 'FALSE', 'NULL', 'NA', 'NA_integer_', 'NA_real_', 'NA_character_', 'Inf', 'NaN'):
                return Node('const', word)
            if word == 'function':
                return self.function()
            if word == 'if':
                return self.if_()
            if word == 'for':
                return self.for_()
            if word == 'while':
                self.context.append('(')
                self.expect('(')
                cond = self.expression(0)
                self.expect(')')
                self.context.pop()
                self.skip_newlines()
                return call('while', cond, self.expression(2))
            if word == 'repeat':
                self.skip_newlines()
                return call('repeat', self.expression(2))
            if word in ('break', 'next'):
                return Node('call', sym(word), [])
            self.fail(tok)
        if k == 'op':
            t = tok.text
            if t == '(':
                self.context.append('(')
                inner = self.expression(0)
                self.expect(')')
                self.context.pop()
                return call('(', inner)
            if t == '{':
                return self.block()
            if t in ('-', '+'):
                self.skip_newlines()
                return call(t, self.expression(UNARY_BP))
            if t == '!':
                self.skip_newlines()
                return call('!', self.expression(NOT_BP))
            if t == '~':
                self.skip_newlines()
                return call('~', self.expression(9))
            if t == '\\':
                return self.function()
        self.fail(tok)

    def postfix(self, left):
        tok = self.next()
        t = tok.text
        if t == '(':
            return Node('call', left, self.arguments(')'))
        if t in ('[', '[['):
            args = self.arguments(']')
            if t == '[[':
                self.context.append('[')
                self.expect(']')
                self.context.pop()
            return Node('call', sym(t), [(None, left)] + args)
        if t in ('$', '@'):
            name = self.next()
            if name.kind not in ('sym', 'str') and not (name.kind == 'op' and name.text == '('):
                self.fail(name)
            if name.kind == 'op':
                self.fail(name)
            return call(t, left, sym(name.value))
        # `pkg::name`
        if left.kind not in ('sym', 'str'):
            self.fail(tok)
        name = self.next()
        if name.kind not in ('sym', 'str'):
            self.fail(name)
        return call(t, sym(left.value), sym(name.value))

    def arguments(self, closing):
        """Call or index arguments up to `closing`; empty ones are missing (None)."""
        self.context.append('(' if closing == ')' else '[')
        args = []
        tok = self.peek()
        if self.is_op(tok, closing):
            self.i += 1
            self.context.pop()
            return args
        while True:
            tok = self.peek()
            name = None
            if tok.kind in ('sym', 'str') or (tok.kind == 'kw' and tok.text == 'NULL'):
                after = self.tokens[self.i + 1:]
                nxt = next((t for t in after if t.kind != 'nl'), None)
                if nxt is not None and nxt.kind == 'op' and nxt.text == '=':
                    name = tok.value if tok.kind != 'kw' else 'NULL'
                    self.i += 1
                    self.next()
            tok = self.peek()
            if self.is_op(tok, ',', closing):
                args.append((name, None))
            else:
                args.append((name, self.expression(3)))
            tok = self.next()
            if self.is_op(tok, closing):
                break
            if not self.is_op(tok, ','):
                self.fail(tok)
        self.context.pop()
        # `f(a, )`: a trailing empty argument after a comma is kept, as in R.
        return args

    def block(self):
        self.context.append('{')
        exprs = []
        while True:
            tok = self.peek()
            if tok.kind == 'nl' or self.is_op(tok, ';'):
                self.i += 1
                continue
            if self.is_op(tok, '}'):
                self.i += 1
                break
            if tok.kind == 'eof':
                self.fail(tok)
            exprs.append(self.expression(0))
            tok = self.peek()
            if not (tok.kind == 'nl' or self.is_op(tok, ';', '}')):
                self.fail(tok)
        self.context.pop()
        return Node('call', sym('{'), [(None, e) for e in exprs])

    def function(self):
        self.context.append('(')
        self.expect('(')
        params = []
        tok = self.peek()
        if not self.is_op(tok, ')'):
            while True:
                tok = self.next()
                if tok.kind != 'sym':
                    self.fail(tok)
                default = None
                if self.is_op(self.peek(), '='):
                    self.i += 1
                    default = self.expression(3)
                params.append((tok.value, default))
                tok = self.next()
                if self.is_op(tok, ')'):
                    break
                if not self.is_op(tok, ','):
                    self.fail(tok)
        else:
            self.i += 1
        self.context.pop()
        self.skip_newlines()
        body = self.expression(2)
        return Node('function', None, params, body)

    def if_(self):
        self.context.append('(')
        self.expect('(')
        cond = self.expression(0)
        self.expect(')')
        self.context.pop()
        self.skip_newlines()
        then = self.expression(2)
        # Inside braces R looks past newlines for an `else`; at the top level it does not.
        save = self.i
        if self.context[-1] != 'top':
            self.skip_newlines()
        tok = self.peek()
        if tok.kind == 'kw' and tok.text == 'else':
            self.i += 1
            self.skip_newlines()
            return call('if', cond, then, self.expression(2))
        self.i = save
        return call('if', cond, then)

    def for_(self):
        self.context.append('(')
        self.expect('(')
        var = self.next()
        if var.kind != 'sym':
            self.fail(var)
        tok = self.next()
        if not (tok.kind == 'kw' and tok.text == 'in'):
            self.fail(tok)
        seq = self.expression(0)
        self.expect(')')
        self.context.pop()
        self.skip_newlines()
        return call('for', sym(var.value), seq, self.expression(2))


def parse(code):
    """The expressions of `code`, or RSyntaxError as `parse(text = code)` reports it."""
    return Parser(code).program()

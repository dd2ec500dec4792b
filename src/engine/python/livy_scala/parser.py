"""Parser for the Scala REPL subset: statements, expressions and types.

AST nodes are ``Node(kind, pos, **fields)``; ``pos`` is the offset of the node's first
character in the request text (what scalac's caret points at).
"""

from .errors import ParseError, Incomplete
from .lexer import tokenize, Token


class Node:
    desugared = None
    prim = None

    def __init__(self, kind, pos, **fields):
        self.kind = kind
        self.pos = pos
        self.tpe = None
        self.__dict__.update(fields)

    def __repr__(self):
        items = ', '.join('%s=%r' % (k, v) for k, v in self.__dict__.items()
                          if k not in ('kind', 'pos', 'tpe'))
        return '%s(%s)' % (self.kind, items)


class TypeNode:
    """A written type: ``name[args]``, a tuple ``(A, B)`` or a function ``A => B``."""

    def __init__(self, name, args=(), pos=0):
        self.name = name          # 'Tuple' / 'Function' / dotted name
        self.args = list(args)
        self.pos = pos

    def __repr__(self):
        return 'TypeNode(%s, %r)' % (self.name, self.args)


# precedence of an infix operator by its first character (Scala spec 6.12.3)
def op_precedence(op):
    if op[-1] == '=' and op not in ('<=', '>=', '!=') and op[0] != '=' and len(op) > 1:
        return 0      # assignment operators
    c = op[0]
    if c.isalpha() or c == '_' or c == '$':
        return 1
    table = {'|': 2, '^': 3, '&': 4, '=': 5, '!': 5, '<': 6, '>': 6, ':': 7,
             '+': 8, '-': 8, '*': 9, '/': 9, '%': 9}
    return table.get(c, 10)


STAT_START_KW = {'val', 'var', 'def', 'case', 'class', 'object', 'trait', 'import', 'lazy',
                 'implicit', 'sealed', 'abstract', 'final', 'private', 'protected', 'override',
                 'type', 'package'}


def describe(tok):
    if tok.kind == 'eof':
        return 'eof'
    if tok.kind == 'nl':
        return 'newline'
    if tok.kind in ('kw', 'sym'):
        return "'%s'" % tok.value
    if tok.kind == 'id':
        return 'identifier'
    if tok.kind == 'string' or tok.kind == 'interp':
        return 'string literal'
    if tok.kind in ('int', 'long', 'double', 'float'):
        return {'int': 'integer literal', 'long': 'long literal', 'double': 'double literal',
                'float': 'float literal'}[tok.kind]
    if tok.kind == 'char':
        return 'character literal'
    return tok.kind


class Parser:
    def __init__(self, text):
        self.text = text
        self.toks = tokenize(text)
        self.i = 0
        self.nl_off = 0              # > 0 inside parentheses/brackets: newlines are whitespace
        self.placeholders = None     # list collecting `_` of the innermost Expr

    # -- token helpers ------------------------------------------------------------------
    def peek(self, k=0):
        i = self.i
        while True:
            t = self.toks[i]
            if t.kind == 'nl' and self.nl_off:
                i += 1
                continue
            if k == 0:
                return t
            k -= 1
            i += 1

    def next(self):
        while self.toks[self.i].kind == 'nl' and self.nl_off:
            self.i += 1
        t = self.toks[self.i]
        if t.kind != 'eof':
            self.i += 1
        return t

    def skip_nl(self):
        while self.toks[self.i].kind == 'nl':
            self.i += 1

    def peek_past_nl(self):
        j = self.i
        while self.toks[j].kind == 'nl':
            j += 1
        return self.toks[j]

    def at(self, kind, value=None):
        return self.peek().is_(kind, value)

    def at_sym(self, value):
        t = self.peek()
        return t.kind == 'sym' and t.value == value

    def accept_sym(self, value):
        if self.at_sym(value):
            return self.next()
        return None

    def fail(self, msg, tok=None):
        tok = tok or self.peek()
        if tok.kind == 'eof':
            raise Incomplete()
        raise ParseError(msg, tok.pos)

    def expect_sym(self, value):
        t = self.peek()
        if t.kind == 'sym' and t.value == value:
            return self.next()
        self.fail("'%s' expected but %s found." % (value, describe(t)))

    def expect_kw(self, value):
        t = self.peek()
        if t.kind == 'kw' and t.value == value:
            return self.next()
        self.fail("'%s' expected but %s found." % (value, describe(t)))

    def ident(self):
        t = self.peek()
        if t.kind == 'id':
            return self.next()
        self.fail('identifier expected but %s found.' % describe(t))

    # -- statements ---------------------------------------------------------------------
    def parse_stats(self):
        """Top level of a request: statements separated by newlines or semicolons."""
        stats = []
        while True:
            self.skip_nl()
            while self.at_sym(';'):
                self.next()
                self.skip_nl()
            t = self.peek()
            if t.kind == 'eof':
                break
            stats.append(self.statement())
            t = self.toks[self.i]
            if t.kind == 'eof':
                break
            if t.kind == 'nl' or (t.kind == 'sym' and t.value == ';'):
                continue
            if t.kind == 'sym' and t.value in (')', ']', '}'):
                raise ParseError("eof expected but '%s' found." % t.value, t.pos)
            raise ParseError("';' expected but %s found." % describe(t), t.pos)
        return stats

    def statement(self):
        t = self.peek()
        while t.kind == 'sym' and t.value == '@':
            # annotations (@transient, @volatile...) do not change what the REPL runs here
            self.next()
            self.ident()
            while self.at_sym('.'):
                self.next()
                self.ident()
            if self.at_sym('('):
                self.args()
            self.skip_nl()
            t = self.peek()
        if (t.kind == 'sym' and t.value in ('.', ')', ']', '}', '=>', '=', ',', ':', '<-')) or t.is_('kw', 'else') \
                or t.is_('kw', 'catch') or t.is_('kw', 'finally') or t.is_('kw', 'yield') or t.is_('kw', 'extends') or t.is_('kw', 'with'):
            raise ParseError('illegal start of definition', t.pos)
        if t.kind == 'kw':
            mods = []
            while t.kind == 'kw' and t.value in ('lazy', 'implicit', 'final', 'private', 'protected',
                                                  'override', 'sealed', 'abstract'):
                mods.append(self.next().value)
                t = self.peek()
            if t.is_('kw', 'val') or t.is_('kw', 'var'):
                return self.val_def(mods)
            if t.is_('kw', 'def'):
                return self.def_def(mods)
            if t.is_('kw', 'case') and self.peek(1).is_('kw', 'class'):
                self.next()
                return self.class_def(mods, True)
            if t.is_('kw', 'class'):
                return self.class_def(mods, False)
            if t.is_('kw', 'import'):
                return self.import_stat()
            if t.value in ('object', 'trait', 'type', 'package') or (t.value == 'case' and self.peek(1).is_('kw', 'object')):
                return self.unsupported_def(t)
            if mods:
                self.fail("expected start of definition")
        return self.expr()

    def unsupported_def(self, t):
        start = t.pos
        # consume the rest of the statement (balanced) so the error is a compile error
        depth = 0
        while True:
            tok = self.toks[self.i]
            if tok.kind == 'eof':
                if depth:
                    raise Incomplete()
                break
            if tok.kind == 'sym' and tok.value in '({[':
                depth += 1
            elif tok.kind == 'sym' and tok.value in ')}]':
                depth -= 1
            elif depth == 0 and (tok.kind == 'nl' or tok.is_('sym', ';')):
                nxt = self.peek_past_nl()
                if not (nxt.kind == 'sym' and nxt.value == '{') and not (nxt.kind == 'kw' and nxt.value in ('extends', 'with')):
                    break
            self.i += 1
        return Node('Unsupported', start, what='%s definitions' % t.value, is_def=True)

    def val_def(self, mods):
        kw = self.next()
        mutable = kw.value == 'var'
        if self.at_sym('('):
            # tuple pattern: val (a, b) = expr
            self.next()
            self.nl_off += 1
            names = []
            while True:
                nt = self.ident()
                names.append((nt.value, nt.pos))
                if not self.accept_sym(','):
                    break
            self.expect_sym(')')
            self.nl_off -= 1
            self.expect_sym('=')
            self.skip_nl()
            rhs = self.expr()
            return Node('ValTuple', kw.pos, names=names, rhs=rhs, mutable=mutable)
        nt = self.peek()
        if nt.kind != 'id':
            if nt.kind == 'eof':
                raise Incomplete()
            raise ParseError('illegal start of simple pattern', nt.pos)
        self.next()
        tpe = None
        if self.accept_sym(':'):
            tpe = self.type_()
        if not self.at_sym('='):
            if mutable or True:
                self.fail("'=' expected but %s found." % describe(self.peek()))
        self.next()
        self.skip_nl()
        rhs = self.expr()
        return Node('ValDef', kw.pos, name=nt.value, name_pos=nt.pos, tpt=tpe, rhs=rhs,
                    mutable=mutable, lazy='lazy' in mods, implicit='implicit' in mods)

    def params(self):
        """`(a: Int, b: String = "x")` -> list of (name, TypeNode, default)."""
        self.expect_sym('(')
        self.nl_off += 1
        ps = []
        if self.at_kw_implicit():
            self.next()
        while not self.at_sym(')'):
            nt = self.ident()
            self.expect_sym(':')
            tp = self.type_()
            if self.at('id', '*'):
                self.next()
                tp = TypeNode('Seq', [tp], tp.pos)
                tp.vararg = True
            default = None
            if self.accept_sym('='):
                default = self.expr()
            ps.append((nt.value, tp, default))
            if not self.accept_sym(','):
                break
        self.expect_sym(')')
        self.nl_off -= 1
        return ps

    def at_kw_implicit(self):
        return self.at('kw', 'implicit')

    def def_def(self, mods):
        kw = self.next()
        nt = self.ident()
        tparams = []
        if self.at_sym('['):
            self.next()
            self.nl_off += 1
            while True:
                tparams.append(self.ident().value)
                if self.at_sym(':') or self.at('id', '<:'):
                    self.fail('type bounds are not supported')
                if not self.accept_sym(','):
                    break
            self.expect_sym(']')
            self.nl_off -= 1
        paramss = []
        while self.at_sym('('):
            paramss.append(self.params())
        ret = None
        if self.accept_sym(':'):
            ret = self.type_()
        if self.at_sym('{') and ret is None:
            # procedure syntax: def f() { ... }  == def f(): Unit = { ... }
            body = self.block_expr()
            return Node('DefDef', kw.pos, name=nt.value, name_pos=nt.pos, tparams=tparams,
                        paramss=paramss, ret=TypeNode('Unit'), body=body, procedure=True)
        if not self.at_sym('='):
            self.fail("'=' expected but %s found." % describe(self.peek()))
        self.next()
        self.skip_nl()
        body = self.expr()
        return Node('DefDef', kw.pos, name=nt.value, name_pos=nt.pos, tparams=tparams,
                    paramss=paramss, ret=ret, body=body, procedure=False)

    def class_def(self, mods, is_case):
        kw = self.next()   # 'class'
        nt = self.ident()
        if self.at_sym('['):
            self.unsupported_def(self.toks[self.i])
            return Node('Unsupported', kw.pos, what='type parameters on classes', is_def=True)
        params = []
        if self.at_sym('('):
            self.expect_sym('(')
            self.nl_off += 1
            public = []
            while not self.at_sym(')'):
                is_val = False
                if self.at('kw', 'val') or self.at('kw', 'var'):
                    self.next()
                    is_val = True
                pn = self.ident()
                if is_val:
                    public.append(pn.value)
                self.expect_sym(':')
                tp = self.type_()
                default = None
                if self.accept_sym('='):
                    default = self.expr()
                params.append((pn.value, tp, default))
                if not self.accept_sym(','):
                    break
            self.expect_sym(')')
            self.nl_off -= 1
        elif is_case:
            t = self.peek()
            if t.kind == 'eof':
                raise Incomplete()
            raise ParseError('case classes must have a parameter list; try \'case class %s()\' or \'case object %s\'' % (nt.value, nt.value), t.pos)
        body = None
        if self.at('kw', 'extends') or self.at_sym('{'):
            # a body or parents: outside the subset, but consume it
            self.unsupported_def(self.toks[self.i])
            return Node('Unsupported', kw.pos, what='class bodies and parents', is_def=True)
        return Node('ClassDef', kw.pos, name=nt.value, name_pos=nt.pos, params=params,
                    is_case=is_case, body=body, public=public if params else [])

    def import_stat(self):
        kw = self.next()
        start = self.i
        parts = []
        while True:
            t = self.peek()
            if t.kind == 'id' or t.is_('kw', 'this'):
                parts.append(self.next().value)
            elif t.kind == 'sym' and t.value == '{':
                # selectors
                self.next()
                sels = []
                while not self.at_sym('}'):
                    a = self.next()
                    if a.kind == 'eof':
                        raise Incomplete()
                    if self.at_sym('=>'):
                        self.next()
                        b = self.next()
                        sels.append((a.value, b.value))
                    else:
                        sels.append((a.value, a.value))
                    if not self.accept_sym(','):
                        break
                self.expect_sym('}')
                parts.append(sels)
                break
            else:
                self.fail('identifier expected but %s found.' % describe(t))
            if parts[-1] == '_':
                break
            if not self.accept_sym('.'):
                break
        end = self.toks[self.i - 1].end
        text = self.text[kw.pos:end]
        return Node('Import', kw.pos, parts=parts, text=text)

    # -- types --------------------------------------------------------------------------
    def type_(self, allow_fn=True):
        t = self.peek()
        if self.at_sym('('):
            self.next()
            self.nl_off += 1
            items = []
            while not self.at_sym(')'):
                items.append(self.type_())
                if not self.accept_sym(','):
                    break
            self.expect_sym(')')
            self.nl_off -= 1
            if self.at_sym('=>'):
                self.next()
                res = self.type_()
                return TypeNode('Function', items + [res], t.pos)
            if len(items) == 1:
                return items[0]
            return TypeNode('Tuple', items, t.pos)
        nt = self.peek()
        if nt.kind != 'id':
            self.fail('identifier expected but %s found.' % describe(nt))
        self.next()
        name = nt.value
        while self.at_sym('.'):
            self.next()
            name += '.' + self.ident().value
        args = []
        if self.at_sym('['):
            self.next()
            self.nl_off += 1
            while True:
                args.append(self.type_())
                if not self.accept_sym(','):
                    break
            self.expect_sym(']')
            self.nl_off -= 1
        tn = TypeNode(name, args, nt.pos)
        if allow_fn and self.at_sym('=>'):
            self.next()
            res = self.type_()
            return TypeNode('Function', [tn, res], nt.pos)
        return tn

    # -- expressions --------------------------------------------------------------------
    def expr(self):
        """Scala's Expr: binds the `_` placeholders it properly contains."""
        saved = self.placeholders
        self.placeholders = []
        try:
            e = self.expr_inner()
        finally:
            mine = self.placeholders
            self.placeholders = saved
        if mine:
            if e.kind == 'Placeholder':
                if saved is not None:
                    saved.append(e)
                    return e
                # a bare `_` as a whole statement
                raise ParseError('unbound placeholder parameter', e.pos)
            params = [(p.name, p.tpt, p.pos) for p in mine]
            return Node('Lambda', e.pos, params=params, body=e, from_placeholder=True)
        return e

    def expr_inner(self):
        t = self.peek()
        if t.kind == 'kw':
            v = t.value
            if v == 'if':
                return self.if_expr()
            if v == 'while':
                return self.while_expr()
            if v == 'for':
                return self.for_expr()
            if v == 'throw':
                self.next()
                e = self.expr()
                return Node('Throw', t.pos, expr=e)
            if v == 'try':
                return self.try_expr()
            if v == 'return':
                self.next()
                return Node('Return', t.pos, expr=self.expr())
            if v == 'do':
                return Node('Unsupported', t.pos, what='do-while loops', consumed=self.skip_unsupported())
        # lambda: `x => ...`, `(x: Int, y) => ...`
        lam = self.try_lambda()
        if lam is not None:
            return lam
        e = self.infix_expr(0)
        if self.at_sym('='):
            if e.kind in ('Ident', 'Select', 'Apply'):
                eq = self.next()
                self.skip_nl()
                rhs = self.expr()
                return Node('Assign', e.pos, target=e, value=rhs, eq_pos=eq.pos)
        if self.at('kw', 'match'):
            return self.match_expr(e)
        if self.at_sym(':') and self.nl_off:
            # type ascription inside parentheses: (x: Int)
            self.next()
            if self.at('id', '_') or self.at('id', '_*'):
                self.next()
                if self.at('id', '*'):
                    self.next()
                return Node('SeqArg', e.pos, expr=e)
            tp = self.type_()
            return Node('Ascribe', e.pos, expr=e, tpt=tp)
        return e

    def skip_unsupported(self):
        depth = 0
        while True:
            tok = self.toks[self.i]
            if tok.kind == 'eof':
                if depth:
                    raise Incomplete()
                return
            if tok.kind == 'sym' and tok.value in '({[':
                depth += 1
            elif tok.kind == 'sym' and tok.value in ')}]':
                if depth == 0:
                    return
                depth -= 1
            elif depth == 0 and (tok.kind == 'nl' or tok.is_('sym', ';')):
                return
            self.i += 1

    def try_lambda(self):
        t = self.peek()
        save = self.i
        if t.kind == 'id' and self.peek(1).is_('sym', '=>'):
            self.next()
            self.next()
            self.skip_nl()
            body = self.lambda_body()
            return Node('Lambda', t.pos, params=[(t.value, None, t.pos)], body=body)
        if t.kind == 'sym' and t.value == '(':
            # find the matching paren and check for =>
            depth = 0
            j = self.i
            while True:
                tk = self.toks[j]
                if tk.kind == 'eof':
                    return None
                if tk.kind == 'sym' and tk.value in '([{':
                    depth += 1
                elif tk.kind == 'sym' and tk.value in ')]}':
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            k = j + 1
            while self.toks[k].kind == 'nl' and self.nl_off:
                k += 1
            if not self.toks[k].is_('sym', '=>'):
                return None
            self.next()
            self.nl_off += 1
            params = []
            try:
                while not self.at_sym(')'):
                    nt = self.ident()
                    tp = None
                    if self.accept_sym(':'):
                        tp = self.type_()
                    params.append((nt.value, tp, nt.pos))
                    if not self.accept_sym(','):
                        break
                self.expect_sym(')')
            except ParseError:
                self.i = save
                self.nl_off -= 1
                return None
            self.nl_off -= 1
            self.expect_sym('=>')
            self.skip_nl()
            body = self.lambda_body()
            return Node('Lambda', t.pos, params=params, body=body)
        return None

    def lambda_body(self):
        # inside a block `{ x => a; b }` the body runs to the end of the block
        if getattr(self, 'in_block_lambda', False):
            self.in_block_lambda = False
            stats = self.block_stats()
            if len(stats) == 1:
                return stats[0]
            return Node('Block', stats[0].pos if stats else self.peek().pos, stats=stats)
        return self.expr()

    def if_expr(self):
        t = self.next()
        self.expect_sym('(')
        self.nl_off += 1
        cond = self.expr()
        self.expect_sym(')')
        self.nl_off -= 1
        self.skip_nl()
        thenp = self.expr()
        elsep = None
        save = self.i
        if self.nl_off == 0:
            nt = self.peek_past_nl()
            if nt.is_('kw', 'else'):
                self.skip_nl()
            elif nt.is_('sym', ';') and False:
                pass
        if self.at_sym(';') and self.peek(1).is_('kw', 'else'):
            self.next()
        if self.at('kw', 'else'):
            self.next()
            self.skip_nl()
            elsep = self.expr()
        else:
            self.i = save
        return Node('If', t.pos, cond=cond, thenp=thenp, elsep=elsep)

    def while_expr(self):
        t = self.next()
        self.expect_sym('(')
        self.nl_off += 1
        cond = self.expr()
        self.expect_sym(')')
        self.nl_off -= 1
        self.skip_nl()
        body = self.expr()
        return Node('While', t.pos, cond=cond, body=body)

    def for_expr(self):
        t = self.next()
        if self.at_sym('('):
            close = ')'
            self.next()
            self.nl_off += 1
        else:
            close = '}'
            self.expect_sym('{')
            saved_nl = self.nl_off
            self.nl_off = 0
        enums = []
        while True:
            self.skip_nl() if close == '}' else None
            if self.at_sym(close):
                break
            if self.at('kw', 'if'):
                it = self.next()
                enums.append(('if', self.infix_expr(0), it.pos))
            else:
                pt = self.peek()
                if pt.kind == 'sym' and pt.value == '(':
                    self.next()
                    names = []
                    while True:
                        names.append(self.ident().value)
                        if not self.accept_sym(','):
                            break
                    self.expect_sym(')')
                    pat = ('tuple', names)
                else:
                    pat = ('name', self.ident().value)
                if self.at_sym('<-'):
                    self.next()
                    enums.append(('gen', pat, self.expr(), pt.pos))
                elif self.at_sym('='):
                    self.next()
                    enums.append(('let', pat, self.expr(), pt.pos))
                else:
                    self.fail("'<-' expected but %s found." % describe(self.peek()))
            if self.accept_sym(';'):
                continue
            if close == '}' and self.toks[self.i].kind == 'nl':
                continue
            if not self.at_sym(close):
                t2 = self.peek()
                if t2.kind == 'kw' and t2.value == 'if':
                    continue
                self.fail("'%s' expected but %s found." % (close, describe(t2)))
        self.next()
        if close == ')':
            self.nl_off -= 1
        else:
            self.nl_off = saved_nl
        self.skip_nl()
        is_yield = False
        if self.at('kw', 'yield'):
            self.next()
            is_yield = True
        body = self.expr()
        return Node('For', t.pos, enums=enums, body=body, is_yield=is_yield)

    def try_expr(self):
        t = self.next()
        body = self.expr()
        cases = []
        fin = None
        nt = self.peek_past_nl() if self.nl_off == 0 else self.peek()
        if nt.is_('kw', 'catch'):
            self.skip_nl()
            self.next()
            self.expect_sym('{')
            saved = self.nl_off
            self.nl_off = 0
            cases = self.case_clauses()
            self.nl_off = saved
            self.expect_sym('}')
        nt = self.peek_past_nl() if self.nl_off == 0 else self.peek()
        if nt.is_('kw', 'finally'):
            self.skip_nl()
            self.next()
            fin = self.expr()
        return Node('Try', t.pos, body=body, cases=cases, fin=fin)

    def match_expr(self, scrut):
        mt = self.next()
        self.expect_sym('{')
        saved = self.nl_off
        self.nl_off = 0
        cases = self.case_clauses()
        self.nl_off = saved
        self.expect_sym('}')
        return Node('Match', scrut.pos, scrut=scrut, cases=cases, match_pos=mt.pos)

    def case_clauses(self):
        cases = []
        while True:
            self.skip_nl()
            if not self.at('kw', 'case'):
                break
            ct = self.next()
            pat = self.pattern()
            guard = None
            if self.at('kw', 'if'):
                self.next()
                guard = self.infix_expr(0)
            self.expect_sym('=>')
            stats = self.block_stats(stop_at_case=True)
            body = stats[0] if len(stats) == 1 else Node('Block', ct.pos, stats=stats)
            cases.append((pat, guard, body))
        if not cases:
            self.fail("'case' expected but %s found." % describe(self.peek()))
        return cases

    def pattern(self):
        p = self.pattern1()
        if self.at('id', '|'):
            alts = [p]
            while self.at('id', '|'):
                self.next()
                alts.append(self.pattern1())
            return ('alt', alts)
        return p

    def pattern1(self):
        t = self.peek()
        if t.kind == 'id' and t.value == '_':
            self.next()
            if self.accept_sym(':'):
                return ('typed', None, self.type_(False))
            return ('wild',)
        if t.kind == 'id' and (t.value[0].islower()) and not self.peek(1).is_('sym', '(') and not self.peek(1).is_('sym', '.'):
            self.next()
            if self.accept_sym(':'):
                return ('typed', t.value, self.type_(False))
            if self.at_sym('@'):
                self.next()
                return ('bind', t.value, self.pattern1())
            return ('var', t.value)
        if t.kind == 'sym' and t.value == '(':
            self.next()
            self.nl_off += 1
            items = []
            while not self.at_sym(')'):
                items.append(self.pattern())
                if not self.accept_sym(','):
                    break
            self.expect_sym(')')
            self.nl_off -= 1
            if len(items) == 1:
                return items[0]
            return ('tuple', items)
        if t.kind == 'id':
            self.next()
            name = t.value
            while self.at_sym('.'):
                self.next()
                name += '.' + self.ident().value
            if self.at_sym('('):
                self.next()
                self.nl_off += 1
                items = []
                while not self.at_sym(')'):
                    items.append(self.pattern())
                    if not self.accept_sym(','):
                        break
                self.expect_sym(')')
                self.nl_off -= 1
                return ('extract', name, items, t.pos)
            return ('const_name', name, t.pos)
        if t.kind in ('int', 'long', 'double', 'float', 'string', 'char') or t.is_('kw', 'true') or t.is_('kw', 'false') or t.is_('kw', 'null'):
            lit = self.simple_expr()
            return ('lit', lit)
        if t.kind == 'id' and t.value == '-':
            lit = self.prefix_expr()
            return ('lit', lit)
        self.fail('illegal start of simple pattern')

    # -- infix / prefix / simple --------------------------------------------------------
    def infix_expr(self, min_prec):
        left = self.prefix_expr()
        while True:
            t = self.peek()
            if t.kind != 'id' or t.extra != 'op' and not self._alpha_infix(t):
                break
            op = t.value
            prec = op_precedence(op)
            if prec < min_prec:
                break
            self.next()
            self.skip_nl()
            right_assoc = op.endswith(':')
            if self.at_sym('(') and False:
                pass
            right = self.infix_expr(prec if right_assoc else prec + 1)
            left = Node('Infix', left.pos, op=op, left=left, right=right, op_pos=t.pos)
        return left

    def _alpha_infix(self, t):
        # `a max b`, `1 to 10`, `x contains y`: an identifier directly after an operand,
        # followed by something that can start an operand
        if t.kind != 'id':
            return False
        nxt = self.peek(1)
        if nxt.kind in ('eof', 'nl'):
            return False
        if nxt.kind == 'sym' and nxt.value not in ('(', '{'):
            return False
        if nxt.kind == 'kw' and nxt.value not in ('true', 'false', 'null', 'new', 'this'):
            return False
        return True

    def prefix_expr(self):
        t = self.peek()
        if t.kind == 'id' and t.value in ('-', '+', '!', '~') and t.extra == 'op':
            nt = self.peek(1)
            if t.value == '-' and nt.kind in ('int', 'long', 'double', 'float') and nt.pos == t.end:
                self.next()
                lit = self.next()
                node = self.literal_node(lit, negate=True, start=t.pos)
                return self.suffixes(node)
            if nt.kind in ('eof',):
                raise Incomplete()
            self.next()
            operand = self.prefix_expr()
            return Node('Unary', t.pos, op=t.value, operand=operand)
        return self.simple_expr()

    def literal_node(self, tok, negate=False, start=None):
        pos = tok.pos if start is None else start
        kind = tok.kind
        v = tok.value
        if negate:
            v = -v
        if kind == 'int':
            lim = 2 ** 31
            if not (-lim <= v < lim) and not (tok.extra.startswith(('0x', '0X')) and v < 2 ** 32):
                raise ParseError('integer number too large', tok.pos)
            if v >= lim:
                v -= 2 ** 32
            return Node('Lit', pos, value=v, ltype='Int')
        if kind == 'long':
            lim = 2 ** 63
            if not (-lim <= v < lim) and not (tok.extra.startswith(('0x', '0X')) and v < 2 ** 64):
                raise ParseError('integer number too large', tok.pos)
            if v >= lim:
                v -= 2 ** 64
            return Node('Lit', pos, value=v, ltype='Long')
        if kind == 'double':
            return Node('Lit', pos, value=float(v), ltype='Double')
        if kind == 'float':
            from .values import to_float32
            return Node('Lit', pos, value=to_float32(float(v)), ltype='Float')
        if kind == 'char':
            from .values import Char
            return Node('Lit', pos, value=Char(v), ltype='Char')
        if kind == 'string':
            return Node('Lit', pos, value=v, ltype='String', src=tok.extra)
        raise AssertionError(kind)

    def simple_expr(self):
        t = self.peek()
        k = t.kind
        if k in ('int', 'long', 'double', 'float', 'char', 'string'):
            self.next()
            node = self.literal_node(t)
        elif k == 'interp':
            self.next()
            parts = []
            for p in t.value:
                if isinstance(p, str):
                    parts.append(p)
                elif p[0] == 'id':
                    parts.append(Node('Ident', p[2], name=p[1]))
                else:
                    sub = Parser(p[1])
                    sub.toks = [Token(tk.kind, tk.value, tk.pos + p[2], tk.end + p[2], tk.extra)
                                for tk in sub.toks]
                    sub.text = self.text
                    stats = sub.block_stats()
                    if not sub.peek().kind == 'eof':
                        sub.fail("'}' expected but %s found." % describe(sub.peek()))
                    if len(stats) == 1:
                        parts.append(stats[0])
                    else:
                        parts.append(Node('Block', p[2], stats=stats))
            node = Node('Interp', t.pos, prefix=t.extra, parts=parts)
        elif k == 'kw':
            v = t.value
            if v in ('true', 'false'):
                self.next()
                node = Node('Lit', t.pos, value=(v == 'true'), ltype='Boolean')
            elif v == 'null':
                self.next()
                node = Node('Lit', t.pos, value=None, ltype='Null')
            elif v == 'new':
                self.next()
                tp = self.type_nobody()
                args = []
                if self.at_sym('('):
                    args = self.args()
                node = Node('New', t.pos, tpt=tp, args=args)
            elif v == 'this':
                self.next()
                node = Node('Unsupported', t.pos, what="'this'")
            elif v in ('if', 'while', 'for', 'throw', 'try'):
                node = self.expr_inner()
            else:
                if v in STAT_START_KW or v in ('else', 'yield', 'match', 'catch', 'finally', 'with', 'extends'):
                    raise ParseError('illegal start of simple expression', t.pos)
                self.fail('illegal start of simple expression')
        elif k == 'id':
            self.next()
            if t.value == '_':
                node = Node('Placeholder', t.pos, name='x$%d' % (self.placeholder_count() + 1), tpt=None)
                if self.placeholders is None:
                    raise ParseError('unbound placeholder parameter', t.pos)
                self.placeholders.append(node)
                self._ph_count = self.placeholder_count() + 1
            else:
                node = Node('Ident', t.pos, name=t.value)
        elif k == 'sym' and t.value == '(':
            self.next()
            self.nl_off += 1
            items = []
            while not self.at_sym(')'):
                items.append(self.expr())
                if not self.accept_sym(','):
                    break
            self.expect_sym(')')
            self.nl_off -= 1
            if not items:
                node = Node('Lit', t.pos, value=None, ltype='Unit')
            elif len(items) == 1:
                node = items[0]
                node = Node('Paren', t.pos, expr=node) if node.kind in ('Infix', 'Unary', 'Lambda') else node
            else:
                node = Node('Tuple', t.pos, items=items)
        elif k == 'sym' and t.value == '{':
            node = self.block_expr()
        else:
            if k == 'eof':
                raise Incomplete()
            raise ParseError('illegal start of simple expression', t.pos)
        return self.suffixes(node)

    def placeholder_count(self):
        return getattr(self, '_ph_count', 0)

    def type_nobody(self):
        nt = self.ident()
        name = nt.value
        while self.at_sym('.'):
            self.next()
            name += '.' + self.ident().value
        args = []
        if self.at_sym('['):
            self.next()
            while True:
                args.append(self.type_())
                if not self.accept_sym(','):
                    break
            self.expect_sym(']')
        return TypeNode(name, args, nt.pos)

    def args(self):
        self.expect_sym('(')
        self.nl_off += 1
        items = []
        while not self.at_sym(')'):
            t = self.peek()
            if t.kind == 'id' and self.peek(1).is_('sym', '=') and not self.peek(2).is_('sym', '='):
                # named argument
                self.next()
                self.next()
                items.append(Node('NamedArg', t.pos, name=t.value, expr=self.expr()))
            else:
                items.append(self.expr())
            if not self.accept_sym(','):
                break
        self.expect_sym(')')
        self.nl_off -= 1
        return items

    def suffixes(self, node):
        while True:
            t = self.toks[self.i]
            if t.kind == 'nl' and not self.nl_off:
                nt = self.peek_past_nl()
                if nt.kind == 'sym' and nt.value == '.':
                    self.skip_nl()
                    t = self.toks[self.i]
                else:
                    return node
            t = self.peek()
            if t.kind == 'sym' and t.value == '.':
                self.next()
                nt = self.peek()
                if nt.kind != 'id' and not nt.is_('kw', 'type'):
                    self.fail('identifier expected but %s found.' % describe(nt))
                self.next()
                node = Node('Select', node.pos, obj=node, name=nt.value, name_pos=nt.pos)
            elif t.kind == 'sym' and t.value == '(' :
                args = self.args()
                node = Node('Apply', node.pos, fn=node, args=args, args_pos=t.pos)
            elif t.kind == 'sym' and t.value == '[':
                self.next()
                self.nl_off += 1
                targs = []
                while True:
                    targs.append(self.type_())
                    if not self.accept_sym(','):
                        break
                self.expect_sym(']')
                self.nl_off -= 1
                node = Node('TypeApply', node.pos, fn=node, targs=targs)
            elif t.kind == 'sym' and t.value == '{' and node.kind in ('Ident', 'Select', 'Apply', 'TypeApply'):
                blk = self.block_expr()
                node = Node('Apply', node.pos, fn=node, args=[blk], args_pos=t.pos)
            elif t.kind == 'id' and t.value == '_' and node.kind in ('Ident', 'Select') and \
                    self.peek(1).kind in ('eof', 'nl') or (t.kind == 'id' and t.value == '_' and node.kind in ('Ident', 'Select')
                                                          and self.peek(1).is_('sym', ')')):
                self.next()
                node = Node('Eta', node.pos, expr=node)
            else:
                return node

    def block_expr(self):
        t = self.expect_sym('{')
        saved = self.nl_off
        self.nl_off = 0
        saved_ph = self.placeholders
        self.placeholders = None
        self.skip_nl()
        if self.at('kw', 'case'):
            cases = self.case_clauses()
            self.skip_nl()
            self.expect_sym('}')
            self.nl_off = saved
            self.placeholders = saved_ph
            return Node('CaseLambda', t.pos, cases=cases)
        # `{ x => ... }` / `{ (a, b) => ... }`: the lambda body extends to the closing brace
        self.in_block_lambda = True
        save = self.i
        lam = self.try_lambda()
        self.in_block_lambda = False
        if lam is not None:
            self.skip_nl()
            self.expect_sym('}')
            self.nl_off = saved
            self.placeholders = saved_ph
            return Node('Block', t.pos, stats=[lam])
        self.i = save
        stats = self.block_stats()
        self.skip_nl()
        self.expect_sym('}')
        self.nl_off = saved
        self.placeholders = saved_ph
        return Node('Block', t.pos, stats=stats)

    def block_stats(self, stop_at_case=False):
        stats = []
        while True:
            self.skip_nl()
            while self.at_sym(';'):
                self.next()
                self.skip_nl()
            t = self.peek()
            if t.kind == 'eof' or (t.kind == 'sym' and t.value == '}'):
                break
            if stop_at_case and t.is_('kw', 'case'):
                break
            stats.append(self.statement())
            t = self.toks[self.i]
            if t.kind == 'nl' or (t.kind == 'sym' and t.value == ';'):
                continue
            if t.kind == 'eof' or (t.kind == 'sym' and t.value == '}'):
                break
            if stop_at_case and t.is_('kw', 'case'):
                break
            self.fail("';' expected but %s found." % describe(t), t)
        return stats


def parse_request(text):
    p = Parser(text)
    return p.parse_stats()

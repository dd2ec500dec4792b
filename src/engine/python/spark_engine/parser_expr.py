"""Grammar rules for expressions: boolean logic, predicates, operator precedence, primaries,
function calls with OVER windows, lambdas, CASE, CAST, intervals."""


from . import types as T
from . import expressions as E
from .errors import ParseException
from .parser_core import _COMPARISON, _with_origin
from .parser_literals import _negate_literal, _number_literal, _typed_literal


class ExpressionRules:
    def expression(self):
        return self.boolean_expression()

    def boolean_expression(self):
        t = self.tok
        left = self.and_expression()
        while self.accept_kw('OR'):
            left = E.Or(left, self.and_expression())
            left.origin = (t.line, t.pos)
        return left

    def and_expression(self):
        t = self.tok
        left = self.not_expression()
        while self.accept_kw('AND'):
            left = E.And(left, self.not_expression())
            left.origin = (t.line, t.pos)
        return left

    def not_expression(self):
        if self.at_kw('NOT') or self.peek_op('!'):
            t = self.advance()
            e = E.Not(self.not_expression())
            e.origin = (t.line, t.pos)
            return e
        if self.at_kw('EXISTS') and self.peek_op('(', 1) and self.peek_kw(2, 'SELECT', 'WITH', 'VALUES', 'FROM', 'TABLE'):
            self.advance()
            self.advance()
            q = self.query()
            self.expect_op(')')
            return E.SubqueryExpression('exists', q)
        return self.predicate()

    @_with_origin
    def predicate(self):
        e = self.comparison()
        while True:
            negated = False
            save = self.i
            if self.at_kw('NOT') and self.peek_kw(1, 'BETWEEN', 'IN', 'LIKE', 'ILIKE', 'RLIKE', 'REGEXP'):
                self.advance()
                negated = True
            if self.accept_kw('BETWEEN'):
                lo = self.comparison()
                self.expect_kw('AND')
                hi = self.comparison()
                r = E.And(E.BinaryComparison('>=', e, lo), E.BinaryComparison('<=', e, hi))
                e = E.Not(r) if negated else r
                continue
            if self.accept_kw('IN'):
                self.expect_op('(')
                if self.at_kw('SELECT', 'WITH', 'VALUES', 'FROM', 'TABLE'):
                    q = self.query()
                    self.expect_op(')')
                    r = E.SubqueryExpression('in', q, e)
                else:
                    items = [self.expression()]
                    while self.accept_op(','):
                        items.append(self.expression())
                    self.expect_op(')')
                    r = E.In(e, items)
                e = E.Not(r) if negated else r
                continue
            if self.at_kw('LIKE', 'ILIKE'):
                kind = self.advance().text.lower()
                quant = self.accept_kw('ANY', 'SOME', 'ALL')
                if quant:
                    self.expect_op('(')
                    pats = [self.comparison()]
                    while self.accept_op(','):
                        pats.append(self.comparison())
                    self.expect_op(')')
                    parts = [E.UnresolvedFunction(kind, [e, p]) for p in pats]
                    for x in parts:
                        x.parsed_op = kind
                    r = parts[0]
                    for p in parts[1:]:
                        r = E.And(r, p) if quant.text.upper() == 'ALL' else E.Or(r, p)
                else:
                    pat = self.comparison()
                    args = [e, pat]
                    if self.accept_kw('ESCAPE'):
                        args.append(E.Literal(self.advance().value, T.StringType()))
                    r = E.UnresolvedFunction(kind, args)
                    r.parsed_op = kind
                e = E.Not(r) if negated else r
                continue
            if self.at_kw('RLIKE', 'REGEXP'):
                self.advance()
                r = E.UnresolvedFunction('rlike', [e, self.comparison()])
                r.parsed_op = 'rlike'
                e = E.Not(r) if negated else r
                continue
            if self.at_kw('IS'):
                self.advance()
                neg = bool(self.accept_kw('NOT'))
                if self.accept_kw('NULL'):
                    e = E.IsNotNull(e) if neg else E.IsNull(e)
                    continue
                if self.at_kw('TRUE', 'FALSE'):
                    val = self.advance().text.upper() == 'TRUE'
                    r = E.BinaryComparison('<=>', e, E.Literal(val, T.BooleanType()))
                    e = E.Not(r) if neg else r
                    continue
                if self.accept_kw('UNKNOWN'):
                    e = E.IsNotNull(e) if neg else E.IsNull(e)
                    continue
                if self.accept_kw('DISTINCT'):
                    self.expect_kw('FROM')
                    other = self.comparison()
                    r = E.BinaryComparison('<=>', e, other)
                    e = r if neg else E.Not(r)
                    continue
                raise self.error()
            self.i = save
            return e

    _PREC = {'=': 1, '==': 1, '<': 1, '<=': 1, '>': 1, '>=': 1, '<=>': 1, '<>': 1, '!=': 1,
             '|': 2, '^': 3, '&': 4, '+': 5, '-': 5, '||': 5, '*': 6, '/': 6, '%': 6}

    def comparison(self):
        return self.value_expression(1)

    def value_expression(self, min_prec):
        """Binary operators by precedence climbing (comparison < | < ^ < & < + - || < * / % DIV),
        all left-associative as in Spark's grammar."""
        t0 = self.tok
        left = self.unary()
        while True:
            t = self.tok
            if t.kind == 'op':
                prec = self._PREC.get(t.text)
                op = t.text
            elif t.kind == 'ident' and t.text.upper() == 'DIV':
                prec, op = 6, 'div'
            else:
                prec = None
            if prec is None or prec < min_prec:
                return left
            self.advance()
            right = self.value_expression(prec + 1)
            if prec == 1:
                if op in ('<>', '!='):
                    left = E.Not(E.BinaryComparison('=', left, right))
                else:
                    left = E.BinaryComparison(_COMPARISON[op], left, right)
            elif op in ('|', '^', '&'):
                left = E.UnresolvedFunction(op, [left, right])
                left.parsed_op = op
            elif op == '||':
                left = E.UnresolvedFunction('concat', [left, right])
                left.parsed_op = 'concat'
            else:
                left = E.BinaryArithmetic(op, left, right)
            left.origin = (t0.line, t0.pos)

    @_with_origin
    def unary(self):
        if self.peek_op('-'):
            self.advance()
            if self.tok.kind in ('int', 'decimal', 'double'):
                # Spark's grammar reads "-1" as one number literal (number: MINUS? INTEGER_VALUE)
                t = self.advance()
                return _negate_literal(_number_literal(t, self, negative=True))
            return E.UnaryMinus(self.unary())
        if self.peek_op('+'):
            self.advance()
            return self.unary()
        if self.peek_op('~'):
            self.advance()
            f = E.UnresolvedFunction('~', [self.unary()])
            f.parsed_op = '~'
            return f
        return self.postfix()

    def postfix(self):
        e = self.primary()
        while True:
            if self.peek_op('['):
                self.advance()
                k = self.expression()
                self.expect_op(']')
                e = E.GetItem(e, k)
            elif self.peek_op('.') and self.peek(1).kind in ('ident', 'qident') and not isinstance(e, E.UnresolvedAttribute):
                self.advance()
                e = E.GetField(e, self.identifier())
            elif self.peek_op('::'):
                self.advance()
                e = E.Cast(e, self.data_type())
            else:
                return e

    @_with_origin
    def primary(self):
        t = self.tok
        k = t.kind
        if k == 'int' or k == 'decimal' or k == 'double':
            self.advance()
            lit = _number_literal(t, self)
            lit.from_token = True
            return lit
        if k == 'string':
            self.advance()
            s = t.value
            while self.tok.kind == 'string':
                s += self.advance().value
            return E.Literal(s, T.StringType())
        if k == 'op':
            if t.text == '(':
                self.advance()
                if self.at_kw('SELECT', 'WITH') or (self.at_kw('VALUES') and False):
                    q = self.query()
                    self.expect_op(')')
                    return E.SubqueryExpression('scalar', q)
                e = self.expression()
                if self.peek_op(','):
                    items = [e]
                    while self.accept_op(','):
                        items.append(self.expression())
                    self.expect_op(')')
                    return E.UnresolvedFunction('struct', items)
                self.expect_op(')')
                return e
            if t.text == '*':
                self.advance()
                return E.UnresolvedStar()
            raise self.error()
        if k == 'qident':
            return self.column_ref()
        if k != 'ident':
            raise self.error()
        u = t.text.upper()
        nxt = self.peek(1)
        if u in ('TRUE', 'FALSE') :
            self.advance()
            return E.Literal(u == 'TRUE', T.BooleanType())
        if u == 'NULL':
            self.advance()
            return E.Literal(None, T.NullType())
        if u in ('DATE', 'TIMESTAMP', 'TIMESTAMP_NTZ', 'TIMESTAMP_LTZ', 'X') and nxt.kind == 'string':
            self.advance()
            s = self.advance().value
            return _typed_literal(u, s, t, self)
        if u == 'INTERVAL':
            return self.interval_literal()
        if u == 'CASE':
            return self.case_expression()
        if u in ('CAST', 'TRY_CAST') and nxt.kind == 'op' and nxt.text == '(':
            self.advance()
            self.advance()
            e = self.expression()
            self.expect_kw('AS')
            dt = self.data_type()
            self.expect_op(')')
            return E.Cast(e, dt, user_specified=True, try_cast=(u == 'TRY_CAST'))
        if u in ('CURRENT_DATE', 'CURRENT_TIMESTAMP', 'CURRENT_USER', 'USER', 'SESSION_USER') and not (nxt.kind == 'op' and nxt.text == '('):
            self.advance()
            return E.UnresolvedFunction(u.lower(), [], origin=self.origin(t))
        if u == 'EXTRACT' and nxt.kind == 'op' and nxt.text == '(':
            self.advance()
            self.advance()
            field = self.identifier()
            self.expect_kw('FROM')
            src = self.expression()
            self.expect_op(')')
            fname = {'YEAR': 'year', 'MONTH': 'month', 'DAY': 'day', 'HOUR': 'hour',
                     'MINUTE': 'minute', 'SECOND': 'second', 'QUARTER': 'quarter',
                     'WEEK': 'weekofyear', 'DOW': 'dayofweek', 'DOY': 'dayofyear'}.get(field.upper(), field.lower())
            return E.UnresolvedFunction(fname, [src], origin=self.origin(t))
        if u in ('SUBSTRING', 'SUBSTR') and nxt.kind == 'op' and nxt.text == '(':
            # SUBSTRING(x FROM a [FOR b]) form
            save = self.i
            self.advance()
            self.advance()
            s = self.expression()
            if self.accept_kw('FROM'):
                a = self.expression()
                args = [s, a]
                if self.accept_kw('FOR'):
                    args.append(self.expression())
                self.expect_op(')')
                return E.UnresolvedFunction(t.text.lower(), args, origin=self.origin(t))
            self.i = save
        if u == 'TRIM' and nxt.kind == 'op' and nxt.text == '(':
            save = self.i
            self.advance()
            self.advance()
            if self.at_kw('BOTH', 'LEADING', 'TRAILING'):
                mode = self.advance().text.upper()
                chars = None
                if not self.at_kw('FROM'):
                    chars = self.expression()
                self.expect_kw('FROM')
                src = self.expression()
                self.expect_op(')')
                fname = {'BOTH': 'trim', 'LEADING': 'ltrim', 'TRAILING': 'rtrim'}[mode]
                return E.UnresolvedFunction(fname, [src] + ([chars] if chars is not None else []),
                                            origin=self.origin(t))
            self.i = save
        if u == 'POSITION' and nxt.kind == 'op' and nxt.text == '(':
            save = self.i
            self.advance()
            self.advance()
            sub = self.comparison()
            if self.accept_kw('IN'):
                s = self.expression()
                self.expect_op(')')
                return E.UnresolvedFunction('position', [sub, s], origin=self.origin(t))
            self.i = save
        if nxt.kind == 'op' and nxt.text == '(':
            return self.function_call()
        return self.column_ref()

    def interval_literal(self):
        from . import intervals as I
        start_tok = self.advance()
        if self.tok.kind == 'string' and not (self.peek(1).kind == 'ident' and I.unit_name(self.peek(1).text)):
            # INTERVAL '1 day 2 hours'
            text = self.advance().value
            words = text.replace(',', ' ').split()
            pairs = []
            for i in range(0, len(words) - 1, 2):
                u = I.unit_name(words[i + 1])
                if u is None:
                    raise self.error(start_tok)
                pairs.append((words[i], u))
            r = I.from_units(pairs) if pairs else None
        elif self.tok.kind == 'string':
            text = self.advance().value
            start = I.unit_name(self.advance().text)
            end = None
            if self.accept_kw('TO'):
                end = I.unit_name(self.advance().text)
            r = I.parse_typed(text, start, end) if start not in ('week', 'millisecond', 'microsecond') else \
                I.from_units([(text, start)])
        else:
            pairs = []
            while self.tok.kind in ('int', 'decimal', 'string') or self.peek_op('-'):
                neg = bool(self.accept_op('-'))
                t = self.advance()
                num = t.value if t.kind == 'string' else t.value[0]
                u = I.unit_name(self.tok.text) if self.tok.kind == 'ident' else None
                if u is None:
                    raise self.error()
                self.advance()
                pairs.append((('-' if neg else '') + num, u))
            if not pairs:
                raise self.error()
            r = I.from_units(pairs)
        if r is None:
            raise ParseException(None, {}, message='[_LEGACY_ERROR_TEMP_0029] Cannot mix year-month and day-time fields: %s.' % self.text[start_tok.start:self.tok.start].strip(), command=self.text, line=start_tok.line, pos=start_tok.pos)
        return E.Literal(r[0], r[1])

    @_with_origin
    def column_ref(self):
        t = self.tok
        parts = [self.identifier()]
        while self.peek_op('.'):
            nk = self.peek(1)
            if nk.kind in ('ident', 'qident'):
                self.advance()
                parts.append(self.identifier())
            elif nk.kind == 'op' and nk.text == '*':
                self.advance()
                self.advance()
                return E.UnresolvedStar(parts)
            else:
                break
        return E.UnresolvedAttribute(parts, self.origin(t))

    @_with_origin
    def function_call(self):
        t = self.advance()
        name = t.text
        self.expect_op('(')
        distinct = False
        args = []
        is_star = False
        if self.accept_kw('DISTINCT'):
            distinct = True
        else:
            self.accept_kw('ALL')
        if self.peek_op('*') and self.peek_op(')', 1):
            self.advance()
            is_star = True
        elif not self.peek_op(')'):
            args.append(self.named_arg())
            while self.accept_op(','):
                args.append(self.named_arg())
        ignore_nulls = False
        if self.at_kw('IGNORE', 'RESPECT') and self.peek_kw(1, 'NULLS'):
            ignore_nulls = self.advance().text.upper() == 'IGNORE'
            self.advance()
        self.expect_op(')')
        lname = name.lower()
        if is_star:
            if lname == 'count':
                args = [E.Literal(1, T.IntegerType())]
            else:
                args = [E.UnresolvedStar()]
        f = E.UnresolvedFunction(name, args, distinct, is_star, self.origin(t), ignore_nulls)
        if self.at_kw('IGNORE', 'RESPECT') and self.peek_kw(1, 'NULLS'):
            f.ignore_nulls = self.advance().text.upper() == 'IGNORE'
            self.advance()
        if self.at_kw('FILTER') and self.peek_op('(', 1):
            self.advance()
            self.advance()
            self.expect_kw('WHERE')
            f.filter = self.boolean_expression()
            self.expect_op(')')
        if self.at_kw('OVER'):
            self.advance()
            f.window = self.window_spec()
        return f

    def window_spec(self):
        if self.tok.kind in ('ident', 'qident') and not self.peek_op('('):
            return ('named', self.identifier())
        self.expect_op('(')
        partition, order = [], []
        if self.at_kw('PARTITION', 'DISTRIBUTE') and self.peek_kw(1, 'BY'):
            self.advance()
            self.advance()
            partition.append(self.expression())
            while self.accept_op(','):
                partition.append(self.expression())
        if self.at_kw('ORDER', 'SORT') and self.peek_kw(1, 'BY'):
            self.advance()
            self.advance()
            order.append(self.sort_item())
            while self.accept_op(','):
                order.append(self.sort_item())
        frame = None
        if self.at_kw('ROWS', 'RANGE'):
            kind = self.advance().text.upper()
            bounds = []
            if self.accept_kw('BETWEEN'):
                bounds.append(self.frame_bound())
                self.expect_kw('AND')
                bounds.append(self.frame_bound())
            else:
                bounds.append(self.frame_bound())
                bounds.append(('CURRENT', None))
            frame = (kind, bounds[0], bounds[1])
        self.expect_op(')')
        return ('spec', partition, order, frame)

    def frame_bound(self):
        if self.accept_kw('UNBOUNDED'):
            d = self.advance().text.upper()
            return ('UNBOUNDED_' + d, None)
        if self.accept_kw('CURRENT'):
            self.expect_kw('ROW')
            return ('CURRENT', None)
        e = self.expression()
        d = self.advance().text.upper()
        return (d, e)

    def named_arg(self):
        if self.tok.kind == 'ident' and self.peek_op('=>', 1):
            self.advance()
            self.advance()
        if self.tok.kind in ('ident', 'qident') and self.peek_op('->', 1):
            name = self.identifier()
            self.advance()
            from .hof import LambdaFunction
            return LambdaFunction([name], self.expression())
        if self.peek_op('('):
            j = self.i + 1
            names = []
            ok = False
            while j < len(self.toks):
                t = self.toks[j]
                if t.kind in ('ident', 'qident'):
                    names.append(t.value if t.kind == 'qident' else t.text)
                    j += 1
                    t = self.toks[j]
                    if t.kind == 'op' and t.text == ',':
                        j += 1
                        continue
                    if t.kind == 'op' and t.text == ')' and self.toks[j + 1].kind == 'op' and self.toks[j + 1].text == '->':
                        ok = True
                    break
                break
            if ok:
                self.i = j + 2
                from .hof import LambdaFunction
                return LambdaFunction(names, self.expression())
        return self.expression()

    @_with_origin
    def case_expression(self):
        self.advance()
        operand = None
        if not self.at_kw('WHEN'):
            operand = self.expression()
        branches = []
        while self.accept_kw('WHEN'):
            c = self.expression()
            self.expect_kw('THEN')
            v = self.expression()
            if operand is not None:
                c = E.BinaryComparison('=', operand, c)
            branches.append((c, v))
        if not branches:
            raise self.error()
        else_v = None
        if self.accept_kw('ELSE'):
            else_v = self.expression()
        self.expect_kw('END')
        return E.CaseWhen(branches, else_v)

    # ------------------------------------------------------------------ types

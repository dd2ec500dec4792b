"""Recursive-descent parser for Spark's SQL dialect, producing unresolved plans/expressions
shaped like Spark's AstBuilder output (so plan strings in errors read like Spark's).

Syntax errors raise ParseException with Spark's PARSE_SYNTAX_ERROR text: the offending token
(``'SELEC'``) or ``end of input``, with ANTLR-like hints (``: missing ')'``, ``: extra input 'x'``).
"""

import datetime
import decimal

from . import types as T
from . import expressions as E
from . import plans as P
from .errors import ParseException
from .lexer import tokenize
from .casts import str_to_date, str_to_timestamp

# words that end a select item / relation (cannot be used as implicit aliases)
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


def parse_statement(text):
    return Parser(text).statement()


def parse_expression_text(text):
    p = Parser(text)
    e = p.named_expression(allow_star=True)
    p.expect_eof()
    return e


def parse_data_type(text):
    p = Parser(text)
    t = p.data_type()
    p.expect_eof()
    return t


def parse_schema(text):
    p = Parser(text)
    fields = []
    while True:
        name = p.identifier()
        if p.peek_op(':'):
            p.advance()
        dt = p.data_type()
        nullable = True
        if p.at_kw('NOT'):
            p.advance()
            p.expect_kw('NULL')
            nullable = False
        if p.at_kw('COMMENT'):
            p.advance()
            p.advance()
        fields.append(T.StructField(name, dt, nullable))
        if not p.peek_op(','):
            break
        p.advance()
    p.expect_eof()
    return T.StructType(fields)


def parse_table_name(text):
    p = Parser(text)
    parts = p.multipart_identifier()
    p.expect_eof()
    return parts


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


class Parser:
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
            raise self.error(hint=": extra input '%s'" % self.tok.text)

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
    def statement(self):
        if self.tok.kind == 'eof' or (self.peek_op(';') and all(
                t.kind == 'eof' or (t.kind == 'op' and t.text == ';') for t in self.toks[self.i:])):
            raise ParseException('PARSE_EMPTY_STATEMENT', {}, command=self.text)
        plan = self._statement()
        self.expect_eof()
        return plan

    def _statement(self):
        t = self.tok
        if self.at_kw('SELECT', 'WITH', 'VALUES', 'TABLE', 'FROM') or self.peek_op('('):
            return self.query()
        if self.at_kw('SHOW'):
            return self.show()
        if self.at_kw('CREATE'):
            return self.create()
        if self.at_kw('DROP'):
            return self.drop()
        if self.at_kw('DESCRIBE', 'DESC'):
            return self.describe()
        if self.at_kw('USE'):
            self.advance()
            self.accept_kw('DATABASE', 'SCHEMA', 'NAMESPACE')
            return P.Command('SetNamespace', name=self.multipart_identifier())
        if self.at_kw('SET'):
            return self.set_command()
        if self.at_kw('RESET'):
            self.advance()
            key = self._rest_text()
            return P.Command('Reset', key=key.strip() or None)
        if self.at_kw('CACHE', 'UNCACHE', 'REFRESH', 'CLEAR'):
            self.i = len(self.toks) - 1
            return P.Command('NoOp')
        if self.at_kw('EXPLAIN'):
            self.advance()
            mode = self.accept_kw('EXTENDED', 'FORMATTED', 'CODEGEN', 'COST', 'LOGICAL')
            q = self._statement()
            return P.Command('Explain', plan=q, mode=mode.text.upper() if mode else None)
        if self.at_kw('INSERT'):
            return self.insert()
        raise self.error()

    def _rest_text(self):
        start = self.tok.start
        end = len(self.text)
        self.i = len(self.toks) - 1
        txt = self.text[start:end]
        return txt.rstrip().rstrip(';')

    def set_command(self):
        self.advance()
        if self.tok.kind == 'eof':
            return P.Command('Set', key=None, value=None)
        if self.at_kw('TIME') and self.peek_kw(1, 'ZONE'):
            self.advance()
            self.advance()
            if self.at_kw('LOCAL'):
                self.advance()
                return P.Command('Set', key='spark.sql.session.timeZone', value='UTC')
            v = self.advance()
            return P.Command('Set', key='spark.sql.session.timeZone', value=v.value if v.kind == 'string' else v.text)
        rest = self._rest_text()
        if '=' in rest:
            k, v = rest.split('=', 1)
            k, v = k.strip(), v.strip()
            if k.startswith('`') and k.endswith('`'):
                k = k[1:-1]
            if v.startswith('`') and v.endswith('`'):
                v = v[1:-1]
            return P.Command('Set', key=k, value=v)
        k = rest.strip()
        if k == '-v':
            return P.Command('Set', key=None, value=None, verbose=True)
        return P.Command('Set', key=k, value=None)

    def show(self):
        self.advance()
        if self.accept_kw('DATABASES', 'SCHEMAS', 'NAMESPACES'):
            pattern = None
            if self.accept_kw('LIKE'):
                pattern = self.advance().value
            elif self.tok.kind == 'string':
                pattern = self.advance().value
            return P.Command('ShowNamespaces', pattern=pattern)
        if self.accept_kw('TABLES'):
            db = None
            if self.accept_kw('IN', 'FROM'):
                db = self.multipart_identifier()
            pattern = None
            if self.accept_kw('LIKE'):
                pattern = self.advance().value
            elif self.tok.kind == 'string':
                pattern = self.advance().value
            return P.Command('ShowTables', db=db, pattern=pattern)
        if self.accept_kw('VIEWS'):
            db = None
            if self.accept_kw('IN', 'FROM'):
                db = self.multipart_identifier()
            pattern = None
            if self.accept_kw('LIKE'):
                pattern = self.advance().value
            return P.Command('ShowViews', db=db, pattern=pattern)
        if self.accept_kw('COLUMNS'):
            if not self.accept_kw('IN', 'FROM'):
                raise self.error()
            t = self.tok
            name = self.multipart_identifier()
            if self.accept_kw('IN', 'FROM'):
                name = self.multipart_identifier() + name
            return P.Command('ShowColumns', name=name, origin=self.origin(t))
        if self.accept_kw('FUNCTIONS'):
            self._rest_text()
            return P.Command('ShowFunctions')
        if self.at_kw('CURRENT') and self.peek_kw(1, 'NAMESPACE', 'DATABASE', 'SCHEMA'):
            self.advance()
            self.advance()
            return P.Command('ShowCurrentNamespace')
        if self.accept_kw('CREATE'):
            self.expect_kw('TABLE')
            t = self.tok
            return P.Command('ShowCreateTable', name=self.multipart_identifier(), origin=self.origin(t))
        raise self.error()

    def create(self):
        self.advance()
        replace = False
        if self.accept_kw('OR'):
            self.expect_kw('REPLACE')
            replace = True
        is_global = bool(self.accept_kw('GLOBAL'))
        temp = bool(self.accept_kw('TEMPORARY', 'TEMP'))
        if self.accept_kw('VIEW'):
            if_not_exists = False
            if self.at_kw('IF'):
                self.advance()
                self.expect_kw('NOT')
                self.expect_kw('EXISTS')
                if_not_exists = True
            name = self.multipart_identifier()
            cols = None
            if self.peek_op('('):
                self.advance()
                cols = []
                while True:
                    cols.append(self.identifier())
                    if self.accept_kw('COMMENT'):
                        self.advance()
                    if not self.accept_op(','):
                        break
                self.expect_op(')')
            while self.at_kw('COMMENT', 'TBLPROPERTIES'):
                self.advance()
                if self.peek_op('('):
                    self._skip_parens()
                else:
                    self.advance()
            self.expect_kw('AS')
            start = self.tok.start
            q = self.query()
            return P.Command('CreateView', name=name, query=q, replace=replace, temp=temp,
                             is_global=is_global, if_not_exists=if_not_exists, columns=cols,
                             sql_text=self.text[start:].strip().rstrip(';'))
        if self.accept_kw('DATABASE', 'SCHEMA', 'NAMESPACE'):
            ine = False
            if self.at_kw('IF'):
                self.advance()
                self.expect_kw('NOT')
                self.expect_kw('EXISTS')
                ine = True
            name = self.multipart_identifier()
            while self.tok.kind != 'eof' and not self.peek_op(';'):
                self.advance()
            return P.Command('CreateNamespace', name=name, if_not_exists=ine)
        if self.accept_kw('TABLE'):
            ine = False
            if self.at_kw('IF'):
                self.advance()
                self.expect_kw('NOT')
                self.expect_kw('EXISTS')
                ine = True
            name = self.multipart_identifier()
            schema = None
            if self.peek_op('('):
                self.advance()
                fields = []
                while True:
                    fname = self.identifier()
                    dt = self.data_type()
                    nullable = True
                    if self.at_kw('NOT'):
                        self.advance()
                        self.expect_kw('NULL')
                        nullable = False
                    if self.accept_kw('COMMENT'):
                        self.advance()
                    fields.append(T.StructField(fname, dt, nullable))
                    if not self.accept_op(','):
                        break
                self.expect_op(')')
                schema = T.StructType(fields)
            q = None
            while self.tok.kind != 'eof' and not self.peek_op(';'):
                if self.at_kw('AS') and (self.peek_kw(1, 'SELECT', 'WITH', 'VALUES', 'FROM', 'TABLE') or self.peek_op('(', 1)):
                    self.advance()
                    q = self.query()
                    break
                if self.at_kw('SELECT', 'WITH'):
                    q = self.query()
                    break
                if self.peek_op('('):
                    self._skip_parens()
                else:
                    self.advance()
            return P.Command('CreateTable', name=name, schema=schema, query=q, replace=replace,
                             if_not_exists=ine)
        raise self.error()

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

    def drop(self):
        self.advance()
        kind = self.tok.text.upper() if self.tok.kind == 'ident' else ''
        if kind in ('VIEW', 'TABLE', 'DATABASE', 'SCHEMA', 'NAMESPACE'):
            self.advance()
        else:
            raise self.error()
        if_exists = False
        if self.at_kw('IF'):
            self.advance()
            self.expect_kw('EXISTS')
            if_exists = True
        t = self.tok
        name = self.multipart_identifier()
        cascade = bool(self.accept_kw('CASCADE'))
        self.accept_kw('RESTRICT', 'PURGE')
        if kind in ('DATABASE', 'SCHEMA', 'NAMESPACE'):
            return P.Command('DropNamespace', name=name, if_exists=if_exists, cascade=cascade)
        return P.Command('DropView' if kind == 'VIEW' else 'DropTable', name=name,
                         if_exists=if_exists, origin=self.origin(t))

    def describe(self):
        self.advance()
        if self.accept_kw('DATABASE', 'SCHEMA', 'NAMESPACE'):
            ext = bool(self.accept_kw('EXTENDED'))
            return P.Command('DescribeNamespace', name=self.multipart_identifier(), extended=ext)
        if self.accept_kw('FUNCTION'):
            ext = bool(self.accept_kw('EXTENDED'))
            t = self.advance()
            return P.Command('DescribeFunction', name=t.value if t.kind != 'ident' else t.text, extended=ext)
        if self.at_kw('QUERY') or self.at_kw('SELECT', 'WITH'):
            self.accept_kw('QUERY')
            q = self.query()
            return P.Command('DescribeQuery', query=q)
        self.accept_kw('TABLE')
        ext = bool(self.accept_kw('EXTENDED', 'FORMATTED'))
        t = self.tok
        name = self.multipart_identifier()
        return P.Command('DescribeTable', name=name, extended=ext, origin=self.origin(t))

    def insert(self):
        self.advance()
        overwrite = False
        if self.accept_kw('OVERWRITE'):
            overwrite = True
            self.accept_kw('TABLE')
        else:
            self.expect_kw('INTO')
            self.accept_kw('TABLE')
        t = self.tok
        name = self.multipart_identifier()
        cols = None
        if self.peek_op('(') and not self.peek_kw(1, 'SELECT', 'WITH', 'VALUES'):
            self.advance()
            cols = [self.identifier()]
            while self.accept_op(','):
                cols.append(self.identifier())
            self.expect_op(')')
        q = self.query()
        return P.Command('InsertInto', name=name, query=q, overwrite=overwrite, columns=cols,
                         origin=self.origin(t))

    # ------------------------------------------------------------------ queries
    def query(self):
        ctes = None
        if self.at_kw('WITH'):
            self.advance()
            ctes = []
            while True:
                name = self.identifier()
                cols = None
                if self.peek_op('('):
                    self.advance()
                    cols = [self.identifier()]
                    while self.accept_op(','):
                        cols.append(self.identifier())
                    self.expect_op(')')
                self.accept_kw('AS')
                self.expect_op('(')
                q = self.query()
                self.expect_op(')')
                ctes.append((name, q, cols))
                if not self.accept_op(','):
                    break
        plan = self.query_term()
        plan = self.query_organization(plan)
        if ctes:
            plan = P.With(ctes, plan)
        return plan

    def query_organization(self, plan):
        if self.at_kw('ORDER', 'SORT') and self.peek_kw(1, 'BY'):
            is_global = self.tok.text.upper() == 'ORDER'
            self.advance()
            self.advance()
            orders = [self.sort_item()]
            while self.accept_op(','):
                orders.append(self.sort_item())
            plan = P.Sort(orders, is_global, plan)
        limit = None
        if self.at_kw('LIMIT'):
            self.advance()
            if not self.accept_kw('ALL'):
                limit = self.expression()
        if self.at_kw('OFFSET'):
            self.advance()
            plan = P.Offset(self.expression(), plan)
        if limit is not None:
            plan = P.GlobalLimit(limit, P.LocalLimit(limit, plan))
        return plan

    def sort_item(self):
        e = self.expression()
        asc = True
        if self.accept_kw('ASC'):
            asc = True
        elif self.accept_kw('DESC'):
            asc = False
        nulls_first = None
        if self.accept_kw('NULLS'):
            if self.accept_kw('FIRST'):
                nulls_first = True
            else:
                self.expect_kw('LAST')
                nulls_first = False
        return E.SortOrder(e, asc, nulls_first)

    def query_term(self):
        left = self.intersect_term()
        while self.at_kw('UNION', 'EXCEPT', 'MINUS'):
            op = self.advance().text.upper()
            is_all = False
            if self.accept_kw('ALL'):
                is_all = True
            else:
                self.accept_kw('DISTINCT')
            right = self.intersect_term()
            if op == 'UNION':
                u = P.Union([left, right])
                left = u if is_all else P.Distinct(u)
            else:
                left = P.SetOperation('Except', left, right, is_all)
        return left

    def intersect_term(self):
        left = self.query_primary()
        while self.at_kw('INTERSECT'):
            self.advance()
            is_all = bool(self.accept_kw('ALL'))
            if not is_all:
                self.accept_kw('DISTINCT')
            right = self.query_primary()
            left = P.SetOperation('Intersect', left, right, is_all)
        return left

    def query_primary(self):
        if self.at_kw('SELECT'):
            return self.query_specification()
        if self.peek_op('('):
            self.advance()
            q = self.query()
            self.expect_op(')')
            return q
        if self.at_kw('VALUES'):
            return self.inline_table(alias_allowed=False)
        if self.at_kw('TABLE'):
            self.advance()
            t = self.tok
            return P.UnresolvedRelation(self.multipart_identifier(), self.origin(t))
        if self.at_kw('FROM'):
            self.advance()
            rel = self.relations()
            if self.at_kw('SELECT'):
                return self.query_specification(from_plan=rel)
            return P.Project([E.UnresolvedStar()], rel)
        raise self.error()

    def query_specification(self, from_plan=None):
        sel = self.expect_kw('SELECT')
        distinct = False
        if self.accept_kw('DISTINCT'):
            distinct = True
        else:
            self.accept_kw('ALL')
        exprs = [self.named_expression(allow_star=True)]
        while self.accept_op(','):
            if self.at_kw('FROM') or self.tok.kind == 'eof':
                break  # trailing comma tolerated? Spark errors; keep parity below
            exprs.append(self.named_expression(allow_star=True))
        rel = from_plan
        if self.at_kw('FROM'):
            self.advance()
            rel = self.relations()
        if rel is None:
            rel = P.OneRowRelation()
        lateral = []
        while self.at_kw('LATERAL') and self.peek_kw(1, 'VIEW'):
            self.advance()
            self.advance()
            outer = bool(self.accept_kw('OUTER'))
            gen = self.primary()
            tbl = self.identifier(_RESERVED_ALIAS) if self.is_identifier(_RESERVED_ALIAS) else None
            cols = []
            if self.accept_kw('AS'):
                cols.append(self.identifier())
                while self.accept_op(','):
                    cols.append(self.identifier())
            lateral.append((gen, outer, tbl, cols))
        for gen, outer, tbl, cols in lateral:
            rel = P.Command('LateralView', generator=gen, outer=outer, table=tbl, columns=cols,
                            child=rel)
            rel.children = [rel.args['child']]
        if self.at_kw('WHERE'):
            self.advance()
            rel = P.Filter(self.boolean_expression(), rel)
            rel.origin = (sel.line, sel.pos)
        groupings = None
        if self.at_kw('GROUP') and self.peek_kw(1, 'BY'):
            self.advance()
            self.advance()
            if self.at_kw('ALL') and not self.peek_op('(', 1):
                self.advance()
                groupings = 'ALL'
            else:
                groupings = [self.expression()]
                while self.accept_op(','):
                    groupings.append(self.expression())
        having = None
        if self.at_kw('HAVING'):
            self.advance()
            having = self.boolean_expression()
        if groupings is not None:
            plan = P.Aggregate([] if groupings == 'ALL' else groupings, exprs, rel)
            plan.group_by_all = groupings == 'ALL'
        else:
            plan = P.Project(exprs, rel)
        if having is not None:
            plan = P.Filter(having, plan)
            plan.is_having = True
        if distinct:
            plan = P.Distinct(plan)
        return plan

    def named_expression(self, allow_star=False):
        start = self.tok
        e = self.expression()
        if self.accept_kw('AS'):
            if self.peek_op('('):
                self.advance()
                names = [self.identifier()]
                while self.accept_op(','):
                    names.append(self.identifier())
                self.expect_op(')')
                e = E.Alias(e, names[0])
                e.multi_names = names
                return e
            return E.Alias(e, self.identifier())
        if self.is_identifier(_RESERVED_ALIAS) and not (self.tok.kind == 'ident' and self.tok.text.upper() in _RESERVED_ALIAS):
            return E.Alias(e, self.identifier(_RESERVED_ALIAS))
        if isinstance(e, (E.UnresolvedAttribute, E.UnresolvedStar)):
            return e
        return E.UnresolvedAlias(e)

    # ------------------------------------------------------------------ relations
    def relations(self):
        rel = self.relation()
        while self.accept_op(','):
            right = self.relation()
            rel = P.Join(rel, right, 'Inner')
        return rel

    def relation(self):
        left = self.relation_primary()
        while True:
            jt = self.join_type()
            if jt is None:
                break
            natural, kind = jt
            right = self.relation_primary()
            if natural:
                left = P.Join(left, right, kind, natural=True)
                continue
            if self.accept_kw('ON'):
                cond = self.boolean_expression()
                left = P.Join(left, right, kind, cond)
            elif self.accept_kw('USING'):
                self.expect_op('(')
                cols = [self.identifier()]
                while self.accept_op(','):
                    cols.append(self.identifier())
                self.expect_op(')')
                left = P.Join(left, right, kind, using=cols)
            else:
                left = P.Join(left, right, kind)
        return left

    def join_type(self):
        save = self.i
        natural = bool(self.accept_kw('NATURAL'))
        kind = None
        if self.accept_kw('JOIN'):
            return natural, 'Inner'
        if self.accept_kw('INNER'):
            kind = 'Inner'
        elif self.accept_kw('CROSS'):
            kind = 'Cross'
        elif self.accept_kw('LEFT'):
            if self.accept_kw('SEMI'):
                kind = 'LeftSemi'
            elif self.accept_kw('ANTI'):
                kind = 'LeftAnti'
            else:
                self.accept_kw('OUTER')
                kind = 'LeftOuter'
        elif self.accept_kw('RIGHT'):
            self.accept_kw('OUTER')
            kind = 'RightOuter'
        elif self.accept_kw('FULL'):
            self.accept_kw('OUTER')
            kind = 'FullOuter'
        elif self.accept_kw('SEMI'):
            kind = 'LeftSemi'
        elif self.accept_kw('ANTI'):
            kind = 'LeftAnti'
        if kind is None:
            self.i = save
            return None
        self.expect_kw('JOIN')
        return natural, kind

    def table_alias(self, plan, allow_cols=True):
        if self.accept_kw('AS'):
            name = self.identifier()
        elif self.is_identifier(_RESERVED_ALIAS) and not (self.tok.kind == 'ident' and self.tok.text.upper() in _RESERVED_ALIAS):
            name = self.identifier(_RESERVED_ALIAS)
        else:
            return plan, None
        cols = None
        if allow_cols and self.peek_op('('):
            self.advance()
            cols = [self.identifier()]
            while self.accept_op(','):
                cols.append(self.identifier())
            self.expect_op(')')
        return plan, (name, cols)

    def relation_primary(self):
        t = self.tok
        if self.peek_op('('):
            # subquery or parenthesized relation
            save = self.i
            self.advance()
            if self.at_kw('SELECT', 'WITH', 'VALUES', 'FROM', 'TABLE') or self.peek_op('('):
                try_save = self.i
                q = self.query()
                self.expect_op(')')
                plan, alias = self.table_alias(None)
                if alias is None:
                    return P.SubqueryAlias('__auto_generated_subquery_name', q)
                name, cols = alias
                if cols:
                    q = P.UnresolvedSubqueryColumnAliases(cols, q)
                return P.SubqueryAlias(name, q)
            rel = self.relation()
            self.expect_op(')')
            return rel
        if self.at_kw('VALUES'):
            return self.inline_table(alias_allowed=True)
        if self.tok.kind in ('ident', 'qident'):
            if self.peek_op('(', 1) and self.tok.kind == 'ident':
                # table-valued function
                name = self.advance().text
                self.advance()
                args = []
                if not self.peek_op(')'):
                    args.append(self.expression())
                    while self.accept_op(','):
                        args.append(self.expression())
                self.expect_op(')')
                plan = P.UnresolvedTableValuedFunction(name.lower(), args, self.origin(t))
                _, alias = self.table_alias(None)
                if alias:
                    name2, cols = alias
                    if cols:
                        plan = P.UnresolvedSubqueryColumnAliases(cols, plan)
                    plan = P.SubqueryAlias(name2, plan)
                return plan
            parts = self.multipart_identifier()
            plan = P.UnresolvedRelation(parts, self.origin(t))
            if self.at_kw('TABLESAMPLE'):
                plan = self.tablesample(plan)
            _, alias = self.table_alias(None)
            if alias:
                name, cols = alias
                if cols:
                    plan = P.UnresolvedSubqueryColumnAliases(cols, plan)
                plan = P.SubqueryAlias(name, plan)
            return plan
        raise self.error()

    def tablesample(self, plan):
        self.advance()
        self.expect_op('(')
        v = self.expression()
        if self.accept_kw('PERCENT'):
            frac = float(v.value) / 100.0
            self.expect_op(')')
            return P.Sample(0.0, frac, False, 0, plan)
        if self.accept_kw('ROWS'):
            self.expect_op(')')
            return P.GlobalLimit(v, P.LocalLimit(v, plan))
        raise self.error()

    def inline_table(self, alias_allowed):
        t = self.expect_kw('VALUES')
        rows = []
        while True:
            if self.peek_op('('):
                self.advance()
                row = [self.expression()]
                while self.accept_op(','):
                    row.append(self.expression())
                self.expect_op(')')
                # Spark: a parenthesized single row that is a struct-like tuple
            else:
                row = [self.expression()]
            rows.append(row)
            if not self.accept_op(','):
                break
        n = len(rows[0])
        names = ['col%d' % (i + 1) for i in range(n)]
        plan = P.UnresolvedInlineTable(names, rows, self.origin(t))
        if alias_allowed:
            _, alias = self.table_alias(None)
            if alias:
                name, cols = alias
                if cols:
                    plan.names = cols
                    plan.aliased_names = True
                plan = P.SubqueryAlias(name, plan)
        return plan

    # ------------------------------------------------------------------ expressions
    def expression(self):
        return self.boolean_expression()

    @_with_origin
    def boolean_expression(self):
        left = self.and_expression()
        while self.accept_kw('OR'):
            left = E.Or(left, self.and_expression())
        return left

    @_with_origin
    def and_expression(self):
        left = self.not_expression()
        while self.accept_kw('AND'):
            left = E.And(left, self.not_expression())
        return left

    @_with_origin
    def not_expression(self):
        if self.at_kw('NOT'):
            self.advance()
            return E.Not(self.not_expression())
        if self.peek_op('!') :
            self.advance()
            return E.Not(self.not_expression())
        if self.at_kw('EXISTS') and self.peek_op('(', 1):
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
                    r = parts[0]
                    for p in parts[1:]:
                        r = E.And(r, p) if quant.text.upper() == 'ALL' else E.Or(r, p)
                else:
                    pat = self.comparison()
                    if self.accept_kw('ESCAPE'):
                        self.advance()
                    r = E.UnresolvedFunction(kind, [e, pat])
                e = E.Not(r) if negated else r
                continue
            if self.at_kw('RLIKE', 'REGEXP'):
                self.advance()
                r = E.UnresolvedFunction('rlike', [e, self.comparison()])
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

    @_with_origin
    def comparison(self):
        left = self.bit_or()
        while True:
            t = self.tok
            if t.kind == 'op' and t.text in _COMPARISON:
                self.advance()
                left = E.BinaryComparison(_COMPARISON[t.text], left, self.bit_or())
            elif t.kind == 'op' and t.text in ('<>', '!='):
                self.advance()
                left = E.Not(E.BinaryComparison('=', left, self.bit_or()))
            else:
                return left

    @_with_origin
    def bit_or(self):
        left = self.bit_xor()
        while self.peek_op('|'):
            self.advance()
            left = E.UnresolvedFunction('|', [left, self.bit_xor()])
        return left

    @_with_origin
    def bit_xor(self):
        left = self.bit_and()
        while self.peek_op('^'):
            self.advance()
            left = E.UnresolvedFunction('^', [left, self.bit_and()])
        return left

    @_with_origin
    def bit_and(self):
        left = self.additive()
        while self.peek_op('&'):
            self.advance()
            left = E.UnresolvedFunction('&', [left, self.additive()])
        return left

    @_with_origin
    def additive(self):
        left = self.multiplicative()
        while True:
            if self.peek_op('+') or self.peek_op('-'):
                op = self.advance().text
                left = E.BinaryArithmetic(op, left, self.multiplicative())
            elif self.peek_op('||'):
                self.advance()
                left = E.UnresolvedFunction('concat', [left, self.multiplicative()])
            else:
                return left

    @_with_origin
    def multiplicative(self):
        left = self.unary()
        while True:
            if self.peek_op('*') or self.peek_op('/') or self.peek_op('%'):
                op = self.advance().text
                left = E.BinaryArithmetic(op, left, self.unary())
            elif self.at_kw('DIV'):
                self.advance()
                left = E.BinaryArithmetic('div', left, self.unary())
            else:
                return left

    @_with_origin
    def unary(self):
        if self.peek_op('-'):
            self.advance()
            inner = self.unary()
            if isinstance(inner, E.Literal) and isinstance(inner.data_type, T.NumericType) and getattr(inner, 'from_token', False):
                return _negate_literal(inner)
            return E.UnaryMinus(inner)
        if self.peek_op('+'):
            self.advance()
            return self.unary()
        if self.peek_op('~'):
            self.advance()
            return E.UnresolvedFunction('~', [self.unary()])
        return self.postfix()

    @_with_origin
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
            raise self.error()
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
    def data_type(self):
        t = self.tok
        if t.kind != 'ident':
            raise self.error()
        u = t.text.upper()
        self.advance()
        if u in ('ARRAY',):
            self._expect_lt()
            et = self.data_type()
            self._expect_gt()
            return T.ArrayType(et, True)
        if u == 'MAP':
            self._expect_lt()
            kt = self.data_type()
            self.expect_op(',')
            vt = self.data_type()
            self._expect_gt()
            return T.MapType(kt, vt, True)
        if u == 'STRUCT':
            self._expect_lt()
            fields = []
            if not self._at_gt():
                while True:
                    name = self.identifier()
                    self.accept_op(':')
                    dt = self.data_type()
                    nullable = True
                    if self.at_kw('NOT'):
                        self.advance()
                        self.expect_kw('NULL')
                        nullable = False
                    if self.accept_kw('COMMENT'):
                        self.advance()
                    fields.append(T.StructField(name, dt, nullable))
                    if not self.accept_op(','):
                        break
            self._expect_gt()
            return T.StructType(fields)
        if u in ('DECIMAL', 'DEC', 'NUMERIC'):
            if self.peek_op('('):
                self.advance()
                p = int(self.advance().text)
                s = 0
                if self.accept_op(','):
                    s = int(self.advance().text)
                self.expect_op(')')
                if p > 38 or s > p:
                    raise ParseException(None, {}, message='[DATATYPE_MISMATCH] decimal can only support precision up to 38.', command=self.text)
                return T.DecimalType(p, s)
            return T.DecimalType(10, 0)
        if u in ('CHAR', 'VARCHAR', 'CHARACTER'):
            if self.peek_op('('):
                self.advance()
                self.advance()
                self.expect_op(')')
            return T.StringType()
        if u in _TYPE_NAMES:
            return _TYPE_NAMES[u]()
        raise ParseException('UNSUPPORTED_DATATYPE', {'typeName': '"%s"' % u},
                             command=self.text, line=t.line, pos=t.pos)

    def _expect_lt(self):
        if not self.accept_op('<'):
            raise self.error()

    def _at_gt(self):
        return self.peek_op('>')

    def _expect_gt(self):
        if self.peek_op('>'):
            self.advance()
            return
        if self.peek_op('>='):
            raise self.error()
        raise self.error()


def _negate_literal(lit):
    v = lit.value
    dt = lit.data_type
    if isinstance(dt, T.IntegerType) and -v == 2 ** 31:
        return E.Literal(-v, T.IntegerType())
    if isinstance(dt, T.LongType) and -v == 2 ** 63 and False:
        pass
    nl = E.Literal(-v, dt)
    nl.from_token = True
    return nl


def _number_literal(t, parser):
    num, suffix = t.value
    if t.kind == 'int' and not suffix:
        v = int(num)
        if -2 ** 31 <= v <= 2 ** 31 - 1:
            return E.Literal(v, T.IntegerType())
        if -2 ** 63 <= v <= 2 ** 63 - 1:
            return E.Literal(v, T.LongType())
        d = decimal.Decimal(num)
        return E.Literal(d, T.DecimalType(max(len(num.lstrip('0')) or 1, 1), 0))
    if suffix == 'L':
        v = int(decimal.Decimal(num))
        if not (-2 ** 63 <= v <= 2 ** 63 - 1):
            raise _range_error(t, parser, 'Long', num)
        return E.Literal(v, T.LongType())
    if suffix == 'S':
        v = int(decimal.Decimal(num))
        if not (-2 ** 15 <= v <= 2 ** 15 - 1):
            raise _range_error(t, parser, 'Short', num)
        return E.Literal(v, T.ShortType())
    if suffix == 'Y':
        v = int(decimal.Decimal(num))
        if not (-128 <= v <= 127):
            raise _range_error(t, parser, 'Byte', num)
        return E.Literal(v, T.ByteType())
    if suffix == 'D' or (t.kind == 'double' and not suffix):
        return E.Literal(float(num), T.DoubleType())
    if suffix == 'F':
        from .javafmt import to_float32
        return E.Literal(to_float32(float(num)), T.FloatType())
    # decimal literal (or BD suffix)
    d = decimal.Decimal(num)
    sign, digits, exp = d.as_tuple()
    scale = max(-exp, 0)
    prec = len(digits)
    if exp > 0:
        d = d.quantize(decimal.Decimal(1))
        prec = len(d.as_tuple().digits)
        scale = 0
    prec = max(prec, scale)
    if prec > 38:
        return E.Literal(float(num), T.DoubleType())
    return E.Literal(d, T.DecimalType(max(prec, 1), scale))


def _range_error(t, parser, kind, num):
    lim = {'Long': ('-9223372036854775808', '9223372036854775807'),
           'Short': ('-32768', '32767'), 'Byte': ('-128', '127')}[kind]
    return ParseException('INVALID_NUMERIC_LITERAL_RANGE', {}, message=(
        '[INVALID_NUMERIC_LITERAL_RANGE] Numeric literal %s is outside the valid range for %s '
        'with minimum value of %s and maximum value of %s. Please adjust the value accordingly.'
        % (num, kind.lower() if False else {'Long': 'bigint', 'Short': 'smallint', 'Byte': 'tinyint'}[kind], lim[0], lim[1])),
        command=parser.text, line=t.line, pos=t.pos)


def _typed_literal(kind, s, t, parser):
    if kind == 'DATE':
        d = str_to_date(s)
        if d is None:
            raise ParseException('INVALID_TYPED_LITERAL', {'valueType': '"DATE"', 'value': "'%s'" % s},
                                 command=parser.text, line=t.line, pos=t.pos)
        return E.Literal(d, T.DateType())
    if kind == 'X':
        try:
            return E.Literal(bytearray(bytes.fromhex(s)), T.BinaryType())
        except ValueError:
            raise ParseException('INVALID_TYPED_LITERAL', {'valueType': '"X"', 'value': "'%s'" % s},
                                 command=parser.text, line=t.line, pos=t.pos)
    ts = str_to_timestamp(s)
    if ts is None:
        raise ParseException('INVALID_TYPED_LITERAL', {'valueType': '"%s"' % kind, 'value': "'%s'" % s},
                             command=parser.text, line=t.line, pos=t.pos)
    if kind == 'TIMESTAMP_NTZ':
        return E.Literal(ts, T.TimestampNTZType())
    return E.Literal(ts, T.TimestampType())

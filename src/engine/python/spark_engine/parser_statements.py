"""Grammar rules for statements: queries, SHOW, CREATE/DROP, DESCRIBE, USE, SET, INSERT."""


from . import types as T
from . import plans as P
from .errors import ParseException


class StatementRules:
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

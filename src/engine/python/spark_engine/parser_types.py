"""Grammar rules for data types (DDL type strings)."""


from . import types as T
from .errors import ParseException
from .parser_core import _TYPE_NAMES


class TypeRules:
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

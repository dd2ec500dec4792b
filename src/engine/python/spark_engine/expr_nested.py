"""Access into and update of nested values: a[i], m[k], s.field, withField/dropFields."""

from . import types as T
from .expr_base import Expression, Literal, TypeCheckError, quote_ident, needs_quote
from .expr_cast import implicit_cast


class GetItem(Expression):
    """``a[i]`` on arrays (0-based, NULL when out of range) and ``m[k]`` on maps."""

    def __init__(self, child, key):
        self.children = [child, key]

    def to_string(self):
        return '%s[%s]' % (self.children[0].to_string(), self.children[1].to_string())

    def sql(self):
        return '%s[%s]' % (self.children[0].sql(), self.children[1].sql())

    def type_check(self, ctx):
        c, k = self.children
        if isinstance(c.data_type, T.ArrayType):
            self.children = [c, implicit_cast(k, T.IntegerType())]
            self.data_type = c.data_type.elementType
        elif isinstance(c.data_type, T.MapType):
            self.children = [c, implicit_cast(k, c.data_type.keyType)]
            self.data_type = c.data_type.valueType
        elif isinstance(c.data_type, T.StructType) and isinstance(k, Literal):
            return GetField(c, str(k.value)).type_check(ctx)
        else:
            raise TypeCheckError('INVALID_EXTRACT_BASE_FIELD_TYPE', {
                'base': '"%s"' % c.sql(), 'other': '"%s"' % c.data_type.sql_name()})
        self.nullable = True
        return self

    def compile(self, ctx):
        fc, fk = self.children[0].compile(ctx), self.children[1].compile(ctx)
        is_map = isinstance(self.children[0].data_type, T.MapType)

        def run(row):
            c = fc(row)
            k = fk(row)
            if c is None or k is None:
                return None
            if is_map:
                return c.get(k)
            if 0 <= k < len(c):
                return c[k]
            return None
        return run


class GetField(Expression):
    def __init__(self, child, field):
        self.children = [child]
        self.field = field

    def _key_extra(self):
        return self.field

    def to_string(self):
        return '%s.%s' % (self.children[0].to_string(), self.field)

    def sql(self):
        return '%s.%s' % (self.children[0].sql(), quote_ident(self.field) if needs_quote(self.field) else self.field)

    def type_check(self, ctx):
        st = self.children[0].data_type
        for i, f in enumerate(st.fields):
            if f.name.lower() == self.field.lower():
                self.ordinal = i
                self.field = f.name
                self.data_type = f.dataType
                self.nullable = self.children[0].nullable or f.nullable
                return self
        raise TypeCheckError('FIELD_NOT_FOUND', {'fieldName': quote_ident(self.field),
                                                 'fields': ', '.join(quote_ident(f.name) for f in st.fields)})

    def compile(self, ctx):
        f = self.children[0].compile(ctx)
        i = self.ordinal

        def run(row):
            v = f(row)
            return None if v is None else v[i]
        return run


class UpdateFields(Expression):
    """``col.withField(name, value)`` / ``col.dropFields(*names)`` on a struct column."""

    def __init__(self, struct, ops):
        self.ops = list(ops)  # ('set', name) consumes one child value / ('drop', name)
        self.children = [struct] + [v for kind, name, v in ops if kind == 'set']

    def _key_extra(self):
        return tuple((k, n) for k, n, _ in self.ops)

    def to_string(self):
        return 'update_fields(%s)' % ', '.join(c.to_string() for c in self.children)

    def sql(self):
        return 'update_fields(%s)' % ', '.join(
            [self.children[0].sql()] + ['%s(%s)' % ('WithField' if k == 'set' else 'DropField', n)
                                        for k, n, _ in self.ops])

    def type_check(self, ctx):
        st = self.children[0].data_type
        if not isinstance(st, T.StructType):
            raise TypeCheckError('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE', {
                'sqlExpr': '"%s"' % self.sql(), 'paramIndex': '1', 'requiredType': '"STRUCT"',
                'inputSql': '"%s"' % self.children[0].sql(), 'inputType': '"%s"' % st.sql_name()})
        fields = [(f.name, f.dataType, f.nullable, ('old', i)) for i, f in enumerate(st.fields)]
        vi = 1
        for kind, name, _ in self.ops:
            idx = [i for i, f in enumerate(fields) if f[0].lower() == name.lower()]
            if kind == 'set':
                v = self.children[vi]
                entry = (name, v.data_type, v.nullable, ('new', vi))
                vi += 1
                if idx:
                    fields[idx[0]] = (fields[idx[0]][0],) + entry[1:]
                else:
                    fields.append(entry)
            else:
                fields = [f for i, f in enumerate(fields) if i not in idx]
        self.plan_fields = fields
        self.data_type = T.StructType([T.StructField(n, t, nl) for n, t, nl, _ in fields])
        self.nullable = self.children[0].nullable
        return self

    def compile(self, ctx):
        fs = [c.compile(ctx) for c in self.children]
        srcs = [src for _, _, _, src in self.plan_fields]

        def run(row):
            s = fs[0](row)
            if s is None:
                return None
            return tuple(s[i] if kind == 'old' else fs[i](row) for kind, i in srcs)
        return run

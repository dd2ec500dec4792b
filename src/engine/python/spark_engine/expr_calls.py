"""Function calls: unresolved by name, resolved scalar built-ins, aggregate calls."""

from .expr_base import Expression


class UnresolvedFunction(Expression):
    def __init__(self, name, args, distinct=False, is_star=False, origin=None, ignore_nulls=False):
        self.name = name
        self.children = list(args)
        self.distinct = distinct
        self.is_star = is_star
        self.origin = origin
        self.ignore_nulls = ignore_nulls
        self.filter = None

    def is_resolved(self):
        return False

    def to_string(self):
        ch = [c.to_string() for c in self.children]
        op = getattr(self, 'parsed_op', None)
        if op == 'like':
            return '%s LIKE %s' % (ch[0], ch[1])
        if op == 'ilike':
            return 'ilike(%s, %s)' % (ch[0], ch[1])
        if op == 'rlike':
            return 'RLIKE(%s, %s)' % (ch[0], ch[1])
        if op == 'concat':
            return 'concat(%s)' % ', '.join(ch)
        if op in ('&', '|', '^'):
            return '(%s %s %s)' % (ch[0], op, ch[1])
        if op == '~':
            return '~%s' % ch[0]
        return "'%s(%s%s)" % (self.name, 'distinct ' if self.distinct else '', ', '.join(ch))

    def sql(self):
        return '%s(%s%s)' % (self.name.lower(), 'DISTINCT ' if self.distinct else '',
                             ', '.join(c.sql() for c in self.children))


class ScalarFunction(Expression):
    """A built-in scalar function; behaviour comes from its FunctionSpec (functions.py)."""

    def __init__(self, name, args, spec):
        self.name = name
        self.children = list(args)
        self.spec = spec

    def _key_extra(self):
        return self.name

    @property
    def foldable(self):
        return self.spec.deterministic and not self.spec.no_fold and all(c.foldable for c in self.children)

    def to_string(self):
        return self.spec.to_string(self) if self.spec.to_string else '%s(%s)' % (
            self.name, ', '.join(c.to_string() for c in self.children))

    def sql(self):
        if self.spec.sql:
            return self.spec.sql(self)
        return '%s(%s)' % (self.name, ', '.join(c.sql() for c in self.children))

    def type_check(self, ctx):
        self.spec.type_check(self, ctx)
        return self

    def compile(self, ctx):
        return self.spec.compile(self, ctx)


class AggregateExpression(Expression):
    """An aggregate function call (count, sum, avg...); evaluated by the Aggregate operator."""

    is_aggregate = True

    def __init__(self, name, args, spec, distinct=False, ignore_nulls=False):
        self.name = name
        self.children = list(args)
        self.spec = spec
        self.distinct = distinct
        self.ignore_nulls = ignore_nulls
        self.slot = None

    def _key_extra(self):
        f = getattr(self, 'filter', None)
        return (self.name, self.distinct, self.ignore_nulls, f.semantic_key() if f is not None else None)

    def to_string(self):
        return '%s(%s%s)%s' % (self.name, 'distinct ' if self.distinct else '',
                               ', '.join(c.to_string() for c in self.children),
                               ' ignore nulls' if self.ignore_nulls else '')

    def sql(self):
        f = getattr(self, 'filter', None)
        return '%s(%s%s)%s%s' % (self.name, 'DISTINCT ' if self.distinct else '',
                                 ', '.join(c.sql() for c in self.children),
                                 ' IGNORE NULLS' if self.ignore_nulls else '',
                                 ' FILTER (WHERE %s)' % f.sql() if f is not None else '')

    def type_check(self, ctx):
        self.spec.type_check(self, ctx)
        return self

    def compile(self, ctx):
        idx = ctx.agg_index(self)
        return lambda row: row[idx]

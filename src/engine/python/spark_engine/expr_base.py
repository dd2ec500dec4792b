"""Expression tree basics: the Expression protocol (to_string / sql / type_check / compile),
literals, attribute references, aliases, sort orders and tree walking helpers.

Three textual forms follow Spark: ``to_string()`` (Expression.toString, used in plan strings:
``'id``, ``id#0L``, ``(id > 5)``), ``sql()`` (the pretty SQL Spark uses to name unaliased columns:
``(id * id)``, ``count(1)``) and the closure from ``compile(ctx)``. Recursion is per tree depth
only; per-row work happens in the compiled closures.
"""

import copy
import itertools
import re

from . import types as T
from .casts import value_to_string
from .javafmt import date_to_str, timestamp_to_str

_ids = itertools.count()


def new_expr_id():
    return next(_ids)


def quote_ident(name):
    """Spark's toSQLId part quoting: `name` with backquotes doubled."""
    return '`%s`' % name.replace('`', '``')


def needs_quote(name):
    """Spark's quoteIfNeeded: plain word characters, not all digits."""
    return not re.match(r'^[A-Za-z0-9_]+$', name) or name.isdigit()


def quote_if_needed(name):
    return quote_ident(name) if needs_quote(name) else name


class TypeCheckError(Exception):
    """Raised while typing an expression; the analyzer turns it into DATATYPE_MISMATCH etc."""

    def __init__(self, error_class, params):
        Exception.__init__(self, error_class)
        self.error_class = error_class
        self.params = params


class Expression:
    children = ()
    data_type = None
    nullable = True
    foldable = False
    origin = None

    def is_resolved(self):
        return self.data_type is not None and all(c.is_resolved() for c in self.children)

    def with_children(self, children):
        e = copy.copy(self)
        e.children = list(children)
        return e

    def to_string(self):
        return self.sql()

    def sql(self):
        raise NotImplementedError(type(self).__name__)

    def compile(self, ctx):
        raise NotImplementedError(type(self).__name__)

    def semantic_key(self):
        """Structural identity ignoring names/aliases (for GROUP BY matching)."""
        return (type(self).__name__, self._key_extra(), tuple(c.semantic_key() for c in self.children))

    def _key_extra(self):
        return None

    def type_check(self, ctx):
        """Called when all children are resolved: set data_type/nullable (may add casts)."""
        raise NotImplementedError(type(self).__name__)

    is_aggregate = False  # AggregateExpression overrides

    def contains_aggregate(self):
        if self.is_aggregate:
            return True
        return any(c.contains_aggregate() for c in self.children)

    def references(self):
        out = []
        stack = [self]
        while stack:
            e = stack.pop()
            if isinstance(e, AttributeReference):
                out.append(e)
            stack.extend(e.children)
        return out

    def __repr__(self):
        return self.to_string()


class Literal(Expression):
    def __init__(self, value, data_type):
        self.value = value
        self.data_type = data_type
        self.nullable = value is None
        self.foldable = True
        self.children = []

    def _key_extra(self):
        return (repr(self.value), repr(self.data_type))

    def type_check(self, ctx):
        return self

    def to_string(self):
        v, dt = self.value, self.data_type
        if v is None:
            return 'null'
        if isinstance(dt, T.DateType):
            return date_to_str(v)
        if isinstance(dt, T.TimestampType):
            return timestamp_to_str(v)
        if isinstance(dt, T.StringType):
            return v
        return value_to_string(v, dt)

    def sql(self):
        """Pretty form used for column names (strings unquoted, numbers as text)."""
        v, dt = self.value, self.data_type
        if v is None:
            return 'NULL'
        if isinstance(dt, T.StringType):
            return v
        if isinstance(dt, T.NumericType):
            if isinstance(dt, T.DoubleType):
                return value_to_string(v, dt)
            return value_to_string(v, dt)
        if isinstance(dt, T.DateType):
            return "DATE '%s'" % date_to_str(v)
        if isinstance(dt, T.TimestampType):
            return "TIMESTAMP '%s'" % timestamp_to_str(v)
        if isinstance(dt, T.BinaryType):
            return "X'%s'" % bytes(v).hex().upper()
        return value_to_string(v, dt)

    def is_interval(self):
        return isinstance(self.data_type, (T.DayTimeIntervalType, T.YearMonthIntervalType))

    def real_sql(self):
        v, dt = self.value, self.data_type
        if v is None:
            return 'NULL'
        if isinstance(dt, T.StringType):
            return "'%s'" % v.replace('\\', '\\\\').replace("'", "\\'")
        if isinstance(dt, T.LongType):
            return '%dL' % v
        if isinstance(dt, T.DoubleType):
            return value_to_string(v, dt) + 'D'
        return self.sql()

    def compile(self, ctx):
        v = self.value
        return lambda row: v


class AttributeReference(Expression):
    def __init__(self, name, data_type, nullable=True, expr_id=None, qualifier=None):
        self.name = name
        self.data_type = data_type
        self.nullable = nullable
        self.expr_id = new_expr_id() if expr_id is None else expr_id
        self.qualifier = list(qualifier or [])
        self.children = []

    def _key_extra(self):
        return self.expr_id

    def type_check(self, ctx):
        return self

    def with_qualifier(self, q):
        a = copy.copy(self)
        a.qualifier = list(q)
        return a

    def with_nullability(self, nullable):
        a = copy.copy(self)
        a.nullable = nullable
        return a

    def new_instance(self):
        a = copy.copy(self)
        a.expr_id = new_expr_id()
        return a

    def to_string(self):
        return '%s#%d%s' % (self.name, self.expr_id, 'L' if isinstance(self.data_type, T.LongType) else '')

    def sql(self):
        return self.name

    def qualified_sql(self):
        return '.'.join(quote_ident(p) for p in self.qualifier + [self.name])

    def compile(self, ctx):
        idx = ctx.index_of(self)
        return lambda row: row[idx]


class UnresolvedAttribute(Expression):
    def __init__(self, parts, origin=None):
        self.parts = list(parts)
        self.children = []
        self.origin = origin

    def is_resolved(self):
        return False

    @property
    def name(self):
        return '.'.join(self.parts)

    def to_string(self):
        return "'" + '.'.join(self.parts)

    def sql(self):
        return '.'.join(quote_ident(p) if needs_quote(p) else p for p in self.parts)

    def quoted(self):
        return '.'.join(quote_ident(p) for p in self.parts)


class UnresolvedStar(Expression):
    def __init__(self, target=None):
        self.target = list(target) if target else None
        self.children = []

    def is_resolved(self):
        return False

    def to_string(self):
        if self.target:
            return '.'.join(self.target) + '.*'
        return '*'

    def sql(self):
        return self.to_string()


class UnresolvedRegex(UnresolvedStar):
    """``df.colRegex('`a.*`')``: expands to the columns whose names fully match."""

    def __init__(self, pattern):
        UnresolvedStar.__init__(self, None)
        self.pattern = pattern

    def to_string(self):
        return self.pattern


class OuterReference(Expression):
    def __init__(self, attr):
        self.attr = attr
        self.children = []
        self.data_type = attr.data_type
        self.nullable = attr.nullable

    def to_string(self):
        return 'outer(%s)' % self.attr.to_string()

    def sql(self):
        return self.attr.sql()

    def is_resolved(self):
        return True

    def compile(self, ctx):
        session = ctx.session
        eid = self.attr.expr_id

        def run(row):
            for frame in reversed(session.outer_stack):
                if eid in frame:
                    return frame[eid]
            return None
        return run


class Alias(Expression):
    def __init__(self, child, name, expr_id=None):
        self.children = [child]
        self.name = name
        self.expr_id = new_expr_id() if expr_id is None else expr_id

    @property
    def child(self):
        return self.children[0]

    def is_resolved(self):
        return self.child.is_resolved()

    def type_check(self, ctx):
        self.data_type = self.child.data_type
        self.nullable = self.child.nullable
        return self

    @property
    def foldable(self):
        return False

    def semantic_key(self):
        return self.child.semantic_key()

    def to_string(self):
        suffix = 'L' if self.is_resolved() and isinstance(self.child.data_type, T.LongType) else ''
        return '%s AS %s#%d%s' % (self.child.to_string(), self.name, self.expr_id, suffix)

    def sql(self):
        return '%s AS %s' % (self.child.sql(), quote_if_needed(self.name))

    def to_attribute(self):
        return AttributeReference(self.name, self.child.data_type, self.child.nullable, self.expr_id)

    def compile(self, ctx):
        return self.child.compile(ctx)


class UnresolvedAlias(Expression):
    def __init__(self, child):
        self.children = [child]

    def is_resolved(self):
        return False

    def to_string(self):
        return 'unresolvedalias(%s, None)' % self.children[0].to_string()

    def sql(self):
        return self.children[0].sql()


class SortOrder(Expression):
    def __init__(self, child, ascending=True, nulls_first=None):
        self.children = [child]
        self.ascending = ascending
        self.nulls_first = ascending if nulls_first is None else nulls_first

    @property
    def child(self):
        return self.children[0]

    def type_check(self, ctx):
        self.data_type = self.child.data_type
        self.nullable = self.child.nullable
        return self

    def _dir(self):
        return '%s %s' % ('ASC' if self.ascending else 'DESC',
                          'NULLS FIRST' if self.nulls_first else 'NULLS LAST')

    def to_string(self):
        return '%s %s' % (self.child.to_string(), self._dir())

    def sql(self):
        return '%s %s' % (self.child.sql(), self._dir())

    def compile(self, ctx):
        return self.child.compile(ctx)


class BoundReference(Expression):
    """A direct reference to slot ``index`` of the row being evaluated (used by Aggregate)."""

    def __init__(self, index, data_type, nullable, shown):
        self.index = index
        self.data_type = data_type
        self.nullable = nullable
        self.shown = shown
        self.children = []

    def to_string(self):
        return self.shown.to_string()

    def sql(self):
        return self.shown.sql()

    def compile(self, ctx):
        i = self.index
        return lambda row: row[i]


def transform_up(e, fn):
    """Rebuild ``e`` bottom-up applying ``fn`` to every node (recursion per depth only)."""
    if e.children:
        new = [transform_up(c, fn) for c in e.children]
        if any(a is not b for a, b in zip(new, e.children)):
            e = e.with_children(new)
    return fn(e)


def transform_down(e, fn):
    """Apply ``fn`` top-down; when fn returns a different node, its children are not revisited."""
    r = fn(e)
    if r is not e:
        return r
    if e.children:
        new = [transform_down(c, fn) for c in e.children]
        if any(a is not b for a, b in zip(new, e.children)):
            e = e.with_children(new)
    return e


def find_all(e, cls, stop_at=None):
    out = []
    stack = [e]
    while stack:
        x = stack.pop()
        if isinstance(x, cls):
            out.append(x)
            continue
        if stop_at is not None and isinstance(x, stop_at):
            continue
        stack.extend(reversed(x.children))
    return out

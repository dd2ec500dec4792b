"""Logical plan nodes, unresolved (from the parser / Dataset API) and resolved (after analysis).

``tree_string()`` renders Spark's ``treeString`` (``'Project [*]`` / ``+- `` / ``:- `` ...):
unresolved nodes are prefixed with ``'``. ``output`` is the list of AttributeReferences a
resolved node produces.
"""

from .expressions import AttributeReference


def _exprs(es):
    return '[' + ', '.join(e.to_string() for e in es) + ']'


class LogicalPlan:
    children = ()
    origin = None

    @property
    def resolved(self):
        if self.__dict__.get('_analyzed'):
            return True
        return self._compute_resolved()

    def _compute_resolved(self):
        return self.expressions_resolved() and all(c.resolved for c in self.children)

    def expressions_resolved(self):
        return all(e.is_resolved() for e in self.expressions())

    def expressions(self):
        return []

    @property
    def output(self):
        return []

    def node_string(self):
        raise NotImplementedError

    def tree_string(self):
        lines = []
        # iterative DFS: (node, prefix_flags)
        stack = [(self, [])]
        while stack:
            node, flags = stack.pop()
            prefix = ''
            if flags:
                prefix = ''.join('   ' if last else ':  ' for last in flags[:-1])
                prefix += '+- ' if flags[-1] else ':- '
            mark = '' if node.resolved else "'"
            lines.append(prefix + mark + node.node_string())
            kids = list(node.children)
            for i in range(len(kids) - 1, -1, -1):
                stack.append((kids[i], flags + [i == len(kids) - 1]))
        return '\n'.join(lines) + '\n'

    def with_children(self, children):
        import copy
        p = copy.copy(self)
        p.__dict__.pop('_analyzed', None)
        p.children = list(children)
        return p


# ------------------------------------------------------------------------------- leaves

class UnresolvedRelation(LogicalPlan):
    def __init__(self, parts, origin=None):
        self.parts = list(parts)
        self.origin = origin
        self.children = []

    def _compute_resolved(self):
        return False

    def node_string(self):
        return 'UnresolvedRelation [%s], [], false' % ', '.join(self.parts)


class UnresolvedTableValuedFunction(LogicalPlan):
    def __init__(self, name, args, origin=None):
        self.name = name
        self.args = list(args)
        self.origin = origin
        self.children = []

    def _compute_resolved(self):
        return False

    def node_string(self):
        return 'UnresolvedTableValuedFunction [%s], %s' % (self.name, _exprs(self.args))


class UnresolvedInlineTable(LogicalPlan):
    def __init__(self, names, rows, origin=None):
        self.names = list(names)
        self.rows = [list(r) for r in rows]
        self.origin = origin
        self.children = []

    def _compute_resolved(self):
        return False

    def node_string(self):
        return 'UnresolvedInlineTable [%s], [%s]' % (
            ', '.join(self.names), ', '.join(_exprs(r) for r in self.rows))


class OneRowRelation(LogicalPlan):
    def __init__(self):
        self.children = []

    def _compute_resolved(self):
        return True

    def node_string(self):
        return 'OneRowRelation'


class Range(LogicalPlan):
    def __init__(self, start, end, step=1, splits=None, attr=None):
        self.start, self.end, self.step, self.splits = start, end, step, splits
        self.attr = attr or AttributeReference('id', _long(), False)
        self.children = []

    def _compute_resolved(self):
        return True

    @property
    def output(self):
        return [self.attr]

    def node_string(self):
        return 'Range (%d, %d, step=%d, splits=%s)' % (
            self.start, self.end, self.step, 'None' if self.splits is None else 'Some(%d)' % self.splits)


def _long():
    from .types import LongType
    return LongType()


class LocalRelation(LogicalPlan):
    """Rows held in memory (createDataFrame, VALUES, catalog tables, command results)."""

    def __init__(self, attrs, rows, label='LocalRelation'):
        self.attrs = list(attrs)
        self.rows = rows
        self.label = label
        self.children = []

    def _compute_resolved(self):
        return True

    @property
    def output(self):
        return list(self.attrs)

    def node_string(self):
        if self.label == 'LogicalRDD':
            return 'LogicalRDD [%s], false' % ', '.join(a.to_string() for a in self.attrs)
        return '%s [%s]' % (self.label, ', '.join(a.to_string() for a in self.attrs))


# ------------------------------------------------------------------------------- unary

class Project(LogicalPlan):
    def __init__(self, exprs, child):
        self.exprs = list(exprs)
        self.children = [child]

    @property
    def child(self):
        return self.children[0]

    def expressions(self):
        return self.exprs

    @property
    def output(self):
        return [to_attribute(e) for e in self.exprs]

    def node_string(self):
        return 'Project ' + _exprs(self.exprs)


def _alias_cls():
    from .expressions import Alias
    return Alias


def to_attribute(e):
    from .expressions import Alias
    if isinstance(e, AttributeReference):
        return e
    if isinstance(e, Alias):
        return e.to_attribute()
    raise ValueError('not a named expression: %r' % e)


class Filter(LogicalPlan):
    def __init__(self, condition, child):
        self.condition = condition
        self.children = [child]

    @property
    def child(self):
        return self.children[0]

    def expressions(self):
        return [self.condition]

    @property
    def output(self):
        return self.child.output

    def node_string(self):
        if getattr(self, 'is_having', False) and not self.resolved:
            return 'UnresolvedHaving ' + self.condition.to_string()
        return 'Filter ' + self.condition.to_string()


class Aggregate(LogicalPlan):
    def __init__(self, groupings, aggs, child, grouping_sets=None):
        self.groupings = list(groupings)
        self.aggs = list(aggs)
        self.children = [child]
        self.grouping_sets = grouping_sets  # list of lists of grouping indexes (ROLLUP/CUBE/SETS)

    @property
    def child(self):
        return self.children[0]

    def expressions(self):
        return self.groupings + self.aggs

    @property
    def output(self):
        out = [to_attribute(e) for e in self.aggs]
        if self.grouping_sets:
            keys = set(g.semantic_key() for g in self.groupings)
            out = [a.with_nullability(True) if a.semantic_key() in keys or (
                isinstance(e, _alias_cls()) and e.child.semantic_key() in keys) else a
                for a, e in zip(out, self.aggs)]
        return out

    def node_string(self):
        return 'Aggregate %s, %s' % (_exprs(self.groupings), _exprs(self.aggs))


class Sort(LogicalPlan):
    def __init__(self, orders, is_global, child):
        self.orders = list(orders)
        self.is_global = is_global
        self.children = [child]

    @property
    def child(self):
        return self.children[0]

    def expressions(self):
        return self.orders

    @property
    def output(self):
        return self.child.output

    def node_string(self):
        return 'Sort %s, %s' % (_exprs(self.orders), 'true' if self.is_global else 'false')


class GlobalLimit(LogicalPlan):
    def __init__(self, n, child):
        self.n = n
        self.children = [child]

    def expressions(self):
        return [self.n]

    @property
    def output(self):
        return self.children[0].output

    def node_string(self):
        return 'GlobalLimit ' + self.n.to_string()


class LocalLimit(GlobalLimit):
    def node_string(self):
        return 'LocalLimit ' + self.n.to_string()


class Offset(GlobalLimit):
    def node_string(self):
        return 'Offset ' + self.n.to_string()


class Distinct(LogicalPlan):
    def __init__(self, child):
        self.children = [child]

    @property
    def output(self):
        return self.children[0].output

    def node_string(self):
        return 'Distinct'


class Deduplicate(LogicalPlan):
    def __init__(self, keys, child):
        self.keys = list(keys)
        self.children = [child]

    def expressions(self):
        return self.keys

    @property
    def output(self):
        return self.children[0].output

    def node_string(self):
        return 'Deduplicate ' + _exprs(self.keys)


class SubqueryAlias(LogicalPlan):
    def __init__(self, name, child, qualifier=None):
        self.name = name
        self.qualifier = list(qualifier) if qualifier else [name]
        self.children = [child]

    @property
    def output(self):
        return [a.with_qualifier(self.qualifier) for a in self.children[0].output]

    def node_string(self):
        return 'SubqueryAlias ' + '.'.join(self.qualifier)


class View(LogicalPlan):
    def __init__(self, desc, child, is_temp=True):
        self.desc = desc
        self.is_temp = is_temp
        self.children = [child]

    @property
    def output(self):
        return self.children[0].output

    def node_string(self):
        return 'View (%s, [%s])' % (self.desc, ','.join(a.to_string() for a in self.output))


class UnresolvedSubqueryColumnAliases(LogicalPlan):
    def __init__(self, names, child):
        self.names = list(names)
        self.children = [child]

    def _compute_resolved(self):
        return False

    def node_string(self):
        return 'UnresolvedSubqueryColumnAliases [%s]' % ', '.join(self.names)


class Sample(LogicalPlan):
    def __init__(self, lower, upper, with_replacement, seed, child):
        self.lower, self.upper = lower, upper
        self.with_replacement = with_replacement
        self.seed = seed
        self.children = [child]

    @property
    def output(self):
        return self.children[0].output

    def node_string(self):
        return 'Sample %s, %s, %s, %d' % (_dbl(self.lower), _dbl(self.upper),
                                          'true' if self.with_replacement else 'false', self.seed)


def _dbl(v):
    from .javafmt import double_to_str
    return double_to_str(float(v))


class Generate(LogicalPlan):
    """explode/posexplode in a SELECT list: one output row per element."""

    def __init__(self, generator, outer, gen_attrs, child, keep_child=True):
        self.generator = generator
        self.outer = outer
        self.gen_attrs = list(gen_attrs)
        self.children = [child]

    def expressions(self):
        return [self.generator]

    @property
    def output(self):
        return self.children[0].output + self.gen_attrs

    def node_string(self):
        return 'Generate %s, false, [%s]' % (self.generator.to_string(),
                                            ', '.join(a.to_string() for a in self.gen_attrs))


# ------------------------------------------------------------------------------ binary

class Join(LogicalPlan):
    def __init__(self, left, right, join_type, condition=None, using=None, natural=False):
        self.children = [left, right]
        self.join_type = join_type  # Inner, LeftOuter, RightOuter, FullOuter, LeftSemi, LeftAnti, Cross
        self.condition = condition
        self.using = using
        self.natural = natural

    def _compute_resolved(self):
        if self.using is not None or self.natural:
            return False
        return LogicalPlan._compute_resolved(self)

    def expressions(self):
        return [self.condition] if self.condition is not None else []

    @property
    def output(self):
        l, r = self.children[0].output, self.children[1].output
        jt = self.join_type
        if jt in ('LeftSemi', 'LeftAnti'):
            return l
        if jt == 'LeftOuter':
            return l + [a.with_nullability(True) for a in r]
        if jt == 'RightOuter':
            return [a.with_nullability(True) for a in l] + r
        if jt == 'FullOuter':
            return [a.with_nullability(True) for a in l] + [a.with_nullability(True) for a in r]
        return l + r

    def node_string(self):
        if self.using is not None:
            return 'Join UsingJoin(%s,[%s])' % (self.join_type, ', '.join(self.using))
        if self.natural:
            return 'Join NaturalJoin(%s)' % self.join_type
        s = 'Join ' + self.join_type
        if self.condition is not None:
            s += ', ' + self.condition.to_string()
        return s


class Union(LogicalPlan):
    def __init__(self, children, by_name=False, allow_missing=False):
        self.children = list(children)
        self.by_name = by_name
        self.allow_missing = allow_missing

    def _compute_resolved(self):
        if self.by_name:
            return False
        return all(c.resolved for c in self.children) and self._types_match()

    def _types_match(self):
        outs = [c.output for c in self.children]
        n = len(outs[0])
        return all(len(o) == n for o in outs) and all(
            all(o[i].data_type == outs[0][i].data_type for o in outs) for i in range(n))

    @property
    def output(self):
        outs = [c.output for c in self.children]
        first = outs[0]
        res = []
        for i, a in enumerate(first):
            nullable = any(o[i].nullable for o in outs)
            res.append(a.with_nullability(nullable))
        return res

    def node_string(self):
        return 'Union %s, %s' % ('true' if self.by_name else 'false',
                                 'true' if self.allow_missing else 'false')


class SetOperation(LogicalPlan):
    def __init__(self, kind, left, right, is_all=False):
        self.kind = kind  # Intersect | Except
        self.is_all = is_all
        self.children = [left, right]

    @property
    def output(self):
        l, r = self.children[0].output, self.children[1].output
        if self.kind == 'Intersect':
            return [a.with_nullability(a.nullable and b.nullable) for a, b in zip(l, r)]
        return l

    def node_string(self):
        return '%s %s' % (self.kind, 'All' if self.is_all else 'false') if self.is_all else '%s false' % self.kind


class With(LogicalPlan):
    """WITH name AS (...) ... : CTE definitions are substituted by the analyzer."""

    def __init__(self, ctes, child):
        self.ctes = ctes  # list of (name, plan, column_names)
        self.children = [child]

    def _compute_resolved(self):
        return False

    def node_string(self):
        return 'UnresolvedWith [%s]' % ', '.join(n for n, _, _ in self.ctes)


# ------------------------------------------------------------------------------ commands

class Command(LogicalPlan):
    """A statement run eagerly by the session (CREATE VIEW, SHOW TABLES, ...)."""

    def __init__(self, kind, **kw):
        self.kind = kind
        self.args = kw
        self.children = []

    def _compute_resolved(self):
        return False

    def node_string(self):
        return self.kind


class SqlViewPlan:
    """A view defined by SQL text: Spark re-analyzes it on every reference and casts its output
    to the stored schema, so each reference reads ``View(..) <- Project [cast(c#old as t) AS c#new]``."""

    def __init__(self, plan):
        self.query = plan

    @property
    def output(self):
        return self.query.output

    def instantiate(self):
        from .expressions import Alias, Cast
        exprs = []
        for a in self.query.output:
            c = Cast(a, a.data_type, user_specified=False)
            c.type_check(None)
            c.nullable = a.nullable
            exprs.append(Alias(c, a.name).type_check(None))
        return Project(exprs, self.query)

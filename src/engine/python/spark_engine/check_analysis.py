"""CheckAnalysis: after resolution, report the first problem the way Spark does (children
before parents; missing tables, unresolved columns with Levenshtein-ranked suggestions, type
mismatches, missing aggregation, set-operation arity), with the partially analyzed plan."""


from . import types as T
from . import expressions as E
from . import plans as P
from .errors import AnalysisException
from .coercion import wider_type
from .levenshtein import levenshtein


class CheckAnalysis:
    def check(self, plan):
        """CheckAnalysis: raise the first problem found, visiting children before parents."""
        order = []
        stack = [(plan, False)]
        while stack:
            node, done = stack.pop()
            if done:
                order.append(node)
                continue
            stack.append((node, True))
            for c in reversed(node.children):
                if not c.__dict__.get('_analyzed'):
                    stack.append((c, False))
        for node in order:
            self._check_node(node, plan)

    def _fail(self, error_class, params, root, origin=None, message=None):
        line, pos = origin if origin else (None, None)
        raise AnalysisException(error_class, params, message=message, line=line, pos=pos, plan=root)

    def _check_node(self, node, root):
        if isinstance(node, P.UnresolvedRelation):
            self._fail('TABLE_OR_VIEW_NOT_FOUND', {'relationName': '.'.join(
                E.quote_ident(p) for p in node.parts)}, root, node.origin)
        if isinstance(node, P.With):
            return
        inputs = []
        for c in node.children:
            if c.resolved:
                inputs.extend(c.output)
        for e in node.expressions():
            self._check_expr(e, node, inputs, root)
        if isinstance(node, P.Filter) and node.condition.is_resolved():
            dt = node.condition.data_type
            if not isinstance(dt, T.BooleanType):
                self._fail('DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN', {
                    'sqlExpr': '"%s"' % node.condition.sql(), 'filter': '"%s"' % node.condition.sql(),
                    'type': '"%s"' % dt.sql_name()}, root, node.origin)
        if isinstance(node, P.Aggregate) and node.resolved:
            self._check_aggregate(node, root)
        if isinstance(node, (P.Union, P.SetOperation)) and all(c.resolved for c in node.children):
            kids = node.children
            n = len(kids[0].output)
            opname = 'UNION' if isinstance(node, P.Union) else node.kind.upper()
            for i, k in enumerate(kids[1:]):
                if len(k.output) != n:
                    self._fail('NUM_COLUMNS_MISMATCH', {
                        'operator': opname, 'firstNumColumns': str(n),
                        'invalidOrdinalNum': _ordinal(i + 2), 'invalidNumColumns': str(len(k.output))}, root)
            if not node.resolved:
                for i in range(n):
                    for j, k in enumerate(kids[1:]):
                        a, b = kids[0].output[i].data_type, k.output[i].data_type
                        if wider_type(a, b) is None:
                            self._fail('INCOMPATIBLE_COLUMN_TYPE', {
                                'operator': opname, 'columnOrdinalNumber': _ordinal(i + 1),
                                'tableOrdinalNumber': _ordinal(j + 2), 'dataType1': '"%s"' % b.sql_name(),
                                'dataType2': '"%s"' % a.sql_name(), 'hint': ''}, root)

    def _check_expr(self, e, node, inputs, root):
        order = []
        stack = [(e, False)]
        while stack:
            x, done = stack.pop()
            if done:
                order.append(x)
                continue
            stack.append((x, True))
            for c in reversed(x.children):
                stack.append((c, False))
        for x in order:
            if isinstance(x, E.UnresolvedAttribute):
                cands = [a.qualifier + [a.name] for a in inputs]
                ordered = order_suggestions(x.sql(), cands)
                if ordered:
                    self._fail('UNRESOLVED_COLUMN.WITH_SUGGESTION', {
                        'objectName': x.quoted(), 'proposal': ', '.join(ordered[:5])}, root, x.origin)
                self._fail('UNRESOLVED_COLUMN.WITHOUT_SUGGESTION', {'objectName': x.quoted()}, root, x.origin)
            err = getattr(x, 'type_error', None)
            if err is not None and x.data_type is None:
                params = dict(err.params)
                self._fail(err.error_class, params, root, getattr(x, 'origin', None) or _first_origin(x))
            if isinstance(x, E.SubqueryExpression) and not x.plan.resolved:
                sub = type(self)(self.session)
                sub.outer_inputs = list(inputs)
                sub.check(x.plan)

    def _check_aggregate(self, node, root):
        gkeys = set(g.semantic_key() for g in node.groupings)
        for g in node.groupings:
            if g.contains_aggregate():
                self._fail('GROUP_BY_AGGREGATE', {'sqlExpr': g.sql()}, root)

        def check(e):
            if isinstance(e, E.AggregateExpression):
                return
            if e.semantic_key() in gkeys:
                return
            if isinstance(e, E.AttributeReference):
                self._fail('MISSING_AGGREGATION', {
                    'expression': '"%s"' % e.sql(), 'expressionAnyValue': '"any_value(%s)"' % e.sql()},
                    root, e.origin)
            for c in e.children:
                check(c)
        for a in node.aggs:
            check(a.child if isinstance(a, E.Alias) else a)


def _ordinal(n):
    return {1: 'first', 2: 'second', 3: 'third', 4: 'fourth', 5: 'fifth'}.get(n, '%dth' % n)


def _first_origin(e):
    stack = [e]
    while stack:
        x = stack.pop(0)
        if getattr(x, 'origin', None):
            return x.origin
        stack.extend(x.children)
    return None


def quote_name_parts(parts):
    return '.'.join(E.quote_ident(p) for p in parts)


def order_suggestions(base, candidates):
    """StringUtils.orderSuggestedIdentifiersBySimilarity (strip shared qualifiers, then sort by
    Levenshtein distance to the quoted unresolved name, stable)."""
    base_parts = base.split('.')
    if not candidates:
        return []
    quals = set(tuple(c[:-1]) for c in candidates)
    if len(base_parts) == 1 and len(quals) == 1:
        stripped = [c[-1:] for c in candidates]
    elif len(base_parts) <= 2 and len(set(tuple(c[:-2]) for c in candidates)) == 1:
        stripped = [c[-2:] for c in candidates]
    else:
        stripped = candidates
    names = [quote_name_parts(c) for c in stripped]
    return sorted(names, key=lambda s: levenshtein(s, base))

"""The analyzer: resolves relations, names, functions and types bottom-up, then checks the plan
like Spark's CheckAnalysis (first failure, leaves first), raising Spark's AnalysisException with
the partially analyzed plan attached.

Resolution never raises for things Spark reports in checkAnalysis (missing tables/columns, type
mismatches): it leaves those nodes unresolved so the error carries the same plan Spark prints.
"""

import copy

from . import types as T
from . import expressions as E
from . import plans as P
from .errors import AnalysisException
from .coercion import wider_type
from . import windows as W
from . import scalar_functions  # noqa: F401  (registers functions)
from . import aggregate_functions  # noqa: F401
from .check_analysis import CheckAnalysis, order_suggestions, _first_origin  # noqa: F401
from .resolve_expressions import ExpressionResolution, eq_name, _eval_const  # noqa: F401

_GENERATORS = ('explode', 'explode_outer', 'posexplode', 'posexplode_outer', 'inline', 'inline_outer')


class AnalysisContext:
    """What typing needs from the session (ANSI flag, seeds for rand())."""

    def __init__(self, session):
        self.session = session
        self.ansi = session.conf.get_bool('spark.sql.ansi.enabled') if session else False

    def next_seed(self):
        return self.session.next_seed() if self.session else 0


class Analyzer(ExpressionResolution, CheckAnalysis):
    def __init__(self, session):
        self.session = session
        self.ctx = AnalysisContext(session)
        self.cte_scopes = []
        self.outer_inputs = []  # attributes of enclosing queries (correlated subqueries)

    def analyze(self, plan):
        resolved = self.resolve(plan)
        self.check(resolved)
        mark_analyzed(resolved)
        return resolved

    def resolve_column_expr(self, expr, plan):
        """Resolve an expression against a resolved plan's output (Dataset API)."""
        return self.resolve_expr(expr, plan.output)

    def resolve(self, plan):
        if plan.__dict__.get('_analyzed'):
            return plan
        if isinstance(plan, P.With):
            return self._resolve_with(plan)
        if isinstance(plan, P.Command) and plan.kind == 'LateralView':
            child = self.resolve(plan.children[0])
            return self._lateral_view(plan, child)
        kids = [self.resolve(c) for c in plan.children]
        if any(a is not b for a, b in zip(kids, plan.children)):
            plan = plan.with_children(kids)
        method = getattr(self, '_r_' + type(plan).__name__, None)
        if method is None:
            return plan
        return method(plan)

    def _resolve_with(self, plan):
        scope = {}
        self.cte_scopes.append(scope)
        try:
            defs = []
            for name, q, cols in plan.ctes:
                rq = self.resolve(q)
                if cols and rq.resolved:
                    rq = P.Project([E.Alias(a, n) for a, n in zip(rq.output, cols)], rq)
                    rq = self._typed_project(rq)
                scope[name.lower()] = (name, rq)
                defs.append((name, rq, cols))
            child = self.resolve(plan.children[0])
        finally:
            self.cte_scopes.pop()
        if not child.resolved:
            w = P.With(defs, child)
            return w
        return child

    def _r_UnresolvedRelation(self, plan):
        parts = plan.parts
        if len(parts) == 1:
            for scope in reversed(self.cte_scopes):
                hit = scope.get(parts[0].lower())
                if hit is not None:
                    name, q = hit
                    if not q.resolved:
                        return plan
                    fresh = _fresh(q)
                    return P.SubqueryAlias(name, fresh)
        if self.session is None:
            return plan
        found = self.session.catalog.resolve_relation(parts)
        if found is None:
            return plan
        return found

    def _r_UnresolvedTableValuedFunction(self, plan):
        name = plan.name.lower()
        if name == 'range':
            args = []
            for a in plan.args:
                ra = self.resolve_expr(a, [])
                if not ra.is_resolved() or not ra.foldable:
                    return plan
                args.append(_eval_const(ra, self))
            if not 1 <= len(args) <= 4:
                raise AnalysisException(None, {}, message=(
                    '[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `range` requires [1, 2, 3, 4] '
                    'parameters but the actual number is %d. Please, refer to '
                    "'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix." % len(args)),
                    line=plan.origin[0] if plan.origin else None, pos=plan.origin[1] if plan.origin else None)
            if len(args) == 1:
                start, end, step, splits = 0, args[0], 1, None
            else:
                start, end = args[0], args[1]
                step = args[2] if len(args) > 2 else 1
                splits = args[3] if len(args) > 3 else None
            if step == 0:
                raise AnalysisException(None, {}, message='requirement failed: step (0) cannot be 0')
            return P.Range(int(start), int(end), int(step), splits)
        if name in _GENERATORS:
            gen = E.UnresolvedFunction(name, plan.args)
            proj = P.Project([gen], P.OneRowRelation())
            return self._r_Project(proj)
        raise AnalysisException('UNRESOLVABLE_TABLE_VALUED_FUNCTION', {'name': '`%s`' % plan.name},
                                message='[UNRESOLVABLE_TABLE_VALUED_FUNCTION] Could not resolve `%s` to a table-valued function. Please make sure that `%s` is defined as a table-valued function and that all required parameters are provided correctly.' % (plan.name, plan.name),
                                line=plan.origin[0] if plan.origin else None,
                                pos=plan.origin[1] if plan.origin else None)

    def _r_UnresolvedInlineTable(self, plan):
        rows = []
        for r in plan.rows:
            rr = [self.resolve_expr(e, []) for e in r]
            if not all(e.is_resolved() for e in rr):
                return plan
            rows.append(rr)
        n = len(plan.names)
        for r in rows:
            if len(r) != n:
                raise AnalysisException('INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH', {}, message=(
                    '[INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH] Invalid inline table. Inline table '
                    'expected %d columns but found %d columns in row %d.' % (n, len(r), rows.index(r))))
        attrs = []
        casts = []
        for i in range(n):
            col = [r[i] for r in rows]
            dt = None
            for e in col:
                dt = e.data_type if dt is None else wider_type(dt, e.data_type)
                if dt is None:
                    raise AnalysisException('INVALID_INLINE_TABLE.INCOMPATIBLE_TYPES_IN_INLINE_TABLE', {}, message=(
                        '[INVALID_INLINE_TABLE.INCOMPATIBLE_TYPES_IN_INLINE_TABLE] Invalid inline table. '
                        'Found incompatible types in the column `%s` for inline table.' % plan.names[i]))
            nullable = any(e.nullable for e in col)
            attrs.append(E.AttributeReference(plan.names[i], dt, nullable))
            casts.append(dt)
        out_rows = []
        for r in rows:
            vals = []
            for i, e in enumerate(r):
                ce = E.implicit_cast(e, casts[i])
                vals.append(_eval_const(ce, self))
            out_rows.append(tuple(vals))
        return P.LocalRelation(attrs, out_rows)

    def _r_UnresolvedSubqueryColumnAliases(self, plan):
        child = plan.children[0]
        if not child.resolved:
            return plan
        out = child.output
        if len(out) != len(plan.names):
            raise AnalysisException('ASSIGNMENT_ARITY_MISMATCH', {}, message=(
                '[ASSIGNMENT_ARITY_MISMATCH] Number of column aliases does not match number of '
                'columns. Number of column aliases: %d; number of columns: %d.' % (len(plan.names), len(out))))
        return self._typed_project(P.Project([E.Alias(a, n) for a, n in zip(out, plan.names)], child))

    def _typed_project(self, proj):
        for e in proj.exprs:
            if isinstance(e, E.Alias):
                e.type_check(self.ctx)
        return proj

    def _r_SubqueryAlias(self, plan):
        return plan

    def _expand_stars(self, exprs, child):
        out = []
        for e in exprs:
            if isinstance(e, E.UnresolvedRegex):
                if not child.resolved:
                    return None
                import re as _re
                rx = _re.compile('(?i)' + e.pattern)
                out.extend(a for a in child.output if rx.fullmatch(a.name))
                continue
            if isinstance(e, E.UnresolvedStar):
                if not child.resolved:
                    return None
                attrs = child.output
                if e.target:
                    tgt = [p.lower() for p in e.target]
                    attrs = [a for a in attrs if [q.lower() for q in a.qualifier[-len(tgt):]] == tgt]
                    if not attrs:
                        # struct expansion: col.*
                        base = self.resolve_expr(E.UnresolvedAttribute(e.target), child.output)
                        if base.is_resolved() and isinstance(base.data_type, T.StructType):
                            for f in base.data_type.fields:
                                g = E.GetField(base, f.name).type_check(self.ctx)
                                out.append(E.Alias(g, f.name).type_check(self.ctx))
                            continue
                        raise AnalysisException('CANNOT_RESOLVE_STAR_EXPAND', {}, message=(
                            "[CANNOT_RESOLVE_STAR_EXPAND] Cannot resolve %s.* given input columns %s." % (
                                '.'.join(E.quote_ident(p) for p in e.target),
                                ', '.join(E.quote_ident(a.name) for a in child.output))))
                out.extend(attrs)
            else:
                out.append(e)
        return out

    def _r_Project(self, plan):
        child = plan.child
        exprs = self._expand_stars(plan.exprs, child)
        if exprs is None:
            return plan
        inputs = child.output if child.resolved else None
        if inputs is None:
            return P.Project(exprs, child)
        new = [self.resolve_named(e, inputs) for e in exprs]
        gens = [e for e in new if _generator_of(e) is not None]
        if gens and all(e.is_resolved() for e in new):
            return self._generate_project(new, child)
        result = P.Project(new, child)
        if all(e.is_resolved() for e in new) and any(E.find_all(e, W.WindowExpression) for e in new):
            return self._extract_windows(new, child)
        if all(e.is_resolved() for e in new) and any(e.contains_aggregate() for e in new):
            return P.Aggregate([], new, child)
        return result

    def _extract_windows(self, exprs, child):
        wins = []
        keys = {}

        def repl(e):
            if isinstance(e, W.WindowExpression):
                k = e.semantic_key()
                if k not in keys:
                    al = E.Alias(e, _pretty_name(e)).type_check(self.ctx)
                    keys[k] = al
                    wins.append(al)
                return keys[k].to_attribute()
            return e
        out = []
        for e in exprs:
            if isinstance(e, E.Alias) and isinstance(e.child, W.WindowExpression):
                k = e.child.semantic_key()
                if k not in keys:
                    keys[k] = e
                    wins.append(e)
                out.append(keys[k].to_attribute())
                continue
            out.append(E.transform_down(e, repl))
        plan = child
        for al in wins:
            plan = W.Window([al], plan)
        return P.Project(out, plan)

    def resolve_named(self, e, inputs):
        r = self.resolve_expr(e, inputs)
        if isinstance(r, E.UnresolvedAlias):
            c = r.children[0]
            if c.is_resolved():
                if isinstance(c, E.AttributeReference):
                    return c
                name = _pretty_name(c)
                return E.Alias(c, name).type_check(self.ctx)
        return r

    def _generate_project(self, exprs, child):
        gen_expr = [e for e in exprs if _generator_of(e) is not None][0]
        gen = _generator_of(gen_expr)
        names = getattr(gen_expr, 'multi_names', None) or ([gen_expr.name] if isinstance(gen_expr, E.Alias) and not gen_expr.name.startswith(gen.name + '(') else None)
        gen_attrs = _generator_attrs(gen, names)
        g = P.Generate(gen, gen.name.endswith('_outer'), gen_attrs, child)
        out = []
        for e in exprs:
            if e is gen_expr:
                out.extend(gen_attrs)
            else:
                out.append(e)
        return P.Project(out, g)

    def _lateral_view(self, cmd, child):
        a = cmd.args
        if not child.resolved:
            return P.Project([E.UnresolvedStar()], child)
        gen = self.resolve_expr(a['generator'], child.output)
        if not gen.is_resolved():
            return P.Filter(gen, child)
        names = a['columns'] or None
        attrs = _generator_attrs(gen, names)
        if a['table']:
            attrs = [x.with_qualifier([a['table']]) for x in attrs]
        return P.Generate(gen, a['outer'], attrs, child)

    def _r_Filter(self, plan):
        child = plan.child
        if not child.resolved:
            return plan
        if isinstance(child, P.Aggregate) or (getattr(plan, 'is_having', False)):
            return self._resolve_having(plan, child)
        cond = self.resolve_expr(plan.condition, child.output)
        f = P.Filter(cond, child)
        f.origin = plan.origin
        return f

    def _resolve_having(self, plan, agg):
        if not isinstance(agg, P.Aggregate):
            cond = self.resolve_expr(plan.condition, agg.output)
            return P.Filter(cond, agg)
        cond = self.resolve_expr(plan.condition, agg.output)
        if cond.is_resolved() and not cond.contains_aggregate():
            return P.Filter(cond, agg)
        cond = self.resolve_expr(plan.condition, agg.child.output, fallback=agg.output)
        if not cond.is_resolved():
            f = P.Filter(cond, agg)
            f.is_having = True
            return f
        new_agg, cond2 = self._push_into_aggregate(agg, cond)
        f = P.Filter(cond2, new_agg)
        if len(new_agg.aggs) != len(agg.aggs):
            return P.Project(agg.output, f)
        return f

    def _push_into_aggregate(self, agg, expr):
        """Rewrite ``expr`` over the Aggregate's output, adding hidden aggregate columns."""
        aggs = list(agg.aggs)
        out_attrs = [P.to_attribute(a) for a in aggs]
        extra = []

        def key_of(x):
            return x.semantic_key()

        def match(e):
            k = key_of(e)
            for a, attr in zip(aggs, out_attrs):
                inner = a.child if isinstance(a, E.Alias) else a
                if inner.semantic_key() == k:
                    return attr
            return None

        def rewrite(e):
            if isinstance(e, E.AggregateExpression):
                m = match(e)
                if m is not None:
                    return m
                al = E.Alias(e, _pretty_name(e)).type_check(self.ctx)
                aggs.append(al)
                out_attrs.append(al.to_attribute())
                return out_attrs[-1]
            if isinstance(e, E.AttributeReference):
                if any(e.expr_id == o.expr_id for o in out_attrs):
                    return e
                m = match(e)
                if m is not None:
                    return m
                for g in agg.groupings:
                    if g.semantic_key() == e.semantic_key():
                        aggs.append(e)
                        out_attrs.append(e)
                        return e
                aggs.append(e)  # will fail MISSING_AGGREGATION in check
                out_attrs.append(e)
                return e
            m = match(e) if not isinstance(e, E.Literal) else None
            if m is not None:
                return m
            return None

        new_expr = E.transform_down(expr, lambda e: rewrite(e) or e)
        return P.Aggregate(agg.groupings, aggs, agg.child), new_expr

    def _r_Aggregate(self, plan):
        child = plan.child
        if not child.resolved:
            return plan
        exprs = self._expand_stars(plan.aggs, child)
        inputs = child.output
        aggs = [self.resolve_named(e, inputs) for e in exprs]
        if getattr(plan, 'group_by_all', False):
            groupings = [a.child if isinstance(a, E.Alias) else a for a in aggs
                         if a.is_resolved() and not a.contains_aggregate()]
        else:
            groupings = []
            for g in plan.groupings:
                # ordinal
                if isinstance(g, E.Literal) and isinstance(g.data_type, T.IntegerType):
                    idx = g.value
                    if not 1 <= idx <= len(aggs):
                        raise AnalysisException('GROUP_BY_POS_OUT_OF_RANGE', {'index': str(idx), 'size': str(len(aggs))})
                    a = aggs[idx - 1]
                    groupings.append(a.child if isinstance(a, E.Alias) else a)
                    continue
                rg = self.resolve_expr(g, inputs)
                if not rg.is_resolved() and isinstance(g, E.UnresolvedAttribute) and len(g.parts) == 1:
                    for a in aggs:
                        if isinstance(a, E.Alias) and eq_name(a.name, g.parts[0]) and a.is_resolved():
                            rg = a.child
                            break
                groupings.append(rg)
        return P.Aggregate(groupings, aggs, child, getattr(plan, 'grouping_sets', None))

    def _r_Sort(self, plan):
        child = plan.child
        if not child.resolved:
            return plan
        orders = []
        out = child.output
        for o in plan.orders:
            e = o.child
            if isinstance(e, E.Literal) and isinstance(e.data_type, T.IntegerType):
                idx = e.value
                if not 1 <= idx <= len(out):
                    raise AnalysisException('ORDER_BY_POS_OUT_OF_RANGE', {'index': str(idx), 'size': str(len(out))})
                orders.append(self._sort_order(out[idx - 1], o))
                continue
            orders.append(self._sort_order(self.resolve_expr(e, out), o))
        if all(o.is_resolved() for o in orders) and not any(o.contains_aggregate() for o in orders):
            return P.Sort(orders, plan.is_global, child)
        # missing references: look below a Project / Aggregate
        if isinstance(child, P.Project) and child.child.resolved:
            inner_out = child.child.output
            orders2 = []
            for o in plan.orders:
                e = o.child
                r = self.resolve_expr(e, out, fallback=inner_out)
                orders2.append(self._sort_order(r, o))
            if all(o.is_resolved() for o in orders2):
                have = set(a.expr_id for a in out)
                missing = []
                for o in orders2:
                    for ref in o.references():
                        if ref.expr_id not in have and all(ref.expr_id != m.expr_id for m in missing):
                            missing.append(ref)
                new_proj = P.Project(child.exprs + missing, child.child)
                return P.Project(out, P.Sort(orders2, plan.is_global, new_proj))
            return P.Sort(orders2, plan.is_global, child)
        if isinstance(child, P.Aggregate):
            orders2 = []
            for o in plan.orders:
                r = self.resolve_expr(o.child, child.child.output, fallback=out)
                orders2.append(self._sort_order(r, o))
            if all(o.is_resolved() for o in orders2):
                new_agg = child
                rewritten = []
                for o in orders2:
                    new_agg, ne = self._push_into_aggregate(new_agg, o.child)
                    rewritten.append(self._sort_order(ne, o))
                s = P.Sort(rewritten, plan.is_global, new_agg)
                if len(new_agg.aggs) != len(child.aggs):
                    return P.Project(out, s)
                return s
            return P.Sort(orders2, plan.is_global, child)
        if isinstance(child, (P.Filter,)) and isinstance(child.child, P.Aggregate):
            pass
        return P.Sort(orders, plan.is_global, child)

    def _sort_order(self, e, template):
        so = E.SortOrder(e, template.ascending, template.nulls_first)
        if e.is_resolved():
            so.type_check(self.ctx)
        return so

    def _r_GlobalLimit(self, plan):
        n = self.resolve_expr(plan.n, [])
        p = copy.copy(plan)
        p.n = n
        return p

    _r_LocalLimit = _r_GlobalLimit
    _r_Offset = _r_GlobalLimit

    def _r_Deduplicate(self, plan):
        child = plan.children[0]
        if not child.resolved:
            return plan
        keys = [self.resolve_expr(k, child.output) for k in plan.keys]
        return P.Deduplicate(keys, child)

    def _r_Join(self, plan):
        left, right = plan.children
        if not (left.resolved and right.resolved):
            return plan
        lids = set(a.expr_id for a in left.output)
        if any(a.expr_id in lids for a in right.output):
            right = _fresh(right)
        if plan.using is not None or plan.natural:
            return self._using_join(plan, left, right)
        cond = plan.condition
        if cond is not None:
            cond = self.resolve_expr(cond, left.output + right.output)
        return P.Join(left, right, plan.join_type, cond)

    def _using_join(self, plan, left, right):
        lo, ro = left.output, right.output
        if plan.natural:
            names = [a.name for a in lo if any(eq_name(a.name, b.name) for b in ro)]
        else:
            names = plan.using
        lkeys, rkeys = [], []
        for n in names:
            l = [a for a in lo if eq_name(a.name, n)]
            r = [a for a in ro if eq_name(a.name, n)]
            if not l:
                raise AnalysisException('UNRESOLVED_USING_COLUMN_FOR_JOIN', {
                    'colName': E.quote_ident(n), 'side': 'left',
                    'suggestion': ', '.join(E.quote_ident(a.name) for a in lo)}, plan=None)
            if not r:
                raise AnalysisException('UNRESOLVED_USING_COLUMN_FOR_JOIN', {
                    'colName': E.quote_ident(n), 'side': 'right',
                    'suggestion': ', '.join(E.quote_ident(a.name) for a in ro)}, plan=None)
            lkeys.append(l[0])
            rkeys.append(r[0])
        cond = None
        for a, b in zip(lkeys, rkeys):
            c = self.resolve_expr(E.BinaryComparison('=', a, b), lo + ro)
            cond = c if cond is None else E.And(cond, c).type_check(self.ctx)
        jt = plan.join_type
        join = P.Join(left, right, jt, cond)
        jo = join.output
        lid = set(a.expr_id for a in lkeys)
        rid = set(a.expr_id for a in rkeys)

        def out_attr(a):
            for x in jo:
                if x.expr_id == a.expr_id:
                    return x
            return a
        if jt in ('LeftSemi', 'LeftAnti'):
            return join
        if jt == 'RightOuter':
            keys = [out_attr(b) for b in rkeys]
        elif jt == 'FullOuter':
            keys = []
            for a, b in zip(lkeys, rkeys):
                co = self.resolve_expr(E.UnresolvedFunction('coalesce', [out_attr(a), out_attr(b)]), jo)
                keys.append(E.Alias(co, a.name).type_check(self.ctx))
        else:
            keys = [out_attr(a) for a in lkeys]
        rest_l = [out_attr(a) for a in lo if a.expr_id not in lid]
        rest_r = [out_attr(a) for a in ro if a.expr_id not in rid]
        return P.Project(keys + rest_l + rest_r, join)

    def _r_Union(self, plan):
        kids = plan.children
        if not all(k.resolved for k in kids):
            return plan
        if plan.by_name:
            first = kids[0].output
            new_kids = [kids[0]]
            names = [a.name for a in first]
            for k in kids[1:]:
                out = k.output
                exprs = []
                for n in names:
                    m = [a for a in out if eq_name(a.name, n)]
                    if m:
                        exprs.append(m[0])
                    elif plan.allow_missing:
                        exprs.append(E.Alias(E.Literal(None, T.NullType()), n).type_check(self.ctx))
                    else:
                        raise AnalysisException('NUM_COLUMNS_MISMATCH', {}, message=(
                            '[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with '
                            'name %s cannot be resolved. Did you mean one of the following? [%s].'
                            % (E.quote_ident(n), ', '.join(E.quote_ident(a.name) for a in out))))
                if plan.allow_missing:
                    for a in out:
                        if not any(eq_name(a.name, n) for n in names):
                            pass
                new_kids.append(P.Project(exprs, k))
            kids = new_kids
            plan = P.Union(kids)
        n = len(kids[0].output)
        if any(len(k.output) != n for k in kids):
            return P.Union(kids, plan.by_name, plan.allow_missing)
        return self._widen_children(P.Union(kids), kids)

    def _widen_children(self, plan, kids):
        n = len(kids[0].output)
        types = []
        for i in range(n):
            t = None
            for k in kids:
                dt = k.output[i].data_type
                t = dt if t is None else wider_type(t, dt)
                if t is None:
                    return plan  # check() reports INCOMPATIBLE_COLUMN_TYPE
            types.append(t)
        new_kids = []
        for k in kids:
            out = k.output
            if all(out[i].data_type == types[i] for i in range(n)):
                new_kids.append(k)
            else:
                exprs = []
                for i, a in enumerate(out):
                    if a.data_type == types[i]:
                        exprs.append(a)
                    else:
                        exprs.append(E.Alias(E.implicit_cast(a, types[i]), a.name).type_check(self.ctx))
                new_kids.append(P.Project(exprs, k))
        return plan.with_children(new_kids)

    def _r_SetOperation(self, plan):
        kids = plan.children
        if not all(k.resolved for k in kids):
            return plan
        if len(kids[0].output) != len(kids[1].output):
            return plan
        return self._widen_children(plan, kids)

    def _r_Sample(self, plan):
        return plan

    def _r_Distinct(self, plan):
        return plan


def _pretty_name(e):
    return e.sql()


def _fresh(plan):
    """Re-instance a resolved plan's output attributes (self-joins, CTE reuse), below any
    subquery aliases so qualifiers survive."""
    if isinstance(plan, P.SubqueryAlias):
        return P.SubqueryAlias(plan.name, _fresh(plan.children[0]), plan.qualifier)
    exprs = [E.Alias(a, a.name).type_check(None) for a in plan.output]
    p = P.Project(exprs, plan)
    p.dedup = True
    return p


def _generator_of(e):
    inner = e.child if isinstance(e, E.Alias) else e
    if isinstance(inner, E.ScalarFunction) and inner.name in _GENERATORS:
        return inner
    return None


def _generator_attrs(gen, names):
    dt = gen.children[0].data_type
    pos = gen.name.startswith('posexplode')
    attrs = []
    if isinstance(dt, T.MapType):
        cols = [('key', dt.keyType, False), ('value', dt.valueType, dt.valueContainsNull)]
    elif gen.name.startswith('inline'):
        st = dt.elementType
        cols = [(f.name, f.dataType, f.nullable) for f in st.fields]
    else:
        cols = [('col', dt.elementType if isinstance(dt, T.ArrayType) else T.NullType(),
                 dt.containsNull if isinstance(dt, T.ArrayType) else True)]
    if pos:
        cols = [('pos', T.IntegerType(), False)] + cols
    if names:
        cols = [(n,) + c[1:] for n, c in zip(names, cols)]
    for n, t, nl in cols:
        attrs.append(E.AttributeReference(n, t, nl))
    return attrs


def mark_analyzed(plan):
    """Flag every node of a checked plan so later Dataset operations skip re-analysis."""
    stack = [plan]
    while stack:
        p = stack.pop()
        if p.__dict__.get('_analyzed'):
            continue
        p._analyzed = True
        stack.extend(p.children)

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
from .function_spec import lookup as lookup_function
from .coercion import wider_type
from .levenshtein import levenshtein
from . import windows as W
from . import scalar_functions  # noqa: F401  (registers functions)
from . import aggregate_functions  # noqa: F401

_GENERATORS = ('explode', 'explode_outer', 'posexplode', 'posexplode_outer', 'inline', 'inline_outer')


def eq_name(a, b):
    return a.lower() == b.lower()


class AnalysisContext:
    """What typing needs from the session (ANSI flag, seeds for rand())."""

    def __init__(self, session):
        self.session = session
        self.ansi = session.conf.get_bool('spark.sql.ansi.enabled') if session else False

    def next_seed(self):
        return self.session.next_seed() if self.session else 0


class Analyzer:
    def __init__(self, session):
        self.session = session
        self.ctx = AnalysisContext(session)
        self.cte_scopes = []

    # ------------------------------------------------------------------ entry points
    def analyze(self, plan):
        resolved = self.resolve(plan)
        self.check(resolved)
        return resolved

    def resolve_column_expr(self, expr, plan):
        """Resolve an expression against a resolved plan's output (Dataset API)."""
        return self.resolve_expr(expr, plan.output)

    # ------------------------------------------------------------------ plans
    def resolve(self, plan):
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

    # ---- Project
    def _expand_stars(self, exprs, child):
        out = []
        for e in exprs:
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

    # ---- Filter
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
            return P.Filter(cond, agg)
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

    # ---- Aggregate
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
        return P.Aggregate(groupings, aggs, child)

    # ---- Sort
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

    # ---- limits etc.
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

    # ---- joins
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

    # ---- set operations
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

    # ------------------------------------------------------------------ expressions
    def resolve_expr(self, e, inputs, fallback=None):
        """Resolve names/functions/types of ``e`` against ``inputs`` (bottom-up)."""
        if isinstance(e, E.UnresolvedAttribute):
            r = self.lookup_attribute(e, inputs)
            if r is None and fallback is not None:
                r = self.lookup_attribute(e, fallback)
            if r is not None and e.origin is not None and r.origin is None:
                r = copy.copy(r)
                r.origin = e.origin
            return r if r is not None else e
        if isinstance(e, E.SubqueryExpression):
            kids = [self.resolve_expr(c, inputs, fallback) for c in e.children]
            sub = Analyzer(self.session)
            sub.cte_scopes = list(self.cte_scopes)
            plan = sub.resolve(e.plan)
            ne = copy.copy(e)
            ne.children = kids
            ne.plan = plan
            if plan.resolved and all(k.is_resolved() for k in kids):
                sub.check(plan)
                ne.type_check(self.ctx)
            return ne
        if e.children:
            kids = [self.resolve_expr(c, inputs, fallback) for c in e.children]
            if any(a is not b for a, b in zip(kids, e.children)):
                e = e.with_children(kids)
            if not all(k.is_resolved() for k in kids):
                return e
        if isinstance(e, E.UnresolvedFunction):
            return self.resolve_function(e, inputs)
        if isinstance(e, (E.UnresolvedAlias, E.UnresolvedStar, E.AttributeReference, E.Literal,
                          E.BoundReference)):
            return e
        if e.data_type is not None and e.is_resolved():
            return e
        e = copy.copy(e)
        try:
            r = e.type_check(self.ctx)
            return r if r is not None else e
        except E.TypeCheckError as err:
            e.data_type = None
            e.type_error = err
            return e

    def lookup_attribute(self, ua, inputs):
        parts = ua.parts
        cands = [a for a in inputs if eq_name(a.name, parts[-1]) and _qual_match(a, parts[:-1])]
        if cands:
            return self._unique(cands, ua)
        # nested field access: col.field[.field...] or qualifier.col.field
        for split in range(1, len(parts)):
            head, fields = parts[:split], parts[split:]
            base = [a for a in inputs if eq_name(a.name, head[-1]) and _qual_match(a, head[:-1])]
            if base:
                e = self._unique(base, ua)
                for f in fields:
                    if not isinstance(e.data_type, T.StructType):
                        return None
                    try:
                        e = E.GetField(e, f).type_check(self.ctx)
                    except E.TypeCheckError:
                        return None
                return E.Alias(e, fields[-1]).type_check(self.ctx) if False else e
        return None

    def _unique(self, cands, ua):
        uniq = []
        for c in cands:
            if all(c.expr_id != u.expr_id for u in uniq):
                uniq.append(c)
        if len(uniq) > 1:
            line, pos = ua.origin if ua.origin else (None, None)
            raise AnalysisException('AMBIGUOUS_REFERENCE', {
                'name': E.quote_ident(ua.name) if len(ua.parts) == 1 else ua.quoted(),
                'referenceNames': '[%s]' % ', '.join(u.qualified_sql() for u in uniq)},
                line=line, pos=pos)
        return uniq[0]

    def resolve_function(self, f, inputs):
        name = f.name.lower()
        kind, spec = lookup_function(name)
        line, pos = f.origin if f.origin else (None, None)
        udf = self.session.udfs.get(name) if self.session is not None else None
        if udf is not None and getattr(f, 'window', None) is None:
            from .udf import PythonUDF
            e = PythonUDF(udf[0], udf[1], udf[2], f.children)
            e.origin = f.origin
            return e.type_check(self.ctx)
        if spec is None and W.is_window_function(name):
            kind = 'window'
        elif spec is None:
            raise AnalysisException('UNRESOLVED_ROUTINE', {
                'routineName': E.quote_ident(f.name),
                'searchPath': '[`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`]'},
                line=line, pos=pos)
        n = len(f.children)
        window = getattr(f, 'window', None)
        if window is not None:
            return self._resolve_window(f, kind, spec, window, inputs)
        if W.is_window_function(name):
            raise AnalysisException('WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE', {}, message=(
                '[WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE] Window function "%s" requires an OVER clause.'
                % f.sql()), line=line, pos=pos)
        if not spec.min_args <= n <= spec.max_args:
            if spec.min_args == spec.max_args:
                expected = str(spec.min_args)
            elif spec.max_args >= 10 ** 6:
                expected = '> %d' % (spec.min_args - 1)
            else:
                expected = '[%s]' % ', '.join(str(i) for i in range(spec.min_args, spec.max_args + 1))
            raise AnalysisException('WRONG_NUM_ARGS.WITHOUT_SUGGESTION', {
                'functionName': E.quote_ident(name), 'expectedNum': expected, 'actualNum': str(n),
                'docroot': 'https://spark.apache.org/docs/latest'}, line=line, pos=pos)
        if kind == 'agg':
            if any(c.contains_aggregate() for c in f.children):
                raise AnalysisException('NESTED_AGGREGATE_FUNCTION', {}, line=line, pos=pos)
            e = E.AggregateExpression(name, f.children, spec, f.distinct, f.ignore_nulls)
            e.filter = getattr(f, 'filter', None)
            if e.filter is not None:
                e.filter = self.resolve_expr(e.filter, inputs)
            if f.is_star and name != 'count':
                pass
        else:
            if f.distinct:
                raise AnalysisException('INVALID_SQL_SYNTAX', {}, message=(
                    '[INVALID_SQL_SYNTAX.FUNCTION_WITH_UNSUPPORTED_SYNTAX] Invalid SQL syntax: '
                    'The function %s does not support DISTINCT.' % E.quote_ident(name)), line=line, pos=pos)
            e = E.ScalarFunction(name, f.children, spec)
        e.origin = f.origin
        try:
            e.type_check(self.ctx)
        except E.TypeCheckError as err:
            e.data_type = None
            e.type_error = err
        return e

    def _resolve_window(self, f, kind, spec, window, inputs):
        if isinstance(window, tuple) and window[0] == 'named':
            raise AnalysisException(None, {}, message=(
                '[MISSING_WINDOW_SPECIFICATION] Window specification %s is not defined in the WINDOW '
                'clause.' % window[1]))
        if isinstance(window, tuple):
            _, part, order, frame = window
            ws = W.WindowSpecDef(part, order, _sql_frame(frame, self))
        else:
            ws = window
        part = [self.resolve_expr(p, inputs) for p in ws.partition]
        order = []
        for o in ws.order:
            r = self.resolve_expr(o.child, inputs)
            so = E.SortOrder(r, o.ascending, o.nulls_first)
            if r.is_resolved():
                so.type_check(self.ctx)
            order.append(so)
        if kind == 'window':
            fn = W.WindowFunction(f.name.lower(), f.children)
            fn.type_check(self.ctx)
        else:
            g = E.UnresolvedFunction(f.name, f.children, f.distinct, f.is_star, f.origin, f.ignore_nulls)
            fn = self.resolve_function(g, inputs)
            if not isinstance(fn, E.AggregateExpression):
                raise AnalysisException(None, {}, message=(
                    '[UNSUPPORTED_EXPR_FOR_WINDOW] Expression "%s" not supported within a window '
                    'function.' % fn.sql()))
        we = W.WindowExpression(fn, W.WindowSpecDef(part, order, ws.frame))
        if not all(c.is_resolved() for c in we.children):
            return we
        try:
            we.type_check(self.ctx)
        except E.TypeCheckError:
            raise AnalysisException(None, {}, message=(
                '[MISSING_ORDER_BY_WINDOW] Window function %s requires window to be ordered, please '
                'add ORDER BY clause. For example SELECT %s(value_expr) OVER (PARTITION BY window_partition '
                'ORDER BY window_ordering) from table.' % (E.quote_ident(fn.name) if False else fn.name, fn.name)))
        return we

    # ------------------------------------------------------------------ checks
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
                sub = Analyzer(self.session)
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


def _qual_match(attr, quals):
    if not quals:
        return True
    q = [x.lower() for x in attr.qualifier]
    want = [x.lower() for x in quals]
    return len(q) >= len(want) and q[-len(want):] == want


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


def _pretty_name(e):
    return e.sql()


def _eval_const(e, analyzer):
    from .executor import eval_constant
    return eval_constant(e, analyzer.session)


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


def _sql_frame(frame, analyzer):
    if frame is None:
        return None
    kind, lo, hi = frame

    def conv(b):
        t, e = b
        if t.startswith('UNBOUNDED'):
            return None
        if t == 'CURRENT':
            return 0
        v = _eval_const(analyzer.resolve_expr(e, []), analyzer)
        return -int(v) if t == 'PRECEDING' else int(v)
    return (kind, conv(lo), conv(hi))

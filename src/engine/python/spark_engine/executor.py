"""Executes resolved logical plans over lists of Python tuples (one tuple per row).

Iterative per row, recursive per plan depth only. Ordering rules follow Spark where they are
observable: sorts are stable with Spark's NULLS FIRST/LAST, grouping keeps first-seen order.
"""

import datetime
import random

from . import types as T
from . import expressions as E
from . import plans as P
from .expressions import comparable_key


class CompileContext:
    """Binds attribute references to row slots and gives expressions session services."""

    def __init__(self, session, attrs, agg_slots=None):
        self.session = session
        self.pos = {}
        for i, a in enumerate(attrs):
            self.pos.setdefault(a.expr_id, i)
        self.ansi = session.conf.get_bool('spark.sql.ansi.enabled') if session is not None else False

    def index_of(self, attr):
        try:
            return self.pos[attr.expr_id]
        except KeyError:
            raise RuntimeError('attribute %s not bound' % attr.to_string())

    def now(self):
        if self.session is not None:
            return self.session.query_time()
        return datetime.datetime.utcnow()

    def next_seed(self):
        return self.session.next_seed() if self.session is not None else 0

    def current_database(self):
        return self.session.catalog.current_database() if self.session is not None else 'default'

    def run_subquery(self, plan):
        return execute(plan, self.session)


def eval_constant(expr, session):
    ctx = CompileContext(session, [])
    return expr.compile(ctx)(())


def compile_expr(expr, attrs, session):
    return expr.compile(CompileContext(session, attrs))


def hkey(v):
    """A hashable, order-independent-of-hash key for grouping/distinct (lists, dicts, -0.0, NaN)."""
    if isinstance(v, float):
        if v != v:
            return ('nan',)
        return v + 0.0
    if isinstance(v, list):
        return ('l',) + tuple(hkey(x) for x in v)
    if isinstance(v, dict):
        return ('m',) + tuple((hkey(k), hkey(x)) for k, x in v.items())
    if isinstance(v, (tuple,)):
        return ('s',) + tuple(hkey(x) for x in v)
    if isinstance(v, bytearray):
        return bytes(v)
    return v


def row_key(row):
    return tuple(hkey(v) for v in row)


def execute(plan, session):
    fn = _EXEC.get(type(plan).__name__)
    if fn is None:
        raise NotImplementedError('cannot execute %s' % type(plan).__name__)
    return fn(plan, session)


def _range(plan, session):
    return [(i,) for i in range(plan.start, plan.end, plan.step)]


def _local(plan, session):
    return list(plan.rows)


def _one_row(plan, session):
    return [()]


def _project(plan, session):
    rows = execute(plan.child, session)
    attrs = plan.child.output
    ctx = CompileContext(session, attrs)
    fs = [e.compile(ctx) for e in plan.exprs]
    if len(fs) == 1:
        f = fs[0]
        return [(f(r),) for r in rows]
    return [tuple([f(r) for f in fs]) for r in rows]


def _filter(plan, session):
    rows = execute(plan.child, session)
    f = compile_expr(plan.condition, plan.child.output, session)
    return [r for r in rows if f(r) is True]


def _passthrough(plan, session):
    return execute(plan.children[0], session)


def _limit(plan, session):
    rows = execute(plan.children[0], session)
    n = eval_constant(plan.n, session)
    if n is None or n < 0:
        from .errors import AnalysisException
        raise AnalysisException('INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE', {}, message=(
            '[INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE] The limit like expression "%s" is invalid. '
            'The limit expression must be equal to or greater than 0, but got %s.' % (plan.n.sql(), n)))
    return rows[:n]


def _local_limit(plan, session):
    return execute(plan.children[0], session)


def _offset(plan, session):
    rows = execute(plan.children[0], session)
    n = eval_constant(plan.n, session)
    return rows[n:]


def sort_rows(rows, orders, attrs, session):
    ctx = CompileContext(session, attrs)
    keyed = [list(r) for r in rows]
    fs = [o.compile(ctx) for o in orders]
    idx = list(range(len(rows)))
    vals = [[f(r) for f in fs] for r in rows]
    for j in range(len(orders) - 1, -1, -1):
        o = orders[j]
        key = comparable_key(o.data_type)
        desc = not o.ascending
        nulls_first = o.nulls_first
        # with reverse=True the flag order flips, so pick the flag accordingly
        null_flag = (0 if nulls_first else 1) if not desc else (1 if nulls_first else 0)
        other = 1 - null_flag

        def k(i, j=j, key=key, null_flag=null_flag, other=other):
            v = vals[i][j]
            if v is None:
                return (null_flag,)
            return (other, key(v))
        idx.sort(key=k, reverse=desc)
    return [rows[i] for i in idx]


def _sort(plan, session):
    rows = execute(plan.child, session)
    return sort_rows(rows, plan.orders, plan.child.output, session)


def _distinct(plan, session):
    rows = execute(plan.children[0], session)
    seen = set()
    out = []
    for r in rows:
        k = row_key(r)
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


def _dedup(plan, session):
    rows = execute(plan.children[0], session)
    attrs = plan.children[0].output
    ctx = CompileContext(session, attrs)
    fs = [k.compile(ctx) for k in plan.keys]
    seen = set()
    out = []
    for r in rows:
        k = tuple(hkey(f(r)) for f in fs)
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


def _sample(plan, session):
    rows = execute(plan.children[0], session)
    rng = random.Random(plan.seed)
    frac = plan.upper - plan.lower
    out = []
    if plan.with_replacement:
        for r in rows:
            # Poisson(frac) draws via inversion
            import math
            lam = frac
            L = math.exp(-lam)
            k = 0
            p = 1.0
            while True:
                p *= rng.random()
                if p <= L:
                    break
                k += 1
            out.extend([r] * k)
        return out
    for r in rows:
        x = rng.random()
        if plan.lower <= x < plan.upper:
            out.append(r)
    return out


def _union(plan, session):
    out = []
    for c in plan.children:
        out.extend(execute(c, session))
    return out


def _setop(plan, session):
    left = execute(plan.children[0], session)
    right = execute(plan.children[1], session)
    rk = {}
    for r in right:
        k = row_key(r)
        rk[k] = rk.get(k, 0) + 1
    out = []
    seen = set()
    for r in left:
        k = row_key(r)
        if plan.kind == 'Intersect':
            if plan.is_all:
                if rk.get(k, 0) > 0:
                    rk[k] -= 1
                    out.append(r)
            elif k in rk and k not in seen:
                seen.add(k)
                out.append(r)
        else:
            if plan.is_all:
                if rk.get(k, 0) > 0:
                    rk[k] -= 1
                else:
                    out.append(r)
            elif k not in rk and k not in seen:
                seen.add(k)
                out.append(r)
    return out


def _split_conjuncts(e):
    out = []
    stack = [e]
    while stack:
        x = stack.pop()
        if isinstance(x, E.And) and type(x) is E.And:
            stack.append(x.children[1])
            stack.append(x.children[0])
        else:
            out.append(x)
    return out


def _join(plan, session):
    left_plan, right_plan = plan.children
    left = execute(left_plan, session)
    right = execute(right_plan, session)
    lo, ro = left_plan.output, right_plan.output
    nl, nr = len(lo), len(ro)
    jt = plan.join_type
    lids = set(a.expr_id for a in lo)
    rids = set(a.expr_id for a in ro)
    lkeys, rkeys, residual = [], [], []
    if plan.condition is not None:
        for c in _split_conjuncts(plan.condition):
            if isinstance(c, E.BinaryComparison) and c.op == '=':
                a, b = c.children
                ra = set(x.expr_id for x in a.references())
                rb = set(x.expr_id for x in b.references())
                if ra and rb and ra <= lids and rb <= rids:
                    lkeys.append(a)
                    rkeys.append(b)
                    continue
                if ra and rb and ra <= rids and rb <= lids:
                    lkeys.append(b)
                    rkeys.append(a)
                    continue
            residual.append(c)
    combined = lo + ro
    res_f = None
    if residual:
        cond = residual[0]
        for c in residual[1:]:
            cond = E.And(cond, c)
            cond.data_type = T.BooleanType()
        res_f = compile_expr(cond, combined, session)
    null_l = (None,) * nl
    null_r = (None,) * nr
    if lkeys:
        lctx = CompileContext(session, lo)
        rctx = CompileContext(session, ro)
        lfs = [k.compile(lctx) for k in lkeys]
        rfs = [k.compile(rctx) for k in rkeys]
        table = {}
        for j, r in enumerate(right):
            kv = tuple(f(r) for f in rfs)
            if any(v is None for v in kv):
                continue
            table.setdefault(tuple(hkey(v) for v in kv), []).append(j)

        def matches(lrow):
            kv = tuple(f(lrow) for f in lfs)
            if any(v is None for v in kv):
                return []
            cand = table.get(tuple(hkey(v) for v in kv), [])
            if res_f is None:
                return cand
            return [j for j in cand if res_f(lrow + right[j]) is True]
    else:
        def matches(lrow):
            if res_f is None:
                return range(len(right))
            return [j for j in range(len(right)) if res_f(lrow + right[j]) is True]
    out = []
    matched_right = set()
    for lrow in left:
        ms = matches(lrow)
        if jt == 'LeftSemi':
            if ms:
                out.append(lrow)
            continue
        if jt == 'LeftAnti':
            if not ms:
                out.append(lrow)
            continue
        if ms:
            for j in ms:
                out.append(lrow + right[j])
                matched_right.add(j)
        elif jt in ('LeftOuter', 'FullOuter'):
            out.append(lrow + null_r)
    if jt == 'RightOuter':
        # preserve right-side order like a hash join built on the left
        out2 = []
        by_right = {}
        for lrow in left:
            for j in matches(lrow):
                by_right.setdefault(j, []).append(lrow)
        for j, rrow in enumerate(right):
            ls = by_right.get(j)
            if ls:
                for lrow in ls:
                    out2.append(lrow + rrow)
            else:
                out2.append(null_l + rrow)
        return out2
    if jt == 'FullOuter':
        for j, rrow in enumerate(right):
            if j not in matched_right:
                out.append(null_l + rrow)
    return out


def _aggregate(plan, session):
    rows = execute(plan.child, session)
    attrs = plan.child.output
    ctx = CompileContext(session, attrs)
    gfs = [g.compile(ctx) for g in plan.groupings]
    # collect aggregate calls (not nested in other aggregates)
    calls = []
    keys = {}
    for a in plan.aggs:
        for call in E.find_all(a, E.AggregateExpression):
            k = call.semantic_key()
            if k not in keys:
                keys[k] = len(calls)
                calls.append(call)
    arg_fs = [[c.compile(ctx) for c in call.children] for call in calls]
    filt_fs = [call.filter.compile(ctx) if getattr(call, 'filter', None) is not None else None
               for call in calls]
    groups = {}
    order = []
    for r in rows:
        gv = tuple(f(r) for f in gfs)
        gk = tuple(hkey(v) for v in gv)
        st = groups.get(gk)
        if st is None:
            st = [gv, [c.spec.init(c) for c in calls], [set() if c.distinct else None for c in calls]]
            groups[gk] = st
            order.append(gk)
        states = st[1]
        for i, call in enumerate(calls):
            ff = filt_fs[i]
            if ff is not None and ff(r) is not True:
                continue
            vals = [f(r) for f in arg_fs[i]]
            if call.spec.skip_nulls and any(v is None for v in vals):
                continue
            if call.distinct:
                dk = tuple(hkey(v) for v in vals)
                if dk in st[2][i]:
                    continue
                st[2][i].add(dk)
            states[i] = call.spec.update(call, states[i], vals)
    if not plan.groupings and not order:
        groups[()] = [(), [c.spec.init(c) for c in calls], None]
        order.append(())
    ng = len(plan.groupings)
    gkeys = [g.semantic_key() for g in plan.groupings]

    def bind(e):
        if isinstance(e, E.AggregateExpression):
            return E.BoundReference(ng + keys[e.semantic_key()], e.data_type, e.nullable, e)
        k = e.semantic_key()
        for i, gk in enumerate(gkeys):
            if gk == k and not isinstance(e, E.Literal):
                g = plan.groupings[i]
                return E.BoundReference(i, g.data_type, g.nullable, e)
        return e

    out_fs = []
    bctx = CompileContext(session, [])
    for a in plan.aggs:
        inner = a.child if isinstance(a, E.Alias) else a
        bound = E.transform_down(inner, bind)
        out_fs.append(bound.compile(bctx))
    out = []
    for gk in order:
        gv, states, _ = groups[gk]
        finished = [c.spec.finish(c, s) for c, s in zip(calls, states)]
        slot_row = tuple(gv) + tuple(finished)
        out.append(tuple(f(slot_row) for f in out_fs))
    return out


def _generate(plan, session):
    rows = execute(plan.children[0], session)
    gen = plan.generator
    f = compile_expr(gen.children[0], plan.children[0].output, session)
    pos = gen.name.startswith('posexplode')
    inline = gen.name.startswith('inline')
    width = len(plan.gen_attrs)
    out = []
    for r in rows:
        v = f(r)
        items = []
        if v is not None:
            if isinstance(v, dict):
                items = [(k, x) for k, x in v.items()]
            elif inline:
                items = [tuple(s) if s is not None else (None,) * (width) for s in v]
            else:
                items = [(x,) for x in v]
        if not items:
            if plan.outer:
                out.append(r + (None,) * width)
            continue
        for i, it in enumerate(items):
            out.append(r + ((i,) + it if pos else it))
    return out


_EXEC = {
    'Range': _range, 'LocalRelation': _local, 'OneRowRelation': _one_row, 'Project': _project,
    'Filter': _filter, 'SubqueryAlias': _passthrough, 'View': _passthrough,
    'GlobalLimit': _limit, 'LocalLimit': _local_limit, 'Offset': _offset, 'Sort': _sort,
    'Distinct': _distinct, 'Deduplicate': _dedup, 'Sample': _sample, 'Union': _union,
    'SetOperation': _setop, 'Join': _join, 'Aggregate': _aggregate, 'Generate': _generate,
}


def _window(plan, session):
    from .windows import execute_window
    return execute_window(plan, session)


_EXEC['Window'] = _window

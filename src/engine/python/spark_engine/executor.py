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
        self.attrs = list(attrs)
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


def shuffle_partitions(session):
    try:
        return max(1, int(session.conf.get('spark.sql.shuffle.partitions')))
    except Exception:
        return 200


def order_by_hash_partition(items, key_of, types, session):
    """Reorder ``items`` the way a hash-partitioned shuffle emits them: partition by partition
    (pmod(murmur3(keys), shuffle partitions)), keeping first-seen order inside a partition."""
    from .murmur3 import partition_of
    n = shuffle_partitions(session)
    decorated = [(partition_of(key_of(it), types, n), i, it) for i, it in enumerate(items)]
    decorated.sort(key=lambda d: (d[0], d[1]))
    return [d[2] for d in decorated]


def execute(plan, session):
    fn = _EXEC.get(type(plan).__name__)
    if fn is None:
        raise NotImplementedError('cannot execute %s' % type(plan).__name__)
    return fn(plan, session)


def _range(plan, session):
    return [(i,) for i in range(plan.start, plan.end, plan.step)]


def _local(plan, session):
    source = getattr(plan, 'source', None)
    return list(source.rows if source is not None else plan.rows)


def _one_row(plan, session):
    return [()]


def nondeterministic(exprs):
    for e in exprs:
        for f in E.find_all(e, E.ScalarFunction):
            if not f.spec.deterministic:
                return True
    return False


def project_rows(plan, rows, tags, session):
    """Evaluate a Project over rows whose Spark partitions are ``tags`` (rand/ids need them)."""
    ctx = CompileContext(session, plan.child.output)
    ctx.partition = [0]
    fs = [e.compile(ctx) for e in plan.exprs]
    out = []
    part = ctx.partition
    for r, t in zip(rows, tags):
        part[0] = t
        out.append(tuple([f(r) for f in fs]))
    return out


def _project(plan, session):
    if nondeterministic(plan.exprs):
        from .partitioning import execute_tagged
        rows, tags = execute_tagged(plan.child, session)
        return project_rows(plan, rows, tags, session)
    rows = execute(plan.child, session)
    attrs = plan.child.output
    ctx = CompileContext(session, attrs)
    fs = [e.compile(ctx) for e in plan.exprs]
    if len(fs) == 1:
        f = fs[0]
        return [(f(r),) for r in rows]
    return [tuple([f(r) for f in fs]) for r in rows]


def _filter(plan, session):
    child = plan.child
    if isinstance(child, P.Join) and child.join_type in ('Inner', 'Cross'):
        # WHERE over an inner/cross join: evaluate it as the join condition (hash join on
        # equalities) instead of filtering a cartesian product; same rows, same order.
        import copy
        j = copy.copy(child)
        cond = plan.condition if child.condition is None else E.And(child.condition, plan.condition)
        cond.data_type = T.BooleanType()
        j.condition = cond
        j.join_type = 'Inner'
        return _join(j, session)
    if nondeterministic([plan.condition]):
        from .partitioning import execute_tagged
        rows, tags = execute_tagged(plan.child, session)
        ctx = CompileContext(session, plan.child.output)
        ctx.partition = [0]
        f = plan.condition.compile(ctx)
        out = []
        for r, t in zip(rows, tags):
            ctx.partition[0] = t
            if f(r) is True:
                out.append(r)
        return out
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
    from .partitioning import execute_tagged, shuffle_order
    rows, tags = execute_tagged(plan.children[0], session)
    seen = set()
    out = []
    out_tags = []
    for r, t in zip(rows, tags):
        k = row_key(r)
        if k not in seen:
            seen.add(k)
            out.append(r)
            out_tags.append(t)
    types = [a.data_type for a in plan.output]
    return [out[i] for i in shuffle_order(out, types, out_tags, session)]


def _dedup(plan, session):
    """dropDuplicates = Aggregate(keys, first(other columns)): hash or sort aggregate order."""
    from .partitioning import execute_tagged, shuffle_order, _SORT_AGG_TYPES
    rows, tags = execute_tagged(plan.children[0], session)
    attrs = plan.children[0].output
    ctx = CompileContext(session, attrs)
    fs = [k.compile(ctx) for k in plan.keys]
    seen = set()
    out = []
    out_tags = []
    for r, t in zip(rows, tags):
        k = tuple(hkey(f(r)) for f in fs)
        if k not in seen:
            seen.add(k)
            out.append(r)
            out_tags.append(t)
    key_ids = set(getattr(k, 'expr_id', None) for k in plan.keys)
    others = [a for a in attrs if a.expr_id not in key_ids]
    if any(isinstance(a.data_type, _SORT_AGG_TYPES) for a in others):
        return sort_rows(out, [_asc(k) for k in plan.keys], attrs, session)
    types = [k.data_type for k in plan.keys]
    keys = [[f(r) for f in fs] for r in out]
    return [out[i] for i in shuffle_order(keys, types, out_tags, session)]


def _asc(e):
    so = E.SortOrder(e, True, True)
    so.data_type = e.data_type
    return so


def _sample(plan, session):
    """Spark's BernoulliCellSampler: per partition i, XORShiftRandom(seed + i), keep a row when
    lower <= nextDouble() < upper (with replacement: Poisson counts, approximated)."""
    from .partitioning import execute_tagged
    from .xorshift import XORShiftRandom
    rows, tags = execute_tagged(plan.children[0], session)
    if not plan.with_replacement:
        out = []
        rngs = {}
        for r, t in zip(rows, tags):
            rng = rngs.get(t)
            if rng is None:
                rng = rngs[t] = XORShiftRandom(plan.seed + t)
            x = rng.next_double()
            if plan.lower <= x < plan.upper:
                out.append(r)
        return out
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
    if not plan.is_all:
        types = [a.data_type for a in plan.output]
        out = order_by_hash_partition(out, lambda r: r, types, session)
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
    """Hash join on the equality conjuncts; the side Spark would stream decides row order."""
    from . import partitioning as PT
    left_plan, right_plan = plan.children
    left, ltags = PT.execute_tagged(left_plan, session)
    right, rtags = PT.execute_tagged(right_plan, session)
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
    if lkeys:
        ls, rs = PT.static_size(left_plan), PT.static_size(right_plan)
        small = PT.BROADCAST_THRESHOLD

        def known_small(x):
            return x is not None and x <= small
        # a statically broadcastable build side means no shuffle; otherwise both sides are
        # shuffled and AQE turns the sort-merge join into a broadcast join afterwards
        if jt == 'Inner':
            shuffled = not (known_small(ls) or known_small(rs))
        elif jt == 'RightOuter':
            shuffled = not known_small(ls)
        else:
            shuffled = not known_small(rs)

        def stream_order(rows, tags, fs):
            if not shuffled:
                return list(range(len(rows)))
            keys = [[f(r) for f in fs] for r in rows]
            return PT.shuffle_order(keys, [k.data_type for k in (lkeys if fs is lfs else rkeys)],
                                    tags, session)
        if jt == 'Inner':
            if ls is not None and rs is not None:
                build_left = ls < rs
            elif ls is not None or rs is not None:
                build_left = ls is not None and ls <= PT.BROADCAST_THRESHOLD
            else:
                build_left = PT.runtime_size(left) < PT.runtime_size(right)
            if build_left:
                ltable = {}
                for i, lrow in enumerate(left):
                    kv = tuple(f(lrow) for f in lfs)
                    if any(v is None for v in kv):
                        continue
                    ltable.setdefault(tuple(hkey(v) for v in kv), []).append(i)
                out = []
                for j in stream_order(right, rtags, rfs):
                    rrow = right[j]
                    kv = tuple(f(rrow) for f in rfs)
                    if any(v is None for v in kv):
                        continue
                    for i in ltable.get(tuple(hkey(v) for v in kv), []):
                        if res_f is None or res_f(left[i] + rrow) is True:
                            out.append(left[i] + rrow)
                return out
        if jt in ('Inner', 'LeftOuter', 'LeftSemi', 'LeftAnti') and shuffled:
            left = [left[i] for i in stream_order(left, ltags, lfs)]
        if jt == 'RightOuter' and shuffled:
            right = [right[j] for j in stream_order(right, rtags, rfs)]
            table = {}
            for j, r in enumerate(right):
                kv = tuple(f(r) for f in rfs)
                if any(v is None for v in kv):
                    continue
                table.setdefault(tuple(hkey(v) for v in kv), []).append(j)
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
        if lkeys:
            # sort-merge join: rows come out ordered by the join keys (NULL keys first)
            lk = [k.compile(CompileContext(session, lo + ro)) for k in lkeys]
            rk = [k.compile(CompileContext(session, lo + ro)) for k in rkeys]
            kfs = [comparable_key(k.data_type) for k in lkeys]

            def skey(row):
                vals = [a(row) if a(row) is not None else b(row) for a, b in zip(lk, rk)]
                return tuple((0,) if v is None else (1, kf(v)) for v, kf in zip(vals, kfs))
            out.sort(key=skey)
    return out


def _aggregate(plan, session):
    from .partitioning import execute_tagged
    rows, row_tags = execute_tagged(plan.child, session)
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
    plans_ = []
    for i, call in enumerate(calls):
        is_count1 = (call.name == 'count' and not call.distinct and filt_fs[i] is None and
                     all(isinstance(c, E.Literal) and c.value is not None for c in call.children))
        plans_.append((i, arg_fs[i], call.spec.skip_nulls, call.distinct, filt_fs[i],
                       call.spec.update, call, is_count1))
    gsets = plan.grouping_sets
    if gsets:
        ng0 = len(gfs)
        masks = []
        for gs in gsets:
            gid = 0
            for i in range(ng0):
                gid = (gid << 1) | (0 if i in gs else 1)
            masks.append((set(gs), gid))
        base_gfs = gfs
        expanded = []
        expanded_tags = []
        for r, t in zip(rows, row_tags):
            vals = [f(r) for f in base_gfs]
            for keep, gid in masks:
                expanded.append((r, tuple(v if i in keep else None for i, v in enumerate(vals)) + (gid,)))
                expanded_tags.append(t)
        rows_iter = expanded
        row_tags = expanded_tags
    else:
        rows_iter = None
    single_key = len(gfs) == 1 and not gsets
    g0 = gfs[0] if single_key else None
    group_tags = {}
    for ri, r in enumerate(rows_iter if gsets else rows):
        if gsets:
            r, gv = r
            gk = tuple(hkey(v) for v in gv)
        elif single_key:
            v0 = g0(r)
            gv = (v0,)
            gk = (v0 if type(v0) in (int, str) else hkey(v0),)
        elif not gsets:
            gv = tuple(f(r) for f in gfs)
            gk = tuple(hkey(v) for v in gv)
        st = groups.get(gk)
        if st is None:
            st = [gv, [c.spec.init(c) for c in calls], [set() if c.distinct else None for c in calls]]
            groups[gk] = st
            order.append(gk)
            group_tags[gk] = row_tags[ri]
        states = st[1]
        for i, fs, skip, distinct, ff, update, call, is_count1 in plans_:
            if is_count1:
                states[i] += 1
                continue
            if ff is not None and ff(r) is not True:
                continue
            if len(fs) == 1:
                v = fs[0](r)
                if skip and v is None:
                    continue
                vals = (v,)
            else:
                vals = [f(r) for f in fs]
                if skip and None in vals:
                    continue
            if distinct:
                dk = tuple(hkey(v) for v in vals)
                if dk in st[2][i]:
                    continue
                st[2][i].add(dk)
            states[i] = update(call, states[i], vals)
    ng = len(plan.groupings)
    if not plan.groupings and not order:
        groups[()] = [(), [c.spec.init(c) for c in calls], None]
        order.append(())
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
    if plan.groupings:
        from .partitioning import needs_sort_aggregate, shuffle_order
        gtypes = [g.data_type for g in plan.groupings] + ([T.LongType()] if gsets else [])
        if needs_sort_aggregate(calls):
            keyfns = [comparable_key(t) for t in gtypes]

            def sort_key(gk):
                vals = groups[gk][0]
                return tuple((0,) if v is None else (1, kf(v)) for v, kf in zip(vals, keyfns))
            order = sorted(order, key=sort_key)
        else:
            keys = [groups[gk][0] for gk in order]
            order = [order[i] for i in shuffle_order(keys, gtypes, [group_tags[gk] for gk in order], session)]
    out = []
    for gk in order:
        gv, states, _ = groups[gk]
        finished = [c.spec.finish(c, s) for c, s in zip(calls, states)]
        slot_row = tuple(gv[:ng]) + tuple(finished)
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

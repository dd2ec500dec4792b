"""Window functions: ``f(...) OVER (PARTITION BY .. ORDER BY .. frame)``.

The analyzer pulls WindowExpressions out of a Project into a ``Window`` plan node (as Spark's
ExtractWindowExpressions does); execution partitions, sorts and evaluates each frame. Default
frames and column names follow Spark (``RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW`` with
an ORDER BY, whole partition without; ranking functions use ``ROWS ... CURRENT ROW``).
"""

from . import types as T
from . import expressions as E
from . import plans as P
from .expressions import TypeCheckError

UNBOUNDED = None
RANKING = ('row_number', 'rank', 'dense_rank', 'percent_rank', 'cume_dist', 'ntile')
OFFSET = ('lag', 'lead', 'nth_value')
WINDOW_ONLY = RANKING + OFFSET

_JAVA_MIN = -(1 << 63)
_JAVA_MAX = (1 << 63) - 1


class WindowSpecDef:
    """Partition/order/frame of a window; ``frame`` = (kind 'ROWS'|'RANGE', lo, hi) with ints
    (negative = preceding) or None for unbounded; None frame = Spark's default."""

    def __init__(self, partition, order, frame=None):
        self.partition = list(partition)
        self.order = list(order)
        self.frame = frame

    def frame_sql(self):
        kind, lo, hi = self.frame

        def b(v, lower):
            if v is None:
                return 'UNBOUNDED PRECEDING' if lower else 'UNBOUNDED FOLLOWING'
            if v == 0:
                return 'CURRENT ROW'
            if v < 0:
                return '%d PRECEDING' % -v
            return '%d FOLLOWING' % v
        return '%s BETWEEN %s AND %s' % (kind, b(lo, True), b(hi, False))

    def sql(self):
        parts = []
        if self.partition:
            parts.append('PARTITION BY ' + ', '.join(e.sql() for e in self.partition))
        if self.order:
            parts.append('ORDER BY ' + ', '.join(e.sql() for e in self.order))
        if self.frame is not None:
            parts.append(self.frame_sql())
        return '(' + ' '.join(parts) + ')'

    def to_string(self):
        items = [e.to_string() for e in self.partition] + [e.to_string() for e in self.order]
        if self.frame is not None:
            kind, lo, hi = self.frame

            def b(v, lower):
                if v is None:
                    return 'unboundedpreceding$()' if lower else 'unboundedfollowing$()'
                if v == 0:
                    return 'currentrow$()'
                return str(v)
            items.append('specifiedwindowframe(%s, %s, %s)' % (
                'RowFrame' if kind == 'ROWS' else 'RangeFrame', b(lo, True), b(hi, False)))
        return 'windowspecdefinition(%s)' % ', '.join(items)


def make_spec(partition, order, frame):
    """From the pyspark facade: names/Columns and ('rows'|'range', start, end) with Java sentinels."""
    from .column import Column, col_expr
    from .functions import _c

    def ex(c):
        if isinstance(c, Column):
            return c.expr
        if isinstance(c, str):
            return col_expr(c)
        return _c(c)
    part = [ex(c) for c in partition]
    orders = []
    for c in order:
        e = ex(c)
        orders.append(e if isinstance(e, E.SortOrder) else E.SortOrder(e, True, None))
    fr = None
    if frame is not None:
        kind, s, e = frame

        def conv(v):
            if v is None or v <= _JAVA_MIN or v >= _JAVA_MAX:
                return None
            return int(v)
        fr = (kind.upper(), conv(s), conv(e))
    return WindowSpecDef(part, orders, fr)


class WindowExpression(E.Expression):
    def __init__(self, function, spec):
        self.function_ = function
        self.spec = spec
        self.children = [function] + spec.partition + spec.order
        self.np = len(spec.partition)

    def with_children(self, children):
        import copy
        w = copy.copy(self)
        w.children = list(children)
        w.function_ = children[0]
        w.spec = WindowSpecDef(children[1:1 + self.np], children[1 + self.np:], self.spec.frame)
        return w

    def contains_aggregate(self):
        return False

    def _key_extra(self):
        return ('window', repr(self.spec.frame))

    def to_string(self):
        return '%s %s' % (self.children[0].to_string(), self.spec.to_string())

    def sql(self):
        return '%s OVER %s' % (self.children[0].sql(), self.spec.sql())

    def type_check(self, ctx):
        f = self.children[0]
        name = getattr(f, 'name', '')
        if self.spec.frame is None:
            if name in RANKING:
                self.spec.frame = ('ROWS', None, 0)
            elif name in ('lag', 'lead'):
                off = f.offset if name == 'lead' else -f.offset
                self.spec.frame = ('ROWS', off, off)
            elif self.spec.order:
                self.spec.frame = ('RANGE', None, 0)
            else:
                self.spec.frame = ('ROWS', None, None)
        if name in RANKING and not self.spec.order:
            raise TypeCheckError('MISSING_ORDER_BY_WINDOW', {})
        self.data_type = f.data_type
        self.nullable = f.nullable
        return self


class WindowFunction(E.Expression):
    """row_number(), rank(), lag(x, 1, NULL)... (only valid inside OVER)."""

    def __init__(self, name, args):
        self.name = name
        self.children = list(args)
        self.offset = 1

    def _key_extra(self):
        return self.name

    def to_string(self):
        return '%s(%s)' % (self.name, ', '.join(c.to_string() for c in self.children))

    def sql(self):
        return '%s(%s)' % (self.name, ', '.join(c.sql() for c in self.children))

    def type_check(self, ctx):
        n = self.name
        if n in ('row_number', 'rank', 'dense_rank'):
            self.data_type, self.nullable = T.IntegerType(), False
        elif n in ('percent_rank', 'cume_dist'):
            self.data_type, self.nullable = T.DoubleType(), False
        elif n == 'ntile':
            self.data_type, self.nullable = T.IntegerType(), True
        elif n in ('lag', 'lead'):
            ch = list(self.children)
            if len(ch) < 2:
                ch.append(E.Literal(1, T.IntegerType()))
            if len(ch) < 3:
                ch.append(E.Literal(None, T.NullType()))
            self.offset = ch[1].value if isinstance(ch[1], E.Literal) else 1
            dt = ch[0].data_type
            if not isinstance(ch[2].data_type, T.NullType) and ch[2].data_type != dt:
                from .coercion import wider_type
                wt = wider_type(dt, ch[2].data_type) or dt
                ch[0] = E.implicit_cast(ch[0], wt)
                ch[2] = E.implicit_cast(ch[2], wt)
                dt = wt
            else:
                ch[2] = E.implicit_cast(ch[2], dt)
            self.children = ch
            self.data_type, self.nullable = dt, True
        elif n == 'nth_value':
            self.data_type, self.nullable = self.children[0].data_type, True
        return self


def is_window_function(name):
    return name.lower() in WINDOW_ONLY


class Window(P.LogicalPlan):
    def __init__(self, window_exprs, child):
        self.window_exprs = list(window_exprs)  # Aliases of WindowExpression
        self.children = [child]

    def expressions(self):
        return self.window_exprs

    @property
    def output(self):
        return self.children[0].output + [a.to_attribute() for a in self.window_exprs]

    def node_string(self):
        w = self.window_exprs[0].child if self.window_exprs else None
        part = ', '.join(e.to_string() for e in w.spec.partition) if w else ''
        order = ', '.join(e.to_string() for e in w.spec.order) if w else ''
        return 'Window [%s], [%s], [%s]' % (', '.join(a.to_string() for a in self.window_exprs), part, order)


def execute_window(plan, session):
    from .executor import execute, CompileContext, sort_rows, hkey
    rows = execute(plan.children[0], session)
    attrs = plan.children[0].output
    ctx = CompileContext(session, attrs)
    n = len(rows)
    extra = [[None] * len(plan.window_exprs) for _ in range(n)]
    order_out = None
    for wi, al in enumerate(plan.window_exprs):
        w = al.child
        spec = w.spec
        pfs = [p.compile(ctx) for p in spec.partition]
        groups = {}
        gorder = []
        for i, r in enumerate(rows):
            k = tuple(hkey(f(r)) for f in pfs)
            if k not in groups:
                groups[k] = []
                gorder.append(k)
            groups[k].append(i)
        ofs = [o.compile(ctx) for o in spec.order]
        if spec.partition:
            # Window's input is sorted by (partition keys ASC, order keys) inside the coalesced
            # shuffle partition, so partitions come out in key order
            from .expressions import comparable_key
            kfs = [comparable_key(p.data_type) for p in spec.partition]

            def pkey(k):
                r = rows[groups[k][0]]
                return tuple((0,) if v is None else (1, kf(v)) for v, kf in
                             zip([f(r) for f in pfs], kfs))
            gorder = sorted(gorder, key=pkey)
        all_order = []
        for k in gorder:
            idxs = groups[k]
            if spec.order:
                sorted_rows = sort_rows([rows[i] + (i,) for i in idxs], spec.order,
                                        attrs + [E.AttributeReference('__idx', T.IntegerType())], session)
                idxs = [r[-1] for r in sorted_rows]
            okeys = [tuple(hkey(f(rows[i])) for f in ofs) for i in idxs]
            vals = _evaluate(w, [rows[i] for i in idxs], okeys, ctx)
            for i, v in zip(idxs, vals):
                extra[i][wi] = v
            all_order.extend(idxs)
        if order_out is None:
            order_out = all_order
    if order_out is None:
        order_out = list(range(n))
    return [rows[i] + tuple(extra[i]) for i in order_out]


def _peer_bounds(okeys):
    """For each row, the [start, end) of its peer group (rows with equal ORDER BY keys)."""
    n = len(okeys)
    starts = [0] * n
    ends = [0] * n
    i = 0
    while i < n:
        j = i
        while j < n and okeys[j] == okeys[i]:
            j += 1
        for k in range(i, j):
            starts[k] = i
            ends[k] = j
        i = j
    return starts, ends


def _evaluate(w, prows, okeys, ctx):
    f = w.children[0]
    name = getattr(f, 'name', '')
    n = len(prows)
    starts, ends = _peer_bounds(okeys)
    if isinstance(f, WindowFunction):
        if name == 'row_number':
            return list(range(1, n + 1))
        if name == 'rank':
            return [starts[i] + 1 for i in range(n)]
        if name == 'dense_rank':
            out = []
            d = 0
            for i in range(n):
                if i == 0 or starts[i] != starts[i - 1]:
                    d += 1
                out.append(d)
            return out
        if name == 'percent_rank':
            return [0.0 if n <= 1 else float(starts[i]) / (n - 1) for i in range(n)]
        if name == 'cume_dist':
            return [float(ends[i]) / n for i in range(n)]
        if name == 'ntile':
            buckets = f.children[0].value
            out = []
            base, rem = divmod(n, buckets)
            b = 1
            cnt = 0
            size = base + (1 if b <= rem else 0)
            for i in range(n):
                if cnt >= size and size > 0:
                    b += 1
                    cnt = 0
                    size = base + (1 if b <= rem else 0)
                out.append(b)
                cnt += 1
            return out
        if name in ('lag', 'lead'):
            val = f.children[0].compile(ctx)
            dflt = f.children[2].compile(ctx)
            off = f.offset if name == 'lead' else -f.offset
            out = []
            for i in range(n):
                j = i + off
                out.append(val(prows[j]) if 0 <= j < n else dflt(prows[i]))
            return out
        if name == 'nth_value':
            val = f.children[0].compile(ctx)
            k = f.children[1].value
            out = []
            for i in range(n):
                lo, hi = _frame(w.spec.frame, i, n, starts, ends)
                j = lo + k - 1
                out.append(val(prows[j]) if lo <= j < hi else None)
            return out
    # aggregate over a frame
    agg = f
    arg_fs = [c.compile(ctx) for c in agg.children]
    out = []
    cache = {}
    for i in range(n):
        lo, hi = _frame(w.spec.frame, i, n, starts, ends)
        key = (lo, hi)
        if key in cache:
            out.append(cache[key])
            continue
        st = agg.spec.init(agg)
        seen = set() if agg.distinct else None
        for j in range(lo, hi):
            vals = [g(prows[j]) for g in arg_fs]
            if agg.spec.skip_nulls and any(v is None for v in vals):
                continue
            if seen is not None:
                from .executor import hkey
                dk = tuple(hkey(v) for v in vals)
                if dk in seen:
                    continue
                seen.add(dk)
            st = agg.spec.update(agg, st, vals)
        v = agg.spec.finish(agg, st)
        cache[key] = v
        out.append(v)
    return out


def _frame(frame, i, n, starts, ends):
    kind, lo, hi = frame
    if kind == 'ROWS':
        a = 0 if lo is None else max(0, i + lo)
        b = n if hi is None else min(n, i + hi + 1)
        return a, max(a, b)
    # RANGE: only unbounded / current row offsets are supported (peer groups)
    a = 0 if lo is None else starts[i]
    b = n if hi is None else ends[i]
    return a, b

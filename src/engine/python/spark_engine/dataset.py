"""``Dataset``: an analyzed logical plan plus the session; transformations build new plans
(analyzed eagerly, so errors surface where Spark raises them), actions execute.
"""


from . import types as T
from . import expressions as E
from . import plans as P
from .column import Column, col_expr, literal_expr
from .errors import AnalysisException
from .jvm_frames import set_dataset_entry
from .row import Row
from .show import show_string as _show_string
from .json_rows import struct_json

_JOIN_TYPES = {
    'inner': 'Inner', 'cross': 'Cross', 'outer': 'FullOuter', 'full': 'FullOuter',
    'fullouter': 'FullOuter', 'full_outer': 'FullOuter', 'left': 'LeftOuter',
    'leftouter': 'LeftOuter', 'left_outer': 'LeftOuter', 'right': 'RightOuter',
    'rightouter': 'RightOuter', 'right_outer': 'RightOuter', 'semi': 'LeftSemi',
    'leftsemi': 'LeftSemi', 'left_semi': 'LeftSemi', 'anti': 'LeftAnti', 'leftanti': 'LeftAnti',
    'left_anti': 'LeftAnti',
}


def _named(c):
    """A select item from str / Column (names are column references)."""
    if isinstance(c, Column):
        e = c.expr
    elif isinstance(c, str):
        e = col_expr(c)
    else:
        raise TypeError('Invalid argument, not a string or column: %r of type %s. For column '
                        'literals, use \'lit\', \'array\', \'struct\' or \'create_map\' function.'
                        % (c, type(c).__name__))
    if isinstance(e, (E.UnresolvedAttribute, E.UnresolvedStar, E.Alias, E.AttributeReference)):
        return e
    return E.UnresolvedAlias(e)


def _expr_of(c):
    if isinstance(c, Column):
        return c.expr
    if isinstance(c, str):
        return col_expr(c)
    return literal_expr(c)


def to_python(v, dt):
    """Internal value -> what collect() returns (structs become Rows)."""
    if v is None:
        return None
    if isinstance(dt, T.StructType):
        return Row.from_fields([f.name for f in dt.fields],
                               [to_python(x, f.dataType) for x, f in zip(v, dt.fields)])
    if isinstance(dt, T.ArrayType):
        return [to_python(x, dt.elementType) for x in v]
    if isinstance(dt, T.MapType):
        return dict((to_python(k, dt.keyType), to_python(x, dt.valueType)) for k, x in v.items())
    if isinstance(dt, T.BinaryType):
        return bytearray(v)
    if isinstance(dt, T.DayTimeIntervalType):
        import datetime
        return datetime.timedelta(microseconds=v)
    return v


class Dataset:
    def __init__(self, session, plan):
        self.session = session
        self.plan = plan
        self._rows = None

    # ------------------------------------------------------------------ metadata
    @property
    def schema(self):
        return T.StructType([T.StructField(a.name, a.data_type, a.nullable) for a in self.plan.output])

    @property
    def columns(self):
        return [a.name for a in self.plan.output]

    @property
    def dtypes(self):
        return [(a.name, a.data_type.simpleString()) for a in self.plan.output]

    is_streaming = False
    isStreaming = False

    def tree_string(self, level=None):
        return self.schema.treeString(level)

    def __repr__(self):
        return 'DataFrame[%s]' % ', '.join('%s: %s' % (a.name, a.data_type.simpleString())
                                           for a in self.plan.output)

    def to_string(self):
        """Scala's Dataset.toString: ``[name: string, age: int]``, at most 2 fields shown."""
        fields = self.schema.fields
        shown = ', '.join('%s: %s' % (f.name, f.dataType.simpleString()) for f in fields[:2])
        more = len(fields) - 2
        if more == 1:
            shown += ' ... 1 more field'
        elif more > 1:
            shown += ' ... %d more fields' % more
        return '[%s]' % shown

    # ------------------------------------------------------------------ helpers
    def _with(self, plan, method='default'):
        try:
            return Dataset(self.session, self.session.analyzer().analyze(plan))
        except AnalysisException as e:
            raise set_dataset_entry(e, method)

    def col(self, name):
        if name == '*':
            return Column(E.UnresolvedStar())
        parts = col_expr(name)
        if isinstance(parts, E.UnresolvedStar):
            return Column(parts)
        r = self.session.analyzer().lookup_attribute(parts, self.plan.output)
        if r is None:
            cands = [a.qualifier + [a.name] for a in self.plan.output]
            from .analyzer import order_suggestions
            ordered = order_suggestions(parts.sql(), cands)
            err = AnalysisException('UNRESOLVED_COLUMN.WITH_SUGGESTION' if ordered else
                                    'UNRESOLVED_COLUMN.WITHOUT_SUGGESTION', {
                                        'objectName': parts.quoted(), 'proposal': ', '.join(ordered[:5])})
            raise set_dataset_entry(err, 'col')
        return Column(r)

    __getitem__ = col

    def colRegex(self, col_name):
        """Columns whose names match a back-quoted regex (``'`(id|v)`'``), else a column name."""
        if len(col_name) >= 2 and col_name[0] == '`' and col_name[-1] == '`':
            return Column(E.UnresolvedRegex(col_name[1:-1]))
        return self.col(col_name)

    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError(name)
        if any(a.name == name for a in self.plan.output):
            return self.col(name)
        raise AttributeError("'DataFrame' object has no attribute '%s'" % name)

    # ------------------------------------------------------------------ transformations
    def select(self, *cols):
        if len(cols) == 1 and isinstance(cols[0], (list, tuple)):
            cols = cols[0]
        return self._with(P.Project([_named(c) for c in cols], self.plan), 'select')

    def selectExpr(self, *exprs):
        if len(exprs) == 1 and isinstance(exprs[0], (list, tuple)):
            exprs = exprs[0]
        from .parser import parse_expression_text
        items = []
        for t in exprs:
            e = parse_expression_text(t)
            items.append(e)
        return self._with(P.Project(items, self.plan), 'select')

    def filter(self, condition):
        if isinstance(condition, str):
            from .parser import Parser
            p = Parser(condition)
            cond = p.expression()
            p.expect_eof()
        elif isinstance(condition, Column):
            cond = condition.expr
        else:
            raise TypeError('condition should be string or Column')
        return self._with(P.Filter(cond, self.plan), 'filter')

    where = filter

    def groupBy(self, *cols):
        if len(cols) == 1 and isinstance(cols[0], (list, tuple)):
            cols = cols[0]
        return GroupedData(self, [_expr_of(c) if not isinstance(c, str) else col_expr(c) for c in cols])

    groupby = groupBy

    def rollup(self, *cols):
        from .parser import expand_grouping
        g = self.groupBy(*cols)
        g.grouping_sets = expand_grouping('ROLLUP', len(g.groupings))
        return g

    def cube(self, *cols):
        from .parser import expand_grouping
        g = self.groupBy(*cols)
        g.grouping_sets = expand_grouping('CUBE', len(g.groupings))
        return g

    def agg(self, *exprs):
        return GroupedData(self, []).agg(*exprs)

    def orderBy(self, *cols, **kwargs):
        if len(cols) == 1 and isinstance(cols[0], (list, tuple)):
            cols = cols[0]
        ascending = kwargs.get('ascending', True)
        orders = []
        asc_list = ascending if isinstance(ascending, (list, tuple)) else [ascending] * len(cols)
        for i, c in enumerate(cols):
            e = _expr_of(c) if not isinstance(c, str) else col_expr(c)
            if isinstance(c, int) and not isinstance(c, bool):
                e = col_expr(self.columns[c - 1]) if c > 0 else col_expr(self.columns[-c - 1])
            if isinstance(e, E.SortOrder):
                orders.append(e)
            else:
                a = bool(asc_list[i]) if i < len(asc_list) else True
                orders.append(E.SortOrder(e, a, None))
        return self._with(P.Sort(orders, True, self.plan), 'sort')

    sort = orderBy

    def sortWithinPartitions(self, *cols, **kwargs):
        ds = self.orderBy(*cols, **kwargs)
        return ds

    def limit(self, n):
        lit = E.Literal(int(n), T.IntegerType())
        return self._with(P.GlobalLimit(lit, P.LocalLimit(lit, self.plan)))

    def offset(self, n):
        return self._with(P.Offset(E.Literal(int(n), T.IntegerType()), self.plan))

    def withColumn(self, name, column):
        return self.withColumns({name: column})

    def withColumns(self, mapping):
        out = list(self.plan.output)
        exprs = list(out)
        for name, c in mapping.items():
            if not isinstance(c, Column):
                raise TypeError('col should be Column')
            new = E.Alias(c.expr, name)
            idx = [i for i, a in enumerate(out) if a.name.lower() == name.lower()]
            if idx:
                for i in idx:
                    exprs[i] = new
            else:
                exprs.append(new)
        return self._with(P.Project(exprs, self.plan), 'select')

    def withColumnRenamed(self, existing, new):
        out = self.plan.output
        if not any(a.name.lower() == existing.lower() for a in out):
            return self
        exprs = [E.Alias(a, new) if a.name.lower() == existing.lower() else a for a in out]
        return self._with(P.Project(exprs, self.plan), 'select')

    def withColumnsRenamed(self, mapping):
        ds = self
        for k, v in mapping.items():
            ds = ds.withColumnRenamed(k, v)
        return ds

    def drop(self, *cols):
        out = self.plan.output
        drop_ids = set()
        for c in cols:
            if isinstance(c, str):
                for a in out:
                    if a.name.lower() == c.lower():
                        drop_ids.add(a.expr_id)
            elif isinstance(c, Column) and isinstance(c.expr, E.AttributeReference):
                drop_ids.add(c.expr.expr_id)
            elif isinstance(c, Column) and isinstance(c.expr, E.UnresolvedAttribute):
                r = self.session.analyzer().lookup_attribute(c.expr, out)
                if r is not None:
                    drop_ids.add(r.expr_id)
        keep = [a for a in out if a.expr_id not in drop_ids]
        if len(keep) == len(out):
            return self
        return self._with(P.Project(keep, self.plan))

    def toDF(self, *names):
        out = self.plan.output
        if len(names) != len(out):
            from .errors import IllegalArgumentException
            raise IllegalArgumentException(None, {}, message=(
                'requirement failed: The number of columns doesn\'t match.\nOld column names (%d): %s\n'
                'New column names (%d): %s' % (len(out), ', '.join(a.name for a in out), len(names),
                                               ', '.join(names))))
        return self._with(P.Project([E.Alias(a, n) for a, n in zip(out, names)], self.plan))

    def alias(self, name):
        return self._with(P.SubqueryAlias(name, self.plan))

    def join(self, other, on=None, how=None):
        jt = _JOIN_TYPES.get((how or 'inner').lower().replace(' ', ''))
        if jt is None:
            from .errors import IllegalArgumentException
            raise IllegalArgumentException('UNSUPPORTED_JOIN_TYPE', {}, message=(
                "[UNSUPPORTED_JOIN_TYPE] Unsupported join type '%s'. Supported join types include: "
                "'inner', 'outer', 'full', 'fullouter', 'full_outer', 'leftouter', 'left', "
                "'left_outer', 'rightouter', 'right', 'right_outer', 'leftsemi', 'left_semi', "
                "'semi', 'leftanti', 'left_anti', 'anti', 'cross'." % how))
        if on is None:
            plan = P.Join(self.plan, other.plan, 'Cross' if jt == 'Inner' and how is None else jt)
            if jt == 'Inner':
                plan.join_type = 'Inner'
        elif isinstance(on, str):
            plan = P.Join(self.plan, other.plan, jt, using=[on])
        elif isinstance(on, (list, tuple)) and all(isinstance(x, str) for x in on):
            plan = P.Join(self.plan, other.plan, jt, using=list(on))
        else:
            if isinstance(on, (list, tuple)):
                cond = None
                for c in on:
                    cond = c.expr if cond is None else E.And(cond, c.expr)
            else:
                cond = on.expr
            plan = P.Join(self.plan, other.plan, jt, cond)
        return self._with(plan, 'join')

    def crossJoin(self, other):
        return self._with(P.Join(self.plan, other.plan, 'Cross'), 'join')

    def union(self, other):
        return self._with(P.Union([self.plan, other.plan]), 'union')

    unionAll = union

    def unionByName(self, other, allowMissingColumns=False):
        return self._with(P.Union([self.plan, other.plan], True, allowMissingColumns), 'union')

    def intersect(self, other):
        return self._with(P.SetOperation('Intersect', self.plan, other.plan, False))

    def intersectAll(self, other):
        return self._with(P.SetOperation('Intersect', self.plan, other.plan, True))

    def subtract(self, other):
        return self._with(P.SetOperation('Except', self.plan, other.plan, False))

    exceptAll = lambda self, other: self._with(P.SetOperation('Except', self.plan, other.plan, True))

    def distinct(self):
        return self._with(P.Distinct(self.plan))

    def dropDuplicates(self, subset=None):
        if subset is None:
            keys = list(self.plan.output)
        else:
            keys = [col_expr(s) for s in subset]
        return self._with(P.Deduplicate(keys, self.plan))

    drop_duplicates = dropDuplicates

    def sample(self, withReplacement=None, fraction=None, seed=None):
        if isinstance(withReplacement, float) and fraction is None:
            withReplacement, fraction = False, withReplacement
        if isinstance(withReplacement, float) and isinstance(fraction, int):
            withReplacement, fraction, seed = False, withReplacement, fraction
        if seed is None:
            seed = self.session.next_seed()
        return self._with(P.Sample(0.0, float(fraction), bool(withReplacement), int(seed), self.plan))

    def randomSplit(self, weights, seed=None):
        total = float(sum(weights))
        if seed is None:
            seed = self.session.next_seed()
        bounds = [0.0]
        for w in weights:
            bounds.append(bounds[-1] + w / total)
        return [self._with(P.Sample(bounds[i], bounds[i + 1], False, int(seed), self.plan))
                for i in range(len(weights))]

    def hint(self, *a, **k):
        return self

    def repartition(self, *a, **k):
        return self

    coalesce = repartition

    def cache(self):
        return self

    persist = cache

    def unpersist(self, *a):
        return self

    # ------------------------------------------------------------------ actions
    def rows(self):
        """Execute and return internal tuples (each action re-executes, as in Spark)."""
        from .executor import execute
        self.session.begin_query()
        return execute(self.plan, self.session)

    def collect(self):
        st = self.schema
        names = [f.name for f in st.fields]
        types = [f.dataType for f in st.fields]
        return [Row.from_fields(names, [to_python(v, t) for v, t in zip(r, types)])
                for r in self.rows()]

    def take(self, n):
        return self.limit(n).collect()

    def head(self, n=None):
        if n is None:
            rs = self.take(1)
            return rs[0] if rs else None
        return self.take(n)

    def first(self):
        return self.head()

    def tail(self, n):
        rs = self.collect()
        return rs[-n:] if n > 0 else []

    def count(self):
        p = self.plan
        if isinstance(p, P.Range):
            return len(range(p.start, p.end, p.step))
        return len(self.rows())

    def isEmpty(self):
        return len(self.limit(1).rows()) == 0

    def show_string(self, n=20, truncate=20, vertical=False):
        st = self.schema
        rows = self.limit(max(int(n), 0) + 1).rows() if n >= 0 else self.rows()
        return _show_string([f.name for f in st.fields], [f.dataType for f in st.fields], rows,
                            n, truncate, vertical)

    def to_json_rows(self):
        st = self.schema
        tz = self.session.conf.get('spark.sql.session.timeZone')
        return [struct_json(r, st, tz) for r in self.rows()]

    toJSON = to_json_rows

    def create_or_replace_temp_view(self, name):
        self.session.catalog.create_temp_view(name, self.plan, replace=True)

    createOrReplaceTempView = create_or_replace_temp_view

    def create_temp_view(self, name):
        self.session.catalog.create_temp_view(name, self.plan, replace=False)

    createTempView = create_temp_view

    def create_global_temp_view(self, name):
        self.session.catalog.create_global_temp_view(name, self.plan, replace=False)

    def create_or_replace_global_temp_view(self, name):
        self.session.catalog.create_global_temp_view(name, self.plan, replace=True)

    createGlobalTempView = create_global_temp_view
    createOrReplaceGlobalTempView = create_or_replace_global_temp_view

    def explain_string(self, extended=False):
        from .explain import explain
        return explain(self.plan, extended)

    def local_iterator(self):
        return iter(self.collect())

    def describe(self, *cols):
        """Dataset.describe: count, mean, stddev, min, max as strings per column."""
        return self.summary('count', 'mean', 'stddev', 'min', 'max', _cols=cols)

    def summary(self, *statistics, **kw):
        from .casts import value_to_string
        from .javafmt import double_to_str
        import math
        cols = kw.get('_cols') or ()
        if len(cols) == 1 and isinstance(cols[0], (list, tuple)):
            cols = cols[0]
        stats = list(statistics) or ['count', 'mean', 'stddev', 'min', '25%', '50%', '75%', 'max']
        out = self.plan.output
        if cols:
            picked = [a for c in cols for a in out if a.name.lower() == c.lower()]
        else:
            picked = [a for a in out if isinstance(a.data_type, (T.NumericType, T.StringType))]
        rows = self.rows()
        idx = [out.index(a) for a in picked]
        result = []
        for st in stats:
            line = [st]
            for a, i in zip(picked, idx):
                vals = [r[i] for r in rows if r[i] is not None]
                numeric = isinstance(a.data_type, T.NumericType)
                v = None
                if st == 'count':
                    v = str(len(vals))
                elif st == 'mean':
                    if numeric and vals:
                        v = double_to_str(float(sum(float(x) for x in vals)) / len(vals))
                elif st == 'stddev':
                    if numeric and len(vals) > 1:
                        m = sum(float(x) for x in vals) / len(vals)
                        v = double_to_str(math.sqrt(sum((float(x) - m) ** 2 for x in vals) / (len(vals) - 1)))
                    elif numeric and len(vals) == 1:
                        v = 'NaN'
                elif st in ('min', 'max'):
                    if vals:
                        from .expressions import comparable_key
                        k = comparable_key(a.data_type)
                        best = min(vals, key=k) if st == 'min' else max(vals, key=k)
                        v = value_to_string(best, a.data_type)
                elif st.endswith('%') and numeric and vals:
                    p = float(st[:-1]) / 100.0
                    xs = sorted(vals)
                    pos = max(0, int(math.ceil(p * len(xs))) - 1)
                    v = value_to_string(xs[pos], a.data_type) if not isinstance(a.data_type, T.DecimalType) else double_to_str(float(xs[pos]))
                    if isinstance(a.data_type, T.IntegralType):
                        v = str(xs[pos])
                line.append(v)
            result.append(tuple(line))
        attrs = [E.AttributeReference('summary', T.StringType(), True)] + [
            E.AttributeReference(a.name, T.StringType(), True) for a in picked]
        return Dataset(self.session, P.LocalRelation(attrs, result))


class GroupedData:
    def __init__(self, ds, groupings):
        self.ds = ds
        self.groupings = groupings
        self.grouping_sets = None

    def _agg_plan(self, exprs):
        items = []
        for g in self.groupings:
            items.append(g if isinstance(g, (E.UnresolvedAttribute, E.AttributeReference, E.Alias)) else E.UnresolvedAlias(g))
        items.extend(exprs)
        agg = P.Aggregate(list(self.groupings), items, self.ds.plan)
        agg.grouping_sets = self.grouping_sets
        return self.ds._with(agg, 'agg')

    def agg(self, *exprs):
        if len(exprs) == 1 and isinstance(exprs[0], dict):
            items = []
            for name, fn in exprs[0].items():
                fname = {'mean': 'avg'}.get(fn, fn)
                if name == '*' and fname == 'count':
                    call = E.UnresolvedFunction('count', [E.Literal(1, T.IntegerType())])
                else:
                    call = E.UnresolvedFunction(fname, [col_expr(name)])
                items.append(E.UnresolvedAlias(call))
            return self._agg_plan(items)
        items = []
        for c in exprs:
            if not isinstance(c, Column):
                raise TypeError('all exprs should be Column')
            items.append(_named(c))
        return self._agg_plan(items)

    def count(self):
        return self._agg_plan([E.Alias(E.UnresolvedFunction('count', [E.Literal(1, T.IntegerType())]), 'count')])

    def pivot(self, pivot_col, values=None):
        """GroupedData.pivot: one output column per pivot value (sorted distinct values if none given)."""
        pe = col_expr(pivot_col) if isinstance(pivot_col, str) else _expr_of(pivot_col)
        if values is None:
            probe = self.ds._with(P.Project([_named(Column(pe))], self.ds.plan))
            from .expressions import comparable_key
            vals = sorted(set(r[0] for r in probe.rows() if r[0] is not None),
                          key=comparable_key(probe.plan.output[0].data_type))
            values = vals
        return PivotedData(self, pe, list(values))

    def _numeric(self, fn, names):
        if not names:
            out = self.ds.plan.output
            gids = set()
            names = [a.name for a in out if isinstance(a.data_type, T.NumericType)]
        items = [E.UnresolvedAlias(E.UnresolvedFunction(fn, [col_expr(n)])) for n in names]
        return self._agg_plan(items)

    def sum(self, *names):
        return self._numeric('sum', names)

    def avg(self, *names):
        return self._numeric('avg', names)

    mean = avg

    def min(self, *names):
        return self._numeric('min', names)

    def max(self, *names):
        return self._numeric('max', names)


class PivotedData:
    """groupBy(...).pivot(col, values): agg() builds FILTERed aggregates per value, like Spark."""

    def __init__(self, grouped, pivot_expr, values):
        self.grouped = grouped
        self.pivot_expr = pivot_expr
        self.values = values

    def agg(self, *exprs):
        if len(exprs) == 1 and isinstance(exprs[0], dict):
            exprs = [Column(E.UnresolvedFunction({'mean': 'avg'}.get(f, f), [col_expr(n)]))
                     for n, f in exprs[0].items()]
        items = []
        for v in self.values:
            for c in exprs:
                e = c.expr
                name = None
                if isinstance(e, E.Alias):
                    name, e = e.name, e.child
                if not isinstance(e, E.UnresolvedFunction):
                    raise TypeError('pivot aggregates must be aggregate function calls')
                import copy
                f = copy.copy(e)
                f.filter = E.BinaryComparison('<=>', self.pivot_expr, literal_expr(v))
                vs = 'null' if v is None else (str(v).lower() if isinstance(v, bool) else str(v))
                if len(exprs) == 1:
                    col_name = vs
                else:
                    col_name = '%s_%s' % (vs, name or e.sql())
                items.append(E.Alias(f, col_name))
        return self.grouped._agg_plan(items)

    def _simple(self, fn, names):
        return self.agg(*[Column(E.UnresolvedFunction(fn, [col_expr(n)])) for n in names])

    def count(self):
        return self.agg(Column(E.UnresolvedFunction('count', [E.Literal(1, T.IntegerType())])))

    def sum(self, *names):
        return self._simple('sum', names)

    def avg(self, *names):
        return self._simple('avg', names)

    mean = avg

    def min(self, *names):
        return self._simple('min', names)

    def max(self, *names):
        return self._simple('max', names)

"""Where rows would live in Spark's map tasks, and the order a shuffle hands them back.

Spark 3.5 with AQE on small data: the input is split into map partitions (range/parallelize
slicing by the default parallelism), each map task pre-aggregates its rows, the shuffle hashes
keys into ``spark.sql.shuffle.partitions`` buckets (Murmur3, pmod), AQE coalesces everything into
one reader that fetches map 0's buckets in bucket order, then map 1's, ... So a hash-aggregated
result lists keys by (first map task holding the key, bucket, first appearance in that task).
Operators that need sorted input (SortAggregate, Window) instead come out sorted by their keys.

``execute_tagged`` returns the rows of a plan with each row's map-task index, following narrow
operators (Project, Filter, aliases, views, Union) down to the leaves; anything that already
went through a shuffle counts as a single partition.
"""

from . import plans as P
from . import types as T
from .murmur3 import partition_of


def default_parallelism(session):
    dp = getattr(session, 'default_parallelism', None)
    return dp if dp else 2


def shuffle_partitions(session):
    try:
        return max(1, int(session.conf.get('spark.sql.shuffle.partitions')))
    except Exception:
        return 200


def slice_tags(n, slices):
    """ParallelCollectionRDD / Range slicing: partition i holds [i*n/slices, (i+1)*n/slices)."""
    tags = [0] * n
    if slices <= 1 or n == 0:
        return tags
    for p in range(slices):
        start = p * n // slices
        end = (p + 1) * n // slices
        for i in range(start, end):
            tags[i] = p
    return tags


def execute_tagged(plan, session):
    from .executor import execute, CompileContext
    if isinstance(plan, P.Range):
        rows = execute(plan, session)
        return rows, slice_tags(len(rows), plan.splits or default_parallelism(session))
    if isinstance(plan, P.LocalRelation):
        source = getattr(plan, 'source', None)
        rows = list(source.rows if source is not None else plan.rows)
        if plan.label == 'LogicalRDD':
            m = default_parallelism(session)
        elif plan.label == 'LocalRelation':
            m = min(max(len(rows), 1), default_parallelism(session))
        else:
            m = 1
        return rows, slice_tags(len(rows), m)
    if isinstance(plan, (P.SubqueryAlias, P.View)):
        return execute_tagged(plan.children[0], session)
    if isinstance(plan, P.Project):
        from .executor import project_rows
        rows, tags = execute_tagged(plan.child, session)
        return project_rows(plan, rows, tags, session), tags
    if isinstance(plan, P.Sample):
        from .executor import execute as run
        # sampling keeps each surviving row in its partition
        rows, tags = execute_tagged(plan.children[0], session)
        kept = run(plan, session)
        return kept, _retag(rows, tags, kept)
    if isinstance(plan, P.Filter) and not isinstance(plan.child, P.Join):
        rows, tags = execute_tagged(plan.child, session)
        f = CompileContext(session, plan.child.output)
        cond = plan.condition.compile(f)
        keep = [i for i, r in enumerate(rows) if cond(r) is True]
        return [rows[i] for i in keep], [tags[i] for i in keep]
    if isinstance(plan, P.Union):
        out, tags, offset = [], [], 0
        for c in plan.children:
            rows, t = execute_tagged(c, session)
            out.extend(rows)
            tags.extend(x + offset for x in t)
            offset += (max(t) + 1) if t else 1
        return out, tags
    rows = execute(plan, session)
    return rows, [0] * len(rows)


def shuffle_order(keys, types, tags, session):
    """Indexes of ``keys`` (one per distinct group, in first-seen order, with the map tag of
    that first appearance in ``tags``... see module doc) in hash-shuffle output order."""
    n = shuffle_partitions(session)
    decorated = []
    for i, k in enumerate(keys):
        decorated.append((tags[i], partition_of(k, types, n), i))
    decorated.sort()
    return [d[2] for d in decorated]


_SORT_AGG_TYPES = (T.StringType, T.BinaryType, T.ArrayType, T.MapType, T.StructType)
_BUFFER_IS_INPUT = ('min', 'max', 'first', 'last', 'first_value', 'last_value', 'any_value',
                    'max_by', 'min_by')


def needs_sort_aggregate(calls):
    """HashAggregate needs fixed-width mutable buffers; min/max/first... over strings or nested
    values make Spark fall back to SortAggregate (input sorted by the grouping keys)."""
    for c in calls:
        if c.name in _BUFFER_IS_INPUT and isinstance(c.data_type, _SORT_AGG_TYPES):
            return True
    return False


BROADCAST_THRESHOLD = 10 * 1024 * 1024


def _width(attrs):
    return 8 + sum(default_size(a.data_type) for a in attrs)


def default_size(dt):
    """DataType.defaultSize as Spark's statistics use it."""
    if isinstance(dt, (T.BooleanType, T.ByteType, T.NullType)):
        return 1
    if isinstance(dt, T.ShortType):
        return 2
    if isinstance(dt, (T.IntegerType, T.DateType, T.FloatType, T.YearMonthIntervalType)):
        return 4
    if isinstance(dt, T.DecimalType):
        return 8 if dt.precision <= 18 else 16
    if isinstance(dt, (T.StringType, T.BinaryType)):
        return 20
    if isinstance(dt, T.ArrayType):
        return default_size(dt.elementType)
    if isinstance(dt, T.MapType):
        return default_size(dt.keyType) + default_size(dt.valueType)
    if isinstance(dt, T.StructType):
        return sum(default_size(f.dataType) for f in dt.fields)
    return 8


def static_size(plan):
    """Spark's plan statistics (sizeInBytes) without CBO; None when unknown (LogicalRDD, tables)."""
    if isinstance(plan, P.Range):
        return 8 * max(len(range(plan.start, plan.end, plan.step)), 0)
    if isinstance(plan, P.OneRowRelation):
        return 1
    if isinstance(plan, P.LocalRelation):
        if plan.label != 'LocalRelation':
            return None
        return _width(plan.attrs) * len(plan.rows)
    if isinstance(plan, (P.SubqueryAlias, P.View, P.Filter, P.Sort, P.Distinct, P.Deduplicate)):
        return static_size(plan.children[0])
    if isinstance(plan, P.Project):
        c = static_size(plan.child)
        if c is None:
            return None
        return c * _width(plan.output) // max(_width(plan.child.output), 1)
    if isinstance(plan, P.Union):
        sizes = [static_size(c) for c in plan.children]
        return None if any(s is None for s in sizes) else sum(sizes)
    return None


def runtime_size(rows):
    """Shuffled bytes of UnsafeRows: null bitset + 8 bytes per field + variable-length data."""
    total = 0
    for r in rows:
        total += 8 + 8 * len(r)
        for v in r:
            if isinstance(v, str):
                total += (len(v.encode('utf-8')) + 7) // 8 * 8
    return total


def _retag(rows, tags, kept):
    """Tags of ``kept`` (an order-preserving subsequence of ``rows``)."""
    out = []
    j = 0
    for r in kept:
        while j < len(rows) and rows[j] is not r:
            j += 1
        out.append(tags[j] if j < len(rows) else 0)
    return out

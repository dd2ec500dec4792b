"""pyspark.rdd.RDD, evaluated in-process on Python lists (one list per partition).

Partitioning follows Spark's (``parallelize`` slices like ``ParallelCollectionRDD``), so
``glom()``, ``getNumPartitions()``, ``take`` and ``reduce`` order match a local[*] Spark.

Errors raised by user functions (the lambdas given to map/filter/reduce...) fail the job as in
Spark: the action raises ``py4j.protocol.Py4JJavaError`` ("An error occurred while calling
z:org.apache.spark.api.python.PythonRDD.collectAndServe. ... Job aborted due to stage failure ...
org.apache.spark.api.python.PythonException: Traceback ...") whose text embeds the Python worker's
traceback (worker frames of pyspark 3.5.9, then the user's frames, then the error). The JVM
frames in that text are a representative shortened stack, not byte-exact.
"""

import functools
import traceback as _traceback
import os as _os

from pyspark._jvm import frames as _frames, next_object_id
from pyspark._frames import FRAMES
from pyspark._pyhash import portable_hash

__all__ = ['RDD']

_PKG_DIR = _os.path.dirname(_os.path.abspath(__file__))


class _UserFunctionError(Exception):
    """Internal: a user function raised ``exc`` while computing partition ``split``."""

    def __init__(self, exc, split):
        Exception.__init__(self, exc)
        self.exc = exc
        self.split = split


def _slice(seq, num_slices):
    """Spark's ParallelCollectionRDD.slice positions."""
    n = len(seq)
    out = []
    for i in range(num_slices):
        start = (i * n) // num_slices
        end = ((i + 1) * n) // num_slices
        out.append(list(seq[start:end]))
    return out


class RDD:
    def __init__(self, ctx, part_fn, num_partitions, kind='PythonRDD', parent=None):
        self.ctx = ctx
        self._part_fn = part_fn  # split index -> list (the partition's records)
        self._num_partitions = num_partitions
        self._kind = kind
        self._parent = parent
        self._id = ctx._new_rdd_id()
        self._cached = {}
        self.is_cached = False
        self._name = None
        self.partitioner = None

    # --- construction helpers ---------------------------------------------------------------
    @classmethod
    def _from_partitions(cls, ctx, parts, kind='ParallelCollectionRDD'):
        parts = [list(p) for p in parts]
        return cls(ctx, lambda i: list(parts[i]), len(parts), kind)

    @classmethod
    def _from_source(cls, ctx, rows_fn, kind='MapPartitionsRDD', num_partitions=None):
        """Partitions sliced from ``rows_fn()`` (evaluated once per action)."""
        n = num_partitions if num_partitions is not None else ctx.defaultParallelism
        memo = {}

        def part(i):
            if i == 0 or 'rows' not in memo:
                memo['rows'] = _slice(list(rows_fn()), n)
            return list(memo['rows'][i])
        return cls(ctx, part, n, kind)

    def _partition(self, i):
        if i in self._cached:
            return self._cached[i]
        p = self._part_fn(i)
        if self.is_cached:
            self._cached[i] = p
        return p

    def _partitions(self):
        return [self._partition(i) for i in range(self._num_partitions)]

    def _derive(self, part_fn, num_partitions=None):
        """A narrow transformation: ``part_fn(split_index, partition_list) -> iterable``."""
        parent = self

        def part(i):
            src = parent._partition(i)
            try:
                return list(part_fn(i, src))
            except _UserFunctionError:
                raise
            except Exception as e:  # a user function failed in this task
                raise _UserFunctionError(e, i) from None
        return RDD(self.ctx, part,
                   self._num_partitions if num_partitions is None else num_partitions,
                   'PythonRDD', parent=self)

    def _wide(self, n, compute_all):
        """A shuffle: ``compute_all() -> list of n partitions`` (recomputed per action)."""
        memo = {}

        def part(i):
            if i == 0 or 'parts' not in memo:
                try:
                    memo['parts'] = compute_all()
                except _UserFunctionError:
                    raise
                except Exception as e:
                    raise _UserFunctionError(e, i) from None
            return list(memo['parts'][i])
        return RDD(self.ctx, part, n, 'PythonRDD', parent=self)

    # --- identity / repr ----------------------------------------------------------------------
    def id(self):
        return self._id

    def __repr__(self):
        if self._kind == 'ParallelCollectionRDD':
            return 'ParallelCollectionRDD[%d] at readRDDFromFile at PythonRDD.scala:289' % self._id
        if self._kind == 'javaToPython':
            return 'MapPartitionsRDD[%d] at javaToPython at NativeMethodAccessorImpl.java:0' % self._id
        if self._kind == 'toJavaRDD':
            return 'MapPartitionsRDD[%d] at toJavaRDD at NativeMethodAccessorImpl.java:0' % self._id
        return 'PythonRDD[%d] at RDD at PythonRDD.scala:53' % self._id

    @property
    def context(self):
        return self.ctx

    def name(self):
        return self._name

    def setName(self, name):
        self._name = name
        return self

    def getNumPartitions(self):
        return self._num_partitions

    def cache(self):
        self.is_cached = True
        return self

    def persist(self, storageLevel=None):
        self.is_cached = True
        return self

    def unpersist(self, blocking=False):
        self.is_cached = False
        self._cached = None
        return self

    def checkpoint(self):
        pass

    def isCheckpointed(self):
        return False

    def getStorageLevel(self):
        from pyspark.storagelevel import StorageLevel
        return StorageLevel.MEMORY_ONLY if self.is_cached else StorageLevel.NONE

    # --- running jobs -------------------------------------------------------------------------
    def _run(self, site, jvm_target='z:org.apache.spark.api.python.PythonRDD',
             jvm_name='collectAndServe', splits=None):
        """Compute partitions (all, or ``splits``) as one job; a user-function failure fails
        the job with Spark's error."""
        splits = list(range(self._num_partitions)) if splits is None else list(splits)
        self.ctx._job_counters(len(splits))
        try:
            return [self._partition(i) for i in splits]
        except _UserFunctionError as e:
            raise self.ctx._job_failure(e.exc, e.split, site, jvm_target, jvm_name) from None

    # --- transformations --------------------------------------------------------------------
    def map(self, f, preservesPartitioning=False):
        return self._derive(lambda i, it: [f(x) for x in it])

    def flatMap(self, f, preservesPartitioning=False):
        def run(i, it):
            out = []
            for x in it:
                out.extend(f(x))
            return out
        return self._derive(run)

    def filter(self, f):
        return self._derive(lambda i, it: [x for x in it if f(x)])

    def mapPartitions(self, f, preservesPartitioning=False):
        return self._derive(lambda i, it: f(iter(it)))

    def mapPartitionsWithIndex(self, f, preservesPartitioning=False):
        return self._derive(lambda i, it: f(i, iter(it)))

    mapPartitionsWithSplit = mapPartitionsWithIndex

    def glom(self):
        return self._derive(lambda i, it: [list(it)])

    def keyBy(self, f):
        return self.map(lambda x: (f(x), x))

    def keys(self):
        return self.map(lambda kv: kv[0])

    def values(self):
        return self.map(lambda kv: kv[1])

    def mapValues(self, f):
        return self.map(lambda kv: (kv[0], f(kv[1])))

    def flatMapValues(self, f):
        return self.flatMap(lambda kv: [(kv[0], v) for v in f(kv[1])])

    def _shuffle(self, num_partitions, key_fn):
        """Hash-partition records by ``key_fn`` (Spark's HashPartitioner order within buckets)."""
        parent = self
        n = num_partitions or self._default_reduce_partitions()

        def compute():
            buckets = [[] for _ in range(n)]
            for p in parent._partitions():
                for x in p:
                    buckets[portable_hash(key_fn(x)) % n].append(x)
            return buckets
        return self._wide(n, compute)

    def _default_reduce_partitions(self):
        if self.ctx._conf.contains('spark.default.parallelism'):
            return self.ctx.defaultParallelism
        return self._num_partitions or 1

    def partitionBy(self, numPartitions, partitionFunc=None):
        if partitionFunc is None:
            return self._shuffle(numPartitions, lambda kv: kv[0])
        parent = self

        def compute():
            buckets = [[] for _ in range(numPartitions)]
            for p in parent._partitions():
                for kv in p:
                    buckets[partitionFunc(kv[0]) % numPartitions].append(kv)
            return buckets
        return self._wide(numPartitions, compute)

    def combineByKey(self, createCombiner, mergeValue, mergeCombiners, numPartitions=None,
                     partitionFunc=None):
        def combine_local(i, it):
            acc = {}
            order = []
            for k, v in it:
                if k in acc:
                    acc[k] = mergeValue(acc[k], v)
                else:
                    acc[k] = createCombiner(v)
                    order.append(k)
            return [(k, acc[k]) for k in order]
        local = self._derive(combine_local)
        shuffled = local._shuffle(numPartitions, lambda kv: kv[0])

        def merge(i, it):
            acc = {}
            order = []
            for k, c in it:
                if k in acc:
                    acc[k] = mergeCombiners(acc[k], c)
                else:
                    acc[k] = c
                    order.append(k)
            return [(k, acc[k]) for k in order]
        return shuffled._derive(merge)

    def reduceByKey(self, func, numPartitions=None, partitionFunc=None):
        return self.combineByKey(lambda x: x, func, func, numPartitions)

    def foldByKey(self, zeroValue, func, numPartitions=None, partitionFunc=None):
        import copy
        return self.combineByKey(lambda v: func(copy.deepcopy(zeroValue), v), func, func,
                                 numPartitions)

    def aggregateByKey(self, zeroValue, seqFunc, combFunc, numPartitions=None,
                       partitionFunc=None):
        import copy
        return self.combineByKey(lambda v: seqFunc(copy.deepcopy(zeroValue), v), seqFunc,
                                 combFunc, numPartitions)

    def groupByKey(self, numPartitions=None, partitionFunc=None):
        from pyspark.resultiterable import ResultIterable
        grouped = self.combineByKey(lambda v: [v], lambda c, v: c + [v], lambda a, b: a + b,
                                    numPartitions)
        return grouped.mapValues(ResultIterable)

    def groupBy(self, f, numPartitions=None, partitionFunc=None):
        return self.map(lambda x: (f(x), x)).groupByKey(numPartitions)

    def countByKey(self):
        return self.map(lambda x: x[0])._count_by_value(('rdd.countByKey',))

    def countByValue(self):
        return self._count_by_value(())

    def _count_by_value(self, outer):
        from collections import defaultdict
        counts = defaultdict(int)
        for x in self._collect(tuple(outer) + ('rdd.countByValue', 'rdd.reduce')):
            counts[x] += 1
        return counts

    def distinct(self, numPartitions=None):
        return (self.map(lambda x: (x, None))
                .reduceByKey(lambda x, _: x, numPartitions)
                .map(lambda x: x[0]))

    def union(self, other):
        a, b = self, other
        na = self._num_partitions

        def part(i):
            return a._partition(i) if i < na else b._partition(i - na)
        return RDD(self.ctx, part, na + other._num_partitions, 'UnionRDD')

    def __add__(self, other):
        return self.union(other)

    def intersection(self, other):
        return (self.map(lambda v: (v, None))
                .cogroup(other.map(lambda v: (v, None)))
                .filter(lambda k_vs: all(k_vs[1]))
                .keys())

    def subtract(self, other, numPartitions=None):
        other_set = other.map(lambda x: (x, True))
        return (self.map(lambda x: (x, True)).subtractByKey(other_set, numPartitions)
                .keys())

    def subtractByKey(self, other, numPartitions=None):
        other_keys = set(k for k, _ in other.collect())
        return self.filter(lambda kv: kv[0] not in other_keys)

    def cogroup(self, other, numPartitions=None):
        from pyspark.resultiterable import ResultIterable
        tagged = self.mapValues(lambda v: (0, v)).union(other.mapValues(lambda v: (1, v)))
        grouped = tagged.groupByKey(numPartitions or max(self._num_partitions,
                                                         other._num_partitions))

        def split(vs):
            a, b = [], []
            for tag, v in vs:
                (a if tag == 0 else b).append(v)
            return (ResultIterable(a), ResultIterable(b))
        return grouped.mapValues(split)

    def join(self, other, numPartitions=None):
        return self.cogroup(other, numPartitions).flatMapValues(
            lambda ab: [(a, b) for a in ab[0] for b in ab[1]])

    def leftOuterJoin(self, other, numPartitions=None):
        return self.cogroup(other, numPartitions).flatMapValues(
            lambda ab: [(a, b) for a in ab[0] for b in (list(ab[1]) or [None])])

    def rightOuterJoin(self, other, numPartitions=None):
        return self.cogroup(other, numPartitions).flatMapValues(
            lambda ab: [(a, b) for b in ab[1] for a in (list(ab[0]) or [None])])

    def fullOuterJoin(self, other, numPartitions=None):
        return self.cogroup(other, numPartitions).flatMapValues(
            lambda ab: [(a, b) for a in (list(ab[0]) or [None]) for b in (list(ab[1]) or [None])])

    def cartesian(self, other):
        a, b = self, other

        nb = other._num_partitions

        def part(i):
            pa, pb = a._partition(i // nb), b._partition(i % nb)
            return [(x, y) for x in pa for y in pb]
        return RDD(self.ctx, part, self._num_partitions * nb, 'CartesianRDD')

    def zip(self, other):
        a, b = self, other

        if self._num_partitions != other._num_partitions:
            raise ValueError("Can only zip with RDD which has the same number of partitions")

        def part(i):
            x, y = a._partition(i), b._partition(i)
            if len(x) != len(y):
                raise ValueError('Can only zip RDDs with same number of elements in each '
                                 'partition')
            return list(zip(x, y))
        return RDD(self.ctx, part, self._num_partitions, 'ZippedPartitionsRDD2')

    def zipWithIndex(self):
        parent = self

        def compute():
            parts = parent._partitions()
            out, idx = [], 0
            for p in parts:
                out.append([(x, idx + j) for j, x in enumerate(p)])
                idx += len(p)
            return out
        return self._wide(self._num_partitions, compute)

    def zipWithUniqueId(self):
        n = self._num_partitions
        return self._derive(lambda k, it: [(x, i * n + k) for i, x in enumerate(it)])

    def sortBy(self, keyfunc, ascending=True, numPartitions=None):
        return self.keyBy(keyfunc).sortByKey(ascending, numPartitions).values()

    def sortByKey(self, ascending=True, numPartitions=None, keyfunc=lambda x: x):
        parent = self
        n = numPartitions or self._num_partitions

        def compute():
            items = [x for p in parent._partitions() for x in p]
            items.sort(key=lambda kv: keyfunc(kv[0]), reverse=not ascending)
            return _slice(items, n) if items else [[] for _ in range(n)]
        return self._wide(n, compute)

    def repartition(self, numPartitions):
        return self.coalesce(numPartitions, shuffle=True)

    def coalesce(self, numPartitions, shuffle=False):
        parent = self

        def compute():
            items = [x for p in parent._partitions() for x in p]
            return _slice(items, numPartitions)
        return self._wide(numPartitions, compute)

    def sample(self, withReplacement, fraction, seed=None):
        import random
        rnd = random.Random(seed if seed is not None else self.ctx._next_seed())

        def pick(i, it):
            out = []
            for x in it:
                if withReplacement:
                    k = 0
                    # Poisson(fraction) draws
                    import math
                    limit, p = math.exp(-fraction), 1.0
                    while True:
                        p *= rnd.random()
                        if p <= limit:
                            break
                        k += 1
                    out.extend([x] * k)
                elif rnd.random() < fraction:
                    out.append(x)
            return out
        return self._derive(pick)

    def randomSplit(self, weights, seed=None):
        import random
        s = float(sum(weights))
        bounds = [0.0]
        for w in weights:
            bounds.append(bounds[-1] + w / s)
        seed = seed if seed is not None else self.ctx._next_seed()
        out = []
        for lb, ub in zip(bounds, bounds[1:]):
            def pick(i, it, lb=lb, ub=ub):
                rnd = random.Random(seed + i)
                return [x for x in it if lb <= rnd.random() < ub]
            out.append(self._derive(pick))
        return out

    def treeReduce(self, f, depth=2):
        return self.reduce(f)

    def treeAggregate(self, zeroValue, seqOp, combOp, depth=2):
        return self.aggregate(zeroValue, seqOp, combOp)

    def reduceByKeyLocally(self, func):
        out = {}
        for k, v in self.collect():
            out[k] = func(out[k], v) if k in out else v
        return out

    def groupWith(self, other, *others):
        if others:
            raise NotImplementedError('groupWith of more than two RDDs is not supported')
        return self.cogroup(other)

    def repartitionAndSortWithinPartitions(self, numPartitions=None, partitionFunc=None,
                                           ascending=True, keyfunc=lambda x: x):
        parted = self.partitionBy(numPartitions or self._num_partitions, partitionFunc)
        return parted._derive(lambda i, it: sorted(it, key=lambda kv: keyfunc(kv[0]),
                                                   reverse=not ascending))

    def histogram(self, buckets):
        items = [x for x in self.collect() if x is not None]
        if isinstance(buckets, int):
            if buckets < 1:
                raise ValueError('number of buckets must be >= 1')
            if not items:
                raise ValueError('can not generate buckets from empty RDD')
            lo, hi = min(items), max(items)
            if lo == hi:
                edges = [lo, hi]
                buckets = 1
            else:
                inc = (hi - lo) / buckets
                edges = [lo + i * inc for i in range(buckets)] + [hi]
        else:
            edges = list(buckets)
            if len(edges) < 2:
                raise ValueError('buckets should have more than one value')
        counts = [0] * (len(edges) - 1)
        for x in items:
            if x < edges[0] or x > edges[-1]:
                continue
            if x == edges[-1]:
                counts[-1] += 1
                continue
            for i in range(len(edges) - 1):
                if edges[i] <= x < edges[i + 1]:
                    counts[i] += 1
                    break
        return edges, counts

    def countApprox(self, timeout, confidence=0.95):
        return self.count()

    def localCheckpoint(self):
        pass

    def isLocallyCheckpointed(self):
        return False

    def getCheckpointFile(self):
        return None

    def pipe(self, command, env=None, checkCode=False):
        raise NotImplementedError('pipe is not supported (no subprocesses)')

    # --- actions ----------------------------------------------------------------------------
    def collect(self):
        return self._collect(())

    def _collect(self, outer):
        parts = self._run(tuple(outer) + ('rdd.collect',))
        return [x for p in parts for x in p]

    def _reduce_parts(self, f, site):
        parts = self._run(site)
        vals = []
        for i, p in enumerate(parts):
            if p:
                try:
                    vals.append(functools.reduce(f, p))
                except Exception as e:
                    raise self.ctx._job_failure(e, i, site) from None
        return vals

    def reduce(self, f):
        return self._reduce(f, ())

    def _reduce(self, f, outer):
        vals = self._reduce_parts(f, tuple(outer) + ('rdd.reduce', 'rdd.collect'))
        if vals:
            return functools.reduce(f, vals)
        raise ValueError('Can not reduce() empty RDD')

    def fold(self, zeroValue, op):
        import copy
        parts = self._run(('rdd.fold', 'rdd.collect'))
        vals = []
        for i, p in enumerate(parts):
            acc = copy.deepcopy(zeroValue)
            try:
                for x in p:
                    acc = op(acc, x)
            except Exception as e:
                raise self.ctx._job_failure(e, i, ('rdd.fold', 'rdd.collect')) from None
            vals.append(acc)
        acc = zeroValue
        for v in vals:
            acc = op(acc, v)
        return acc

    def aggregate(self, zeroValue, seqOp, combOp):
        import copy
        parts = self._run(('rdd.aggregate', 'rdd.collect'))
        vals = []
        for i, p in enumerate(parts):
            acc = copy.deepcopy(zeroValue)
            try:
                for x in p:
                    acc = seqOp(acc, x)
            except Exception as e:
                raise self.ctx._job_failure(e, i, ('rdd.aggregate', 'rdd.collect')) from None
            vals.append(acc)
        acc = zeroValue
        for v in vals:
            acc = combOp(acc, v)
        return acc

    def sum(self):
        site = ('rdd.sum', 'rdd.fold', 'rdd.collect')
        parts = self._run(site)
        total = 0
        for i, p in enumerate(parts):
            try:
                s = 0
                for x in p:
                    s = s + x
            except Exception as e:
                raise self.ctx._job_failure(e, i, site) from None
            total = total + s
        return total

    def count(self):
        return self._count(())

    def _count(self, outer):
        parts = self._run(tuple(outer) + ('rdd.count', 'rdd.sum', 'rdd.fold', 'rdd.collect'))
        return sum(len(p) for p in parts)

    def max(self, key=None):
        if key is None:
            return self._reduce(max, ('rdd.max',))
        return self._reduce(lambda a, b: max(a, b, key=key), ('rdd.max_key',))

    def min(self, key=None):
        if key is None:
            return self._reduce(min, ('rdd.min',))
        return self._reduce(lambda a, b: min(a, b, key=key), ('rdd.min_key',))

    def stats(self):
        return self._stats(())

    def _stats(self, outer):
        from pyspark.statcounter import StatCounter
        site = tuple(outer) + ('rdd.stats', 'rdd.reduce', 'rdd.collect')
        parts = self._run(site)
        acc = StatCounter()
        for i, p in enumerate(parts):
            try:
                for x in p:
                    acc.merge(x)
            except Exception as e:
                raise self.ctx._job_failure(e, i, site) from None
        return acc

    def mean(self):
        return self._stats(('rdd.mean',)).mean()

    def variance(self):
        return self.stats().variance()

    def stdev(self):
        return self.stats().stdev()

    def sampleStdev(self):
        return self.stats().sampleStdev()

    def sampleVariance(self):
        return self.stats().sampleVariance()

    def take(self, num):
        return self._take(num, ())

    def _take(self, num, outer):
        """Spark's take: scan partitions incrementally (1, then up to 4x more per round)."""
        if num <= 0:
            return []
        items = []
        total = self._num_partitions
        scanned = 0
        while len(items) < num and scanned < total:
            to_try = 1
            if scanned > 0:
                if len(items) == 0:
                    to_try = scanned * 4
                else:
                    to_try = int(1.5 * num * scanned / len(items)) - scanned
                    to_try = min(max(to_try, 1), scanned * 4)
            splits = range(scanned, min(scanned + to_try, total))
            parts = self._run(tuple(outer) + ('rdd.take', 'context.runJob'), jvm_name='runJob',
                              splits=splits)
            for p in parts:
                items.extend(p[:num - len(items)])
            scanned += to_try
        return items[:num]

    def first(self):
        rs = self._take(1, ('rdd.first',))
        if rs:
            return rs[0]
        raise ValueError('RDD is empty')

    def isEmpty(self):
        return self._num_partitions == 0 or len(self._take(1, ('rdd.isEmpty',))) == 0

    def top(self, num, key=None):
        items = self._collect(('rdd.top', 'rdd.reduce'))
        return sorted(items, key=key, reverse=True)[:num]

    def takeOrdered(self, num, key=None):
        items = self._collect(('rdd.takeOrdered', 'rdd.reduce'))
        return sorted(items, key=key)[:num]

    def takeSample(self, withReplacement, num, seed=None):
        import random
        items = self.collect()
        rnd = random.Random(seed if seed is not None else self.ctx._next_seed())
        if withReplacement:
            return [rnd.choice(items) for _ in range(num)] if items else []
        rnd.shuffle(items)
        return items[:num]

    def collectAsMap(self):
        return dict(self._collect(('rdd.collectAsMap',)))

    def lookup(self, key):
        return [v for k, v in self.collect() if k == key]

    def foreach(self, f):
        def run(i, it):
            for x in it:
                f(x)
            return []
        self._derive(run)._count(('rdd.foreach',))

    def foreachPartition(self, f):
        def run(i, it):
            f(iter(it))
            return []
        self._derive(run)._count(('rdd.foreachPartition',))

    def toLocalIterator(self, prefetchPartitions=False):
        return iter(self.collect())

    def toDF(self, schema=None, sampleRatio=None):
        from pyspark.sql.session import SparkSession
        spark = SparkSession._getActiveSessionFor(self.ctx)
        return spark.createDataFrame(self, schema, sampleRatio)

    def toDebugString(self):
        return ('(%d) %r []' % (self._num_partitions, self)).encode('utf-8')

    def saveAsTextFile(self, path, compressionCodecClass=None):
        raise NotImplementedError('saveAsTextFile is not supported (no file system)')

    def saveAsPickleFile(self, path, batchSize=10):
        raise NotImplementedError('saveAsPickleFile is not supported (no file system)')


def _worker_traceback(exc):
    """The Python worker's traceback text for a user-function error (see module doc)."""
    lines = ['Traceback (most recent call last):\n']
    for k in ('worker.main', 'worker.process', 'serializers.dump_stream', 'util.wrapper'):
        lines.append(''.join(FRAMES[k]))
    tb = exc.__traceback__
    summaries = []
    for fs in _traceback.extract_tb(tb):
        fn = _os.path.abspath(fs.filename) if not fs.filename.startswith('<') else fs.filename
        if fn.startswith(_PKG_DIR + _os.sep) or fn == _PKG_DIR:
            continue
        if '/spark_engine/' in fn or '/livy_repl/' in fn:
            continue
        summaries.append(fs)
    for fs in summaries:
        if fs.filename.startswith('<'):
            lines.append('  File "%s", line %d, in %s\n' % (fs.filename, fs.lineno, fs.name))
        else:
            lines.append(''.join(_traceback.StackSummary.from_list([fs]).format()))
    lines.extend(_traceback.format_exception_only(type(exc), exc))
    return ''.join(lines)

"""pyspark.sql.dataframe.DataFrame over the engine's Dataset (``_jdf``)."""

from pyspark.errors import PySparkTypeError, PySparkValueError
from pyspark.sql.column import Column, _to_java_column
from pyspark._jvm import jcall, with_frames, jmethod

__all__ = ['DataFrame', 'DataFrameNaFunctions', 'DataFrameStatFunctions']


_JCOLS_TAIL = ('df._jcols', 'df._jseq', 'column._to_seq', 'column._to_seq_listcomp',
               'column._to_java_column_raise')


def _jcols_of(cols, arg_name='col', site=None):
    """pyspark's ``_jcols``: one list argument is unpacked; str stay names, Columns unwrap.
    ``site``: the calling method's frame key (for the frames of a wrong-type error)."""
    if len(cols) == 1 and isinstance(cols[0], list):
        cols = cols[0]
    out = []
    for c in cols:
        if isinstance(c, Column):
            out.append(c._jc)
        elif isinstance(c, str):
            out.append(c)
        else:
            exc = PySparkTypeError(error_class='NOT_COLUMN_OR_STR',
                                   message_parameters={'arg_name': arg_name,
                                                       'arg_type': type(c).__name__})
            if site is not None:
                with_frames(exc, (site,) + _JCOLS_TAIL)
            raise exc
    return out


class DataFrame:
    def __init__(self, jdf, sql_ctx):
        from pyspark.sql.session import SparkSession
        self._jdf = jdf
        if isinstance(sql_ctx, SparkSession):
            self._session = sql_ctx
        else:
            self._session = sql_ctx.sparkSession
        self._sc = self._session._sc
        self.is_cached = False
        self._schema = None
        self._lazy_rdd = None
        self._support_repr_html = False

    # --- properties -----------------------------------------------------------------------
    @property
    def sparkSession(self):
        return self._session

    @property
    def sql_ctx(self):
        from pyspark.sql.context import SQLContext
        return SQLContext._get_or_create(self._sc, self._session)

    @property
    def schema(self):
        if self._schema is None:
            self._schema = self._jdf.schema
        return self._schema

    @property
    def dtypes(self):
        return [(str(f.name), f.dataType.simpleString()) for f in self.schema.fields]

    @property
    def columns(self):
        return [f.name for f in self.schema.fields]

    @property
    def isStreaming(self):
        return False

    def isLocal(self):
        return False

    @property
    def rdd(self):
        if self._lazy_rdd is None:
            from pyspark.rdd import RDD
            df = self
            self._lazy_rdd = RDD._from_source(self._sc, lambda: df._collect_rows(()),
                                              kind='javaToPython')
        return self._lazy_rdd

    @property
    def na(self):
        return DataFrameNaFunctions(self)

    @property
    def stat(self):
        return DataFrameStatFunctions(self)

    @property
    def write(self):
        from pyspark.sql.readwriter import DataFrameWriter
        return DataFrameWriter(self)

    @property
    def storageLevel(self):
        from pyspark.storagelevel import StorageLevel
        return StorageLevel.MEMORY_AND_DISK_DESER if self.is_cached else StorageLevel.NONE

    def _new(self, jdf):
        return DataFrame(jdf, self._session)

    def _call(self, site, fn, *args, **kwargs):
        return jcall(site, self._session, fn, *args, **kwargs)

    # --- repr / display -------------------------------------------------------------------
    def __repr__(self):
        conf = self._session.conf
        if str(conf.get('spark.sql.repl.eagerEval.enabled', 'false')).lower() == 'true':
            n = int(conf.get('spark.sql.repl.eagerEval.maxNumRows', '20'))
            t = int(conf.get('spark.sql.repl.eagerEval.truncate', '20'))
            return self._jdf.show_string(n, t, False)
        return 'DataFrame[%s]' % (', '.join('%s: %s' % c for c in self.dtypes))

    def show(self, n=20, truncate=True, vertical=False):
        print(self._show_string(n, truncate, vertical, ('df.show',)))

    def _show_string(self, n=20, truncate=True, vertical=False, outer=()):
        if not isinstance(n, int) or isinstance(n, bool):
            raise with_frames(PySparkTypeError(
                error_class='NOT_INT',
                message_parameters={'arg_name': 'n', 'arg_type': type(n).__name__}),
                outer + ('df._show_string_n',))
        if not isinstance(vertical, bool):
            raise with_frames(PySparkTypeError(
                error_class='NOT_BOOL',
                message_parameters={'arg_name': 'vertical', 'arg_type': type(vertical).__name__}),
                outer + ('df._show_string_vertical',))
        if isinstance(truncate, bool) and truncate:
            return self._call(outer + ('df._show_string_bool',), self._jdf.show_string, n, 20,
                              vertical, _jname='showString')
        try:
            int_truncate = int(truncate)
        except ValueError:
            raise with_frames(PySparkTypeError(
                error_class='NOT_BOOL',
                message_parameters={'arg_name': 'truncate', 'arg_type': type(truncate).__name__}),
                outer + ('df._show_string_truncate',)) from None
        return self._call(outer + ('df._show_string_int',), self._jdf.show_string, n,
                          int_truncate, vertical, _jname='showString')

    def printSchema(self, level=None):
        if level:
            print(self._jdf.tree_string(level))
        else:
            print(self._jdf.tree_string())

    def explain(self, extended=None, mode=None):
        """``explain()``: simple; ``explain(True)`` / ``mode='extended'``: all plans."""
        if isinstance(extended, str) and mode is None:
            mode, extended = extended, None
        if mode is None:
            mode = 'extended' if extended else 'simple'
        print(self._jdf.explain_string(mode != 'simple'))

    # --- actions --------------------------------------------------------------------------
    def _collect_rows(self, outer):
        return self._call(outer + ('df.collect',), self._jdf.collect, _jname='collectToPython')

    def collect(self):
        return self._collect_rows(())

    def count(self):
        return int(self._call(('df.count',), self._jdf.count, _jname='count'))

    def take(self, num):
        return self.limit(num)._collect_rows(('df.take',))

    def head(self, n=None):
        if n is None:
            rs = self.limit(1)._collect_rows(('df.head1', 'df.headn', 'df.take'))
            return rs[0] if rs else None
        return self.limit(n)._collect_rows(('df.headn', 'df.take'))

    def first(self):
        rs = self.limit(1)._collect_rows(('df.first', 'df.head1', 'df.headn', 'df.take'))
        return rs[0] if rs else None

    def tail(self, num):
        return self._call(('df.tail',), self._jdf.tail, num, _jname='tailToPython')

    def isEmpty(self):
        return self._call(('df.isEmpty',), self._jdf.isEmpty, _jname='isEmpty')

    def toLocalIterator(self, prefetchPartitions=False):
        return iter(self._collect_rows(()))

    def foreach(self, f):
        self.rdd.foreach(f)

    def foreachPartition(self, f):
        self.rdd.foreachPartition(f)

    def toJSON(self, use_unicode=True):
        from pyspark.rdd import RDD
        df = self
        return RDD._from_source(self._sc, lambda: df._call(('df.toJSON',), df._jdf.to_json_rows,
                                                           _jname='toJSON'), kind='toJavaRDD')

    def toPandas(self):
        from pyspark.sql.pandas.utils import pandas_missing_error
        raise pandas_missing_error(('pandas.toPandas', 'pandas.require'))

    def to_pandas_on_spark(self, index_col=None):
        return self.toPandas()

    pandas_api = to_pandas_on_spark

    # --- temp views -----------------------------------------------------------------------
    def createOrReplaceTempView(self, name):
        self._call(('df.createOrReplaceTempView',), self._jdf.create_or_replace_temp_view, name,
                   _jname='createOrReplaceTempView')

    def registerTempTable(self, name):
        import warnings
        warnings.warn('Deprecated in 2.0, use createOrReplaceTempView instead.', FutureWarning)
        self._call(('df.registerTempTable',), self._jdf.create_or_replace_temp_view, name,
                   _jname='createOrReplaceTempView')

    def createTempView(self, name):
        self._call(('df.createTempView',), self._jdf.create_temp_view, name,
                   _jname='createTempView')

    def createGlobalTempView(self, name):
        fn = jmethod(self._jdf, 'create_global_temp_view')
        if fn is None:
            raise NotImplementedError('global temporary views are not supported')
        self._call(('df.createGlobalTempView',), fn, name, _jname='createGlobalTempView')

    def createOrReplaceGlobalTempView(self, name):
        fn = jmethod(self._jdf, 'create_or_replace_global_temp_view')
        if fn is None:
            raise NotImplementedError('global temporary views are not supported')
        self._call(('df.createOrReplaceGlobalTempView',), fn, name,
                   _jname='createOrReplaceGlobalTempView')

    # --- transformations ------------------------------------------------------------------
    def select(self, *cols):
        jcols = _jcols_of(cols, site='df.select_jcols')
        return self._new(self._call(('df.select',), self._jdf.select, *jcols, _jname='select'))

    def selectExpr(self, *expr):
        if len(expr) == 1 and isinstance(expr[0], list):
            expr = expr[0]
        return self._new(self._call(('df.selectExpr',), self._jdf.selectExpr, *expr,
                                    _jname='selectExpr'))

    def filter(self, condition):
        if isinstance(condition, str):
            jdf = self._call(('df.filter_str',), self._jdf.filter, condition, _jname='filter')
        elif isinstance(condition, Column):
            jdf = self._call(('df.filter_col',), self._jdf.filter, condition._jc, _jname='filter')
        else:
            raise PySparkTypeError(
                error_class='NOT_COLUMN_OR_STR',
                message_parameters={'arg_name': 'condition', 'arg_type': type(condition).__name__})
        return self._new(jdf)

    where = filter

    def groupBy(self, *cols):
        from pyspark.sql.group import GroupedData
        jcols = _jcols_of(cols, site='df.groupBy_jcols')
        jgd = self._call(('df.groupBy',), self._jdf.groupBy, *jcols, _jname='groupBy')
        return GroupedData(jgd, self)

    groupby = groupBy

    def rollup(self, *cols):
        from pyspark.sql.group import GroupedData
        jcols = _jcols_of(cols)
        return GroupedData(self._call(('df.rollup',), self._engine('rollup'), *jcols,
                                      _jname='rollup'), self)

    def cube(self, *cols):
        from pyspark.sql.group import GroupedData
        jcols = _jcols_of(cols)
        return GroupedData(self._call(('df.cube',), self._engine('cube'), *jcols,
                                      _jname='cube'), self)

    def agg(self, *exprs):
        from pyspark.sql.group import GroupedData
        gd = GroupedData(self._call(('df.groupBy',), self._jdf.groupBy, _jname='groupBy'), self)
        return gd._agg(exprs, ('df.agg',))

    def _sort(self, site, cols, kwargs):
        if not cols:
            raise PySparkValueError(error_class='CANNOT_BE_EMPTY',
                                    message_parameters={'item': 'column'})
        if len(cols) == 1 and isinstance(cols[0], list):
            cols = cols[0]
        jcols = []
        for c in cols:
            if isinstance(c, Column):
                jcols.append(c._jc)
            elif isinstance(c, str):
                jcols.append(c)
            elif isinstance(c, int) and not isinstance(c, bool):
                # pyspark 3.5 accepts a 1-based column ordinal (negative: descending)
                name = self.columns[abs(c) - 1]
                jc = self._jdf.col(name)
                jcols.append(jc.desc() if c < 0 else jc)
            else:
                raise PySparkTypeError(error_class='NOT_COLUMN_OR_STR',
                                       message_parameters={'arg_name': 'col',
                                                           'arg_type': type(c).__name__})
        ascending = kwargs.get('ascending', None)
        if ascending is not None and not isinstance(ascending, (bool, int, list)):
            raise PySparkTypeError(error_class='NOT_BOOL_OR_LIST',
                                   message_parameters={'arg_name': 'ascending',
                                                       'arg_type': type(ascending).__name__})
        if isinstance(ascending, int) and not isinstance(ascending, bool):
            ascending = bool(ascending)
        kw = {} if ascending is None else {'ascending': ascending}
        return self._new(self._call(site, self._jdf.orderBy, *jcols, _jname='sort', **kw))

    def sort(self, *cols, **kwargs):
        return self._sort(('df.sort',), cols, kwargs)

    orderBy = sort

    def sortWithinPartitions(self, *cols, **kwargs):
        return self._sort(('df.sortWithinPartitions',), cols, kwargs)

    def limit(self, num):
        if not isinstance(num, int) or isinstance(num, bool):
            from pyspark._jvm import py4j_no_such_method
            raise py4j_no_such_method(('df.limit',), 'limit', [num])
        return self._new(self._call(('df.limit',), self._jdf.limit, num, _jname='limit'))

    def offset(self, num):
        return self._new(self._call(('df.offset',), self._jdf.offset, num, _jname='offset'))

    def withColumn(self, colName, col):
        if not isinstance(col, Column):
            raise PySparkTypeError(error_class='NOT_COLUMN',
                                   message_parameters={'arg_name': 'col',
                                                       'arg_type': type(col).__name__})
        return self._new(self._call(('df.withColumn',), self._jdf.withColumn, colName, col._jc,
                                    _jname='withColumn'))

    def withColumns(self, *colsMap):
        if len(colsMap) != 1 or not isinstance(colsMap[0], dict):
            raise PySparkTypeError(error_class='NOT_DICT',
                                   message_parameters={'arg_name': 'colsMap',
                                                       'arg_type': type(colsMap).__name__})
        m = dict((k, v._jc) for k, v in colsMap[0].items())
        return self._new(self._call(('df.withColumns',), self._jdf.withColumns, m,
                                    _jname='withColumns'))

    def withColumnRenamed(self, existing, new):
        return self._new(self._call(('df.withColumnRenamed',), self._jdf.withColumnRenamed,
                                    existing, new, _jname='withColumnRenamed'))

    def withColumnsRenamed(self, colsMap):
        df = self
        for k, v in colsMap.items():
            df = df.withColumnRenamed(k, v)
        return df

    def drop(self, *cols):
        jcols = []
        for c in cols:
            if isinstance(c, (str, Column)):
                jcols.append(c._jc if isinstance(c, Column) else c)
            else:
                raise PySparkTypeError(error_class='NOT_COLUMN_OR_STR',
                                       message_parameters={'arg_name': 'col',
                                                           'arg_type': type(c).__name__})
        site = ('df.drop_col',) if any(isinstance(c, Column) for c in cols) else ('df.drop_str',)
        return self._new(self._call(site, self._jdf.drop, *jcols, _jname='drop'))

    def toDF(self, *cols):
        return self._new(self._call(('df.toDF',), self._jdf.toDF, *cols, _jname='toDF'))

    def alias(self, alias):
        return self._new(self._jdf.alias(alias))

    def join(self, other, on=None, how=None):
        if on is not None and not isinstance(on, list):
            on = [on]
        jon = None
        if on is not None and len(on) > 0:
            if isinstance(on[0], Column):
                cond = on[0]
                for c in on[1:]:
                    cond = cond & c
                jon = cond._jc
            elif len(on) == 1 and not isinstance(on[0], str):
                jon = on[0]
            else:
                jon = list(on)
        if on is None and how is None:
            return self._new(self._call(('df.join0',), self._jdf.join, other._jdf,
                                        _jname='join'))
        if how is None:
            how = 'inner'
        return self._new(self._call(('df.join',), self._jdf.join, other._jdf, jon, how,
                                    _jname='join'))

    def crossJoin(self, other):
        return self._new(self._call(('df.crossJoin',), self._jdf.crossJoin, other._jdf,
                                    _jname='crossJoin'))

    def union(self, other):
        return self._new(self._call(('df.union',), self._jdf.union, other._jdf, _jname='union'))

    unionAll = union

    def unionByName(self, other, allowMissingColumns=False):
        return self._new(self._call(('df.unionByName',), self._jdf.unionByName, other._jdf,
                                    allowMissingColumns, _jname='unionByName'))

    def intersect(self, other):
        return self._new(self._call(('df.intersect',), self._jdf.intersect, other._jdf,
                                    _jname='intersect'))

    def intersectAll(self, other):
        return self._new(self._call(('df.intersectAll',), self._engine('intersectAll'),
                                    other._jdf,
                                    _jname='intersectAll'))

    def subtract(self, other):
        return self._new(self._call(('df.subtract',), self._engine('subtract'), other._jdf,
                                    _jname='except'))

    def exceptAll(self, other):
        return self._new(self._call(('df.exceptAll',), self._engine('exceptAll'), other._jdf,
                                    _jname='exceptAll'))

    def _engine(self, name):
        fn = jmethod(self._jdf, name)
        if fn is None:
            raise NotImplementedError('DataFrame.%s is not supported by this emulation' % name)
        return fn

    def distinct(self):
        return self._new(self._call(('df.distinct',), self._jdf.distinct, _jname='distinct'))

    def dropDuplicates(self, subset=None):
        if subset is not None and not isinstance(subset, (list, tuple)):
            raise PySparkTypeError(error_class='NOT_LIST_OR_TUPLE',
                                   message_parameters={'arg_name': 'subset',
                                                       'arg_type': type(subset).__name__})
        if subset is None:
            return self._new(self._call(('df.dropDuplicates0',), self._jdf.dropDuplicates,
                                        _jname='dropDuplicates'))
        return self._new(self._call(('df.dropDuplicates',), self._jdf.dropDuplicates,
                                    list(subset), _jname='dropDuplicates'))

    drop_duplicates = dropDuplicates

    def sample(self, withReplacement=None, fraction=None, seed=None):
        is_withReplacement_set = type(withReplacement) == bool and isinstance(fraction, float)
        is_withReplacement_omitted_kwargs = withReplacement is None and isinstance(fraction, float)
        is_withReplacement_omitted_args = isinstance(withReplacement, float)
        if not (is_withReplacement_set or is_withReplacement_omitted_kwargs
                or is_withReplacement_omitted_args):
            argtypes = [type(arg).__name__ for arg in [withReplacement, fraction, seed]]
            raise PySparkTypeError(
                error_class='NOT_BOOL_OR_FLOAT_OR_INT',
                message_parameters={'arg_name': 'withReplacement (optional), fraction (required) '
                                                'and seed (optional)',
                                    'arg_type': ', '.join(argtypes)})
        if is_withReplacement_omitted_args:
            if fraction is not None:
                seed = fraction
            fraction = withReplacement
            withReplacement = None
        seed = int(seed) if seed is not None else None
        if seed is None:
            seed = self._session._next_seed()
        return self._new(self._call(('df.sample',), self._jdf.sample, bool(withReplacement),
                                    fraction, seed, _jname='sample'))

    def randomSplit(self, weights, seed=None):
        for w in weights:
            if w < 0.0:
                raise PySparkValueError(error_class='VALUE_NOT_POSITIVE',
                                        message_parameters={'arg_name': 'weights',
                                                            'arg_value': str(w)})
        fn = jmethod(self._jdf, 'randomSplit')
        if fn is None:
            raise NotImplementedError('randomSplit is not supported')
        seed = seed if seed is not None else self._session._next_seed()
        return [self._new(j) for j in fn([float(w) for w in weights], int(seed))]

    def describe(self, *cols):
        if len(cols) == 1 and isinstance(cols[0], list):
            cols = cols[0]
        fn = jmethod(self._jdf, 'describe')
        if fn is not None:
            return self._new(self._call(('df.describe',), fn, *cols, _jname='describe'))
        df = self.select(*cols) if cols else self
        return df._summary(('count', 'mean', 'stddev', 'min', 'max'), ('df.describe',))

    def summary(self, *statistics):
        if len(statistics) == 1 and isinstance(statistics[0], list):
            statistics = statistics[0]
        fn = jmethod(self._jdf, 'summary')
        if fn is not None:
            return self._new(self._call(('df.summary',), fn, *statistics, _jname='summary'))
        if not statistics:
            statistics = ('count', 'mean', 'stddev', 'min', '25%', '50%', '75%', 'max')
        return self._summary(statistics, ('df.summary',))

    def _summary(self, statistics, site):
        """Spark's StatFunctions.summary: one row per statistic, one string column per numeric
        or string column (``CAST(stat(col) AS STRING)``)."""
        from pyspark.sql import functions as F
        from pyspark.sql.types import NumericType, StringType, StructType, StructField
        names = [f.name for f in self.schema.fields
                 if isinstance(f.dataType, (NumericType, StringType))]
        aggs = []
        for stat in statistics:
            for n in names:
                c = Column(self._jdf.col(n))
                if stat == 'count':
                    e = F.count(c)
                elif stat == 'mean':
                    e = F.avg(c)
                elif stat == 'stddev':
                    e = F.stddev_samp(c)
                elif stat == 'min':
                    e = F.min(c)
                elif stat == 'max':
                    e = F.max(c)
                elif stat == 'count_distinct':
                    e = F.count_distinct(c)
                elif stat.endswith('%'):
                    try:
                        p = float(stat[:-1]) / 100.0
                    except ValueError:
                        p = None
                    if p is None or not 0.0 <= p <= 1.0:
                        raise self._illegal_stat(stat, site)
                    e = F.percentile_approx(c, p, 10000)
                else:
                    raise self._illegal_stat(stat, site)
                aggs.append(e.cast('string'))
        row = self.agg(*aggs).collect()[0] if aggs else ()
        rows = []
        k = 0
        for stat in statistics:
            rows.append(tuple([stat] + [row[k + i] for i in range(len(names))]))
            k += len(names)
        schema = StructType([StructField('summary', StringType(), True)] +
                            [StructField(n, StringType(), True) for n in names])
        return self._session.createDataFrame(rows, schema)

    def _illegal_stat(self, stat, site):
        from pyspark.errors.exceptions.captured import IllegalArgumentException
        msg = '%s is not a recognised statistic' % stat
        exc = IllegalArgumentException(desc=msg, stackTrace='java.lang.IllegalArgumentException: '
                                                            + msg + '\n')
        exc.java_class = 'java.lang.IllegalArgumentException'
        exc.java_message = msg
        exc.jvm_frames = []
        return with_frames(exc, tuple(site) + ('py4j.call', 'captured.deco_raise'))

    def cache(self):
        self.is_cached = True
        return self

    def persist(self, storageLevel=None):
        self.is_cached = True
        return self

    def unpersist(self, blocking=False):
        self.is_cached = False
        return self

    def checkpoint(self, eager=True):
        return self._new(self._jdf)

    def localCheckpoint(self, eager=True):
        return self._new(self._jdf)

    def coalesce(self, numPartitions):
        return self._new(self._jdf)

    def repartition(self, numPartitions, *cols):
        return self._new(self._jdf)

    def repartitionByRange(self, numPartitions, *cols):
        return self._new(self._jdf)

    def hint(self, name, *parameters):
        return self._new(self._jdf)

    def withWatermark(self, eventTime, delayThreshold):
        return self._new(self._jdf)

    def transform(self, func, *args, **kwargs):
        result = func(self, *args, **kwargs)
        assert isinstance(result, DataFrame), (
            'Func returned an instance of type [%s], should have been DataFrame.' % type(result))
        return result

    def colRegex(self, colName):
        return Column(self._jdf.colRegex(colName))

    def inputFiles(self):
        return []

    def sameSemantics(self, other):
        return self._jdf.plan == other._jdf.plan

    def corr(self, col1, col2, method=None):
        return self.stat.corr(col1, col2, method)

    def cov(self, col1, col2):
        return self.stat.cov(col1, col2)

    def dropDuplicatesWithinWatermark(self, subset=None):
        return self.dropDuplicates(subset)

    def withMetadata(self, columnName, metadata):
        return self._new(self._jdf)

    def to(self, schema):
        """Reorder/cast columns by name to ``schema`` (as Dataset.to)."""
        from pyspark.sql import functions as F
        cols = [Column(self._jdf.col(f.name)).cast(f.dataType).alias(f.name)
                for f in schema.fields]
        return self.select(*cols)

    # --- na / stat ------------------------------------------------------------------------
    def fillna(self, value, subset=None):
        return DataFrameNaFunctions(self).fill(value, subset)

    def dropna(self, how='any', thresh=None, subset=None):
        return DataFrameNaFunctions(self).drop(how, thresh, subset)

    def replace(self, to_replace, value=None, subset=None):
        return DataFrameNaFunctions(self).replace(to_replace, value, subset)

    # --- columns access -------------------------------------------------------------------
    def __getitem__(self, item):
        if isinstance(item, str):
            return Column(self._call(('df.getitem',), self._jdf.col, item, _jname='apply'))
        if isinstance(item, Column):
            return self.filter(item)
        if isinstance(item, (list, tuple)):
            return self.select(*item)
        if isinstance(item, int):
            return Column(self._call(('df.getitem_int',), self._jdf.col, self.columns[item],
                                     _jname='apply'))
        raise PySparkTypeError(
            error_class='NOT_COLUMN_OR_FLOAT_OR_INT_OR_LIST_OR_STR',
            message_parameters={'arg_name': 'item', 'arg_type': type(item).__name__})

    def __getattr__(self, name):
        if name.startswith('__') or '_jdf' not in self.__dict__:
            raise AttributeError("'%s' object has no attribute '%s'"
                                 % (self.__class__.__name__, name))
        if name not in self.columns:
            raise with_frames(AttributeError("'%s' object has no attribute '%s'"
                                             % (self.__class__.__name__, name)),
                              ('df.getattr_raise',))
        return Column(self._call(('df.getattr',), self._jdf.col, name, _jname='apply'))

    def __dir__(self):
        attrs = set(dir(DataFrame))
        attrs.update(c for c in self.columns if c.isidentifier() and not c.startswith('_'))
        return sorted(attrs)


class DataFrameNaFunctions:
    def __init__(self, df):
        self.df = df

    def _fields(self, subset):
        fields = list(self.df.schema.fields)
        if subset is None:
            return fields
        if isinstance(subset, str):
            subset = [subset]
        return [f for f in fields if f.name in subset]

    def fill(self, value, subset=None):
        from pyspark.sql import functions as F
        from pyspark.sql.types import (NumericType, StringType, BooleanType, FloatType,
                                       DoubleType)
        if isinstance(value, dict):
            items = value
        else:
            if not isinstance(value, (float, int, str, bool)):
                raise PySparkTypeError(
                    error_class='NOT_BOOL_OR_DICT_OR_FLOAT_OR_INT_OR_STR',
                    message_parameters={'arg_name': 'value', 'arg_type': type(value).__name__})
            items = None
        cols = []
        for f in self.df.schema.fields:
            c = self.df._jdf.col(f.name)
            v = None
            if items is not None:
                if f.name in items:
                    v = items[f.name]
            elif subset is None or f.name in ([subset] if isinstance(subset, str) else subset):
                if isinstance(value, bool):
                    v = value if isinstance(f.dataType, BooleanType) else None
                elif isinstance(value, (int, float)):
                    v = value if isinstance(f.dataType, NumericType) else None
                elif isinstance(value, str):
                    v = value if isinstance(f.dataType, StringType) else None
            if v is None:
                cols.append(Column(c))
            elif isinstance(f.dataType, (FloatType, DoubleType)):
                # Spark: coalesce(nanvl(col, null), value) -- NaN is filled too
                cols.append(F.coalesce(F.nanvl(Column(c), F.lit(None).cast(f.dataType)),
                                       F.lit(v).cast(f.dataType)).alias(f.name))
            else:
                cols.append(F.coalesce(Column(c), F.lit(v).cast(f.dataType)).alias(f.name))
        return self.df.select(*cols)

    def drop(self, how='any', thresh=None, subset=None):
        from pyspark.sql import functions as F
        if how is not None and how not in ['any', 'all']:
            raise PySparkValueError(error_class='VALUE_NOT_ANY_OR_ALL',
                                    message_parameters={'arg_name': 'how', 'arg_value': str(how)})
        fields = self._fields(subset)
        if thresh is None:
            thresh = len(fields) if how == 'any' else 1
        if not fields:
            return self.df
        from pyspark.sql.types import FloatType, DoubleType
        cnt = None
        for f in fields:
            c = Column(self.df._jdf.col(f.name))
            ok = c.isNotNull()
            if isinstance(f.dataType, (FloatType, DoubleType)):
                ok = ok & ~F.isnan(c)
            term = F.when(ok, 1).otherwise(0)
            cnt = term if cnt is None else cnt + term
        return self.df.filter(cnt >= thresh)

    def replace(self, to_replace, value=None, subset=None):
        from pyspark.sql import functions as F
        if isinstance(to_replace, dict):
            mapping = to_replace
        elif isinstance(to_replace, (list, tuple)):
            values = value if isinstance(value, (list, tuple)) else [value] * len(to_replace)
            mapping = dict(zip(to_replace, values))
        else:
            mapping = {to_replace: value}
        names = None
        if subset is not None:
            names = [subset] if isinstance(subset, str) else list(subset)
        cols = []
        for f in self.df.schema.fields:
            c = Column(self.df._jdf.col(f.name))
            if names is not None and f.name not in names:
                cols.append(c)
                continue
            expr = None
            for k, v in mapping.items():
                cond = c == k
                expr = F.when(cond, F.lit(v).cast(f.dataType)) if expr is None else \
                    expr.when(cond, F.lit(v).cast(f.dataType))
            cols.append(expr.otherwise(c).alias(f.name) if expr is not None else c)
        return self.df.select(*cols)


class DataFrameStatFunctions:
    def __init__(self, df):
        self.df = df

    def corr(self, col1, col2, method=None):
        from pyspark.sql import functions as F
        for name, c in (('col1', col1), ('col2', col2)):
            if not isinstance(c, str):
                raise PySparkTypeError(error_class='NOT_STR',
                                       message_parameters={'arg_name': name,
                                                           'arg_type': type(c).__name__})
        if not method:
            method = 'pearson'
        if method != 'pearson':
            raise PySparkValueError(error_class='VALUE_NOT_PEARSON',
                                    message_parameters={'arg_name': 'method',
                                                        'arg_value': method})
        return self.df.agg(F.corr(col1, col2)).collect()[0][0]

    def cov(self, col1, col2):
        from pyspark.sql import functions as F
        for name, c in (('col1', col1), ('col2', col2)):
            if not isinstance(c, str):
                raise PySparkTypeError(error_class='NOT_STR',
                                       message_parameters={'arg_name': name,
                                                           'arg_type': type(c).__name__})
        return self.df.agg(F.covar_samp(col1, col2)).collect()[0][0]

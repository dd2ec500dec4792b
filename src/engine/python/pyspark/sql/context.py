"""pyspark.sql.context: SQLContext (Livy's ``sqlContext``) and HiveContext."""

import warnings

from pyspark._jvm import jcall

__all__ = ['SQLContext', 'HiveContext']


class SQLContext:
    _instantiatedContext = None

    def __init__(self, sparkContext, sparkSession=None, jsqlContext=None):
        if sparkSession is None:
            from pyspark.sql.session import SparkSession
            sparkSession = SparkSession._getActiveSessionFor(sparkContext)
        self._sc = sparkContext
        self.sparkSession = sparkSession
        if SQLContext._instantiatedContext is None:
            SQLContext._instantiatedContext = self

    @property
    def _ssql_ctx(self):
        return self.sparkSession._jsparkSession

    @classmethod
    def getOrCreate(cls, sc):
        warnings.warn('Deprecated in 3.0.0. Use SparkSession.builder.getOrCreate() instead.',
                      FutureWarning)
        return cls._get_or_create(sc)

    @classmethod
    def _get_or_create(cls, sc, session=None):
        ctx = cls._instantiatedContext
        if ctx is not None and ctx._sc is sc and (session is None or ctx.sparkSession is session):
            return ctx
        return cls(sc, session)

    def newSession(self):
        return self.__class__(self._sc, self.sparkSession.newSession())

    def setConf(self, key, value):
        self.sparkSession.conf.set(key, value)

    def getConf(self, key, defaultValue=None):
        if defaultValue is None:
            return self.sparkSession.conf.get(key)
        return self.sparkSession.conf.get(key, defaultValue)

    @property
    def udf(self):
        return self.sparkSession.udf

    @property
    def udtf(self):
        return self.sparkSession.udtf

    def range(self, start, end=None, step=1, numPartitions=None):
        return self.sparkSession.range(start, end, step, numPartitions)

    def registerFunction(self, name, f, returnType=None):
        warnings.warn('Deprecated in 2.3.0. Use spark.udf.register instead.', FutureWarning)
        return self.sparkSession.udf.register(name, f, returnType)

    def createDataFrame(self, data, schema=None, samplingRatio=None, verifySchema=True):
        return self.sparkSession.createDataFrame(data, schema, samplingRatio, verifySchema)

    def registerDataFrameAsTable(self, df, tableName):
        df.createOrReplaceTempView(tableName)

    def dropTempTable(self, tableName):
        self.sparkSession.catalog.dropTempView(tableName)

    def createExternalTable(self, tableName, path=None, source=None, schema=None, **options):
        raise NotImplementedError('external tables are not supported')

    def sql(self, sqlQuery):
        from pyspark.sql.dataframe import DataFrame
        s = self.sparkSession
        return DataFrame(jcall(('context.sql', 'session.sql'), s, s._jsparkSession.sql, sqlQuery,
                               _jname='sql'), s)

    def table(self, tableName):
        from pyspark.sql.dataframe import DataFrame
        s = self.sparkSession
        return DataFrame(jcall(('context.table', 'session.table'), s, s._jsparkSession.table,
                               tableName, _jname='table'), s)

    def tables(self, dbName=None):
        from pyspark.sql.types import StructType, StructField, StringType, BooleanType
        rows = []
        for t in self.sparkSession.catalog.listTables(dbName):
            ns = t.namespace[0] if t.namespace else ''
            rows.append((ns, t.name, t.isTemporary))
        schema = StructType([StructField('namespace', StringType(), False),
                             StructField('tableName', StringType(), False),
                             StructField('isTemporary', BooleanType(), False)])
        return self.sparkSession.createDataFrame(rows, schema)

    def tableNames(self, dbName=None):
        return [t.name for t in self.sparkSession.catalog.listTables(dbName)]

    def cacheTable(self, tableName):
        self.sparkSession.catalog.cacheTable(tableName)

    def uncacheTable(self, tableName):
        self.sparkSession.catalog.uncacheTable(tableName)

    def clearCache(self):
        self.sparkSession.catalog.clearCache()

    @property
    def read(self):
        return self.sparkSession.read

    @property
    def readStream(self):
        return self.sparkSession.readStream

    @property
    def streams(self):
        return self.sparkSession.streams


class HiveContext(SQLContext):
    def __init__(self, sparkContext, sparkSession=None, jhiveContext=None):
        warnings.warn('HiveContext is deprecated in Spark 2.0.0. Please use '
                      'SparkSession.builder.enableHiveSupport().getOrCreate() instead.',
                      FutureWarning)
        SQLContext.__init__(self, sparkContext, sparkSession)

    def refreshTable(self, tableName):
        self.sparkSession.catalog.refreshTable(tableName)

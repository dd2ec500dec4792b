"""pyspark.sql.session.SparkSession over a spark_engine ``SparkSessionState`` (``_jsparkSession``)."""

from pyspark.errors import PySparkTypeError, PySparkValueError
from pyspark._jvm import jcall, with_frames

__all__ = ['SparkSession']


class classproperty(property):
    def __get__(self, instance, owner=None):
        return classmethod(self.fget).__get__(None, owner)()


class SparkSession:
    _instantiatedSession = None
    _activeSession = None

    class Builder:
        def __init__(self):
            self._options = {}

        def config(self, key=None, value=None, conf=None, *, map=None):
            if conf is not None:
                for k, v in conf.getAll():
                    self._options[k] = str(v)
            if key is not None:
                self._options[key] = _conf_str(value)
            if map is not None:
                for k, v in map.items():
                    self._options[k] = _conf_str(v)
            return self

        def master(self, master):
            return self.config('spark.master', master)

        def remote(self, url):
            return self.config('spark.remote', url)

        def appName(self, name):
            return self.config('spark.app.name', name)

        def enableHiveSupport(self):
            return self.config('spark.sql.catalogImplementation', 'hive')

        def getOrCreate(self):
            if 'spark.remote' in self._options:
                raise RuntimeError('Cannot start a remote Spark session because there is a '
                                   'regular Spark session already running.')
            session = _caller_session() or SparkSession._instantiatedSession
            if session is None:
                raise RuntimeError('No Spark session is available (Livy creates it)')
            # applyModifiableSettings: runtime SQL configs only (the JVM logs a warning for
            # the others)
            jconf = session._jsparkSession.conf
            for k, v in self._options.items():
                try:
                    if jconf.is_modifiable(k):
                        jconf.set(k, v)
                except Exception:
                    pass
            return session

        def create(self):
            return self.getOrCreate().newSession()

    @classproperty
    def builder(cls):
        return cls.Builder()

    def __init__(self, sparkContext, jsparkSession=None, options=None):
        if jsparkSession is None:
            active = SparkSession._instantiatedSession
            if active is not None and active._sc is sparkContext:
                jsparkSession = active._jsparkSession.new_session()
            else:
                raise RuntimeError('A SparkSession needs the Livy session state')
        self._sc = sparkContext
        self._jsc = None
        self._jvm = None
        self._jsparkSession = jsparkSession
        self._conf = None
        self._catalog = None
        self._udf = None
        self._cached_tables = set()
        self._seed_rng = sparkContext._seed_rng
        self._view_counter = 0
        if SparkSession._instantiatedSession is None:
            SparkSession._instantiatedSession = self
        SparkSession._activeSession = self

    def _next_seed(self):
        return self._seed_rng.randrange(-2 ** 63, 2 ** 63)

    @classmethod
    def getActiveSession(cls):
        return _caller_session() or cls._activeSession

    @classmethod
    def active(cls):
        session = _caller_session() or cls._activeSession or cls._instantiatedSession
        if session is None:
            from pyspark.errors import PySparkRuntimeError
            raise PySparkRuntimeError(error_class='NO_ACTIVE_OR_DEFAULT_SESSION',
                                      message_parameters={})
        return session

    @classmethod
    def _getActiveSessionFor(cls, sc):
        s = _caller_session()
        if s is not None and s._sc is sc:
            return s
        s = cls._activeSession
        if s is not None and s._sc is sc:
            return s
        return cls._instantiatedSession

    def newSession(self):
        return self.__class__(self._sc, self._jsparkSession.new_session())

    @property
    def sparkContext(self):
        return self._sc

    @property
    def version(self):
        return self._jsparkSession.version

    @property
    def conf(self):
        if self._conf is None:
            from pyspark.sql.conf import RuntimeConfig
            self._conf = RuntimeConfig(self._jsparkSession.conf, self)
        return self._conf

    @property
    def _jconf(self):
        return self._jsparkSession.conf

    @property
    def catalog(self):
        if self._catalog is None:
            from pyspark.sql.catalog import Catalog
            self._catalog = Catalog(self)
        return self._catalog

    @property
    def udf(self):
        if self._udf is None:
            from pyspark.sql.udf import UDFRegistration
            self._udf = UDFRegistration(self)
        return self._udf

    @property
    def udtf(self):
        raise NotImplementedError('Python UDTFs are not supported')

    @property
    def read(self):
        from pyspark.sql.readwriter import DataFrameReader
        return DataFrameReader(self)

    @property
    def readStream(self):
        raise NotImplementedError('Structured Streaming is not supported')

    @property
    def streams(self):
        raise NotImplementedError('Structured Streaming is not supported')

    # --- DataFrame sources -------------------------------------------------------------------
    def range(self, start, end=None, step=1, numPartitions=None):
        from pyspark.sql.dataframe import DataFrame
        if numPartitions is None:
            numPartitions = self._sc.defaultParallelism
        if end is None:
            jdf = jcall(('session.range1',), self, self._jsparkSession.range, 0, int(start),
                        int(step), int(numPartitions), _jname='range')
        else:
            jdf = jcall(('session.range2',), self, self._jsparkSession.range, int(start),
                        int(end), int(step), int(numPartitions), _jname='range')
        return DataFrame(jdf, self)

    def sql(self, sqlQuery, args=None, **kwargs):
        from pyspark.sql.dataframe import DataFrame
        views = []
        if kwargs:
            sqlQuery, views = self._format_sql(sqlQuery, kwargs)
        try:
            if args:
                args = _literal_args(args)
                jdf = jcall(('session.sql',), self, self._jsparkSession.sql, sqlQuery, args,
                            _jname='sql')
            else:
                jdf = jcall(('session.sql',), self, self._jsparkSession.sql, sqlQuery,
                            _jname='sql')
        finally:
            for v in views:
                try:
                    self._jsparkSession.catalog.drop_temp_view(v)
                except Exception:
                    pass
        return DataFrame(jdf, self)

    def _format_sql(self, sqlQuery, kwargs):
        """pyspark's SQLStringFormatter: DataFrames become temp views, Columns their SQL."""
        import string
        from pyspark.sql.dataframe import DataFrame
        from pyspark.sql.column import Column, _jc_string
        views = []
        session = self

        class _Fmt(string.Formatter):
            def get_field(self, field_name, a, kw):
                obj, first = string.Formatter.get_field(self, field_name, a, kw)
                return _convert(obj), first

        def _convert(val):
            if isinstance(val, DataFrame):
                session._view_counter += 1
                name = '_pyspark_%d_%d' % (id(session) & 0xFFFF, session._view_counter)
                val._jdf.create_or_replace_temp_view(name)
                views.append(name)
                return name
            if isinstance(val, Column):
                return _jc_string(val._jc)
            if isinstance(val, str):
                return val
            return val

        return _Fmt().format(sqlQuery, **kwargs), views

    def table(self, tableName):
        from pyspark.sql.dataframe import DataFrame
        if not isinstance(tableName, str):
            from pyspark._jvm import py4j_no_such_method
            raise py4j_no_such_method(('session.table',), 'table', [tableName])
        return DataFrame(jcall(('session.table',), self, self._jsparkSession.table, tableName,
                               _jname='table'), self)

    def createDataFrame(self, data, schema=None, samplingRatio=None, verifySchema=True):
        from pyspark.sql.dataframe import DataFrame
        from pyspark.sql.types import DataType, StructType
        from pyspark.rdd import RDD
        SparkSession._activeSession = self
        if isinstance(data, DataFrame):
            raise PySparkTypeError(error_class='SHOULD_NOT_DATAFRAME',
                                   message_parameters={'arg_name': 'data'})
        if isinstance(data, RDD):
            rows = data.collect()
        elif isinstance(data, (list, tuple)):
            rows = list(data)
        else:
            rows = list(data)
        if schema is not None and not isinstance(schema, (str, list, tuple, DataType)):
            raise PySparkTypeError(
                error_class='NOT_LIST_OR_NONE_OR_STRUCT',
                message_parameters={'arg_name': 'schema', 'arg_type': type(schema).__name__})
        if isinstance(schema, tuple):
            schema = list(schema)
        if isinstance(schema, str):
            schema = _ddl_or_type(schema)
        if schema is None and not rows:
            raise with_frames(PySparkValueError(error_class='CANNOT_INFER_EMPTY_SCHEMA',
                                                message_parameters={}),
                              ('session.createDataFrame', 'session._create_dataframe',
                               'session._createFromLocal', 'session._inferSchemaFromList_empty'))
        if verifySchema and schema is not None and not isinstance(schema, (list, str)) \
                and not isinstance(data, RDD):
            from pyspark.sql._verify import verify_rows
            verify_rows(rows, schema)
        elif verifySchema and isinstance(schema, str) and not isinstance(data, RDD):
            struct = _parse_schema_or_none(schema)
            if struct is not None:
                from pyspark.sql._verify import verify_rows
                verify_rows(rows, struct)
        try:
            jdf = jcall(('session.createDataFrame', 'session._create_dataframe'), self,
                        self._jsparkSession.create_dataset, rows, schema,
                        _jname='applySchemaToPythonRDD')
        except (ValueError, TypeError) as e:
            error_class = getattr(e, 'error_class', None)
            if error_class is None:
                raise
            raise _py_error(e, error_class) from None
        return DataFrame(jdf, self)

    # --- lifecycle -----------------------------------------------------------------------------
    def stop(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.stop()

    # Spark Connect-only APIs
    def interruptAll(self):
        raise _connect_only('interruptAll')

    def addArtifacts(self, *path, **kwargs):
        raise _connect_only('addArtifact(s)')

    addArtifact = addArtifacts

    def addTag(self, tag):
        raise _connect_only('addTag')

    def getTags(self):
        raise _connect_only('getTags')


def _ddl_or_type(text):
    """A single type name (``'int'``, ``'array<string>'``) becomes its DataType; a DDL schema
    (``'a int, b string'``) stays a string for the engine."""
    try:
        import spark_engine
        return spark_engine.parse_data_type(text)
    except Exception:
        return text


def _parse_schema_or_none(text):
    try:
        import spark_engine
        return spark_engine.parse_schema(text)
    except Exception:
        return None


def _caller_session():
    from pyspark.livy_bootstrap import caller_session_globals
    g = caller_session_globals()
    return g.get('spark') if g is not None else None


def _connect_only(feature):
    return RuntimeError('SparkSession.%s is only supported with Spark Connect; however, the '
                        'current Spark session does not use Spark Connect.' % feature)


def _conf_str(value):
    if isinstance(value, bool):
        return 'true' if value else 'false'
    return str(value)


def _literal_args(args):
    from pyspark.sql.column import Column
    if isinstance(args, dict):
        return dict((k, v._jc if isinstance(v, Column) else v) for k, v in args.items())
    return [v._jc if isinstance(v, Column) else v for v in args]


# pyspark 3.5 raises these schema inference errors as TypeError / ValueError subclasses
_TYPE_ERROR_CLASSES = ('CANNOT_MERGE_TYPE', 'CANNOT_INFER_SCHEMA_FOR_TYPE',
                       'CANNOT_INFER_TYPE_FOR_FIELD', 'CANNOT_ACCEPT_OBJECT_IN_TYPE',
                       'UNSUPPORTED_DATA_TYPE', 'FIELD_TYPE_MISMATCH')
_VALUE_ERROR_CLASSES = ('CANNOT_DETERMINE_TYPE', 'CANNOT_INFER_EMPTY_SCHEMA', 'CANNOT_BE_NONE',
                        'VALUE_OUT_OF_BOUND', 'LENGTH_SHOULD_BE_THE_SAME')

_INFER_FRAMES = {
    'CANNOT_DETERMINE_TYPE': ('session.createDataFrame', 'session._create_dataframe',
                              'session._createFromLocal', 'session._inferSchemaFromList_null'),
    'CANNOT_INFER_EMPTY_SCHEMA': ('session.createDataFrame', 'session._create_dataframe',
                                  'session._createFromLocal',
                                  'session._inferSchemaFromList_empty'),
}


def _py_error(e, error_class):
    """An engine-side Python error (schema inference/verification) as pyspark's class."""
    from pyspark.errors.exceptions.base import PySparkException, PySparkValueError, \
        PySparkTypeError
    message = str(e)
    prefix = '[%s] ' % error_class
    if message.startswith(prefix):
        message = message[len(prefix):]
    if error_class in _TYPE_ERROR_CLASSES:
        cls = PySparkTypeError
    elif error_class in _VALUE_ERROR_CLASSES:
        cls = PySparkValueError
    else:
        cls = PySparkTypeError if isinstance(e, TypeError) else PySparkValueError
    exc = cls(message=message)
    exc.error_class = error_class
    exc.message_parameters = dict(getattr(e, 'message_parameters', None) or {})
    keys = _INFER_FRAMES.get(error_class, ('session.createDataFrame',
                                           'session._create_dataframe',
                                           'session._createFromLocal'))
    return with_frames(exc, keys)

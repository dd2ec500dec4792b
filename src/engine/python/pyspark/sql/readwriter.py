"""pyspark.sql.readwriter: DataFrameReader / DataFrameWriter (no file system here).

Reading a path fails as Spark does for a missing path ([PATH_NOT_FOUND]); ``saveAsTable`` and
``insertInto`` keep the data as a table of the session catalog when the engine supports it.
"""

from pyspark._jvm import with_frames

__all__ = ['DataFrameReader', 'DataFrameWriter']


class DataFrameReader:
    def __init__(self, spark):
        self._spark = spark
        self._format = None
        self._options = {}
        self._schema = None

    def format(self, source):
        self._format = source
        return self

    def schema(self, schema):
        self._schema = schema
        return self

    def option(self, key, value):
        self._options[key] = value
        return self

    def options(self, **options):
        self._options.update(options)
        return self

    def load(self, path=None, format=None, schema=None, **options):
        if format is not None:
            self._format = format
        if path is None:
            return self._missing(None, 'read.load_none')
        return self._missing(path, 'read.load' if isinstance(path, str) else 'read.load_list')

    def _missing(self, path, site):
        from pyspark.errors.exceptions.captured import AnalysisException
        if path is None:
            msg = "Unable to infer schema for %s. It must be specified manually." % (
                (self._format or 'Parquet').capitalize())
            exc = AnalysisException(desc='[UNABLE_TO_INFER_SCHEMA] ' + msg, stackTrace='')
            exc.java_class = 'org.apache.spark.sql.AnalysisException'
            exc.java_message = exc.desc
            exc.jvm_frames = []
            raise with_frames(exc, (site, 'py4j.call', 'captured.deco_raise'))
        paths = path if isinstance(path, (list, tuple)) else [path]
        p = paths[0]
        if ':' not in p.split('/')[0]:
            p = 'file:' + (p if p.startswith('/') else self._cwd() + '/' + p)
        exc = AnalysisException(desc='[PATH_NOT_FOUND] Path does not exist: %s.' % p, stackTrace='')
        exc.java_class = 'org.apache.spark.sql.AnalysisException'
        exc.java_message = exc.desc
        exc.jvm_frames = []
        raise with_frames(exc, (site, 'py4j.call', 'captured.deco_raise'))

    def _cwd(self):
        """The driver's working directory (where relative paths resolve): the parent of the
        default warehouse directory (``<cwd>/spark-warehouse``)."""
        try:
            wh = self._spark.conf.get('spark.sql.warehouse.dir', None)
        except Exception:
            wh = None
        if wh and wh.rstrip('/').endswith('/spark-warehouse'):
            d = wh.rstrip('/')[:-len('/spark-warehouse')]
            return d[len('file:'):] if d.startswith('file:') else d
        return '/opt/spark/work-dir'

    def json(self, path, schema=None, **options):
        self._format = 'json'
        return self._missing(path, 'read.json')

    def csv(self, path, schema=None, **options):
        self._format = 'csv'
        return self._missing(path, 'read.csv')

    def parquet(self, *paths, **options):
        self._format = 'parquet'
        return self._missing(list(paths) if paths else None, 'read.parquet')

    def orc(self, path, **options):
        self._format = 'orc'
        return self._missing(path, 'read.orc')

    def text(self, paths, **options):
        self._format = 'text'
        return self._missing(paths, 'read.text')

    def table(self, tableName):
        return self._spark.table(tableName)

    def jdbc(self, url, table, **kwargs):
        raise NotImplementedError('JDBC sources are not supported')


class DataFrameWriter:
    def __init__(self, df):
        self._df = df
        self._mode = 'errorifexists'
        self._format = None
        self._options = {}

    def mode(self, saveMode):
        if saveMode is not None:
            self._mode = saveMode
        return self

    def format(self, source):
        self._format = source
        return self

    def option(self, key, value):
        self._options[key] = value
        return self

    def options(self, **options):
        self._options.update(options)
        return self

    def partitionBy(self, *cols):
        return self

    def bucketBy(self, numBuckets, col, *cols):
        return self

    def sortBy(self, col, *cols):
        return self

    def saveAsTable(self, name, format=None, mode=None, partitionBy=None, **options):
        if mode is not None:
            self._mode = mode
        from pyspark._jvm import jmethod
        fn = jmethod(self._df._session._jsparkSession, 'save_as_table')
        if fn is None:
            raise NotImplementedError('saveAsTable is not supported by this emulation')
        from pyspark._jvm import jcall
        jcall((), self._df._session, fn, name, self._df._jdf, self._mode, _jname='saveAsTable')

    def insertInto(self, tableName, overwrite=None):
        mode = 'overwrite' if overwrite else 'append'
        self.saveAsTable(tableName, mode=mode)

    def save(self, path=None, format=None, mode=None, partitionBy=None, **options):
        raise NotImplementedError('writing files is not supported (no file system)')

    json = csv = parquet = orc = text = save

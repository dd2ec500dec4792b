"""pyspark.sql.readwriter: DataFrameReader / DataFrameWriter (no file system here).

Reading a path fails as Spark does for a missing path ([PATH_NOT_FOUND]); ``saveAsTable`` and
``insertInto`` keep the data as a table of the session catalog when the engine supports it.
"""

from pyspark._jvm import with_frames

__all__ = ['DataFrameReader', 'DataFrameWriter']


def _json_records(source):
    """JSON text records from an RDD or a list of strings (what sparkmagic's `%%send_to_spark`
    sends); None for a path, which cannot be read here. Like pyspark, items that are not text
    are turned into text with `str()`."""
    from pyspark.rdd import RDD
    if isinstance(source, RDD):
        items = source.collect()
    elif isinstance(source, (list, tuple)) and source and not all(
            isinstance(x, str) and not x.lstrip().startswith(('{', '[')) for x in source):
        items = list(source)
    else:
        return None
    out = []
    for x in items:
        if isinstance(x, (bytes, bytearray)):
            x = bytes(x).decode('utf-8')
        out.append(x if isinstance(x, str) else str(x))
    return out


def _parse_json_record(text):
    """Spark's JSON parser with its defaults (`allowSingleQuotes` on); a record it cannot read
    becomes None (Spark's `_corrupt_record`, not modelled)."""
    import ast
    import json
    try:
        return json.loads(text)
    except ValueError:
        pass
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return None
    return value if isinstance(value, (dict, list)) else None


def _infer_json_type(values):
    from pyspark.sql import types as T
    kinds = set()
    for v in values:
        if v is None:
            continue
        if isinstance(v, bool):
            kinds.add('boolean')
        elif isinstance(v, int):
            kinds.add('long')
        elif isinstance(v, float):
            kinds.add('double')
        elif isinstance(v, dict):
            kinds.add('struct')
        elif isinstance(v, list):
            kinds.add('array')
        else:
            kinds.add('string')
    if not kinds:
        return T.StringType()
    if kinds <= {'long', 'double'}:
        return T.DoubleType() if 'double' in kinds else T.LongType()
    if len(kinds) > 1:
        return T.StringType()
    kind = kinds.pop()
    if kind == 'boolean':
        return T.BooleanType()
    if kind == 'struct':
        return _infer_json_struct([v for v in values if isinstance(v, dict)])
    if kind == 'array':
        return T.ArrayType(_infer_json_type([x for v in values if isinstance(v, list) for x in v]), True)
    return T.StringType()


def _infer_json_struct(objects):
    """Spark's JSON schema inference: every field seen, sorted by name, all nullable."""
    from pyspark.sql import types as T
    names = sorted({k for o in objects for k in o})
    return T.StructType([
        T.StructField(n, _infer_json_type([o.get(n) for o in objects]), True) for n in names])


def _json_value(v, dtype):
    from pyspark.sql import types as T
    if v is None:
        return None
    if isinstance(dtype, T.StringType):
        if isinstance(v, str):
            return v
        import json
        return json.dumps(v, separators=(',', ':')) if isinstance(v, (dict, list)) else (
            ('true' if v else 'false') if isinstance(v, bool) else str(v))
    if isinstance(dtype, T.DoubleType):
        return float(v)
    if isinstance(dtype, T.StructType):
        return tuple(_json_value(v.get(f.name), f.dataType) for f in dtype.fields) if isinstance(v, dict) else None
    if isinstance(dtype, T.ArrayType):
        return [_json_value(x, dtype.elementType) for x in v] if isinstance(v, list) else None
    return v


def _json_dataframe(spark, records, schema):
    from pyspark.sql import types as T
    parsed = [_parse_json_record(r) for r in records]
    objects = [p for p in parsed if isinstance(p, dict)]
    if schema is None:
        schema = _infer_json_struct(objects)
    elif isinstance(schema, str):
        schema = T._parse_datatype_string(schema) if hasattr(T, '_parse_datatype_string') else schema
    rows = [tuple(_json_value(o.get(f.name), f.dataType) for f in schema.fields) for o in objects]
    return spark.createDataFrame(rows, schema)


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
        records = _json_records(path)
        if records is None:
            return self._missing(path, 'read.json')
        return _json_dataframe(self._spark, records, schema or self._schema)

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

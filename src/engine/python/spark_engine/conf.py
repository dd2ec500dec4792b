"""Runtime SQL configuration (``spark.conf``): string values with Spark's defaults."""

from .errors import SparkNoSuchElementException

DEFAULTS = {
    'spark.sql.session.timeZone': 'UTC',
    'spark.sql.ansi.enabled': 'false',
    'spark.sql.shuffle.partitions': '200',
    'spark.sql.caseSensitive': 'false',
    'spark.sql.adaptive.enabled': 'true',
    'spark.sql.execution.arrow.pyspark.enabled': 'false',
    'spark.sql.repl.eagerEval.enabled': 'false',
    'spark.sql.warehouse.dir': 'file:/opt/spark/work-dir/spark-warehouse',
    'spark.sql.catalogImplementation': 'in-memory',
}

_MISSING = object()

STATIC_PREFIXES = ('spark.sql.warehouse.dir', 'spark.sql.catalogImplementation',
                   'spark.master', 'spark.app.name', 'spark.submit.deployMode', 'spark.driver.')


def _to_str(v):
    if isinstance(v, bool):
        return 'true' if v else 'false'
    return str(v)


class RuntimeConf:
    def __init__(self, initial=None):
        self._values = {}
        for k, v in (initial or {}).items():
            self._values[k] = _to_str(v)

    def get(self, key, default=_MISSING):
        if key in self._values:
            return self._values[key]
        if default is not _MISSING:
            return default
        if key in DEFAULTS:
            return DEFAULTS[key]
        raise SparkNoSuchElementException('SQL_CONF_NOT_FOUND', {'sqlConf': '"%s"' % key})

    def get_bool(self, key):
        v = self._values.get(key, DEFAULTS.get(key, 'false'))
        return str(v).strip().lower() == 'true'

    def set(self, key, value):
        self._values[key] = _to_str(value)

    def unset(self, key):
        self._values.pop(key, None)

    def contains(self, key):
        return key in self._values or key in DEFAULTS

    def get_all(self):
        out = dict(DEFAULTS)
        out.update(self._values)
        return out

    def explicit(self):
        return dict(self._values)

    def is_modifiable(self, key):
        return key.startswith('spark.sql.') and not key.startswith(STATIC_PREFIXES)

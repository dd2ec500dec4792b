"""pyspark.sql.conf.RuntimeConfig: ``spark.conf`` over the engine's session conf."""

from pyspark.errors import PySparkTypeError
from pyspark._jvm import jcall, next_object_id

__all__ = ['RuntimeConfig']

_NoValue = object()


class RuntimeConfig:
    def __init__(self, jconf, session=None):
        self._jconf = jconf
        self._session = session
        self._jid = next_object_id()

    def _checkType(self, obj, identifier):
        if not isinstance(obj, str):
            raise PySparkTypeError(error_class='NOT_STR',
                                   message_parameters={'arg_name': identifier,
                                                       'arg_type': type(obj).__name__})

    def set(self, key, value):
        self._checkType(key, 'key')
        if isinstance(value, bool):
            value = 'true' if value else 'false'
        jcall(('conf.set',), self._session, self._jconf.set, key, value, _jname='set',
              _jtarget=self._jid)

    def get(self, key, default=_NoValue):
        self._checkType(key, 'key')
        if default is _NoValue:
            return jcall(('conf.get',), self._session, self._jconf.get, key, _jname='get',
                         _jtarget=self._jid)
        if default is not None:
            self._checkType(default, 'default')
        return jcall(('conf.get_default',), self._session, self._jconf.get, key, default,
                     _jname='get', _jtarget=self._jid)

    def unset(self, key):
        jcall(('conf.unset',), self._session, self._jconf.unset, key, _jname='unset',
              _jtarget=self._jid)

    def isModifiable(self, key):
        return bool(self._jconf.is_modifiable(key))

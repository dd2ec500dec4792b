"""pyspark.broadcast.Broadcast (in-process: the value itself)."""

__all__ = ['Broadcast']


class Broadcast:
    def __init__(self, sc=None, value=None):
        self._value = value
        self._destroyed = False

    @property
    def value(self):
        return self._value

    def unpersist(self, blocking=False):
        pass

    def destroy(self, blocking=False):
        self._destroyed = True

    def __reduce__(self):
        raise RuntimeError('Broadcast variable cannot be pickled')

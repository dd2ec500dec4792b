"""pyspark.sql.window: Window / WindowSpec (specs handed to ``Column.over``; the engine decides
what it supports)."""

__all__ = ['Window', 'WindowSpec']


def _names(cols):
    from pyspark.sql.column import Column
    if len(cols) == 1 and isinstance(cols[0], list):
        cols = cols[0]
    return [c._jc if isinstance(c, Column) else c for c in cols]


class WindowSpec:
    def __init__(self, partition=None, order=None, frame=None):
        self._partition = list(partition or [])
        self._order = list(order or [])
        self._frame = frame

    @property
    def _jspec(self):
        try:
            from spark_engine import functions as ef
            from pyspark._jvm import jmethod
            maker = jmethod(ef, 'window_spec')
        except ImportError:
            maker = None
        if maker is not None:
            return maker(self._partition, self._order, self._frame)
        return self

    def partitionBy(self, *cols):
        return WindowSpec(_names(cols), self._order, self._frame)

    def orderBy(self, *cols):
        return WindowSpec(self._partition, _names(cols), self._frame)

    def rowsBetween(self, start, end):
        return WindowSpec(self._partition, self._order, ('rows', start, end))

    def rangeBetween(self, start, end):
        return WindowSpec(self._partition, self._order, ('range', start, end))


class Window:
    _JAVA_MIN_LONG = -(1 << 63)
    _JAVA_MAX_LONG = (1 << 63) - 1
    _PRECEDING_THRESHOLD = -((1 << 63) - 1)  # real pyspark: max(-sys.maxsize, min long)
    _FOLLOWING_THRESHOLD = (1 << 63) - 1
    unboundedPreceding = _JAVA_MIN_LONG
    unboundedFollowing = _JAVA_MAX_LONG
    currentRow = 0

    @staticmethod
    def partitionBy(*cols):
        return WindowSpec().partitionBy(*cols)

    @staticmethod
    def orderBy(*cols):
        return WindowSpec().orderBy(*cols)

    @staticmethod
    def rowsBetween(start, end):
        return WindowSpec().rowsBetween(start, end)

    @staticmethod
    def rangeBetween(start, end):
        return WindowSpec().rangeBetween(start, end)

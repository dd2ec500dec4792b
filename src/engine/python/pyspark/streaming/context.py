"""pyspark.streaming.context.StreamingContext (DStreams are not emulated: the class exists so
Livy's session globals match; starting a stream is unsupported)."""

__all__ = ['StreamingContext']


class StreamingContext:
    _activeContext = None

    def __init__(self, sparkContext, batchDuration=None, jssc=None):
        self._sc = sparkContext
        self._batchDuration = batchDuration

    @property
    def sparkContext(self):
        return self._sc

    @classmethod
    def getActive(cls):
        return cls._activeContext

    @classmethod
    def getOrCreate(cls, checkpointPath, setupFunc):
        return setupFunc()

    def start(self):
        raise NotImplementedError('Spark Streaming is not supported by this emulation')

    def awaitTermination(self, timeout=None):
        raise NotImplementedError('Spark Streaming is not supported by this emulation')

    def stop(self, stopSparkContext=True, stopGraceFully=False):
        pass

from pyspark.streaming.context import StreamingContext  # noqa: F401

__all__ = ['StreamingContext']

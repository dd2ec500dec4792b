"""py4j's exception classes: the very classes the pyspark facade raises."""

from pyspark.errors.py4j import Py4JError, Py4JJavaError

__all__ = ['Py4JError', 'Py4JJavaError']

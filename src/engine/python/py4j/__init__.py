"""The part of py4j user code imports (`from py4j.protocol import Py4JJavaError`).

Real pyspark talks to the JVM through py4j; here there is no JVM, but code that catches
py4j's exceptions must still import them, and catch the ones the pyspark facade raises.
"""

"""Spark errors raised by the engine surface as pyspark 3.5 surfaces JVM exceptions."""

import unittest

from pyspark._jvm import jcall, convert
from pyspark.errors import (AnalysisException as BaseAnalysisException, PySparkException,
                            PySparkTypeError, PySparkValueError)
from pyspark.errors.exceptions import captured
from pyspark.errors.py4j import Py4JJavaError

try:
    from spark_engine import errors as ee
except ImportError:  # pragma: no cover
    ee = None


class FakeSparkError(Exception):
    """Stands for an engine error (the attributes CONTRACT.md seam 2 defines)."""

    def __init__(self, java_class, message, pyspark_class=None, frames=()):
        Exception.__init__(self, message)
        self.java_class = java_class
        self.java_message = message
        self.jvm_frames = list(frames)
        self.pyspark_class = pyspark_class
        self.error_class = 'SOME_CLASS'
        self.message_parameters = {'a': 'b'}
        self.sql_state = '42000'


class Conversion(unittest.TestCase):
    def test_analysis_exception_class_path_and_message(self):
        e = convert(FakeSparkError('org.apache.spark.sql.catalyst.ExtendedAnalysisException',
                                   'msg\nplan\n', 'AnalysisException'), ('session.sql',))
        self.assertEqual('%s.%s' % (type(e).__module__, type(e).__qualname__),
                         'pyspark.errors.exceptions.captured.AnalysisException')
        self.assertEqual(str(e), 'msg\nplan\n')
        self.assertIsInstance(e, BaseAnalysisException)
        self.assertIsInstance(e, PySparkException)
        self.assertEqual(e.getErrorClass(), 'SOME_CLASS')
        self.assertEqual(e.getMessageParameters(), {'a': 'b'})
        self.assertEqual(e.getSqlState(), '42000')
        self.assertEqual(e.java_class, 'org.apache.spark.sql.catalyst.ExtendedAnalysisException')
        self.assertEqual(len(e.livy_frames), 3)

    def test_parse_exception_is_an_analysis_exception(self):
        e = convert(FakeSparkError('org.apache.spark.sql.catalyst.parser.ParseException', 'x',
                                   'ParseException'), ('session.sql',))
        self.assertIsInstance(e, captured.ParseException)
        self.assertIsInstance(e, captured.AnalysisException)

    def test_class_from_java_name_when_not_named(self):
        for java, name in (('org.apache.spark.SparkArithmeticException', 'ArithmeticException'),
                           ('org.apache.spark.SparkNumberFormatException',
                            'NumberFormatException'),
                           ('java.lang.IllegalArgumentException', 'IllegalArgumentException'),
                           ('org.apache.spark.SparkDateTimeException', 'DateTimeException')):
            e = convert(FakeSparkError(java, 'm'), ('df.collect',))
            self.assertEqual(type(e).__name__, name)

    def test_unconverted_jvm_errors_stay_py4j_java_errors(self):
        err = FakeSparkError('org.apache.spark.SparkNoSuchElementException',
                             '[SQL_CONF_NOT_FOUND] The SQL config "spark.foo" cannot be found.',
                             'SparkNoSuchElementException',
                             ['org.apache.spark.sql.RuntimeConfig.get(RuntimeConfig.scala:74)'])
        e = convert(err, ('conf.get',), name='get')
        self.assertIsInstance(e, Py4JJavaError)
        self.assertEqual(type(e).__module__, 'py4j.protocol')
        text = str(e)
        self.assertRegex(text, r'^An error occurred while calling o\d+\.get\.\n: org\.apache\.spark'
                               r'\.SparkNoSuchElementException: \[SQL_CONF_NOT_FOUND\] ')
        self.assertIn('\n\tat org.apache.spark.sql.RuntimeConfig.get(RuntimeConfig.scala:74)\n'
                      '\tat java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0',
                      text)
        self.assertTrue(text.endswith('\n'))
        self.assertIn('captured.py", line 179, in deco', e.livy_frames[2])

    def test_generic_spark_exception_is_not_converted(self):
        e = convert(FakeSparkError('org.apache.spark.SparkException', 'Job aborted',
                                   'SparkRuntimeException'), ('df.collect',))
        self.assertIsInstance(e, Py4JJavaError)

    def test_jcall_reraises_from_none_with_frames(self):
        if ee is None:
            self.skipTest('engine errors unavailable')

        def boom():
            raise ee.AnalysisException('TABLE_OR_VIEW_NOT_FOUND', {'relationName': '`x`'},
                                       line=1, pos=14)
        with self.assertRaises(captured.AnalysisException) as cm:
            jcall(('session.table',), None, boom)
        self.assertTrue(cm.exception.__suppress_context__)
        self.assertIn('line 1667, in table\n', cm.exception.livy_frames[0])

    def test_jvm_stacktrace_appended_when_enabled(self):
        e = captured.AnalysisException(desc='boom', stackTrace='X: boom\n\tat a.b(C.scala:1)\n',
                                       jvm_stacktrace=True)
        self.assertEqual(str(e), 'boom\n\nJVM stacktrace:\nX: boom\n\tat a.b(C.scala:1)\n')


class Py4JMethodErrors(unittest.TestCase):
    def test_wrong_argument_type_is_a_py4j_error(self):
        from pyspark._jvm import py4j_no_such_method
        e = py4j_no_such_method(('session.table',), 'table', [1], target='o27')
        self.assertEqual(type(e).__module__ + '.' + type(e).__name__, 'py4j.protocol.Py4JError')
        self.assertTrue(str(e).startswith(
            'An error occurred while calling o27.table. Trace:\npy4j.Py4JException: Method '
            'table([class java.lang.Integer]) does not exist\n\tat py4j.reflection.'
            'ReflectionEngine.getMethod(ReflectionEngine.java:321)\n'))
        self.assertTrue(str(e).endswith('(Thread.java:840)\n\n'))
        self.assertIn('line 330, in get_return_value\n    raise Py4JError(\n', e.livy_frames[-1])


class PythonSideErrors(unittest.TestCase):
    def test_error_class_messages(self):
        e = PySparkTypeError(error_class='NOT_COLUMN_OR_STR',
                             message_parameters={'arg_name': 'col', 'arg_type': 'int'})
        self.assertEqual(str(e), '[NOT_COLUMN_OR_STR] Argument `col` should be a Column or str, '
                                 'got int.')
        self.assertIsInstance(e, TypeError)
        self.assertEqual(type(e).__module__, 'pyspark.errors.exceptions.base')
        v = PySparkValueError(error_class='CANNOT_DETERMINE_TYPE', message_parameters={})
        self.assertIsInstance(v, ValueError)

    def test_column_truthiness_is_an_error(self):
        from pyspark.sql.column import Column
        c = Column(object())
        with self.assertRaises(ValueError) as cm:
            bool(c)
        self.assertTrue(str(cm.exception).startswith('[CANNOT_CONVERT_COLUMN_INTO_BOOL] Cannot '
                                                     'convert column into bool: please use'))
        self.assertIn('in __nonzero__\n', cm.exception.livy_frames[0])
        with self.assertRaises(TypeError) as cm:
            iter(c)
        self.assertEqual(str(cm.exception), '[NOT_ITERABLE] Column is not iterable.')


if __name__ == '__main__':
    unittest.main()

"""Stand-ins for py4j's exception classes (they print as ``py4j.protocol.Py4JJavaError``)."""


class Py4JError(Exception):
    """Base of py4j errors."""


Py4JError.__module__ = 'py4j.protocol'


class JavaException:
    """What ``Py4JJavaError.java_exception`` is: a handle on the JVM Throwable."""

    def __init__(self, java_class, message, stack_string, origin=None):
        self._java_class = java_class
        self._message = message
        self._stack_string = stack_string
        self._origin = origin

    def getMessage(self):
        return self._message

    def toString(self):
        if self._message is None:
            return self._java_class
        return '%s: %s' % (self._java_class, self._message)

    def getClass(self):
        return self._java_class

    def getCause(self):
        return None

    def __str__(self):
        return self.toString()


class Py4JJavaError(Py4JError):
    """A JVM exception that pyspark did not convert: ``str()`` is py4j's
    ``An error occurred while calling <target>.<name>.\\n: <Java stack trace>``."""

    def __init__(self, errmsg, java_exception):
        Py4JError.__init__(self, errmsg, java_exception)
        self.errmsg = errmsg
        self.java_exception = java_exception

    def __str__(self):
        return '{0}: {1}'.format(self.errmsg, self.java_exception._stack_string)


Py4JJavaError.__module__ = 'py4j.protocol'

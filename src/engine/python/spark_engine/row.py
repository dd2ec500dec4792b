"""``Row``: what ``collect()`` returns, behaving like pyspark 3.5's ``pyspark.sql.types.Row``.

A tuple subclass (so unpacking, indexing and equality are tuple's) with named fields kept in
``__fields__``; ``Row('a', 'b')`` builds a "row class" that is then called with values.
"""


class Row(tuple):
    def __new__(cls, *args, **kwargs):
        if args and kwargs:
            raise ValueError('Can not use both args and kwargs to create Row')
        if kwargs:
            row = tuple.__new__(cls, list(kwargs.values()))
            row.__fields__ = list(kwargs.keys())
            return row
        return tuple.__new__(cls, args)

    @classmethod
    def from_fields(cls, names, values):
        """Engine constructor: duplicate names are allowed (as for a JVM row)."""
        row = tuple.__new__(cls, list(values))
        row.__fields__ = list(names)
        return row

    def asDict(self, recursive=False):
        if not hasattr(self, '__fields__'):
            raise TypeError('Cannot convert a Row class into dict')
        if recursive:
            def conv(obj):
                if isinstance(obj, Row):
                    return obj.asDict(True)
                if isinstance(obj, list):
                    return [conv(o) for o in obj]
                if isinstance(obj, dict):
                    return dict((k, conv(v)) for k, v in obj.items())
                return obj
            return dict(zip(self.__fields__, (conv(o) for o in self)))
        return dict(zip(self.__fields__, self))

    def __contains__(self, item):
        if hasattr(self, '__fields__'):
            return item in self.__fields__
        return super().__contains__(item)

    def __call__(self, *args):
        """A Row built by ``Row('a', 'b')`` is a row class: calling it makes a row."""
        if len(args) > len(self):
            raise ValueError('Can not create Row with fields %s, expected %d values but got %s'
                             % (self, len(self), args))
        return Row.from_fields(list(self), args)

    def __getitem__(self, item):
        if isinstance(item, (int, slice)):
            return super().__getitem__(item)
        try:
            idx = self.__fields__.index(item)
            return super().__getitem__(idx)
        except IndexError:
            raise KeyError(item)
        except ValueError:
            raise ValueError(item)

    def __getattr__(self, item):
        if item.startswith('__'):
            raise AttributeError(item)
        try:
            idx = self.__fields__.index(item)
            return self[idx]
        except IndexError:
            raise AttributeError(item)
        except ValueError:
            raise AttributeError(item)

    def __setattr__(self, key, value):
        if key != '__fields__':
            raise RuntimeError('Row is read-only')
        self.__dict__[key] = value

    def __reduce__(self):
        if hasattr(self, '__fields__'):
            return (_create_row, (self.__fields__, tuple(self)))
        return tuple.__reduce__(self)

    def __repr__(self):
        if hasattr(self, '__fields__'):
            return 'Row(%s)' % ', '.join('%s=%r' % (k, v) for k, v in zip(self.__fields__, tuple(self)))
        return '<Row(%s)>' % ', '.join(repr(f) for f in self)


def _create_row(fields, values):
    return Row.from_fields(fields, values)


Row.__module__ = 'pyspark.sql.types'

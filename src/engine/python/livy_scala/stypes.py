"""Static Scala types as the REPL prints them."""


class ST:
    __slots__ = ('name', 'args')

    def __init__(self, name, args=()):
        self.name = name
        self.args = tuple(args)

    def __eq__(self, other):
        return isinstance(other, ST) and self.name == other.name and self.args == other.args

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash((self.name, self.args))

    def __repr__(self):
        return 'ST(%s)' % self.show()

    def show(self):
        n = self.name
        if n == 'Tuple':
            return '(%s)' % ', '.join(a.show() for a in self.args)
        if n == 'Function':
            ps = self.args[:-1]
            res = self.args[-1].show()
            if len(ps) == 1 and ps[0].name not in ('Tuple', 'Function'):
                return '%s => %s' % (ps[0].show(), res)
            return '(%s) => %s' % (', '.join(p.show() for p in ps), res)
        full = DISPLAY.get(n, n)
        if self.args:
            return '%s[%s]' % (full, ','.join(a.show() for a in self.args))
        return full

    def short(self):
        """The name scalac uses in error messages for members (`Int`, `String`...)."""
        return self.show()


DISPLAY = {
    'Map': 'scala.collection.immutable.Map',
    'RDD': 'org.apache.spark.rdd.RDD',
    'Broadcast': 'org.apache.spark.broadcast.Broadcast',
    'LongAccumulator': 'org.apache.spark.util.LongAccumulator',
    'Set': 'scala.collection.immutable.Set',
    'CollMap': 'scala.collection.Map',
    'Range': 'scala.collection.immutable.Range.Inclusive',
    'RangeExcl': 'scala.collection.immutable.Range',
    'IndexedSeq': 'scala.collection.immutable.IndexedSeq',
    'DataFrame': 'org.apache.spark.sql.DataFrame',
    'Dataset': 'org.apache.spark.sql.Dataset',
    'Row': 'org.apache.spark.sql.Row',
    'SparkSession': 'org.apache.spark.sql.SparkSession',
    'SparkContext': 'org.apache.spark.SparkContext',
    'SparkConf': 'org.apache.spark.SparkConf',
    'RuntimeConfig': 'org.apache.spark.sql.RuntimeConfig',
    'StructType': 'org.apache.spark.sql.types.StructType',
    'StructField': 'org.apache.spark.sql.types.StructField',
    'DataType': 'org.apache.spark.sql.types.DataType',
    'Column': 'org.apache.spark.sql.Column',
    'ColumnName': 'org.apache.spark.sql.ColumnName',
    'GroupedData': 'org.apache.spark.sql.RelationalGroupedDataset',
    'Catalog': 'org.apache.spark.sql.catalog.Catalog',
    'Throwable': 'Throwable',
    'StringBuilder': 'StringBuilder',
}

INT = ST('Int')
LONG = ST('Long')
DOUBLE = ST('Double')
FLOAT = ST('Float')
SHORT = ST('Short')
BYTE = ST('Byte')
CHAR = ST('Char')
STRING = ST('String')
BOOLEAN = ST('Boolean')
UNIT_T = ST('Unit')
NULL_T = ST('Null')
NOTHING = ST('Nothing')
ANY = ST('Any')
ANYVAL = ST('AnyVal')
ANYREF = ST('AnyRef')
DATAFRAME = ST('DataFrame')
ROW = ST('Row')
COLUMN = ST('Column')

NUMERIC = ('Byte', 'Short', 'Char', 'Int', 'Long', 'Float', 'Double')
INTEGRAL = ('Byte', 'Short', 'Char', 'Int', 'Long')
VALUE_TYPES = NUMERIC + ('Boolean', 'Unit')
SEQ_KINDS = ('List', 'Seq', 'Vector', 'IndexedSeq', 'Range', 'RangeExcl', 'Array', 'Iterable', 'Set')
_RANK = {'Byte': 1, 'Short': 2, 'Char': 2, 'Int': 3, 'Long': 4, 'Float': 5, 'Double': 6}


def seq_of(kind, elem):
    return ST(kind, [elem])


def func(params, res):
    return ST('Function', list(params) + [res])


def tuple_of(items):
    return ST('Tuple', items)


def is_numeric(t):
    return t.name in NUMERIC


def numeric_widen(a, b):
    """Binary numeric promotion."""
    ra, rb = _RANK[a.name], _RANK[b.name]
    r = max(ra, rb, 3)
    for n, v in _RANK.items():
        if v == r and n != 'Char':
            return ST(n)
    return INT


def weak_conforms(a, b):
    """a weakly conforms to b (numeric widening allowed)."""
    if conforms(a, b):
        return True
    if a.name in _RANK and b.name in _RANK:
        if a.name == 'Char':
            return b.name in ('Int', 'Long', 'Float', 'Double')
        if b.name == 'Char':
            return False
        return _RANK[a.name] <= _RANK[b.name]
    return False


def conforms(a, b):
    if a == b:
        return True
    if a.name in ('Some', 'None.type') and b.name == 'Option':
        return not a.args or not b.args or conforms(a.args[0], b.args[0])
    if a.name == 'scala.collection.immutable.Nil.type' and b.name in ('List', 'Seq', 'Iterable'):
        return True
    if a.name in ('Range', 'RangeExcl') and b.name in ('Seq', 'IndexedSeq', 'Iterable'):
        return not b.args or b.args[0].name in ('Int', 'Any', 'AnyVal')
    if a.name == 'Set' and b.name == 'Iterable':
        return all(conforms(x, y) for x, y in zip(a.args, b.args))
    if a.name == 'Map' and b.name == 'CollMap':
        return all(conforms(x, y) for x, y in zip(a.args, b.args))
    if b.name == 'Any' or a.name == 'Nothing':
        return True
    if b.name == 'AnyVal':
        return a.name in VALUE_TYPES
    if b.name == 'AnyRef':
        return a.name not in VALUE_TYPES
    if a.name == 'Null':
        return b.name not in VALUE_TYPES
    if a.name in SEQ_KINDS and b.name in ('Seq', 'Iterable', 'IndexedSeq') and a.name != 'Array':
        if b.name == 'IndexedSeq' and a.name == 'List':
            return False
        return all(conforms(x, y) for x, y in zip(a.args, b.args))
    if a.name == b.name and len(a.args) == len(b.args):
        if a.name == 'Function':
            return all(conforms(y, x) for x, y in zip(a.args[:-1], b.args[:-1])) and conforms(a.args[-1], b.args[-1])
        if a.name == 'Array':
            return a.args == b.args
        return all(conforms(x, y) for x, y in zip(a.args, b.args))
    if a.name == 'DataFrame' and b.name == 'Dataset' and b.args == (ROW,):
        return True
    if a.name == 'Dataset' and a.args == (ROW,) and b.name == 'DataFrame':
        return True
    if a.name == 'ColumnName' and b.name == 'Column':
        return True
    if a.name == 'Option' and b.name == 'Option':
        return all(conforms(x, y) for x, y in zip(a.args, b.args))
    return False


def lub(types):
    types = [t for t in types if t.name != 'Nothing']
    if not types:
        return NOTHING
    t0 = types[0]
    if all(t == t0 for t in types):
        return t0
    if all(t.name in _RANK for t in types):
        # weak least upper bound
        best = t0
        for t in types[1:]:
            if weak_conforms(best, t):
                best = t
            elif weak_conforms(t, best):
                pass
            else:
                return ANYVAL
        return best
    if all(t.name in ('Some', 'None.type', 'Option') for t in types):
        inner = [t.args[0] for t in types if t.args]
        return ST('Option', [lub(inner) if inner else NOTHING])
    nonnull = [t for t in types if t.name != 'Null']
    if nonnull and all(t == nonnull[0] for t in nonnull) and nonnull[0].name not in VALUE_TYPES:
        return nonnull[0]
    # same constructor: lub of arguments
    names = set(t.name for t in nonnull)
    if len(names) == 1 and nonnull and all(len(t.args) == len(nonnull[0].args) for t in nonnull) and nonnull[0].args:
        n = nonnull[0].name
        if n in ('List', 'Seq', 'Vector', 'Option', 'Tuple', 'IndexedSeq'):
            return ST(n, [lub([t.args[i] for t in nonnull]) for i in range(len(nonnull[0].args))])
    if nonnull and all(t.name in ('List', 'Seq', 'Vector', 'IndexedSeq') for t in nonnull):
        return ST('Seq', [lub([t.args[0] for t in nonnull])])
    if all(t.name in VALUE_TYPES for t in types):
        return ANYVAL
    return ANY


def elem_type(t):
    if t.args:
        return t.args[0]
    return ANY

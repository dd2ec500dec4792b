"""R values: NULL, atomic vectors, lists, data frames, functions, and SparkR's objects.

NA is None in every vector type; NaN is float('nan') in doubles (R keeps both apart).
"""

import math

from .errors import RError

INT_MAX = 2147483647
TYPES = ('logical', 'integer', 'double', 'character')
RANK = {'logical': 0, 'integer': 1, 'double': 2, 'character': 3, 'list': 4}


class RNull:
    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __len__(self):
        return 0


NULL = RNull()


class RVec:
    """An atomic vector: `type` is logical, integer, double or character."""

    __slots__ = ('type', 'values', 'names', 'cls')

    def __init__(self, type_, values, names=None, cls=None):
        self.type = type_
        self.values = values
        self.names = names
        self.cls = cls  # S3 class attribute (Date, POSIXct, json), or None

    def __len__(self):
        return len(self.values)

    def __repr__(self):
        return 'RVec(%s, %r)' % (self.type, self.values)


class RList:
    __slots__ = ('values', 'names', 'cls')

    def __init__(self, values, names=None, cls=None):
        self.values = values
        self.names = names
        self.cls = cls

    def __len__(self):
        return len(self.values)


class DataFrame:
    """An R data.frame: named columns (vectors) of equal length; automatic row names."""

    __slots__ = ('columns', 'names', 'row_names')

    def __init__(self, columns, names, row_names=None):
        self.columns = columns
        self.names = names
        self.row_names = row_names  # None: 1..n

    def nrow(self):
        return len(self.columns[0]) if self.columns else (len(self.row_names) if self.row_names else 0)

    def __len__(self):
        return len(self.columns)


class Closure:
    __slots__ = ('params', 'body', 'env', 'node')

    def __init__(self, params, body, env, node):
        self.params = params
        self.body = body
        self.env = env
        self.node = node


class Builtin:
    """A base or package function implemented in Python.

    `primitive`: R evaluates its arguments in the caller's frame (errors there name the
    caller's call); a closure like `paste` evaluates them in its own (errors name `paste(...)`).
    `special`: receives the unevaluated argument nodes.
    """

    __slots__ = ('name', 'fn', 'formals', 'primitive', 'special', 'invisible')

    def __init__(self, name, fn, formals, primitive, special, invisible):
        self.name = name
        self.fn = fn
        self.formals = formals
        self.primitive = primitive
        self.special = special
        self.invisible = invisible


class SparkDataFrame:
    """SparkR's S4 `SparkDataFrame` over a spark_engine Dataset."""

    __slots__ = ('ds',)

    def __init__(self, ds):
        self.ds = ds


class JObj:
    """A reference to a JVM object held by SparkR's backend (`jobj`)."""

    __slots__ = ('class_name', 'id', 'target')

    def __init__(self, class_name, id_, target=None):
        self.class_name = class_name
        self.id = id_
        self.target = target


# -- constructors ---------------------------------------------------------------------------

def lgl(*xs):
    return RVec('logical', list(xs))


def intv(*xs):
    return RVec('integer', list(xs))


def dbl(*xs):
    return RVec('double', [float(x) if x is not None else None for x in xs])


def chr_(*xs):
    return RVec('character', list(xs))


def is_vec(x, type_=None):
    return isinstance(x, RVec) and (type_ is None or x.type == type_)


def is_numeric(x):
    return isinstance(x, RVec) and x.type in ('integer', 'double', 'logical') and x.cls is None


def rtype(x):
    """R's `typeof`."""
    if x is NULL:
        return 'NULL'
    if isinstance(x, RVec):
        return x.type
    if isinstance(x, (RList, DataFrame)):
        return 'list'
    if isinstance(x, Closure):
        return 'closure'
    if isinstance(x, Builtin):
        return 'builtin' if x.primitive else 'closure'
    if isinstance(x, SparkDataFrame):
        return 'S4'
    if isinstance(x, JObj):
        return 'environment'
    return 'NULL'


def rclass(x):
    """R's `class`."""
    if isinstance(x, RVec):
        if x.cls:
            return list(x.cls)
        return {'double': ['numeric']}.get(x.type, [x.type])
    if isinstance(x, DataFrame):
        return ['data.frame']
    if isinstance(x, RList):
        return list(x.cls) if x.cls else ['list']
    if x is NULL:
        return ['NULL']
    if isinstance(x, (Closure, Builtin)):
        return ['function']
    if isinstance(x, SparkDataFrame):
        return ['SparkDataFrame']
    if isinstance(x, JObj):
        return ['jobj']
    return ['unknown']


# -- coercion -------------------------------------------------------------------------------

def _to_double(v, t):
    if v is None:
        return None
    if t == 'character':
        s = v.strip()
        try:
            if s.lower().startswith(('0x', '-0x')):
                return float(int(s, 16))
            if s in ('Inf', 'inf', '+Inf'):
                return math.inf
            if s in ('-Inf', '-inf'):
                return -math.inf
            if s == 'NaN':
                return math.nan
            return float(s) if s and s.lower() not in ('nan', 'infinity', '-infinity') else None
        except ValueError:
            return None
    return float(v)


def coerce(x, type_):
    """`as.vector(x, type)` for an atomic vector (names kept, class dropped)."""
    if x is NULL:
        return RVec(type_, [])
    if isinstance(x, RList):
        return RVec(type_, [coerce(v, type_).values[0] if len(v) else None for v in x.values], x.names)
    if not isinstance(x, RVec):
        raise RError("cannot coerce type '%s' to vector of type '%s'" % (rtype(x), type_))
    if x.type == type_ and x.cls is None:
        return x
    t = x.type
    vals = x.values
    if x.cls and 'Date' in x.cls and type_ == 'character':
        return RVec('character', [None if v is None else v.isoformat() for v in vals], x.names)
    if type_ == 'character':
        from .printing import as_character_one
        out = [as_character_one(v, t) for v in vals]
    elif type_ == 'double':
        out = [_to_double(v, t) for v in vals]
    elif type_ == 'integer':
        out = []
        for v in vals:
            d = _to_double(v, t)
            out.append(None if d is None or math.isnan(d) or math.isinf(d) or abs(d) > INT_MAX else int(d))
    elif type_ == 'logical':
        out = []
        for v in vals:
            if v is None:
                out.append(None)
            elif t == 'character':
                out.append({'TRUE': True, 'true': True, 'T': True, 'True': True,
                            'FALSE': False, 'false': False, 'F': False, 'False': False}.get(v))
            elif isinstance(v, float) and math.isnan(v):
                out.append(None)
            else:
                out.append(bool(v))
    else:
        raise RError("vector: cannot make a vector of mode '%s'." % type_)
    return RVec(type_, out, x.names)


def common_type(values):
    rank = -1
    for v in values:
        if v is NULL:
            continue
        if isinstance(v, (RList, DataFrame)) or not isinstance(v, RVec):
            return 'list'
        rank = max(rank, RANK[v.type])
    if rank < 0:
        return None
    return [k for k, r in RANK.items() if r == rank][0]


def as_scalar_string(x, what='argument'):
    if not isinstance(x, RVec) or x.type != 'character' or not x.values:
        raise RError('invalid %s' % what)
    return x.values[0]


def truthy(x, call=None):
    """`if (x)`: the first element as a logical, with R's complaints."""
    if not isinstance(x, RVec) or len(x.values) == 0:
        raise RError('argument is of length zero', call)
    v = coerce(x, 'logical').values[0] if x.type != 'character' else coerce(x, 'logical').values[0]
    if v is None:
        if x.type == 'character':
            raise RError('argument is not interpretable as logical', call)
        raise RError('missing value where TRUE/FALSE needed', call)
    return v


def scalar_int(x, default=None):
    if x is None or x is NULL:
        return default
    d = coerce(x, 'double').values
    if not d or d[0] is None:
        return default
    return int(d[0])

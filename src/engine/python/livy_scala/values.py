"""Runtime values of the Scala subset and their JVM ``toString`` / REPL renderings."""

import math
import struct
import decimal
import datetime


class Char(str):
    """A Scala Char (a one-character str that remembers it is a Char)."""
    __slots__ = ()


class Float32(float):
    """A boxed java.lang.Float inside an untyped container (a Row): prints as a Float."""
    __slots__ = ()


class _Unit:
    __slots__ = ()

    def __repr__(self):
        return '()'


UNIT = _Unit()


def to_float32(x):
    try:
        return struct.unpack('f', struct.pack('f', x))[0]
    except OverflowError:
        return math.copysign(math.inf, x)


def wrap_int(v):
    v &= 0xFFFFFFFF
    return v - 0x100000000 if v >= 0x80000000 else v


def wrap_long(v):
    v &= 0xFFFFFFFFFFFFFFFF
    return v - 0x10000000000000000 if v >= 0x8000000000000000 else v


def wrap_short(v):
    v &= 0xFFFF
    return v - 0x10000 if v >= 0x8000 else v


def wrap_byte(v):
    v &= 0xFF
    return v - 0x100 if v >= 0x80 else v


def _java_fp(digits, exp10):
    """Java's Double/Float toString from shortest decimal digits: value = 0.DIGITS * 10**exp10."""
    # digits: str without leading zeros; value = int(digits) * 10**(exp10 - len(digits))
    n = len(digits)
    point = exp10     # position of the decimal point relative to digits start
    # decimal notation when 10^-3 <= |x| < 10^7
    if -3 < point <= 7:
        if point <= 0:
            s = '0.' + '0' * (-point) + digits
        elif point >= n:
            s = digits + '0' * (point - n) + '.0'
        else:
            s = digits[:point] + '.' + digits[point:]
        return s
    mant = digits[0] + '.' + (digits[1:] if n > 1 else '0')
    return '%sE%d' % (mant, point - 1)


def _split_digits(text):
    d = decimal.Decimal(text)
    sign, dig, exp = d.as_tuple()
    ds = ''.join(str(x) for x in dig).lstrip('0') or '0'
    # strip trailing zeros into exponent
    stripped = ds.rstrip('0')
    exp += len(ds) - len(stripped)
    ds = stripped or '0'
    return sign, ds, exp + len(ds)


def java_double(x):
    if x != x:
        return 'NaN'
    if x == math.inf:
        return 'Infinity'
    if x == -math.inf:
        return '-Infinity'
    if x == 0:
        return '-0.0' if math.copysign(1.0, x) < 0 else '0.0'
    sign, ds, point = _split_digits(repr(x))
    s = _java_fp(ds, point)
    return '-' + s if sign else s


def java_float(x):
    if x != x:
        return 'NaN'
    if x == math.inf:
        return 'Infinity'
    if x == -math.inf:
        return '-Infinity'
    if x == 0:
        return '-0.0' if math.copysign(1.0, x) < 0 else '0.0'
    text = None
    for p in range(1, 10):
        cand = '%.*e' % (p - 1, x)
        if to_float32(float(cand)) == x:
            text = cand
            break
    if text is None:
        text = repr(x)
    sign, ds, point = _split_digits(text)
    s = _java_fp(ds, point)
    return '-' + s if sign else s


# ----------------------------------------------------------------------------------------
# collections


class SSeq:
    """An immutable Scala sequence: ``kind`` is its runtime class name as toString shows it
    (``List``, ``Vector``, ``Range``); ``items`` a Python list (never mutated after build)."""
    __slots__ = ('items', 'kind')

    def __init__(self, items, kind='List'):
        self.items = items
        self.kind = kind

    def __eq__(self, other):
        return isinstance(other, SSeq) and self.items == other.items

    def __hash__(self):
        return hash(tuple(self.items))


class SArray:
    """A JVM array (mutable); ``elem`` is the element type name, used by toString (``[I@..``)."""
    __slots__ = ('items', 'elem', '_hash')

    def __init__(self, items, elem='Object'):
        self.items = items
        self.elem = elem


class SMap:
    """An immutable Map; ``items`` is a list of (key, value) in iteration order."""
    __slots__ = ('items', 'hashed')

    def __init__(self, items):
        self.items = items
        self.hashed = False

    def get(self, key):
        for k, v in self.items:
            if k == key and type(k) is type(key) or k == key:
                return True, v
        return False, None

    def __eq__(self, other):
        return isinstance(other, SMap) and sorted(map(repr, self.items)) == sorted(map(repr, other.items))


class STuple(tuple):
    pass


class SOption:
    __slots__ = ('value', 'defined')

    def __init__(self, defined, value=None):
        self.defined = defined
        self.value = value

    def __eq__(self, other):
        return isinstance(other, SOption) and self.defined == other.defined and self.value == other.value

    def __hash__(self):
        return hash((self.defined, self.value))


NONE = SOption(False)


class CaseClass:
    """A user case class: name, fields [(name, ST)], and its definition's line id."""

    def __init__(self, name, fields, line_id):
        self.name = name
        self.fields = fields
        self.line_id = line_id


class CaseObj:
    __slots__ = ('cls', 'values', '_hash')

    def __init__(self, cls, values):
        self.cls = cls
        self.values = list(values)

    def __eq__(self, other):
        return isinstance(other, CaseObj) and other.cls is self.cls and other.values == self.values

    def __hash__(self):
        return hash((self.cls.name, tuple(map(repr, self.values))))


class JavaObject:
    """An opaque JVM object printed as ``class@hash`` (SparkSession, SparkContext...)."""

    def __init__(self, class_name, payload=None):
        self.class_name = class_name
        self.payload = payload
        self.hash_hex = stable_hash_hex(class_name, id(self))

    def __repr__(self):
        return '%s@%s' % (self.class_name, self.hash_hex)


_hash_counter = [0]


def stable_hash_hex(name, salt=None):
    """A JVM-looking identity hash that is stable for the object's lifetime."""
    _hash_counter[0] += 1
    h = 0x811C9DC5
    for ch in '%s#%d' % (name, _hash_counter[0]):
        h = ((h ^ ord(ch)) * 0x01000193) & 0xFFFFFFFF
    return '%x' % (h & 0x7FFFFFFF)


class Closure:
    """A Scala function value: params [(name, ST)], body AST, captured environment."""

    def __init__(self, params, body, env, tpe=None, pyfunc=None, name=None):
        self.params = params
        self.body = body
        self.env = env
        self.tpe = tpe
        self.pyfunc = pyfunc
        self.name = name
        self.hash_hex = stable_hash_hex('lambda')


class ExceptionValue:
    """A Throwable created with ``new`` in user code."""

    def __init__(self, java_class, message):
        self.java_class = java_class
        self.message = message


# ----------------------------------------------------------------------------------------
# rendering


def to_string(v, t=None):
    """The JVM ``String.valueOf(v)``; ``t`` (static type) disambiguates Float vs Double."""
    if v is None:
        return 'null'
    if v is UNIT:
        return '()'
    if isinstance(v, bool):
        return 'true' if v else 'false'
    if isinstance(v, str):
        return v
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if (t is not None and t.name == 'Float') or isinstance(v, Float32):
            return java_float(v)
        return java_double(v)
    if isinstance(v, SSeq):
        et = t.args[0] if t is not None and t.args else None
        return '%s(%s)' % (v.kind, ', '.join(to_string(x, et) for x in v.items))
    if isinstance(v, SArray):
        code = {'Int': '[I', 'Long': '[J', 'Double': '[D', 'Float': '[F', 'Boolean': '[Z',
                'Char': '[C', 'Byte': '[B', 'Short': '[S'}.get(v.elem)
        if code is None:
            code = '[L%s;' % {'String': 'java.lang.String', 'Row': 'org.apache.spark.sql.Row'}.get(v.elem, 'java.lang.Object')
        if not hasattr(v, '_hash'):
            try:
                v._hash = stable_hash_hex('array')
            except AttributeError:
                pass
        return '%s@%s' % (code, getattr(v, '_hash', '1b2c3d4e'))
    if isinstance(v, SMap):
        kt = vt = None
        if t is not None and len(t.args) == 2:
            kt, vt = t.args
        return 'Map(%s)' % ', '.join('%s -> %s' % (to_string(k, kt), to_string(x, vt)) for k, x in v.items)
    if isinstance(v, STuple):
        ts = t.args if t is not None and t.name == 'Tuple' and len(t.args) == len(v) else [None] * len(v)
        return '(%s)' % ','.join(to_string(x, tt) for x, tt in zip(v, ts))
    if isinstance(v, SOption):
        if not v.defined:
            return 'None'
        return 'Some(%s)' % to_string(v.value, t.args[0] if t is not None and t.args else None)
    if isinstance(v, CaseObj):
        if not getattr(v.cls, 'is_case', True):
            if not hasattr(v, '_hash'):
                v._hash = stable_hash_hex(v.cls.name)
            return '%s@%s' % (v.cls.name, v._hash)
        fts = [ft for _, ft in v.cls.fields]
        return '%s(%s)' % (v.cls.name, ','.join(to_string(x, ft) for x, ft in zip(v.values, fts)))
    if isinstance(v, Closure):
        return '$Lambda$%s' % ('1%03d/0x%016x@%s' % (int(v.hash_hex, 16) % 1000, 0x800000000 + int(v.hash_hex, 16) % 0xFFFFFF, v.hash_hex))
    if isinstance(v, ExceptionValue):
        return v.java_class if v.message is None else '%s: %s' % (v.java_class, v.message)
    if isinstance(v, decimal.Decimal):
        return java_decimal(v)
    if isinstance(v, datetime.datetime):
        s = v.strftime('%Y-%m-%d %H:%M:%S')
        frac = ('%06d' % v.microsecond).rstrip('0')
        return s + '.' + (frac or '0')
    if isinstance(v, datetime.date):
        return v.isoformat()
    if isinstance(v, (bytes, bytearray)):
        return '[B@%s' % stable_hash_hex('bytes')
    to_s = getattr(v, 'scala_to_string', None)
    if to_s is not None:
        return to_s()
    return repr(v)


def java_decimal(d):
    # java.math.BigDecimal.toString (scientific only for very small/large exponents)
    s = str(d)
    if 'E' in s:
        s = format(d, 'f')
    return s


def repl_string(v, t=None):
    """``ScalaRunTime.replStringOf``: like toString, but arrays show their elements."""
    if isinstance(v, SArray):
        et = t.args[0] if t is not None and t.args else None
        return 'Array(%s)' % ', '.join(_inner_repl(x, et) for x in v.items)
    return _inner_repl(v, t)


def _inner_repl(v, t):
    if isinstance(v, SArray):
        return repl_string(v, t)
    if isinstance(v, SSeq):
        et = t.args[0] if t is not None and t.args else None
        return '%s(%s)' % (v.kind, ', '.join(_inner_repl(x, et) for x in v.items))
    if isinstance(v, STuple):
        ts = t.args if t is not None and t.name == 'Tuple' and len(t.args) == len(v) else [None] * len(v)
        return '(%s)' % ','.join(_inner_repl(x, tt) for x, tt in zip(v, ts))
    if isinstance(v, SMap):
        kt = vt = None
        if t is not None and len(t.args) == 2:
            kt, vt = t.args
        return 'Map(%s)' % ', '.join('%s -> %s' % (_inner_repl(k, kt), _inner_repl(x, vt)) for k, x in v.items)
    if isinstance(v, SOption) and v.defined:
        return 'Some(%s)' % _inner_repl(v.value, t.args[0] if t is not None and t.args else None)
    return to_string(v, t)


class LazyThunk:
    """A `lazy val` not yet forced: evaluated (once) on first read."""

    def __init__(self, force):
        self.force = force

"""Value conversion between Spark types with non-ANSI ``CAST`` semantics (bad input -> NULL).

``make_caster(from_type, to_type, ansi)`` returns a function of one (non-null) value. The ANSI
variants raise Spark's errors instead of returning NULL.
"""

import datetime
import decimal
import math
import re

from . import types as T
from .javafmt import (double_to_str, float_to_str, decimal_to_str, date_to_str,
                      timestamp_to_str, to_float32, EPOCH_TS)

DEC_CTX = decimal.Context(prec=100, rounding=decimal.ROUND_HALF_UP)

_INT_RE = re.compile(r'^[+-]?\d+(\.\d*)?$|^[+-]?\.\d+$')
_FLOAT_RE = re.compile(r'^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[dDfF]?$')
_DATE_RE = re.compile(r'^([+-]?\d{4,7})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?$')
_TS_RE = re.compile(
    r'^([+-]?\d{4,7})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ](\d{1,2})(?::(\d{1,2})(?::(\d{1,2})'
    r'(?:\.(\d{0,9}))?)?)?\s*(Z|UTC|[+-]\d{1,2}(?::?\d{2})?)?)?)?)?$')

TRUE_STRINGS = ('t', 'true', 'y', 'yes', '1')
FALSE_STRINGS = ('f', 'false', 'n', 'no', '0')


def value_to_string(v, dt, null='null'):
    """Spark's cast-to-string text of a non-null value (``null`` for nested nulls)."""
    if v is None:
        return null
    if isinstance(dt, T.StringType):
        return v
    if isinstance(dt, T.BooleanType):
        return 'true' if v else 'false'
    if isinstance(dt, T.DoubleType):
        return double_to_str(v)
    if isinstance(dt, T.FloatType):
        return float_to_str(v)
    if isinstance(dt, T.DecimalType):
        return decimal_to_str(v)
    if isinstance(dt, T.DateType):
        return date_to_str(v)
    if isinstance(dt, (T.TimestampType, T.TimestampNTZType)):
        return timestamp_to_str(v)
    if isinstance(dt, T.BinaryType):
        return bytes(v).decode('utf-8', 'replace')
    if isinstance(dt, T.ArrayType):
        return '[' + ', '.join(value_to_string(x, dt.elementType, null) for x in v) + ']'
    if isinstance(dt, T.MapType):
        return '{' + ', '.join('%s -> %s' % (value_to_string(k, dt.keyType, null),
                                             value_to_string(x, dt.valueType, null))
                               for k, x in v.items()) + '}'
    if isinstance(dt, T.StructType):
        return '{' + ', '.join(value_to_string(x, f.dataType, null)
                               for x, f in zip(v, dt.fields)) + '}'
    if isinstance(dt, T.NullType):
        return null
    if isinstance(dt, (T.DayTimeIntervalType, T.YearMonthIntervalType)):
        from .intervals import to_text
        return to_text(v, dt)
    return str(v)


def _str_to_int(s, dt):
    s = s.strip()
    if not _INT_RE.match(s):
        return None
    if '.' in s:
        s = s.split('.')[0]
        if s in ('', '+', '-'):
            s = '0'
    v = int(s)
    lo, hi = T.INT_RANGES[type(dt).__name__]
    if v < lo or v > hi:
        return None
    return v


def str_to_double(s):
    t = s.strip()
    low = t.lower()
    if low in ('nan',):
        return math.nan
    if low in ('infinity', '+infinity', 'inf', '+inf'):
        return math.inf
    if low in ('-infinity', '-inf'):
        return -math.inf
    if not _FLOAT_RE.match(t):
        return None
    if t[-1] in 'dDfF':
        t = t[:-1]
    return float(t)


def str_to_decimal(s):
    t = s.strip()
    try:
        d = decimal.Decimal(t)
    except decimal.InvalidOperation:
        return None
    if not d.is_finite():
        return None
    return d


def fit_decimal(d, dt):
    """Round HALF_UP to the scale; None when the precision overflows (non-ANSI)."""
    q = d.quantize(decimal.Decimal(1).scaleb(-dt.scale), context=DEC_CTX)
    digits = len(q.as_tuple().digits) if q != 0 else 1
    int_digits = digits + q.as_tuple().exponent if q != 0 else 0
    if int_digits > dt.precision - dt.scale:
        return None
    return q


def str_to_date(s):
    m = _DATE_RE.match(s.strip())
    if not m:
        return None
    y = int(m.group(1))
    mo = int(m.group(2) or 1)
    d = int(m.group(3) or 1)
    try:
        return datetime.date(y, mo, d)
    except ValueError:
        return None


def str_to_timestamp(s, tz='UTC'):
    m = _TS_RE.match(s.strip())
    if not m:
        return None
    y, mo, d, h, mi, se, fr, zone = m.groups()
    try:
        ts = datetime.datetime(int(y), int(mo or 1), int(d or 1), int(h or 0), int(mi or 0),
                               int(se or 0), int(((fr or '') + '000000')[:6]))
    except ValueError:
        return None
    if zone and zone not in ('Z', 'UTC'):
        sign = 1 if zone[0] == '+' else -1
        z = zone[1:].replace(':', '')
        hh = int(z[:2]) if len(z) >= 2 else int(z)
        mm = int(z[2:4]) if len(z) >= 4 else 0
        ts = ts - sign * datetime.timedelta(hours=hh, minutes=mm)
    return ts


def _wrap_int(v, dt):
    return T.wrap_integral(v, dt)


def _int_caster(t):
    wrap = T.wrapper_for(t)
    return wrap


def _double_to_integral(v, dt):
    """Scala's ``d.toInt``/``d.toLong`` (saturating, NaN -> 0), then narrowing wraps."""
    if v != v:
        return 0
    if isinstance(dt, T.LongType):
        lo, hi = T.INT_RANGES['LongType']
    else:
        lo, hi = T.INT_RANGES['IntegerType']
    if v == math.inf or v >= hi:
        iv = hi
    elif v == -math.inf or v <= lo:
        iv = lo
    else:
        iv = int(v)
    if isinstance(dt, (T.ByteType, T.ShortType)):
        return _wrap_int(iv, dt)
    return iv


def cast_error(v, from_t, to_t):
    from .errors import SparkNumberFormatException
    return SparkNumberFormatException('CAST_INVALID_INPUT', {
        'expression': "'%s'" % v if isinstance(v, str) else str(v),
        'sourceType': '"%s"' % from_t.sql_name(),
        'targetType': '"%s"' % to_t.sql_name(),
        'ansiConfig': '"spark.sql.ansi.enabled"'})


def make_caster(from_t, to_t, ansi=False):
    """Return f(value) -> value for a non-null input value."""
    if from_t == to_t:
        return lambda v: v
    if isinstance(from_t, T.NullType):
        return lambda v: None
    if isinstance(to_t, T.StringType):
        return lambda v: value_to_string(v, from_t)
    checked = _make_caster(from_t, to_t)
    if checked is None:
        return lambda v: None
    if not ansi:
        return checked

    def ansi_cast(v):
        r = checked(v)
        if r is None:
            raise cast_error(v, from_t, to_t)
        return r
    return ansi_cast


def _make_caster(f, t):
    if isinstance(t, T.IntegralType):
        if isinstance(f, T.StringType):
            return lambda v: _str_to_int(v, t)
        if isinstance(f, T.BooleanType):
            return lambda v: 1 if v else 0
        if isinstance(f, T.IntegralType):
            return _int_caster(t)
        if isinstance(f, (T.DoubleType, T.FloatType)):
            return lambda v: _double_to_integral(v, t)
        if isinstance(f, T.DecimalType):
            def dec_to_int(v):
                iv = int(v)
                lo, hi = T.INT_RANGES[type(t).__name__]
                if isinstance(t, (T.IntegerType, T.LongType)):
                    return iv if lo <= iv <= hi else None
                return _wrap_int(iv, t)
            return dec_to_int
        if isinstance(f, (T.TimestampType, T.TimestampNTZType)):
            return lambda v: _wrap_int(int((v - EPOCH_TS).total_seconds() // 1), t)
        if isinstance(f, T.DateType):
            return None
    if isinstance(t, (T.DoubleType, T.FloatType)):
        conv = to_float32 if isinstance(t, T.FloatType) else float
        if isinstance(f, T.StringType):
            def s2d(v):
                r = str_to_double(v)
                return None if r is None else conv(r)
            return s2d
        if isinstance(f, T.BooleanType):
            return lambda v: 1.0 if v else 0.0
        if isinstance(f, (T.NumericType,)):
            return lambda v: conv(float(v))
        if isinstance(f, (T.TimestampType, T.TimestampNTZType)):
            return lambda v: (v - EPOCH_TS).total_seconds()
        return None
    if isinstance(t, T.DecimalType):
        if isinstance(f, T.StringType):
            def s2dec(v):
                d = str_to_decimal(v)
                return None if d is None else fit_decimal(d, t)
            return s2dec
        if isinstance(f, T.BooleanType):
            return lambda v: fit_decimal(decimal.Decimal(1 if v else 0), t)
        if isinstance(f, (T.IntegralType, T.DecimalType)):
            return lambda v: fit_decimal(decimal.Decimal(v), t)
        if isinstance(f, (T.DoubleType, T.FloatType)):
            def f2dec(v):
                if v != v or v in (math.inf, -math.inf):
                    return None
                return fit_decimal(decimal.Decimal(repr(v)), t)
            return f2dec
        return None
    if isinstance(t, T.BooleanType):
        if isinstance(f, T.StringType):
            def s2b(v):
                s = v.strip().lower()
                if s in TRUE_STRINGS:
                    return True
                if s in FALSE_STRINGS:
                    return False
                return None
            return s2b
        if isinstance(f, T.NumericType):
            return lambda v: v != 0
        if isinstance(f, (T.TimestampType,)):
            return lambda v: v != EPOCH_TS
        return None
    if isinstance(t, T.DateType):
        if isinstance(f, T.StringType):
            return str_to_date
        if isinstance(f, (T.TimestampType, T.TimestampNTZType)):
            return lambda v: v.date()
        return None
    if isinstance(t, (T.TimestampType, T.TimestampNTZType)):
        if isinstance(f, T.StringType):
            return str_to_timestamp
        if isinstance(f, T.DateType):
            return lambda v: datetime.datetime(v.year, v.month, v.day)
        if isinstance(f, (T.TimestampType, T.TimestampNTZType)):
            return lambda v: v
        if isinstance(f, T.NumericType):
            def n2ts(v):
                try:
                    return EPOCH_TS + datetime.timedelta(seconds=float(v))
                except (OverflowError, ValueError):
                    return None
            return n2ts
        return None
    if isinstance(t, T.BinaryType):
        if isinstance(f, T.StringType):
            return lambda v: bytearray(v.encode('utf-8'))
        return None
    if isinstance(t, T.ArrayType) and isinstance(f, T.ArrayType):
        ec = make_caster(f.elementType, t.elementType)
        return lambda v: [None if x is None else ec(x) for x in v]
    if isinstance(t, T.MapType) and isinstance(f, T.MapType):
        kc = make_caster(f.keyType, t.keyType)
        vc = make_caster(f.valueType, t.valueType)
        return lambda v: dict((kc(k), None if x is None else vc(x)) for k, x in v.items())
    if isinstance(t, T.StructType) and isinstance(f, T.StructType) and len(t.fields) == len(f.fields):
        cs = [make_caster(a.dataType, b.dataType) for a, b in zip(f.fields, t.fields)]
        return lambda v: tuple(None if x is None else c(x) for c, x in zip(cs, v))
    return None


def can_cast(f, t):
    """Spark's Cast.canCast (the non-ANSI table), enough for type checking."""
    if f == t or isinstance(f, T.NullType):
        return True
    if isinstance(t, T.StringType):
        return True
    if isinstance(f, T.StringType):
        return not isinstance(t, (T.ArrayType, T.MapType, T.StructType))
    if isinstance(t, T.BinaryType):
        return isinstance(f, (T.IntegralType,))
    if isinstance(f, T.BinaryType):
        return False
    if isinstance(t, T.DateType):
        return isinstance(f, (T.TimestampType, T.TimestampNTZType))
    if isinstance(f, T.DateType):
        return isinstance(t, (T.TimestampType, T.TimestampNTZType, T.BooleanType, T.NumericType))
    if isinstance(t, T.ArrayType):
        return isinstance(f, T.ArrayType) and can_cast(f.elementType, t.elementType)
    if isinstance(t, T.MapType):
        return isinstance(f, T.MapType) and can_cast(f.keyType, t.keyType) and can_cast(f.valueType, t.valueType)
    if isinstance(t, T.StructType):
        return isinstance(f, T.StructType) and len(f.fields) == len(t.fields) and all(
            can_cast(a.dataType, b.dataType) for a, b in zip(f.fields, t.fields))
    if isinstance(f, (T.ArrayType, T.MapType, T.StructType)):
        return False
    return True


def force_nullable(f, t):
    """Spark's Cast.forceNullable: casts that may produce NULL from a non-null input."""
    if isinstance(f, T.NullType):
        return False
    if isinstance(f, T.StringType) and isinstance(t, T.BinaryType):
        return False
    if isinstance(f, T.StringType):
        return True
    if isinstance(t, T.StringType):
        return False
    if isinstance(f, (T.FloatType, T.DoubleType)) and isinstance(t, T.TimestampType):
        return True
    if isinstance(f, T.TimestampType) and isinstance(t, T.DateType):
        return False
    if isinstance(t, T.DateType):
        return True
    if isinstance(f, T.DateType) and isinstance(t, T.TimestampType):
        return False
    if isinstance(f, T.DateType):
        return True
    if isinstance(t, T.DecimalType) and not _null_safe_to_decimal(f, t):
        return True
    if isinstance(f, T.FractionalType) and isinstance(t, T.IntegralType):
        return True  # NaN, infinity (Spark keeps this even in non-ANSI mode)
    return False


def _null_safe_to_decimal(f, t):
    if isinstance(f, T.BooleanType):
        return t.precision - t.scale >= 1
    if isinstance(f, T.IntegralType):
        d = T.decimal_for_integral(f)
        return t.precision - t.scale >= d.precision - d.scale
    if isinstance(f, T.DecimalType):
        return t.precision - t.scale >= f.precision - f.scale
    return False

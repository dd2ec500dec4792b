"""Java's textual forms of numbers and datetimes, as Spark prints them.

Spark formats doubles with ``java.lang.Double.toString`` (``1.0E10``, ``0.001``, ``1.0E-4``),
decimals with ``BigDecimal.toPlainString``-like text keeping the scale, timestamps without
trailing fractional zeros. We use Python's shortest round-trip digits, which is what the JDK
(19+, and in practice for nearly all values in 17) prints.
"""

import datetime
import decimal
import math
import struct


def _sci_or_plain(digits, exp10, lo=-3, hi=7):
    """digits: str of significant digits; value = 0.d1d2... * 10**exp10."""
    # decimal exponent of the first digit
    e = exp10 - 1
    if lo <= e < hi:
        if e >= 0:
            int_part = digits[:e + 1].ljust(e + 1, '0')
            frac = digits[e + 1:] or '0'
        else:
            int_part = '0'
            frac = '0' * (-e - 1) + digits
        return int_part + '.' + frac
    mant = digits[0] + '.' + (digits[1:] or '0')
    return '%sE%d' % (mant, e)


def _shortest_digits(text):
    d = decimal.Decimal(text)
    sign, digs, exp = d.as_tuple()
    s = ''.join(str(x) for x in digs).rstrip('0') or '0'
    # value = int(digs) * 10**exp ; as 0.DIGS * 10**(len(digs)+exp)
    return s, len(digs) + exp


def double_to_str(v):
    """``java.lang.Double.toString``."""
    if v != v:
        return 'NaN'
    if v == math.inf:
        return 'Infinity'
    if v == -math.inf:
        return '-Infinity'
    if v == 0:
        return '-0.0' if math.copysign(1.0, v) < 0 else '0.0'
    sign = '-' if v < 0 else ''
    digits, e = _shortest_digits(repr(abs(v)))
    return sign + _sci_or_plain(digits, e)


def _float32_repr(v):
    packed = struct.unpack('f', struct.pack('f', v))[0]
    for prec in range(1, 18):
        s = '%.*g' % (prec, packed)
        if struct.unpack('f', struct.pack('f', float(s)))[0] == packed:
            return s
    return repr(packed)


def float_to_str(v):
    """``java.lang.Float.toString`` (shortest digits that round-trip through float32)."""
    if v != v:
        return 'NaN'
    if v == math.inf:
        return 'Infinity'
    if v == -math.inf:
        return '-Infinity'
    if v == 0:
        return '-0.0' if math.copysign(1.0, v) < 0 else '0.0'
    sign = '-' if v < 0 else ''
    digits, e = _shortest_digits(_float32_repr(abs(v)))
    return sign + _sci_or_plain(digits, e)


def to_float32(v):
    """Round a Python float to float32 precision (FloatType values)."""
    try:
        return struct.unpack('f', struct.pack('f', v))[0]
    except OverflowError:
        return math.inf if v > 0 else -math.inf


def decimal_to_str(d):
    """Spark's Decimal.toString: plain notation keeping the scale (``40.0``, ``35.75000``)."""
    if d.is_nan():
        return 'NaN'
    return format(d, 'f')


def date_to_str(d):
    y = d.year
    return '%04d-%02d-%02d' % (y, d.month, d.day)


def timestamp_to_str(ts):
    """Spark's timestamp text: ``yyyy-MM-dd HH:mm:ss`` plus the fraction without trailing zeros."""
    base = '%s %02d:%02d:%02d' % (date_to_str(ts), ts.hour, ts.minute, ts.second)
    if ts.microsecond:
        base += ('.%06d' % ts.microsecond).rstrip('0')
    return base


def timestamp_to_json(ts, tz_name='UTC'):
    """Spark's JSON timestamp: ``yyyy-MM-dd'T'HH:mm:ss.SSSXXX`` in the session time zone."""
    ms = ts.microsecond // 1000
    off = _zone_suffix(ts, tz_name)
    return '%sT%02d:%02d:%02d.%03d%s' % (date_to_str(ts), ts.hour, ts.minute, ts.second, ms, off)


def _zone_suffix(ts, tz_name):
    if tz_name in ('UTC', 'GMT', 'Z', 'Etc/UTC', '+00:00'):
        return 'Z'
    from .zones import zone
    z = zone(tz_name)
    if z is None:
        return 'Z'
    off = ts.replace(tzinfo=z).utcoffset()
    mins = int(off.total_seconds() // 60)
    if mins == 0:
        return 'Z'
    sign = '+' if mins > 0 else '-'
    mins = abs(mins)
    return '%s%02d:%02d' % (sign, mins // 60, mins % 60)


EPOCH_DATE = datetime.date(1970, 1, 1)
EPOCH_TS = datetime.datetime(1970, 1, 1)

"""Number and typed literals as Spark types them (int/bigint/decimal by size, 2.5 ->
decimal(2,1), 1e0 -> double, suffixes L/S/Y/D/F/BD, DATE/TIMESTAMP/X strings)."""

import decimal

from . import types as T
from . import expressions as E
from .errors import ParseException
from .casts import str_to_date, str_to_timestamp


def _negate_literal(lit):
    """The literal already carries its negative value and type (see _number_literal)."""
    return lit


def _number_literal(t, parser, negative=False):
    num, suffix = t.value
    if negative:
        num = '-' + num
    if t.kind == 'int' and not suffix:
        v = int(num)
        if -2 ** 31 <= v <= 2 ** 31 - 1:
            return E.Literal(v, T.IntegerType())
        if -2 ** 63 <= v <= 2 ** 63 - 1:
            return E.Literal(v, T.LongType())
        d = decimal.Decimal(num)
        return E.Literal(d, T.DecimalType(max(len(num.lstrip('-').lstrip('0')) or 1, 1), 0))
    if suffix == 'L':
        v = int(decimal.Decimal(num))
        if not (-2 ** 63 <= v <= 2 ** 63 - 1):
            raise _range_error(t, parser, 'Long', num)
        return E.Literal(v, T.LongType())
    if suffix == 'S':
        v = int(decimal.Decimal(num))
        if not (-2 ** 15 <= v <= 2 ** 15 - 1):
            raise _range_error(t, parser, 'Short', num)
        return E.Literal(v, T.ShortType())
    if suffix == 'Y':
        v = int(decimal.Decimal(num))
        if not (-128 <= v <= 127):
            raise _range_error(t, parser, 'Byte', num)
        return E.Literal(v, T.ByteType())
    if suffix == 'D' or (t.kind == 'double' and not suffix):
        return E.Literal(float(num), T.DoubleType())
    if suffix == 'F':
        from .javafmt import to_float32
        return E.Literal(to_float32(float(num)), T.FloatType())
    # decimal literal (or BD suffix)
    d = decimal.Decimal(num)
    sign, digits, exp = d.as_tuple()
    scale = max(-exp, 0)
    prec = len(digits)
    if exp > 0:
        d = d.quantize(decimal.Decimal(1))
        prec = len(d.as_tuple().digits)
        scale = 0
    prec = max(prec, scale)
    if prec > 38:
        return E.Literal(float(num), T.DoubleType())
    return E.Literal(d, T.DecimalType(max(prec, 1), scale))


def _range_error(t, parser, kind, num):
    lim = {'Long': ('-9223372036854775808', '9223372036854775807'),
           'Short': ('-32768', '32767'), 'Byte': ('-128', '127')}[kind]
    return ParseException('INVALID_NUMERIC_LITERAL_RANGE', {}, message=(
        '[INVALID_NUMERIC_LITERAL_RANGE] Numeric literal %s is outside the valid range for %s '
        'with minimum value of %s and maximum value of %s. Please adjust the value accordingly.'
        % (num, kind.lower() if False else {'Long': 'bigint', 'Short': 'smallint', 'Byte': 'tinyint'}[kind], lim[0], lim[1])),
        command=parser.text, line=t.line, pos=t.pos)


def _typed_literal(kind, s, t, parser):
    if kind == 'DATE':
        d = str_to_date(s)
        if d is None:
            raise ParseException('INVALID_TYPED_LITERAL', {'valueType': '"DATE"', 'value': "'%s'" % s},
                                 command=parser.text, line=t.line, pos=t.pos)
        return E.Literal(d, T.DateType())
    if kind == 'X':
        try:
            return E.Literal(bytearray(bytes.fromhex(s)), T.BinaryType())
        except ValueError:
            raise ParseException('INVALID_TYPED_LITERAL', {'valueType': '"X"', 'value': "'%s'" % s},
                                 command=parser.text, line=t.line, pos=t.pos)
    ts = str_to_timestamp(s)
    if ts is None:
        raise ParseException('INVALID_TYPED_LITERAL', {'valueType': '"%s"' % kind, 'value': "'%s'" % s},
                             command=parser.text, line=t.line, pos=t.pos)
    if kind == 'TIMESTAMP_NTZ':
        return E.Literal(ts, T.TimestampNTZType())
    return E.Literal(ts, T.TimestampType())

"""ANSI interval literals, text and arithmetic (DayTimeIntervalType in microseconds,
YearMonthIntervalType in months), enough for ``date/timestamp +- INTERVAL ...``."""

import calendar
import datetime
import re

from . import types as T

US = {'day': 86400000000, 'hour': 3600000000, 'minute': 60000000, 'second': 1000000,
      'millisecond': 1000, 'microsecond': 1}
_DT_ORDER = ['day', 'hour', 'minute', 'second']


def unit_name(word):
    w = word.lower()
    if w.endswith('s') and w[:-1] in ('year', 'month', 'week', 'day', 'hour', 'minute', 'second',
                                      'millisecond', 'microsecond'):
        w = w[:-1]
    return w if w in ('year', 'month', 'week', 'day', 'hour', 'minute', 'second', 'millisecond',
                      'microsecond') else None


def from_units(pairs):
    """[(number text, unit)] -> (value, DataType) or None when year-month and day-time mix."""
    months = 0
    micros = 0
    ym_fields = []
    dt_fields = []
    for num, unit in pairs:
        if unit in ('year', 'month'):
            v = int(num)
            months += v * 12 if unit == 'year' else v
            ym_fields.append(0 if unit == 'year' else 1)
        else:
            if unit == 'week':
                micros += int(float(num) * 7 * US['day'])
                dt_fields.append(0)
                continue
            micros += int(round(float(num) * US[unit]))
            f = {'day': 0, 'hour': 1, 'minute': 2}.get(unit, 3)
            dt_fields.append(f)
    if ym_fields and dt_fields:
        return None
    if ym_fields:
        return months, T.YearMonthIntervalType(min(ym_fields), max(ym_fields))
    return micros, T.DayTimeIntervalType(min(dt_fields), max(dt_fields))


def parse_typed(text, start, end):
    """INTERVAL 'text' START [TO END]."""
    t = text.strip()
    neg = t.startswith('-')
    if t[:1] in '+-':
        t = t[1:]
    if start in ('year', 'month'):
        if start == 'year' and end == 'month':
            m = re.match(r'^(\d+)-(\d+)$', t)
            if not m:
                return None
            v = int(m.group(1)) * 12 + int(m.group(2))
        else:
            v = int(t) * (12 if start == 'year' else 1)
        return (-v if neg else v), T.YearMonthIntervalType(0 if start == 'year' else 1,
                                                           0 if (end or start) == 'year' else 1)
    parts = re.split(r'[ :]', t)
    fields = _DT_ORDER[_DT_ORDER.index(start):_DT_ORDER.index(end or start) + 1]
    if len(parts) != len(fields):
        return None
    micros = 0
    for p, f in zip(parts, fields):
        micros += int(round(float(p) * US[f]))
    return (-micros if neg else micros), T.DayTimeIntervalType(_DT_ORDER.index(start),
                                                              _DT_ORDER.index(end or start))


def to_text(v, dt):
    """Spark's ANSI interval string: INTERVAL '1 02:03:04' DAY TO SECOND."""
    if isinstance(dt, T.YearMonthIntervalType):
        sign = '-' if v < 0 else ''
        a = abs(v)
        if dt.startField == 0 and dt.endField == 1:
            body = '%s%d-%d' % (sign, a // 12, a % 12)
        elif dt.startField == 0:
            body = '%s%d' % (sign, a // 12)
        else:
            body = '%s%d' % (sign, a)
        return "INTERVAL '%s' %s" % (body, dt.simpleString()[9:].upper())
    sign = '-' if v < 0 else ''
    a = abs(v)
    days, rem = divmod(a, US['day'])
    hours, rem = divmod(rem, US['hour'])
    minutes, rem = divmod(rem, US['minute'])
    secs, micros = divmod(rem, US['second'])
    sec_text = '%02d' % secs + (('.%06d' % micros).rstrip('0') if micros else '')
    start, end = dt.startField, dt.endField
    leading = [days, days * 24 + hours, (days * 24 + hours) * 60 + minutes,
               ((days * 24 + hours) * 60 + minutes) * 60 + secs][start]
    pieces = []
    for f in range(start, end + 1):
        if f == start:
            if f == 3:
                pieces.append('%02d' % leading + (('.%06d' % micros).rstrip('0') if micros else ''))
            else:
                pieces.append(('%d' if f == 0 else '%02d') % leading)
        elif f == 1:
            pieces.append(' %02d' % hours if start == 0 else '%02d' % hours)
        elif f == 2:
            pieces.append(':%02d' % minutes)
        else:
            pieces.append(':' + sec_text)
    body = sign + ''.join(pieces)
    return "INTERVAL '%s' %s" % (body, dt.simpleString()[9:].upper())


def add_months(d, n):
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    day = min(d.day, calendar.monthrange(y, m)[1])
    return d.replace(year=y, month=m, day=day)


def add_interval(base, v, dt, sign):
    if isinstance(dt, T.YearMonthIntervalType):
        return add_months(base, sign * v)
    if isinstance(base, datetime.datetime):
        return base + datetime.timedelta(microseconds=sign * v)
    if v % US['day'] == 0:
        return base + datetime.timedelta(days=sign * v // US['day'])
    return datetime.datetime(base.year, base.month, base.day) + datetime.timedelta(microseconds=sign * v)

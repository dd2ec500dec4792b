"""Date/time built-ins (current_date, year.., date_add, date_format with Java patterns)."""

import datetime
import re

from . import types as T
from .casts import make_caster
from .expressions import TypeCheckError, Literal
from .function_spec import define as _spec, FunctionSpec, register, coerce_arg
from .javafmt import EPOCH_DATE, EPOCH_TS


# ------------------------------------------------------------------------------ datetime


def _current_date_factory(e, ctx):
    d = ctx.now().date()
    return lambda: d


def _current_ts_factory(e, ctx):
    t = ctx.now()
    return lambda: t


_spec('current_date', 0, None, T.DateType(), _current_date_factory, 'curdate', factory=True,
      null_intolerant=False, nullable=False, no_fold=True)
_spec('current_timestamp', 0, None, T.TimestampType(), _current_ts_factory, 'now', factory=True,
      null_intolerant=False, nullable=False, no_fold=True)
_spec('localtimestamp', 0, None, T.TimestampNTZType(), _current_ts_factory, factory=True,
      null_intolerant=False, nullable=False, no_fold=True)
_spec('current_timezone', 0, None, T.StringType(), lambda: 'UTC', null_intolerant=False, nullable=False)
_spec('current_database', 0, None, T.StringType(), None, 'current_schema', null_intolerant=False,
      nullable=False)


class _CurrentDbSpec(FunctionSpec):
    def compile(self, e, ctx):
        db = ctx.current_database()
        return lambda row: db


register(_CurrentDbSpec('current_database', 0, 0, None, T.StringType(), None, nullable=False,
                        null_intolerant=False), 'current_schema')
register(_CurrentDbSpec('current_catalog', 0, 0, None, T.StringType(), None, nullable=False,
                        null_intolerant=False))
_spec('current_user', 0, None, T.StringType(), lambda: 'livy', 'user', 'session_user',
      null_intolerant=False, nullable=False)
_spec('version', 0, None, T.StringType(), lambda: '3.5.9 unknown', null_intolerant=False, nullable=False)

_spec('year', 1, ['date'], T.IntegerType(), lambda d: d.year)
_spec('month', 1, ['date'], T.IntegerType(), lambda d: d.month)
_spec('day', 1, ['date'], T.IntegerType(), lambda d: d.day, 'dayofmonth')
_spec('quarter', 1, ['date'], T.IntegerType(), lambda d: (d.month - 1) // 3 + 1)
_spec('dayofweek', 1, ['date'], T.IntegerType(), lambda d: d.isoweekday() % 7 + 1)
_spec('weekday', 1, ['date'], T.IntegerType(), lambda d: d.weekday())
_spec('dayofyear', 1, ['date'], T.IntegerType(), lambda d: d.timetuple().tm_yday)
_spec('weekofyear', 1, ['date'], T.IntegerType(), lambda d: d.isocalendar()[1])
_spec('hour', 1, ['timestamp'], T.IntegerType(), lambda t: t.hour)
_spec('minute', 1, ['timestamp'], T.IntegerType(), lambda t: t.minute)
_spec('second', 1, ['timestamp'], T.IntegerType(), lambda t: t.second)
_spec('last_day', 1, ['date'], T.DateType(),
      lambda d: (datetime.date(d.year + d.month // 12, d.month % 12 + 1, 1) - datetime.timedelta(days=1)))


def _date_add(d, n):
    try:
        return d + datetime.timedelta(days=n)
    except OverflowError:
        return None


_spec('date_add', 2, ['date', 'int'], T.DateType(), _date_add, 'dateadd')
_spec('date_sub', 2, ['date', 'int'], T.DateType(), lambda d, n: _date_add(d, -n))
_spec('datediff', 2, ['date', 'date'], T.IntegerType(), lambda a, b: (a - b).days, 'date_diff')


def _add_months(d, n):
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    import calendar
    last = calendar.monthrange(y, m)[1]
    return datetime.date(y, m, min(d.day, last))


_spec('add_months', 2, ['date', 'int'], T.DateType(), _add_months)


def _months_between(a, b, round_off=True):
    import calendar
    a_last = a.day == calendar.monthrange(a.year, a.month)[1]
    b_last = b.day == calendar.monthrange(b.year, b.month)[1]
    months = (a.year - b.year) * 12 + (a.month - b.month)
    if a.day == b.day or (a_last and b_last):
        r = float(months)
    else:
        sa = (a.day - 1) * 86400 + a.hour * 3600 + a.minute * 60 + a.second
        sb = (b.day - 1) * 86400 + b.hour * 3600 + b.minute * 60 + b.second
        r = months + (sa - sb) / (31.0 * 86400)
    if round_off:
        r = round(r, 8)
    return r


_spec('months_between', (2, 3), ['timestamp', 'timestamp', 'boolean'], T.DoubleType(), _months_between)

_JAVA_FMT = [('yyyy', '%Y'), ('yy', '%y'), ('MMMM', '%B'), ('MMM', '%b'), ('MM', '%m'),
             ('dd', '%d'), ('HH', '%H'), ('hh', '%I'), ('mm', '%M'), ('ss', '%S'), ('EEEE', '%A'),
             ('EEE', '%a'), ('E', '%a'), ('a', '%p'), ('D', '%j')]


def java_datetime_format(ts, fmt):
    out = []
    i = 0
    while i < len(fmt):
        c = fmt[i]
        if c == "'":
            j = fmt.find("'", i + 1)
            if j < 0:
                j = len(fmt)
            out.append(fmt[i + 1:j] if j > i + 1 else "'")
            i = j + 1
            continue
        if c.isalpha():
            j = i
            while j < len(fmt) and fmt[j] == c:
                j += 1
            n = j - i
            out.append(_fmt_field(ts, c, n))
            i = j
            continue
        out.append(c)
        i += 1
    return ''.join(out)


def _fmt_field(ts, c, n):
    if not isinstance(ts, datetime.datetime):
        ts = datetime.datetime(ts.year, ts.month, ts.day)
    if c == 'y':
        return ('%02d' % (ts.year % 100)) if n == 2 else ('%0*d' % (n, ts.year))
    if c == 'M' or c == 'L':
        if n >= 4:
            return ts.strftime('%B')
        if n == 3:
            return ts.strftime('%b')
        return '%0*d' % (n, ts.month)
    if c == 'd':
        return '%0*d' % (n, ts.day)
    if c == 'D':
        return '%0*d' % (n, ts.timetuple().tm_yday)
    if c == 'H':
        return '%0*d' % (n, ts.hour)
    if c == 'h':
        return '%0*d' % (n, (ts.hour % 12) or 12)
    if c == 'm':
        return '%0*d' % (n, ts.minute)
    if c == 's':
        return '%0*d' % (n, ts.second)
    if c == 'S':
        return ('%06d' % ts.microsecond)[:n].ljust(n, '0')
    if c == 'E':
        return ts.strftime('%A') if n >= 4 else ts.strftime('%a')
    if c == 'a':
        return 'AM' if ts.hour < 12 else 'PM'
    if c in 'XZx':
        return 'Z' if c == 'X' else '+0000'
    if c == 'z':
        return 'UTC'
    return c * n


def _date_format_typer(e, ctx):
    e.children = [coerce_arg(e.children[0], 'timestamp', e, 1), coerce_arg(e.children[1], 'string', e, 2)]
    e.data_type = T.StringType()


_spec('date_format', 2, None, None, java_datetime_format, typer=_date_format_typer)


def _java_pattern_regex(fmt):
    out = []
    i = 0
    groups = []
    while i < len(fmt):
        c = fmt[i]
        if c == "'":
            j = fmt.find("'", i + 1)
            out.append(re.escape(fmt[i + 1:j]))
            i = j + 1
            continue
        if c.isalpha():
            j = i
            while j < len(fmt) and fmt[j] == c:
                j += 1
            n = j - i
            if c == 'S':
                out.append(r'(\d{1,%d})' % n)
            elif c == 'y' and n != 2:
                out.append(r'(\d{4})')
            elif c == 'M' and n >= 3:
                out.append(r'([A-Za-z]+)')
            else:
                out.append(r'(\d{1,2})' if n <= 2 else r'(\d{%d})' % n)
            groups.append(c)
            i = j
            continue
        out.append(re.escape(c))
        i += 1
    return re.compile('^' + ''.join(out) + '$'), groups


def parse_with_pattern(s, fmt):
    rx, groups = _java_pattern_regex(fmt)
    m = rx.match(s.strip())
    if not m:
        return None
    vals = {'y': 1970, 'M': 1, 'd': 1, 'H': 0, 'm': 0, 's': 0, 'S': 0}
    for g, v in zip(groups, m.groups()):
        if g == 'M' and not v.isdigit():
            try:
                v = datetime.datetime.strptime(v[:3], '%b').month
            except ValueError:
                return None
        if g == 'S':
            v = int((v + '000000')[:6])
        elif g == 'h':
            g = 'H'
        vals[g] = int(v)
    if 'y' in groups and len(str(vals['y'])) <= 2 and fmt.count('y') == 2:
        vals['y'] += 2000
    try:
        return datetime.datetime(vals['y'], vals['M'], vals['d'], vals['H'], vals['m'], vals['s'], vals['S'])
    except ValueError:
        return None


def _to_date_typer(e, ctx):
    a = e.children[0]
    if len(e.children) == 1:
        if not isinstance(a.data_type, (T.StringType, T.DateType, T.TimestampType, T.NullType, T.TimestampNTZType)):
            raise TypeCheckError('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE', {
                'sqlExpr': '"%s"' % e.sql(), 'paramIndex': '1',
                'requiredType': '("STRING" or "DATE" or "TIMESTAMP" or "TIMESTAMP_NTZ")',
                'inputSql': '"%s"' % a.sql(), 'inputType': '"%s"' % a.data_type.sql_name()})
    else:
        e.children = [coerce_arg(a, 'string', e, 1), coerce_arg(e.children[1], 'string', e, 2)]
    e.data_type = T.DateType() if e.name == 'to_date' else T.TimestampType()


def _to_date_factory(e, ctx):
    want_date = e.name == 'to_date'
    src = e.children[0].data_type
    conv = make_caster(src, e.data_type)

    def run(v, fmt=None):
        if fmt is None:
            return conv(v)
        ts = parse_with_pattern(v, fmt)
        if ts is None:
            return None
        return ts.date() if want_date else ts
    return run


_spec('to_date', (1, 2), None, None, _to_date_factory, typer=_to_date_typer, factory=True, nullable=True)
_spec('to_timestamp', (1, 2), None, None, _to_date_factory, typer=_to_date_typer, factory=True, nullable=True)


def _unix_ts_typer(e, ctx):
    if not e.children:
        e.data_type = T.LongType()
        return
    if len(e.children) == 1:
        e.children = list(e.children) + [Literal('yyyy-MM-dd HH:mm:ss', T.StringType())]
    a = e.children[0]
    if isinstance(a.data_type, (T.DateType, T.TimestampType)):
        pass
    else:
        a = coerce_arg(a, 'string', e, 1)
    e.children = [a] + [coerce_arg(x, 'string', e, i + 2) for i, x in enumerate(e.children[1:])]
    e.data_type = T.LongType()


def _unix_ts_factory(e, ctx):
    now = ctx.now()

    def run(v=None, fmt='yyyy-MM-dd HH:mm:ss'):
        if v is None:
            v = now
        if isinstance(v, str):
            v = parse_with_pattern(v, fmt)
            if v is None:
                return None
        if isinstance(v, datetime.date) and not isinstance(v, datetime.datetime):
            v = datetime.datetime(v.year, v.month, v.day)
        return int((v - EPOCH_TS).total_seconds() // 1)
    return run


class _UnixTsSpec(FunctionSpec):
    def compile(self, e, ctx):
        fn = _unix_ts_factory(e, ctx)
        fs = [c.compile(ctx) for c in e.children]
        if not fs:
            return lambda row: fn()

        def run(row):
            vals = [f(row) for f in fs]
            if any(v is None for v in vals):
                return None
            return fn(*vals)
        return run


register(_UnixTsSpec('unix_timestamp', 0, 2, None, None, None, typer=_unix_ts_typer, nullable=True))
_spec('from_unixtime', (1, 2), ['long', 'string'], T.StringType(),
      lambda s, fmt='yyyy-MM-dd HH:mm:ss': java_datetime_format(EPOCH_TS + datetime.timedelta(seconds=s), fmt))
_spec('timestamp_seconds', 1, ['numeric'], T.TimestampType(),
      lambda s: EPOCH_TS + datetime.timedelta(seconds=float(s)))
_spec('unix_date', 1, ['date'], T.IntegerType(), lambda d: (d - EPOCH_DATE).days)
_spec('date_from_unix_date', 1, ['int'], T.DateType(), lambda n: EPOCH_DATE + datetime.timedelta(days=n))
_spec('make_date', 3, ['int'], T.DateType(), lambda y, m, d: _safe_date(y, m, d), nullable=True)


def _safe_date(y, m, d):
    try:
        return datetime.date(y, m, d)
    except ValueError:
        return None


def _trunc_date(d, unit):
    u = unit.lower()
    if u in ('year', 'yyyy', 'yy'):
        return datetime.date(d.year, 1, 1)
    if u in ('month', 'mon', 'mm'):
        return datetime.date(d.year, d.month, 1)
    if u == 'quarter':
        return datetime.date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)
    if u == 'week':
        return d - datetime.timedelta(days=d.weekday())
    return None


_spec('trunc', 2, ['date', 'string'], T.DateType(), _trunc_date, nullable=True)


def _date_trunc(unit, ts):
    u = unit.lower()
    d = _trunc_date(ts.date(), u)
    if d is not None:
        return datetime.datetime(d.year, d.month, d.day)
    if u in ('day', 'dd'):
        return datetime.datetime(ts.year, ts.month, ts.day)
    if u == 'hour':
        return ts.replace(minute=0, second=0, microsecond=0)
    if u == 'minute':
        return ts.replace(second=0, microsecond=0)
    if u == 'second':
        return ts.replace(microsecond=0)
    return None


_spec('date_trunc', 2, ['string', 'timestamp'], T.TimestampType(), _date_trunc, nullable=True)

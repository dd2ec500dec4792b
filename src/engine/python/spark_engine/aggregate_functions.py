"""Built-in aggregate functions with Spark's result types (sum(int) -> bigint, avg(decimal(p,s))
-> decimal(p+4,s+4), count -> bigint not null...) and accumulators."""

import decimal
import math

from . import types as T
from .casts import DEC_CTX, fit_decimal
from .expressions import TypeCheckError, implicit_cast
from .function_spec import AggSpec, register_agg, coerce_arg


def _numeric_arg(e, idx=0, name=None):
    a = e.children[idx]
    if isinstance(a.data_type, (T.StringType, T.NullType)):
        a = implicit_cast(a, T.DoubleType())
    if not isinstance(a.data_type, T.NumericType):
        raise TypeCheckError('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE', {
            'sqlExpr': '"%s"' % e.sql(), 'paramIndex': str(idx + 1),
            'requiredType': '("NUMERIC" or "ANSI INTERVAL")',
            'inputSql': '"%s"' % a.sql(), 'inputType': '"%s"' % a.data_type.sql_name()})
    ch = list(e.children)
    ch[idx] = a
    e.children = ch
    return a


# count --------------------------------------------------------------------------------

def _count_typer(e, ctx):
    e.data_type = T.LongType()


register_agg(AggSpec('count', 0, 10 ** 6, _count_typer, lambda e: 0,
                     lambda e, s, vals: s + 1, lambda e, s: s, nullable=False,
                     skip_nulls=True))

register_agg(AggSpec('count_if', 1, 1, lambda e, ctx: setattr(e, 'data_type', T.LongType()),
                     lambda e: 0, lambda e, s, vals: s + (1 if vals[0] is True else 0),
                     lambda e, s: s, nullable=False, skip_nulls=False))


# sum ----------------------------------------------------------------------------------

def _sum_typer(e, ctx):
    a = _numeric_arg(e)
    dt = a.data_type
    if isinstance(dt, T.IntegralType):
        e.data_type = T.LongType()
    elif isinstance(dt, T.DecimalType):
        e.data_type = T.bounded_decimal(dt.precision + 10, dt.scale)
    else:
        e.data_type = T.DoubleType()


def _sum_update(e, s, vals):
    v = vals[0]
    return v if s is None else s + v


def _sum_finish(e, s):
    if s is None:
        return None
    dt = e.data_type
    if isinstance(dt, T.LongType):
        return T.wrap_integral(s, dt)
    if isinstance(dt, T.DecimalType):
        return fit_decimal(s, dt)
    return float(s)


register_agg(AggSpec('sum', 1, 1, _sum_typer, lambda e: None, _sum_update, _sum_finish))


# avg ----------------------------------------------------------------------------------

def _avg_typer(e, ctx):
    a = _numeric_arg(e)
    dt = a.data_type
    if isinstance(dt, T.DecimalType):
        e.data_type = T.bounded_decimal(dt.precision + 4, dt.scale + 4)
    else:
        e.data_type = T.DoubleType()


def _avg_update(e, s, vals):
    total, n = s
    return (vals[0] if total is None else total + vals[0], n + 1)


def _avg_finish(e, s):
    total, n = s
    if n == 0:
        return None
    if isinstance(e.data_type, T.DecimalType):
        return fit_decimal(DEC_CTX.divide(decimal.Decimal(total), decimal.Decimal(n)), e.data_type)
    return float(total) / n


register_agg(AggSpec('avg', 1, 1, _avg_typer, lambda e: (None, 0), _avg_update, _avg_finish), 'mean')


# min / max ------------------------------------------------------------------------------

def _same_typer(e, ctx):
    e.data_type = e.children[0].data_type


def _minmax(better):
    def update(e, s, vals):
        from .expressions import comparable_key
        v = vals[0]
        if s is None:
            return v
        key = comparable_key(e.data_type)
        return v if better(key(v), key(s)) else s
    return update


register_agg(AggSpec('min', 1, 1, _same_typer, lambda e: None, _minmax(lambda a, b: a < b),
                     lambda e, s: s))
register_agg(AggSpec('max', 1, 1, _same_typer, lambda e: None, _minmax(lambda a, b: a > b),
                     lambda e, s: s))


def _by_typer(e, ctx):
    e.data_type = e.children[0].data_type


def _by(better):
    def update(e, s, vals):
        v, k = vals
        if k is None:
            return s
        if s is None or better(k, s[1]):
            return (v, k)
        return s
    return update


register_agg(AggSpec('max_by', 2, 2, _by_typer, lambda e: None, _by(lambda a, b: a > b),
                     lambda e, s: None if s is None else s[0], skip_nulls=False))
register_agg(AggSpec('min_by', 2, 2, _by_typer, lambda e: None, _by(lambda a, b: a < b),
                     lambda e, s: None if s is None else s[0], skip_nulls=False))


# first / last ---------------------------------------------------------------------------

_UNSET = ('__unset__',)


def _first_update(e, s, vals):
    if s is not _UNSET:
        return s
    v = vals[0]
    if v is None and e.ignore_nulls:
        return s
    return v


def _last_update(e, s, vals):
    v = vals[0]
    if v is None and e.ignore_nulls:
        return s
    return v


def _first_typer(e, ctx):
    if len(e.children) == 2:
        e.ignore_nulls = bool(e.children[1].value)
        e.children = e.children[:1]
    e.data_type = e.children[0].data_type


register_agg(AggSpec('first', 1, 2, _first_typer, lambda e: _UNSET, _first_update,
                     lambda e, s: None if s is _UNSET else s, skip_nulls=False),
             'first_value')
register_agg(AggSpec('last', 1, 2, _first_typer, lambda e: _UNSET, _last_update,
                     lambda e, s: None if s is _UNSET else s, skip_nulls=False),
             'last_value')
register_agg(AggSpec('any_value', 1, 2, _first_typer, lambda e: _UNSET, _first_update,
                     lambda e, s: None if s is _UNSET else s, skip_nulls=False))


# collect --------------------------------------------------------------------------------

def _collect_typer(e, ctx):
    e.data_type = T.ArrayType(e.children[0].data_type, False)


def _collect_set_update(e, s, vals):
    if vals[0] not in s:
        s.append(vals[0])
    return s


register_agg(AggSpec('collect_list', 1, 1, _collect_typer, lambda e: [],
                     lambda e, s, vals: s + [vals[0]], lambda e, s: s, nullable=False),
             'array_agg')
register_agg(AggSpec('collect_set', 1, 1, _collect_typer, lambda e: [], _collect_set_update,
                     lambda e, s: s, nullable=False))


# boolean ---------------------------------------------------------------------------------

def _bool_typer(e, ctx):
    e.children = [coerce_arg(e.children[0], 'boolean', e, 1)]
    e.data_type = T.BooleanType()


register_agg(AggSpec('bool_or', 1, 1, _bool_typer, lambda e: None,
                     lambda e, s, vals: bool(vals[0]) or bool(s), lambda e, s: s), 'any', 'some')
register_agg(AggSpec('bool_and', 1, 1, _bool_typer, lambda e: None,
                     lambda e, s, vals: bool(vals[0]) and (s is None or s), lambda e, s: s), 'every')


# statistics ------------------------------------------------------------------------------

def _double_typer(e, ctx):
    a = e.children[0]
    e.children = [coerce_arg(a, 'double', e, 1)]
    e.data_type = T.DoubleType()


def _moments_update(e, s, vals):
    n, mean, m2 = s
    x = float(vals[0])
    n += 1
    d = x - mean
    mean += d / n
    m2 += d * (x - mean)
    return (n, mean, m2)


def _var(sample, sqrt=False):
    def finish(e, s):
        n, mean, m2 = s
        if n == 0:
            return None
        if sample:
            if n == 1:
                return math.nan
            v = m2 / (n - 1)
        else:
            v = m2 / n
        return math.sqrt(v) if sqrt else v
    return finish


for _name, _fin, _al in (('stddev_samp', _var(True, True), ('stddev', 'std')),
                         ('stddev_pop', _var(False, True), ()),
                         ('var_samp', _var(True), ('variance',)),
                         ('var_pop', _var(False), ())):
    register_agg(AggSpec(_name, 1, 1, _double_typer, lambda e: (0, 0.0, 0.0), _moments_update, _fin), *_al)


def _acd_typer(e, ctx):
    e.data_type = T.LongType()
    e.children = e.children[:1]


register_agg(AggSpec('approx_count_distinct', 1, 2, _acd_typer, lambda e: [],
                     _collect_set_update, lambda e, s: len(s), nullable=False))


def _percentile_typer(e, ctx):
    e.children = [coerce_arg(e.children[0], 'double', e, 1)] + list(e.children[1:])
    e.data_type = T.DoubleType()


def _percentile_finish(e, s):
    if not s:
        return None
    p = e.children[1].value if len(e.children) > 1 else 0.5
    xs = sorted(s)
    pos = (len(xs) - 1) * float(p)
    lo = int(math.floor(pos))
    hi = int(math.ceil(pos))
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


register_agg(AggSpec('percentile', 2, 3, _percentile_typer, lambda e: [],
                     lambda e, s, vals: s + [vals[0]], _percentile_finish))
register_agg(AggSpec('median', 1, 1, _percentile_typer, lambda e: [],
                     lambda e, s, vals: s + [vals[0]], _percentile_finish))


def _percentile_approx_finish(e, s):
    if not s:
        return None
    p = e.children[1].value if len(e.children) > 1 else 0.5
    xs = sorted(s)
    if isinstance(p, list):
        return [xs[max(0, int(math.ceil(float(q) * len(xs))) - 1)] for q in p]
    idx = max(0, int(math.ceil(float(p) * len(xs))) - 1)
    return xs[idx]


def _percentile_approx_typer(e, ctx):
    from .expressions import Literal
    if len(e.children) == 2:
        e.children = list(e.children) + [Literal(10000, T.IntegerType())]
    a = _numeric_arg(e)
    p = e.children[1] if len(e.children) > 1 else None
    if p is not None and isinstance(p.data_type, T.ArrayType):
        e.data_type = T.ArrayType(a.data_type, False)
    else:
        e.data_type = a.data_type


register_agg(AggSpec('percentile_approx', 1, 3, _percentile_approx_typer, lambda e: [],
                     lambda e, s, vals: s + [vals[0]], _percentile_approx_finish), 'approx_percentile')


def _pair_typer(e, ctx):
    e.children = [coerce_arg(e.children[0], 'double', e, 1), coerce_arg(e.children[1], 'double', e, 2)]
    e.data_type = T.DoubleType()


def _pair_update(e, s, vals):
    return s + [(float(vals[0]), float(vals[1]))]


def _cov(sample):
    def finish(e, s):
        n = len(s)
        if n == 0 or (sample and n == 1):
            return None if n == 0 else math.nan
        mx = sum(x for x, _ in s) / n
        my = sum(y for _, y in s) / n
        c = sum((x - mx) * (y - my) for x, y in s)
        return c / (n - 1 if sample else n)
    return finish


def _corr_finish(e, s):
    n = len(s)
    if n == 0:
        return None
    mx = sum(x for x, _ in s) / n
    my = sum(y for _, y in s) / n
    sxy = sum((x - mx) * (y - my) for x, y in s)
    sxx = sum((x - mx) ** 2 for x, _ in s)
    syy = sum((y - my) ** 2 for _, y in s)
    if sxx == 0 or syy == 0:
        return math.nan if n > 1 else None
    return sxy / math.sqrt(sxx * syy)


register_agg(AggSpec('covar_samp', 2, 2, _pair_typer, lambda e: [], _pair_update, _cov(True)))
register_agg(AggSpec('covar_pop', 2, 2, _pair_typer, lambda e: [], _pair_update, _cov(False)))
register_agg(AggSpec('corr', 2, 2, _pair_typer, lambda e: [], _pair_update, _corr_finish))


def _sum_distinct_typer(e, ctx):
    e.distinct = True
    _sum_typer(e, ctx)




"""Math built-ins (abs, round, floor/ceil, sqrt, pow, trig, rand, ids) with Spark's types."""

import decimal
import math
import random

from . import types as T
from .casts import fit_decimal
from .expressions import TypeCheckError, Literal
from .function_spec import define as _spec, coerce_arg


# ------------------------------------------------------------------------------ math

def _abs_type(e, ctx):
    a = coerce_arg(e.children[0], 'numeric', e, 1)
    e.children = [a]
    e.data_type = a.data_type


def _abs_fn(e, ctx):
    dt = e.data_type
    if isinstance(dt, T.IntegralType):
        return lambda v: T.wrap_integral(abs(v), dt)
    return abs


_spec('abs', 1, None, None, _abs_fn, typer=_abs_type, factory=True)


def _round_typer(e, ctx):
    args = list(e.children)
    args[0] = coerce_arg(args[0], 'numeric', e, 1)
    if len(args) > 1:
        args[1] = coerce_arg(args[1], 'int', e, 2)
        scale = args[1].value if isinstance(args[1], Literal) else 0
    else:
        scale = 0
    e.scale_value = scale
    dt = args[0].data_type
    if isinstance(dt, T.DecimalType):
        s = min(max(scale, 0), dt.scale) if scale >= 0 else 0
        p = dt.precision - dt.scale + s + 1
        e.data_type = T.DecimalType(min(p, 38), s) if scale >= 0 else T.DecimalType(min(dt.precision - dt.scale + 1, 38), 0)
    else:
        e.data_type = dt
    e.children = args


def _round_fn_factory(mode):
    def factory(e, ctx):
        scale = e.scale_value
        dt = e.data_type
        rnd = decimal.ROUND_HALF_UP if mode == 'up' else decimal.ROUND_HALF_EVEN

        def fn(v, *rest):
            if isinstance(v, float):
                if v != v or v in (math.inf, -math.inf):
                    return v
                r = float(decimal.Decimal(repr(v)).quantize(decimal.Decimal(1).scaleb(-scale), rounding=rnd))
                return r
            if isinstance(v, decimal.Decimal):
                q = v.quantize(decimal.Decimal(1).scaleb(-max(scale, 0)), rounding=rnd) if scale >= 0 else \
                    v.scaleb(scale).quantize(decimal.Decimal(1), rounding=rnd).scaleb(-scale)
                return fit_decimal(q, dt)
            if scale >= 0:
                return v
            m = 10 ** (-scale)
            d = decimal.Decimal(v).scaleb(scale).quantize(decimal.Decimal(1), rounding=rnd)
            return T.wrap_integral(int(d) * m, dt)
        return fn
    return factory


_spec('round', (1, 2), None, None, _round_fn_factory('up'), typer=_round_typer, factory=True)
_spec('bround', (1, 2), None, None, _round_fn_factory('even'), typer=_round_typer, factory=True)


def _floor_ceil_typer(e, ctx):
    a = coerce_arg(e.children[0], 'numeric', e, 1)
    e.children = [a] + list(e.children[1:])
    dt = a.data_type
    if isinstance(dt, T.DecimalType):
        e.data_type = T.DecimalType(min(dt.precision - dt.scale + 1, 38), 0)
    else:
        e.data_type = T.LongType()


def _floor_ceil(fn):
    def factory(e, ctx):
        dt = e.data_type

        def run(v):
            if isinstance(v, decimal.Decimal):
                return decimal.Decimal(fn(v))
            if isinstance(v, float):
                if v != v:
                    return 0
                if v in (math.inf, -math.inf):
                    return T.INT_RANGES['LongType'][1] if v > 0 else T.INT_RANGES['LongType'][0]
                r = fn(v)
                lo, hi = T.INT_RANGES['LongType']
                return max(lo, min(hi, r))
            return v
        return run
    return factory


_spec('floor', (1, 2), None, None, _floor_ceil(math.floor), typer=_floor_ceil_typer, factory=True)
_spec('ceil', (1, 2), None, None, _floor_ceil(math.ceil), 'ceiling', typer=_floor_ceil_typer, factory=True)


def _safe_math(f):
    def run(*a):
        try:
            return f(*a)
        except (ValueError, ZeroDivisionError):
            return math.nan
        except OverflowError:
            return math.inf
    return run


def _sqrt(v):
    return math.sqrt(v) if v >= 0 else math.nan


def _log_nullable(args):
    return True


def _ln(v):
    return math.log(v) if v > 0 else None


_spec('sqrt', 1, ['double'], T.DoubleType(), _sqrt)
_spec('cbrt', 1, ['double'], T.DoubleType(), lambda v: math.copysign(abs(v) ** (1.0 / 3), v))
_spec('exp', 1, ['double'], T.DoubleType(), _safe_math(math.exp))
_spec('ln', 1, ['double'], T.DoubleType(), _ln, nullable=True)
_spec('log10', 1, ['double'], T.DoubleType(), lambda v: math.log10(v) if v > 0 else None, nullable=True)
_spec('log2', 1, ['double'], T.DoubleType(), lambda v: math.log2(v) if v > 0 else None, nullable=True)
_spec('log1p', 1, ['double'], T.DoubleType(), lambda v: math.log1p(v) if v > -1 else None, nullable=True)


def _log(*a):
    if len(a) == 1:
        return _ln(a[0])
    b, x = a
    if b <= 0 or x <= 0:
        return None
    return math.log(x) / math.log(b)


_spec('log', (1, 2), ['double'], T.DoubleType(), _log, nullable=True)


def _pow(a, b):
    try:
        return math.pow(a, b)
    except OverflowError:
        return math.inf
    except ValueError:
        return math.nan


_spec('pow', 2, ['double'], T.DoubleType(), _pow, 'power')
for _n, _f in (('sin', math.sin), ('cos', math.cos), ('tan', math.tan), ('asin', math.asin),
               ('acos', math.acos), ('atan', math.atan), ('sinh', math.sinh), ('cosh', math.cosh),
               ('tanh', math.tanh), ('degrees', math.degrees), ('radians', math.radians)):
    _spec(_n, 1, ['double'], T.DoubleType(), _safe_math(_f))
_spec('atan2', 2, ['double'], T.DoubleType(), math.atan2)
_spec('signum', 1, ['double'], T.DoubleType(), lambda v: v if v != v else (1.0 if v > 0 else -1.0 if v < 0 else 0.0), 'sign')
_spec('pi', 0, None, T.DoubleType(), lambda: math.pi, null_intolerant=False, nullable=False)
_spec('e', 0, None, T.DoubleType(), lambda: math.e, null_intolerant=False, nullable=False)


def _pmod_typer(e, ctx):
    from .expressions import BinaryArithmetic
    b = BinaryArithmetic('%', e.children[0], e.children[1]).type_check(ctx)
    e.children = b.children
    e.data_type = b.data_type
    e.inner = b


def _pmod_fn(e, ctx):
    from .expressions import _arith_fn
    mod = _arith_fn('%', e.inner.result_kind, e.data_type, False)
    plus = _arith_fn('+', e.inner.result_kind, e.data_type, False)

    def run(a, b):
        r = mod(a, b)
        if r is None:
            return None
        if r < 0:
            return mod(plus(r, b), b)
        return r
    return run


_spec('pmod', 2, None, None, _pmod_fn, typer=_pmod_typer, factory=True, nullable=True)
_spec('mod', 2, None, None, None, typer=None)  # replaced below by operator form


def _mod_typer(e, ctx):
    _pmod_typer(e, ctx)


def _mod_fn(e, ctx):
    from .expressions import _arith_fn
    return _arith_fn('%', e.inner.result_kind, e.data_type, False)


_spec('mod', 2, None, None, _mod_fn, typer=_mod_typer, factory=True, nullable=True,
      sql=lambda e: '(%s %% %s)' % (e.children[0].sql(), e.children[1].sql()))


def _partition_holder(ctx):
    """The executor sets ``ctx.partition[0]`` to the Spark partition of the row being evaluated."""
    holder = getattr(ctx, 'partition', None)
    return holder if holder is not None else [0]


def _rand_factory(e, ctx):
    """Spark's Rand/Randn: XORShiftRandom(seed + partitionIndex), one draw per row."""
    from .xorshift import XORShiftRandom
    seed = e.children[0].value if e.children else ctx.next_seed()
    seed = 0 if seed is None else int(seed)
    holder = _partition_holder(ctx)
    rngs = {}
    gauss = e.name in ('randn',)

    def run(*a):
        p = holder[0]
        rng = rngs.get(p)
        if rng is None:
            rng = rngs[p] = XORShiftRandom(seed + p)
        return rng.next_gaussian() if gauss else rng.next_double()
    return run


def _rand_sql(e):
    return '%s(%s)' % (e.name, e.children[0].sql() if e.children else e.seed_text)


def _rand_typer(e, ctx):
    if e.children:
        a = e.children[0]
        if not isinstance(a, Literal):
            raise TypeCheckError('DATATYPE_MISMATCH.NON_FOLDABLE_INPUT', {
                'sqlExpr': '"%s"' % e.sql(), 'inputName': '`seed`', 'inputType': '"INT" or "BIGINT"',
                'inputExpr': '"%s"' % a.sql()})
    else:
        seed = ctx.next_seed() if ctx is not None else 0
        e.children = [Literal(seed, T.LongType())]
    e.data_type = T.DoubleType()


_spec('rand', (0, 1), None, None, _rand_factory, 'random', typer=_rand_typer, factory=True,
      null_intolerant=False, nullable=False, deterministic=False)
_spec('randn', (0, 1), None, None, _rand_factory, typer=_rand_typer, factory=True,
      null_intolerant=False, nullable=False, deterministic=False)


def _mono_factory(e, ctx):
    """(partition index << 33) + row number inside the partition, as Spark computes it."""
    holder = _partition_holder(ctx)
    counters = {}

    def run():
        p = holder[0]
        v = counters.get(p, 0)
        counters[p] = v + 1
        return (p << 33) + v
    return run


def _partition_id_factory(e, ctx):
    holder = _partition_holder(ctx)
    return lambda: holder[0]


_spec('monotonically_increasing_id', 0, None, T.LongType(), _mono_factory, factory=True,
      null_intolerant=False, nullable=False, deterministic=False)
_spec('spark_partition_id', 0, None, T.IntegerType(), _partition_id_factory, factory=True, null_intolerant=False,
      nullable=False, deterministic=False)


def _uuid_factory(e, ctx):
    rng = random.Random(ctx.next_seed() if ctx else 0)

    def run():
        import uuid
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))
    return run


_spec('uuid', 0, None, T.StringType(), _uuid_factory, factory=True, null_intolerant=False,
      nullable=False, deterministic=False)

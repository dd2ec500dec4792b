"""Built-in scalar SQL functions (Spark 3.5 names, result types, nullability, non-ANSI semantics)."""

import base64
import datetime
import decimal
import hashlib
import math
import random
import re
import zlib

from . import types as T
from .casts import DEC_CTX, fit_decimal, value_to_string, make_caster
from .coercion import wider_type_of
from .expressions import TypeCheckError, implicit_cast, Literal
from .function_spec import FunctionSpec, register, coerce_arg
from .javafmt import EPOCH_DATE, EPOCH_TS


def _same(args):
    return args[0].data_type


def _spec(name, n, inputs, result, fn, *aliases, **kw):
    lo, hi = (n, n) if isinstance(n, int) else n
    return register(FunctionSpec(name, lo, hi, inputs, result, fn, **kw), *aliases)


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


def _rand_factory(e, ctx):
    seed = e.children[0].value if e.children else ctx.next_seed()
    rng = random.Random(seed if seed is not None else 0)
    gauss = e.name in ('randn',)
    return (lambda *a: rng.gauss(0.0, 1.0)) if gauss else (lambda *a: rng.random())


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
    counter = [0]

    def run():
        v = counter[0]
        counter[0] += 1
        return v
    return run


_spec('monotonically_increasing_id', 0, None, T.LongType(), _mono_factory, factory=True,
      null_intolerant=False, nullable=False, deterministic=False)
_spec('spark_partition_id', 0, None, T.IntegerType(), lambda: 0, null_intolerant=False,
      nullable=False, deterministic=False)


def _uuid_factory(e, ctx):
    rng = random.Random(ctx.next_seed() if ctx else 0)

    def run():
        import uuid
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))
    return run


_spec('uuid', 0, None, T.StringType(), _uuid_factory, factory=True, null_intolerant=False,
      nullable=False, deterministic=False)

# ---------------------------------------------------------------------------- strings


def _concat_typer(e, ctx):
    args = list(e.children)
    if args and all(isinstance(a.data_type, T.ArrayType) for a in args):
        ct = wider_type_of([a.data_type for a in args])
        e.children = [implicit_cast(a, ct) for a in args]
        e.data_type = ct
        e.is_array = True
        return
    if args and all(isinstance(a.data_type, T.BinaryType) for a in args):
        e.data_type = T.BinaryType()
        e.is_array = False
        return
    e.children = [coerce_arg(a, 'string', e, i + 1) for i, a in enumerate(args)]
    e.data_type = T.StringType()
    e.is_array = False


def _concat_fn(e, ctx):
    if getattr(e, 'is_array', False):
        return lambda *a: [x for part in a for x in part]
    if isinstance(e.data_type, T.BinaryType):
        return lambda *a: bytearray(b''.join(bytes(x) for x in a))
    return lambda *a: ''.join(a)


_spec('concat', (0, 10 ** 6), None, None, _concat_fn, typer=_concat_typer, factory=True)


def _concat_ws_typer(e, ctx):
    args = list(e.children)
    out = [coerce_arg(args[0], 'string', e, 1)]
    for i, a in enumerate(args[1:]):
        if isinstance(a.data_type, T.ArrayType):
            out.append(a)
        else:
            out.append(coerce_arg(a, 'string', e, i + 2))
    e.children = out
    e.data_type = T.StringType()


def _concat_ws(sep, *parts):
    if sep is None:
        return None
    out = []
    for p in parts:
        if p is None:
            continue
        if isinstance(p, list):
            out.extend(value_to_string(x, T.StringType()) if isinstance(x, str) else str(x)
                       for x in p if x is not None)
        else:
            out.append(p)
    return sep.join(out)


_spec('concat_ws', (1, 10 ** 6), None, None, _concat_ws, typer=_concat_ws_typer,
      null_intolerant=False, nullable=lambda a: a[0].nullable)
_spec('upper', 1, ['string'], T.StringType(), lambda s: s.upper(), 'ucase')
_spec('lower', 1, ['string'], T.StringType(), lambda s: s.lower(), 'lcase')


def _length(v):
    return len(v) if isinstance(v, str) else len(bytes(v))


_spec('length', 1, ['string_or_binary'], T.IntegerType(), _length, 'char_length', 'character_length', 'len')
_spec('bit_length', 1, ['string_or_binary'], T.IntegerType(), lambda v: 8 * len(v.encode('utf-8') if isinstance(v, str) else v))
_spec('octet_length', 1, ['string_or_binary'], T.IntegerType(), lambda v: len(v.encode('utf-8') if isinstance(v, str) else v))


def substring_value(s, pos, length=None):
    """UTF8String.substringSQL: 1-based, 0 treated as 1, negative from the end."""
    n = len(s)
    if length is None:
        length = 2 ** 31 - 1
    if pos > 0:
        start = pos - 1
    elif pos < 0:
        start = n + pos
    else:
        start = 0
    end = start + length if length >= 0 else start
    start_c = max(start, 0)
    end_c = min(max(end, 0), n)
    if start_c >= end_c:
        return s[0:0]
    return s[start_c:end_c]


_spec('substring', (2, 3), ['string_or_binary', 'int', 'int'], lambda a: a[0].data_type,
      substring_value, 'substr')
_spec('left', 2, ['string', 'int'], T.StringType(), lambda s, n: s[:max(n, 0)])
_spec('right', 2, ['string', 'int'], T.StringType(), lambda s, n: s[len(s) - n:] if n > 0 else '')


def _trim_factory(kind):
    def factory(e, ctx):
        def run(s, chars=None):
            if kind == 'both':
                return s.strip(' ') if chars is None else s.strip(chars)
            if kind == 'left':
                return s.lstrip(' ') if chars is None else s.lstrip(chars)
            return s.rstrip(' ') if chars is None else s.rstrip(chars)
        return run
    return factory


_spec('trim', (1, 2), ['string'], T.StringType(), _trim_factory('both'), factory=True)
_spec('ltrim', (1, 2), ['string'], T.StringType(), _trim_factory('left'), factory=True)
_spec('rtrim', (1, 2), ['string'], T.StringType(), _trim_factory('right'), factory=True)
_spec('btrim', (1, 2), ['string'], T.StringType(), _trim_factory('both'), factory=True)


def _replace(s, search, rep=''):
    if search == '':
        return s
    return s.replace(search, rep)


_spec('replace', (2, 3), ['string'], T.StringType(), _replace)
_spec('translate', 3, ['string'], T.StringType(),
      lambda s, f, t: ''.join((t[f.index(c)] if f.index(c) < len(t) else '') if c in f else c for c in s))
_spec('reverse', 1, ['string'], T.StringType(), lambda s: s[::-1])
_spec('initcap', 1, ['string'], T.StringType(),
      lambda s: ' '.join(w[:1].upper() + w[1:].lower() for w in s.split(' ')))
_spec('repeat', 2, ['string', 'int'], T.StringType(), lambda s, n: s * max(n, 0))
_spec('ascii', 1, ['string'], T.IntegerType(), lambda s: ord(s[0]) if s else 0)
_spec('chr', 1, ['long'], T.StringType(), lambda n: '' if n < 0 else chr(n % 256), 'char')
_spec('instr', 2, ['string'], T.IntegerType(), lambda s, sub: s.find(sub) + 1)


def _locate(sub, s, pos=1):
    if pos < 1:
        return 0
    return s.find(sub, pos - 1) + 1


_spec('locate', (2, 3), ['string', 'string', 'int'], T.IntegerType(), _locate)
_spec('position', (2, 3), ['string', 'string', 'int'], T.IntegerType(), _locate)


def _pad(left):
    def run(s, n, pad=' '):
        if n <= 0:
            return ''
        if len(s) >= n:
            return s[:n]
        if pad == '':
            return s
        fill = (pad * n)[:n - len(s)]
        return fill + s if left else s + fill
    return run


_spec('lpad', (2, 3), ['string', 'int', 'string'], T.StringType(), _pad(True))
_spec('rpad', (2, 3), ['string', 'int', 'string'], T.StringType(), _pad(False))


def java_regex(p):
    """Translate the common Java regex syntax to Python's (they mostly agree)."""
    return p.replace('\\Q', '').replace('\\E', '').replace('(?<', '(?P<') if '(?<' in p and '(?<=' not in p and '(?<!' not in p else p


def _split(s, pat, limit=-1):
    rx = re.compile(java_regex(pat))
    if pat == '':
        parts = list(s) if s else ['']
    else:
        parts = rx.split(s, maxsplit=limit - 1 if limit > 0 else 0)
        if rx.groups:
            parts = rx.split(s)[::rx.groups + 1]
    if limit <= 0:
        pass
    return parts


_spec('split', (2, 3), ['string', 'string', 'int'], T.ArrayType(T.StringType(), True), _split)


def _regexp_replace(s, pat, rep, pos=1):
    r = re.sub(r'\$(\d+)', r'\\\1', rep)
    return s[:pos - 1] + re.sub(java_regex(pat), r, s[pos - 1:])


_spec('regexp_replace', (3, 4), ['string', 'string', 'string', 'int'], T.StringType(), _regexp_replace)


def _regexp_extract(s, pat, idx=1):
    m = re.search(java_regex(pat), s)
    if not m:
        return ''
    g = m.group(idx)
    return g if g is not None else ''


_spec('regexp_extract', (2, 3), ['string', 'string', 'int'], T.StringType(), _regexp_extract)
_spec('regexp_extract_all', (2, 3), ['string', 'string', 'int'], T.ArrayType(T.StringType(), True),
      lambda s, p, i=1: [m.group(i) or '' for m in re.finditer(java_regex(p), s)])
_spec('rlike', 2, ['string'], T.BooleanType(), lambda s, p: re.search(java_regex(p), s) is not None,
      'regexp', 'regexp_like',
      sql=lambda e: 'RLIKE(%s, %s)' % (e.children[0].sql(), e.children[1].sql()))
_spec('startswith', 2, ['string'], T.BooleanType(), lambda s, p: s.startswith(p))
_spec('endswith', 2, ['string'], T.BooleanType(), lambda s, p: s.endswith(p))
_spec('contains', 2, ['string'], T.BooleanType(), lambda s, p: p in s)


def like_to_regex(pattern, escape='\\'):
    out = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == escape and i + 1 < len(pattern):
            out.append(re.escape(pattern[i + 1]))
            i += 2
            continue
        if c == '_':
            out.append('.')
        elif c == '%':
            out.append('.*')
        else:
            out.append(re.escape(c))
        i += 1
    return re.compile('(?s)^' + ''.join(out) + '$')


def _like_factory(ci):
    def factory(e, ctx):
        cache = {}

        def run(s, p):
            rx = cache.get(p)
            if rx is None:
                rx = like_to_regex(p.lower() if ci else p)
                cache[p] = rx
            return rx.match(s.lower() if ci else s) is not None
        return run
    return factory


_spec('like', 2, ['string'], T.BooleanType(), _like_factory(False), factory=True,
      sql=lambda e: '%s LIKE %s' % (e.children[0].sql(), e.children[1].sql()),
      to_string=lambda e: '%s LIKE %s' % (e.children[0].to_string(), e.children[1].to_string()))
_spec('ilike', 2, ['string'], T.BooleanType(), _like_factory(True), factory=True,
      sql=lambda e: 'ilike(%s, %s)' % (e.children[0].sql(), e.children[1].sql()))


def _fmt_number(x, d):
    if d < 0:
        return None
    if isinstance(x, decimal.Decimal):
        q = x.quantize(decimal.Decimal(1).scaleb(-d), rounding=decimal.ROUND_HALF_EVEN)
        return '{:,}'.format(q) if d else '{:,}'.format(int(q))
    return '{:,.{}f}'.format(x, d)


_spec('format_number', 2, ['numeric', 'int'], T.StringType(), _fmt_number)


def _format_string(fmt, *args):
    try:
        return fmt.replace('%s', '%s') % tuple('null' if a is None else a for a in args)
    except Exception:
        return fmt


_spec('format_string', (1, 10 ** 6), None, T.StringType(), _format_string, 'printf', null_intolerant=False,
      nullable=lambda a: a[0].nullable)
_spec('md5', 1, ['binary'], T.StringType(), lambda b: hashlib.md5(bytes(b)).hexdigest())
_spec('sha1', 1, ['binary'], T.StringType(), lambda b: hashlib.sha1(bytes(b)).hexdigest(), 'sha')


def _sha2(b, bits):
    algo = {0: hashlib.sha256, 256: hashlib.sha256, 224: hashlib.sha224, 384: hashlib.sha384,
            512: hashlib.sha512}.get(bits)
    return algo(bytes(b)).hexdigest() if algo else None


_spec('sha2', 2, ['binary', 'int'], T.StringType(), _sha2, nullable=True)
_spec('crc32', 1, ['binary'], T.LongType(), lambda b: zlib.crc32(bytes(b)) & 0xffffffff)
_spec('base64', 1, ['binary'], T.StringType(), lambda b: base64.b64encode(bytes(b)).decode('ascii'))
_spec('unbase64', 1, ['string'], T.BinaryType(), lambda s: bytearray(base64.b64decode(s)))


def _hex(v):
    if isinstance(v, str):
        return v.encode('utf-8').hex().upper()
    if isinstance(v, (bytes, bytearray)):
        return bytes(v).hex().upper()
    return '%X' % (v & 0xFFFFFFFFFFFFFFFF)


def _hex_typer(e, ctx):
    a = e.children[0]
    if not isinstance(a.data_type, (T.StringType, T.BinaryType, T.IntegralType)):
        a = coerce_arg(a, 'long', e, 1)
    e.children = [a]
    e.data_type = T.StringType()


_spec('hex', 1, None, None, _hex, typer=_hex_typer)
_spec('bin', 1, ['long'], T.StringType(), lambda v: bin(v & 0xFFFFFFFFFFFFFFFF)[2:] if v < 0 else bin(v)[2:])
_spec('encode', 2, ['string', 'string'], T.BinaryType(), lambda s, cs: bytearray(s.encode(cs.lower().replace('-', '_') if cs else 'utf-8')))
_spec('decode', 2, ['binary', 'string'], T.StringType(), lambda b, cs: bytes(b).decode(cs, 'replace'))


def _to_binary_typer(e, ctx):
    e.children = [coerce_arg(e.children[0], 'string', e, 1)] + list(e.children[1:])
    e.data_type = T.BinaryType()


_spec('to_binary', (1, 2), None, None, lambda s, f='hex': bytearray(bytes.fromhex(s)) if f.lower() == 'hex' else bytearray(s.encode()),
      typer=_to_binary_typer, nullable=True)

# --------------------------------------------------------------------------- null handling


def _coalesce_typer(e, ctx):
    ct = wider_type_of([a.data_type for a in e.children])
    if ct is None:
        raise TypeCheckError('DATATYPE_MISMATCH.DATA_DIFF_TYPES', {
            'sqlExpr': '"%s"' % e.sql(), 'functionName': '`%s`' % e.name,
            'dataType': '[%s]' % ', '.join('"%s"' % a.data_type.sql_name() for a in e.children)})
    e.children = [implicit_cast(a, ct) for a in e.children]
    e.data_type = ct


def _coalesce(*vals):
    for v in vals:
        if v is not None:
            return v
    return None


_spec('coalesce', (1, 10 ** 6), None, None, _coalesce, typer=_coalesce_typer, null_intolerant=False,
      nullable=lambda a: all(x.nullable for x in a))
_spec('nvl', 2, None, None, _coalesce, 'ifnull', typer=_coalesce_typer, null_intolerant=False,
      nullable=lambda a: all(x.nullable for x in a))


def _nvl2_typer(e, ctx):
    a, b, c = e.children
    ct = wider_type_of([b.data_type, c.data_type])
    e.children = [a, implicit_cast(b, ct), implicit_cast(c, ct)]
    e.data_type = ct


_spec('nvl2', 3, None, None, lambda a, b, c: b if a is not None else c, typer=_nvl2_typer,
      null_intolerant=False, nullable=lambda a: a[1].nullable or a[2].nullable)


def _nullif_typer(e, ctx):
    from .expressions import BinaryComparison
    cmp = BinaryComparison('=', e.children[0], e.children[1]).type_check(ctx)
    e.cmp = cmp
    e.data_type = e.children[0].data_type


def _nullif_factory(e, ctx):
    eq = e.cmp.compile(ctx)
    first = e.children[0].compile(ctx)
    return None  # replaced by custom compile below


def _nullif_compile(e, ctx):
    eq = e.cmp.compile(ctx)
    first = e.children[0].compile(ctx)

    def run(row):
        return None if eq(row) is True else first(row)
    return run


class _NullIfSpec(FunctionSpec):
    def compile(self, e, ctx):
        return _nullif_compile(e, ctx)


register(_NullIfSpec('nullif', 2, 2, None, None, None, typer=_nullif_typer, null_intolerant=False,
                     nullable=True))


def _if_typer(e, ctx):
    c, a, b = e.children
    if not isinstance(c.data_type, T.BooleanType):
        if isinstance(c.data_type, T.NullType):
            c = implicit_cast(c, T.BooleanType())
        else:
            raise TypeCheckError('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE', {
                'sqlExpr': '"%s"' % e.sql(), 'paramIndex': '1', 'requiredType': '"BOOLEAN"',
                'inputSql': '"%s"' % c.sql(), 'inputType': '"%s"' % c.data_type.sql_name()})
    ct = wider_type_of([a.data_type, b.data_type])
    if ct is None:
        raise TypeCheckError('DATATYPE_MISMATCH.DATA_DIFF_TYPES', {
            'sqlExpr': '"%s"' % e.sql(), 'functionName': '`if`',
            'dataType': '["%s", "%s"]' % (a.data_type.sql_name(), b.data_type.sql_name())})
    e.children = [c, implicit_cast(a, ct), implicit_cast(b, ct)]
    e.data_type = ct


class _IfSpec(FunctionSpec):
    def compile(self, e, ctx):
        fc, fa, fb = [c.compile(ctx) for c in e.children]
        return lambda row: fa(row) if fc(row) is True else fb(row)


register(_IfSpec('if', 3, 3, None, None, None, typer=_if_typer, null_intolerant=False,
                 nullable=lambda a: a[1].nullable or a[2].nullable,
                 sql=lambda e: '(IF(%s, %s, %s))' % tuple(c.sql() for c in e.children),
                 to_string=lambda e: 'if (%s) %s else %s' % tuple(c.to_string() for c in e.children)))


def _greatest_typer(e, ctx):
    _coalesce_typer(e, ctx)


def _extreme(pick):
    def factory(e, ctx):
        from .expressions import comparable_key
        key = comparable_key(e.data_type)

        def run(*vals):
            best = None
            for v in vals:
                if v is None:
                    continue
                if best is None or pick(key(v), key(best)):
                    best = v
            return best
        return run
    return factory


_spec('greatest', (2, 10 ** 6), None, None, _extreme(lambda a, b: a > b), typer=_greatest_typer,
      factory=True, null_intolerant=False, nullable=lambda a: all(x.nullable for x in a))
_spec('least', (2, 10 ** 6), None, None, _extreme(lambda a, b: a < b), typer=_greatest_typer,
      factory=True, null_intolerant=False, nullable=lambda a: all(x.nullable for x in a))
_spec('isnull', 1, None, T.BooleanType(), lambda v: v is None, null_intolerant=False, nullable=False)
_spec('isnotnull', 1, None, T.BooleanType(), lambda v: v is not None, null_intolerant=False, nullable=False)
_spec('isnan', 1, ['double'], T.BooleanType(), lambda v: v is not None and v != v, null_intolerant=False,
      nullable=False)
_spec('nanvl', 2, ['double'], T.DoubleType(), lambda a, b: b if a is not None and a != a else a,
      null_intolerant=False)


def _assert_true(v, msg=None):
    if v is not True:
        from .errors import SparkRuntimeException
        raise SparkRuntimeException(None, {}, message=msg or "'%s' is not true!" % v)
    return None


_spec('assert_true', (1, 2), None, T.NullType(), _assert_true, null_intolerant=False, nullable=True)


def _typeof_typer(e, ctx):
    e.data_type = T.StringType()
    e.type_text = e.children[0].data_type.simpleString()


_spec('typeof', 1, None, None, None, typer=_typeof_typer, nullable=False)
_spec_typeof = None


class _TypeofSpec(FunctionSpec):
    def compile(self, e, ctx):
        t = e.type_text
        return lambda row: t


register(_TypeofSpec('typeof', 1, 1, None, None, None, typer=_typeof_typer, nullable=False))

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

# --------------------------------------------------------------------------- collections


def _array_typer(e, ctx):
    if not e.children:
        e.data_type = T.ArrayType(T.NullType(), False)
        return
    ct = wider_type_of([a.data_type for a in e.children])
    if ct is None:
        raise TypeCheckError('DATATYPE_MISMATCH.DATA_DIFF_TYPES', {
            'sqlExpr': '"%s"' % e.sql(), 'functionName': '`array`',
            'dataType': '[%s]' % ', '.join('"%s"' % a.data_type.sql_name() for a in e.children)})
    e.children = [implicit_cast(a, ct) for a in e.children]
    e.data_type = T.ArrayType(ct, any(a.nullable for a in e.children))


_spec('array', (0, 10 ** 6), None, None, lambda *a: list(a), typer=_array_typer,
      null_intolerant=False, nullable=False)


def _map_typer(e, ctx):
    ks = e.children[0::2]
    vs = e.children[1::2]
    kt = wider_type_of([k.data_type for k in ks]) if ks else T.NullType()
    vt = wider_type_of([v.data_type for v in vs]) if vs else T.NullType()
    ch = []
    for k, v in zip(ks, vs):
        ch.extend([implicit_cast(k, kt), implicit_cast(v, vt)])
    e.children = ch
    e.data_type = T.MapType(kt, vt, any(v.nullable for v in vs))


def _map_fn(*a):
    return dict(zip(a[0::2], a[1::2]))


_spec('map', (0, 10 ** 6), None, None, _map_fn, typer=_map_typer, null_intolerant=False, nullable=False)


def _struct_typer(e, ctx):
    from .expressions import AttributeReference, Alias, GetField
    fields = []
    names = getattr(e, 'field_names', None)
    for i, a in enumerate(e.children):
        if names:
            n = names[i]
        elif isinstance(a, (AttributeReference, Alias)):
            n = a.name
        elif isinstance(a, GetField):
            n = a.field
        else:
            n = 'col%d' % (i + 1)
        fields.append(T.StructField(n, a.data_type, a.nullable))
    e.data_type = T.StructType(fields)


_spec('struct', (0, 10 ** 6), None, None, lambda *a: tuple(a), typer=_struct_typer,
      null_intolerant=False, nullable=False)


def _named_struct_typer(e, ctx):
    names = [str(k.value) for k in e.children[0::2]]
    vals = e.children[1::2]
    e.children = vals
    e.field_names = names
    e.data_type = T.StructType([T.StructField(n, v.data_type, v.nullable) for n, v in zip(names, vals)])


_spec('named_struct', (0, 10 ** 6), None, None, lambda *a: tuple(a), typer=_named_struct_typer,
      null_intolerant=False, nullable=False,
      sql=lambda e: 'named_struct(%s)' % ', '.join('%s, %s' % (n, c.sql()) for n, c in zip(e.field_names, e.children)))


def _size_typer(e, ctx):
    a = e.children[0]
    if not isinstance(a.data_type, (T.ArrayType, T.MapType, T.NullType)):
        raise TypeCheckError('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE', {
            'sqlExpr': '"%s"' % e.sql(), 'paramIndex': '1', 'requiredType': '("ARRAY" or "MAP")',
            'inputSql': '"%s"' % a.sql(), 'inputType': '"%s"' % a.data_type.sql_name()})
    e.data_type = T.IntegerType()


_spec('size', 1, None, None, lambda v: -1 if v is None else len(v), 'cardinality', typer=_size_typer,
      null_intolerant=False, nullable=False)


def _elem_type(e):
    return e.children[0].data_type.elementType


def _array_contains_typer(e, ctx):
    a, v = e.children
    a = coerce_arg(a, 'array', e, 1)
    et = a.data_type.elementType
    ct = wider_type_of([et, v.data_type])
    if ct is None:
        raise TypeCheckError('DATATYPE_MISMATCH.ARRAY_FUNCTION_DIFF_TYPES', {
            'sqlExpr': '"%s"' % e.sql(), 'functionName': '`array_contains`',
            'dataType': '"ARRAY"', 'leftType': '"%s"' % a.data_type.sql_name(),
            'rightType': '"%s"' % v.data_type.sql_name()})
    if ct != et:
        a = implicit_cast(a, T.ArrayType(ct, a.data_type.containsNull))
    e.children = [a, implicit_cast(v, ct)]
    e.data_type = T.BooleanType()


def _array_contains(arr, v):
    if v in arr:
        return True
    return None if None in arr else False


_spec('array_contains', 2, None, None, _array_contains, typer=_array_contains_typer)


def _sort_array_typer(e, ctx):
    e.children = [coerce_arg(e.children[0], 'array', e, 1)] + list(e.children[1:])
    e.data_type = e.children[0].data_type


def _sort_array(arr, asc=True):
    nn = sorted(x for x in arr if x is not None)
    nulls = [None] * (len(arr) - len(nn))
    return nulls + nn if asc else nn[::-1] + nulls


_spec('sort_array', (1, 2), None, None, _sort_array, typer=_sort_array_typer)
_spec('array_sort', 1, None, None, lambda arr: sorted(x for x in arr if x is not None) + [None] * arr.count(None),
      typer=_sort_array_typer)


def _array_distinct(arr):
    out = []
    for x in arr:
        if x not in out:
            out.append(x)
    return out


_spec('array_distinct', 1, None, None, _array_distinct, typer=_sort_array_typer)
_spec('array_max', 1, None, _elem_type, lambda a: max((x for x in a if x is not None), default=None), nullable=True)
_spec('array_min', 1, None, _elem_type, lambda a: min((x for x in a if x is not None), default=None), nullable=True)
_spec('array_position', 2, None, T.LongType(), lambda a, v: (a.index(v) + 1) if v in a else 0)
_spec('array_join', (2, 3), None, T.StringType(),
      lambda a, sep, nr=None: sep.join(str(x) if x is not None else nr for x in a if x is not None or nr is not None))
_spec('flatten', 1, None, lambda a: a[0].data_type.elementType,
      lambda a: None if any(x is None for x in a) else [y for x in a for y in x])


def _element_at_typer(e, ctx):
    a, k = e.children
    if isinstance(a.data_type, T.ArrayType):
        e.children = [a, coerce_arg(k, 'int', e, 2)]
        e.data_type = a.data_type.elementType
    elif isinstance(a.data_type, T.MapType):
        e.children = [a, implicit_cast(k, a.data_type.keyType)]
        e.data_type = a.data_type.valueType
    else:
        raise TypeCheckError('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE', {
            'sqlExpr': '"%s"' % e.sql(), 'paramIndex': '1', 'requiredType': '("ARRAY" or "MAP")',
            'inputSql': '"%s"' % a.sql(), 'inputType': '"%s"' % a.data_type.sql_name()})


def _element_at(c, k):
    if isinstance(c, dict):
        return c.get(k)
    if k == 0:
        from .errors import SparkRuntimeException
        raise SparkRuntimeException('INVALID_INDEX_OF_ZERO', {}, message='[INVALID_INDEX_OF_ZERO] The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1).')
    i = k - 1 if k > 0 else len(c) + k
    return c[i] if 0 <= i < len(c) else None


_spec('element_at', 2, None, None, _element_at, typer=_element_at_typer, nullable=True)
_spec('map_keys', 1, None, lambda a: T.ArrayType(a[0].data_type.keyType, False), lambda m: list(m.keys()))
_spec('map_values', 1, None, lambda a: T.ArrayType(a[0].data_type.valueType, a[0].data_type.valueContainsNull),
      lambda m: list(m.values()))
_spec('sequence', (2, 3), None, lambda a: T.ArrayType(a[0].data_type, False),
      lambda a, b, s=None: list(range(a, b + (1 if (s or (1 if b >= a else -1)) > 0 else -1), s or (1 if b >= a else -1))))

# -------------------------------------------------------------------------------- misc


def _hash_fn(*vals):
    h = 42
    for v in vals:
        h = zlib.crc32(repr(v).encode('utf-8'), h)
    return T.wrap_integral(h, T.IntegerType())


_spec('hash', (1, 10 ** 6), None, T.IntegerType(), _hash_fn, null_intolerant=False, nullable=False)


def _bitwise(op):
    def typer(e, ctx):
        from .expressions import implicit_cast as ic
        from .coercion import tightest_common_type
        ct = e.children[0].data_type
        for c in e.children[1:]:
            ct = tightest_common_type(ct, c.data_type)
        if not isinstance(ct, T.IntegralType):
            raise TypeCheckError('DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE', {
                'sqlExpr': '"%s"' % e.sql(), 'inputType': '"INTEGRAL"',
                'actualDataType': '"%s"' % e.children[0].data_type.sql_name()})
        e.children = [ic(c, ct) for c in e.children]
        e.data_type = ct

    def factory(e, ctx):
        dt = e.data_type
        return lambda *a: T.wrap_integral(op(*a), dt)
    return typer, factory


for _name, _op, _sym in (('&', lambda a, b: a & b, '&'), ('|', lambda a, b: a | b, '|'),
                         ('^', lambda a, b: a ^ b, '^')):
    _t, _f = _bitwise(_op)
    register(FunctionSpec(_name, 2, 2, None, None, _f, factory=True, typer=_t,
                          sql=(lambda s: lambda e: '(%s %s %s)' % (e.children[0].sql(), s, e.children[1].sql()))(_sym),
                          to_string=(lambda s: lambda e: '(%s %s %s)' % (e.children[0].to_string(), s, e.children[1].to_string()))(_sym)))
_t, _f = _bitwise(lambda a: ~a)
register(FunctionSpec('~', 1, 1, None, None, _f, factory=True, typer=_t,
                      sql=lambda e: '~%s' % e.children[0].sql()))
_spec('shiftleft', 2, ['integral', 'int'], lambda a: a[0].data_type,
      lambda a, n: T.wrap_integral(a << n, T.LongType() if a > 2 ** 31 else T.IntegerType()))
_spec('shiftright', 2, ['integral', 'int'], lambda a: a[0].data_type, lambda a, n: a >> n)


# SQL cast-function aliases: int(x), string(x), double(x)...
def _cast_alias(name, dt):
    def typer(e, ctx):
        from .expressions import Cast
        c = Cast(e.children[0], dt, user_specified=True).type_check(ctx)
        e.cast = c
        e.data_type = dt
        e.nullable_value = c.nullable

    class _CastSpec(FunctionSpec):
        def compile(self, e, ctx):
            return e.cast.compile(ctx)

        def type_check(self, e, ctx):
            typer(e, ctx)
            e.nullable = e.nullable_value

    register(_CastSpec(name, 1, 1, None, None, None,
                       sql=lambda e: 'CAST(%s AS %s)' % (e.children[0].sql(), dt.sql_name())))


for _n, _dt in (('int', T.IntegerType()), ('bigint', T.LongType()), ('smallint', T.ShortType()),
                ('tinyint', T.ByteType()), ('double', T.DoubleType()), ('float', T.FloatType()),
                ('string', T.StringType()), ('boolean', T.BooleanType()), ('date', T.DateType()),
                ('timestamp', T.TimestampType()), ('binary', T.BinaryType()),
                ('decimal', T.DecimalType(10, 0))):
    _cast_alias(_n, _dt)


# ------------------------------------------------------------------------------ generators
def _gen_typer(e, ctx):
    a = e.children[0]
    if e.name.startswith('inline'):
        ok = isinstance(a.data_type, T.ArrayType) and isinstance(a.data_type.elementType, T.StructType)
    else:
        ok = isinstance(a.data_type, (T.ArrayType, T.MapType))
    if not ok:
        raise TypeCheckError('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE', {
            'sqlExpr': '"%s"' % e.sql(), 'paramIndex': '1',
            'requiredType': '"ARRAY"' if e.name.startswith('inline') else '("ARRAY" or "MAP")',
            'inputSql': '"%s"' % a.sql(), 'inputType': '"%s"' % a.data_type.sql_name()})
    e.data_type = a.data_type


for _g in ('explode', 'explode_outer', 'posexplode', 'posexplode_outer', 'inline', 'inline_outer'):
    _spec(_g, 1, None, None, lambda v: v, typer=_gen_typer, null_intolerant=False, nullable=False)

"""Further built-ins (conv, json, array sets, try_* arithmetic...), default arguments
Spark fills in (they show in column names) and aliases; imported last."""

import datetime
import math
import re

from . import types as T
from .coercion import wider_type_of
from .expressions import TypeCheckError, implicit_cast, Literal
from .function_spec import define as _spec, coerce_arg


# ------------------------------------------------------------------------- more builtins
def _conv(s, from_base, to_base):
    s = s.strip()
    try:
        n = int(s, from_base)
    except ValueError:
        m = re.match(r'^-?[0-9A-Za-z]*', s)
        try:
            n = int(m.group(0), from_base) if m and m.group(0) not in ('', '-') else None
        except ValueError:
            n = None
    if n is None:
        return None
    if to_base < 0:
        base = -to_base
        neg = n < 0
        n = abs(n)
    else:
        base = to_base
        neg = False
        if n < 0:
            n &= 0xFFFFFFFFFFFFFFFF
    digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
    if n == 0:
        out = '0'
    else:
        out = ''
        while n:
            out = digits[n % base] + out
            n //= base
    return ('-' if neg else '') + out


_spec('conv', 3, ['string', 'int', 'int'], T.StringType(), _conv, nullable=True)


def _substring_index(s, delim, count):
    if count == 0 or delim == '':
        return ''
    parts = s.split(delim)
    if count > 0:
        return delim.join(parts[:count])
    return delim.join(parts[count:])


_spec('substring_index', 3, ['string', 'string', 'int'], T.StringType(), _substring_index)


def _levenshtein(a, b, threshold=None):
    from .levenshtein import levenshtein
    d = levenshtein(a, b)
    if threshold is not None and d > threshold:
        return -1
    return d


_spec('levenshtein', (2, 3), ['string', 'string', 'int'], T.IntegerType(), _levenshtein)


def _json_of(v, dt):
    from .json_rows import json_value
    return json_value(v, dt)


def _to_json_typer(e, ctx):
    a = e.children[0]
    if not isinstance(a.data_type, (T.StructType, T.ArrayType, T.MapType)):
        raise TypeCheckError('DATATYPE_MISMATCH.INVALID_JSON_SCHEMA', {
            'sqlExpr': '"%s"' % e.sql(), 'schema': '"%s"' % a.data_type.sql_name()})
    e.data_type = T.StringType()


def _to_json_factory(e, ctx):
    dt = e.children[0].data_type
    return lambda v, *opts: _json_of(v, dt)


_spec('to_json', (1, 2), None, None, _to_json_factory, typer=_to_json_typer, factory=True)


def _get_json_object(s, path):
    import json as _j
    try:
        obj = _j.loads(s)
    except ValueError:
        return None
    if not path.startswith('$'):
        return None
    for m in re.finditer(r"\.([^.\[]+)|\[(\d+)\]|\['([^']+)'\]", path[1:]):
        key, idx, qk = m.groups()
        if key is not None or qk is not None:
            k = key if key is not None else qk
            if not isinstance(obj, dict) or k not in obj:
                return None
            obj = obj[k]
        else:
            if not isinstance(obj, list) or int(idx) >= len(obj):
                return None
            obj = obj[int(idx)]
    if obj is None:
        return None
    if isinstance(obj, str):
        return obj
    if isinstance(obj, bool):
        return 'true' if obj else 'false'
    return _j.dumps(obj, separators=(',', ':'), ensure_ascii=False)


_spec('get_json_object', 2, ['string', 'string'], T.StringType(), _get_json_object, nullable=True)


def _arr_typer(e, ctx):
    ch = [coerce_arg(c, 'array', e, i + 1) for i, c in enumerate(e.children)]
    ct = wider_type_of([c.data_type for c in ch])
    if ct is None:
        raise TypeCheckError('DATATYPE_MISMATCH.ARRAY_FUNCTION_DIFF_TYPES', {
            'sqlExpr': '"%s"' % e.sql(), 'functionName': '`%s`' % e.name, 'dataType': '"ARRAY"',
            'leftType': '"%s"' % ch[0].data_type.sql_name(), 'rightType': '"%s"' % ch[1].data_type.sql_name()})
    e.children = [implicit_cast(c, ct) for c in ch]
    e.data_type = ct


def _dedup(xs):
    out = []
    for x in xs:
        if x not in out:
            out.append(x)
    return out


_spec('array_union', 2, None, None, lambda a, b: _dedup(a + b), typer=_arr_typer)
_spec('array_intersect', 2, None, None, lambda a, b: _dedup([x for x in a if x in b]), typer=_arr_typer)
_spec('array_except', 2, None, None, lambda a, b: _dedup([x for x in a if x not in b]), typer=_arr_typer)
_spec('arrays_overlap', 2, None, None, lambda a, b: True if any(x in b for x in a if x is not None) else (
    None if (None in a or None in b) and a and b else False), typer=_arr_typer)


def _overlap_typer(e, ctx):
    _arr_typer(e, ctx)
    e.data_type = T.BooleanType()


REGISTRY_OVERLAP = _spec('arrays_overlap', 2, None, None, lambda a, b: True if any(x in b for x in a if x is not None) else (
    None if (None in a or None in b) and a and b else False), typer=_overlap_typer)
_spec('array_remove', 2, None, lambda a: a[0].data_type, lambda a, v: [x for x in a if x != v])


def _slice(a, start, length):
    if start == 0:
        return None
    i = start - 1 if start > 0 else len(a) + start
    if i < 0:
        return []
    return a[i:i + max(length, 0)]


_spec('slice', 3, ['array', 'int', 'int'], lambda a: a[0].data_type, _slice)
_spec('array_repeat', 2, ['any', 'int'], lambda a: T.ArrayType(a[0].data_type, a[0].nullable),
      lambda v, n: [v] * max(n, 0), null_intolerant=False, nullable=False)
_spec('factorial', 1, ['int'], T.LongType(), lambda n: math.factorial(n) if 0 <= n <= 20 else None, nullable=True)


def _try_arith(op):
    def typer(e, ctx):
        from .expressions import BinaryArithmetic
        b = BinaryArithmetic(op, e.children[0], e.children[1]).type_check(ctx)
        e.inner = b
        e.children = b.children
        e.data_type = b.data_type

    def factory(e, ctx):
        from .expressions import _arith_fn
        f = _arith_fn(op, e.inner.result_kind, e.data_type, False) if hasattr(e.inner, 'result_kind') else None

        def run(a, b):
            try:
                return f(a, b)
            except Exception:
                return None
        return run
    return typer, factory


for _n, _op in (('try_add', '+'), ('try_subtract', '-'), ('try_multiply', '*'), ('try_divide', '/')):
    _t, _f = _try_arith(_op)
    _spec(_n, 2, None, None, _f, typer=_t, factory=True, nullable=True)


def _nvl_zero_typer(e, ctx):
    e.data_type = e.children[0].data_type


_spec('make_timestamp', (6, 7), ['int', 'int', 'int', 'int', 'int', 'double', 'string'], T.TimestampType(),
      lambda y, mo, d, h, mi, s, tz=None: _safe_ts(y, mo, d, h, mi, s), nullable=True)


def _safe_ts(y, mo, d, h, mi, s):
    try:
        sec = int(s)
        return datetime.datetime(y, mo, d, h, mi, sec, int(round((s - sec) * 1e6)))
    except (ValueError, OverflowError):
        return None


def _next_day(d, dow):
    names = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']
    k = dow.strip().upper()[:2]
    if k not in names:
        return None
    target = names.index(k)
    delta = (target - d.weekday()) % 7 or 7
    return d + datetime.timedelta(days=delta)


_spec('next_day', 2, ['date', 'string'], T.DateType(), _next_day, nullable=True)
_spec('soundex', 1, ['string'], T.StringType(), lambda s: _soundex(s))


def _soundex(s):
    if not s or not s[0].isalpha():
        return s
    codes = {c: d for d, letters in (('1', 'BFPV'), ('2', 'CGJKQSXZ'), ('3', 'DT'), ('4', 'L'),
                                      ('5', 'MN'), ('6', 'R')) for c in letters}
    s = s.upper()
    out = s[0]
    last = codes.get(s[0], '')
    for ch in s[1:]:
        code = codes.get(ch, '')
        if code and code != last:
            out += code
            if len(out) == 4:
                break
        if ch not in 'HW':
            last = code
    return out.ljust(4, '0')


def _lit(v, dt):
    return lambda: Literal(v, dt)


def _set_defaults():
    from .function_spec import REGISTRY
    I, S, B = T.IntegerType(), T.StringType(), T.BooleanType()
    table = {
        'round': [_lit(0, I)], 'bround': [_lit(0, I)], 'split': [_lit(-1, I)],
        'substring': [_lit(2147483647, I)], 'substr': [_lit(2147483647, I)],
        'lpad': [_lit(' ', S)], 'rpad': [_lit(' ', S)], 'regexp_extract': [_lit(1, I)],
        'regexp_replace': [_lit(1, I)], 'locate': [_lit(1, I)], 'sort_array': [_lit(True, B)],
        'months_between': [_lit(True, B)], 'from_unixtime': [_lit('yyyy-MM-dd HH:mm:ss', S)],
    }
    for name, d in table.items():
        REGISTRY[name].defaults = d


_set_defaults()


def _register_aliases():
    from .function_spec import REGISTRY
    REGISTRY['create_map'] = REGISTRY['map']
    REGISTRY['array_size'] = REGISTRY['size']


_register_aliases()
_spec('unhex', 1, ['string'], T.BinaryType(), lambda s: bytearray(bytes.fromhex(s if len(s) % 2 == 0 else '0' + s)), nullable=True)
_spec('split_part', 3, ['string', 'string', 'int'], T.StringType(),
      lambda s, d, n: (lambda parts: parts[n - 1] if 0 < n <= len(parts) else (parts[n] if -len(parts) <= n < 0 else ''))(s.split(d) if d else [s]))
_spec('elt', (2, 10 ** 6), ['int', 'string'], T.StringType(),
      lambda n, *xs: xs[n - 1] if 1 <= n <= len(xs) else None, null_intolerant=False, nullable=True)



def _str_to_map(s, pair_delim=',', kv_delim=':'):
    out = {}
    for part in s.split(pair_delim):
        k, _, v = part.partition(kv_delim)
        out[k] = v if _ else None
    return out


_spec('str_to_map', (1, 3), ['string'], T.MapType(T.StringType(), T.StringType(), True), _str_to_map)

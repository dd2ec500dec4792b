"""String built-ins (concat, upper, substring, trim, pad, regex, like, hashes, encodings)."""

import base64
import decimal
import hashlib
import re
import zlib

from . import types as T
from .casts import value_to_string
from .coercion import wider_type_of
from .expressions import implicit_cast
from .function_spec import define as _spec, coerce_arg


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

        def run(s, p, esc='\\'):
            rx = cache.get((p, esc))
            if rx is None:
                rx = like_to_regex(p.lower() if ci else p, esc)
                cache[(p, esc)] = rx
            return rx.match(s.lower() if ci else s) is not None
        return run
    return factory


def _like_sql(e, text):
    base = '%s LIKE %s' % (text(e.children[0]), text(e.children[1]))
    if len(e.children) > 2:
        base += " ESCAPE '%s'" % e.children[2].value
    return base


_spec('like', (2, 3), ['string'], T.BooleanType(), _like_factory(False), factory=True,
      sql=lambda e: _like_sql(e, lambda c: c.sql()),
      to_string=lambda e: _like_sql(e, lambda c: c.to_string()))
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

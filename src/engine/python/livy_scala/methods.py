"""The method table: what each member of each Scala type is, as (typing, running) pairs.

Adding a method is one ``reg`` call: a typing function (receiver type, argument nodes ->
result type; it may type the arguments with expected types, e.g. a lambda's parameter
types) and a running function (receiver value, argument values -> value).
"""

import math
import re

from .errors import ScalaThrowable
from .stypes import (ST, INT, LONG, CHAR, STRING, BOOLEAN, UNIT_T,
                     NOTHING, ANY, is_numeric, numeric_widen, lub, func, tuple_of,
                     weak_conforms, SEQ_KINDS)
from .values import (SSeq, SArray, SMap, STuple, SOption, NONE, CaseObj, Char, UNIT, Closure,
                     to_string, repl_string, wrap_int, wrap_long, to_float32,
                     ExceptionValue)
from . import hashorder


class Entry:
    """typ(tc, rt, args, node, scope, expected) -> ST ; run(ev, recv, args, node) -> value.

    ``nullary``: declared without a parameter list (``xs.size``): an argument list after it
    applies the result. ``allow_args``: Java-style empty parens are accepted too."""

    def __init__(self, typ, run, nullary=False, allow_args=True):
        self._typ = typ
        self.run = run
        self.nullary = nullary
        self.allow_args = allow_args

    def typ(self, tc, rt, args, node, scope, expected=None):
        return self._typ(tc, rt, args, node, scope, expected)


METHODS = {}     # (category, name) -> Entry
GLOBALS = {}     # name -> Entry (println, Seq, col...) typ(tc, args, node, scope, expected)
OBJECTS = {}     # object name -> {member: Entry}  (math, Seq, Array, Integer...)
OBJECT_NAMES = {'math': 'scala.math.package', 'Math': 'Math'}
IMPORTS = {}
PACKAGE_NAMES = {}   # package -> names of gated globals it holds (imported by `import pkg._`)
EXCEPTION_CLASSES = {
    'RuntimeException': 'java.lang.RuntimeException',
    'Exception': 'java.lang.Exception',
    'IllegalArgumentException': 'java.lang.IllegalArgumentException',
    'IllegalStateException': 'java.lang.IllegalStateException',
    'UnsupportedOperationException': 'java.lang.UnsupportedOperationException',
    'ArithmeticException': 'java.lang.ArithmeticException',
    'NumberFormatException': 'java.lang.NumberFormatException',
    'IndexOutOfBoundsException': 'java.lang.IndexOutOfBoundsException',
    'NoSuchElementException': 'java.util.NoSuchElementException',
    'NullPointerException': 'java.lang.NullPointerException',
    'Error': 'java.lang.Error',
    'Throwable': 'java.lang.Throwable',
}


def categories(t):
    n = t.name
    if n in ('Int', 'Long', 'Short', 'Byte'):
        return (n, 'Integral', 'Numeric', 'Any')
    if n in ('Double', 'Float'):
        return (n, 'Fractional', 'Numeric', 'Any')
    if n == 'Char':
        return ('Char', 'Integral', 'Numeric', 'Any')
    if n == 'String':
        return ('String', 'Any')
    if n in SEQ_KINDS:
        return (n, 'Seq', 'Any')
    if n in ('DataFrame', 'Dataset'):
        return (n, 'Dataset', 'Any')
    if n == 'ColumnName':
        return ('Column', 'Any')
    if n in EXCEPTION_CLASSES:
        return ('Throwable', 'Any')
    if n in ('Some', 'None.type'):
        return ('Option', 'Any')
    if n == 'CollMap':
        return ('Map', 'Any')
    if n.startswith('org.apache.spark.sql.types.'):
        return (n, 'DataType', 'Any')
    if n == 'scala.collection.immutable.Nil.type':
        return ('List', 'Seq', 'Any')
    return (n, 'Any')


def lookup_method(t, name):
    for c in categories(t):
        e = METHODS.get((c, name))
        if e is not None:
            return e
    return None


def reg(cats, names, typ, run, nullary=False, allow_args=True):
    if isinstance(cats, str):
        cats = (cats,)
    if isinstance(names, str):
        names = (names,)
    e = Entry(typ, run, nullary, allow_args)
    for c in cats:
        for n in names:
            METHODS[(c, n)] = e
    return e


def throw(java_class, message=None, frames=()):
    raise ScalaThrowable(java_class, message, frames)


# -- typing helpers --------------------------------------------------------------------------

def _res(ret, rt):
    return ret(rt) if callable(ret) else ret


def sig(ret, *params):
    """Fixed signature: parameter types (ST or callable(rt)), result type (ST or callable)."""
    def typ(tc, rt, args, node, scope, expected):
        args = args or []
        if len(args) != len(params):
            if len(args) > len(params):
                tc.error('too many arguments (%d) for method %s: %s' % (len(args), node.mname, _sigtext(params, ret, rt)), args[len(params)].pos)
            tc.error('not enough arguments for method %s: %s.\nUnspecified value parameter %s.' % (
                node.mname, _sigtext(params, ret, rt), 'x'), node.pos)
        for a, p in zip(args, params):
            pt = _res(p, rt)
            at = tc.arg(a, scope, pt)
            tc.check_conforms(a, at, pt)
        return _res(ret, rt)
    return typ


def _sigtext(params, ret, rt):
    ps = ', '.join('x$%d: %s' % (i + 1, _res(p, rt).show()) for i, p in enumerate(params))
    return '(%s)%s' % (ps, _res(ret, rt).show())


def anyargs(ret):
    """Accepts any arguments (typed without expectations)."""
    def typ(tc, rt, args, node, scope, expected):
        for a in args or []:
            tc.arg(a, scope)
        return _res(ret, rt)
    return typ


def nargs_between(lo, hi, ret, argtype=None):
    def typ(tc, rt, args, node, scope, expected):
        args = args or []
        if not (lo <= len(args) <= hi):
            if len(args) > hi:
                tc.error('too many arguments (%d) for method %s' % (len(args), node.mname), args[hi].pos)
            tc.error('not enough arguments for method %s' % node.mname, node.pos)
        for a in args:
            at = tc.arg(a, scope, argtype)
            if argtype is not None:
                tc.check_conforms(a, at, argtype)
        return _res(ret, rt)
    return typ


def elem(rt):
    if rt.name == 'String':
        return CHAR
    if rt.name in ('Map', 'CollMap'):
        return tuple_of(list(rt.args)) if len(rt.args) == 2 else ANY
    if rt.name in ('Range', 'RangeExcl'):
        return INT
    return rt.args[0] if rt.args else ANY


def same_coll(rt, e):
    if rt.name in ('Range', 'RangeExcl'):
        return ST('IndexedSeq', [e])
    if rt.name == 'String':
        return ST('IndexedSeq', [e]) if e != CHAR else STRING
    return ST(rt.name, [e])


def items_of(v):
    if isinstance(v, (SSeq, SArray)) or hasattr(v, 'rdd_id'):
        return v.items
    if isinstance(v, str):
        return [Char(c) for c in v]
    if isinstance(v, SMap):
        return [STuple(kv) for kv in v.items]
    if isinstance(v, SOption):
        return [v.value] if v.defined else []
    raise TypeError('not a collection: %r' % (v,))


def build_like(recv, items, node):
    """A collection of the receiver's runtime kind holding ``items``."""
    if isinstance(recv, SArray):
        et = node.tpe.args[0].name if node.tpe is not None and node.tpe.args else 'Object'
        return SArray(items, et)
    if isinstance(recv, str):
        if node.tpe == STRING:
            return ''.join(items)
        return SSeq(items, 'Vector')
    if isinstance(recv, SSeq):
        if recv.kind == 'Set':
            return hashorder.build_set(items)
        kind = 'Vector' if recv.kind in ('Range', 'Vector') else recv.kind
        if kind in ('WrappedArray', 'Iterator', 'MapLike.DefaultValuesIterable'):
            kind = 'List' if kind != 'WrappedArray' else 'ArrayBuffer'
        return SSeq(items, kind)
    return SSeq(items, 'List')


def call(ev, fn, *args):
    return ev.apply_fn(fn, list(args))


# -- Any -------------------------------------------------------------------------------------

reg('Any', 'toString', sig(STRING), lambda ev, r, a, n: to_string(r, n.recv_type))
reg('Any', 'hashCode', sig(INT), lambda ev, r, a, n: hashorder.java_hash(r))
reg('Any', 'equals', sig(BOOLEAN, ANY), lambda ev, r, a, n: ev.scala_equals(r, a[0]))
reg('Any', '->', anyargs(lambda rt: None), None)


def _arrow_typ(tc, rt, args, node, scope, expected):
    at = tc.arg(args[0], scope)
    return tuple_of([rt, at])


METHODS[('Any', '->')] = Entry(_arrow_typ, lambda ev, r, a, n: STuple((r, a[0])))

# -- numbers ---------------------------------------------------------------------------------

def _num_conv(target):
    def run(ev, r, a, n):
        if isinstance(r, Char):
            r = ord(r)
        if target == 'Int':
            return wrap_int(_to_integral(r))
        if target == 'Long':
            return wrap_long(_to_integral(r))
        if target == 'Double':
            return float(r)
        if target == 'Float':
            return to_float32(float(r))
        if target == 'Char':
            return Char(chr(wrap_int(_to_integral(r)) & 0xFFFF))
        if target == 'Short':
            v = wrap_int(_to_integral(r)) & 0xFFFF
            return v - 0x10000 if v >= 0x8000 else v
        if target == 'Byte':
            v = wrap_int(_to_integral(r)) & 0xFF
            return v - 0x100 if v >= 0x80 else v
    return run


def _to_integral(x):
    if isinstance(x, float):
        if x != x:
            return 0
        if x == math.inf:
            return 2 ** 63 - 1
        if x == -math.inf:
            return -2 ** 63
        return int(x)
    return int(x)


for _t in ('Int', 'Long', 'Double', 'Float', 'Char', 'Short', 'Byte'):
    reg('Numeric', 'to' + _t, sig(ST(_t)), _num_conv(_t), nullary=True, allow_args=False)


def _sat(x, t):
    if t == 'Int':
        return max(-2 ** 31, min(2 ** 31 - 1, x))
    return max(-2 ** 63, min(2 ** 63 - 1, x))


def _num_self(rt):
    return INT if rt.name in ('Char', 'Short', 'Byte') else rt


def _abs_run(ev, r, a, n):
    t = n.tpe.name
    if isinstance(r, Char):
        r = ord(r)
    if t == 'Int':
        return wrap_int(abs(r))
    if t == 'Long':
        return wrap_long(abs(r))
    return abs(r)


reg('Numeric', 'abs', sig(_num_self), _abs_run, nullary=True, allow_args=False)


def _maxmin_typ(tc, rt, args, node, scope, expected):
    if not args or len(args) != 1:
        tc.error('not enough arguments for method %s' % node.mname, node.pos)
    at = tc.arg(args[0], scope, rt)
    if not is_numeric(at):
        tc.mismatch(args[0], at, rt)
    return numeric_widen(rt, at) if weak_conforms(at, rt) or weak_conforms(rt, at) else rt


def _num(v):
    return ord(v) if isinstance(v, Char) else v


reg('Numeric', 'max', _maxmin_typ, lambda ev, r, a, n: ev.coerce(max(_num(r), _num(a[0])), n.tpe))
reg('Numeric', 'min', _maxmin_typ, lambda ev, r, a, n: ev.coerce(min(_num(r), _num(a[0])), n.tpe))
reg('Numeric', 'signum', sig(lambda rt: INT if rt.name != 'Double' and rt.name != 'Float' else rt),
    lambda ev, r, a, n: (r > 0) - (r < 0) if not isinstance(r, float) else math.copysign(1.0, r) if r != 0 else r,
    nullary=True, allow_args=False)
reg('Numeric', 'compare', sig(INT, lambda rt: rt), lambda ev, r, a, n: (r > a[0]) - (r < a[0]))


def _range_typ(kind):
    def typ(tc, rt, args, node, scope, expected):
        if not args or len(args) != 1:
            tc.error('not enough arguments for method %s' % node.mname, node.pos)
        at = tc.arg(args[0], scope, INT)
        if at.name not in ('Int', 'Char', 'Short', 'Byte'):
            if at.name == 'Long' or rt.name == 'Long':
                return ST('NumericRange', [LONG])
            tc.mismatch(args[0], at, INT)
        if rt.name not in ('Int', 'Char', 'Short', 'Byte'):
            tc.error('value %s is not a member of %s' % (node.mname, rt.show()), node.pos)
        return ST(kind)
    return typ


def _range_run(inclusive):
    def run(ev, r, a, n):
        lo, hi = _num(r), _num(a[0])
        items = list(range(lo, hi + 1 if inclusive else hi))
        return SSeq(items, 'Range')
    return run


reg('Integral', 'to', _range_typ('Range'), _range_run(True))
reg('Integral', 'until', _range_typ('RangeExcl'), _range_run(False))


def _by_run(ev, r, a, n):
    return SSeq(r.items[::a[0]] if a[0] > 0 else r.items, 'Range')


reg(('Range', 'RangeExcl'), 'by', sig(lambda rt: rt, INT), _by_run)

reg('Integral', 'toHexString', sig(STRING), lambda ev, r, a, n: '%x' % (r & (0xFFFFFFFF if n.recv_type.name != 'Long' else 0xFFFFFFFFFFFFFFFF)), nullary=True, allow_args=False)
reg('Integral', 'toBinaryString', sig(STRING), lambda ev, r, a, n: bin(r & (0xFFFFFFFF if n.recv_type.name != 'Long' else 0xFFFFFFFFFFFFFFFF))[2:], nullary=True, allow_args=False)
reg('Integral', 'isValidInt', sig(BOOLEAN), lambda ev, r, a, n: -2 ** 31 <= _num(r) < 2 ** 31, nullary=True, allow_args=False)

def _round_run(ev, r, a, n):
    if r != r:
        return 0
    v = math.floor(r + 0.5)
    return _sat(int(v) if abs(v) != math.inf else (2 ** 63 if v > 0 else -2 ** 63), 'Long' if n.tpe.name == 'Long' else 'Int')


reg('Fractional', 'round', sig(lambda rt: LONG if rt.name == 'Double' else INT), _round_run, nullary=True, allow_args=False)
reg('Fractional', 'floor', sig(lambda rt: rt), lambda ev, r, a, n: float(math.floor(r)) if math.isfinite(r) else r, nullary=True, allow_args=False)
reg('Fractional', 'ceil', sig(lambda rt: rt), lambda ev, r, a, n: float(math.ceil(r)) if math.isfinite(r) else r, nullary=True, allow_args=False)
reg('Fractional', 'isNaN', sig(BOOLEAN), lambda ev, r, a, n: r != r, nullary=True, allow_args=False)
reg('Fractional', 'isInfinity', sig(BOOLEAN), lambda ev, r, a, n: r in (math.inf, -math.inf), nullary=True, allow_args=False)
reg('Fractional', 'isInfinite', sig(BOOLEAN), lambda ev, r, a, n: r in (math.inf, -math.inf), allow_args=True)
reg('Fractional', 'isWhole', sig(BOOLEAN), lambda ev, r, a, n: math.isfinite(r) and r == int(r), nullary=True, allow_args=False)

# -- Char ------------------------------------------------------------------------------------
reg('Char', 'isDigit', sig(BOOLEAN), lambda ev, r, a, n: r.isdigit(), nullary=True, allow_args=False)
reg('Char', 'isLetter', sig(BOOLEAN), lambda ev, r, a, n: r.isalpha(), nullary=True, allow_args=False)
reg('Char', 'isLetterOrDigit', sig(BOOLEAN), lambda ev, r, a, n: r.isalnum(), nullary=True, allow_args=False)
reg('Char', 'isWhitespace', sig(BOOLEAN), lambda ev, r, a, n: r in ' \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f', nullary=True, allow_args=False)
reg('Char', 'isUpper', sig(BOOLEAN), lambda ev, r, a, n: r.isupper(), nullary=True, allow_args=False)
reg('Char', 'isLower', sig(BOOLEAN), lambda ev, r, a, n: r.islower(), nullary=True, allow_args=False)
reg('Char', 'toUpper', sig(CHAR), lambda ev, r, a, n: Char(r.upper() if len(r.upper()) == 1 else r), nullary=True, allow_args=False)
reg('Char', 'toLower', sig(CHAR), lambda ev, r, a, n: Char(r.lower() if len(r.lower()) == 1 else r), nullary=True, allow_args=False)
reg('Char', 'asDigit', sig(INT), lambda ev, r, a, n: int(r, 36) if r.isalnum() else -1, nullary=True, allow_args=False)

# -- Boolean ---------------------------------------------------------------------------------
reg('Boolean', 'unary_!', sig(BOOLEAN), lambda ev, r, a, n: not r, nullary=True)

# -- String ----------------------------------------------------------------------------------


def _str_index_error(idx, length, what='String index out of range'):
    throw('java.lang.StringIndexOutOfBoundsException', '%s: %d' % (what, idx))


def _substring(ev, r, a, n):
    b = a[0]
    e = a[1] if len(a) > 1 else len(r)
    if b < 0 or e > len(r) or b > e:
        if len(a) == 1:
            throw('java.lang.StringIndexOutOfBoundsException', 'begin %d, end %d, length %d' % (b, len(r), len(r)),
                  ['java.base/java.lang.String.checkBoundsBeginEnd(String.java:4606)',
                   'java.base/java.lang.String.substring(String.java:2709)'])
        throw('java.lang.StringIndexOutOfBoundsException', 'begin %d, end %d, length %d' % (b, e, len(r)),
              ['java.base/java.lang.String.checkBoundsBeginEnd(String.java:4606)',
               'java.base/java.lang.String.substring(String.java:2709)'])
    return r[b:e]


def java_split(s, regex, limit=0):
    if len(regex) == 1 and regex not in '.$|()[{^?*+\\':
        parts = s.split(regex)
    else:
        try:
            parts = re.split(java_regex(regex), s)
        except re.error as ex:
            throw('java.util.regex.PatternSyntaxException', str(ex))
    if s == '':
        return ['']
    # a zero-width match at the beginning never produces a leading empty string
    if parts and parts[0] == '' and len(s) > 0:
        m = re.match(java_regex(regex), s) if not (len(regex) == 1 and regex not in '.$|()[{^?*+\\') else None
        if m is not None and m.end() == 0:
            parts = parts[1:]
    if limit == 0:
        while parts and parts[-1] == '':
            parts.pop()
    return parts


def java_regex(rx):
    return rx


def _to_int_run(kind):
    def run(ev, r, a, n):
        s = r
        ok = re.fullmatch(r'[+-]?[0-9]+', s) is not None
        if kind in ('Int', 'Long'):
            if ok:
                v = int(s)
                lim = 2 ** 31 if kind == 'Int' else 2 ** 63
                if -lim <= v < lim:
                    return v
            if kind == 'Int':
                throw('java.lang.NumberFormatException', 'For input string: "%s"' % s if s else 'For input string: ""',
                      ['java.base/java.lang.NumberFormatException.forInputString(NumberFormatException.java:67)',
                       'java.base/java.lang.Integer.parseInt(Integer.java:%d)' % (668 if s else 672),
                       'java.base/java.lang.Integer.parseInt(Integer.java:786)',
                       'scala.collection.immutable.StringLike.toInt(StringLike.scala:304)',
                       'scala.collection.immutable.StringLike.toInt$(StringLike.scala:304)',
                       'scala.collection.immutable.StringOps.toInt(StringOps.scala:33)'])
            throw('java.lang.NumberFormatException', 'For input string: "%s"' % s,
                  ['java.base/java.lang.NumberFormatException.forInputString(NumberFormatException.java:67)',
                   'java.base/java.lang.Long.parseLong(Long.java:711)',
                   'java.base/java.lang.Long.parseLong(Long.java:836)',
                   'scala.collection.immutable.StringLike.toLong(StringLike.scala:315)',
                   'scala.collection.immutable.StringLike.toLong$(StringLike.scala:315)',
                   'scala.collection.immutable.StringOps.toLong(StringOps.scala:33)'])
        if kind in ('Double', 'Float'):
            t = s.strip()
            try:
                if re.fullmatch(r'[+-]?(NaN|Infinity|((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)[fFdD]?)', t) is None:
                    raise ValueError
                t2 = t.rstrip('fFdD').replace('Infinity', 'inf')
                v = float(t2)
                return v if kind == 'Double' else to_float32(v)
            except ValueError:
                throw('java.lang.NumberFormatException', 'For input string: "%s"' % s if s.strip() else 'empty String')
        if kind == 'Boolean':
            if s.lower() == 'true':
                return True
            if s.lower() == 'false':
                return False
            throw('java.lang.IllegalArgumentException', 'For input string: "%s"' % s)
    return run


for _t in ('Int', 'Long', 'Double', 'Float', 'Boolean'):
    reg('String', 'to' + _t, sig(ST(_t)), _to_int_run(_t), nullary=True, allow_args=False)


def _replace(ev, r, a, n):
    return r.replace(to_string(a[0]), to_string(a[1]))


def _java_repl(rep):
    # Java's $1 group references -> Python's \g<1>
    out = []
    i = 0
    while i < len(rep):
        c = rep[i]
        if c == '\\' and i + 1 < len(rep):
            out.append(rep[i + 1].replace('\\', '\\\\'))
            i += 2
            continue
        if c == '$' and i + 1 < len(rep) and rep[i + 1].isdigit():
            out.append('\\g<%s>' % rep[i + 1])
            i += 2
            continue
        out.append(c.replace('\\', '\\\\'))
        i += 1
    return ''.join(out)


def _char_at(ev, r, a, n):
    i = a[0]
    if i < 0 or i >= len(r):
        throw('java.lang.StringIndexOutOfBoundsException', 'index %d, length %d' % (i, len(r)) if i >= 0 else 'index %d, length %d' % (i, len(r)),
              ['java.base/java.lang.StringLatin1.charAt(StringLatin1.java:48)',
               'java.base/java.lang.String.charAt(String.java:1517)',
               'scala.collection.immutable.StringOps$.apply$extension(StringOps.scala:188)'] if n.mname == 'apply' else
              ['java.base/java.lang.StringLatin1.charAt(StringLatin1.java:48)',
               'java.base/java.lang.String.charAt(String.java:1517)'])
    return Char(r[i])


def _strip_margin(s, ch='|'):
    lines = s.split('\n')
    out = []
    for ln in lines:
        st = ln.lstrip(' \t')
        if st.startswith(ch):
            out.append(st[1:])
        else:
            out.append(ln)
    return '\n'.join(out)


def _format(ev, fmt, args, types):
    out = []
    i = 0
    ai = 0
    spec = re.compile(r'%(-)?(0)?(\d+)?(?:\.(\d+))?([sdfxXeEbcn%])')
    while i < len(fmt):
        if fmt[i] != '%':
            out.append(fmt[i])
            i += 1
            continue
        m = spec.match(fmt, i)
        if m is None:
            throw('java.util.UnknownFormatConversionException', "Conversion = '%s'" % fmt[i + 1:i + 2])
        left, zero, width, prec, conv = m.groups()
        i = m.end()
        if conv == '%':
            out.append('%')
            continue
        if conv == 'n':
            out.append('\n')
            continue
        if ai >= len(args):
            throw('java.util.MissingFormatArgumentException', "Format specifier '%s'" % m.group(0))
        v = args[ai]
        t = types[ai] if ai < len(types) else None
        ai += 1
        if conv == 's':
            s = to_string(v, t)
            if prec:
                s = s[:int(prec)]
        elif conv == 'd':
            if isinstance(v, float) or not isinstance(v, int) or isinstance(v, bool):
                throw('java.util.IllegalFormatConversionException', 'd != %s' % _boxed_name(v, t))
            s = str(v)
        elif conv in 'fFeE':
            if not isinstance(v, (int, float)) or isinstance(v, bool) or (isinstance(v, int) and not isinstance(v, float)):
                throw('java.util.IllegalFormatConversionException', '%s != %s' % (conv, _boxed_name(v, t)))
            s = ('%.' + (prec if prec is not None else '6') + conv) % v
        elif conv in 'xX':
            s = ('%' + conv) % (v & 0xFFFFFFFF if v < 0 else v)
        elif conv == 'b':
            s = 'false' if v is None or v is False else 'true'
        elif conv == 'c':
            s = str(v) if isinstance(v, str) else chr(v)
        if width:
            w = int(width)
            if left:
                s = s.ljust(w)
            elif zero and conv not in 'sbc':
                neg = s.startswith('-')
                body = s[1:] if neg else s
                s = ('-' if neg else '') + body.rjust(w - (1 if neg else 0), '0')
            else:
                s = s.rjust(w)
        out.append(s)
    return ''.join(out)


def _boxed_name(v, t):
    if t is not None:
        return {'Int': 'java.lang.Integer', 'Long': 'java.lang.Long', 'Double': 'java.lang.Double',
                'String': 'java.lang.String', 'Boolean': 'java.lang.Boolean', 'Char': 'java.lang.Character',
                'Float': 'java.lang.Float'}.get(t.name, 'java.lang.Object')
    return 'java.lang.Object'


def _format_typ(tc, rt, args, node, scope, expected):
    node.arg_types = [tc.arg(a, scope) for a in args or []]
    return STRING


reg('String', 'format', _format_typ, lambda ev, r, a, n: _format(ev, r, a, n.arg_types))
reg('String', 'length', sig(INT), lambda ev, r, a, n: len(r))
reg('String', 'size', sig(INT), lambda ev, r, a, n: len(r), nullary=True, allow_args=False)
reg('String', 'toUpperCase', sig(STRING), lambda ev, r, a, n: r.upper())
reg('String', 'toLowerCase', sig(STRING), lambda ev, r, a, n: r.lower())
reg('String', 'trim', sig(STRING), lambda ev, r, a, n: r.strip(''.join(chr(i) for i in range(33))))
reg('String', 'strip', sig(STRING), lambda ev, r, a, n: r.strip())
reg('String', 'isEmpty', sig(BOOLEAN), lambda ev, r, a, n: r == '')
reg('String', 'nonEmpty', sig(BOOLEAN), lambda ev, r, a, n: r != '', nullary=True, allow_args=False)
reg('String', 'substring', nargs_between(1, 2, STRING, INT), _substring)
reg('String', 'charAt', sig(CHAR, INT), _char_at)
reg('String', 'apply', sig(CHAR, INT), _char_at)
reg('String', 'contains', sig(BOOLEAN, ANY), lambda ev, r, a, n: to_string(a[0]) in r)
reg('String', 'startsWith', sig(BOOLEAN, STRING), lambda ev, r, a, n: r.startswith(a[0]))
reg('String', 'endsWith', sig(BOOLEAN, STRING), lambda ev, r, a, n: r.endswith(a[0]))
reg('String', 'indexOf', sig(INT, ANY), lambda ev, r, a, n: r.find(to_string(a[0])))
reg('String', 'lastIndexOf', sig(INT, ANY), lambda ev, r, a, n: r.rfind(to_string(a[0])))
reg('String', 'replace', sig(STRING, ANY, ANY), _replace)
reg('String', 'replaceAll', sig(STRING, STRING, STRING), lambda ev, r, a, n: re.sub(a[0], _java_repl(a[1]), r))
reg('String', 'replaceFirst', sig(STRING, STRING, STRING), lambda ev, r, a, n: re.sub(a[0], _java_repl(a[1]), r, count=1))
reg('String', 'matches', sig(BOOLEAN, STRING), lambda ev, r, a, n: re.fullmatch(a[0], r) is not None)
reg('String', 'split', nargs_between(1, 2, ST('Array', [STRING])),
    lambda ev, r, a, n: SArray(java_split(r, to_string(a[0]), a[1] if len(a) > 1 else 0), 'String'))
reg('String', 'concat', sig(STRING, STRING), lambda ev, r, a, n: r + a[0])
reg('String', 'equalsIgnoreCase', sig(BOOLEAN, STRING), lambda ev, r, a, n: a[0] is not None and r.lower() == a[0].lower())
reg('String', 'compareTo', sig(INT, STRING), lambda ev, r, a, n: _java_compare(r, a[0]))
reg('String', 'capitalize', sig(STRING), lambda ev, r, a, n: r[:1].upper() + r[1:], nullary=True, allow_args=False)
reg('String', 'reverse', sig(STRING), lambda ev, r, a, n: r[::-1], nullary=True, allow_args=False)
reg('String', 'stripMargin', sig(STRING), lambda ev, r, a, n: _strip_margin(r), nullary=True, allow_args=False)
reg('String', 'stripPrefix', sig(STRING, STRING), lambda ev, r, a, n: r[len(a[0]):] if r.startswith(a[0]) else r)
reg('String', 'stripSuffix', sig(STRING, STRING), lambda ev, r, a, n: r[:-len(a[0])] if a[0] and r.endswith(a[0]) else r)
reg('String', '*', sig(STRING, INT), lambda ev, r, a, n: r * max(a[0], 0))
reg('String', 'toCharArray', sig(ST('Array', [CHAR])), lambda ev, r, a, n: SArray([Char(c) for c in r], 'Char'))
reg('String', 'toList', sig(ST('List', [CHAR])), lambda ev, r, a, n: SSeq([Char(c) for c in r], 'List'), nullary=True, allow_args=False)
reg('String', 'distinct', sig(STRING), lambda ev, r, a, n: ''.join(dict.fromkeys(r)), nullary=True, allow_args=False)
reg('String', 'sorted', sig(STRING), lambda ev, r, a, n: ''.join(sorted(r)), nullary=True, allow_args=False)
reg('String', 'r', sig(ST('Regex')), lambda ev, r, a, n: r, nullary=True, allow_args=False)


def _java_compare(a, b):
    for x, y in zip(a, b):
        if x != y:
            return ord(x) - ord(y)
    return len(a) - len(b)


# -- sequences -------------------------------------------------------------------------------

def seq_typ_fn(result):
    """Typing for a method taking one function of the element: result(rt, fn_result_type)."""
    def typ(tc, rt, args, node, scope, expected):
        if not args or len(args) != 1:
            tc.error('missing argument list for method %s' % node.mname if not args else
                     'too many arguments (%d) for method %s' % (len(args), node.mname), node.pos)
        e = elem(rt)
        r = tc.fn_arg(args[0], scope, [e])
        return result(rt, r, tc, args[0])
    return typ


def _map_result(rt, r, tc, arg):
    if rt.name == 'String':
        return STRING if r == CHAR else ST('IndexedSeq', [r])
    if rt.name in ('Map', 'CollMap'):
        if r.name == 'Tuple' and len(r.args) == 2:
            return ST('Map', list(r.args))
        return ST('Iterable', [r])
    if rt.name in ('Option', 'Some', 'None.type'):
        return ST('Option', [r])
    return same_coll(rt, r)


def _map_run(ev, r, a, n):
    f = a[0]
    if isinstance(r, SOption):
        return SOption(True, ev.apply_fn(f, [r.value])) if r.defined else NONE
    if isinstance(r, SMap):
        out = [ev.apply_fn(f, [STuple(kv)]) for kv in r.items]
        if n.tpe.name in ('Map', 'CollMap'):
            return hashorder.build_map([tuple(x) for x in out])
        return SSeq(out, 'List')
    items = items_of(r)
    out = [ev.apply_fn(f, [x]) for x in items]
    return build_like(r, out, n)


def _flatmap_result(rt, r, tc, arg):
    e = elem(r) if (r.name in SEQ_KINDS or r.name in ('Option', 'String')) else None
    if e is None:
        tc.error('type mismatch;', arg.pos, [' found   : %s' % r.show(), ' required: scala.collection.GenTraversableOnce[?]'])
    if rt.name == 'Option':
        return ST('Option', [e])
    return same_coll(rt, e)


def _flatmap_run(ev, r, a, n):
    out = []
    for x in items_of(r):
        out.extend(items_of(ev.apply_fn(a[0], [x])))
    if isinstance(r, SOption):
        return SOption(True, out[0]) if out else NONE
    return build_like(r, out, n)


def _filter_result(rt, r, tc, arg):
    if r.name != 'Boolean':
        tc.mismatch(arg, r, BOOLEAN)
    return rt if rt.name not in ('Range', 'RangeExcl') else ST('IndexedSeq', [INT])


def _filter_run(neg):
    def run(ev, r, a, n):
        if isinstance(r, SMap):
            return SMap([kv for kv in r.items if bool(ev.apply_fn(a[0], [STuple(kv)])) != neg])
        if isinstance(r, SOption):
            return r if r.defined and bool(ev.apply_fn(a[0], [r.value])) != neg else NONE
        out = [x for x in items_of(r) if bool(ev.apply_fn(a[0], [x])) != neg]
        return build_like(r, out, n)
    return run


def _foreach_run(ev, r, a, n):
    for x in items_of(r):
        ev.apply_fn(a[0], [x])
    return UNIT


COLLS = ('Seq', 'String', 'Map', 'Option')
reg(COLLS, 'map', seq_typ_fn(_map_result), _map_run)
reg(COLLS, 'flatMap', seq_typ_fn(_flatmap_result), _flatmap_run)
reg(COLLS, 'filter', seq_typ_fn(_filter_result), _filter_run(False))
reg(COLLS, 'filterNot', seq_typ_fn(_filter_result), _filter_run(True))
reg(COLLS, 'withFilter', seq_typ_fn(_filter_result), _filter_run(False))
reg(COLLS, 'foreach', seq_typ_fn(lambda rt, r, tc, arg: UNIT_T), _foreach_run)
reg(COLLS, 'exists', seq_typ_fn(lambda rt, r, tc, arg: BOOLEAN), lambda ev, r, a, n: any(ev.apply_fn(a[0], [x]) for x in items_of(r)))
reg(COLLS, 'forall', seq_typ_fn(lambda rt, r, tc, arg: BOOLEAN), lambda ev, r, a, n: all(ev.apply_fn(a[0], [x]) for x in items_of(r)))
reg(COLLS, 'count', seq_typ_fn(lambda rt, r, tc, arg: INT), lambda ev, r, a, n: sum(1 for x in items_of(r) if ev.apply_fn(a[0], [x])))


def _find_run(ev, r, a, n):
    for x in items_of(r):
        if ev.apply_fn(a[0], [x]):
            return SOption(True, x)
    return NONE


reg(COLLS, 'find', seq_typ_fn(lambda rt, r, tc, arg: ST('Option', [elem(rt) if rt.name != 'Map' else tuple_of(rt.args)])), _find_run)


def _size_run(ev, r, a, n):
    return len(items_of(r)) if not isinstance(r, SMap) else len(r.items)


reg(('Seq', 'Map'), ('size', 'length'), sig(INT), _size_run, nullary=True, allow_args=False)
reg(('Seq', 'Map', 'Option'), 'isEmpty', sig(BOOLEAN), lambda ev, r, a, n: len(items_of(r)) == 0, nullary=True, allow_args=False)
reg(('Seq', 'Map', 'Option'), 'nonEmpty', sig(BOOLEAN), lambda ev, r, a, n: len(items_of(r)) > 0, nullary=True, allow_args=False)


def _numeric_elem_typ(name):
    def typ(tc, rt, args, node, scope, expected):
        e = elem(rt)
        if args:
            tc.error('too many arguments', args[0].pos)
        if not is_numeric(e):
            tc.error('could not find implicit value for parameter num: Numeric[%s]' % e.show(), node.pos)
        return e
    return typ


def _sum_run(ev, r, a, n):
    t = n.tpe
    total = 0 if t.name not in ('Double', 'Float') else 0.0
    for x in items_of(r):
        total = ev.coerce(total + _num(x), t)
    return total


def _product_run(ev, r, a, n):
    t = n.tpe
    total = 1 if t.name not in ('Double', 'Float') else 1.0
    for x in items_of(r):
        total = ev.coerce(total * _num(x), t)
    return total


reg('Seq', 'sum', _numeric_elem_typ('sum'), _sum_run, nullary=True, allow_args=False)
reg('Seq', 'product', _numeric_elem_typ('product'), _product_run, nullary=True, allow_args=False)


def _empty_err(what, cls='java.lang.UnsupportedOperationException', frames=()):
    throw(cls, what, frames)


def _head_run(ev, r, a, n):
    items = items_of(r)
    if not items:
        if isinstance(r, SSeq) and r.kind == 'List':
            throw('java.util.NoSuchElementException', 'head of empty list',
                  ['scala.collection.immutable.Nil$.head(List.scala:469)',
                   'scala.collection.immutable.Nil$.head(List.scala:466)'])
        if isinstance(r, SArray):
            throw('java.util.NoSuchElementException', 'next on empty iterator')
        if isinstance(r, str):
            throw('java.util.NoSuchElementException', 'next on empty iterator')
        throw('java.util.NoSuchElementException', 'head of empty list')
    return items[0]


def _last_run(ev, r, a, n):
    items = items_of(r)
    if not items:
        throw('java.util.NoSuchElementException', 'last of empty list' if isinstance(r, SSeq) and r.kind == 'List' else 'last of empty array')
    return items[-1]


def _tail_run(ev, r, a, n):
    items = items_of(r)
    if not items:
        throw('java.lang.UnsupportedOperationException', 'tail of empty list' if isinstance(r, SSeq) else 'empty.tail')
    return build_like(r, items[1:], n)


reg(('Seq', 'String'), 'head', sig(elem), _head_run, nullary=True, allow_args=False)
reg(('Seq', 'String'), 'last', sig(elem), _last_run, nullary=True, allow_args=False)
reg(('Seq', 'String'), 'headOption', sig(lambda rt: ST('Option', [elem(rt)])),
    lambda ev, r, a, n: SOption(True, items_of(r)[0]) if items_of(r) else NONE, nullary=True, allow_args=False)
reg(('Seq', 'String'), 'lastOption', sig(lambda rt: ST('Option', [elem(rt)])),
    lambda ev, r, a, n: SOption(True, items_of(r)[-1]) if items_of(r) else NONE, nullary=True, allow_args=False)
reg('Seq', 'tail', sig(lambda rt: same_coll(rt, elem(rt))), _tail_run, nullary=True, allow_args=False)
reg('Seq', 'init', sig(lambda rt: same_coll(rt, elem(rt))), lambda ev, r, a, n: build_like(r, items_of(r)[:-1], n), nullary=True, allow_args=False)
reg(('Seq', 'String'), 'take', sig(lambda rt: same_coll(rt, elem(rt)), INT), lambda ev, r, a, n: build_like(r, items_of(r)[:max(a[0], 0)], n))
reg(('Seq', 'String'), 'drop', sig(lambda rt: same_coll(rt, elem(rt)), INT), lambda ev, r, a, n: build_like(r, items_of(r)[max(a[0], 0):], n))
reg(('Seq', 'String'), 'takeRight', sig(lambda rt: same_coll(rt, elem(rt)), INT), lambda ev, r, a, n: build_like(r, items_of(r)[len(items_of(r)) - max(a[0], 0):] if a[0] > 0 else [], n))
reg(('Seq', 'String'), 'dropRight', sig(lambda rt: same_coll(rt, elem(rt)), INT), lambda ev, r, a, n: build_like(r, items_of(r)[:max(len(items_of(r)) - max(a[0], 0), 0)], n))
reg(('Seq', 'String'), 'slice', sig(lambda rt: same_coll(rt, elem(rt)), INT, INT), lambda ev, r, a, n: build_like(r, items_of(r)[max(a[0], 0):max(a[1], 0)], n))


def _takewhile_run(take):
    def run(ev, r, a, n):
        items = items_of(r)
        i = 0
        while i < len(items) and ev.apply_fn(a[0], [items[i]]):
            i += 1
        return build_like(r, items[:i] if take else items[i:], n)
    return run


reg(('Seq', 'String'), 'takeWhile', seq_typ_fn(lambda rt, r, tc, arg: same_coll(rt, elem(rt))), _takewhile_run(True))
reg(('Seq', 'String'), 'dropWhile', seq_typ_fn(lambda rt, r, tc, arg: same_coll(rt, elem(rt))), _takewhile_run(False))


def _mkstring_run(ev, r, a, n):
    et = elem(n.recv_type) if n.recv_type is not None else None
    items = items_of(r)
    strs = [to_string(x, et) for x in items]
    if len(a) == 0:
        return ''.join(strs)
    if len(a) == 1:
        return a[0].join(strs)
    return a[0] + a[1].join(strs) + a[2]


def _mkstring_typ(tc, rt, args, node, scope, expected):
    args = args or []
    if len(args) not in (0, 1, 3):
        tc.error('overloaded method value mkString with alternatives:\n  ()String <and>\n  (sep: String)String <and>\n  (start: String,sep: String,end: String)String\n cannot be applied to (%s)' % ', '.join(tc.arg(a, scope).show() for a in args), node.pos)
    for x in args:
        t = tc.arg(x, scope, STRING)
        tc.check_conforms(x, t, STRING)
    return STRING


reg(('Seq', 'Map', 'Option'), 'mkString', _mkstring_typ, _mkstring_run)


def _reduce_typ(tc, rt, args, node, scope, expected):
    if not args or len(args) != 1:
        tc.error('missing argument list for method %s' % node.mname, node.pos)
    e = elem(rt)
    r = tc.fn_arg(args[0], scope, [e, e])
    return lub([e, r]) if r.name != 'Nothing' else e


def _reduce_run(ev, r, a, n):
    items = items_of(r)
    if not items:
        throw('java.lang.UnsupportedOperationException', 'empty.reduceLeft',
              ['scala.collection.LinearSeqOptimized.reduceLeft(LinearSeqOptimized.scala:139)',
               'scala.collection.LinearSeqOptimized.reduceLeft$(LinearSeqOptimized.scala:138)',
               'scala.collection.immutable.List.reduceLeft(List.scala:91)',
               'scala.collection.TraversableOnce.reduce(TraversableOnce.scala:213)',
               'scala.collection.TraversableOnce.reduce$(TraversableOnce.scala:213)',
               'scala.collection.AbstractTraversable.reduce(Traversable.scala:108)']
              if isinstance(r, SSeq) and r.kind == 'List' else ())
    acc = items[0]
    for x in items[1:]:
        acc = ev.apply_fn(a[0], [acc, x])
    return acc


def _reduce_right_run(ev, r, a, n):
    items = items_of(r)
    if not items:
        throw('java.lang.UnsupportedOperationException', 'empty.reduceRight')
    acc = items[-1]
    for x in reversed(items[:-1]):
        acc = ev.apply_fn(a[0], [x, acc])
    return acc


reg('Seq', ('reduce', 'reduceLeft'), _reduce_typ, _reduce_run)
reg('Seq', 'reduceRight', _reduce_typ, _reduce_right_run)


def _fold_typ(tc, rt, args, node, scope, expected):
    # xs.foldLeft(z)(op): typed as a curried call; the first list is args, the second
    # comes through Apply-of-Apply (see evaluator: method returning a function)
    z = args[0] if args else None
    if z is None or len(args) != 1:
        tc.error('missing argument list for method %s' % node.mname, node.pos)
    zt = tc.arg(z, scope)
    if zt.name == 'Nothing' or zt.name == 'Null':
        zt = ANY
    if node.mname == 'fold':
        zt = lub([zt, elem(rt)]) if zt != elem(rt) else zt
    node.fold_z = zt
    if node.mname == 'foldRight':
        return func([func([elem(rt), zt], zt)], zt)
    return func([func([zt, elem(rt)], zt)], zt)


def _fold_run(ev, r, a, n):
    z = a[0]
    items = items_of(r)
    right = n.mname == 'foldRight'

    def fold2(fargs):
        f = fargs[0]
        acc = z
        if right:
            for x in reversed(items):
                acc = ev.apply_fn(f, [x, acc])
        else:
            for x in items:
                acc = ev.apply_fn(f, [acc, x])
        return acc
    return Closure(None, None, None, pyfunc=fold2)


reg('Seq', ('foldLeft', 'fold', 'foldRight'), _fold_typ, _fold_run)


def _sort_key(et):
    def key(x):
        if isinstance(x, STuple):
            return tuple(key(y) for y in x)
        if isinstance(x, Char):
            return ord(x)
        if isinstance(x, str):
            return [ord(c) for c in x]
        if isinstance(x, bool):
            return int(x)
        return x
    return key


def _sorted_typ(tc, rt, args, node, scope, expected):
    e = elem(rt)
    if not _orderable(e):
        tc.error('No implicit Ordering defined for %s.' % e.show(), node.pos)
    return same_coll(rt, e)


def _orderable(t):
    if t.name in ('Int', 'Long', 'Double', 'Float', 'Short', 'Byte', 'Char', 'String', 'Boolean'):
        return True
    if t.name == 'Tuple':
        return all(_orderable(a) for a in t.args)
    if t.name == 'Option':
        return _orderable(t.args[0])
    return False


reg(('Seq',), 'sorted', _sorted_typ, lambda ev, r, a, n: build_like(r, sorted(items_of(r), key=_sort_key(None)), n), nullary=True, allow_args=False)


def _sortby_typ(tc, rt, args, node, scope, expected):
    r = tc.fn_arg(args[0], scope, [elem(rt)])
    if not _orderable(r):
        tc.error('No implicit Ordering defined for %s.' % r.show(), node.pos)
    return same_coll(rt, elem(rt))


reg('Seq', 'sortBy', _sortby_typ, lambda ev, r, a, n: build_like(r, sorted(items_of(r), key=lambda x: _sort_key(None)(ev.apply_fn(a[0], [x]))), n))


def _sortwith_run(ev, r, a, n):
    import functools
    items = list(items_of(r))

    def cmp(x, y):
        if ev.apply_fn(a[0], [x, y]):
            return -1
        if ev.apply_fn(a[0], [y, x]):
            return 1
        return 0
    return build_like(r, sorted(items, key=functools.cmp_to_key(cmp)), n)


reg('Seq', 'sortWith', lambda tc, rt, args, node, scope, expected: (tc.fn_arg(args[0], scope, [elem(rt), elem(rt)]), same_coll(rt, elem(rt)))[1], _sortwith_run)
reg('Seq', 'reverse', sig(lambda rt: same_coll(rt, elem(rt))), lambda ev, r, a, n: build_like(r, list(reversed(items_of(r))), n), nullary=True, allow_args=False)
reg('Seq', 'distinct', sig(lambda rt: same_coll(rt, elem(rt))), lambda ev, r, a, n: build_like(r, _distinct(items_of(r)), n), nullary=True, allow_args=False)


def _distinct(items):
    out = []
    seen = []
    for x in items:
        k = repr_key(x)
        if k not in seen:
            seen.append(k)
            out.append(x)
    return out


def repr_key(x):
    return (type(x).__name__ if not isinstance(x, (int, float)) or isinstance(x, bool) else 'num', repl_string(x))


reg('Seq', 'contains', sig(BOOLEAN, ANY), lambda ev, r, a, n: any(ev.scala_equals(x, a[0]) for x in items_of(r)))
reg('Seq', 'indexOf', sig(INT, ANY), lambda ev, r, a, n: next((i for i, x in enumerate(items_of(r)) if ev.scala_equals(x, a[0])), -1))


def _maxmin_elem_typ(tc, rt, args, node, scope, expected):
    e = elem(rt)
    if not _orderable(e):
        tc.error('No implicit Ordering defined for %s.' % e.show(), node.pos)
    return e


def _max_run(which):
    def run(ev, r, a, n):
        items = items_of(r)
        if not items:
            throw('java.lang.UnsupportedOperationException', 'empty.%s' % which)
        k = _sort_key(None)
        best = items[0]
        for x in items[1:]:
            if (k(x) > k(best)) if which == 'max' else (k(x) < k(best)):
                best = x
        return best
    return run


reg('Seq', 'max', _maxmin_elem_typ, _max_run('max'), nullary=True, allow_args=False)
reg('Seq', 'min', _maxmin_elem_typ, _max_run('min'), nullary=True, allow_args=False)


def _maxby_run(which):
    def run(ev, r, a, n):
        items = items_of(r)
        if not items:
            throw('java.lang.UnsupportedOperationException', 'empty.%sBy' % which)
        k = _sort_key(None)
        best = items[0]
        bk = k(ev.apply_fn(a[0], [best]))
        for x in items[1:]:
            xk = k(ev.apply_fn(a[0], [x]))
            if (xk > bk) if which == 'max' else (xk < bk):
                best, bk = x, xk
        return best
    return run


reg(('Seq', 'Map'), 'maxBy', seq_typ_fn(lambda rt, r, tc, arg: elem(rt) if rt.name != 'Map' else tuple_of(rt.args)), _maxby_run('max'))
reg(('Seq', 'Map'), 'minBy', seq_typ_fn(lambda rt, r, tc, arg: elem(rt) if rt.name != 'Map' else tuple_of(rt.args)), _maxby_run('min'))


def _seq_apply_run(ev, r, a, n):
    items = items_of(r)
    i = a[0]
    if 0 <= i < len(items):
        return items[i]
    if isinstance(r, SArray):
        throw('java.lang.ArrayIndexOutOfBoundsException', 'Index %d out of bounds for length %d' % (i, len(items)))
    if isinstance(r, SSeq) and r.kind == 'List':
        throw('java.lang.IndexOutOfBoundsException', str(i),
              ['scala.collection.LinearSeqOptimized.apply(LinearSeqOptimized.scala:67)',
               'scala.collection.LinearSeqOptimized.apply$(LinearSeqOptimized.scala:65)',
               'scala.collection.immutable.List.apply(List.scala:91)'])
    if isinstance(r, SSeq) and r.kind == 'Range':
        throw('java.lang.IndexOutOfBoundsException', str(i))
    throw('java.lang.IndexOutOfBoundsException', str(i))


reg('Seq', 'apply', sig(elem, INT), _seq_apply_run)
reg('Seq', 'indices', sig(ST('RangeExcl')), lambda ev, r, a, n: SSeq(list(range(len(items_of(r)))), 'Range'), nullary=True, allow_args=False)


def _zip_typ(tc, rt, args, node, scope, expected):
    at = tc.arg(args[0], scope)
    return same_coll(rt, tuple_of([elem(rt), elem(at)]))


reg(('Seq', 'String'), 'zip', _zip_typ, lambda ev, r, a, n: build_like(r, [STuple(p) for p in zip(items_of(r), items_of(a[0]))], n))
reg(('Seq', 'String'), 'zipWithIndex', sig(lambda rt: same_coll(rt, tuple_of([elem(rt), INT]))),
    lambda ev, r, a, n: build_like(r, [STuple((x, i)) for i, x in enumerate(items_of(r))], n), nullary=True, allow_args=False)


def _conv(kind):
    def typ(tc, rt, args, node, scope, expected):
        if args:
            tc.error('%s does not take parameters' % ST(kind, [elem(rt)]).show(), node.pos)
        e = elem(rt) if rt.name != 'Map' else tuple_of(rt.args)
        return ST(kind, [e])

    def run(ev, r, a, n):
        items = list(items_of(r))
        if kind == 'Array':
            return SArray(items, n.tpe.args[0].name)
        if kind == 'Seq' and isinstance(r, SSeq) and r.kind != 'Range':
            return r
        if kind == 'Seq' and isinstance(r, SArray):
            return SSeq(items, 'WrappedArray')
        if kind == 'Seq' and isinstance(r, SSeq):
            return SSeq(items, 'Vector') if r.kind == 'Range' else r
        if kind == 'Seq' and isinstance(r, SMap):
            return SSeq(items, 'ArrayBuffer')
        return SSeq(items, 'Vector' if kind in ('Vector', 'IndexedSeq') else 'List')
    return Entry(typ, run, nullary=True, allow_args=False)


for _k in ('List', 'Seq', 'Array', 'Vector', 'IndexedSeq'):
    for _c in ('Seq', 'Map', 'Option', 'String'):
        METHODS[(_c, 'to' + _k)] = _conv(_k)


def _toset_typ(tc, rt, args, node, scope, expected):
    return ST('Set', [elem(rt)])


for _c in ('Seq', 'Map', 'String', 'Option'):
    METHODS[(_c, 'toSet')] = Entry(_toset_typ, lambda ev, r, a, n: hashorder.build_set(items_of(r)), nullary=True, allow_args=False)


def _tomap_typ(tc, rt, args, node, scope, expected):
    e = elem(rt)
    if e.name != 'Tuple' or len(e.args) != 2:
        tc.error('Cannot prove that %s <:< (T, U).' % e.show(), node.pos)
    return ST('Map', list(e.args))


reg('Seq', 'toMap', _tomap_typ, lambda ev, r, a, n: hashorder.build_map([tuple(x) for x in items_of(r)]), nullary=True, allow_args=False)


def _concat_typ(tc, rt, args, node, scope, expected):
    at = tc.pretyped[0] if tc.pretyped else tc.arg(args[0], scope)
    if rt.name in ('Map', 'CollMap'):
        if at.name in ('Map', 'CollMap'):
            return ST('Map', [lub([rt.args[0], at.args[0]]), lub([rt.args[1], at.args[1]])])
        return rt
    if rt.name == 'String' and at.name == 'String':
        return STRING
    e = lub([elem(rt), elem(at)])
    return same_coll(rt, e)


def _concat_run(ev, r, a, n):
    if isinstance(r, SMap):
        return hashorder.map_updated_all(r, items_of(a[0]) if not isinstance(a[0], SMap) else [STuple(kv) for kv in a[0].items])
    if isinstance(r, str) and isinstance(a[0], str):
        return r + a[0]
    return build_like(r, list(items_of(r)) + list(items_of(a[0])), n)


reg(('Seq', 'Map', 'String'), ('++', 'concat', 'union'), _concat_typ, _concat_run)
METHODS[('String', 'concat')] = Entry(sig(STRING, STRING), lambda ev, r, a, n: r + a[0])


def _append_typ(tc, rt, args, node, scope, expected):
    at = tc.pretyped[0] if tc.pretyped else tc.arg(args[0], scope)
    return same_coll(rt, lub([elem(rt), at]))


reg('Seq', ':+', _append_typ, lambda ev, r, a, n: build_like(r, list(items_of(r)) + [a[0]], n))
reg('Seq', '+:', _append_typ, lambda ev, r, a, n: build_like(r, [a[0]] + list(items_of(r)), n))


def _cons_typ(tc, rt, args, node, scope, expected):
    at = tc.pretyped[0] if tc.pretyped else tc.arg(args[0], scope)
    if rt.name == 'scala.collection.immutable.Nil.type':
        return ST('List', [at])
    if rt.name != 'List':
        tc.error('value :: is not a member of %s' % rt.show(), node.pos)
    return ST('List', [lub([elem(rt), at]) if rt.args and rt.args[0].name != 'Nothing' else at])


reg('List', '::', _cons_typ, lambda ev, r, a, n: SSeq([a[0]] + list(r.items), 'List'))


def _concat3_typ(tc, rt, args, node, scope, expected):
    at = tc.pretyped[0] if tc.pretyped else tc.arg(args[0], scope)
    return ST('List', [lub([elem(rt), elem(at)])])


reg('List', ':::', _concat3_typ, lambda ev, r, a, n: SSeq(list(a[0].items) + list(r.items), 'List'))


def _groupby_typ(tc, rt, args, node, scope, expected):
    k = tc.fn_arg(args[0], scope, [elem(rt)])
    return ST('Map', [k, same_coll(rt, elem(rt)) if rt.name not in ('Range', 'RangeExcl') else ST('IndexedSeq', [INT])])


def _groupby_run(ev, r, a, n):
    groups = []
    index = {}
    for x in items_of(r):
        k = ev.apply_fn(a[0], [x])
        rk = repr_key(k)
        if rk not in index:
            index[rk] = len(groups)
            groups.append((k, []))
        groups[index[rk]][1].append(x)
    pairs = [(k, build_like(r, xs, _FakeNode(n.tpe.args[1]))) for k, xs in groups]
    return hashorder.group_map(pairs)


class _FakeNode:
    def __init__(self, tpe):
        self.tpe = tpe


reg('Seq', 'groupBy', _groupby_typ, _groupby_run)


def _sliding_run(ev, r, a, n):
    items = items_of(r)
    size = a[0]
    step = a[1] if len(a) > 1 else 1
    fn = _FakeNode(n.tpe.args[0])
    out = []
    if len(items) <= size:
        out.append(build_like(r, list(items), fn))
    else:
        i = 0
        while True:
            out.append(build_like(r, items[i:i + size], fn))
            if i + size >= len(items):
                break
            i += step
    return SSeq(out, 'Iterator')


reg('Seq', 'sliding', nargs_between(1, 2, lambda rt: ST('Iterator', [same_coll(rt, elem(rt))]), INT), _sliding_run)


def _set_plus_typ(tc, rt, args, node, scope, expected):
    at = tc.pretyped[0] if tc.pretyped else tc.arg(args[0], scope)
    return ST('Set', [lub([elem(rt), at])])


reg('Set', '+', _set_plus_typ, lambda ev, r, a, n: hashorder.build_set(list(r.items) + [a[0]]))
reg('Set', '-', sig(lambda rt: rt, elem), lambda ev, r, a, n: hashorder.build_set([x for x in r.items if not ev.scala_equals(x, a[0])]))
reg('Set', 'apply', sig(BOOLEAN, elem), lambda ev, r, a, n: any(ev.scala_equals(x, a[0]) for x in r.items))


def _partition_run(ev, r, a, n):
    yes, no = [], []
    for x in items_of(r):
        (yes if ev.apply_fn(a[0], [x]) else no).append(x)
    fn = _FakeNode(n.tpe.args[0])
    return STuple((build_like(r, yes, fn), build_like(r, no, fn)))


reg('Seq', 'partition', seq_typ_fn(lambda rt, r, tc, arg: tuple_of([same_coll(rt, elem(rt))] * 2)), _partition_run)


def _grouped_run(ev, r, a, n):
    items = items_of(r)
    size = a[0]
    fn = _FakeNode(n.tpe.args[0])
    return SSeq([build_like(r, items[i:i + size], fn) for i in range(0, len(items), size)], 'Iterator')


reg('Seq', 'grouped', sig(lambda rt: ST('Iterator', [same_coll(rt, elem(rt))]), INT), _grouped_run)
reg('Iterator', 'toList', sig(lambda rt: ST('List', [elem(rt)])), lambda ev, r, a, n: SSeq(list(r.items), 'List'), nullary=True, allow_args=False)
reg('Iterator', 'foreach', seq_typ_fn(lambda rt, r, tc, arg: UNIT_T), _foreach_run)
reg('Seq', 'updated', sig(lambda rt: same_coll(rt, elem(rt)), INT, elem), lambda ev, r, a, n: build_like(r, items_of(r)[:a[0]] + [a[1]] + items_of(r)[a[0] + 1:], n))
reg('Seq', 'sameElements', sig(BOOLEAN, ANY), lambda ev, r, a, n: items_of(r) == items_of(a[0]))


def _flatten_typ(tc, rt, args, node, scope, expected):
    e = elem(rt)
    if e.name not in SEQ_KINDS and e.name not in ('Option', 'String'):
        tc.error('No implicit view available from %s => scala.collection.GenTraversableOnce[B].' % e.show(), node.pos)
    return same_coll(rt, elem(e))


reg('Seq', 'flatten', _flatten_typ, lambda ev, r, a, n: build_like(r, [y for x in items_of(r) for y in items_of(x)], n), nullary=True, allow_args=False)

# arrays print their elements only in the REPL; Predef.wrapRefArray gives WrappedArray
reg('Array', 'length', sig(INT), lambda ev, r, a, n: len(r.items), nullary=True, allow_args=False)

# -- Map -------------------------------------------------------------------------------------


def _map_apply_run(ev, r, a, n):
    found, v = hashorder.map_get(r, a[0])
    if not found:
        throw('java.util.NoSuchElementException', 'key not found: %s' % to_string(a[0], n.recv_type.args[0]),
              ['scala.collection.immutable.Map$Map1.apply(Map.scala:%d)' % 163] if False else
              ['scala.collection.MapLike.default(MapLike.scala:236)',
               'scala.collection.MapLike.default$(MapLike.scala:235)',
               'scala.collection.AbstractMap.default(Map.scala:65)',
               hashorder.map_apply_frame(r)])
    return v


reg('Map', 'apply', sig(lambda rt: rt.args[1], lambda rt: rt.args[0]), _map_apply_run)
reg('Map', 'get', sig(lambda rt: ST('Option', [rt.args[1]]), lambda rt: rt.args[0]),
    lambda ev, r, a, n: (lambda fv: SOption(True, fv[1]) if fv[0] else NONE)(hashorder.map_get(r, a[0])))


def _getorelse_typ(tc, rt, args, node, scope, expected):
    if rt.name in ('Map', 'CollMap'):
        kt = tc.arg(args[0], scope, rt.args[0])
        dt = tc.arg(args[1], scope, rt.args[1])
        return lub([rt.args[1], dt])
    dt = tc.arg(args[0], scope, rt.args[0] if rt.args else None)
    return lub([rt.args[0], dt]) if rt.args else dt



def _getorelse_run(ev, r, a, n):
    if isinstance(r, SMap):
        found, v = hashorder.map_get(r, a[0])
        return v if found else a[1]
    return r.value if r.defined else a[0]


reg(('Map', 'Option'), 'getOrElse', _getorelse_typ, _getorelse_run)
reg('Map', 'contains', sig(BOOLEAN, lambda rt: rt.args[0]), lambda ev, r, a, n: hashorder.map_get(r, a[0])[0])
reg('Map', 'keys', sig(lambda rt: ST('Iterable', [rt.args[0]])), lambda ev, r, a, n: SSeq([k for k, _ in r.items], 'Set'), nullary=True, allow_args=False)
reg('Map', 'keySet', sig(lambda rt: ST('Set', [rt.args[0]])), lambda ev, r, a, n: SSeq([k for k, _ in r.items], 'Set'), nullary=True, allow_args=False)
reg('Map', 'values', sig(lambda rt: ST('Iterable', [rt.args[1]])), lambda ev, r, a, n: SSeq([v for _, v in r.items], 'MapLike.DefaultValuesIterable'), nullary=True, allow_args=False)


def _map_plus_typ(tc, rt, args, node, scope, expected):
    at = tc.pretyped[0] if tc.pretyped else tc.arg(args[0], scope)
    if at.name != 'Tuple' or len(at.args) != 2:
        tc.mismatch(args[0], at, tuple_of(list(rt.args)))
    return ST('Map', [lub([rt.args[0], at.args[0]]), lub([rt.args[1], at.args[1]])])


reg('Map', ('+', 'updated'), _map_plus_typ, lambda ev, r, a, n: hashorder.map_updated_all(r, [a[0]] if len(a) == 1 else [STuple((a[0], a[1]))]))
METHODS[('Map', 'updated')] = Entry(lambda tc, rt, args, node, scope, expected: ST('Map', [lub([rt.args[0], tc.arg(args[0], scope)]), lub([rt.args[1], tc.arg(args[1], scope)])]),
                                    lambda ev, r, a, n: hashorder.map_updated_all(r, [STuple((a[0], a[1]))]))
reg('Map', '-', sig(lambda rt: rt, lambda rt: rt.args[0]), lambda ev, r, a, n: hashorder.map_removed(r, a[0]))


def _mapvalues_run(ev, r, a, n):
    return SMap([(k, ev.apply_fn(a[0], [v])) for k, v in r.items])


def _mapvalues_typ(tc, rt, args, node, scope, expected):
    t = tc.fn_arg(args[0], scope, [rt.args[1]])
    return ST('Map', [rt.args[0], t])


reg('Map', 'mapValues', _mapvalues_typ, _mapvalues_run)

def _opt_elem(rt):
    return rt.args[0] if rt.args else NOTHING


# -- Option ----------------------------------------------------------------------------------


def _opt_get(ev, r, a, n):
    if not r.defined:
        throw('java.util.NoSuchElementException', 'None.get',
              ['scala.None$.get(Option.scala:529)', 'scala.None$.get(Option.scala:527)'])
    return r.value


reg('Option', 'get', sig(lambda rt: _opt_elem(rt)), _opt_get, nullary=True, allow_args=False)
reg('Option', 'isDefined', sig(BOOLEAN), lambda ev, r, a, n: r.defined, nullary=True, allow_args=False)
reg('Option', 'orElse', sig(lambda rt: rt, lambda rt: rt), lambda ev, r, a, n: r if r.defined else a[0])
reg('Option', 'contains', sig(BOOLEAN, lambda rt: _opt_elem(rt)), lambda ev, r, a, n: r.defined and ev.scala_equals(r.value, a[0]))

# -- Tuple -----------------------------------------------------------------------------------
for _i in range(1, 23):
    def _tup_typ(tc, rt, args, node, scope, expected, _i=_i):
        if len(rt.args) < _i:
            tc.error('value _%d is not a member of %s' % (_i, rt.show()), node.pos)
        return rt.args[_i - 1]
    reg('Tuple', '_%d' % _i, _tup_typ, (lambda ev, r, a, n, _i=_i: r[_i - 1]), nullary=True, allow_args=False)
reg('Tuple', 'swap', sig(lambda rt: tuple_of([rt.args[1], rt.args[0]])), lambda ev, r, a, n: STuple((r[1], r[0])), nullary=True, allow_args=False)

# -- Throwable ---------------------------------------------------------------------------------
reg('Throwable', 'getMessage', sig(STRING), lambda ev, r, a, n: r.message)
reg('Throwable', 'toString', sig(STRING), lambda ev, r, a, n: to_string(r))

# -- StringBuilder -----------------------------------------------------------------------------


class StringBuilder:
    def __init__(self, s=''):
        self.parts = [s]

    def scala_to_string(self):
        return ''.join(self.parts)


def _sb_append(ev, r, a, n):
    r.parts.append(to_string(a[0], n.arg_types[0] if getattr(n, 'arg_types', None) else None))
    return r


def _sb_append_typ(tc, rt, args, node, scope, expected):
    node.arg_types = [tc.arg(x, scope) for x in args or []]
    return ST('StringBuilder')


reg('StringBuilder', ('append', '++='), _sb_append_typ, _sb_append)
reg('StringBuilder', 'toString', sig(STRING), lambda ev, r, a, n: r.scala_to_string())
reg('StringBuilder', 'length', sig(INT), lambda ev, r, a, n: len(r.scala_to_string()))


# library frames between a lambda and the REPL line (Scala 2.12.18), where we know them
_CALLER_FRAMES = {
    ('List', 'map'): ['scala.collection.immutable.List.map(List.scala:293)'],
    ('List', 'foreach'): ['scala.collection.immutable.List.foreach(List.scala:431)'],
}


def caller_frames(recv, name):
    kind = recv.kind if isinstance(recv, SSeq) else None
    return list(_CALLER_FRAMES.get((kind, name), ()))


def field_entry(i):
    return Entry(None, lambda ev, r, a, n: r.values[i], nullary=True, allow_args=False)


def copy_entry(cls):
    def run(ev, r, a, n):
        vals = list(r.values)
        pos = [x for x in n.args if x.kind != 'NamedArg']
        for i, x in enumerate(a[:len(pos)]):
            vals[i] = x
        names = [f[0] for f in cls.fields]
        for x, v in zip([x for x in n.args if x.kind == 'NamedArg'], a[len(pos):]):
            vals[names.index(x.name)] = ev.coerce(v, cls.fields[names.index(x.name)][1])
        return CaseObj(r.cls, vals)
    return Entry(None, run)


def iter_elem_type(t):
    if t.name in SEQ_KINDS or t.name in ('Option', 'Iterator', 'Set', 'Iterable'):
        return elem(t)
    if t.name == 'String':
        return CHAR
    if t.name in ('Map', 'CollMap'):
        return tuple_of(list(t.args))
    return None


# the global functions and objects, and the Spark API, register themselves on import
from . import builtins as _builtins   # noqa: E402,F401
from . import spark_api as _spark_api  # noqa: E402,F401


# Members the real Scala 2.12 / JDK types have (so that a member this emulation lacks is
# reported as unsupported, not as "is not a member").
_SEQ_REAL = set("""++ ++: +: /: :+ :\\ addString aggregate andThen apply applyOrElse canEqual collect
collectFirst combinations companion compose contains containsSlice copyToArray copyToBuffer
corresponds count diff distinct drop dropRight dropWhile endsWith equals exists filter filterNot
find flatMap flatten fold foldLeft foldRight forall foreach genericBuilder groupBy grouped
hasDefiniteSize hashCode head headOption indexOf indexOfSlice indexWhere indices init inits
intersect isDefinedAt isEmpty isTraversableAgain iterator last lastIndexOf lastIndexOfSlice
lastIndexWhere lastOption length lengthCompare lift map max maxBy min minBy mkString nonEmpty
orElse padTo par partition patch permutations prefixLength product reduce reduceLeft
reduceLeftOption reduceOption reduceRight reduceRightOption repr reverse reverseIterator
reverseMap runWith sameElements scan scanLeft scanRight segmentLength seq size slice sliding
sortBy sortWith sorted span splitAt startsWith stringPrefix sum tail tails take takeRight
takeWhile to toArray toBuffer toIndexedSeq toIterable toIterator toList toMap toSeq toSet
toStream toString toTraversable toVector transpose union unzip unzip3 updated view withFilter
zip zipAll zipWithIndex :: ::: reverse_::: mapConserve""".split())
_STRING_REAL = set("""charAt codePointAt compareTo compareToIgnoreCase concat contains contentEquals endsWith
equalsIgnoreCase getBytes getChars indexOf intern isEmpty lastIndexOf length matches
regionMatches replace replaceAll replaceFirst split startsWith subSequence substring
toCharArray toLowerCase toUpperCase trim strip isBlank lines repeat chars format
capitalize stripMargin stripPrefix stripSuffix stripLineEnd linesIterator r toInt toLong
toDouble toFloat toBoolean toByte toShort * + head last tail init take drop takeRight dropRight
reverse map filter foreach exists forall count find mkString distinct sorted sortBy toList
toSeq toArray toSet zip zipWithIndex slice splitAt span size nonEmpty headOption lastOption
indexWhere padTo updated diff intersect union grouped sliding permutations combinations
flatMap fold foldLeft foldRight reduce max min sum iterator apply""".split())
_MAP_REAL = set("""+ ++ - -- apply contains get getOrElse keys keySet values mapValues filterKeys updated
foreach map flatMap filter filterNot exists forall count find size isEmpty nonEmpty toList
toSeq toArray toMap toSet head last tail maxBy minBy mkString fold foldLeft reduce collect
groupBy partition transform withDefault withDefaultValue iterator keysIterator valuesIterator
zip zipWithIndex sortBy take drop""".split())
_OPTION_REAL = set("""get getOrElse isDefined isEmpty nonEmpty map flatMap filter filterNot foreach exists
forall contains orElse orNull toList toSeq fold collect iterator flatten zip""".split())
_NUM_REAL = set("""toInt toLong toDouble toFloat toShort toByte toChar toString abs max min signum round
floor ceil to until compare isNaN isInfinite isInfinity isWhole isValidInt isValidLong
toHexString toBinaryString toOctalString toRadians toDegrees equals hashCode""".split())
REAL_MEMBERS = {'Seq': _SEQ_REAL, 'String': _STRING_REAL, 'Map': _MAP_REAL, 'Option': _OPTION_REAL,
                'Numeric': _NUM_REAL}


def is_real_member(t, name):
    for c in categories(t):
        if name in REAL_MEMBERS.get(c, ()):
            return True
    return False

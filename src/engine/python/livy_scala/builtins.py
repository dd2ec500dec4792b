"""Global functions (println, Seq(...), require...) and objects (math, Seq.empty...)."""

import math
import time

from .errors import ScalaThrowable
from .stypes import (ST, INT, LONG, DOUBLE, STRING, BOOLEAN, UNIT_T, NULL_T,
                     NOTHING, is_numeric, numeric_widen, lub, func, tuple_of)
from .values import (SSeq, SArray, SOption, NONE, Char, UNIT, to_string,
                     to_float32)
from .methods import GLOBALS, OBJECTS, Entry, sig, throw
from . import hashorder


class GEntry:
    """A global name. typ(tc, args|None, node, scope, expected) ; run(ev, args|None, node)."""

    def __init__(self, typ, run, value_ok=False):
        self.typ = typ
        self.run = run
        self.value_ok = value_ok


def gdef(name, typ, run):
    GLOBALS[name] = GEntry(typ, run)


def _need_args(tc, args, node, name):
    if args is None:
        tc.error('missing argument list for method %s in object Predef' % name, node.pos)


# -- println / print -------------------------------------------------------------------------

def _print_typ(newline):
    def typ(tc, args, node, scope, expected=None):
        if args is None:
            if newline:
                node.arg_types = []
                return UNIT_T
            tc.error('missing argument list for method print in object Predef', node.pos)
        if len(args) > 1:
            tc.error('too many arguments (%d) for method %s: (x: Any)Unit' % (len(args), 'println' if newline else 'print'), args[1].pos)
        if not newline and not args:
            tc.error('not enough arguments for method print: (x: Any)Unit.\nUnspecified value parameter x.', node.pos)
        node.arg_types = [tc.arg(a, scope) for a in args]
        return UNIT_T
    return typ


def _print_run(newline):
    def run(ev, args, node):
        if args:
            t = node.arg_types[0] if getattr(node, 'arg_types', None) else None
            ev.out(to_string(args[0], t) + ('\n' if newline else ''))
        elif newline:
            ev.out('\n')
        return UNIT
    return run


gdef('println', _print_typ(True), _print_run(True))
gdef('print', _print_typ(False), _print_run(False))


# -- collections -----------------------------------------------------------------------------

def _coll_typ(kind):
    def typ(tc, args, node, scope, expected=None):
        targs = getattr(node, 'explicit_targs', None)
        if args is None:
            tc.error('missing argument list for method apply in object %s' % kind, node.pos)
        et = targs[0] if targs else None
        if et is None and expected is not None and expected.name in (kind, 'Seq', 'Iterable') and expected.args:
            et = expected.args[0]
        ts = []
        for a in args:
            t = tc.arg(a, scope, et)
            ts.append(t)
            if et is not None and targs:
                tc.check_conforms(a, t, et)
        e = et if targs else (lub(ts) if ts else NOTHING)
        if et is not None and not targs and all(_wconf(t, et) for t in ts):
            e = et
        node.elem_t = e
        return ST(kind, [e])
    return typ


def _wconf(t, e):
    from .stypes import weak_conforms
    return weak_conforms(t, e)


def _coll_run(kind):
    def run(ev, args, node):
        e = node.elem_t
        items = [ev.coerce(a, e) for a in args]
        if kind == 'Array':
            return SArray(items, e.name)
        if kind == 'Set':
            return hashorder.build_set(items)
        return SSeq(items, 'Vector' if kind in ('Vector', 'IndexedSeq') else 'List')
    return run


for _k in ('Seq', 'List', 'Vector', 'Array', 'IndexedSeq', 'Iterable', 'Set'):
    gdef(_k, _coll_typ(_k), _coll_run(_k))


def _map_typ(tc, args, node, scope, expected=None):
    if args is None:
        tc.error('missing argument list for method apply in object Map', node.pos)
    ks, vs = [], []
    for a in args:
        t = tc.arg(a, scope)
        if t.name != 'Tuple' or len(t.args) != 2:
            tc.mismatch(a, t, tuple_of([ST('?K'), ST('?V')]))
        ks.append(t.args[0])
        vs.append(t.args[1])
    targs = getattr(node, 'explicit_targs', None)
    if targs and len(targs) == 2:
        node.kv = targs
        return ST('Map', targs)
    k = lub(ks) if ks else NOTHING
    v = lub(vs) if vs else NOTHING
    node.kv = [k, v]
    return ST('Map', [k, v])


def _map_run(ev, args, node):
    k, v = node.kv
    return hashorder.build_map([(ev.coerce(a[0], k), ev.coerce(a[1], v)) for a in args])


gdef('Map', _map_typ, _map_run)


def _some_typ(tc, args, node, scope, expected=None):
    if args is None or len(args) != 1:
        tc.error('missing argument list for method apply in object Some' if args is None else
                 'too many arguments (%d) for method apply: (value: A)Some[A] in object Some' % len(args), node.pos)
    t = tc.arg(args[0], scope)
    return ST('Some', [t])


gdef('Some', _some_typ, lambda ev, args, node: SOption(True, args[0]))


def _option_typ(tc, args, node, scope, expected=None):
    if args is None or len(args) != 1:
        tc.error('missing argument list for method apply in object Option', node.pos)
    t = tc.arg(args[0], scope)
    return ST('Option', [t if t.name != 'Null' else NULL_T])


gdef('Option', _option_typ, lambda ev, args, node: NONE if args[0] is None else SOption(True, args[0]))


def _value(t, v):
    return GEntry(lambda tc, args, node, scope, expected=None: t if args is None else tc.error('%s does not take parameters' % t.show(), node.pos),
                  lambda ev, args, node: v)


GLOBALS['None'] = _value(ST('None.type'), NONE)
GLOBALS['Nil'] = _value(ST('scala.collection.immutable.Nil.type'), SSeq([], 'List'))


# -- Predef checks ---------------------------------------------------------------------------

def _require_typ(tc, args, node, scope, expected=None):
    if args is None or not (1 <= len(args) <= 2):
        tc.error('missing argument list for method require in object Predef', node.pos)
    t = tc.arg(args[0], scope, BOOLEAN)
    tc.check_conforms(args[0], t, BOOLEAN)
    if len(args) > 1:
        node.msg_t = tc.arg(args[1], scope)
    return UNIT_T


def _require_run(kind):
    def run(ev, args, node):
        if not args[0]:
            if kind == 'require':
                msg = 'requirement failed' + (': ' + to_string(args[1], node.msg_t) if len(args) > 1 else '')
                throw('java.lang.IllegalArgumentException', msg,
                      ['scala.Predef$.require(Predef.scala:%d)' % (337 if len(args) > 1 else 268)])
            msg = 'assertion failed' + (': ' + to_string(args[1], node.msg_t) if len(args) > 1 else '')
            throw('java.lang.AssertionError', msg,
                  ['scala.Predef$.assert(Predef.scala:%d)' % (223 if len(args) > 1 else 208)])
        return UNIT
    return run


gdef('require', _require_typ, _require_run('require'))
gdef('assert', _require_typ, _require_run('assert'))
GLOBALS['???'] = GEntry(lambda tc, args, node, scope, expected=None: NOTHING,
                        lambda ev, args, node: throw('scala.NotImplementedError', 'an implementation is missing',
                                                     ['scala.Predef$.$qmark$qmark$qmark(Predef.scala:288)']))


# -- objects ---------------------------------------------------------------------------------

def _math1(fn, ret=DOUBLE):
    def typ(tc, rt, args, node, scope, expected):
        if not args or len(args) != 1:
            tc.error('missing argument list for method %s' % node.mname if not args else 'too many arguments', node.pos)
        t = tc.arg(args[0], scope, DOUBLE)
        if not is_numeric(t):
            tc.mismatch(args[0], t, DOUBLE)
        return ret
    return Entry(typ, lambda ev, r, a, n: fn(float(a[0] if not isinstance(a[0], Char) else ord(a[0]))))


def _safe(fn):
    def f(x, *rest):
        try:
            return fn(x, *rest)
        except (ValueError, OverflowError):
            return math.nan
    return f


def _math_abs_typ(tc, rt, args, node, scope, expected):
    t = tc.arg(args[0], scope)
    return numeric_widen(t, INT) if t.name in ('Byte', 'Short', 'Char') else t


def _math_maxmin_typ(tc, rt, args, node, scope, expected):
    if not args or len(args) != 2:
        tc.error('missing argument list for method %s' % node.mname, node.pos)
    a = tc.arg(args[0], scope)
    b = tc.arg(args[1], scope)
    return numeric_widen(a, b)


def _pow(x, y):
    try:
        return math.pow(x, y)
    except OverflowError:
        return math.inf
    except ValueError:
        return math.nan


def _round_typ(tc, rt, args, node, scope, expected):
    t = tc.arg(args[0], scope)
    return LONG if t.name in ('Double', 'Long', 'Int') else INT


def _java_round(ev, r, a, n):
    x = a[0]
    if isinstance(x, int):
        return x
    if x != x:
        return 0
    if x in (math.inf, -math.inf):
        return 2 ** 63 - 1 if x > 0 else -2 ** 63
    return int(math.floor(x + 0.5))


MATH = {
    'sqrt': _math1(_safe(math.sqrt)),
    'exp': _math1(_safe(math.exp)),
    'log': _math1(lambda x: math.log(x) if x > 0 else (-math.inf if x == 0 else math.nan)),
    'log10': _math1(lambda x: math.log10(x) if x > 0 else (-math.inf if x == 0 else math.nan)),
    'sin': _math1(_safe(math.sin)), 'cos': _math1(_safe(math.cos)), 'tan': _math1(_safe(math.tan)),
    'floor': _math1(lambda x: float(math.floor(x)) if math.isfinite(x) else x),
    'ceil': _math1(lambda x: float(math.ceil(x)) if math.isfinite(x) else x),
    'cbrt': _math1(lambda x: math.copysign(abs(x) ** (1.0 / 3), x)),
    'pow': Entry(lambda tc, rt, args, node, scope, expected: ([tc.arg(a, scope, DOUBLE) for a in args], DOUBLE)[1],
                 lambda ev, r, a, n: _pow(float(a[0]), float(a[1]))),
    'abs': Entry(_math_abs_typ, lambda ev, r, a, n: ev.coerce(abs(a[0]), n.tpe)),
    'max': Entry(_math_maxmin_typ, lambda ev, r, a, n: ev.coerce(max(a[0], a[1]), n.tpe)),
    'min': Entry(_math_maxmin_typ, lambda ev, r, a, n: ev.coerce(min(a[0], a[1]), n.tpe)),
    'round': Entry(_round_typ, _java_round),
    'random': Entry(lambda tc, rt, args, node, scope, expected: DOUBLE, lambda ev, r, a, n: ev.random()),
    'PI': Entry(lambda tc, rt, args, node, scope, expected: DOUBLE, lambda ev, r, a, n: math.pi),
    'E': Entry(lambda tc, rt, args, node, scope, expected: DOUBLE, lambda ev, r, a, n: math.e),
}
OBJECTS['math'] = MATH
OBJECTS['Math'] = MATH


def _parse_int_run(ev, r, a, n):
    from .methods import _to_int_run
    return _to_int_run('Int')(ev, a[0], [], n)


OBJECTS['Integer'] = {
    'parseInt': Entry(sig(INT, STRING), _parse_int_run),
    'MAX_VALUE': Entry(lambda *x: INT, lambda ev, r, a, n: 2 ** 31 - 1),
    'MIN_VALUE': Entry(lambda *x: INT, lambda ev, r, a, n: -2 ** 31),
}
OBJECTS['Int'] = {
    'MaxValue': Entry(lambda *x: INT, lambda ev, r, a, n: 2 ** 31 - 1),
    'MinValue': Entry(lambda *x: INT, lambda ev, r, a, n: -2 ** 31),
}
OBJECTS['Long'] = {
    'MaxValue': Entry(lambda *x: LONG, lambda ev, r, a, n: 2 ** 63 - 1),
    'MinValue': Entry(lambda *x: LONG, lambda ev, r, a, n: -2 ** 63),
}
OBJECTS['Double'] = {
    'MaxValue': Entry(lambda *x: DOUBLE, lambda ev, r, a, n: 1.7976931348623157e308),
    'MinValue': Entry(lambda *x: DOUBLE, lambda ev, r, a, n: -1.7976931348623157e308),
    'NaN': Entry(lambda *x: DOUBLE, lambda ev, r, a, n: math.nan),
    'PositiveInfinity': Entry(lambda *x: DOUBLE, lambda ev, r, a, n: math.inf),
    'NegativeInfinity': Entry(lambda *x: DOUBLE, lambda ev, r, a, n: -math.inf),
}
OBJECTS['System'] = {
    'currentTimeMillis': Entry(lambda *x: LONG, lambda ev, r, a, n: int(time.time() * 1000)),
    'nanoTime': Entry(lambda *x: LONG, lambda ev, r, a, n: int(time.time() * 1e9)),
    'getProperty': Entry(sig(STRING, STRING), lambda ev, r, a, n: {'java.version': '17.0.14', 'scala.version': None,
                                                                   'user.name': 'livy', 'os.name': 'Linux',
                                                                   'line.separator': '\n', 'file.separator': '/'}.get(a[0])),
}
def _thread_sleep(ev, r, a, n):
    if a[0] < 0:
        throw('java.lang.IllegalArgumentException', 'timeout value is negative',
              ['java.base/java.lang.Thread.sleep(Native Method)'])
    # the worker routes time.sleep to the emulator's virtual clock (livy_repl.vclock)
    time.sleep(a[0] / 1000.0)
    return UNIT


OBJECTS['Thread'] = {
    'sleep': Entry(sig(UNIT_T, LONG), _thread_sleep),
}


def _empty_entry(kind):
    def typ(tc, rt, args, node, scope, expected):
        targs = getattr(node, 'explicit_targs', None)
        if kind == 'Map':
            return ST('Map', targs if targs and len(targs) == 2 else [NOTHING, NOTHING])
        return ST(kind, [targs[0] if targs else NOTHING])

    def run(ev, r, a, n):
        if kind == 'Map':
            return hashorder.build_map([])
        if kind == 'Array':
            return SArray([], n.tpe.args[0].name)
        return SSeq([], 'Vector' if kind == 'Vector' else 'List')
    return Entry(typ, run)


def _range_entry(kind):
    def typ(tc, rt, args, node, scope, expected):
        for a in args or []:
            t = tc.arg(a, scope, INT)
            tc.check_conforms(a, t, INT)
        return ST(kind, [INT])

    def run(ev, r, a, n):
        step = a[2] if len(a) > 2 else 1
        items = list(range(a[0], a[1], step))
        if kind == 'Array':
            return SArray(items, 'Int')
        return SSeq(items, 'Vector' if kind in ('Vector', 'IndexedSeq') else 'List')
    return Entry(typ, run)


def _fill_entry(kind):
    """Seq.fill(n)(elem): curried; the first call returns a function of the element."""
    def typ(tc, rt, args, node, scope, expected):
        if not args or len(args) != 1:
            tc.error('missing argument list for method fill in object %s' % kind, node.pos)
        t = tc.arg(args[0], scope, INT)
        tc.check_conforms(args[0], t, INT)
        node.fill_kind = kind
        return ST('FillPending', [ST(kind)])

    def run(ev, r, a, n):
        return ('fill', kind, a[0])
    return Entry(typ, run)


for _k in ('Seq', 'List', 'Vector', 'Array', 'IndexedSeq', 'Map'):
    OBJECTS[_k] = {'empty': _empty_entry(_k)}
    if _k != 'Map':
        OBJECTS[_k]['range'] = _range_entry(_k)
        OBJECTS[_k]['fill'] = _fill_entry(_k)


def _identity_typ(tc, args, node, scope, expected=None):
    if args is None:
        if expected is not None and expected.name == 'Function' and len(expected.args) == 2:
            return func([expected.args[0]], expected.args[0])
        tc.error('missing argument list for method identity in object Predef', node.pos)
    if len(args) != 1:
        tc.error('too many arguments (%d) for method identity: (x: A)A' % len(args), node.pos)
    return tc.arg(args[0], scope)


def _identity_run(ev, args, node):
    if args is None:
        from .values import Closure
        return Closure(None, None, None, pyfunc=lambda a: a[0])
    return args[0]


gdef('identity', _identity_typ, _identity_run)


def _fill_apply_typ(tc, rt, args, node, scope, expected):
    kind = rt.args[0].name
    if not args or len(args) != 1:
        tc.error('missing argument list for method fill in object %s' % kind, node.pos)
    t = tc.arg(args[0], scope)
    return ST(kind, [t])


def _fill_apply_run(ev, r, a, n):
    _tag, kind, count = r
    items = [a[0]] * max(count, 0)
    if kind == 'Array':
        return SArray(items, n.tpe.args[0].name)
    return SSeq(items, 'Vector' if kind in ('Vector', 'IndexedSeq') else 'List')


from .methods import METHODS as _METHODS  # noqa: E402
_METHODS[('FillPending', 'apply')] = Entry(_fill_apply_typ, _fill_apply_run)
OBJECTS['Option'] = {'empty': Entry(
    lambda tc, rt, args, node, scope, expected: ST('Option', [node.explicit_targs[0] if getattr(node, 'explicit_targs', None) else NOTHING]),
    lambda ev, r, a, n: NONE)}


def _printf_typ(tc, args, node, scope, expected=None):
    if not args:
        tc.error('missing argument list for method printf in object Predef', node.pos)
    t = tc.arg(args[0], scope, STRING)
    tc.check_conforms(args[0], t, STRING)
    node.arg_types = [tc.arg(a, scope) for a in args[1:]]
    return UNIT_T


def _printf_run(ev, args, node):
    from .methods import _format
    ev.out(_format(ev, args[0], args[1:], node.arg_types))
    return UNIT


gdef('printf', _printf_typ, _printf_run)

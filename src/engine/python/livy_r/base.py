"""Base R functions. Each is one `@builtin` entry: name, formals, and how it evaluates."""

import math

from .errors import RError
from .evaluator import MISSING, NO_CALL, PACKAGES, builtin, is_function
from .printing import cat_text, format_real, encode_real, print_value
from .values import (INT_MAX, NULL, DataFrame, RList, RVec, SparkDataFrame, coerce, common_type,
                     is_numeric, rclass, rtype, scalar_int)


def _num_type(x, call, op):
    if not isinstance(x, RVec) or x.type == 'character' or (x.cls and 'Date' in x.cls):
        raise RError('non-numeric argument to binary operator', call)
    return x.type


def _recycle(a, b):
    n = 0 if (len(a) == 0 or len(b) == 0) else max(len(a), len(b))
    return n, [a[i % len(a)] for i in range(n)], [b[i % len(b)] for i in range(n)]


def _names_of(a, b, n):
    if isinstance(a, RVec) and a.names is not None and len(a) == n:
        return a.names
    if isinstance(b, RVec) and b.names is not None and len(b) == n:
        return b.names
    return None


def _fmod(x, y):
    if y == 0:
        return math.nan
    return x - math.floor(x / y) * y


def _div(x, y):
    if y == 0:
        if x == 0 or math.isnan(x):
            return math.nan
        return math.copysign(math.inf, x) * (1 if math.copysign(1, y) > 0 else -1)
    return x / y


def _pow(x, y):
    if x == 1 or y == 0:
        return 1.0
    try:
        r = x ** y
        return math.nan if isinstance(r, complex) else float(r)
    except OverflowError:
        return math.inf
    except ZeroDivisionError:
        return math.inf


DOUBLE_OPS = {
    '+': lambda x, y: x + y, '-': lambda x, y: x - y, '*': lambda x, y: x * y,
    '/': _div, '^': _pow, '%%': _fmod,
    '%/%': lambda x, y: math.floor(x / y) if y != 0 else _div(x, y),
}


def arith(ev, op, a, b, call):
    if a is NULL or b is NULL:
        return RVec('double', [])
    ta, tb = _num_type(a, call, op), _num_type(b, call, op)
    n, xs, ys = _recycle(a.values, b.values)
    names = _names_of(a, b, n)
    integer = ta in ('integer', 'logical') and tb in ('integer', 'logical') and op not in ('/', '^')
    out = []
    overflow = False
    for x, y in zip(xs, ys):
        if x is None or y is None:
            # NA ^ 0 and 1 ^ NA are 1 in R.
            if op == '^' and (y == 0 or x == 1):
                out.append(1.0)
            else:
                out.append(None)
            continue
        if integer:
            if op in ('%%', '%/%') and y == 0:
                out.append(None)
                continue
            r = {'+': x + y, '-': x - y, '*': x * y}.get(op)
            if r is None:
                r = (x % y) if op == '%%' else (x // y)
            if abs(r) > INT_MAX:
                overflow = True
                r = None
            out.append(r)
        else:
            out.append(DOUBLE_OPS[op](float(x), float(y)))
    if overflow:
        ev.warn('NAs produced by integer overflow', call)
    return RVec('integer' if integer else 'double', out, names)


def compare(op, a, b, call):
    if a is NULL or b is NULL:
        return RVec('logical', [])
    for x in (a, b):
        if not isinstance(x, RVec):
            raise RError('comparison (%s) is possible only for atomic and list types' % op, call)
    if 'character' in (a.type, b.type):
        ca, cb = coerce(a, 'character'), coerce(b, 'character')
    else:
        ca, cb = coerce(a, 'double'), coerce(b, 'double')
    n, xs, ys = _recycle(ca.values, cb.values)
    fn = {'==': lambda x, y: x == y, '!=': lambda x, y: x != y, '<': lambda x, y: x < y,
          '>': lambda x, y: x > y, '<=': lambda x, y: x <= y, '>=': lambda x, y: x >= y}[op]
    out = []
    for x, y in zip(xs, ys):
        if x is None or y is None or (isinstance(x, float) and math.isnan(x)) or (isinstance(y, float) and math.isnan(y)):
            out.append(None)
        else:
            out.append(fn(x, y))
    return RVec('logical', out, _names_of(a, b, n))


def _binary(op):
    def run(ev, args, call):
        vals = args.dot_values()
        if len(vals) == 1:
            x = vals[0]
            if op in ('-', '+'):
                _num_type(x, call, op)
                if x.type == 'double':
                    return RVec('double', [None if v is None else (-v if op == '-' else v) for v in x.values], x.names)
                return RVec('integer', [None if v is None else (-int(v) if op == '-' else int(v)) for v in x.values], x.names)
            raise RError('invalid unary operator', call)
        if len(vals) != 2:
            raise RError('operator needs two arguments', call)
        return arith(ev, op, vals[0], vals[1], call)
    return run


for _op in ('+', '-', '*', '/', '^', '%%', '%/%'):
    builtin(_op, primitive=True)(_binary(_op))

for _op in ('==', '!=', '<', '>', '<=', '>='):
    builtin(_op, primitive=True)(lambda ev, args, call, _o=_op: compare(_o, *args.dot_values(), call))


def _logic(op):
    def run(ev, args, call):
        a, b = args.dot_values()
        for x in (a, b):
            if not isinstance(x, RVec) or x.type == 'character':
                raise RError("operations are possible only for numeric, logical or complex types", call)
        n, xs, ys = _recycle(coerce(a, 'logical').values, coerce(b, 'logical').values)
        out = []
        for x, y in zip(xs, ys):
            if op == '&':
                out.append(False if (x is False or y is False) else (None if x is None or y is None else True))
            else:
                out.append(True if (x is True or y is True) else (None if x is None or y is None else False))
        return RVec('logical', out)
    return run


builtin('&', primitive=True)(_logic('&'))
builtin('|', primitive=True)(_logic('|'))


@builtin('!', primitive=True)
def _not(ev, args, call):
    x = args.dot_values()[0]
    if not isinstance(x, RVec) or x.type == 'character':
        raise RError('invalid argument type', call)
    return RVec('logical', [None if v is None else not v for v in coerce(x, 'logical').values], x.names)


@builtin(':', primitive=True)
def _colon(ev, args, call):
    a, b = args.dot_values()
    if not isinstance(a, RVec) or not isinstance(b, RVec) or not a.values or not b.values:
        raise RError('argument of length 0', call)
    fa, fb = coerce(a, 'double').values[0], coerce(b, 'double').values[0]
    if fa is None or fb is None:
        raise RError('NA/NaN argument', call)
    n = int(math.floor(abs(fb - fa) + 1e-10))
    step = 1 if fb >= fa else -1
    values = [fa + step * i for i in range(n + 1)]
    if fa == int(fa) and abs(fa) <= INT_MAX and abs(values[-1]) <= INT_MAX:
        return RVec('integer', [int(v) for v in values])
    return RVec('double', values)


# -- construction --------------------------------------------------------------------------

def combine(values, names_in=None):
    """`c(...)`: the common type of the parts, names kept."""
    items = [(n, v) for n, v in values if v is not NULL]
    t = common_type([v for _, v in items])
    if t is None:
        return NULL
    if t == 'list':
        out, names = [], []
        for n, v in items:
            if isinstance(v, RList) and not isinstance(v, DataFrame):
                out.extend(v.values)
                names.extend(v.names or [''] * len(v.values))
            else:
                out.append(v)
                names.append(n or '')
        return RList(out, names if any(names) else None)
    out, names = [], []
    cls = None
    for n, v in items:
        if v.cls and 'Date' in v.cls and (cls is None or cls == v.cls):
            cls = v.cls
        cv = v if v.cls and t != 'character' else coerce(v, t)
        out.extend(cv.values)
        if v.names is not None:
            names.extend(((n + '.' + m) if n and m else (n or m)) for m in v.names) if len(v.values) > 1 or not n else names.append(n)
        elif n and len(v.values) == 1:
            names.append(n)
        elif n:
            names.extend('%s%d' % (n, i + 1) for i in range(len(v.values)))
        else:
            names.extend([''] * len(v.values))
    return RVec(t, out, names if any(names) else None, cls if all(v.cls == cls for _, v in items) else None)


@builtin('c', primitive=True)
def _c(ev, args, call):
    return combine(args.dots)


@builtin('list')
def _list(ev, args, call):
    names = [n or '' for n, _ in args.dots]
    return RList([v for _, v in args.dots], names if any(names) else None)


@builtin('vector', formals=('mode', 'length'))
def _vector(ev, args, call):
    mode = args.get('mode', RVec('character', ['logical'])).values[0]
    n = scalar_int(args.get('length'), 0)
    return _empty(mode, n)


def _empty(mode, n):
    if mode == 'list':
        return RList([NULL] * n)
    fill = {'logical': False, 'integer': 0, 'double': 0.0, 'numeric': 0.0, 'character': ''}[mode]
    return RVec('double' if mode == 'numeric' else mode, [fill] * n)


for _mode in ('numeric', 'integer', 'character', 'logical', 'double'):
    builtin(_mode, formals=('length',))(lambda ev, args, call, _m=_mode: _empty(_m, scalar_int(args.get('length'), 0)))


@builtin('seq_len', formals=('length.out',), primitive=True)
def _seq_len(ev, args, call):
    return RVec('integer', list(range(1, scalar_int(args.get('length.out'), 0) + 1)))


@builtin('seq_along', formals=('along.with',), primitive=True)
def _seq_along(ev, args, call):
    return RVec('integer', list(range(1, _length(args.get('along.with', NULL)) + 1)))


@builtin('seq', formals=('from', 'to', 'by', 'length.out', 'along.with', '...'))
def _seq(ev, args, call):
    frm, to, by = args.get('from'), args.get('to'), args.get('by')
    if to is None and by is None and frm is not None and args.get('length.out') is None:
        return _colon(ev, type(args)({}, [(None, RVec('integer', [1])), (None, RVec('integer', [_length(frm)]) if len(frm) != 1 else frm)]), call)
    f = coerce(frm, 'double').values[0] if frm is not None else 1.0
    if args.get('length.out') is not None:
        n = scalar_int(args.get('length.out'))
        if to is None:
            step = coerce(by, 'double').values[0] if by is not None else 1.0
        else:
            t = coerce(to, 'double').values[0]
            step = (t - f) / (n - 1) if n > 1 else 0
        vals = [f + i * step for i in range(n)]
    else:
        t = coerce(to, 'double').values[0]
        step = coerce(by, 'double').values[0] if by is not None else (1.0 if t >= f else -1.0)
        if step == 0 or (t - f) / step < 0:
            raise RError("wrong sign in 'by' argument", call)
        n = int(math.floor((t - f) / step + 1e-10)) + 1
        vals = [f + i * step for i in range(n)]
    ints = all(isinstance(x, RVec) and x.type == 'integer' for x in (frm, by) if x is not None) or (by is None and args.get('length.out') is None and f == int(f))
    if ints and all(v == int(v) for v in vals):
        return RVec('integer', [int(v) for v in vals])
    return RVec('double', vals)


@builtin('rep', formals=('x', 'times', 'each', 'length.out'), primitive=True)
def _rep(ev, args, call):
    x = args.get('x')
    each = scalar_int(args.get('each'), 1)
    vals = [v for v in x.values for _ in range(each)]
    times = args.get('times')
    if times is not None and len(times) == len(vals) and len(vals) > 1:
        tv = coerce(times, 'integer').values
        vals = [v for v, t in zip(vals, tv) for _ in range(t)]
    else:
        vals = vals * scalar_int(times, 1)
    lo = args.get('length.out')
    if lo is not None:
        n = scalar_int(lo)
        vals = [vals[i % len(vals)] for i in range(n)] if vals else []
    return RVec(x.type, vals, cls=x.cls)


# -- inspection ----------------------------------------------------------------------------

def _length(x):
    if isinstance(x, DataFrame):
        return len(x.columns)
    if isinstance(x, (RVec, RList)):
        return len(x.values)
    if x is NULL:
        return 0
    return 1


@builtin('length', formals=('x',), primitive=True)
def _length_b(ev, args, call):
    x = args.get('x')
    if isinstance(x, SparkDataFrame):
        return RVec('integer', [len(x.ds.schema.fields)])
    return RVec('integer', [_length(x)])


@builtin('class', formals=('x',), primitive=True)
def _class(ev, args, call):
    x = args.get('x')
    if isinstance(x, SparkDataFrame):
        return RVec('character', ['SparkDataFrame'], cls=None)
    return RVec('character', rclass(x))


@builtin('typeof', formals=('x',))
def _typeof(ev, args, call):
    return RVec('character', [rtype(args.get('x'))])


@builtin('names', formals=('x',), primitive=True)
def _names(ev, args, call):
    x = args.get('x')
    if isinstance(x, DataFrame):
        return RVec('character', list(x.names))
    if isinstance(x, SparkDataFrame):
        return RVec('character', list(x.ds.columns))
    if isinstance(x, (RVec, RList)) and x.names is not None:
        return RVec('character', list(x.names))
    return NULL


@builtin('names<-', formals=('x', 'value'), primitive=True)
def _set_names(ev, args, call):
    x, value = args.get('x'), args.get('value')
    names = None if value is NULL else coerce(value, 'character').values
    if isinstance(x, DataFrame):
        return DataFrame(x.columns, list(names), x.row_names)
    if names is not None:
        names = (list(names) + [None] * len(x.values))[:len(x.values)]
    if isinstance(x, RList):
        return RList(x.values, names, x.cls)
    return RVec(x.type, x.values, names, x.cls)


def _is(pred):
    return lambda ev, args, call: RVec('logical', [pred(args.get('x'))])


builtin('is.null', formals=('x',), primitive=True)(_is(lambda x: x is NULL))
builtin('is.numeric', formals=('x',), primitive=True)(_is(lambda x: isinstance(x, RVec) and x.type in ('integer', 'double') and not x.cls))
builtin('is.character', formals=('x',), primitive=True)(_is(lambda x: isinstance(x, RVec) and x.type == 'character'))
builtin('is.logical', formals=('x',), primitive=True)(_is(lambda x: isinstance(x, RVec) and x.type == 'logical'))
builtin('is.function', formals=('x',), primitive=True)(_is(is_function))
builtin('is.data.frame', formals=('x',))(_is(lambda x: isinstance(x, DataFrame)))
builtin('is.list', formals=('x',), primitive=True)(_is(lambda x: isinstance(x, (RList, DataFrame))))


@builtin('is.na', formals=('x',), primitive=True)
def _is_na(ev, args, call):
    x = args.get('x')
    if isinstance(x, RVec):
        return RVec('logical', [v is None or (isinstance(v, float) and math.isnan(v)) for v in x.values], x.names)
    if isinstance(x, RList):
        return RVec('logical', [isinstance(v, RVec) and len(v) == 1 and v.values[0] is None for v in x.values])
    return RVec('logical', [])


def _as(type_):
    def run(ev, args, call):
        x = args.get('x', NULL)
        if isinstance(x, (DataFrame, SparkDataFrame)) or not isinstance(x, (RVec, RList)) and x is not NULL:
            raise RError("cannot coerce type '%s' to vector of type '%s'" % (rtype(x), type_), call)
        out = coerce(x, type_)
        if isinstance(x, RVec) and x.type == 'character' and type_ != 'character':
            if any(a is not None and b is None for a, b in zip(x.values, out.values)):
                ev.warn('NAs introduced by coercion', ev.caller_call())
        return RVec(out.type, out.values)
    return run


builtin(('as.numeric', 'as.double'), formals=('x', '...'), primitive=True)(_as('double'))
builtin('as.integer', formals=('x', '...'), primitive=True)(_as('integer'))
builtin('as.character', formals=('x', '...'), primitive=True)(_as('character'))
builtin('as.logical', formals=('x', '...'), primitive=True)(_as('logical'))


@builtin('identical', formals=('x', 'y'))
def _identical(ev, args, call):
    return RVec('logical', [print_value(args.get('x')) == print_value(args.get('y')) and rtype(args.get('x')) == rtype(args.get('y'))])


# -- output --------------------------------------------------------------------------------

@builtin('print', formals=('x', '...'), invisible=True)
def _print(ev, args, call):
    x = args.get('x', MISSING)
    if x is MISSING:
        raise RError('argument "x" is missing, with no default', call)
    ev.write(print_value(x))
    return x


@builtin('invisible', formals=('x',), primitive=True, invisible=True)
def _invisible(ev, args, call):
    return args.get('x', NULL)


@builtin('cat', formals=('...', 'file', 'sep', 'fill', 'labels', 'append'), invisible=True)
def _cat(ev, args, call):
    sep = args.get('sep')
    sep = ' ' if sep is None else coerce(sep, 'character').values[0]
    parts = []
    for i, v in enumerate(args.dot_values()):
        if v is NULL:
            continue
        if isinstance(v, RList):
            items = []
            for j, e in enumerate(v.values):
                if not isinstance(e, RVec) or len(e.values) != 1:
                    raise RError("argument %d (type 'list') cannot be handled by 'cat'" % (i + 1), call)
                items.extend(cat_text(e))
            parts.extend(items)
            continue
        if not isinstance(v, RVec):
            raise RError("argument %d (type '%s') cannot be handled by 'cat'" % (i + 1, rtype(v)), call)
        parts.extend(cat_text(v))
    text = ''
    for i, p in enumerate(parts):
        if i:
            # R does not add the separator after an element that ends a line.
            text += sep
        text += p
    ev.write(text)
    return NULL


@builtin('paste', formals=('...', 'sep', 'collapse'))
def _paste(ev, args, call):
    return _paste_impl(args, ' ' if args.get('sep') is None else coerce(args.get('sep'), 'character').values[0])


@builtin('paste0', formals=('...', 'collapse'))
def _paste0(ev, args, call):
    return _paste_impl(args, '')


def _paste_impl(args, sep):
    vecs = []
    for v in args.dot_values():
        if v is NULL:
            continue
        if isinstance(v, RVec):
            c = coerce(v, 'character').values
            vecs.append(['NA' if s is None else s for s in c])
        elif isinstance(v, RList):
            vecs.append([print_value(e).strip() for e in v.values])
        else:
            raise RError("cannot coerce type '%s' to vector of type 'character'" % rtype(v))
    vecs = [v for v in vecs if v] if any(vecs) else []
    n = max((len(v) for v in vecs), default=0)
    out = [sep.join(v[i % len(v)] for v in vecs) for i in range(n)]
    collapse = args.get('collapse')
    if collapse is not None and collapse is not NULL:
        return RVec('character', [coerce(collapse, 'character').values[0].join(out)])
    return RVec('character', out)


@builtin('sprintf', formals=('fmt', '...'))
def _sprintf(ev, args, call):
    fmt = coerce(args.get('fmt'), 'character').values
    vals = args.dot_values()
    n = max([len(fmt)] + [len(v) for v in vals]) if fmt else 0
    out = []
    for i in range(n):
        f = fmt[i % len(fmt)]
        py = []
        for v in vals:
            x = v.values[i % len(v.values)] if v.values else None
            py.append('NA' if x is None else x)
        try:
            out.append(f % tuple(py))
        except (TypeError, ValueError):
            raise RError('invalid format \'%s\'; use format %%s for character objects' % f, call)
    return RVec('character', out)


@builtin('format', formals=('x', '...', 'nsmall'))
def _format(ev, args, call):
    x = args.get('x')
    if isinstance(x, RVec) and x.type == 'double' and not x.cls:
        w, d, e = format_real(x.values)
        nsmall = scalar_int(args.get('nsmall'), 0)
        if not e and nsmall > d:
            d = nsmall
            w = max(len(encode_real(v, 0, d, 0)) for v in x.values)
        return RVec('character', [encode_real(v, w, d, e) for v in x.values], x.names)
    if isinstance(x, RVec):
        cells = coerce(x, 'character').values
        w = max((len(c or 'NA') for c in cells), default=0)
        right = x.type != 'character'
        return RVec('character', [(c or 'NA').rjust(w) if right else (c or 'NA').ljust(w) for c in cells], x.names)
    raise RError('format() of this value is not supported by the emulated R', call)


@builtin('toString', formals=('x', '...'))
def _to_string(ev, args, call):
    return RVec('character', [', '.join('NA' if s is None else s for s in coerce(args.get('x'), 'character').values)])


@builtin('nchar', formals=('x', 'type'))
def _nchar(ev, args, call):
    x = args.get('x')
    return RVec('integer', [2 if s is None else len(s) for s in coerce(x, 'character').values], x.names)


def _str_map(fn):
    def run(ev, args, call):
        x = args.get('x')
        return RVec('character', [None if s is None else fn(s) for s in coerce(x, 'character').values], x.names)
    return run


builtin('toupper', formals=('x',))(_str_map(str.upper))
builtin('tolower', formals=('x',))(_str_map(str.lower))
builtin('trimws', formals=('x', 'which'))(_str_map(str.strip))


@builtin('substr', formals=('x', 'start', 'stop'))
def _substr(ev, args, call):
    start, stop = scalar_int(args.get('start')), scalar_int(args.get('stop'))
    return RVec('character', [None if s is None else s[max(start, 1) - 1:max(stop, 0)] for s in coerce(args.get('x'), 'character').values])


# -- summaries -----------------------------------------------------------------------------

def _numbers(vals, call, fname, na_rm):
    out = []
    integer = True
    for v in vals:
        if v is NULL:
            continue
        if not isinstance(v, RVec) or v.type == 'character':
            raise RError("invalid 'type' (%s) of argument" % (rtype(v)), call)
        if v.type == 'double':
            integer = False
        for x in v.values:
            if x is None and na_rm:
                continue
            out.append(x)
    return out, integer


def _flag_arg(args, name):
    v = args.get(name)
    return bool(v is not None and coerce(v, 'logical').values[0])


@builtin('sum', formals=('...', 'na.rm'), primitive=True)
def _sum(ev, args, call):
    xs, integer = _numbers(args.dot_values(), call, 'sum', _flag_arg(args, 'na.rm'))
    if any(x is None for x in xs):
        return RVec('integer' if integer else 'double', [None])
    total = sum(xs) if integer else math.fsum(float(x) for x in xs) if all(math.isfinite(x) for x in xs) else sum(float(x) for x in xs)
    if integer and abs(total) > INT_MAX:
        ev.warn('integer overflow - use sum(as.numeric(.))', call)
        return RVec('integer', [None])
    return RVec('integer' if integer else 'double', [total if integer else float(total)])


@builtin('prod', formals=('...', 'na.rm'), primitive=True)
def _prod(ev, args, call):
    xs, _ = _numbers(args.dot_values(), call, 'prod', _flag_arg(args, 'na.rm'))
    if any(x is None for x in xs):
        return RVec('double', [None])
    return RVec('double', [float(math.prod(xs))])


def _extreme(pick, name):
    def run(ev, args, call):
        vals = args.dot_values()
        if any(isinstance(v, RVec) and v.type == 'character' for v in vals):
            xs = [s for v in vals for s in coerce(v, 'character').values]
            return RVec('character', [None if None in xs else pick(xs)])
        xs, integer = _numbers(vals, call, name, _flag_arg(args, 'na.rm'))
        if not xs:
            ev.warn('no non-missing arguments to %s; returning %s' % (name, '-Inf' if name == 'max' else 'Inf'), call)
            return RVec('double', [-math.inf if name == 'max' else math.inf])
        if any(x is None for x in xs):
            return RVec('integer' if integer else 'double', [None])
        r = pick(xs)
        return RVec('integer' if integer else 'double', [int(r) if integer else float(r)])
    return run


builtin('max', formals=('...', 'na.rm'), primitive=True)(_extreme(max, 'max'))
builtin('min', formals=('...', 'na.rm'), primitive=True)(_extreme(min, 'min'))


@builtin('range', formals=('...', 'na.rm'), primitive=True)
def _range(ev, args, call):
    lo, hi = _extreme(min, 'min')(ev, args, call), _extreme(max, 'max')(ev, args, call)
    return RVec(lo.type, lo.values + hi.values)


@builtin('mean', formals=('x', '...'))
def _mean(ev, args, call):
    x = args.get('x')
    if not is_numeric(x):
        ev.warn('argument is not numeric or logical: returning NA', call)
        return RVec('double', [None])
    xs = x.values
    if _flag_arg(args, 'na.rm'):
        xs = [v for v in xs if v is not None]
    if any(v is None for v in xs):
        return RVec('double', [None])
    if not xs:
        return RVec('double', [math.nan])
    return RVec('double', [math.fsum(float(v) for v in xs) / len(xs)])


@builtin('median', formals=('x', 'na.rm'))
def _median(ev, args, call):
    xs = sorted(float(v) for v in args.get('x').values if v is not None)
    if not xs:
        return RVec('double', [None])
    m = len(xs) // 2
    return RVec('double', [xs[m] if len(xs) % 2 else (xs[m - 1] + xs[m]) / 2])


@builtin('var', formals=('x', 'y', 'na.rm'))
def _var(ev, args, call):
    xs = [float(v) for v in coerce(args.get('x'), 'double').values]
    if len(xs) < 2 or None in xs:
        return RVec('double', [None])
    mu = math.fsum(xs) / len(xs)
    return RVec('double', [math.fsum((v - mu) ** 2 for v in xs) / (len(xs) - 1)])


@builtin('sd', formals=('x', 'na.rm'))
def _sd(ev, args, call):
    v = _var(ev, args, call).values[0]
    return RVec('double', [None if v is None else math.sqrt(v)])


def _math(fn, name, warn_nan=True):
    def run(ev, args, call):
        x = args.get('x')
        if not isinstance(x, RVec) or x.type == 'character':
            raise RError('non-numeric argument to mathematical function', call)
        out = []
        nan = False
        for v in coerce(x, 'double').values:
            if v is None:
                out.append(None)
                continue
            try:
                r = fn(v)
            except (ValueError, OverflowError):
                r = math.nan
            if math.isnan(r) and not math.isnan(v):
                nan = True
            out.append(r)
        if nan and warn_nan:
            ev.warn('NaNs produced', call)
        return RVec('double', out, x.names)
    return run


def _log(v):
    if v == 0:
        return -math.inf
    if v == math.inf:
        return math.inf
    return math.log(v)


builtin('sqrt', formals=('x',), primitive=True)(_math(lambda v: math.sqrt(v) if v >= 0 else math.nan, 'sqrt'))
builtin('exp', formals=('x',), primitive=True)(_math(lambda v: math.exp(v) if v < 710 else math.inf, 'exp'))
builtin('log', formals=('x', 'base'), primitive=True)(_math(lambda v: _log(v) if v >= 0 else math.nan, 'log'))
builtin('log10', formals=('x',), primitive=True)(_math(lambda v: _log(v) / math.log(10) if v >= 0 else math.nan, 'log10'))
builtin('log2', formals=('x',), primitive=True)(_math(lambda v: _log(v) / math.log(2) if v >= 0 else math.nan, 'log2'))


@builtin('abs', formals=('x',), primitive=True)
def _abs(ev, args, call):
    x = args.get('x')
    if not isinstance(x, RVec) or x.type == 'character':
        raise RError('non-numeric argument to mathematical function', call)
    if x.type in ('integer', 'logical'):
        return RVec('integer', [None if v is None else abs(int(v)) for v in x.values], x.names)
    return RVec('double', [None if v is None else abs(v) for v in x.values], x.names)


def _rounding(fn):
    def run(ev, args, call):
        x = args.get('x')
        if not isinstance(x, RVec) or x.type == 'character':
            raise RError('non-numeric argument to mathematical function', call)
        if x.type == 'integer' and fn is not None:
            return x
        return RVec('double', [None if v is None or not math.isfinite(v) else float(fn(v)) for v in coerce(x, 'double').values], x.names)
    return run


builtin('floor', formals=('x',), primitive=True)(_rounding(math.floor))
builtin('ceiling', formals=('x',), primitive=True)(_rounding(math.ceil))


@builtin('round', formals=('x', 'digits'), primitive=True)
def _round(ev, args, call):
    x = args.get('x')
    if not isinstance(x, RVec) or x.type == 'character':
        raise RError('non-numeric argument to mathematical function', call)
    digits = scalar_int(args.get('digits'), 0)
    if x.type == 'integer':
        return x
    return RVec('double', [None if v is None or not math.isfinite(v) else float(round(v, digits)) for v in coerce(x, 'double').values], x.names)


@builtin('cumsum', formals=('x',), primitive=True)
def _cumsum(ev, args, call):
    x = args.get('x')
    out, total = [], 0
    for v in x.values:
        total = None if total is None or v is None else total + v
        out.append(total)
    return RVec('integer' if x.type in ('integer', 'logical') else 'double', out)


# -- vectors -------------------------------------------------------------------------------

@builtin('rev', formals=('x',))
def _rev(ev, args, call):
    x = args.get('x')
    return RVec(x.type, x.values[::-1], x.names[::-1] if x.names else None, x.cls)


@builtin('sort', formals=('x', 'decreasing', '...'))
def _sort(ev, args, call):
    x = args.get('x')
    vals = sorted((v for v in x.values if v is not None), reverse=_flag_arg(args, 'decreasing'))
    return RVec(x.type, vals, cls=x.cls)


@builtin('order', formals=('...', 'decreasing'))
def _order(ev, args, call):
    x = args.dot_values()[0]
    idx = sorted(range(len(x.values)), key=lambda i: (x.values[i] is None, x.values[i] if x.values[i] is not None else 0), reverse=_flag_arg(args, 'decreasing'))
    return RVec('integer', [i + 1 for i in idx])


@builtin('unique', formals=('x', '...'))
def _unique(ev, args, call):
    x = args.get('x')
    seen, out = set(), []
    for v in x.values:
        if v not in seen:
            seen.add(v)
            out.append(v)
    return RVec(x.type, out, cls=x.cls)


@builtin('which', formals=('x',))
def _which(ev, args, call):
    x = args.get('x')
    if not isinstance(x, RVec) or x.type != 'logical':
        raise RError("argument to 'which' is not logical", call)
    idx = [i for i, v in enumerate(x.values) if v]
    return RVec('integer', [i + 1 for i in idx], [x.names[i] for i in idx] if x.names else None)


def _all_any(is_all):
    def run(ev, args, call):
        vals = []
        for v in args.dot_values():
            if not isinstance(v, RVec) or v.type == 'character':
                raise RError("invalid 'type' (%s) of argument" % rtype(v), call)
            vals.extend(coerce(v, 'logical').values)
        if _flag_arg(args, 'na.rm'):
            vals = [v for v in vals if v is not None]
        if is_all:
            r = False if False in vals else (None if None in vals else True)
        else:
            r = True if True in vals else (None if None in vals else False)
        return RVec('logical', [r])
    return run


builtin('all', formals=('...', 'na.rm'), primitive=True)(_all_any(True))
builtin('any', formals=('...', 'na.rm'), primitive=True)(_all_any(False))


@builtin('ifelse', formals=('test', 'yes', 'no'))
def _ifelse(ev, args, call):
    test = coerce(args.get('test'), 'logical')
    yes, no = args.get('yes'), args.get('no')
    t = common_type([yes, no])
    cy, cn = coerce(yes, t), coerce(no, t)
    out = []
    for i, v in enumerate(test.values):
        out.append(None if v is None else (cy.values[i % len(cy.values)] if v else cn.values[i % len(cn.values)]))
    return RVec(t, out, test.names)


@builtin('%in%', formals=('x', 'table'))
def _in(ev, args, call):
    x, table = args.get('x'), args.get('table')
    t = common_type([x, table]) or 'logical'
    pool = set(coerce(table, t).values)
    return RVec('logical', [v in pool for v in coerce(x, t).values])


@builtin('head', formals=('x', 'n', '...'))
def _head(ev, args, call):
    x = args.get('x')
    n = scalar_int(args.get('n'), 6)
    if isinstance(x, SparkDataFrame):
        from .sparkr import take
        return take(ev, x, n, call)
    return _slice(x, n, head=True)


@builtin('tail', formals=('x', 'n', '...'))
def _tail(ev, args, call):
    return _slice(args.get('x'), scalar_int(args.get('n'), 6), head=False)


def _slice(x, n, head):
    size = x.nrow() if isinstance(x, DataFrame) else _length(x)
    count = max(0, size + n) if n < 0 else min(n, size)
    idx = list(range(count)) if head else list(range(size - count, size))
    if isinstance(x, DataFrame):
        rows = x.row_names or [str(i + 1) for i in range(size)]
        return DataFrame([_pick(c, idx) for c in x.columns], x.names,
                         None if head and x.row_names is None else [rows[i] for i in idx])
    return _pick(x, idx)


def _pick(x, idx):
    if isinstance(x, RList):
        return RList([x.values[i] for i in idx], [x.names[i] for i in idx] if x.names else None)
    return RVec(x.type, [x.values[i] if i < len(x.values) else None for i in idx],
                [x.names[i] for i in idx] if x.names else None, x.cls)


# -- data frames ---------------------------------------------------------------------------

@builtin('data.frame', formals=('...', 'stringsAsFactors', 'check.names'))
def _data_frame(ev, args, call):
    columns, names = [], []
    for i, (name, v) in enumerate(args.dots):
        if isinstance(v, DataFrame):
            columns.extend(v.columns)
            names.extend(v.names)
            continue
        if not isinstance(v, RVec):
            raise RError("cannot coerce class \u2018\"%s\"\u2019 to a data.frame" % rclass(v)[0], call)
        columns.append(RVec(v.type, list(v.values), None, v.cls))
        names.append(name if name else _auto_name(call.args[i][1], v))
    lengths = [len(c) for c in columns]
    if lengths:
        n = max(lengths)
        if any(n % m for m in lengths if m) or (0 in lengths and n):
            raise RError('arguments imply differing number of rows: %s' % ', '.join(str(m) for m in lengths), call)
        columns = [RVec(c.type, [c.values[i % len(c.values)] for i in range(n)], None, c.cls) for c in columns]
    return DataFrame(columns, names)


def _auto_name(node, v):
    from .deparse import deparse
    text = deparse(node) if node is not None else 'V'
    import re
    return re.sub(r'[^A-Za-z0-9._]', '.', text) if not re.match(r'^[A-Za-z.][A-Za-z0-9._]*$', text) else text


@builtin('nrow', formals=('x',))
def _nrow(ev, args, call):
    x = args.get('x')
    if isinstance(x, SparkDataFrame):
        from .sparkr import count
        return count(x)
    if isinstance(x, DataFrame):
        return RVec('integer', [x.nrow()])
    return NULL


@builtin('ncol', formals=('x',))
def _ncol(ev, args, call):
    x = args.get('x')
    if isinstance(x, SparkDataFrame):
        return RVec('integer', [len(x.ds.schema.fields)])
    if isinstance(x, DataFrame):
        return RVec('integer', [len(x.columns)])
    return NULL


@builtin('dim', formals=('x',), primitive=True)
def _dim(ev, args, call):
    x = args.get('x')
    if isinstance(x, SparkDataFrame):
        from .sparkr import count
        return RVec('double', [count(x).values[0], float(len(x.ds.schema.fields))])
    if isinstance(x, DataFrame):
        return RVec('integer', [x.nrow(), len(x.columns)])
    return NULL


builtin('colnames', formals=('x',))(lambda ev, args, call: _names(ev, args, call))


# -- indexing ------------------------------------------------------------------------------

def _positions(index, size, names, call):
    """0-based positions an R index selects (None: out of range, giving NA)."""
    if index is MISSING:
        return list(range(size))
    if index.type == 'character':
        lookup = {n: i for i, n in reversed(list(enumerate(names or [])))}
        return [lookup.get(s) for s in index.values]
    if index.type == 'logical':
        vals = index.values
        n = max(size, len(vals))
        return [i if i < size else None for i in range(n) if vals[i % len(vals)] is not False] if vals else []
    nums = [v for v in coerce(index, 'double').values]
    if any(v is not None and v < 0 for v in nums):
        if any(v is not None and v > 0 for v in nums):
            raise RError("can't mix positive and negative subscripts", call)
        drop = {int(-v) - 1 for v in nums if v is not None}
        return [i for i in range(size) if i not in drop]
    return [None if v is None or int(v) > size else int(v) - 1 for v in nums if v is None or int(v) != 0]


def index_vector(x, index, call):
    if isinstance(x, RList):
        pos = _positions(index, len(x.values), x.names, call)
        return RList([NULL if p is None else x.values[p] for p in pos],
                     [('<NA>' if p is None else x.names[p]) for p in pos] if x.names else None)
    pos = _positions(index, len(x.values), x.names, call)
    return RVec(x.type, [None if p is None else x.values[p] for p in pos],
                [('<NA>' if p is None else x.names[p]) for p in pos] if x.names else None, x.cls)


@builtin('[', special=True, primitive=True)
def _index(ev, node, env):
    x = ev.eval(node.args[0][1], env)
    rest = [MISSING if a is None else ev.eval(a, env) for _, a in node.args[1:]]
    if x is NULL:
        return NULL
    if isinstance(x, DataFrame):
        return _index_df(x, rest, node)
    if isinstance(x, SparkDataFrame):
        raise RError('indexing a SparkDataFrame is not supported by the emulated SparkR', node)
    if len(rest) != 1:
        raise RError('incorrect number of dimensions', node)
    if not isinstance(x, (RVec, RList)):
        raise RError("object of type '%s' is not subsettable" % rtype(x), node)
    return index_vector(x, rest[0], node)


def _index_df(df, rest, call):
    if len(rest) == 1:
        cols = _positions(rest[0], len(df.columns), df.names, call)
        if any(c is None for c in cols):
            raise RError('undefined columns selected', call)
        return DataFrame([df.columns[c] for c in cols], [df.names[c] for c in cols], df.row_names)
    rows_i, cols_i = rest
    cols = _positions(cols_i, len(df.columns), df.names, call)
    if any(c is None for c in cols):
        raise RError('undefined columns selected', call)
    n = df.nrow()
    rows = _positions(rows_i, n, df.row_names or [str(i + 1) for i in range(n)], call)
    picked = [_pick(df.columns[c], [r if r is not None else n for r in rows]) for c in cols]
    if len(cols) == 1 and cols_i is not MISSING:
        return picked[0]
    names = df.row_names or [str(i + 1) for i in range(n)]
    row_names = None if rows_i is MISSING and df.row_names is None else [names[r] if r is not None else 'NA' for r in rows]
    return DataFrame(picked, [df.names[c] for c in cols], row_names)


@builtin('[[', special=True, primitive=True)
def _index2(ev, node, env):
    x = ev.eval(node.args[0][1], env)
    index = ev.eval(node.args[1][1], env)
    return element(x, index, node)


def element(x, index, call):
    if isinstance(x, DataFrame):
        x = RList(x.columns, x.names)
    if not isinstance(x, (RVec, RList)):
        raise RError("object of type '%s' is not subsettable" % rtype(x), call)
    if index.type == 'character':
        name = index.values[0]
        if x.names is None or name not in x.names:
            if isinstance(x, RList):
                return NULL
            raise RError('subscript out of bounds', call)
        i = x.names.index(name)
    else:
        i = int(coerce(index, 'double').values[0]) - 1
        if i < 0 or i >= len(x.values):
            raise RError('subscript out of bounds', call)
    if isinstance(x, RList):
        return x.values[i]
    return RVec(x.type, [x.values[i]], cls=x.cls)


@builtin('$', special=True, primitive=True)
def _dollar(ev, node, env):
    x = ev.eval(node.args[0][1], env)
    name = node.args[1][1].value
    if isinstance(x, DataFrame):
        return x.columns[x.names.index(name)] if name in x.names else NULL
    if isinstance(x, RList):
        return x.values[x.names.index(name)] if x.names and name in x.names else NULL
    if isinstance(x, SparkDataFrame):
        raise RError('SparkR Column expressions (df$col) are not supported by the emulated SparkR', node)
    if isinstance(x, RVec):
        raise RError('$ operator is invalid for atomic vectors', node)
    raise RError("object of type '%s' is not subsettable" % rtype(x), node)


def replace_element(ev, op, current, target, value, env):
    """`x$name <- v`, `x[[i]] <- v`, `x[i] <- v` for vectors, lists and data frames."""
    if op == '$':
        key = RVec('character', [target.args[1][1].value])
    else:
        key = ev.eval(target.args[1][1], env) if target.args[1][1] is not None else MISSING
    if isinstance(current, DataFrame):
        name = key.values[0] if key.type == 'character' else current.names[int(key.values[0]) - 1]
        cols, names = list(current.columns), list(current.names)
        n = current.nrow()
        col = RVec(value.type, [value.values[i % len(value.values)] for i in range(n)], None, value.cls)
        if name in names:
            cols[names.index(name)] = col
        else:
            cols.append(col)
            names.append(name)
        return DataFrame(cols, names, current.row_names)
    if current is NULL:
        current = RList([], []) if op in ('$', '[[') and not isinstance(value, RVec) or op == '$' else RVec(value.type, [])
    if isinstance(current, RList):
        values, names = list(current.values), list(current.names or [''] * len(current.values))
        if key.type == 'character':
            k = key.values[0]
            if k in names:
                values[names.index(k)] = value
            else:
                values.append(value)
                names.append(k)
        else:
            i = int(coerce(key, 'double').values[0]) - 1
            while len(values) <= i:
                values.append(NULL)
                names.append('')
            values[i] = value
        return RList(values, names if any(names) else None, current.cls)
    if not isinstance(current, RVec):
        raise RError("object of type '%s' is not subsettable" % rtype(current), ev.current_call())
    t = common_type([current, value])
    base = coerce(current, t)
    vals, names = list(base.values), list(base.names) if base.names else None
    newv = coerce(value, t).values
    if key is MISSING:
        pos = list(range(len(vals)))
    elif key.type == 'character':
        names = names or [''] * len(vals)
        pos = []
        for k in key.values:
            if k in names:
                pos.append(names.index(k))
            else:
                vals.append(None)
                names.append(k)
                pos.append(len(vals) - 1)
    else:
        pos = [p for p in _positions(key, len(vals), names, ev.current_call())]
        pos = [p if p is not None else int(coerce(key, 'double').values[j]) - 1 for j, p in enumerate(pos)]
    for j, p in enumerate(pos):
        while len(vals) <= p:
            vals.append(None)
            if names is not None:
                names.append('')
        vals[p] = newv[j % len(newv)] if newv else None
    return RVec(t, vals, names, base.cls)


# -- functions over functions ----------------------------------------------------------------

def _fun(ev, args, name='FUN'):
    fn = args.get(name)
    if isinstance(fn, RVec) and fn.type == 'character':
        fn = ev.lookup_function(fn.values[0], ev.globals, ev.current_call())
    if not is_function(fn):
        raise RError("'%s' is not a function, character or symbol" % 'match.fun(FUN)', ev.current_call())
    return fn


def _elements(x):
    if isinstance(x, RVec):
        return [RVec(x.type, [v], cls=x.cls) for v in x.values], x.names if x.names else (x.values if x.type == 'character' else None)
    if isinstance(x, DataFrame):
        return list(x.columns), x.names
    if isinstance(x, RList):
        return list(x.values), x.names
    return [], None


@builtin('lapply', formals=('X', 'FUN', '...'))
def _lapply(ev, args, call):
    fn = _fun(ev, args)
    items, names = _elements(args.get('X'))
    out = [ev.call_function(fn, [(None, it)] + list(args.dots), call) for it in items]
    x = args.get('X')
    return RList(out, list(x.names) if isinstance(x, (RList, RVec)) and x.names else (list(x.names) if isinstance(x, DataFrame) else None))


@builtin('sapply', formals=('X', 'FUN', '...', 'simplify', 'USE.NAMES'))
def _sapply(ev, args, call):
    fn = _fun(ev, args)
    items, names = _elements(args.get('X'))
    out = [ev.call_function(fn, [(None, it)] + list(args.dots), call) for it in items]
    nm = [str(n) for n in names] if names is not None else None
    if out and all(isinstance(o, RVec) and len(o.values) == 1 for o in out):
        t = common_type(out)
        return RVec(t, [coerce(o, t).values[0] for o in out], nm)
    return RList(out, nm)


@builtin('do.call', formals=('what', 'args'))
def _do_call(ev, args, call):
    fn = _fun(ev, args, 'what')
    lst = args.get('args')
    values = list(zip(lst.names or [None] * len(lst.values), lst.values)) if isinstance(lst, RList) else [(None, lst)]
    return ev.call_function(fn, [(n or None, v) for n, v in values], call)


@builtin('Reduce', formals=('f', 'x', 'init'))
def _reduce(ev, args, call):
    fn = _fun(ev, args, 'f')
    items, _ = _elements(args.get('x'))
    acc = args.get('init', items.pop(0) if items else NULL)
    for it in items:
        acc = ev.call_function(fn, [(None, acc), (None, it)], call)
    return acc


# -- conditions, environment, session ------------------------------------------------------

@builtin('stop', formals=('...', 'call.'))
def _stop(ev, args, call):
    parts = [coerce(v, 'character').values for v in args.dot_values()]
    message = ''.join(''.join(p) for p in parts)
    with_call = args.get('call.')
    if with_call is not None and not coerce(with_call, 'logical').values[0]:
        raise RError(message, NO_CALL)
    raise RError(message, ev.caller_call())


@builtin('warning', formals=('...', 'call.'), invisible=True)
def _warning(ev, args, call):
    message = ''.join(''.join(coerce(v, 'character').values) for v in args.dot_values())
    ev.warn(message, ev.caller_call())
    return RVec('character', [message])


@builtin('message', formals=('...',), invisible=True)
def _message(ev, args, call):
    # Livy's R process sends stderr to the same stream as stdout.
    ev.write(''.join(''.join(cat_text(v)) for v in args.dot_values()) + '\n')
    return NULL


@builtin('library', special=True, invisible=True)
def _library(ev, node, env):
    return _attach(ev, node, env, 'library')


@builtin('require', special=True, invisible=True)
def _require(ev, node, env):
    _attach(ev, node, env, 'require')
    return RVec('logical', [True])


def _attach(ev, node, env, fname):
    if not node.args:
        raise RError('listing installed packages is not supported by the emulated R', node)
    arg = node.args[0][1]
    name = arg.value if arg.kind in ('sym', 'str') else None
    if name not in PACKAGES:
        raise RError('there is no package called \u2018%s\u2019' % name, node)
    return RVec('character', ['SparkR', 'stats', 'graphics', 'grDevices', 'utils', 'datasets', 'methods', 'base'])


@builtin('suppressWarnings', special=True)
def _suppress(ev, node, env):
    before = len(ev.warnings)
    value = ev.eval(node.args[0][1], env)
    del ev.warnings[before:]
    return value


@builtin('exists', formals=('x', 'where', 'envir', 'inherits'))
def _exists(ev, args, call):
    return RVec('logical', [ev.globals.find(coerce(args.get('x'), 'character').values[0]) is not None])


@builtin('assign', formals=('x', 'value', 'pos', 'envir'), invisible=True)
def _assign_fn(ev, args, call):
    value = args.get('value')
    ev.globals.vars[coerce(args.get('x'), 'character').values[0]] = value
    return value


@builtin('get', formals=('x', 'envir', 'mode'))
def _get(ev, args, call):
    name = coerce(args.get('x'), 'character').values[0]
    found = ev.globals.find(name)
    if found is None:
        raise RError("object '%s' not found" % name, call)
    return found.vars[name]


@builtin('rm', special=True, invisible=True)
def _rm(ev, node, env):
    for name, arg in node.args:
        if name is None and arg is not None and arg.kind in ('sym', 'str'):
            ev.globals.vars.pop(arg.value, None)
    return NULL


@builtin('Sys.sleep', formals=('time',), invisible=True)
def _sleep(ev, args, call):
    import time
    seconds = coerce(args.get('time'), 'double').values[0]
    if seconds is None or seconds < 0:
        raise RError("invalid 'time' value", call)
    time.sleep(seconds)
    return NULL


@builtin('Sys.time', formals=())
def _sys_time(ev, args, call):
    import datetime
    import time
    return RVec('double', [datetime.datetime.utcfromtimestamp(time.time())], cls=['POSIXct', 'POSIXt'])


@builtin('nlevels', formals=('x',))
def _nlevels(ev, args, call):
    return RVec('integer', [0])

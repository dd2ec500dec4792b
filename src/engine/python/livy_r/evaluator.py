"""Evaluates R's AST: environments, calls, argument matching, assignment forms, visibility.

A function is a `Builtin` (tables in `base.py`, `sparkr.py`, `jsonlite.py`) or a user
`Closure`. Adding a construct is one table entry: see `builtin` below.
"""

from .deparse import deparse
from .errors import BreakLoop, NextLoop, ReturnValue, RError
from .parser import Node
from .values import (NULL, Builtin, Closure, DataFrame, JObj, RList, RVec, SparkDataFrame,
                     coerce, truthy)

MISSING = object()
# The call R reports when no function frame is active: Livy wraps the code in
# `eval(parse(text = ...))`, and that is the innermost frame of top-level code.
TOP = object()
NO_CALL = object()

BUILTINS = {}


def builtin(name, formals=('...',), primitive=False, special=False, invisible=False):
    """Registers a function: `fn(ev, args, call)`; `args` matched to `formals` like R does."""
    def register(fn):
        for n in (name if isinstance(name, (tuple, list)) else (name,)):
            BUILTINS[n] = Builtin(n, fn, tuple(formals), primitive, special, invisible)
        return fn
    return register


class Env:
    __slots__ = ('vars', 'parent')

    def __init__(self, parent=None):
        self.vars = {}
        self.parent = parent

    def find(self, name):
        env = self
        while env is not None:
            if name in env.vars:
                return env
            env = env.parent
        return None


class Args:
    """Arguments matched to a builtin's formals; unmatched ones are in `dots`."""

    __slots__ = ('named', 'dots')

    def __init__(self, named, dots):
        self.named = named
        self.dots = dots

    def get(self, name, default=None):
        v = self.named.get(name, MISSING)
        return default if v is MISSING else v

    def has(self, name):
        return name in self.named

    def dot_values(self):
        return [v for _, v in self.dots]


def match_args(formals, supplied, call, fname):
    """R's matching: exact names, then unique partial names (before `...`), then position."""
    named = {}
    rest = []
    has_dots = '...' in formals
    before_dots = formals[:formals.index('...')] if has_dots else formals
    pending = []
    for name, value in supplied:
        if name is not None and name in formals and name != '...':
            if name in named:
                raise RError('formal argument "%s" matched by multiple actual arguments' % name, call)
            named[name] = value
        else:
            pending.append((name, value))
    positional = []
    for name, value in pending:
        if name is not None:
            candidates = [f for f in before_dots if f.startswith(name) and f not in named]
            if len(candidates) == 1:
                named[candidates[0]] = value
                continue
            rest.append((name, value))
        else:
            positional.append(value)
    free = [f for f in before_dots if f not in named]
    for value in positional:
        if free:
            named[free.pop(0)] = value
        else:
            rest.append((None, value))
    if rest and not has_dots:
        # Positional arguments after `...` in the formals are never filled by position.
        shown = ', '.join((n + ' = ' if n else '') + _show_arg(v) for n, v in rest)
        raise RError('unused argument%s (%s)' % ('s' if len(rest) > 1 else '', shown), call)
    return named, rest


def _show_arg(value):
    if isinstance(value, Node):
        return deparse(value)
    from .printing import format_elements
    if isinstance(value, RVec) and len(value.values) == 1:
        return format_elements(value)[0]
    return '...'


class Evaluator:
    def __init__(self, session):
        self.session = session
        self.base = Env()
        self.base.vars.update(BUILTINS)
        self.globals = Env(self.base)
        self.out = []
        self.calls = [TOP]
        self.visible = True
        self.warnings = []

    # -- output and conditions -----------------------------------------------------------
    def write(self, text):
        self.out.append(text)

    def current_call(self):
        return self.calls[-1]

    def caller_call(self):
        return self.calls[-2] if len(self.calls) > 1 else TOP

    def warn(self, message, call=None):
        self.warnings.append((self.current_call() if call is None else call, message))

    # -- evaluation ----------------------------------------------------------------------
    def eval(self, node, env):
        self.visible = True
        k = node.kind
        if k == 'num':
            return RVec('double', [node.value])
        if k == 'int':
            return RVec('integer', [node.value])
        if k == 'str':
            return RVec('character', [node.value])
        if k == 'const':
            return CONSTANTS[node.value]()
        if k == 'sym':
            return self.lookup(node.value, env)
        if k == 'function':
            return Closure(node.args, node.src, env, node)
        if k == 'complex':
            raise RError('complex numbers are not supported by the emulated R', self.current_call())
        return self.call(node, env)

    def lookup(self, name, env):
        found = env.find(name)
        if found is None:
            raise RError("object '%s' not found" % name, self.current_call())
        value = found.vars[name]
        if value is MISSING:
            raise RError('argument "%s" is missing, with no default' % name, self.current_call())
        return value

    def lookup_function(self, name, env, call):
        e = env
        while e is not None:
            v = e.vars.get(name, None)
            if isinstance(v, (Closure, Builtin)):
                return v
            e = e.parent
        raise RError('could not find function "%s"' % name, call)

    def call(self, node, env):
        fn_node = node.value
        if fn_node.kind == 'sym':
            fn = self.lookup_function(fn_node.value, env, node)
        else:
            fn = self.eval(fn_node, env)
            if not isinstance(fn, (Closure, Builtin)):
                raise RError('attempt to apply non-function', self.current_call())
        return self.apply(fn, node, env)

    def apply(self, fn, node, env, values=None):
        """Calls `fn` for the call `node`; `values`: already evaluated (name, value) pairs."""
        if isinstance(fn, Builtin):
            if fn.special:
                result = self._run_builtin(fn, node, None, env)
            else:
                if values is None:
                    if not fn.primitive:
                        self.calls.append(node)
                    try:
                        values = self.eval_args(node.args, env)
                    finally:
                        if not fn.primitive:
                            self.calls.pop()
                result = self._run_builtin(fn, node, values, env)
            # `{`, `(` and `if` leave the visibility of what they evaluated last.
            if fn.invisible:
                self.visible = False
            elif not fn.special:
                self.visible = True
            return result
        if values is None:
            self.calls.append(node)
            try:
                values = self.eval_args(node.args, env)
            finally:
                self.calls.pop()
        return self.apply_closure(fn, node, values)

    def _run_builtin(self, fn, node, values, env):
        pushed = not fn.primitive
        if pushed:
            self.calls.append(node)
        try:
            if fn.special:
                return fn.fn(self, node, env)
            named, dots = match_args(fn.formals, values, node, fn.name)
            return fn.fn(self, Args(named, dots), node)
        except RError as e:
            if e.call is None:
                e.call = node
            raise
        finally:
            if pushed:
                self.calls.pop()

    def eval_args(self, args, env):
        out = []
        for name, arg in args:
            if arg is None:
                out.append((name, MISSING))
            elif arg.kind == 'sym' and arg.value == '...':
                dots = self.lookup('...', env)
                out.extend(dots)
            else:
                out.append((name, self.eval(arg, env)))
        return out

    def apply_closure(self, fn, node, values):
        formals = tuple(p for p, _ in fn.params)
        named, rest = match_args(formals, values, node, None)
        local = Env(fn.env)
        for pname, default in fn.params:
            if pname == '...':
                local.vars['...'] = rest
            elif pname in named and named[pname] is not MISSING:
                local.vars[pname] = named[pname]
            else:
                local.vars[pname] = MISSING
        self.calls.append(node)
        try:
            for pname, default in fn.params:
                if local.vars.get(pname) is MISSING and default is not None:
                    local.vars[pname] = self.eval(default, local)
            try:
                result = self.eval(fn.body, local)
            except ReturnValue as r:
                result = r.value
                self.visible = True
            return result
        finally:
            self.calls.pop()

    def call_function(self, fn, values, node):
        """Calls an R function value from Python (sapply's FUN...)."""
        if isinstance(fn, Builtin):
            return self._run_builtin(fn, node, values, None) if not fn.special else NULL
        return self.apply_closure(fn, node, values)

    # -- assignment ----------------------------------------------------------------------
    def assign(self, target, value, env, superassign=False):
        if target.kind in ('sym', 'str'):
            name = target.value
            if superassign:
                e = env.parent.find(name) if env.parent else None
                (e or self.globals).vars[name] = value
            else:
                env.vars[name] = value
            return
        if target.kind == 'call' and target.value.kind == 'sym':
            op = target.value.value
            # `f(x) <- v` is `x <- `f<-`(x, v)`.
            inner = target.args[0][1]
            current = self.eval(inner, env)
            if op in ('$', '[[', '['):
                from .base import replace_element
                updated = replace_element(self, op, current, target, value, env)
            else:
                setter = self.lookup_function(op + '<-', env, target)
                extra = self.eval_args(target.args[1:], env)
                updated = self.call_function(setter, [(None, current)] + extra + [('value', value)], target)
            self.assign(inner, updated, env, superassign)
            return
        raise RError('invalid (do_set) left-hand side to assignment', self.current_call())


CONSTANTS = {
    'TRUE': lambda: RVec('logical', [True]),
    'FALSE': lambda: RVec('logical', [False]),
    'NULL': lambda: NULL,
    'NA': lambda: RVec('logical', [None]),
    'NA_integer_': lambda: RVec('integer', [None]),
    'NA_real_': lambda: RVec('double', [None]),
    'NA_character_': lambda: RVec('character', [None]),
    'Inf': lambda: RVec('double', [float('inf')]),
    'NaN': lambda: RVec('double', [float('nan')]),
}


# -- the language's own constructs --------------------------------------------------------

@builtin(('<-', '='), special=True, invisible=True)
def _assign(ev, node, env):
    target, expr = node.args[0][1], node.args[1][1]
    value = ev.eval(expr, env)
    ev.assign(target, value, env)
    return value


@builtin('<<-', special=True, invisible=True)
def _superassign(ev, node, env):
    target, expr = node.args[0][1], node.args[1][1]
    value = ev.eval(expr, env)
    ev.assign(target, value, env, superassign=True)
    return value


@builtin('{', special=True, primitive=True)
def _block(ev, node, env):
    result = NULL
    visible = True
    for _, expr in node.args:
        result = ev.eval(expr, env)
        visible = ev.visible
    ev.visible = visible
    return result


@builtin('(', special=True, primitive=True)
def _paren(ev, node, env):
    return ev.eval(node.args[0][1], env)


@builtin('if', special=True, primitive=True)
def _if(ev, node, env):
    cond = ev.eval(node.args[0][1], env)
    if truthy(cond, node):
        return ev.eval(node.args[1][1], env)
    if len(node.args) > 2:
        return ev.eval(node.args[2][1], env)
    ev.visible = False
    return NULL


@builtin('for', special=True, primitive=True, invisible=True)
def _for(ev, node, env):
    var = node.args[0][1].value
    seq = ev.eval(node.args[1][1], env)
    if isinstance(seq, RVec):
        items = [RVec(seq.type, [v], cls=seq.cls) for v in seq.values]
    elif isinstance(seq, DataFrame):
        items = list(seq.columns)
    elif isinstance(seq, RList):
        items = list(seq.values)
    elif seq is NULL:
        items = []
    else:
        raise RError('invalid for() loop sequence', node)
    for item in items:
        env.vars[var] = item
        try:
            ev.eval(node.args[2][1], env)
        except BreakLoop:
            break
        except NextLoop:
            continue
    return NULL


@builtin('while', special=True, primitive=True, invisible=True)
def _while(ev, node, env):
    while truthy(ev.eval(node.args[0][1], env), node):
        try:
            ev.eval(node.args[1][1], env)
        except BreakLoop:
            break
        except NextLoop:
            continue
    return NULL


@builtin('repeat', special=True, primitive=True, invisible=True)
def _repeat(ev, node, env):
    while True:
        try:
            ev.eval(node.args[0][1], env)
        except BreakLoop:
            break
        except NextLoop:
            continue
    return NULL


@builtin('break', special=True, primitive=True)
def _break(ev, node, env):
    raise BreakLoop()


@builtin('next', special=True, primitive=True)
def _next(ev, node, env):
    raise NextLoop()


@builtin('return', formals=('value',), primitive=True)
def _return(ev, args, call):
    raise ReturnValue(args.get('value', NULL))


@builtin('function', special=True, primitive=True)
def _function(ev, node, env):
    return Closure(node.args, node.src, env, node)


@builtin('&&', special=True, primitive=True)
def _and2(ev, node, env):
    left = ev.eval(node.args[0][1], env)
    lv = _flag(left, '&&', node)
    if lv is False:
        return RVec('logical', [False])
    rv = _flag(ev.eval(node.args[1][1], env), '&&', node)
    if rv is False:
        return RVec('logical', [False])
    return RVec('logical', [None if lv is None or rv is None else True])


@builtin('||', special=True, primitive=True)
def _or2(ev, node, env):
    lv = _flag(ev.eval(node.args[0][1], env), '||', node)
    if lv is True:
        return RVec('logical', [True])
    rv = _flag(ev.eval(node.args[1][1], env), '||', node)
    if rv is True:
        return RVec('logical', [True])
    return RVec('logical', [None if lv is None or rv is None else False])


def _flag(x, op, node):
    if not isinstance(x, RVec) or x.type == 'character':
        raise RError("invalid 'x' type in 'x %s y'" % op, node)
    if not x.values:
        raise RError("invalid 'x' length in 'x %s y'" % op, node)
    return coerce(x, 'logical').values[0]


@builtin('quote', special=True, primitive=True)
def _quote(ev, node, env):
    raise RError('language objects are not supported by the emulated R', node)


@builtin(('::', ':::'), special=True, primitive=True)
def _namespace(ev, node, env):
    pkg, name = node.args[0][1].value, node.args[1][1].value
    if pkg not in PACKAGES:
        raise RError('there is no package called \u2018%s\u2019' % pkg, 'loadNamespace(x)')
    fn = BUILTINS.get(name)
    if fn is None:
        if node.value.value == '::':
            raise RError("'%s' is not an exported object from 'namespace:%s'" % (name, pkg), NO_CALL)
        raise RError("object '%s' not found" % name, NO_CALL)
    return fn


# Packages a Livy SparkR session has installed; their functions live in the same tables.
PACKAGES = {'base', 'stats', 'utils', 'methods', 'SparkR', 'jsonlite'}


def is_function(x):
    return isinstance(x, (Closure, Builtin))


__all__ = ['Evaluator', 'builtin', 'Args', 'MISSING', 'TOP', 'NO_CALL', 'BUILTINS', 'PACKAGES',
           'JObj', 'SparkDataFrame', 'is_function']

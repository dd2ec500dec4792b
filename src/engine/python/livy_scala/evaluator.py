"""The evaluator: runs typed ASTs. Values are described in ``values.py``."""

import math

from .errors import ScalaThrowable, ControlReturn
from .stypes import is_numeric
from .values import (SSeq, SArray, SMap, STuple, SOption, NONE, CaseObj, Char, UNIT, Closure,
                     ExceptionValue, LazyThunk, to_string, wrap_int, wrap_long,
                     to_float32)
from . import methods as M


class Env:
    __slots__ = ('vars', 'parent')

    def __init__(self, parent=None):
        self.vars = {}
        self.parent = parent

    def lookup(self, name):
        e = self
        while e is not None:
            if name in e.vars:
                return e
            e = e.parent
        return None


def _n(v):
    return ord(v) if isinstance(v, Char) else v


class Evaluator:
    def __init__(self, session):
        self.session = session
        self.output = []
        self.depth = 0
        self._dispatch = {}

    def out(self, text):
        self.output.append(text)

    def random(self):
        return self.session.rng.random()

    # -- coercion to a static numeric type ---------------------------------------------
    def coerce(self, v, t):
        if t is None or v is None:
            return v
        n = t.name
        if n == 'Double':
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                return float(v)
            if isinstance(v, Char):
                return float(ord(v))
        elif n == 'Float':
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                return to_float32(float(v))
            if isinstance(v, Char):
                return float(ord(v))
        elif n == 'Int':
            if isinstance(v, Char):
                return ord(v)
            if isinstance(v, int) and not isinstance(v, bool):
                return wrap_int(v)
        elif n == 'Long':
            if isinstance(v, Char):
                return ord(v)
            if isinstance(v, int) and not isinstance(v, bool):
                return wrap_long(v)
        return v

    def scala_equals(self, a, b):
        if isinstance(a, bool) or isinstance(b, bool):
            return a is b or (isinstance(a, bool) and isinstance(b, bool) and a == b)
        if isinstance(a, Char) and isinstance(b, (int, float)):
            return ord(a) == b
        if isinstance(b, Char) and isinstance(a, (int, float)):
            return ord(b) == a
        if isinstance(a, SArray) or isinstance(b, SArray):
            return a is b
        if a is None or b is None:
            return a is b
        if isinstance(a, str) and not isinstance(b, str):
            return False
        if isinstance(a, (SSeq,)) and isinstance(b, SSeq):
            return len(a.items) == len(b.items) and all(self.scala_equals(x, y) for x, y in zip(a.items, b.items))
        if isinstance(a, STuple) and isinstance(b, STuple):
            return len(a) == len(b) and all(self.scala_equals(x, y) for x, y in zip(a, b))
        if isinstance(a, CaseObj) and isinstance(b, CaseObj):
            return a.cls is b.cls and all(self.scala_equals(x, y) for x, y in zip(a.values, b.values))
        if isinstance(a, SMap) and isinstance(b, SMap):
            from .hashorder import map_get
            return len(a.items) == len(b.items) and all(map_get(b, k)[0] and self.scala_equals(v, map_get(b, k)[1]) for k, v in a.items)
        try:
            return a == b
        except Exception:
            return a is b

    # -- functions ----------------------------------------------------------------------
    def apply_fn(self, fn, args):
        if isinstance(fn, Closure):
            if fn.pyfunc is not None:
                return fn.pyfunc(args)
            if fn.params is not None and len(fn.params) != len(args):
                if len(fn.params) > 1 and len(args) == 1 and isinstance(args[0], STuple):
                    args = list(args[0])
            env = Env(fn.env)
            try:
                if fn.body.kind == 'CaseLambda':
                    arg = args[0] if len(args) == 1 else STuple(args)
                    return self.run_cases(fn.body.cases, arg, env, fn.body)
                for (name, t), v in zip(fn.params, args):
                    env.vars[name] = self.coerce(v, t)
                self.depth += 1
                if self.depth > 400:
                    self.depth = 0
                    raise ScalaThrowable('java.lang.StackOverflowError', None)
                try:
                    return self.eval(fn.body, env)
                finally:
                    self.depth -= 1
            except ScalaThrowable as ex:
                if getattr(fn, 'frames', None) and not getattr(ex, 'in_lambda', False):
                    ex.frames.extend(fn.frames)
                    ex.in_lambda = True
                raise
        raise TypeError('not a function: %r' % (fn,))

    def make_closure(self, node, env):
        if node.kind == 'CaseLambda':
            c = Closure([('x$1', None)], node, env)
        else:
            c = Closure([(p[0], t) for p, t in zip(node.params, node.param_types)], node.body, env)
        c.frames = lambda_frames(node, self.session)
        return c

    def call_def(self, sym, argss, env_unused=None):
        """Calls a user def with argument lists (values); defaults filled in."""
        node = sym.node
        env = Env(getattr(sym, 'env', None) or self.session.global_env)
        for plist, args in zip(sym.paramss, argss):
            for i, (pname, pt, default, vararg) in enumerate(plist):
                if vararg:
                    env.vars[pname] = SSeq([self.coerce(v, pt.args[0]) for v in args[i:]], 'WrappedArray')
                    break
                if i < len(args) and args[i] is not _MISSING:
                    env.vars[pname] = self.coerce(args[i], pt)
                else:
                    env.vars[pname] = self.coerce(self.eval(default, env), pt)
        if len(argss) < len(sym.paramss):
            rest = sym.paramss[len(argss):]

            def more(args, _argss=argss):
                return self.call_def(sym, list(_argss) + [args])
            return Closure(None, None, None, pyfunc=more)
        self.depth += 1
        if self.depth > 400:
            self.depth = 0
            raise ScalaThrowable('java.lang.StackOverflowError', None)
        try:
            v = self.eval(node.body, env)
        except ControlReturn as r:
            v = r.value
        except ScalaThrowable as ex:
            # the JVM frame of the user method (REPL wrapper names are cleaned away)
            if getattr(sym, 'def_line', None) is not None:
                ex.frames.append('%s(<console>:%d)' % (sym.name, sym.def_line))
            raise
        finally:
            self.depth -= 1
        return self.coerce(v, sym.ret)

    # -- statements ---------------------------------------------------------------------
    def exec_stats(self, stats, env):
        last = UNIT
        for st in stats:
            last = self.exec_stat(st, env)
        return last

    def exec_stat(self, st, env):
        k = st.kind
        if k == 'ValDef':
            if st.lazy:
                env.vars[st.name] = LazyThunk(lambda st=st, env=env: self.coerce(self.eval(st.rhs, env), st.sym.tpe))
                return UNIT
            v = self.coerce(self.eval(st.rhs, env), st.sym.tpe)
            env.vars[st.name] = v
            return UNIT
        if k == 'ValTuple':
            v = self.eval(st.rhs, env)
            for (n, _p), x in zip(st.names, v):
                env.vars[n] = x
            return UNIT
        if k == 'DefDef':
            st.sym.env = env
            env.vars[st.name] = st.sym
            return UNIT
        if k in ('ClassDef', 'Import'):
            return UNIT
        return self.eval(st, env)

    # -- expressions --------------------------------------------------------------------
    def eval(self, node, env):
        f = self._dispatch.get(node.kind)
        if f is None:
            f = self._dispatch[node.kind] = getattr(self, 'e_' + node.kind)
        return f(node, env)

    def e_Lit(self, node, env):
        if node.ltype == 'Unit':
            return UNIT
        return node.value

    def e_Paren(self, node, env):
        return self.eval(node.expr, env)

    def e_Interp(self, node, env):
        if node.prefix == '$':
            from .spark_api import column_named
            return column_named(''.join(p if isinstance(p, str) else to_string(self.eval(p, env), p.tpe) for p in node.parts))
        if node.prefix == 'f':
            return self.f_interp(node, env)
        out = []
        for p in node.parts:
            if isinstance(p, str):
                if node.prefix == 'raw':
                    out.append(p)
                else:
                    out.append(p)
            else:
                out.append(to_string(self.eval(p, env), p.tpe))
        return ''.join(out)

    def f_interp(self, node, env):
        fmt = []
        args = []
        types = []
        parts = node.parts
        for i, p in enumerate(parts):
            if isinstance(p, str):
                if i > 0 and not isinstance(parts[i - 1], str):
                    # a format spec directly after an argument applies to it; default %s
                    if not p.startswith('%'):
                        fmt.append('%s')
                fmt.append(p)
            else:
                args.append(self.eval(p, env))
                types.append(p.tpe)
        if parts and not isinstance(parts[-1], str):
            fmt.append('%s')
        return M._format(self, ''.join(fmt), args, types)

    def e_Ident(self, node, env):
        sym = node.sym
        if sym is None:
            b = node.builtin
            if getattr(node, 'eta', False):
                return Closure(None, None, None, pyfunc=lambda args, b=b, node=node: b.run(self, args, node))
            return b.run(self, None, node)
        if sym.kind == 'def':
            if getattr(node, 'eta', False):
                return Closure(None, None, None, pyfunc=lambda args, sym=sym: self.call_def(sym, [args]))
            return self.call_def(sym, [] if not sym.paramss else [[]])
        if sym.kind == 'class':
            return ('companion', sym)
        e = env.lookup(sym.name) if env is not None else None
        if e is not None and not getattr(sym, 'session', False):
            v = e.vars[sym.name]
            if isinstance(v, LazyThunk):
                v = e.vars[sym.name] = v.force()
            return v
        if getattr(sym, 'session', False):
            v = sym.value
            if isinstance(v, LazyThunk):
                v = sym.value = v.force()
            return v
        if e is not None:
            return e.vars[sym.name]
        return sym.value

    def e_Eta(self, node, env):
        return self.eval(node.expr, env)

    def e_Placeholder(self, node, env):
        return env.lookup(node.name).vars[node.name]

    def e_Tuple(self, node, env):
        return STuple(self.coerce(self.eval(x, env), t) for x, t in zip(node.items, node.tpe.args))

    def e_Block(self, node, env):
        inner = Env(env)
        last = UNIT
        for st in node.stats:
            last = self.exec_stat(st, inner)
        return last

    def e_If(self, node, env):
        if self.eval(node.cond, env):
            v = self.eval(node.thenp, env)
        elif node.elsep is not None:
            v = self.eval(node.elsep, env)
        else:
            return UNIT
        return self.coerce(v, node.tpe)

    def e_While(self, node, env):
        n = 0
        while self.eval(node.cond, env):
            self.eval(node.body, env)
            n += 1
            if n > 10000000:
                raise ScalaThrowable('java.lang.RuntimeException', 'loop limit exceeded in this emulation')
        return UNIT

    def e_Throw(self, node, env):
        v = self.eval(node.expr, env)
        if v is None:
            raise ScalaThrowable('java.lang.NullPointerException', None)
        if isinstance(v, ExceptionValue):
            exc = ScalaThrowable(v.java_class, v.message, getattr(v, 'frames', ()))
            exc.value = v
            raise exc
        raise ScalaThrowable('java.lang.RuntimeException', to_string(v))

    def e_Return(self, node, env):
        raise ControlReturn(self.eval(node.expr, env))

    def e_Try(self, node, env):
        try:
            try:
                return self.coerce(self.eval(node.body, env), node.tpe)
            except ScalaThrowable as ex:
                val = ex.value if ex.value is not None else ExceptionValue(ex.java_class, ex.message)
                val.frames = ex.frames
                for pat, guard, body in node.cases:
                    inner = Env(env)
                    if self.match(pat, val, inner) and (guard is None or self.eval(guard, inner)):
                        return self.coerce(self.eval(body, inner), node.tpe)
                raise
        finally:
            if node.fin is not None:
                self.eval(node.fin, env)

    def e_Match(self, node, env):
        v = self.eval(node.scrut, env)
        return self.coerce(self.run_cases(node.cases, v, env, node), node.tpe)

    def run_cases(self, cases, v, env, node):
        for pat, guard, body in cases:
            inner = Env(env)
            if self.match(pat, v, inner) and (guard is None or self.eval(guard, inner)):
                return self.eval(body, inner)
        raise ScalaThrowable('scala.MatchError', '%s (of class %s)' % (to_string(v), _runtime_class(v)))

    def match(self, pat, v, env):
        k = pat[0]
        if k == 'wild':
            return True
        if k == 'var':
            env.vars[pat[1]] = v
            return True
        if k == 'bind':
            if self.match(pat[2], v, env):
                env.vars[pat[1]] = v
                return True
            return False
        if k == 'typed':
            tn = pat[2].name
            ok = _is_instance(v, tn)
            if ok and pat[1]:
                env.vars[pat[1]] = v
            return ok
        if k == 'tuple':
            if not isinstance(v, STuple) or len(v) != len(pat[1]):
                return False
            return all(self.match(p, x, env) for p, x in zip(pat[1], v))
        if k == 'alt':
            return any(self.match(p, v, env) for p in pat[1])
        if k == 'lit':
            return self.scala_equals(v, self.eval(pat[1], env))
        if k == 'extract':
            name = pat[1]
            if name == 'Some':
                return isinstance(v, SOption) and v.defined and self.match(pat[2][0], v.value, env)
            if name in ('List', 'Seq', 'Array'):
                items = v.items if isinstance(v, (SSeq, SArray)) else None
                return items is not None and len(items) == len(pat[2]) and all(self.match(p, x, env) for p, x in zip(pat[2], items))
            if isinstance(v, CaseObj) and v.cls.name == name:
                return all(self.match(p, x, env) for p, x in zip(pat[2], v.values))
            return False
        if k == 'const_name':
            if pat[1] == 'None':
                return isinstance(v, SOption) and not v.defined
            if pat[1] == 'Nil':
                return isinstance(v, SSeq) and not v.items
            e = env.lookup(pat[1])
            target = e.vars[pat[1]] if e is not None else self.session.scope.lookup(pat[1]).value
            return self.scala_equals(v, target)
        return False

    def e_CaseLambda(self, node, env):
        return self.make_closure(node, env)

    def e_Lambda(self, node, env):
        return self.make_closure(node, env)

    def e_Ascribe(self, node, env):
        return self.coerce(self.eval(node.expr, env), node.tpe)

    def e_SeqArg(self, node, env):
        return self.eval(node.expr, env)

    def e_NamedArg(self, node, env):
        return self.eval(node.expr, env)

    def e_New(self, node, env):
        ex = getattr(node, 'exc_class', None)
        if ex is not None:
            args = [self.eval(a, env) for a in node.args]
            msg = None
            if args and isinstance(args[0], (str, type(None))):
                msg = args[0]
            elif args and isinstance(args[0], ExceptionValue):
                msg = to_string(args[0])
            return ExceptionValue(ex, msg)
        if getattr(node, 'new_struct', False):
            from .spark_api import StructTypeValue, engine
            return StructTypeValue(engine().types.StructType([]))
        if node.tpe.name == 'StringBuilder':
            args = [self.eval(a, env) for a in node.args]
            return M.StringBuilder(args[0] if args and isinstance(args[0], str) else '')
        sym = self.session.scope.lookup(node.tpe.name)
        return self.construct(sym, node.args, env)

    def construct(self, sym, args, env):
        pos_args = [a for a in args if a.kind != 'NamedArg']
        named = dict((a.name, a) for a in args if a.kind == 'NamedArg')
        vals = []
        for i, (fname, ft, default) in enumerate(sym.fields):
            if i < len(pos_args):
                vals.append(self.coerce(self.eval(pos_args[i], env), ft))
            elif fname in named:
                vals.append(self.coerce(self.eval(named[fname].expr, env), ft))
            else:
                vals.append(self.coerce(self.eval(default, env), ft))
        return CaseObj(sym.cls, vals)

    def e_Assign(self, node, env):
        tgt = node.target
        if tgt.kind == 'Ident':
            sym = tgt.sym
            v = self.coerce(self.eval(node.value, env), sym.tpe)
            e = env.lookup(sym.name) if env is not None else None
            if getattr(sym, 'session', False) or e is None:
                sym.value = v
            else:
                e.vars[sym.name] = v
            return UNIT
        arr = self.eval(tgt.fn, env)
        i = self.eval(tgt.args[0], env)
        v = self.coerce(self.eval(node.value, env), tgt.fn.tpe.args[0])
        if not (0 <= i < len(arr.items)):
            raise ScalaThrowable('java.lang.ArrayIndexOutOfBoundsException', 'Index %d out of bounds for length %d' % (i, len(arr.items)))
        arr.items[i] = v
        return UNIT

    def e_For(self, node, env):
        results = []
        self._for(node, node.enums, 0, env, results)
        if not node.is_yield:
            return UNIT
        t = node.tpe
        if t.name == 'Array':
            return SArray(results, t.args[0].name)
        if t.name == 'Option':
            return SOption(True, results[0]) if results else NONE
        first = node.enums[0][2].tpe.name
        return SSeq(results, 'Vector' if first in ('Range', 'RangeExcl', 'IndexedSeq', 'Vector') else 'List')

    def _for(self, node, enums, i, env, results):
        if i == len(enums):
            v = self.eval(node.body, env)
            if node.is_yield:
                results.append(self.coerce(v, node.tpe.args[0]))
            return
        en = enums[i]
        if en[0] == 'gen':
            coll = self.eval(en[2], env)
            for x in M.items_of(coll):
                inner = Env(env)
                self._bind_for(en[1], x, inner)
                self._for(node, enums, i + 1, inner, results)
        elif en[0] == 'let':
            inner = Env(env)
            self._bind_for(en[1], self.eval(en[2], env), inner)
            self._for(node, enums, i + 1, inner, results)
        else:
            if self.eval(en[1], env):
                self._for(node, enums, i + 1, env, results)

    def _bind_for(self, pat, v, env):
        if pat[0] == 'name':
            env.vars[pat[1]] = v
        else:
            for n, x in zip(pat[1], v):
                env.vars[n] = x

    def e_Unary(self, node, env):
        v = self.eval(node.operand, env)
        op = node.op
        t = node.tpe
        if t.name in ('Column',):
            from .spark_api import col_unary
            return col_unary(op, v)
        if op == '!':
            return not v
        if op == '-':
            return self.coerce(-_n(v), t) if t.name not in ('Double', 'Float') else -float(_n(v))
        if op == '+':
            return self.coerce(_n(v), t)
        if op == '~':
            return self.coerce(~_n(v), t)

    def e_Infix(self, node, env):
        d = node.desugared
        if d is not None:
            return self.eval(d, env)
        prim = node.prim
        op = node.op
        if prim == 'bool':
            l = self.eval(node.left, env)
            if op == '&&':
                return bool(l) and bool(self.eval(node.right, env))
            return bool(l) or bool(self.eval(node.right, env))
        if prim == 'col':
            from .spark_api import col_binop
            return col_binop(op, self.eval(node.left, env), self.eval(node.right, env), node)
        if prim is None:
            return self.e_call(node, env)
        l = self.eval(node.left, env)
        r = self.eval(node.right, env)
        if prim == 'eq':
            lt = node.left.tpe
            if lt.name in ('Column', 'ColumnName'):
                from .spark_api import col_binop
                return col_binop(op, l, r, node)
            eq = self.scala_equals(l, r)
            return eq if op == '==' else not eq
        if prim == 'concat':
            return to_string(l, node.left.tpe) + to_string(r, node.right.tpe)
        if prim == 'cmp':
            l, r = _n(l), _n(r)
            if op == '<':
                return l < r
            if op == '>':
                return l > r
            if op == '<=':
                return l <= r
            return l >= r
        if prim == 'arith':
            return self.arith(op, _n(l), _n(r), node.tpe)
        if prim == 'boolbits':
            if op == '&':
                return l and r
            if op == '|':
                return l or r
            return l != r
        if prim == 'bits':
            l, r = _n(l), _n(r)
            v = l & r if op == '&' else l | r if op == '|' else l ^ r
            return self.coerce(v, node.tpe)
        if prim == 'shift':
            l, r = _n(l), _n(r)
            bits = 64 if node.tpe.name == 'Long' else 32
            r &= bits - 1
            if op == '<<':
                v = l << r
            elif op == '>>':
                v = l >> r
            else:
                v = (l & ((1 << bits) - 1)) >> r
            return self.coerce(v, node.tpe)
        raise AssertionError(prim)

    def arith(self, op, l, r, t):
        n = t.name
        if n in ('Double', 'Float'):
            l, r = float(l), float(r)
            if op == '+':
                v = l + r
            elif op == '-':
                v = l - r
            elif op == '*':
                v = l * r
            elif op == '/':
                if r == 0:
                    if l == 0 or l != l:
                        v = math.nan
                    else:
                        v = math.copysign(math.inf, l) * math.copysign(1, r)
                else:
                    v = l / r
            else:
                if r == 0 or math.isinf(l):
                    v = math.nan
                else:
                    v = math.fmod(l, r)
            return to_float32(v) if n == 'Float' else v
        if op == '+':
            v = l + r
        elif op == '-':
            v = l - r
        elif op == '*':
            v = l * r
        else:
            if r == 0:
                raise ScalaThrowable('java.lang.ArithmeticException', '/ by zero')
            q = abs(l) // abs(r)
            if (l < 0) != (r < 0):
                q = -q
            v = q if op == '/' else l - q * r
        return wrap_long(v) if n == 'Long' else wrap_int(v)

    def e_Select(self, node, env):
        return self.e_call(node, env)

    def e_Apply(self, node, env):
        return self.e_call(node, env)

    def e_TypeApply(self, node, env):
        prim = getattr(node, 'prim', None)
        if prim == 'isInstanceOf':
            v = self.eval(node.fn.obj, env)
            return _is_instance(v, node.target.name)
        if prim == 'asInstanceOf':
            v = self.eval(node.fn.obj, env)
            tn = node.target.name
            if v is None and tn in ('Int', 'Long', 'Short', 'Byte', 'Double', 'Float', 'Boolean', 'Char'):
                # unboxing null gives the type's zero
                return {'Double': 0.0, 'Float': 0.0, 'Boolean': False, 'Char': Char('\x00')}.get(tn, 0)
            if v is not None and not _is_instance(v, tn) and tn not in ('Any', 'AnyRef', 'AnyVal'):
                if is_numeric(node.target) and isinstance(v, (int, float)):
                    return self.coerce(v, node.target)
                src, dst = _runtime_class(v), _java_name(tn)
                msg = 'class %s cannot be cast to class %s' % (src, dst)
                if src.startswith('java.') and dst.startswith('java.'):
                    msg += " (%s and %s are in module java.base of loader 'bootstrap')" % (src, dst)
                raise ScalaThrowable('java.lang.ClassCastException', msg)
            return v
        if prim == 'as':
            from .spark_api import dataset_as
            return dataset_as(self.eval(node.fn.obj, env), node.target, self)
        return self.eval(node.fn, env)

    def e_call(self, node, env):
        call = node.call
        kind = call[0]
        if kind == 'method':
            entry = call[1]
            recv = self.eval(node.recv, env)
            args = self.eval_args(node, env)
            if recv is None and node.recv_type.name not in ('Null',):
                raise ScalaThrowable('java.lang.NullPointerException', None)
            try:
                return entry.run(self, recv, args, node)
            except ScalaThrowable as ex:
                if getattr(ex, 'in_lambda', False):
                    # the library method that called the lambda
                    ex.in_lambda = False
                    ex.frames.extend(M.caller_frames(recv, node.mname))
                raise
        if kind == 'static':
            return call[1].run(self, None, self.eval_args(node, env), node)
        if kind == 'builtin':
            return call[1].run(self, self.eval_args(node, env), node)
        if kind == 'def':
            sym = call[1]
            args = []
            for a in node.args:
                if a.kind == 'NamedArg':
                    continue
                args.append(self.eval(a, env))
            named = [a for a in node.args if a.kind == 'NamedArg']
            if named:
                plist = sym.paramss[0]
                full = list(args) + [_MISSING] * (len(plist) - len(args))
                for a in named:
                    idx = [p[0] for p in plist].index(a.name)
                    full[idx] = self.eval(a.expr, env)
                args = full
            return self.call_def(sym, [args])
        if kind == 'def_then_apply':
            sym = call[1]
            f = self.call_def(sym, [])
            entry = M.lookup_method(sym.ret, 'apply')
            return entry.run(self, f, self.eval_args(node, env), node)
        if kind == 'ctor':
            return self.construct(call[1], node.args, env)
        if kind == 'fnvalue':
            f = self.eval(node.fn, env)
            return self.apply_fn(f, self.eval_args(node, env))
        if kind == 'method_then_apply':
            entry, sub = call[1], call[2]
            recv = self.eval(node.fn.obj, env)
            first = entry.run(self, recv, [], node)
            return sub.run(self, first, self.eval_args(node, env), _SubNode(node))
        raise AssertionError(kind)

    def eval_args(self, node, env):
        if node.kind == 'Infix':
            if node.op.endswith(':'):
                return [self.eval(node.left, env)]
            return [self.eval(node.right, env)]
        args = getattr(node, 'args', None)
        if args is None:
            return []
        out = []
        for a in args:
            v = self.eval(a, env)
            if a.kind == 'SeqArg':
                out.extend(M.items_of(v))
            else:
                out.append(v)
        return out


class _SubNode:
    def __init__(self, node):
        self.tpe = node.tpe
        self.recv_type = getattr(node, 'sub_recv_type', None)
        self.mname = 'apply'
        self.args = node.args


_MISSING = object()


def _runtime_class(v):
    if isinstance(v, bool):
        return 'java.lang.Boolean'
    if isinstance(v, Char):
        return 'java.lang.Character'
    if isinstance(v, str):
        return 'java.lang.String'
    if isinstance(v, int):
        return 'java.lang.Integer'
    if isinstance(v, float):
        return 'java.lang.Double'
    if isinstance(v, CaseObj):
        return v.cls.name
    if isinstance(v, SSeq):
        return 'scala.collection.immutable.$colon$colon' if v.items else 'scala.collection.immutable.Nil$'
    if isinstance(v, STuple):
        return 'scala.Tuple%d' % len(v)
    return 'java.lang.Object'


def _java_name(tn):
    return {'Int': 'java.lang.Integer', 'String': 'java.lang.String', 'Long': 'java.lang.Long',
            'Double': 'java.lang.Double', 'Boolean': 'java.lang.Boolean'}.get(tn, tn)


def _is_instance(v, tn):
    if tn in ('Any', 'AnyRef'):
        return v is not None or tn == 'Any'
    if tn == 'String':
        return isinstance(v, str) and not isinstance(v, Char)
    if tn == 'Char':
        return isinstance(v, Char)
    if tn == 'Boolean':
        return isinstance(v, bool)
    if tn in ('Int', 'Long', 'Short', 'Byte'):
        return isinstance(v, int) and not isinstance(v, bool)
    if tn in ('Double', 'Float'):
        return isinstance(v, float)
    if tn in ('Seq', 'List', 'Iterable', 'Vector', 'IndexedSeq'):
        return isinstance(v, SSeq)
    if tn == 'Array':
        return isinstance(v, SArray)
    if tn == 'Map':
        return isinstance(v, SMap)
    if tn == 'Option':
        return isinstance(v, SOption)
    if tn in M.EXCEPTION_CLASSES or tn in ('Throwable', 'Exception'):
        if not isinstance(v, ExceptionValue):
            return False
        if tn in ('Throwable', 'Exception'):
            return True
        full = M.EXCEPTION_CLASSES[tn]
        return v.java_class == full or (tn == 'RuntimeException' and v.java_class in (
            'java.lang.ArithmeticException', 'java.lang.IllegalArgumentException', 'java.lang.NumberFormatException',
            'java.lang.IllegalStateException', 'java.lang.UnsupportedOperationException',
            'java.lang.IndexOutOfBoundsException', 'java.lang.ArrayIndexOutOfBoundsException',
            'java.util.NoSuchElementException', 'java.lang.NullPointerException', 'java.lang.ClassCastException',
            'java.lang.StringIndexOutOfBoundsException')) or (
            tn == 'IllegalArgumentException' and v.java_class == 'java.lang.NumberFormatException') or (
            tn == 'IndexOutOfBoundsException' and v.java_class in ('java.lang.ArrayIndexOutOfBoundsException', 'java.lang.StringIndexOutOfBoundsException'))
    if isinstance(v, CaseObj):
        return v.cls.name == tn
    return False


_SPECIALIZED = {'Int': 'I', 'Long': 'J', 'Float': 'F', 'Double': 'D'}
_SPECIALIZED_RET = {'Unit': 'V', 'Boolean': 'Z', 'Int': 'I', 'Float': 'F', 'Long': 'J', 'Double': 'D'}
_PRIMITIVE = ('Int', 'Long', 'Float', 'Double', 'Boolean', 'Char', 'Short', 'Byte', 'Unit')


def lambda_frames(node, session):
    """Frames a lambda's body adds to a stack trace: its $anonfun method, then the bridge the
    JVM calls it through (a specialized JFunctionN, or the boxing `$adapted` method)."""
    name = getattr(node, 'anon_name', None)
    line = getattr(node, 'anon_line', None)
    if name is None or line is None:
        return []
    frames = ['%s(<console>:%d)' % (name, line)]
    t = node.tpe
    if t is None or t.name != 'Function':
        return frames
    ps = [p.name for p in t.args[:-1]]
    r = t.args[-1].name
    if len(ps) == 1 and ps[0] in _SPECIALIZED and r in _SPECIALIZED_RET:
        code = _SPECIALIZED_RET[r] + _SPECIALIZED[ps[0]]
        frames.append('scala.runtime.java8.JFunction1$mc%s$sp.apply(JFunction1$mc%s$sp.java:23)' % (code, code))
    elif len(ps) == 2 and all(p in ('Int', 'Long', 'Double') for p in ps) and r in _SPECIALIZED_RET:
        code = _SPECIALIZED_RET[r] + ''.join(_SPECIALIZED[p] for p in ps)
        frames.append('scala.runtime.java8.JFunction2$mc%s$sp.apply(JFunction2$mc%s$sp.java:23)' % (code, code))
    elif any(p in _PRIMITIVE for p in ps) or r in _PRIMITIVE:
        frames.append('%s$adapted(<console>:%d)' % (name, line))
    return frames

"""The Scala REPL as Livy 0.9's SparkInterpreter drives it (Scala 2.12, class-based wrappers).

Livy splits a statement into lines and feeds them to the REPL one by one, joining a line with
the next while the REPL answers "incomplete"; text outputs of successful lines are
concatenated, the first error stops the statement. Each REPL request:
  * is parsed (syntax errors are reported against the raw request: ``<console>:1:``),
  * gets a ``resN`` name when its last statement is an expression (consumed even if the
    request then fails to compile),
  * is type checked (errors are reported against the wrapped source: line numbers count the
    wrapper's preamble, which grows with the imports the request needs),
  * runs, and echoes each definition (``x: Int = 5``, ``defined class P``...).
"""

import random as _random

from .errors import Incomplete, ParseError, CompileError, ScalaThrowable, ControlReturn
from .parser import parse_request
from .symbols import Sym, Scope, def_signature
from .stypes import ST
from .typer import Typer
from .evaluator import Evaluator, Env
from .values import (repl_string, SSeq, SArray, SMap, STuple,
                     SOption, CaseObj, Char, to_string)
from . import methods as M
from . import spark_api

# Lines of the wrapper before the first line of user code when the request needs nothing but
# the session's standard imports (recorded from Livy 0.9.0 / Spark 3.5 / Scala 2.12).
BASE_PREAMBLE_LINES = 21
# Frames below the REPL wrapper's constructor (REPL + Livy + thread), at the standard depth.
BASE_ELIDED = 51
INDENT = '       '
MAGIC_PREFIX = '%'


class Handler:
    """What the REPL remembers of one statement of a past request (for its import rules)."""

    def __init__(self, kind, defined=(), referenced=(), wildcard=False, imported=(),
                 implicit=False, line_id=0):
        self.kind = kind              # 'import' | 'val' | 'class'
        self.defined = list(defined)
        self.referenced = set(referenced)
        self.wildcard = wildcard
        self.imported = list(imported)
        self.implicit = implicit
        self.line_id = line_id


def import_layout(history, wanted):
    """Lines and wrapper levels the REPL's import section takes for a request wanting names."""
    kept = []
    w = set(wanted)
    for h in reversed(history):
        if h.kind == 'import' or h.implicit or any(n in w for n in h.defined):
            kept.append(h)
            w = (w | h.referenced) - set(h.defined) - set(h.imported)
    kept.reverse()
    state = {'lines': 0, 'wrappers': 0}
    cur = set()
    val_lines = set()

    def add_wrapper():
        state['lines'] += 1
        state['wrappers'] += 1
        cur.clear()

    add_wrapper()
    for h in kept:
        if h.kind == 'import' and h.wildcard:
            add_wrapper()
            state['lines'] += 1
            add_wrapper()
        elif h.kind == 'import':
            if any(n in cur for n in h.imported):
                add_wrapper()
            state['lines'] += 1
            cur.update(h.imported)
        else:
            for n in h.defined:
                if n in cur:
                    add_wrapper()
                if h.kind == 'class':
                    state['lines'] += 1
                else:
                    if h.line_id not in val_lines:
                        state['lines'] += 1
                        val_lines.add(h.line_id)
                    state['lines'] += 1
                cur.add(n)
    add_wrapper()
    return state['lines'], state['wrappers']


class ScalaRepl:
    def __init__(self, spark_globals, info):
        self.info = dict(info or {})
        self.spark_globals = spark_globals or {}
        self.state = self.spark_globals.get('spark_state')
        if self.state is not None:
            import importlib
            spark_api.ENGINE = importlib.import_module(type(self.state).__module__.split('.')[0])
        self.scope = Scope()
        self.classes = {}
        self.imported = set()     # names made visible by the user's imports
        self.unmodelled_imports = {}   # imported library names this emulation lacks -> path
        self.global_env = Env()
        self.res_counter = 0
        self.line_counter = 0
        self.history = []
        self.last_result = None       # (value, type) of the last request's $result, or None
        self.rng = _random.Random(self.info.get('seed', 0))
        self._bootstrap()

    def complete(self, code, cursor):
        """Names this session defined that complete the identifier before `cursor`."""
        before = code[:max(0, cursor)]
        i = len(before)
        while i > 0 and (before[i - 1].isalnum() or before[i - 1] == '_'):
            i -= 1
        prefix = before[i:]
        if not prefix or (i > 0 and before[i - 1] == '.'):
            return []
        names = set(self.scope.syms) | set(self.classes)
        return sorted(n for n in names
                      if n.startswith(prefix) and n != prefix and n not in ('spark', 'sc')
                      and not (n.startswith('res') and n[3:].isdigit()))

    # -- session start: what Livy's postStart binds and imports --------------------------
    def _bootstrap(self):
        spark_obj = spark_api.SparkSessionValue(self)
        sc_obj = spark_api.SparkContextValue(self, spark_obj)
        self._bind('spark', ST('SparkSession'), spark_obj)
        self._bind('sc', ST('SparkContext'), sc_obj)
        for path, wildcard, imported, referenced in (
                ('org.apache.spark.SparkContext._', True, (), ('org',)),
                ('spark.implicits._', True, (), ('spark',)),
                ('spark.sql', False, ('sql',), ('spark',)),
                ('org.apache.spark.sql.functions._', True, (), ('org',))):
            self.line_counter += 1
            self.history.append(Handler('import', wildcard=wildcard, imported=imported,
                                        referenced=referenced, line_id=self.line_counter))
        self.base_lines, self.base_wrappers = import_layout(self.history, set())

    def _bind(self, name, tpe, value):
        self.line_counter += 1
        sym = Sym(name, 'val', tpe, session=True)
        sym.value = value
        sym.line_id = self.line_counter
        self.scope.enter(sym)
        self.history.append(Handler('val', defined=[name], line_id=self.line_counter))

    # -- Livy's AbstractSparkInterpreter.execute -------------------------------------------
    def execute(self, code):
        lines = code.strip().split('\n')
        result = ('success', {'text/plain': ''})
        i = 0
        while i < len(lines):
            head = lines[i]
            r = self._execute_line(head)
            if r[0] == 'incomplete':
                if i + 1 >= len(lines):
                    retry = self._execute_line('{\n%s\n}' % head)
                    if retry[0] in ('incomplete', 'error'):
                        result = r
                    break
                lines[i + 1] = head + '\n' + lines[i + 1]
                i += 1
                continue
            if r[0] == 'error':
                result = r
                break
            # success: merge text/plain outputs as Livy does
            prev = result[1] if result[0] == 'success' else None
            cur = r[1]
            if prev is not None and 'text/plain' in prev and 'text/plain' in cur:
                a, b = prev['text/plain'], cur['text/plain']
                if a and b:
                    result = ('success', {'text/plain': a + b})
                elif a:
                    result = ('success', {'text/plain': a})
                elif b:
                    result = ('success', {'text/plain': b})
                else:
                    result = r
            else:
                result = r
            i += 1
        return self._to_output(result)

    def _to_output(self, result):
        if result[0] == 'success':
            return {'status': 'ok', 'data': result[1]}
        if result[0] == 'incomplete':
            return {'status': 'error', 'ename': 'Error', 'evalue': 'incomplete statement', 'traceback': []}
        _kind, ename, evalue, tb = result
        return {'status': 'error', 'ename': ename, 'evalue': evalue, 'traceback': tb}

    def _execute_line(self, code):
        if code.startswith(MAGIC_PREFIX):
            import re
            # Scala's Regex extractor matches the whole text (a joined multi-line request
            # never is a magic)
            m = re.fullmatch(r'%(\w+)\W*(.*)', code)
            if m is not None:
                return self._magic(m.group(1), m.group(2))
        try:
            kind, text = self.interpret(code)
        except RecursionError:
            kind, text = 'error', 'java.lang.StackOverflowError\n  ... %d elided\n' % BASE_ELIDED
        except Exception as exc:   # an emulator bug: say so instead of crashing the session
            kind, text = 'error', '<console>:1: error: internal error of the Scala REPL emulation: %s: %s\n' % (type(exc).__name__, exc)
        if kind == 'success':
            return ('success', {'text/plain': text})
        if kind == 'incomplete':
            return ('incomplete',)
        parts = text.split('\n')
        pieces = [p + '\n' for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
        if not pieces:
            pieces = ['']
        return ('error', 'Error', pieces[0].strip(), pieces[1:])

    # -- magics ----------------------------------------------------------------------------
    def _magic(self, magic, rest):
        if magic == 'json':
            return self._json_magic(rest)
        if magic == 'table':
            return self._table_magic(rest)
        return ('error', 'UnknownMagic', 'Unknown magic command %s' % magic, [])

    def _term_value(self, name):
        # Livy asks the REPL for the last request's `$result` (whatever `name` is)
        return self.last_result

    def _json_magic(self, name):
        lr = self._term_value(name)
        if lr is None:
            return ('error', 'NameError', 'Value %s does not exist' % name, [])
        try:
            return ('success', {'application/json': to_json_value(lr[0])})
        except _NotJson:
            return ('error', 'ValueError', 'Failed to convert value into a JSON value', [])

    def _table_magic(self, name):
        lr = self._term_value(name)
        if lr is None:
            return ('error', 'NameError', 'Value %s does not exist' % name, [])
        try:
            value = to_json_value(lr[0])
        except _NotJson:
            return ('error', 'ValueError', 'Failed to convert value into a JSON value', [])
        return table_from_json(value)

    # -- one REPL request ------------------------------------------------------------------
    def interpret(self, code):
        """Returns ('success', output) | ('incomplete', '') | ('error', output)."""
        try:
            trees = parse_request(code)
        except Incomplete:
            return 'incomplete', ''
        except ParseError as e:
            return 'error', self._format_parse_error(code, e)
        if not trees:
            if code.strip() == '':
                self.res_counter += 1
                return 'success', ''
            return 'incomplete', ''
        last = trees[-1]
        # the REPL names the value of a trailing expression (not of an assignment)
        is_expr = last.kind not in ('ValDef', 'ValTuple', 'DefDef', 'ClassDef', 'Import', 'Assign') and \
            not getattr(last, 'is_def', False)
        res_name = None
        if is_expr:
            res_name = 'res%d' % self.res_counter
            self.res_counter += 1
        self._current_code = code
        self._assigned = {}
        typer = Typer(self)
        rscope = Scope(self.scope)
        typer.rscope = rscope
        spark_api.CLASSES = self.classes
        try:
            for st in trees:
                if st.kind == 'ValDef' and st.name in rscope.syms:
                    raise CompileError('%s is already defined as value %s' % (st.name, st.name), st.name_pos)
                typer.owner = st.name if st.kind in ('ValDef', 'DefDef') else (
                    res_name if st is last and is_expr else None)
                typer.type_stat(st, rscope, top=False)
            if typer.errors:
                raise typer.errors.pop()
        except CompileError as e:
            wanted = referenced_names(trees)
            errors = list(typer.errors) + [e]
            return 'error', ''.join(self._format_compile_error(code, trees, is_expr, res_name, x, wanted)
                                    for x in errors)
        wanted = referenced_names(trees)
        self.line_counter += 1
        line_id = self.line_counter
        lines, wrappers = import_layout(self.history, wanted)
        extra_wrappers = wrappers - self.base_wrappers
        preamble = BASE_PREAMBLE_LINES + (lines - self.base_lines)
        wrapped, mapping = self._wrapped_source(code, trees, is_expr, res_name)

        def line_of(pos):
            return preamble + wrapped.count('\n', 0, mapping(pos)) + 1
        self.line_of = line_of
        for st in trees:
            if st.kind == 'DefDef':
                st.sym.def_line = line_of(st.body.pos)
        for lam in _nodes_of_kind(trees, ('Lambda', 'CaseLambda')):
            lam.anon_line = line_of(lam.body.pos if lam.kind == 'Lambda' else lam.pos)
        # definitions become session symbols
        for sym in rscope.syms.values():
            sym.session = True
            sym.line_id = line_id
            if sym.kind == 'class':
                sym.cls.line_id = line_id
        ev = Evaluator(self)
        ev.global_env = self.global_env
        self._live_output = ev.output
        echoes = []
        results = []
        try:
            for st in trees:
                v = self._run_top(st, ev, rscope)
                results.append(v)
        except ScalaThrowable as ex:
            return 'error', ''.join(ev.output) + self._format_throwable(ex, extra_wrappers)
        except ControlReturn:
            return 'error', ''.join(ev.output) + 'error: return outside method definition\n'
        except RecursionError:
            return 'error', ''.join(ev.output) + 'java.lang.StackOverflowError\n  ... %d elided\n' % (BASE_ELIDED + extra_wrappers)
        self.imported |= typer.imported
        self.unmodelled_imports.update(typer.unmodelled)
        # commit symbols to the session scope
        for st in trees:
            for sym in _defined_syms(st):
                self.scope.enter(sym)
        res_sym = None
        if is_expr:
            res_sym = Sym(res_name, 'val', last.tpe, session=True)
            res_sym.value = results[-1]
            res_sym.line_id = line_id
            self.scope.enter(res_sym)
        # echo
        for st, v in zip(trees, results):
            echoes.extend(self._echo(st, v, res_name if st is last and is_expr else None))
        # history for future import computations
        for st in trees:
            self.history.append(self._handler(st, wanted, line_id, res_name if st is last and is_expr else None))
        # Livy's %table/%json read the last request's `$result`
        self.last_result = self._result_of(last, results[-1], res_sym)
        return 'success', ''.join(ev.output) + truncate_echo(''.join(echoes))

    def _result_of(self, last, value, res_sym):
        if last.kind == 'ValDef':
            t = last.sym.tpe
        elif last.kind in ('DefDef', 'ClassDef', 'Import', 'ValTuple', 'Assign'):
            return None
        else:
            t = last.tpe
            value = res_sym.value
        if t is None or t.name in ('Unit',):
            return None
        if last.kind == 'ValDef':
            value = last.sym.value
        return (value, t)

    def _handler(self, st, wanted, line_id, res_name):
        k = st.kind
        if k == 'Import':
            parts = st.parts
            wildcard = parts[-1] == '_'
            if isinstance(parts[-1], list):
                imported = [b for a, b in parts[-1] if b != '_']
                wildcard = any(a == '_' for a, b in parts[-1])
            else:
                imported = [] if wildcard else [parts[-1]]
            return Handler('import', wildcard=wildcard, imported=imported,
                           referenced=[parts[0]] if isinstance(parts[0], str) else [], line_id=line_id)
        if k == 'ClassDef':
            return Handler('class', defined=[st.name], referenced=wanted, line_id=line_id)
        if k == 'ValDef':
            return Handler('val', defined=[st.name], referenced=wanted, implicit=st.implicit, line_id=line_id)
        if k == 'ValTuple':
            return Handler('val', defined=[n for n, _p in st.names], referenced=wanted, line_id=line_id)
        if k == 'DefDef':
            return Handler('val', defined=[st.name], referenced=wanted, line_id=line_id)
        return Handler('val', defined=[res_name] if res_name else [], referenced=wanted, line_id=line_id)

    def _run_top(self, st, ev, rscope):
        k = st.kind
        env = self.global_env
        if k == 'ValDef':
            if st.lazy:
                from .values import LazyThunk
                sym = st.sym

                def force(sym=sym, st=st):
                    evx = Evaluator(self)
                    evx.output = self._live_output
                    return evx.coerce(evx.eval(st.rhs, env), sym.tpe)
                st.sym.value = LazyThunk(force)
                return st.sym.value
            v = ev.coerce(ev.eval(st.rhs, env), st.sym.tpe)
            st.sym.value = v
            return v
        if k == 'ValTuple':
            v = ev.eval(st.rhs, env)
            for sym, x in zip(st.syms, v):
                sym.value = x
            return v
        if k == 'DefDef':
            st.sym.env = env
            return None
        if k == 'ClassDef':
            return None
        if k == 'Assign' and st.target.kind == 'Apply':
            ev.eval(st, env)
            arr = ev.eval(st.target.fn, env)
            self._assigned[id(st)] = arr.items[ev.eval(st.target.args[0], env)]
            return None
        if k == 'Import':
            for eff in getattr(st, 'effects', ()):
                eff(self)
            return None
        return ev.eval(st, env)

    def _echo(self, st, v, res_name):
        k = st.kind
        if k == 'ValDef':
            if st.lazy:
                return ['%s: %s = <lazy>\n' % (st.name, st.sym.tpe.show())]
            return [self._value_line(st.name, st.sym.tpe, st.sym.value)]
        if k == 'ValTuple':
            return [self._value_line(sym.name, sym.tpe, sym.value) for sym in st.syms]
        if k == 'DefDef':
            return ['%s: %s\n' % (st.name, def_signature(st.sym))]
        if k == 'ClassDef':
            return ['defined class %s\n' % st.name]
        if k == 'Import':
            return ['%s\n' % st.text]
        if k == 'Assign' and st.target.kind == 'Ident':
            sym = st.target.sym
            return [self._value_line(sym.name, sym.tpe, sym.value)]
        if k == 'Assign':
            # the REPL prints the assigned place as the tree prints it: arr(0): Int = 10
            tgt = st.target
            lhs = self._current_code[tgt.pos:st.eq_pos].rstrip()
            arr = ev_value = self._assigned.get(id(st))
            return [self._value_line(lhs, tgt.fn.tpe.args[0], ev_value)]
        if res_name is None:
            return []
        t = st.tpe
        if t.name in ('Unit', 'Nothing'):
            return []
        return [self._value_line(res_name, t, v)]

    def _value_line(self, name, t, v):
        s = repl_string(v, t)
        nl = '\n' if '\n' in s else ''
        return '%s: %s = %s%s\n' % (name, t.show(), nl, s)

    def _defined(self, st):
        return _defined_syms(st)

    # -- error rendering -------------------------------------------------------------------
    def _format_parse_error(self, code, e):
        line_no = code.count('\n', 0, e.pos) + 1
        start = code.rfind('\n', 0, e.pos) + 1
        end = code.find('\n', e.pos)
        if end < 0:
            end = len(code)
        src = code[start:end]
        col = e.pos - start
        return '<console>:%d: error: %s\n%s\n%s^\n' % (line_no, e.msg, src, ' ' * col)

    def _format_compile_error(self, code, trees, is_expr, res_name, e, wanted):
        lines, _w = import_layout(self.history, wanted)
        preamble = BASE_PREAMBLE_LINES + (lines - self.base_lines)
        wrapped, mapping = self._wrapped_source(code, trees, is_expr, res_name)
        wpos = mapping(e.pos)
        line_no = wrapped.count('\n', 0, wpos) + 1
        start = wrapped.rfind('\n', 0, wpos) + 1
        end = wrapped.find('\n', wpos)
        if end < 0:
            end = len(wrapped)
        src = wrapped[start:end]
        col = wpos - start
        msg_lines = e.msg.split('\n')
        out = ['<console>:%d: error: %s\n' % (preamble + line_no, msg_lines[0])]
        for ml in msg_lines[1:]:
            out.append(ml + '\n')
        for d in e.detail:
            out.append(d + '\n')
        out.append(INDENT + src + '\n')
        out.append(INDENT + ' ' * col + '^\n')
        return ''.join(out)

    def _wrapped_source(self, code, trees, is_expr, res_name):
        """The request as the REPL compiles it: the last expression becomes `val resN =`."""
        if not is_expr:
            return code, lambda p: p
        if len(trees) == 1:
            head = 'val %s =\n' % res_name
            return head + code, lambda p: p + len(head)
        last_pos = _earliest_pos(trees[-1])
        split = max(last_pos - 1, 0)
        l1, l2 = code[:split], code[split:]
        prefix = '' if l1.strip() == '' else l1 + ';\n'
        head = prefix + 'val %s =\n' % res_name

        def mapping(p):
            if p < split:
                return p
            return len(head) + (p - split)
        return head + l2, mapping

    def _format_throwable(self, ex, extra_wrappers):
        out = [ex.header() + '\n']
        for fr in ex.frames:
            out.append('  at %s\n' % fr)
        out.append('  ... %d elided\n' % (BASE_ELIDED + extra_wrappers))
        return ''.join(out)


def _defined_syms(st):
    k = st.kind
    if k in ('ValDef', 'DefDef', 'ClassDef'):
        return [st.sym]
    if k == 'ValTuple':
        return list(st.syms)
    return []


MAX_PRINT_STRING = 800    # scala.repl.maxprintstring's default


def truncate_echo(text):
    """The REPL prints a request's result lines through truncPrintString: longer than 800
    characters, it keeps the first 797 and adds "..."."""
    if not text:
        return text
    msg = text[:-1] if text.endswith('\n') else text
    if len(msg) > MAX_PRINT_STRING:
        msg = msg[:MAX_PRINT_STRING - 3] + '...'
    return msg + '\n'


def referenced_names(trees):
    """The identifiers a request mentions (the REPL's ImportVarsTraverser: every Ident,
    terms and types, except synthetic `x$N`)."""
    from .parser import Node, TypeNode
    names = set()
    stack = list(trees)
    while stack:
        n = stack.pop()
        if isinstance(n, TypeNode):
            if n.name not in ('Tuple', 'Function'):
                names.add(n.name.split('.')[0])
            stack.extend(n.args)
            continue
        if isinstance(n, Node):
            if n.kind == 'Ident':
                names.add(n.name)
            elif n.kind == 'Interp' and n.prefix == '$':
                names.add('StringContext')
            elif n.kind == 'Import':
                if isinstance(n.parts[0], str):
                    names.add(n.parts[0])
                continue
            for k, v in n.__dict__.items():
                if k in ('tpe', 'sym', 'call', 'recv', 'builtin', 'recv_type', 'method'):
                    continue
                stack.append(v)
        elif isinstance(n, (list, tuple)):
            stack.extend(n)
    return names


def _nodes_of_kind(trees, kinds):
    from .parser import Node
    out = []
    stack = list(trees)
    while stack:
        n = stack.pop()
        if isinstance(n, Node):
            if n.kind in kinds:
                out.append(n)
            for k, v in n.__dict__.items():
                if k not in ('tpe', 'sym', 'call', 'recv', 'builtin', 'recv_type', 'desugared'):
                    stack.append(v)
        elif isinstance(n, (list, tuple)):
            stack.extend(n)
    return out


def _earliest_pos(node):
    best = node.pos
    stack = [node]
    while stack:
        n = stack.pop()
        if hasattr(n, 'pos') and isinstance(n.pos, int):
            best = min(best, n.pos)
        for k, v in n.__dict__.items() if hasattr(n, '__dict__') else ():
            if k in ('tpe', 'sym', 'call', 'recv'):
                continue
            if hasattr(v, 'kind') and hasattr(v, 'pos'):
                stack.append(v)
    return best


# -- JSON for the %json / %table magics (json4s Extraction.decompose) -----------------------

class _NotJson(Exception):
    pass


def to_json_value(v):
    if v is None:
        return None
    if isinstance(v, bool):
        return v
    if isinstance(v, Char):
        return str(v)
    if isinstance(v, (int, float, str)):
        return v
    if isinstance(v, (SSeq, SArray)):
        return [to_json_value(x) for x in v.items]
    if isinstance(v, SMap):
        out = {}
        for k, x in v.items:
            out[to_string(k)] = to_json_value(x)
        return out
    if isinstance(v, SOption):
        return to_json_value(v.value) if v.defined else None
    if isinstance(v, STuple):
        return dict(('_%d' % (i + 1), to_json_value(x)) for i, x in enumerate(v))
    if isinstance(v, CaseObj):
        return dict((f[0], to_json_value(x)) for f, x in zip(v.cls.fields, v.values))
    raise _NotJson()


def _table_type(v):
    if v is None:
        return 'NULL_TYPE'
    if isinstance(v, bool):
        return 'BOOLEAN_TYPE'
    if isinstance(v, str):
        return 'STRING_TYPE'
    if isinstance(v, int):
        return 'BIGINT_TYPE'
    if isinstance(v, float):
        return 'DOUBLE_TYPE'
    if isinstance(v, list):
        if _all_same(v):
            return 'ARRAY_TYPE'
        raise _TypesDiffer()
    if isinstance(v, dict):
        if _all_same(list(v.values())):
            return 'MAP_TYPE'
        raise _TypesDiffer()
    return 'STRING_TYPE'


def _all_same(vals):
    if not vals:
        return True
    t = _table_type(vals[0])
    return all(_table_type(x) == t for x in vals[1:])


class _TypesDiffer(Exception):
    pass


def table_from_json(value):
    rows = value if isinstance(value, list) else [value]
    try:
        headers = {}
        data = []
        for row in rows:
            if isinstance(row, list):
                cols = [(str(i), x) for i, x in enumerate(row)]
            elif isinstance(row, dict):
                cols = sorted(row.items())
            else:
                cols = [('0', row)]
            out = []
            for k, x in cols:
                tn = _table_type(x)
                h = headers.get(k)
                if h is not None:
                    if h['type'] != tn:
                        raise _TypesDiffer()
                else:
                    headers[k] = {'type': tn, 'name': k}
                out.append(x)
            data.append(out)
        return ('success', {'application/vnd.livy.table.v1+json': {
            'headers': [headers[k] for k in sorted(headers)], 'data': data}})
    except _TypesDiffer:
        return ('error', 'TypeError', 'table rows have different types', [])

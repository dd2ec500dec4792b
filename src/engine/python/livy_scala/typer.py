"""The typer: resolves names, infers Scala static types, reports scalac's compile errors.

Every expression node gets ``node.tpe``; calls get ``node.method`` (an entry of the method
table, see ``methods.py``) so the evaluator never dispatches dynamically.
"""

from .errors import CompileError
from .stypes import (ST, INT, LONG, DOUBLE, FLOAT, CHAR, STRING, BOOLEAN, UNIT_T, NULL_T,
                     NOTHING, ANY, COLUMN, is_numeric, numeric_widen, conforms, weak_conforms,
                     lub, func, tuple_of)
from .symbols import Sym, Scope
from . import methods as M

ARITH = ('+', '-', '*', '/', '%')
ERR = ST('<error>')
COMPARE = ('<', '>', '<=', '>=')
EQUALITY = ('==', '!=')
BITS = ('&', '|', '^')
SHIFTS = ('<<', '>>', '>>>')

TYPE_NAMES = {
    'Int': INT, 'Long': LONG, 'Double': DOUBLE, 'Float': FLOAT, 'Char': CHAR, 'String': STRING,
    'Boolean': BOOLEAN, 'Unit': UNIT_T, 'Any': ANY, 'AnyRef': ST('AnyRef'), 'AnyVal': ST('AnyVal'),
    'Short': ST('Short'), 'Byte': ST('Byte'), 'Nothing': NOTHING, 'Null': NULL_T,
    'java.lang.String': STRING, 'scala.Int': INT,
    'DataFrame': ST('DataFrame'), 'org.apache.spark.sql.DataFrame': ST('DataFrame'),
    'Row': ST('Row'), 'org.apache.spark.sql.Row': ST('Row'),
    'Column': COLUMN, 'org.apache.spark.sql.Column': COLUMN,
    'SparkSession': ST('SparkSession'), 'org.apache.spark.sql.SparkSession': ST('SparkSession'),
    'Throwable': ST('Throwable'), 'Exception': ST('Exception'),
}
GENERIC_TYPES = {'List': 1, 'Seq': 1, 'Array': 1, 'Vector': 1, 'IndexedSeq': 1, 'Option': 1,
                 'Some': 1, 'Map': 2, 'Iterable': 1, 'Dataset': 1,
                 'org.apache.spark.sql.Dataset': 1}


# Spark API types modelled only in part: a member we lack is reported as unsupported
PARTIAL_API_TYPES = ('SparkSession', 'SparkContext', 'DataFrame', 'Dataset', 'Column', 'ColumnName',
                     'Row', 'RDD', 'StructType', 'StructField', 'GroupedData', 'RuntimeConfig',
                     'SparkConf', 'Catalog', 'DataType')


_OP_NAMES = {'+': '$plus', '-': '$minus', '*': '$times', '/': '$div', '%': '$percent',
             '<': '$less', '>': '$greater', '=': '$eq', '!': '$bang', '&': '$amp', '|': '$bar',
             '^': '$up', '~': '$tilde', ':': '$colon'}


def tree_string(node):
    """scalac's printing of a (parsed) tree, for the simple shapes placeholders produce."""
    k = node.kind
    if k in ('Ident', 'Placeholder'):
        return node.name
    if k == 'Lit':
        if node.ltype == 'String':
            return '"%s"' % node.value
        if node.ltype == 'Char':
            return "'%s'" % node.value
        if node.ltype == 'Long':
            return '%dL' % node.value
        from .values import to_string
        return to_string(node.value)
    if k == 'Paren':
        return tree_string(node.expr)
    if k == 'Infix':
        name = ''.join(_OP_NAMES.get(c, c) for c in node.op) if not node.op[0].isalpha() else node.op
        return '%s.%s(%s)' % (tree_string(node.left), name, tree_string(node.right))
    if k == 'Select':
        return '%s.%s' % (tree_string(node.obj), node.name)
    if k == 'Apply':
        return '%s(%s)' % (tree_string(node.fn), ', '.join(tree_string(a) for a in node.args))
    return '<expr>'


def point(node):
    """Where scalac's caret points for a tree: an application at its `(`, an infix
    operation at its operator, a selection at the member name, other trees at their start."""
    while node.kind == 'Paren':
        node = node.expr
    k = node.kind
    if k == 'Apply' and getattr(node, 'args_pos', None) is not None:
        return node.args_pos
    if k == 'Infix':
        return node.op_pos
    if k == 'Select':
        return node.name_pos
    return node.pos


PACKAGE_ROOTS = ('java', 'javax', 'scala', 'org', 'com')


class Typer:
    def __init__(self, session):
        self.session = session        # ReplSession: .scope (session scope), .classes
        self.errors = []
        self.imported = set(getattr(session, 'imported', ()))
        self.unmodelled = getattr(session, 'unmodelled_imports', {})
        self.referenced = set()       # identifiers used (the REPL's referencedNames)
        self.type_params = set()

    # -- errors -------------------------------------------------------------------------
    def error(self, msg, pos, detail=()):
        raise CompileError(msg, pos, detail)

    def soft_error(self, msg, pos):
        """An error after which scalac keeps typing (an unknown name): collected, and the
        expression gets the error type, which silences errors that would follow from it."""
        if msg.startswith('not found: value '):
            name = msg[len('not found: value '):]
            if name in self.unmodelled:
                msg = '%s (imported from %s) is not supported by this Scala REPL emulation' % (name, self.unmodelled[name])
        self.errors.append(CompileError(msg, pos))
        return ERR

    def mismatch(self, node, found, required):
        self.error('type mismatch;', point(node),
                   [' found   : %s' % self.found_desc(node, found), ' required: %s' % required.show()])

    def found_desc(self, node, t):
        n = node
        while n.kind == 'Paren':
            n = n.expr
        if n.kind == 'Lit' and n.ltype not in ('Null', 'Unit'):
            from .values import to_string
            v = n.value
            if n.ltype == 'String':
                return 'String("%s")' % v.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n')
            if n.ltype == 'Char':
                return "Char('%s')" % v
            if n.ltype == 'Long':
                return 'Long(%dL)' % v
            if n.ltype == 'Float':
                return 'Float(%sF)' % to_string(v, FLOAT)
            return '%s(%s)' % (n.ltype, to_string(v, t))
        if n.kind == 'Lit' and n.ltype == 'Null':
            return 'Null(null)'
        return t.show()

    # -- types written in source --------------------------------------------------------
    def resolve_type(self, tn):
        if tn is None:
            return None
        name = tn.name
        if name == 'Tuple':
            return tuple_of([self.resolve_type(a) for a in tn.args])
        if name == 'Function':
            return func([self.resolve_type(a) for a in tn.args[:-1]], self.resolve_type(tn.args[-1]))
        if name in self.type_params:
            return ST(name)
        if name in TYPE_NAMES and not tn.args:
            self.referenced.add(name)
            return TYPE_NAMES[name]
        short = name.split('.')[-1]
        if name in GENERIC_TYPES or short in ('Dataset',):
            n = GENERIC_TYPES.get(name, 1)
            if len(tn.args) != n:
                self.error('type %s takes type parameters' % short, tn.pos)
            kind = 'Dataset' if short == 'Dataset' else short
            args = [self.resolve_type(a) for a in tn.args]
            if kind == 'Dataset' and args == [ST('Row')]:
                return ST('DataFrame')
            return ST(kind, args)
        cls = self.root_scope().lookup(name)
        if cls is not None and cls.kind == 'class':
            self.referenced.add(name)
            return cls.tpe
        self.error('not found: type %s' % name, tn.pos)

    def root_scope(self):
        return getattr(self, 'rscope', None) or self.session.scope

    # -- statements ---------------------------------------------------------------------
    def type_stats(self, stats, scope, top=False):
        """Types a statement list; returns the type of the last expression (Unit if none)."""
        last = UNIT_T
        for st in stats:
            last = self.type_stat(st, scope, top)
        return last

    def type_stat(self, st, scope, top=False):
        k = st.kind
        if k == 'ValDef':
            declared = self.resolve_type(st.tpt)
            t = self.typ(st.rhs, scope, declared)
            if declared is not None:
                self.check_conforms(st.rhs, t, declared)
                t = declared
            elif t.name == 'Null':
                t = NULL_T
            elif t.name == 'Nothing':
                t = NOTHING
            sym = Sym(st.name, 'var' if st.mutable else 'val', t)
            st.sym = sym
            if not top:
                if st.name in scope.syms and scope.syms[st.name].kind != 'param':
                    self.error('%s is already defined in the scope' % st.name, st.name_pos)
                scope.enter(sym)
            return UNIT_T
        if k == 'ValTuple':
            t = self.typ(st.rhs, scope)
            if t.name != 'Tuple' or len(t.args) != len(st.names):
                if t.name == 'Tuple':
                    self.error('constructor cannot be instantiated to expected type;', st.pos,
                               [' found   : (%s)' % ', '.join('T%d' % (i + 1) for i in range(len(st.names))),
                                ' required: %s' % t.show()])
                t = tuple_of([ANY] * len(st.names)) if t.name == 'Any' else t
                if t.name != 'Tuple':
                    self.error('value _1 is not a member of %s' % t.show(), st.pos)
            st.syms = []
            for (n, _p), et in zip(st.names, t.args):
                sym = Sym(n, 'var' if st.mutable else 'val', et)
                st.syms.append(sym)
                if not top:
                    scope.enter(sym)
            return UNIT_T
        if k == 'DefDef':
            self.type_def(st, scope, top)
            return UNIT_T
        if k == 'ClassDef':
            self.type_class(st, scope, top)
            return UNIT_T
        if k == 'Import':
            self.type_import(st, scope)
            return UNIT_T
        if k == 'Unsupported':
            self.error('%s are not supported by this Scala REPL emulation' % st.what
                       if st.what.endswith('s') else '%s is not supported by this Scala REPL emulation' % st.what, st.pos)
        return self.typ(st, scope)

    def type_import(self, st, scope):
        parts = st.parts
        head = parts[0]
        if isinstance(head, str):
            self.referenced.add(head)
        path = '.'.join(p for p in parts if isinstance(p, str))
        st.effects = []
        # names this import makes visible (for the gated globals: Row, StructType...)
        pkg = path[:-2] if path.endswith('._') else None
        if isinstance(parts[-1], list):
            for orig, alias in parts[-1]:
                if orig == '_':
                    self.imported.update(M.PACKAGE_NAMES.get(path, ()))
                elif orig in M.PACKAGE_NAMES.get(path, ()):
                    self.imported.add(orig)
        elif pkg is not None:
            self.imported.update(M.PACKAGE_NAMES.get(pkg, ()))
        else:
            owner, _, last = path.rpartition('.')
            if last in M.PACKAGE_NAMES.get(owner, ()):
                self.imported.add(last)
        known = M.IMPORTS.get(path)
        if known is not None:
            st.effects = known
            return
        # a library import we do not model: remember its names for an honest error later
        if path.startswith(('scala.', 'java.', 'javax.', 'org.apache.spark.')):
            if isinstance(parts[-1], list):
                names = [b for a, b in parts[-1] if a != '_']
            elif parts[-1] != '_':
                names = [parts[-1]]
            else:
                names = []
            for nm in names:
                if nm not in self.imported:
                    self.unmodelled[nm] = path
        if path in ('spark.implicits._', 'spark.sql', 'sqlContext.implicits._') or path.startswith(('scala.', 'java.', 'org.apache.spark.')):
            return
        sym = scope.lookup(head) if isinstance(head, str) else None
        if sym is None and head not in ('scala', 'java', 'org', 'spark', 'sc', 'javax', 'math'):
            self.error('not found: value %s' % head, st.pos + 7)
        return

    def def_sym(self, st):
        tparams = list(st.tparams)
        saved = set(self.type_params)
        self.type_params.update(tparams)
        try:
            paramss = []
            for plist in st.paramss:
                ps = []
                for n, tn, default in plist:
                    t = self.resolve_type(tn)
                    ps.append((n, t, default, getattr(tn, 'vararg', False)))
                paramss.append(ps)
            ret = self.resolve_type(st.ret) if st.ret is not None else None
        finally:
            self.type_params = saved
        return Sym(st.name, 'def', None, tparams=tparams, paramss=paramss, ret=ret, node=st)

    def type_def(self, st, scope, top):
        saved_owner = getattr(self, 'owner', None)
        self.owner = st.name
        try:
            self._type_def(st, scope, top)
        finally:
            self.owner = saved_owner

    def _type_def(self, st, scope, top):
        sym = self.def_sym(st)
        st.sym = sym
        inner = Scope(scope)
        saved = set(self.type_params)
        self.type_params.update(sym.tparams)
        for plist in sym.paramss:
            for n, t, default, _va in plist:
                inner.enter(Sym(n, 'param', t))
                if default is not None:
                    self.typ(default, scope, t)
        if sym.ret is not None:
            # recursive calls see the declared result type
            inner.enter(sym)
            if not top:
                scope.enter(sym)
        else:
            sym.recursive_guard = True
            inner.enter(sym)
        try:
            bt = self.typ(st.body, inner, sym.ret)
        finally:
            self.type_params = saved
        if sym.ret is None:
            sym.ret = bt if bt.name != 'Null' else NULL_T
            sym.recursive_guard = False
        else:
            self.check_conforms(st.body, bt, sym.ret)
        sym.tpe = sym.ret if not sym.paramss else func([p[1] for p in sym.paramss[0]], sym.ret)
        if not top:
            scope.enter(sym)

    def type_class(self, st, scope, top):
        if not st.is_case:
            pass
        t = ST(st.name)
        sym = Sym(st.name, 'class', t, fields=[], is_case=st.is_case, node=st)
        st.sym = sym
        tmp = Scope(scope)
        tmp.enter(sym)
        fields = []
        for n, tn, default in st.params:
            ft = self.resolve_type_in(tn, tmp)
            if default is not None:
                self.typ(default, scope, ft)
            fields.append((n, ft, default))
        sym.fields = fields
        from .values import CaseClass
        sym.cls = CaseClass(st.name, [(f[0], f[1]) for f in fields], None)
        sym.cls.is_case = st.is_case
        sym.cls.public = list(getattr(st, 'public', []))
        self.session.classes[st.name] = sym.cls
        if not top:
            scope.enter(sym)

    def resolve_type_in(self, tn, scope):
        cls = scope.lookup(tn.name)
        if cls is not None and cls.kind == 'class' and not tn.args:
            return cls.tpe
        return self.resolve_type(tn)

    def check_conforms(self, node, found, required):
        if required is None or found is ERR or required is ERR:
            return
        if found.name == 'Nothing':
            return
        n = node
        while n.kind in ('Paren',):
            n = n.expr
        if n.kind == 'Lit' and n.ltype == 'Int' and required.name in ('Long', 'Float', 'Double', 'Short', 'Byte', 'Char'):
            if required.name in ('Short', 'Byte', 'Char'):
                lim = {'Short': (-32768, 32767), 'Byte': (-128, 127), 'Char': (0, 65535)}[required.name]
                if lim[0] <= n.value <= lim[1]:
                    return
            else:
                return
        if required.name == 'Unit':
            return
        if conforms(found, required):
            return
        if weak_conforms(found, required) and is_numeric(found) and is_numeric(required):
            return   # numeric widening (Int -> Long -> Float -> Double, Char -> Int)
        if required.name in self.type_params or found.name in self.type_params:
            return
        if self.vague(found) or self.vague(required):
            return
        self.mismatch(node, found, required)

    def vague(self, t):
        """Types we only approximate: never report a mismatch on them."""
        if t.name in ('Any', 'AnyRef', 'Throwable', 'Exception'):
            return t.name != 'Any'
        return any(self.vague(a) for a in t.args)

    # -- expressions --------------------------------------------------------------------
    def typ(self, node, scope, expected=None):
        fn = getattr(self, 't_' + node.kind, None)
        if fn is None:
            self.error('%s is not supported by this Scala REPL emulation' % node.kind, node.pos)
        t = fn(node, scope, expected)
        node.tpe = t
        return t

    def t_Lit(self, node, scope, expected):
        return {'Int': INT, 'Long': LONG, 'Double': DOUBLE, 'Float': FLOAT, 'Char': CHAR,
                'String': STRING, 'Boolean': BOOLEAN, 'Null': NULL_T, 'Unit': UNIT_T}[node.ltype]

    def t_Paren(self, node, scope, expected):
        return self.typ(node.expr, scope, expected)

    def t_Unsupported(self, node, scope, expected):
        self.error('%s not supported by this Scala REPL emulation' % node.what, node.pos)

    def t_Interp(self, node, scope, expected):
        for p in node.parts:
            if not isinstance(p, str):
                self.typ(p, scope)
        if node.prefix in ('s', 'raw', 'f'):
            if node.prefix == 'f':
                pass
            return STRING
        if node.prefix == '$':
            self.referenced.add('StringToColumn')
            return ST('ColumnName')
        self.error('value %s is not a member of StringContext' % node.prefix, node.pos)

    def t_Ident(self, node, scope, expected):
        name = node.name
        self.referenced.add(name)
        sym = scope.lookup(name)
        if sym is None:
            b = M.GLOBALS.get(name)
            if b is None and name in PACKAGE_ROOTS:
                self.error('package %s: Java/Scala library access outside the supported subset is not '
                           'available in this Scala REPL emulation' % name, node.pos)
            if b is None or (getattr(b, 'needs_import', False) and name not in self.imported):
                return self.soft_error('not found: value %s' % name, node.pos)
            node.builtin = b
            node.sym = None
            return b.typ(self, None, node, scope, expected)
        node.sym = sym
        node.builtin = None
        if sym.kind == 'class':
            # a companion reference: only valid when applied (P("a", 1))
            if getattr(node, 'applied', False):
                return ST('Companion', [sym.tpe])
            return ST('Companion', [sym.tpe])
        if sym.kind == 'def':
            if getattr(sym, 'recursive_guard', False):
                self.error('recursive method %s needs result type' % name, node.pos)
            if sym.paramss:
                if getattr(node, 'applied', False):
                    return ST('Method', [])
                if sym.paramss and not sym.paramss[0]:
                    return sym.ret
                self.error('missing argument list for method %s\nUnapplied methods are only converted to functions when a function type is expected.\nYou can make this conversion explicit by writing `%s _` or `%s(_)` instead of `%s`.' % (name, name, name, name), node.pos)
            return sym.ret
        return sym.tpe

    def t_Eta(self, node, scope, expected):
        """`f _`: a method as a function value."""
        e = node.expr
        if e.kind == 'Ident':
            sym = scope.lookup(e.name)
            if sym is not None and sym.kind == 'def' and sym.paramss:
                self.referenced.add(e.name)
                e.sym = sym
                e.builtin = None
                e.eta = True
                t = sym.ret
                for plist in reversed(sym.paramss[1:]):
                    t = func([p[1] for p in plist], t)
                t = func([p[1] for p in sym.paramss[0]], t)
                e.tpe = t
                return t
        t = self.typ(e, scope)
        if t.name == 'Function':
            return t
        self.error('_ must follow method; cannot follow %s' % t.show(), node.pos)

    def t_Placeholder(self, node, scope, expected):
        sym = scope.lookup(node.name)
        node.sym = sym
        return sym.tpe if sym is not None else ANY

    def t_Tuple(self, node, scope, expected):
        exp = expected.args if expected is not None and expected.name == 'Tuple' and len(expected.args) == len(node.items) else [None] * len(node.items)
        return tuple_of([self.typ(x, scope, e) for x, e in zip(node.items, exp)])

    def t_Block(self, node, scope, expected):
        inner = Scope(scope)
        stats = node.stats
        if not stats:
            return UNIT_T
        for st in stats[:-1]:
            self.type_stat(st, inner)
        last = stats[-1]
        if last.kind in ('ValDef', 'DefDef', 'ClassDef', 'Import', 'ValTuple'):
            self.type_stat(last, inner)
            return UNIT_T
        return self.typ(last, inner, expected)

    def t_If(self, node, scope, expected):
        ct = self.typ(node.cond, scope, BOOLEAN)
        if ct.name != 'Boolean' and ct.name != 'Nothing':
            self.mismatch(node.cond, ct, BOOLEAN)
        tt = self.typ(node.thenp, scope, expected)
        if node.elsep is None:
            if tt.name == 'Unit':
                return UNIT_T
            return lub([tt, UNIT_T])
        et = self.typ(node.elsep, scope, expected)
        return lub([tt, et])

    def t_While(self, node, scope, expected):
        self.typ(node.cond, scope, BOOLEAN)
        self.typ(node.body, scope)
        return UNIT_T

    def t_Throw(self, node, scope, expected):
        t = self.typ(node.expr, scope)
        if not (t.name in M.EXCEPTION_CLASSES or t.name in ('Throwable', 'Exception', 'Nothing', 'Null')) and t is not ERR:
            self.mismatch(node.expr, t, ST('Throwable'))
        return NOTHING

    def t_Return(self, node, scope, expected):
        self.error('return outside method definition', node.pos)

    def t_Try(self, node, scope, expected):
        bt = self.typ(node.body, scope, expected)
        ts = [bt]
        for pat, guard, body in node.cases:
            inner = Scope(scope)
            self.bind_pattern(pat, ST('Throwable'), inner, node)
            ts.append(self.typ(body, inner, expected))
        if node.fin is not None:
            self.typ(node.fin, scope)
        return lub(ts)

    def t_Match(self, node, scope, expected):
        st = self.typ(node.scrut, scope)
        ts = []
        for pat, guard, body in node.cases:
            inner = Scope(scope)
            self.bind_pattern(pat, st, inner, node)
            if guard is not None:
                self.typ(guard, inner, BOOLEAN)
            ts.append(self.typ(body, inner, expected))
        return lub(ts)

    def bind_pattern(self, pat, t, scope, node):
        k = pat[0]
        if k == 'wild':
            return
        if k == 'var':
            scope.enter(Sym(pat[1], 'val', t))
            return
        if k == 'typed':
            pt = self.resolve_type(pat[2]) if pat[2].name not in M.EXCEPTION_CLASSES else ST(pat[2].name)
            if pat[1]:
                scope.enter(Sym(pat[1], 'val', pt))
            return
        if k == 'bind':
            scope.enter(Sym(pat[1], 'val', t))
            self.bind_pattern(pat[2], t, scope, node)
            return
        if k == 'tuple':
            items = pat[1]
            ts = t.args if t.name == 'Tuple' and len(t.args) == len(items) else [ANY] * len(items)
            for p, et in zip(items, ts):
                self.bind_pattern(p, et, scope, node)
            return
        if k == 'alt':
            for p in pat[1]:
                self.bind_pattern(p, t, scope, node)
            return
        if k == 'lit':
            self.typ(pat[1], scope)
            return
        if k == 'extract':
            name = pat[1]
            sym = scope.lookup(name)
            if sym is not None and sym.kind == 'class':
                fts = [f[1] for f in sym.fields]
                if len(fts) != len(pat[2]):
                    self.error('wrong number of arguments for pattern %s(%s)' % (name, ','.join(f[0] + ': ' + f[1].show() for f in sym.fields)), pat[3])
                for p, ft in zip(pat[2], fts):
                    self.bind_pattern(p, ft, scope, node)
                return
            if name == 'Some' and len(pat[2]) == 1:
                self.bind_pattern(pat[2][0], t.args[0] if t.name == 'Option' and t.args else ANY, scope, node)
                return
            if name in ('List', 'Seq', 'Array') :
                et = t.args[0] if t.args else ANY
                for p in pat[2]:
                    self.bind_pattern(p, et, scope, node)
                return
            self.error('not found: value %s' % name, pat[3])
        if k == 'const_name':
            if pat[1] in ('None', 'Nil'):
                return
            sym = scope.lookup(pat[1])
            if sym is None:
                self.error('not found: value %s' % pat[1], pat[2])
            return

    def t_CaseLambda(self, node, scope, expected):
        self.name_lambda(node)
        if expected is None or expected.name != 'Function':
            self.error('missing parameter type for expanded function\nThe argument types of an anonymous function must be fully known. (SLS 8.5)', node.pos)
        pts = list(expected.args[:-1])
        pt = pts[0] if len(pts) == 1 else tuple_of(pts)
        ts = []
        for pat, guard, body in node.cases:
            inner = Scope(scope)
            self.bind_pattern(pat, pt, inner, node)
            if guard is not None:
                self.typ(guard, inner, BOOLEAN)
            ts.append(self.typ(body, inner))
        node.param_types = pts
        return func(pts, lub(ts))

    def name_lambda(self, node):
        """scalac's name for the method holding a lambda's body: $anonfun$<owner>$<n>."""
        owner = getattr(self, 'owner', None) or 'res'
        counts = self.__dict__.setdefault('lambda_counts', {})
        counts[owner] = counts.get(owner, 0) + 1
        node.anon_name = '$anonfun$%s$%d' % (owner, counts[owner])

    def t_Lambda(self, node, scope, expected):
        self.name_lambda(node)
        inner = Scope(scope)
        pts = []
        exp_params = None
        if expected is not None and expected.name == 'Function' and len(expected.args) - 1 == len(node.params):
            exp_params = expected.args[:-1]
        for i, (name, tn, pos) in enumerate(node.params):
            if tn is not None:
                t = self.resolve_type(tn)
            elif exp_params is not None:
                t = exp_params[i]
            else:
                if getattr(node, 'from_placeholder', False):
                    self.error('missing parameter type for expanded function ((%s) => %s)' % (
                        ', '.join('%s: <error>' % p[0] for p in node.params), tree_string(node.body)), pos)
                self.error('missing parameter type', pos)
            pts.append(t)
            inner.enter(Sym(name, 'param', t))
        rt = self.typ(node.body, inner)
        node.param_types = pts
        return func(pts, rt)

    def t_Ascribe(self, node, scope, expected):
        t = self.resolve_type(node.tpt)
        et = self.typ(node.expr, scope, t)
        self.check_conforms(node.expr, et, t)
        return t

    def t_SeqArg(self, node, scope, expected):
        t = self.typ(node.expr, scope)
        return t

    def t_New(self, node, scope, expected):
        name = node.tpt.name
        self.referenced.add(name.split('.')[0])
        ex = M.EXCEPTION_CLASSES.get(name.split('.')[-1])
        if ex is not None:
            ats = [self.typ(a, scope) for a in node.args]
            if len(ats) > 1 or (ats and ats[0].name not in ('String', 'Null')):
                if not (len(ats) == 2) and not (ats and ats[0].name in ('Throwable',) + tuple(M.EXCEPTION_CLASSES)):
                    self.error('overloaded method constructor %s with alternatives' % name.split('.')[-1], node.pos)
            node.exc_class = ex
            return ST(name.split('.')[-1])
        sym = scope.lookup(name)
        if sym is not None and sym.kind == 'class':
            self.check_ctor_args(sym, node.args, scope, node)
            return sym.tpe
        if name.split('.')[-1] == 'StructType' and (name != 'StructType' or 'StructType' in self.imported):
            for a in node.args:
                self.typ(a, scope)
            node.new_struct = True
            return ST('StructType')
        if name in ('StringBuilder', 'scala.collection.mutable.StringBuilder'):
            for a in node.args:
                self.typ(a, scope)
            return ST('StringBuilder')
        if '.' in name or name.split('.')[0] in PACKAGE_ROOTS or name in self.unmodelled:
            self.error('class %s is not supported by this Scala REPL emulation' % name, node.tpt.pos)
        self.error('not found: type %s' % name, node.tpt.pos)

    def check_ctor_args(self, sym, args, scope, node):
        fields = sym.fields
        pos_args = [a for a in args if a.kind != 'NamedArg']
        named = dict((a.name, a) for a in args if a.kind == 'NamedArg')
        if len(pos_args) > len(fields):
            self.error('too many arguments (%d) for method apply: (%s)%s in object %s' % (
                len(args), ', '.join('%s: %s' % (f[0], f[1].show()) for f in fields), sym.name, sym.name), args[len(fields)].pos)
        missing = []
        for i, (fname, ft, default) in enumerate(fields):
            if i < len(pos_args):
                a = pos_args[i]
                at = self.typ(a, scope, ft)
                self.check_conforms(a, at, ft)
            elif fname in named:
                a = named[fname].expr
                at = self.typ(a, scope, ft)
                self.check_conforms(a, at, ft)
                named[fname].tpe = at
            elif default is None:
                missing.append(fname)
        if missing:
            self.error('not enough arguments for method apply: (%s)%s in object %s.\nUnspecified value parameter%s %s.' % (
                ', '.join('%s: %s' % (f[0], f[1].show()) for f in fields), sym.name, sym.name,
                's' if len(missing) > 1 else '', ', '.join(missing)), node.pos)

    def t_Assign(self, node, scope, expected):
        tgt = node.target
        if tgt.kind == 'Ident':
            sym = scope.lookup(tgt.name)
            self.referenced.add(tgt.name)
            if sym is None:
                self.error('not found: value %s' % tgt.name, tgt.pos)
            if sym.kind != 'var':
                self.error('reassignment to val', node.eq_pos)
            tgt.sym = sym
            vt = self.typ(node.value, scope, sym.tpe)
            self.check_conforms(node.value, vt, sym.tpe)
            return UNIT_T
        if tgt.kind == 'Apply':
            # arr(i) = v  ->  arr.update(i, v)
            rt = self.typ(tgt.fn, scope)
            if rt.name != 'Array':
                self.error('value update is not a member of %s' % rt.show(), tgt.pos)
            for a in tgt.args:
                self.typ(a, scope, INT)
            vt = self.typ(node.value, scope, rt.args[0])
            self.check_conforms(node.value, vt, rt.args[0])
            return UNIT_T
        self.error('reassignment to val', node.eq_pos)

    def t_For(self, node, scope, expected):
        inner = Scope(scope)
        for en in node.enums:
            if en[0] == 'gen':
                t = self.typ(en[2], inner)
                et = M.iter_elem_type(t)
                if et is None:
                    self.error('value foreach is not a member of %s' % t.show(), en[2].pos)
                en_scope = Scope(inner)
                self.bind_for_pat(en[1], et, en_scope)
                inner = en_scope
            elif en[0] == 'let':
                t = self.typ(en[2], inner)
                en_scope = Scope(inner)
                self.bind_for_pat(en[1], t, en_scope)
                inner = en_scope
            else:
                self.typ(en[1], inner, BOOLEAN)
        bt = self.typ(node.body, inner)
        if not node.is_yield:
            return UNIT_T
        first = node.enums[0][2].tpe
        kind = first.name
        if kind in ('Range', 'RangeExcl', 'IndexedSeq', 'Vector'):
            return ST('IndexedSeq', [bt])
        if kind == 'Array':
            return ST('Array', [bt])
        if kind in ('List', 'Seq'):
            return ST(kind, [bt])
        if kind == 'Option':
            return ST('Option', [bt])
        return ST('Seq', [bt])

    def bind_for_pat(self, pat, t, scope):
        if pat[0] == 'name':
            if pat[1] != '_':
                scope.enter(Sym(pat[1], 'val', t))
        else:
            ts = t.args if t.name == 'Tuple' and len(t.args) == len(pat[1]) else [ANY] * len(pat[1])
            for n, et in zip(pat[1], ts):
                if n != '_':
                    scope.enter(Sym(n, 'val', et))

    def t_Unary(self, node, scope, expected):
        t = self.typ(node.operand, scope)
        op = node.op
        if op == '!' and t.name == 'Boolean':
            return BOOLEAN
        if op in ('-', '+') and is_numeric(t):
            return numeric_widen(t, INT) if t.name in ('Byte', 'Short', 'Char') else t
        if op == '~' and t.name in ('Int', 'Long', 'Short', 'Byte', 'Char'):
            return numeric_widen(t, INT)
        if t.name in ('Column', 'ColumnName') and op in ('!', '-'):
            return COLUMN
        self.error('value unary_%s is not a member of %s' % (op, t.show()), node.pos)

    def t_Infix(self, node, scope, expected):
        op = node.op
        from .parser import op_precedence, Node
        if op_precedence(op) == 0 and node.left.kind == 'Ident':
            lt = self.typ(node.left, scope)
            if lt is ERR:
                return ERR
            if M.lookup_method(lt, op) is None:
                # x += e  ->  x = x + e   (when the type has no `+=` of its own)
                rhs = Node('Infix', node.pos, op=op[:-1], left=node.left, right=node.right, op_pos=node.op_pos)
                assign = Node('Assign', node.pos, target=Node('Ident', node.left.pos, name=node.left.name),
                              value=rhs, eq_pos=node.op_pos)
                node.desugared = assign
                return self.typ(assign, scope)
        if op in ('&&', '||'):
            lt = self.typ(node.left, scope)
            rt = self.typ(node.right, scope)
            if lt.name in ('Column', 'ColumnName'):
                node.prim = 'col'
                return COLUMN
            if lt.name != 'Boolean':
                self.error('value %s is not a member of %s' % (op, lt.show()), node.op_pos)
            if rt.name != 'Boolean' and rt.name != 'Nothing':
                self.mismatch(node.right, rt, BOOLEAN)
            node.prim = 'bool'
            return BOOLEAN
        if op.endswith(':') and op not in ('==:',):
            # right-associative: the method belongs to the right operand
            rt = self.typ(node.right, scope)
            lt = self.typ(node.left, scope)
            return self.method_call(node, node.right, rt, op, [node.left], scope, node.op_pos, pretyped=[lt])
        lt = self.typ(node.left, scope)
        if lt is ERR:
            self.typ(node.right, scope)
            return ERR
        if op in EQUALITY:
            self.typ(node.right, scope)
            if lt.name in ('Column', 'ColumnName'):
                node.prim = 'eq'
                return BOOLEAN
            node.prim = 'eq'
            return BOOLEAN
        if is_numeric(lt) or lt.name == 'Boolean':
            rt = self.typ(node.right, scope)
            if rt is ERR:
                return ERR
            if op in ARITH and is_numeric(lt) and is_numeric(rt):
                node.prim = 'arith'
                return numeric_widen(lt, rt)
            if op == '+' and is_numeric(lt) and rt.name == 'String':
                node.prim = 'concat'
                return STRING
            if op in COMPARE and is_numeric(lt) and is_numeric(rt):
                node.prim = 'cmp'
                return BOOLEAN
            if op in BITS and lt.name == 'Boolean' and rt.name == 'Boolean':
                node.prim = 'boolbits'
                return BOOLEAN
            if op in BITS and lt.name in ('Int', 'Long', 'Short', 'Byte', 'Char') and rt.name in ('Int', 'Long', 'Short', 'Byte', 'Char'):
                node.prim = 'bits'
                return numeric_widen(lt, rt)
            if op in SHIFTS and lt.name in ('Int', 'Long', 'Short', 'Byte', 'Char') and rt.name in ('Int', 'Long', 'Short', 'Byte', 'Char'):
                node.prim = 'shift'
                return numeric_widen(lt, INT)
            if is_numeric(lt) and (op in ARITH or op in COMPARE) and rt.name in ('Column', 'ColumnName'):
                self.overload_error(node, lt, op, rt)
            return self.method_call(node, node.left, lt, op, [node.right], scope, node.op_pos, pretyped=[rt])
        if lt.name == 'String' and op == '+':
            if self.typ(node.right, scope) is ERR:
                return ERR
            node.prim = 'concat'
            return STRING
        if lt.name == 'String' and op in COMPARE:
            rt = self.typ(node.right, scope)
            if rt.name != 'String':
                self.mismatch(node.right, rt, STRING)
            node.prim = 'cmp'
            return BOOLEAN
        return self.method_call(node, node.left, lt, op, [node.right], scope, node.op_pos)

    def overload_error(self, node, lt, op, rt):
        self.error('overloaded method value %s with alternatives:' % op, node.op_pos)

    def t_Select(self, node, scope, expected):
        # a member access without an argument list
        return self.select_or_call(node, None, scope, expected)

    def t_TypeApply(self, node, scope, expected):
        fn = node.fn
        if fn.kind == 'Select' and fn.name in ('isInstanceOf', 'asInstanceOf'):
            self.typ(fn.obj, scope)
            target = self.resolve_type(node.targs[0])
            node.target = target
            node.prim = fn.name
            return BOOLEAN if fn.name == 'isInstanceOf' else target
        if fn.kind == 'Select' and fn.name == 'as':
            rt = self.typ(fn.obj, scope)
            target = self.resolve_type(node.targs[0])
            node.target = target
            node.prim = 'as'
            return ST('Dataset', [target])
        # explicit type arguments otherwise: ignore them (List[Int](), Seq.empty[Int])
        targs = [self.resolve_type(t) for t in node.targs]
        node.explicit_targs = targs
        fn.explicit_targs = targs
        t = self.typ(fn, scope, expected)
        node.prim = 'passthrough'
        return t

    def t_Apply(self, node, scope, expected):
        return self.select_or_call(node.fn, node.args, scope, expected, apply_node=node)

    def t_NamedArg(self, node, scope, expected):
        return self.typ(node.expr, scope, expected)

    # -- calls --------------------------------------------------------------------------
    def select_or_call(self, fn, args, scope, expected, apply_node=None):
        node = apply_node if apply_node is not None else fn
        target = fn
        if fn.kind == 'TypeApply':
            target = fn.fn
            targs = [self.resolve_type(t) for t in fn.targs]
            node.explicit_targs = targs
            target.explicit_targs = targs
        else:
            node.explicit_targs = getattr(node, 'explicit_targs', None)
        if target.kind == 'Select' and (apply_node is not None or target is node):
            if apply_node is not None:
                target.applied = True
            # is the qualifier a builtin object (math, Seq, spark.implicits...)?
            qual = target.obj
            if qual.kind == 'Ident' and scope.lookup(qual.name) is None and qual.name in M.OBJECTS:
                self.referenced.add(qual.name)
                obj = M.OBJECTS[qual.name]
                entry = obj.get(target.name)
                if entry is None:
                    self.error('value %s is not a member of object %s' % (target.name, M.OBJECT_NAMES.get(qual.name, qual.name)), target.name_pos)
                node.call = ('static', entry)
                qual.tpe = ANY
                return entry.typ(self, None, args, node, scope, expected)
            rt = self.typ(qual, scope)
            return self.method_call(node, qual, rt, target.name, args, scope, target.name_pos, expected=expected)
        if target.kind == 'Ident' and apply_node is not None:
            sym = scope.lookup(target.name)
            if sym is not None and sym.kind == 'def':
                self.referenced.add(target.name)
                target.sym = sym
                target.builtin = None
                if getattr(sym, 'recursive_guard', False):
                    self.error('recursive method %s needs result type' % target.name, target.pos)
                node.call = ('def', sym)
                return self.check_def_args(sym, args, scope, node, target)
            if sym is not None and sym.kind == 'class':
                self.referenced.add(target.name)
                if not sym.is_case:
                    self.error('not found: value %s' % target.name, target.pos)
                node.call = ('ctor', sym)
                self.check_ctor_args(sym, args, scope, node)
                return sym.tpe
            if sym is None:
                b = M.GLOBALS.get(target.name)
                if b is None or (getattr(b, 'needs_import', False) and target.name not in self.imported):
                    self.referenced.add(target.name)
                    for a in args:
                        self.typ(a, scope)
                    return self.soft_error('not found: value %s' % target.name, target.pos)
                self.referenced.add(target.name)
                node.call = ('builtin', b)
                target.builtin = b
                return b.typ(self, args, node, scope, expected)
        # applying a value: f(x) for function values, xs(i), m(k), row(i), df("col")
        ft = self.typ(target, scope)
        if ft.name == 'Function':
            ps = ft.args[:-1]
            if len(args) != len(ps):
                self.error('too many arguments (%d) for method apply: (v1: %s)%s in trait Function%d' % (
                    len(args), ps[0].show() if ps else '', ft.args[-1].show(), len(ps)) if len(args) > len(ps) else
                    'not enough arguments for method apply: (v1: %s)%s in trait Function%d.\nUnspecified value parameter v1.' % (
                        ps[0].show() if ps else '', ft.args[-1].show(), len(ps)), node.pos)
            for a, p in zip(args, ps):
                at = self.typ(a, scope, p)
                self.check_conforms(a, at, p)
            node.call = ('fnvalue', None)
            return ft.args[-1]
        if args is None:
            return ft
        return self.method_call(node, target, ft, 'apply', args, scope, target.pos, implicit_apply=True, expected=expected)

    def check_def_args(self, sym, args, scope, node, target):
        params = sym.paramss[0] if sym.paramss else []
        if not sym.paramss:
            # def f = ...; f(x) applies the result
            rt = sym.ret
            node.call = ('def_then_apply', sym)
            return self.method_call(node, target, rt, 'apply', args, scope, target.pos, implicit_apply=True)
        sig = self.def_sig_text(sym)
        has_vararg = params and params[-1][3]
        named = [a for a in args if a.kind == 'NamedArg']
        pos_args = [a for a in args if a.kind != 'NamedArg']
        if len(pos_args) > len(params) and not has_vararg:
            self.error('too many arguments (%d) for method %s: %s' % (len(args), sym.name, sig), args[len(params)].pos if len(params) < len(args) else node.pos)
        tmap = {}
        for i, (pname, pt, default, vararg) in enumerate(params):
            if vararg:
                for a in pos_args[i:]:
                    at = self.typ(a, scope, pt.args[0])
                    self.check_conforms(a, at, pt.args[0]) if pt.args[0].name not in sym.tparams else None
                break
            if i < len(pos_args):
                a = pos_args[i]
                at = self.typ(a, scope, pt if pt.name not in sym.tparams else None)
                if pt.name in sym.tparams:
                    tmap[pt.name] = at
                else:
                    self.check_conforms(a, at, pt)
            else:
                na = [a for a in named if a.name == pname]
                if na:
                    self.typ(na[0], scope, pt)
                elif default is None:
                    missing = [p[0] for p in params[i:] if p[2] is None and not [a for a in named if a.name == p[0]]]
                    self.error('not enough arguments for method %s: %s.\nUnspecified value parameter%s %s.' % (
                        sym.name, sig, 's' if len(missing) > 1 else '', ', '.join(missing)), getattr(node, 'args_pos', node.pos))
        ret = sym.ret
        if ret.name in tmap:
            ret = tmap[ret.name]
        if len(sym.paramss) > 1:
            rest = sym.paramss[1:]
            t = ret
            for plist in reversed(rest):
                t = func([p[1] for p in plist], t)
            return t
        return ret

    def def_sig_text(self, sym):
        from .symbols import def_signature
        return def_signature(sym)

    def method_call(self, node, recv_node, rt, name, args, scope, name_pos, pretyped=None,
                    implicit_apply=False, expected=None):
        if rt is ERR:
            for a in args or []:
                if a.tpe is None and a.kind not in ('Lambda', 'CaseLambda'):
                    self.typ(a, scope)
            return ERR
        cls = self.session.classes.get(rt.name)
        if cls is not None and not rt.args and not getattr(cls, 'is_case', True):
            cls = None if name not in getattr(cls, 'public', ()) else cls
        if cls is not None and not rt.args:
            for i, (fname, ftype) in enumerate(cls.fields):
                if fname == name:
                    node.call = ('method', M.field_entry(i))
                    node.recv = recv_node
                    node.recv_type = rt
                    node.mname = name
                    if args is not None:
                        node.call = ('method_then_apply', M.field_entry(i), M.lookup_method(ftype, 'apply'))
                        if node.call[2] is None:
                            self.error('%s does not take parameters' % ftype.show(), node.args_pos)
                        for a in args:
                            self.typ(a, scope)
                        node.sub_recv_type = ftype
                        return node.call[2].typ(self, ftype, args, node, scope, expected)
                    return ftype
            if name == 'copy':
                node.call = ('method', M.copy_entry(cls))
                node.recv = recv_node
                node.recv_type = rt
                node.mname = name
                for a in args or []:
                    if a.kind == 'NamedArg':
                        ft = [f[1] for f in cls.fields if f[0] == a.name]
                        if not ft:
                            self.error('unknown parameter name: %s' % a.name, a.pos)
                        at = self.typ(a.expr, scope, ft[0])
                        self.check_conforms(a.expr, at, ft[0])
                    else:
                        self.typ(a, scope)
                return rt
        entry = M.lookup_method(rt, name)
        if entry is None and rt.name in ('Null',):
            entry = None
        if entry is None:
            if rt.name == 'Companion':
                cls = rt.args[0]
                self.error('value %s is not a member of object %s' % (name, cls.show()), name_pos)
            if implicit_apply:
                self.error('%s does not take parameters' % rt.show(), node.args_pos if hasattr(node, 'args_pos') else node.pos)
            if rt.name in PARTIAL_API_TYPES or M.is_real_member(rt, name):
                # the real class most likely has this member: say that we lack it
                self.error('value %s of %s is not supported by this Scala REPL emulation' % (name, rt.show()), name_pos)
            self.error('value %s is not a member of %s' % (name, rt.show()), name_pos)
        node.call = ('method', entry)
        node.recv = recv_node
        node.recv_type = rt
        node.mname = name
        if args is not None and entry.nullary and not entry.allow_args:
            if implicit_apply:
                pass
            else:
                t = entry.typ(self, rt, None, node, scope, expected)
                # f()(x): apply the result
                sub = M.lookup_method(t, 'apply')
                if sub is None:
                    self.error('%s does not take parameters' % t.show(), node.args_pos if hasattr(node, 'args_pos') else node.pos)
                node.call = ('method_then_apply', entry, sub)
                for a in args:
                    self.typ(a, scope)
                node.sub_recv_type = t
                return sub.typ(self, t, args, node, scope, expected)
        self.pretyped = pretyped
        return entry.typ(self, rt, args, node, scope, expected)

    # helpers for method typing ---------------------------------------------------------
    def arg(self, node, scope, expected=None):
        if node.tpe is not None and node.kind != 'Lambda':
            return node.tpe
        return self.typ(node, scope, expected)

    def fn_arg(self, node, scope, param_types):
        """Types a function argument given its parameter types; returns the result type."""
        if node.kind in ('Lambda', 'CaseLambda'):
            t = self.typ(node, scope, func(param_types, ANY))
            return t.args[-1]
        if node.kind == 'Block' and len(node.stats) == 1 and node.stats[0].kind in ('Lambda', 'CaseLambda'):
            t = self.typ(node, scope, func(param_types, ANY))
            return t.args[-1] if t.name == 'Function' else ANY
        if node.kind == 'Ident':
            sym = scope.lookup(node.name)
            if sym is not None and sym.kind == 'def':
                self.referenced.add(node.name)
                node.sym = sym
                node.builtin = None
                node.eta = True
                node.tpe = func([p[1] for p in sym.paramss[0]] if sym.paramss else [], sym.ret)
                return sym.ret
            if sym is None and node.name in ('println', 'print'):
                node.builtin = M.GLOBALS[node.name]
                node.sym = None
                node.eta = True
                node.tpe = func(param_types, UNIT_T)
                self.referenced.add(node.name)
                return UNIT_T
        t = self.typ(node, scope, func(param_types, ANY))
        if t is ERR:
            return ERR
        if t.name == 'Function':
            return t.args[-1]
        self.mismatch(node, t, func(param_types, ST('?')))

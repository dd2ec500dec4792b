"""Symbols (what a name refers to) and scopes."""


class Sym:
    """kind: val, var, def, class, param, builtin (a global function/object), object."""

    def __init__(self, name, kind, tpe=None, **kw):
        self.name = name
        self.kind = kind
        self.tpe = tpe
        self.value = None
        self.line_id = None      # the REPL request that defined it (session symbols)
        self.__dict__.update(kw)

    def __repr__(self):
        return 'Sym(%s %s: %r)' % (self.kind, self.name, self.tpe)


class Scope:
    def __init__(self, parent=None):
        self.parent = parent
        self.syms = {}

    def lookup(self, name):
        s = self
        while s is not None:
            sym = s.syms.get(name)
            if sym is not None:
                return sym
            s = s.parent
        return None

    def enter(self, sym):
        self.syms[sym.name] = sym
        return sym


def def_signature(sym):
    """`(n: Int)Int`, `[T](x: T)T`, `=> Int` style as the REPL prints a def."""
    out = ''
    if sym.tparams:
        out += '[%s]' % ','.join(sym.tparams)
    for plist in sym.paramss:
        out += '(%s)' % ', '.join('%s: %s' % (n, _ptype(t, vararg)) for n, t, _d, vararg in plist)
    out += sym.ret.show()
    return out


def _ptype(t, vararg):
    if vararg:
        return t.args[0].show() + '*'
    return t.show()

"""R's deparse of calls: what error messages show after `Error in` (its first line only).

Lines break after an argument's comma once the line is past 60 characters, as R's
`width.cutoff` does, which is why long calls end in `, ` in R's errors.
"""

import re

from .printing import encode_real, escape_string, format_real

CUTOFF = 60
SPACED = {'+', '-', '*', '==', '!=', '<', '>', '<=', '>=', '&', '|', '&&', '||', '<-', '<<-',
          '=', '~', '|>'}
TIGHT = {'/', '^', ':', '%%', '%/%', '$', '@', '::', ':::'}
SYNTACTIC = re.compile(r'^((([A-Za-z]|[.][A-Za-z._])[A-Za-z0-9._]*)|[.])$')
RESERVED = {'if', 'else', 'repeat', 'while', 'function', 'for', 'next', 'break', 'TRUE', 'FALSE',
            'NULL', 'Inf', 'NaN', 'NA', 'NA_integer_', 'NA_real_', 'NA_character_', 'in'}


def quote_name(name):
    if SYNTACTIC.match(name) and name not in RESERVED:
        return name
    return '`%s`' % name.replace('`', '\\`')


def number(value):
    w, d, e = format_real([value], 15)
    return encode_real(value, 0, d, e)


class _Out:
    def __init__(self):
        self.lines = []
        self.buf = ''
        self.indent = 0

    def write(self, s):
        self.buf += s

    def newline(self):
        self.lines.append(self.buf)
        self.buf = '    ' * self.indent

    def finish(self):
        self.lines.append(self.buf)
        return self.lines


def _args(out, args):
    broke = False
    for i, (name, node) in enumerate(args):
        if name is not None:
            out.write(quote_name(name) + ' = ')
        if node is not None:
            _node(out, node)
        if i < len(args) - 1:
            out.write(', ')
            if len(out.buf) > CUTOFF:
                if not broke:
                    broke = True
                    out.indent += 1
                out.newline()
    if broke:
        out.indent -= 1


def _node(out, n):
    k = n.kind
    if k == 'num':
        out.write(number(n.value))
    elif k == 'int':
        out.write('%dL' % n.value)
    elif k == 'complex':
        out.write('%si' % number(n.value))
    elif k == 'str':
        out.write(escape_string(n.value))
    elif k == 'const':
        out.write(n.value)
    elif k == 'sym':
        out.write(quote_name(n.value))
    elif k == 'function':
        out.write('function(')
        _params(out, n.args)
        out.write(') ')
        _node(out, n.src)
    elif k == 'call':
        _call(out, n)


def _params(out, params):
    for i, (name, default) in enumerate(params):
        if i:
            out.write(', ')
        out.write(quote_name(name))
        if default is not None:
            out.write(' = ')
            _node(out, default)


def _call(out, n):
    fn = n.value
    args = n.args
    name = fn.value if fn.kind == 'sym' else None
    plain = all(a[0] is None for a in args)
    if name is not None and plain:
        if len(args) == 2 and (name in SPACED or name in TIGHT or (name.startswith('%') and name.endswith('%'))):
            left, right = args[0][1], args[1][1]
            _node(out, left)
            if name in TIGHT:
                out.write(name)
            else:
                out.write(' %s ' % name)
            _node(out, right)
            return
        if len(args) == 1 and name in ('-', '+', '!', '~'):
            out.write(name)
            _node(out, args[0][1])
            return
        if name == '(' and len(args) == 1:
            out.write('(')
            _node(out, args[0][1])
            out.write(')')
            return
        if name == '{':
            out.write('{')
            out.indent += 1
            for _, e in args:
                out.newline()
                _node(out, e)
            out.indent -= 1
            out.newline()
            out.write('}')
            return
        if name == 'if' and len(args) in (2, 3):
            out.write('if (')
            _node(out, args[0][1])
            out.write(') ')
            _node(out, args[1][1])
            if len(args) == 3:
                out.write(' else ')
                _node(out, args[2][1])
            return
        if name == 'for' and len(args) == 3:
            out.write('for (')
            _node(out, args[0][1])
            out.write(' in ')
            _node(out, args[1][1])
            out.write(') ')
            _node(out, args[2][1])
            return
        if name == 'while' and len(args) == 2:
            out.write('while (')
            _node(out, args[0][1])
            out.write(') ')
            _node(out, args[1][1])
            return
        if name == 'repeat' and len(args) == 1:
            out.write('repeat ')
            _node(out, args[0][1])
            return
        if name in ('break', 'next') and not args:
            out.write(name)
            return
    if name in ('[', '[[') and args:
        _node(out, args[0][1])
        out.write(name)
        _args(out, args[1:])
        out.write(']' if name == '[' else ']]')
        return
    if name is not None:
        out.write(quote_name(name))
    else:
        _node(out, fn)
    out.write('(')
    _args(out, args)
    out.write(')')


def deparse_lines(node):
    out = _Out()
    _node(out, node)
    return out.finish()


def deparse(node):
    """`deparse(call)[1L]`, what `as.character` of an error shows."""
    return deparse_lines(node)[0]


def deparse_function(node):
    """A closure printed without its source (R runs Livy's code with keep.source = FALSE)."""
    out = _Out()
    out.write('function (')
    _params(out, node.args)
    out.write(') ')
    out.newline()
    _node(out, node.src)
    return '\n'.join(out.finish())

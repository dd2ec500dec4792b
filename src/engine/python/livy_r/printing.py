"""R's print formats: numbers to 7 significant digits with a common format per vector, `[i]`
index prefixes wrapping at width 80, named vectors, lists, data frames.

`format_real` follows R's formatReal: each number's significant digits decide the digits right
of the point; fixed notation wins unless scientific is narrower.
"""

import datetime
import math

from .values import NULL, Closure, Builtin, DataFrame, JObj, RList, RVec, SparkDataFrame

WIDTH = 80


def _scientific(r, digits):
    """(kpower, nsig, rounding_widens) of |x| = alpha * 10^kpower to `digits` digits."""
    text = '%.*e' % (digits - 1, r)
    mantissa, exponent = text.split('e')
    kpower = int(exponent)
    sig = mantissa.replace('.', '').rstrip('0')
    nsig = max(1, len(sig))
    rgt = max(0, min(22, digits - kpower))
    fuzz = 0.5 / 10 ** rgt
    widens = 0 < kpower <= 22 and r < 10 ** kpower - fuzz
    return kpower, nsig, widens


def format_real(values, digits=7):
    """(width, decimals, exponent_flag) for printing these doubles together."""
    neg = 0
    rgt = mxl = mxsl = mxns = None
    mnl = None
    naflag = nanflag = posinf = neginf = False
    for x in values:
        if x is None:
            naflag = True
            continue
        if math.isnan(x):
            nanflag = True
            continue
        if math.isinf(x):
            if x > 0:
                posinf = True
            else:
                neginf = True
            continue
        if x == 0:
            kpower, nsig, widens, neg_i = 0, 1, False, 0
        else:
            kpower, nsig, widens = _scientific(abs(x), digits)
            neg_i = 1 if x < 0 else 0
        left = kpower + 1
        if widens:
            left -= 1
        sleft = neg_i + (1 if left <= 0 else left)
        right = nsig - left
        if neg_i:
            neg = 1
        rgt = right if rgt is None else max(rgt, right)
        mxl = left if mxl is None else max(mxl, left)
        mnl = left if mnl is None else min(mnl, left)
        mxsl = sleft if mxsl is None else max(mxsl, sleft)
        mxns = nsig if mxns is None else max(mxns, nsig)
    if mxl is not None:
        if mxl < 0:
            mxsl = 1 + neg
        rgt = max(rgt, 0)
        wf = mxsl + rgt + (1 if rgt else 0)
        e = 2 if (mxl > 100 or mnl <= -99) else 1
        d = mxns - 1
        w = neg + (1 if d > 0 else 0) + d + 4 + e
        if wf <= w:
            e, d, w = 0, rgt, wf
    else:
        w = d = e = 0
    if naflag:
        w = max(w, 2)
    if nanflag or posinf:
        w = max(w, 3)
    if neginf:
        w = max(w, 4)
    return w, d, e


def encode_real(x, w, d, e):
    if x is None:
        s = 'NA'
    elif math.isnan(x):
        s = 'NaN'
    elif math.isinf(x):
        s = 'Inf' if x > 0 else '-Inf'
    else:
        if x == 0:
            x = 0.0
        if e:
            s = '%.*e' % (d, x)
            mant, exp = s.split('e')
            # C writes at least two exponent digits, three when `e` asks for them.
            sign, digits_ = exp[0], exp[1:].lstrip('0') or '0'
            s = '%se%s%s' % (mant, sign, digits_.rjust(e + 1, '0'))
        else:
            s = '%.*f' % (d, x)
    return s.rjust(w)


def format_doubles(values, digits=7):
    w, d, e = format_real(values, digits)
    return [encode_real(x, w, d, e) for x in values]


def as_character_one(v, type_):
    """`as.character` of one element (15 significant digits for doubles, as R)."""
    if v is None:
        return None
    if type_ == 'logical':
        return 'TRUE' if v else 'FALSE'
    if type_ == 'integer':
        return str(v)
    if type_ == 'double':
        w, d, e = format_real([v], 15)
        return encode_real(v, 0, d, e)
    return v


def escape_string(s, quote='"'):
    out = []
    for ch in s:
        o = ord(ch)
        if ch == '\\':
            out.append('\\\\')
        elif ch == quote:
            out.append('\\' + quote)
        elif ch in '\n\t\r\a\b\f\v':
            out.append({'\n': '\\n', '\t': '\\t', '\r': '\\r', '\a': '\\a', '\b': '\\b',
                        '\f': '\\f', '\v': '\\v'}[ch])
        elif o < 32 or o == 127:
            out.append('\\%03o' % o)
        else:
            out.append(ch)
    return quote + ''.join(out) + quote


def _date_text(v):
    return v.isoformat()


def _datetime_format(values):
    present = [v for v in values if v is not None]
    if present and all(v.hour == 0 and v.minute == 0 and v.second == 0 for v in present):
        return '%Y-%m-%d'
    if present and all(v.second == 0 for v in present):
        return '%Y-%m-%d %H:%M'
    return '%Y-%m-%d %H:%M:%S'


def format_elements(vec, quote=True, na_string='NA'):
    """Each element as `print` shows it, not yet padded (strings quoted when `quote`)."""
    t = vec.type
    vals = vec.values
    cls = vec.cls or ()
    if 'Date' in cls:
        return [na_string if v is None else (escape_string(_date_text(v)) if quote else _date_text(v)) for v in vals]
    if 'POSIXct' in cls:
        fmt = _datetime_format(vals)
        return [na_string if v is None else (escape_string(v.strftime(fmt) + (' UTC' if quote else '')) if quote else v.strftime(fmt)) for v in vals]
    if t == 'double':
        return [s.strip() if False else s for s in format_doubles(vals)]
    if t == 'integer':
        return ['NA' if v is None else str(v) for v in vals]
    if t == 'logical':
        return ['NA' if v is None else ('TRUE' if v else 'FALSE') for v in vals]
    return [na_string if v is None else (escape_string(v) if quote else v) for v in vals]


def _type_empty(vec):
    if vec.cls and 'Date' in vec.cls:
        return 'Date of length 0'
    return {'double': 'numeric(0)', 'integer': 'integer(0)', 'logical': 'logical(0)',
            'character': 'character(0)'}[vec.type]


def print_vector(vec, quote=True):
    """`print(x)` for an atomic vector, with its final newline."""
    n = len(vec.values)
    if n == 0:
        if vec.names is not None:
            return 'named ' + _type_empty(vec) + '\n'
        return _type_empty(vec) + '\n'
    cells = format_elements(vec, quote)
    if vec.type == 'double' and not (vec.cls and ('Date' in vec.cls or 'POSIXct' in vec.cls)):
        width = max(len(c) for c in cells)
    else:
        width = max(len(c) for c in cells)
    # Strings are left-aligned (padded on the right), everything else right-aligned.
    left = vec.type == 'character' or bool(vec.cls and ('Date' in vec.cls or 'POSIXct' in vec.cls))
    if vec.names is not None:
        return _print_named(vec, cells, width, left)
    lab = len(str(n)) + 2
    out = []
    line = ('[1]').rjust(lab)
    used = lab
    for i, c in enumerate(cells):
        if i > 0 and used + width + 1 > WIDTH:
            out.append(line)
            line = ('[%d]' % (i + 1)).rjust(lab)
            used = lab
        line += ' ' + (c.ljust(width) if left else c.rjust(width))
        used += width + 1
    out.append(line)
    return '\n'.join(out) + '\n'


def _print_named(vec, cells, width, left):
    names = ['<NA>' if nm is None else nm for nm in vec.names]
    w = max(width, max(len(nm) for nm in names))
    per_line = max(1, WIDTH // (w + 1))
    lines = []
    for start in range(0, len(cells), per_line):
        chunk = range(start, min(len(cells), start + per_line))
        lines.append(''.join(names[k].rjust(w) + ' ' for k in chunk))
        lines.append(''.join(cells[k].rjust(w) + ' ' for k in chunk))
    return '\n'.join(lines) + '\n'


def format_column(vec):
    """A data frame column's cells as `format.data.frame` gives them (NA strings as <NA>)."""
    if isinstance(vec, RList):
        return [', '.join(c.strip() for c in format_elements(v, quote=False)) if isinstance(v, RVec) else 'NULL'
                for v in vec.values]
    cls = vec.cls or ()
    if vec.type == 'character' or 'Date' in cls or 'POSIXct' in cls:
        return format_elements(vec, quote=False, na_string='<NA>')
    return format_elements(vec, quote=False)


def print_data_frame(df):
    n = df.nrow()
    if not df.columns:
        return 'data frame with 0 columns and %d row%s\n' % (n, '' if n == 1 else 's')
    if n == 0:
        return print_vector(RVec('character', list(df.names)), quote=False) + '<0 rows> (or 0-length row.names)\n'
    rows = df.row_names if df.row_names is not None else [str(i + 1) for i in range(n)]
    rw = max(len(r) for r in rows)
    cols = []
    for name, col in zip(df.names, df.columns):
        cells = format_column(col)
        w = max([len(name)] + [len(c) for c in cells])
        cols.append((name, cells, w))
    blocks = []
    block = []
    used = rw
    for c in cols:
        if block and used + c[2] + 1 > WIDTH:
            blocks.append(block)
            block = []
            used = rw
        block.append(c)
        used += c[2] + 1
    blocks.append(block)
    out = []
    for block in blocks:
        out.append(' ' * rw + ''.join(' ' + name.rjust(w) for name, _, w in block))
        for i in range(n):
            out.append(rows[i].ljust(rw) + ''.join(' ' + cells[i].rjust(w) for _, cells, w in block))
    return '\n'.join(out) + '\n'


def print_list(lst, prefix=''):
    if not lst.values:
        return 'named list()\n' if lst.names is not None else 'list()\n'
    out = []
    for i, v in enumerate(lst.values):
        name = lst.names[i] if lst.names is not None else None
        tag = prefix + ('$%s' % name if name else '[[%d]]' % (i + 1))
        out.append(tag + '\n')
        if isinstance(v, RList) and not v.cls:
            out.append(print_list(v, tag))
        else:
            out.append(print_value(v))
        out.append('\n')
    return ''.join(out)


def print_value(x):
    """What R's auto-print (print / show) writes for a value."""
    if x is NULL:
        return 'NULL\n'
    if isinstance(x, RVec):
        if x.cls and 'json' in x.cls:
            return ' '.join(v for v in x.values) + ' \n'
        return print_vector(x)
    if isinstance(x, DataFrame):
        return print_data_frame(x)
    if isinstance(x, RList):
        return print_list(x)
    if isinstance(x, SparkDataFrame):
        fields = ', '.join('%s:%s' % (f.name, f.dataType.simpleString()) for f in x.ds.schema.fields)
        return 'SparkDataFrame[%s]\n' % fields
    if isinstance(x, JObj):
        return 'Java ref type %s id %s \n' % (x.class_name, x.id)
    if isinstance(x, Closure):
        from .deparse import deparse_function
        return deparse_function(x.node) + '\n'
    if isinstance(x, Builtin):
        if x.primitive:
            return 'function (%s)  .Primitive("%s")\n' % (', '.join(x.formals), x.name)
        return 'function (%s) \nNULL\n<environment: namespace:base>\n' % ', '.join(x.formals)
    return 'NULL\n'


def cat_text(vec):
    """The strings `cat` writes for a vector's elements (7 significant digits each)."""
    if vec.type == 'double' and not vec.cls:
        return [encode_real(v, 0, *format_real([v])[1:]) for v in vec.values]
    if vec.cls and 'Date' in vec.cls:
        # cat shows a Date's underlying number of days.
        epoch = datetime.date(1970, 1, 1)
        return ['NA' if v is None else str((v - epoch).days) for v in vec.values]
    return [c for c in format_elements(vec, quote=False)]

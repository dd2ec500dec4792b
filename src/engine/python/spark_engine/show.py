"""Dataset.showString: Spark's ASCII table (and vertical) rendering, byte for byte.

Cells use Spark's ToPrettyString text (NULL for nulls, also nested), widths count East Asian
wide characters as two columns like Spark's Utils.stringHalfWidth.
"""

from . import types as T
from .casts import value_to_string


def cell_text(v, dt):
    """Spark 3.5 show() text of one value (ToPrettyString)."""
    if v is None:
        return 'NULL'
    if isinstance(dt, T.BinaryType):
        return '[' + ' '.join('%02X' % b for b in bytes(v)) + ']'
    if isinstance(dt, (T.ArrayType, T.MapType, T.StructType)):
        return _nested(v, dt)
    return value_to_string(v, dt)


def _nested(v, dt):
    if v is None:
        return 'NULL'
    if isinstance(dt, T.ArrayType):
        return '[' + ', '.join(_nested(x, dt.elementType) for x in v) + ']'
    if isinstance(dt, T.MapType):
        return '{' + ', '.join('%s -> %s' % (_nested(k, dt.keyType), _nested(x, dt.valueType))
                               for k, x in v.items()) + '}'
    if isinstance(dt, T.StructType):
        return '{' + ', '.join(_nested(x, f.dataType) for x, f in zip(v, dt.fields)) + '}'
    if isinstance(dt, T.BinaryType):
        return '[' + ' '.join('%02X' % b for b in bytes(v)) + ']'
    return value_to_string(v, dt)


_FULL_WIDTH = ((0x1100, 0x115F), (0x2E80, 0xA4CF), (0xAC00, 0xD7A3), (0xF900, 0xFAFF),
               (0xFE10, 0xFE19), (0xFE30, 0xFE6F), (0xFF00, 0xFF60), (0xFFE0, 0xFFE6))

_META = (('\n', '\\n'), ('\r', '\\r'), ('\t', '\\t'), ('\f', '\\f'), ('\b', '\\b'),
         ('\u000b', '\\v'), ('\u0007', '\\a'))


def escape_meta(s):
    """SchemaUtils.escapeMetaCharacters: control characters shown escaped, not breaking rows."""
    for a, b in _META:
        if a in s:
            s = s.replace(a, b)
    return s


def half_width(s):
    """Utils.stringHalfWidth: UTF-16 length plus one per full-width character."""
    n = len(s.encode('utf-16-le')) // 2
    for ch in s:
        o = ord(ch)
        if o >= 0x1100:
            for lo, hi in _FULL_WIDTH:
                if lo <= o <= hi:
                    n += 1
                    break
    return n


def _pad_left(s, width):
    return ' ' * (width - half_width(s)) + s


def _pad_right(s, width):
    return s + ' ' * (width - half_width(s))


def show_string(names, types, rows, num_rows=20, truncate=20, vertical=False):
    """``rows``: up to num_rows + 1 internal tuples (one extra tells whether more exist).
    Returns Spark's showString text without its final newline."""
    if truncate is True:
        truncate = 20
    elif truncate is False or truncate is None:
        truncate = 0
    num_rows = max(int(num_rows), 0)
    has_more = len(rows) > num_rows
    data = rows[:num_rows]

    def trunc(s):
        if truncate > 0 and len(s) > truncate:
            if truncate < 4:
                return s[:truncate]
            return s[:truncate - 3] + '...'
        return s

    header = [escape_meta(n) for n in names]  # Spark never truncates the header
    body = [[trunc(escape_meta(cell_text(v, t))) for v, t in zip(r, types)] for r in data]
    out = []
    if not vertical:
        widths = [3] * len(names)
        for i, h in enumerate(header):
            widths[i] = max(widths[i], half_width(h))
        for r in body:
            for i, c in enumerate(r):
                widths[i] = max(widths[i], half_width(c))
        sep = '+' + '+'.join('-' * w for w in widths) + '+'
        pad = _pad_left if truncate > 0 else _pad_right
        out.append(sep)
        out.append('|' + '|'.join(pad(h, w) for h, w in zip(header, widths)) + '|')
        out.append(sep)
        for r in body:
            out.append('|' + '|'.join(pad(c, w) for c, w in zip(r, widths)) + '|')
        out.append(sep)
    else:
        name_w = max([3] + [half_width(h) for h in header])
        data_w = 3
        for r in body:
            if r:
                data_w = max(data_w, max(half_width(c) for c in r))
        for i, r in enumerate(body):
            head = '-RECORD %d' % i
            out.append(head + '-' * max(0, name_w + data_w + 5 - len(head)))
            for h, c in zip(header, r):
                out.append(' %s | %s ' % (_pad_right(h, name_w), _pad_right(c, data_w)))
        if not body:
            out.append('(0 rows)')
    if has_more and not (vertical and not body):
        out.append('only showing top %d %s' % (num_rows, 'row' if num_rows == 1 else 'rows'))
    return '\n'.join(out)

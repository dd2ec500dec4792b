"""JSON text as Livy's JVM side writes it (json4s/Jackson), not as Python's `json` does.

The difference that clients see: doubles print the way Java's `Double.toString` does (`2.0`,
`1.0E20`), non-ASCII stays as UTF-8, and integers stay integers. The worker hands this text to
the model, which embeds it verbatim, so no number loses its type on the way through JavaScript.
"""

import datetime
import decimal
import json
import math


def java_double(x):
    """Java's `Double.toString(x)`: `1.0`, `0.001`, `1.0E-4`, `1.0E7`, `NaN`, `Infinity`."""
    if math.isnan(x):
        return 'NaN'
    if math.isinf(x):
        return 'Infinity' if x > 0 else '-Infinity'
    sign = '-' if math.copysign(1.0, x) < 0 else ''
    if x == 0:
        return sign + '0.0'
    # repr gives the shortest digits that round-trip, as Java's algorithm does in practice.
    d = decimal.Decimal(repr(abs(x)))
    a = abs(x)
    if 1e-3 <= a < 1e7:
        text = format(d, 'f')
        if '.' not in text:
            text += '.0'
        return sign + text
    _, digits, exponent = d.normalize().as_tuple()
    digits = ''.join(map(str, digits))
    sci = len(digits) + exponent - 1
    return '%s%s.%sE%d' % (sign, digits[0], digits[1:] or '0', sci)


def _string(s):
    return json.dumps(s, ensure_ascii=False)


def render(value):
    """Renders a JSON-able Python value (bool, int, float, str, None, list, tuple, dict)."""
    out = []
    stack = [value]
    # Iterative, so a deep user value cannot exhaust the wasm stack.
    while stack:
        item = stack.pop()
        if isinstance(item, _Raw):
            out.append(item.text)
        elif item is None:
            out.append('null')
        elif item is True:
            out.append('true')
        elif item is False:
            out.append('false')
        elif isinstance(item, int):
            out.append(str(item))
        elif isinstance(item, float):
            s = java_double(item)
            out.append(s if s[0].isdigit() or s[0] == '-' and s[1:2].isdigit() else _string(s))
        elif isinstance(item, decimal.Decimal):
            out.append(java_double(float(item)))
        elif isinstance(item, str):
            out.append(_string(item))
        elif isinstance(item, (list, tuple)):
            parts = [_Raw('[')]
            for i, v in enumerate(item):
                if i:
                    parts.append(_Raw(','))
                parts.append(v)
            parts.append(_Raw(']'))
            stack.extend(reversed(parts))
        elif isinstance(item, dict):
            parts = [_Raw('{')]
            for i, (k, v) in enumerate(item.items()):
                if i:
                    parts.append(_Raw(','))
                parts.append(_Raw(_string(str(k)) + ':'))
                parts.append(v)
            parts.append(_Raw('}'))
            stack.extend(reversed(parts))
        elif isinstance(item, (datetime.date, datetime.datetime)):
            out.append(_string(str(item)))
        else:
            raise ValueError('cannot json-ify %r' % (item,))
    return ''.join(out)


class _Raw:
    __slots__ = ('text',)

    def __init__(self, text):
        self.text = text

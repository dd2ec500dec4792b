"""Livy's `%table`, `%json` and `%matplot` magics for Python sessions.

A failing magic does not fail the statement: Livy returns its error *reply* as the statement's
data (`{"msg_type": "execute_reply", "content": {...}}`) with status `ok`, which clients see.
"""

import base64
import datetime
import decimal
import io
import sys

from .tracebacks import format_error


def _reply_error(exc_type, exc_value):
    content = format_error(exc_type, exc_value, None)
    content['status'] = 'error'
    return {'msg_type': 'execute_reply', 'content': content}


def _lookup(g, name):
    try:
        return True, g[name]
    except KeyError:
        exc_type, exc_value, _ = sys.exc_info()
        return False, _reply_error(exc_type, exc_value)


def _convert(value):
    converter = _TYPES.get(type(value), _TYPES[str])
    return converter(value)


def _convert_seq(items):
    last = None
    out = []
    for item in items:
        item_type, item = _convert(item)
        if last is None:
            last = item_type
        elif last != item_type:
            raise ValueError('value has inconsistent types')
        out.append(item)
    return 'ARRAY_TYPE', out


def _convert_map(m):
    last_key = None
    last_value = None
    out = {}
    # Livy iterates the dict itself (its keys), which fails for non-pair keys as it does there.
    for key, value in m:
        key_type, key = _convert(key)
        value_type, value = _convert(value)
        if last_key is None:
            last_key = key_type
        elif last_value != value_type:
            raise ValueError('value has inconsistent types')
        if last_value is None:
            last_value = value_type
        elif last_value != value_type:
            raise ValueError('value has inconsistent types')
        out[key] = value
    return 'MAP_TYPE', out


_TYPES = {
    type(None): lambda x: ('NULL_TYPE', x),
    bool: lambda x: ('BOOLEAN_TYPE', x),
    int: lambda x: ('INT_TYPE', x),
    float: lambda x: ('DOUBLE_TYPE', x),
    str: lambda x: ('STRING_TYPE', str(x)),
    datetime.date: lambda x: ('DATE_TYPE', str(x)),
    datetime.datetime: lambda x: ('TIMESTAMP_TYPE', str(x)),
    decimal.Decimal: lambda x: ('DECIMAL_TYPE', str(x)),
    tuple: _convert_seq,
    list: _convert_seq,
    dict: _convert_map,
}


def table(g, name):
    found, value = _lookup(g, name)
    if not found:
        return value
    if not isinstance(value, (list, tuple)):
        value = [value]
    headers = {}
    data = []
    for row in value:
        cols = []
        data.append(cols)
        if row.__class__.__name__ == 'Row':
            row = row.asDict()
        if not isinstance(row, (list, tuple, dict)):
            row = [row]
        iterator = enumerate(row) if isinstance(row, (list, tuple)) else sorted(row.items())
        for col_name, col in iterator:
            col_type, col = _convert(col)
            header = headers.get(col_name)
            if header is None:
                headers[col_name] = {'name': str(col_name), 'type': col_type}
            elif col_type != 'NULL_TYPE' and header['type'] != col_type:
                if header['type'] == 'NULL_TYPE':
                    header['type'] = col_type
                else:
                    return _reply_error(Exception, 'table rows have different types')
            cols.append(col)
    return {
        'application/vnd.livy.table.v1+json': {
            'headers': [v for _, v in sorted(headers.items())],
            'data': data,
        }
    }


def json_magic(g, name):
    found, value = _lookup(g, name)
    if not found:
        return value
    return {'application/json': value}


def matplot(g, name):
    try:
        value = g[name]
        fig = value.gcf()
        buf = io.BytesIO()
        fig.savefig(buf, format='png')
        buf.seek(0)
        encoded = base64.b64encode(buf.getvalue()).decode()
    except BaseException:
        exc_type, exc_value, _ = sys.exc_info()
        return _reply_error(exc_type, exc_value)
    return {'image/png': encoded, 'text/plain': ''}


ROUTER = {'table': table, 'json': json_magic, 'matplot': matplot}

"""The worker's door into the REPL: one call per statement, answers as Livy's output JSON.

`execute_json` answers JSON text: the statement's output without `execution_count` (the model
adds it), with `data` itself as JSON text written the way the JVM writes it, so numbers keep
the types they would have had (`2.0` stays a double on its way through JavaScript).
"""

import json
import sys

from . import jsonout, sql_kind, vclock
from .session import LivySession

_sessions = {}

KEYBOARD_INTERRUPT = {
    'status': 'error',
    'ename': 'KeyboardInterrupt',
    'evalue': '',
    'traceback': ['Traceback (most recent call last):\n', 'KeyboardInterrupt\n'],
}


_catalogs = {}


def _shared_catalog(prefix):
    """One catalog of seeded tables per emulator (namespace prefix), shared by its sessions."""
    catalog = _catalogs.get(prefix)
    if catalog is None:
        from spark_engine import SharedCatalog

        catalog = _catalogs[prefix] = {'catalog': SharedCatalog(), 'names': []}
    return catalog


def _session(key, info):
    session = _sessions.get(key)
    if session is None:
        info = dict(info)
        info['sharedTables'] = _shared_catalog(key.split('/', 1)[0])['catalog']
        session = LivySession(info)
        _sessions[key] = session
    return session


def define_tables(prefix, tables_json):
    """Replaces the seeded tables of every session under `prefix` (the emulator's tables)."""
    entry = _shared_catalog(prefix)
    tables = entry['catalog'].databases.setdefault(
        'default', {'name': 'default', 'description': 'default database', 'tables': {}}
    )['tables']
    for name in entry['names']:
        tables.pop(name.lower(), None)
    entry['names'] = []
    for table in json.loads(tables_json):
        entry['catalog'].register_table('default', table['name'], _seeded_dataset(table))
        entry['names'].append(table['name'])


def _seeded_dataset(table):
    """A user's table as a Dataset: with a DDL schema, each value is cast to its column's type
    as Spark's `CAST` does (so `'31.5'` becomes a DECIMAL); without, types are inferred as
    `createDataFrame` infers them."""
    from spark_engine import SparkSessionState, parse_schema

    state = SparkSessionState(conf={})
    rows = table['rows']
    ddl = table.get('schema')
    if not ddl:
        return state.create_dataset([tuple(r) if isinstance(r, list) else r for r in rows])
    fields = parse_schema(ddl).fields
    names = [f.name for f in fields]

    def text(v):
        if v is None or isinstance(v, str):
            return v
        if isinstance(v, bool):
            return 'true' if v else 'false'
        return repr(v)

    as_text = []
    for r in rows:
        values = [r.get(n) for n in names] if isinstance(r, dict) else list(r)
        values = (values + [None] * len(names))[:len(names)]
        as_text.append(tuple(text(v) for v in values))
    strings = state.create_dataset(as_text, ', '.join('`%s` STRING' % n.replace('`', '``') for n in names))
    return strings.selectExpr(*[
        'CAST(`%s` AS %s) AS `%s`' % (n.replace('`', '``'), f.dataType.simpleString(), n.replace('`', '``'))
        for n, f in zip(names, fields)
    ])


def execute(key, kind, code, context):
    """Runs `code` on session `key`'s interpreter `kind` (`pyspark`, `sql`, `spark`, `sparkr`).

    Returns the output body (`{status, data}` or `{status, ename, evalue, traceback}`) and the
    virtual milliseconds the code slept.
    """
    vclock.begin(context.get('now', 0))
    info = context.get('info') or {}
    try:
        session = _session(key, info)
        if kind == 'pyspark':
            body = session.python.execute(code)
        elif kind == 'sql':
            body = sql_kind.execute(session.spark_state, code, int(context.get('maxRows', 1000)))
        elif kind == 'spark':
            body = session.scala.execute(code)
        elif kind == 'sparkr':
            body = session.r.execute(code)
        else:
            body = _internal('Unsupported interpreter kind: %s' % kind)
    except KeyboardInterrupt:
        body = dict(KEYBOARD_INTERRUPT)
    except BaseException as e:  # noqa: BLE001 - an emulator bug must not kill the interpreter
        body = _internal('%s: %s' % (type(e).__name__, e))
    return body, vclock.slept_ms()


def execute_json(key, kind, code, context_json):
    """`execute` for the worker: JSON in, JSON out, with `data` kept as JVM-style JSON text."""
    body, slept = execute(key, kind, code, json.loads(context_json))
    if body.get('status') == 'ok':
        try:
            payload = {'status': 'ok', 'data': jsonout.render(body.get('data', {}))}
        except ValueError:
            # Livy's shell answers an output it cannot serialise this way.
            payload = {
                'status': 'error',
                'ename': 'ValueError',
                'evalue': 'cannot json-ify %s' % (body,),
                'traceback': [],
            }
    else:
        payload = {
            'status': 'error',
            'ename': str(body.get('ename', '')),
            'evalue': str(body.get('evalue', '')),
            'traceback': [str(line) for line in body.get('traceback', [])],
        }
    payload['sleptMs'] = slept
    return json.dumps(payload, ensure_ascii=False)


def complete_json(key, kind, code, cursor, context_json):
    """Livy's completion: the Scala REPL's candidates; Python and SQL have none in Livy."""
    if kind != 'spark':
        return '[]'
    info = json.loads(context_json).get('info') or {}
    try:
        candidates = _session(key, info).scala.complete(code, int(cursor))
    except Exception:  # noqa: BLE001 - completion never fails a request
        candidates = []
    return json.dumps(candidates, ensure_ascii=False)


def drop(key):
    """Forgets a session's namespaces (deleted, or its driver restarted)."""
    _sessions.pop(key, None)


def _internal(message):
    return {'status': 'error', 'ename': 'InternalError', 'evalue': message, 'traceback': []}


def boot():
    """Once per interpreter: virtual time, and the heavy imports done before any statement."""
    vclock.install()
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 1000))
    for module in ('pyspark.livy_bootstrap', 'livy_scala', 'livy_r', 'py4j.protocol'):
        try:
            __import__(module)
        except Exception:  # noqa: BLE001 - the first statement reports it
            pass
    from .seal import seal

    seal()

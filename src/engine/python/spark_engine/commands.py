"""Eagerly executed SQL statements (Spark's RunnableCommands): SHOW, CREATE/DROP VIEW, DESCRIBE,
USE, SET, CREATE DATABASE, simple in-memory CREATE TABLE / INSERT. Each returns a Dataset over
its result rows with Spark's result schema."""

from . import types as T
from . import expressions as E
from . import plans as P
from .errors import AnalysisException
from .catalog import filter_pattern


def _result(session, cols, rows):
    from .dataset import Dataset
    attrs = [E.AttributeReference(n, t, nl) for n, t, nl in cols]
    return Dataset(session, P.LocalRelation(attrs, [tuple(r) for r in rows]))


def _s(name, nullable=False):
    return (name, T.StringType(), nullable)


def run_command(session, cmd, text):
    fn = globals().get('_cmd_' + cmd.kind)
    if fn is None:
        raise AnalysisException(None, {}, message='[UNSUPPORTED_FEATURE] The feature is not supported: %s.' % cmd.kind)
    return fn(session, cmd.args, text)


def _cmd_NoOp(session, a, text):
    return _result(session, [], [])


def _cmd_ShowNamespaces(session, a, text):
    names = sorted(session.shared_catalog.databases)
    if a.get('pattern'):
        names = filter_pattern(names, a['pattern'])
    return _result(session, [_s('namespace')], [(n,) for n in names])


def _cmd_ShowTables(session, a, text):
    db = a.get('db')
    dbn = db[-1] if db else None
    tables = session.catalog.list_tables(dbn, a.get('pattern'))
    rows = []
    for t in tables:
        ns = t.namespace[0] if t.namespace else ''
        rows.append((ns, t.name, t.isTemporary))
    return _result(session, [_s('namespace'), _s('tableName'), ('isTemporary', T.BooleanType(), False)], rows)


def _cmd_ShowViews(session, a, text):
    rows = [('', n, True) for n in sorted(session.catalog.temp_views)]
    if a.get('pattern'):
        keep = set(filter_pattern([r[1] for r in rows], a['pattern']))
        rows = [r for r in rows if r[1] in keep]
    return _result(session, [_s('namespace'), _s('viewName'), ('isTemporary', T.BooleanType(), False)], rows)


def _cmd_ShowCurrentNamespace(session, a, text):
    return _result(session, [_s('catalog'), _s('namespace')], [('spark_catalog', session.catalog.current_database())])


def _lookup(session, name, origin):
    rel = session.catalog.resolve_relation(name)
    if rel is None:
        line, pos = origin if origin else (None, None)
        raise AnalysisException('TABLE_OR_VIEW_NOT_FOUND', {
            'relationName': '.'.join(E.quote_ident(p) for p in name)}, line=line, pos=pos)
    return rel


def _cmd_ShowColumns(session, a, text):
    if session.catalog.resolve_relation(a['name']) is None:
        line, pos = a.get('origin') or (None, None)
        plan = _missing_relation_plan('ShowColumns [', 'SHOW COLUMNS', a['name'], ['col_name'])
        raise AnalysisException('TABLE_OR_VIEW_NOT_FOUND', {
            'relationName': '.'.join(E.quote_ident(p) for p in a['name'])}, line=line, pos=pos, plan=plan)
    rel = _lookup(session, a['name'], a.get('origin'))
    return _result(session, [_s('col_name')], [(x.name,) for x in rel.output])


def _missing_relation_plan(node, command, name, cols):
    """The plan Spark prints for a command over a missing table (ids are fresh attributes)."""
    attrs = ', '.join('%s#%d' % (c, E.new_expr_id()) for c in cols)
    return "'%s%s\n+- 'UnresolvedTableOrView [%s], %s, true\n" % (node, attrs + ']', ', '.join(name), command)


def _cmd_DescribeTable(session, a, text):
    if session.catalog.resolve_relation(a['name']) is None:
        line, pos = a.get('origin') or (None, None)
        plan = _missing_relation_plan('DescribeRelation %s, [' % ('true' if a.get('extended') else 'false'),
                                      'DESCRIBE TABLE', a['name'], ['col_name', 'data_type', 'comment'])
        raise AnalysisException('TABLE_OR_VIEW_NOT_FOUND', {
            'relationName': '.'.join(E.quote_ident(p) for p in a['name'])}, line=line, pos=pos, plan=plan)
    rel = _lookup(session, a['name'], a.get('origin'))
    rows = [(x.name, x.data_type.simpleString(), None) for x in rel.output]
    return _result(session, [_s('col_name'), _s('data_type'), _s('comment', True)], rows)


def _cmd_DescribeQuery(session, a, text):
    ds = session.analyzer().analyze(a['query'])
    rows = [(x.name, x.data_type.simpleString(), None) for x in ds.output]
    return _result(session, [_s('col_name'), _s('data_type'), _s('comment', True)], rows)


def _cmd_DescribeNamespace(session, a, text):
    name = a['name'][-1].lower()
    d = session.shared_catalog.databases.get(name)
    if d is None:
        raise AnalysisException('SCHEMA_NOT_FOUND', {'schemaName': E.quote_ident(name)})
    info = [x for x in session.catalog.list_databases() if x.name == name][0]
    rows = [('Catalog Name', 'spark_catalog'), ('Namespace Name', name),
            ('Comment', d['description']), ('Location', info.locationUri), ('Owner', 'livy')]
    return _result(session, [_s('info_name'), _s('info_value')], rows)


def _cmd_DescribeFunction(session, a, text):
    from .function_spec import lookup
    kind, spec = lookup(a['name'])
    if spec is None:
        raise AnalysisException('UNRESOLVED_ROUTINE', {
            'routineName': E.quote_ident(a['name']),
            'searchPath': '[`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`]'})
    rows = [('Function: %s' % a['name'].lower(),), ('Class: org.apache.spark.sql.catalyst.expressions.%s' % a['name'].capitalize(),),
            ('Usage: N/A.',)]
    return _result(session, [_s('function_desc')], rows)


def _cmd_CreateView(session, a, text):
    name = a['name']
    if a['temp'] or a['is_global']:
        if len(name) > 1 and not a['is_global']:
            raise AnalysisException('TEMP_VIEW_NAME_TOO_MANY_NAME_PARTS', {}, message=(
                '[TEMP_VIEW_NAME_TOO_MANY_NAME_PARTS] CREATE TEMPORARY VIEW or the corresponding '
                'Dataset APIs only accept single-part view names, but got: %s.' % '.'.join(name)))
        key = name[-1].lower()
        if key in session.catalog.temp_views and not a['replace']:
            if a['if_not_exists']:
                return _result(session, [], [])
            raise AnalysisException('TEMP_TABLE_OR_VIEW_ALREADY_EXISTS', {
                'relationName': E.quote_ident(key)})
        plan = session.analyzer().analyze(a['query'])
        if a.get('columns'):
            plan = P.Project([E.Alias(x, n).type_check(None) for x, n in zip(plan.output, a['columns'])], plan)
        if a['is_global']:
            session.catalog.create_global_temp_view(key, P.SqlViewPlan(plan), replace=True)
        else:
            session.catalog.create_temp_view(key, P.SqlViewPlan(plan), replace=True)
        return _result(session, [], [])
    db = name[-2].lower() if len(name) > 1 else session.catalog.current_database()
    tname = name[-1].lower()
    existing = session.shared_catalog.get_table(db, tname)
    if existing is not None and not a['replace']:
        if a['if_not_exists']:
            return _result(session, [], [])
        raise AnalysisException('TABLE_OR_VIEW_ALREADY_EXISTS', {}, message=(
            '[TABLE_OR_VIEW_ALREADY_EXISTS] Cannot create table or view `spark_catalog`.`%s`.`%s` '
            'because it already exists.\nChoose a different name, drop or replace the existing '
            'object, or add the IF NOT EXISTS clause to tolerate pre-existing objects.' % (db, tname)))
    plan = session.analyzer().analyze(a['query'])
    from .catalog import StoredTable
    session.shared_catalog.create_database(db, if_not_exists=True)
    session.shared_catalog.databases[db]['tables'][tname] = StoredTable(
        db, tname, plan.output, [], 'VIEW', view_plan=plan)
    return _result(session, [], [])


def _cmd_DropView(session, a, text):
    name = a['name']
    if len(name) == 1 and session.catalog.drop_temp_view(name[0]):
        return _result(session, [], [])
    db = name[-2].lower() if len(name) > 1 else session.catalog.current_database()
    t = session.shared_catalog.get_table(db, name[-1])
    if t is not None and t.table_type == 'VIEW':
        del session.shared_catalog.databases[db]['tables'][name[-1].lower()]
        return _result(session, [], [])
    if a['if_exists']:
        return _result(session, [], [])
    raise _no_such_table(session, name)


def _no_such_table(session, name):
    """DropTableCommand's NoSuchTableException names the table fully qualified."""
    from .errors import NoSuchTableException
    parts = list(name)
    if len(parts) == 1:
        parts = ['spark_catalog', session.catalog.current_database()] + parts
    elif len(parts) == 2:
        parts = ['spark_catalog'] + parts
    return NoSuchTableException('TABLE_OR_VIEW_NOT_FOUND', {
        'relationName': '.'.join(E.quote_ident(p) for p in parts)})


def _cmd_DropTable(session, a, text):
    name = a['name']
    if len(name) == 1 and session.catalog.drop_temp_view(name[0]):
        return _result(session, [], [])
    db = name[-2].lower() if len(name) > 1 else session.catalog.current_database()
    t = session.shared_catalog.get_table(db, name[-1])
    if t is not None:
        del session.shared_catalog.databases[db]['tables'][name[-1].lower()]
        return _result(session, [], [])
    if a['if_exists']:
        return _result(session, [], [])
    raise _no_such_table(session, name)


def _cmd_SetNamespace(session, a, text):
    session.catalog.set_current_database(a['name'][-1])
    return _result(session, [], [])


def _cmd_CreateNamespace(session, a, text):
    session.shared_catalog.create_database(a['name'][-1], a['if_not_exists'])
    return _result(session, [], [])


def _cmd_DropNamespace(session, a, text):
    session.shared_catalog.drop_database(a['name'][-1], a['if_exists'], a['cascade'])
    if session.catalog.current_db == a['name'][-1].lower():
        session.catalog.current_db = 'default'
    return _result(session, [], [])


def _cmd_Set(session, a, text):
    cols = [_s('key'), _s('value')]
    key, value = a.get('key'), a.get('value')
    if key is None:
        items = sorted(session.conf.explicit().items())
        return _result(session, cols, items)
    if value is None:
        try:
            v = session.conf.get(key)
        except Exception:
            v = '<undefined>'
        return _result(session, cols, [(key, v)])
    session.conf.set(key, value)
    return _result(session, cols, [(key, value)])


def _cmd_Reset(session, a, text):
    if a.get('key'):
        session.conf.unset(a['key'])
    else:
        for k in list(session.conf.explicit()):
            if k.startswith('spark.sql.'):
                session.conf.unset(k)
    return _result(session, [], [])


def _cmd_Explain(session, a, text):
    from .explain import explain
    q = a['plan']
    plan = session.analyzer().analyze(q) if not isinstance(q, P.Command) else q
    return _result(session, [_s('plan')], [(explain(plan, a.get('mode') == 'EXTENDED'),)])


def _cmd_ShowFunctions(session, a, text):
    from .function_spec import REGISTRY, AGGREGATES
    names = sorted(set(n for n in list(REGISTRY) + list(AGGREGATES) if n[0].isalpha()))
    return _result(session, [_s('function')], [(n,) for n in names])


def _cmd_ShowCreateTable(session, a, text):
    rel = _lookup(session, a['name'], a.get('origin'))
    cols = ',\n'.join('  %s %s' % (x.name, x.data_type.sql_name()) for x in rel.output)
    return _result(session, [_s('createtab_stmt')], [('CREATE TABLE %s (\n%s)\nUSING parquet\n' % ('.'.join(a['name']), cols),)])


def _cmd_CreateTable(session, a, text):
    name = a['name']
    db = name[-2].lower() if len(name) > 1 else session.catalog.current_database()
    tname = name[-1].lower()
    if session.shared_catalog.get_table(db, tname) is not None:
        if a['if_not_exists']:
            return _result(session, [], [])
        if not a['replace']:
            raise AnalysisException('TABLE_OR_VIEW_ALREADY_EXISTS', {}, message=(
                '[TABLE_OR_VIEW_ALREADY_EXISTS] Cannot create table or view `spark_catalog`.`%s`.`%s` '
                'because it already exists.\nChoose a different name, drop or replace the existing '
                'object, or add the IF NOT EXISTS clause to tolerate pre-existing objects.' % (db, tname)))
    if db not in session.shared_catalog.databases:
        raise AnalysisException('SCHEMA_NOT_FOUND', {'schemaName': E.quote_ident(db)})
    if a['query'] is not None:
        from .dataset import Dataset
        ds = Dataset(session, session.analyzer().analyze(a['query']))
        st = T.StructType([T.StructField(f.name, f.dataType, True) for f in ds.schema.fields])
        session.shared_catalog.register_table(db, tname, ds.rows(), st)
    else:
        session.shared_catalog.register_table(db, tname, [], a['schema'] or T.StructType([]))
    return _result(session, [], [])


def _cmd_InsertInto(session, a, text):
    from .dataset import Dataset
    name = a['name']
    db = name[-2].lower() if len(name) > 1 else session.catalog.current_database()
    t = session.shared_catalog.get_table(db, name[-1])
    if t is None or t.view_plan is not None:
        line, pos = a.get('origin') or (None, None)
        raise AnalysisException('TABLE_OR_VIEW_NOT_FOUND', {
            'relationName': '.'.join(E.quote_ident(p) for p in name)}, line=line, pos=pos)
    ds = Dataset(session, session.analyzer().analyze(a['query']))
    src = ds.plan.output
    if len(src) != len(t.attrs):
        raise AnalysisException('INSERT_COLUMN_ARITY_MISMATCH.NOT_ENOUGH_DATA_COLUMNS' if len(src) < len(t.attrs) else 'INSERT_COLUMN_ARITY_MISMATCH.TOO_MANY_DATA_COLUMNS', {}, message=(
            '[INSERT_COLUMN_ARITY_MISMATCH.%s] Cannot write to `spark_catalog`.`%s`.`%s`, the reason '
            'is %s data columns:\nTable columns: %s.\nData columns: %s.' % (
                'NOT_ENOUGH_DATA_COLUMNS' if len(src) < len(t.attrs) else 'TOO_MANY_DATA_COLUMNS',
                db, t.name, 'not enough' if len(src) < len(t.attrs) else 'too many',
                ', '.join(E.quote_ident(x.name) for x in t.attrs),
                ', '.join(E.quote_ident(x.name) for x in src))))
    casts = [E.Alias(E.implicit_cast(s, d.data_type) if s.data_type != d.data_type else s, d.name).type_check(None)
             for s, d in zip(src, t.attrs)]
    rows = Dataset(session, P.Project(casts, ds.plan)).rows()
    if a['overwrite']:
        t.rows = list(rows)
    else:
        t.rows = list(t.rows) + list(rows)
    return _result(session, [], [])

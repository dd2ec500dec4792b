"""Catalogs: the shared (cross-session) database/table store and a session's view of it plus
its temporary views. Names are case-insensitive and stored lower-case, as Spark's
SessionCatalog formats them.
"""

from collections import namedtuple

from . import types as T
from . import expressions as E
from . import plans as P
from .errors import AnalysisException

TableInfo = namedtuple('TableInfo', 'name catalog namespace description tableType isTemporary')
DatabaseInfo = namedtuple('DatabaseInfo', 'name catalog description locationUri')
ColumnInfo = namedtuple('ColumnInfo', 'name description dataType nullable isPartition isBucket')

WAREHOUSE = 'file:/opt/spark/work-dir/spark-warehouse'


class StoredTable:
    def __init__(self, db, name, attrs, rows, table_type='MANAGED', view_plan=None):
        self.db = db
        self.name = name
        self.attrs = attrs
        self.rows = rows
        self.table_type = table_type
        self.view_plan = view_plan

    @property
    def schema(self):
        return T.StructType([T.StructField(a.name, a.data_type, a.nullable) for a in self.attrs])


class SharedCatalog:
    """Databases and tables visible to every session of the server."""

    def __init__(self):
        self.databases = {'default': {'name': 'default', 'description': 'default database',
                                      'tables': {}}}
        self.global_temp = {}

    def create_database(self, name, if_not_exists=False, description=''):
        key = name.lower()
        if key in self.databases:
            if if_not_exists:
                return
            raise AnalysisException('SCHEMA_ALREADY_EXISTS', {'schemaName': E.quote_ident(key)})
        self.databases[key] = {'name': key, 'description': description, 'tables': {}}

    def drop_database(self, name, if_exists=False, cascade=False):
        key = name.lower()
        if key not in self.databases:
            if if_exists:
                return
            raise AnalysisException('SCHEMA_NOT_FOUND', {'schemaName': E.quote_ident(key)})
        if key == 'default':
            raise AnalysisException(None, {}, message='Can not drop default database')
        if self.databases[key]['tables'] and not cascade:
            raise AnalysisException('SCHEMA_NOT_EMPTY', {}, message=(
                '[SCHEMA_NOT_EMPTY] Cannot drop a schema %s because it contains objects.\nUse DROP '
                'SCHEMA ... CASCADE to drop the schema and all its objects.' % E.quote_ident(key)))
        del self.databases[key]

    def register_table(self, db, name, data, schema=None, table_type='MANAGED'):
        """Register rows (list of tuples, with ``schema`` StructType) or a Dataset as a table."""
        from .dataset import Dataset
        self.create_database(db, if_not_exists=True)
        if isinstance(data, Dataset):
            schema = data.schema
            rows = data.rows()
        else:
            rows = [tuple(r) for r in data]
        attrs = [E.AttributeReference(f.name, f.dataType, f.nullable) for f in schema.fields]
        self.databases[db.lower()]['tables'][name.lower()] = StoredTable(
            db.lower(), name.lower(), attrs, rows, table_type)

    def get_table(self, db, name):
        d = self.databases.get(db.lower())
        if d is None:
            return None
        return d['tables'].get(name.lower())


class Catalog:
    """One session's catalog: current database, temp views, and the shared store."""

    def __init__(self, shared):
        self.shared = shared
        self.current_db = 'default'
        self.temp_views = {}

    def current_database(self):
        return self.current_db

    def set_current_database(self, name):
        if isinstance(name, (list, tuple)):
            name = name[-1]
        if name.lower() not in self.shared.databases:
            raise AnalysisException('SCHEMA_NOT_FOUND', {'schemaName': E.quote_ident(name.lower())})
        self.current_db = name.lower()

    def database_exists(self, name):
        return name.lower() in self.shared.databases

    def list_databases(self, pattern=None):
        names = sorted(self.shared.databases)
        if pattern:
            names = filter_pattern(names, pattern)
        return [DatabaseInfo(n, 'spark_catalog', self.shared.databases[n]['description'],
                             WAREHOUSE if n == 'default' else '%s/%s.db' % (WAREHOUSE, n)) for n in names]

    def list_tables(self, db=None, pattern=None):
        dbn = (db or self.current_db).lower()
        if dbn == 'global_temp':
            gnames = sorted(self.shared.global_temp)
            vnames = sorted(self.temp_views)
            if pattern:
                gnames = filter_pattern(gnames, pattern)
                vnames = filter_pattern(vnames, pattern)
            return ([TableInfo(n, None, ['global_temp'], None, 'TEMPORARY', True) for n in gnames] +
                    [TableInfo(n, None, [], None, 'TEMPORARY', True) for n in vnames])
        if dbn not in self.shared.databases:
            raise AnalysisException('SCHEMA_NOT_FOUND', {'schemaName': E.quote_ident(dbn)})
        tables = self.shared.databases[dbn]['tables']
        tnames = sorted(tables)
        vnames = sorted(self.temp_views)
        if pattern:
            tnames = filter_pattern(tnames, pattern)
            vnames = filter_pattern(vnames, pattern)
        out = [TableInfo(n, 'spark_catalog', [dbn], None, tables[n].table_type, False) for n in tnames]
        out += [TableInfo(n, None, [], None, 'TEMPORARY', True) for n in vnames]
        return out

    def table_exists(self, name, db=None):
        parts = name if isinstance(name, (list, tuple)) else [name]
        if db:
            parts = [db] + list(parts)
        return self.resolve_relation(list(parts)) is not None

    def create_temp_view(self, name, plan_or_dataset, replace=True):
        plan = getattr(plan_or_dataset, 'plan', plan_or_dataset)
        key = name.lower()
        if key in self.temp_views and not replace:
            raise AnalysisException('TEMP_TABLE_OR_VIEW_ALREADY_EXISTS', {
                'relationName': E.quote_ident(key)})
        self.temp_views[key] = plan

    def drop_temp_view(self, name):
        return self.temp_views.pop(name.lower(), None) is not None

    # global temporary views live in the shared `global_temp` database
    def create_global_temp_view(self, name, plan_or_dataset, replace=True):
        plan = getattr(plan_or_dataset, 'plan', plan_or_dataset)
        key = name.lower()
        gt = self.shared.global_temp
        if key in gt and not replace:
            raise AnalysisException('TEMP_TABLE_OR_VIEW_ALREADY_EXISTS', {
                'relationName': '`global_temp`.%s' % E.quote_ident(key)})
        gt[key] = plan

    def drop_global_temp_view(self, name):
        return self.shared.global_temp.pop(name.lower(), None) is not None

    def function_exists(self, name, db=None):
        from .function_spec import lookup
        from .windows import is_window_function
        n = name.lower()
        return lookup(n)[1] is not None or is_window_function(n) or (
            getattr(self, 'session', None) is not None and n in self.session.udfs)

    def list_functions(self, db=None, pattern=None):
        """Function names (builtins and session UDFs), sorted."""
        from .function_spec import REGISTRY, AGGREGATES
        from .windows import WINDOW_ONLY
        names = set(n for n in list(REGISTRY) + list(AGGREGATES) + list(WINDOW_ONLY) if n[0].isalpha())
        if getattr(self, 'session', None) is not None:
            names.update(self.session.udfs)
        out = sorted(names)
        if pattern:
            out = filter_pattern(out, pattern)
        return out

    def list_columns(self, table, db=None):
        parts = table if isinstance(table, (list, tuple)) else table.split('.')
        if db:
            parts = [db] + list(parts)
        rel = self.resolve_relation(list(parts))
        if rel is None:
            raise AnalysisException('TABLE_OR_VIEW_NOT_FOUND', {
                'relationName': '.'.join(E.quote_ident(p) for p in parts)})
        return [ColumnInfo(a.name, None, a.data_type.simpleString(), a.nullable, False, False)
                for a in rel.output]

    def resolve_relation(self, parts):
        """The plan for a table reference, or None (the analyzer reports TABLE_OR_VIEW_NOT_FOUND)."""
        parts = list(parts)
        if len(parts) == 1:
            key = parts[0].lower()
            if key in self.temp_views:
                view = self.temp_views[key]
                if isinstance(view, P.SqlViewPlan):
                    view = view.instantiate()
                return P.SubqueryAlias(key, P.View('`%s`' % key, view))
            db, name = self.current_db, key
        elif len(parts) == 2 and parts[0].lower() == 'global_temp':
            key = parts[1].lower()
            if key in self.shared.global_temp:
                view = self.shared.global_temp[key]
                if isinstance(view, P.SqlViewPlan):
                    view = view.instantiate()
                return P.SubqueryAlias(key, P.View('`global_temp`.`%s`' % key, view), ['global_temp', key])
            return None
        elif len(parts) == 2:
            db, name = parts[0].lower(), parts[1].lower()
        elif len(parts) == 3 and parts[0].lower() == 'spark_catalog':
            db, name = parts[1].lower(), parts[2].lower()
        else:
            return None
        t = self.shared.get_table(db, name)
        if t is None:
            return None
        if t.view_plan is not None:
            return P.SubqueryAlias(name, P.View('`spark_catalog`.`%s`.`%s`' % (db, name), t.view_plan, False),
                                   ['spark_catalog', db, name])
        rel = P.LocalRelation(t.attrs, t.rows, label='Relation')
        rel.source = t  # rows are read at execution time (tables change under INSERT)
        rel.table_label = 'spark_catalog.%s.%s' % (db, name)
        return P.SubqueryAlias(name, rel, ['spark_catalog', db, name])


def filter_pattern(names, pattern):
    """Spark's StringUtils.filterPattern: '*' wildcard, '|' alternatives, case-insensitive."""
    import re
    out = set()
    for sub in pattern.strip().split('|'):
        try:
            rx = re.compile('(?i)' + sub.replace('*', '.*') + r'\Z')
        except re.error:
            continue
        for n in names:
            if rx.match(n):
                out.add(n)
    return sorted(out)

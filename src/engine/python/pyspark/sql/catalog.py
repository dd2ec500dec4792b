"""pyspark.sql.catalog: ``spark.catalog`` over the engine's per-session catalog."""

from collections import namedtuple

from pyspark._jvm import jcall, jmethod

__all__ = ['Catalog', 'CatalogMetadata', 'Database', 'Table', 'Column', 'Function']


class CatalogMetadata(namedtuple('CatalogMetadata', 'name description')):
    pass


class Database(namedtuple('Database', 'name catalog description locationUri')):
    pass


class Table(namedtuple('Table', 'name catalog namespace description tableType isTemporary')):
    @property
    def database(self):
        if self.namespace is not None:
            assert len(self.namespace) == 1
            return self.namespace[0]
        return None


class Column(namedtuple('Column', 'name description dataType nullable isPartition isBucket')):
    pass


class Function(namedtuple('Function', 'name catalog namespace description className isTemporary')):
    pass


for _c in (CatalogMetadata, Database, Table, Column, Function):
    _c.__module__ = 'pyspark.sql.catalog'


class Catalog:
    def __init__(self, sparkSession):
        self._sparkSession = sparkSession
        self._jsparkSession = sparkSession._jsparkSession
        self._jcatalog = sparkSession._jsparkSession.catalog

    def _call(self, site, fn, *args, **kwargs):
        return jcall(site, self._sparkSession, fn, *args, **kwargs)

    def currentCatalog(self):
        return 'spark_catalog'

    def setCurrentCatalog(self, catalogName):
        if catalogName != 'spark_catalog':
            self._jsparkSession.sql('USE CATALOG `%s`' % catalogName)

    def listCatalogs(self, pattern=None):
        return [CatalogMetadata(name='spark_catalog', description=None)]

    def currentDatabase(self):
        return self._jcatalog.current_database()

    def setCurrentDatabase(self, dbName):
        return self._call(('catalog.setCurrentDatabase',), self._jcatalog.set_current_database,
                          dbName, _jname='setCurrentDatabase')

    def listDatabases(self, pattern=None):
        out = []
        for d in self._jcatalog.list_databases():
            if pattern is not None and not _like(d.name, pattern):
                continue
            out.append(Database(name=d.name, catalog=getattr(d, 'catalog', 'spark_catalog'),
                                description=d.description, locationUri=d.locationUri))
        return out

    def getDatabase(self, dbName):
        for d in self.listDatabases():
            if d.name == dbName:
                return d
        # a missing schema: let the engine raise Spark's [SCHEMA_NOT_FOUND] (the only other
        # effect of this call, switching databases, cannot happen for a missing one)
        self._call(('catalog.getDatabase',), self._jcatalog.set_current_database, dbName,
                   _jname='getDatabase')
        raise ValueError(dbName)

    def databaseExists(self, dbName):
        return bool(self._jcatalog.database_exists(dbName))

    def listTables(self, dbName=None, pattern=None):
        if dbName is None:
            dbName = self.currentDatabase()
        site = ('catalog.listTables',) if pattern is None else ('catalog.listTables_pattern',)
        infos = self._call(site, self._jcatalog.list_tables, dbName, _jname='listTables')
        out = []
        for t in infos:
            if pattern is not None and not _like(t.name, pattern):
                continue
            out.append(Table(name=t.name, catalog=t.catalog,
                             namespace=list(t.namespace) if t.namespace is not None else None,
                             description=t.description, tableType=t.tableType,
                             isTemporary=t.isTemporary))
        return out

    def getTable(self, tableName):
        for t in self.listTables():
            if t.name == tableName:
                return t
        # let the engine raise Spark's error for a missing table
        self._call(('catalog.getTable',), self._jsparkSession.table, tableName, _jname='getTable')
        raise ValueError(tableName)

    def tableExists(self, tableName, dbName=None):
        if dbName is None:
            return bool(self._jcatalog.table_exists(tableName))
        return bool(self._jcatalog.table_exists(tableName, dbName))

    def listColumns(self, tableName, dbName=None):
        name = tableName if dbName is None else '%s.%s' % (dbName, tableName)
        site = ('catalog.listColumns',) if dbName is None else ('catalog.listColumns_db',)
        infos = self._call(site, self._jcatalog.list_columns, name, _jname='listColumns')
        return [Column(name=c.name, description=c.description, dataType=c.dataType,
                       nullable=c.nullable, isPartition=c.isPartition, isBucket=c.isBucket)
                for c in infos]

    def listFunctions(self, dbName=None, pattern=None):
        fn = jmethod(self._jcatalog, 'list_functions')
        if fn is None:
            return []
        return fn(dbName, pattern)

    def functionExists(self, functionName, dbName=None):
        fn = jmethod(self._jcatalog, 'function_exists')
        return bool(fn(functionName)) if fn is not None else False

    def dropTempView(self, viewName):
        return bool(self._jcatalog.drop_temp_view(viewName))

    def dropGlobalTempView(self, viewName):
        fn = jmethod(self._jcatalog, 'drop_global_temp_view')
        return bool(fn(viewName)) if fn is not None else False

    def registerFunction(self, name, f, returnType=None):
        return self._sparkSession.udf.register(name, f, returnType)

    def isCached(self, tableName):
        self._call(('catalog.isCached',), self._jsparkSession.table, tableName,
                   _jname='isCached')
        return tableName in self._sparkSession._cached_tables

    def cacheTable(self, tableName, storageLevel=None):
        self._call(('catalog.cacheTable',), self._jsparkSession.table, tableName,
                   _jname='cacheTable')
        self._sparkSession._cached_tables.add(tableName)

    def uncacheTable(self, tableName):
        self._call(('catalog.uncacheTable',), self._jsparkSession.table, tableName,
                   _jname='uncacheTable')
        self._sparkSession._cached_tables.discard(tableName)

    def clearCache(self):
        self._sparkSession._cached_tables.clear()

    def refreshTable(self, tableName):
        self._call(('catalog.refreshTable',), self._jsparkSession.table, tableName,
                   _jname='refreshTable')

    def recoverPartitions(self, tableName):
        pass

    def refreshByPath(self, path):
        pass


def _like(name, pattern):
    """Spark's catalog pattern: ``*`` any chars, ``|`` alternatives, case-insensitive."""
    import re
    alts = pattern.split('|')
    for a in alts:
        rx = '^' + '.*'.join(re.escape(p) for p in a.strip().split('*')) + '$'
        if re.match(rx, name, re.IGNORECASE):
            return True
    return False

"""Build-time helper (not imported at run time): regenerates ``pyspark/_frames.py``.

Usage (CPython 3.11, which formats the frames): ``python3 gen_frames.py SDIST_ROOT > ../_frames.py``
where SDIST_ROOT is an extracted ``pyspark-3.5.9`` source distribution (it holds ``pyspark/`` and
``lib/py4j-0.10.9.7-src.zip``). For each call site below (file, line, where the failing
expression starts) it prints the traceback entry CPython 3.11 shows for it, caret line included.
"""
import ast, sys, traceback, zipfile
ROOT = sys.argv[1].rstrip('/') + '/' if len(sys.argv) > 1 else './'
PREFIX = {'pyspark': '/opt/spark/python/pyspark-home/python/lib/pyspark.zip/',
          'py4j': '/opt/spark/python/pyspark-home/python/lib/py4j-0.10.9.7-src.zip/'}
_trees = {}


def _read(rel):
    if rel.startswith('py4j/'):
        with zipfile.ZipFile(ROOT + 'lib/py4j-0.10.9.7-src.zip') as z:
            return z.read(rel).decode('utf-8')
    with open(ROOT + rel) as f:
        return f.read()


def frame(rel, lineno, anchor, fname=None):
    top = rel.split('/')[0]
    path = rel
    lines = _read(rel).split('\n')
    if path not in _trees:
        _trees[path] = ast.parse('\n'.join(lines))
    tree = _trees[path]
    line = lines[lineno - 1]
    if anchor not in line:
        raise SystemExit('%s:%s %r not in %r' % (rel, lineno, anchor, line))
    col = line.index(anchor)
    func = None; node = None
    for n in ast.walk(tree):
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.lineno <= lineno <= n.end_lineno:
            if func is None or n.lineno > func.lineno:
                func = n
        if getattr(n, 'lineno', None) == lineno and getattr(n, 'col_offset', None) == col:
            if anchor.startswith('raise'):
                if isinstance(n, ast.Raise): node = n
            elif anchor.startswith('['):
                if isinstance(n, ast.ListComp): node = n
            elif isinstance(n, ast.Call):
                if node is None or (n.end_lineno, n.end_col_offset) > (node.end_lineno, node.end_col_offset):
                    node = n
    assert node is not None, (rel, lineno, anchor)
    fs = traceback.FrameSummary(PREFIX[top] + rel, lineno, fname or func.name, lookup_line=False, line=line + '\n',
                                end_lineno=node.end_lineno, colno=node.col_offset, end_colno=node.end_col_offset)
    return ''.join(traceback.StackSummary.from_list([fs]).format())

S = {
 'session.sql': ('pyspark/sql/session.py', 1631, 'self._jsparkSession.sql('),
 'session.table': ('pyspark/sql/session.py', 1667, 'self._jsparkSession.table('),
 'session.range1': ('pyspark/sql/session.py', 924, 'self._jsparkSession.range('),
 'session.range2': ('pyspark/sql/session.py', 926, 'self._jsparkSession.range('),
 'conf.get': ('pyspark/sql/conf.py', 54, 'self._jconf.get('),
 'conf.get_default': ('pyspark/sql/conf.py', 58, 'self._jconf.get('),
 'conf.set': ('pyspark/sql/conf.py', 43, 'self._jconf.set('),
 'conf.unset': ('pyspark/sql/conf.py', 63, 'self._jconf.unset('),
 'df.select': ('pyspark/sql/dataframe.py', 3228, 'self._jdf.select('),
 'df.selectExpr': ('pyspark/sql/dataframe.py', 3268, 'self._jdf.selectExpr('),
 'df.filter_str': ('pyspark/sql/dataframe.py', 3328, 'self._jdf.filter('),
 'df.filter_col': ('pyspark/sql/dataframe.py', 3330, 'self._jdf.filter('),
 'df.groupBy': ('pyspark/sql/dataframe.py', 3415, 'self._jdf.groupBy('),
 'df.rollup': ('pyspark/sql/dataframe.py', 3464, 'self._jdf.rollup('),
 'df.cube': ('pyspark/sql/dataframe.py', 3515, 'self._jdf.cube('),
 'df.agg': ('pyspark/sql/dataframe.py', 3702, 'self.groupBy().agg('),
 'df.sort': ('pyspark/sql/dataframe.py', 2741, 'self._jdf.sort('),
 'df.sortWithinPartitions': ('pyspark/sql/dataframe.py', 2647, 'self._jdf.sortWithinPartitions('),
 'df.withColumn': ('pyspark/sql/dataframe.py', 5175, 'self._jdf.withColumn('),
 'df.withColumns': ('pyspark/sql/dataframe.py', 5123, 'self._jdf.withColumns('),
 'df.withColumnRenamed': ('pyspark/sql/dataframe.py', 5209, 'self._jdf.withColumnRenamed('),
 'df.drop_col': ('pyspark/sql/dataframe.py', 5446, 'jdf.drop('),
 'df.drop_str': ('pyspark/sql/dataframe.py', 5448, 'jdf.drop('),
 'df.join0': ('pyspark/sql/dataframe.py', 2485, 'self._jdf.join('),
 'df.join': ('pyspark/sql/dataframe.py', 2492, 'self._jdf.join('),
 'df.crossJoin': ('pyspark/sql/dataframe.py', 2371, 'self._jdf.crossJoin('),
 'df.union': ('pyspark/sql/dataframe.py', 3928, 'self._jdf.union('),
 'df.unionByName': ('pyspark/sql/dataframe.py', 4042, 'self._jdf.unionByName('),
 'df.intersect': ('pyspark/sql/dataframe.py', 4081, 'self._jdf.intersect('),
 'df.exceptAll': ('pyspark/sql/dataframe.py', 782, 'self._jdf.exceptAll('),
 'df.distinct': ('pyspark/sql/dataframe.py', 1867, 'self._jdf.distinct('),
 'df.dropDuplicates0': ('pyspark/sql/dataframe.py', 4218, 'self._jdf.dropDuplicates('),
 'df.dropDuplicates': ('pyspark/sql/dataframe.py', 4220, 'self._jdf.dropDuplicates('),
 'df.limit': ('pyspark/sql/dataframe.py', 1336, 'self._jdf.limit('),
 'df.collect': ('pyspark/sql/dataframe.py', 1262, 'self._jdf.collectToPython('),
 'df.count': ('pyspark/sql/dataframe.py', 1239, 'self._jdf.count('),
 'df.take': ('pyspark/sql/dataframe.py', 1406, 'self.limit(num).collect('),
 'df.head1': ('pyspark/sql/dataframe.py', 2972, 'self.head(1)'),
 'df.headn': ('pyspark/sql/dataframe.py', 2974, 'self.take(n)'),
 'df.first': ('pyspark/sql/dataframe.py', 2996, 'self.head()'),
 'df.show': ('pyspark/sql/dataframe.py', 946, 'self._show_string('),
 'df._show_string_bool': ('pyspark/sql/dataframe.py', 964, 'self._jdf.showString('),
 'df._show_string_int': ('pyspark/sql/dataframe.py', 977, 'self._jdf.showString('),
 'df.getitem': ('pyspark/sql/dataframe.py', 3079, 'self._jdf.apply('),
 'df.getattr': ('pyspark/sql/dataframe.py', 3131, 'self._jdf.apply('),
 'df.getattr_raise': ('pyspark/sql/dataframe.py', 3128, 'raise'),
 'df.createOrReplaceTempView': ('pyspark/sql/dataframe.py', 406, 'self._jdf.createOrReplaceTempView('),
 'df.createTempView': ('pyspark/sql/dataframe.py', 370, 'self._jdf.createTempView('),
 'df.createGlobalTempView': ('pyspark/sql/dataframe.py', 445, 'self._jdf.createGlobalTempView('),
 'df.createOrReplaceGlobalTempView': ('pyspark/sql/dataframe.py', 480, 'self._jdf.createOrReplaceGlobalTempView('),
 'df.registerTempTable': ('pyspark/sql/dataframe.py', 330, 'self._jdf.createOrReplaceTempView('),
 'df.describe': ('pyspark/sql/dataframe.py', 2855, 'self._jdf.describe('),
 'df.summary': ('pyspark/sql/dataframe.py', 2928, 'self._jdf.summary('),
 'df.toDF': ('pyspark/sql/dataframe.py', 5491, 'self._jdf.toDF('),
 'df.sample': ('pyspark/sql/dataframe.py', 1970, 'self._jdf.sample('),
 'df.isEmpty': ('pyspark/sql/dataframe.py', 884, 'self._jdf.isEmpty('),
 'df.tail': ('pyspark/sql/dataframe.py', 1440, 'self._jdf.tailToPython('),
 'df.explain': ('pyspark/sql/dataframe.py', 743, 'print('),
 'df.toJSON': ('pyspark/sql/dataframe.py', 296, 'self._jdf.toJSON('),
 'group.agg_dict': ('pyspark/sql/group.py', 181, 'self._jgd.agg('),
 'group.agg': ('pyspark/sql/group.py', 186, 'self._jgd.agg('),
 'group._api0': ('pyspark/sql/group.py', 38, 'getattr(self._jgd, name)()'),
 'group._api': ('pyspark/sql/group.py', 49, 'getattr(self._jgd, name)('),
 'group.pivot': ('pyspark/sql/group.py', 521, 'self._jgd.pivot('),
 'group.pivot_values': ('pyspark/sql/group.py', 523, 'self._jgd.pivot('),
 'catalog.listTables': ('pyspark/sql/catalog.py', 361, 'self._jcatalog.listTables('),
 'catalog.listTables_pattern': ('pyspark/sql/catalog.py', 363, 'self._jcatalog.listTables('),
 'catalog.setCurrentDatabase': ('pyspark/sql/catalog.py', 191, 'self._jcatalog.setCurrentDatabase('),
 'catalog.getTable': ('pyspark/sql/catalog.py', 427, 'self._jcatalog.getTable('),
 'catalog.getDatabase': ('pyspark/sql/catalog.py', 266, 'self._jcatalog.getDatabase('),
 'catalog.listColumns': ('pyspark/sql/catalog.py', 648, 'self._jcatalog.listColumns('),
 'catalog.listColumns_db': ('pyspark/sql/catalog.py', 655, 'self._jcatalog.listColumns('),
 'catalog.cacheTable': ('pyspark/sql/catalog.py', 1044, 'self._jcatalog.cacheTable('),
 'catalog.uncacheTable': ('pyspark/sql/catalog.py', 1082, 'self._jcatalog.uncacheTable('),
 'catalog.isCached': ('pyspark/sql/catalog.py', 995, 'self._jcatalog.isCached('),
 'catalog.refreshTable': ('pyspark/sql/catalog.py', 1147, 'self._jcatalog.refreshTable('),
 'functions.wrapped': ('pyspark/sql/utils.py', 174, 'f(*args, **kwargs)'),
 'functions.expr': ('pyspark/sql/functions.py', 5054, '_invoke_function('),
 'functions._invoke_function': ('pyspark/sql/functions.py', 97, 'Column(jf(*args))'),
 'functions._invoke_function_inner': ('pyspark/sql/functions.py', 97, 'jf(*args)'),
 'pandas.toPandas': ('pyspark/sql/pandas/conversion.py', 86, 'require_minimum_pandas_version('),
 'pandas.require': ('pyspark/sql/pandas/utils.py', 34, 'raise'),
 'rdd.collect': ('pyspark/rdd.py', 1833, 'self.ctx._jvm.PythonRDD.collectAndServe('),
 'rdd.reduce': ('pyspark/rdd.py', 1924, 'self.mapPartitions(func).collect('),
 'rdd.fold': ('pyspark/rdd.py', 2044, 'self.mapPartitions(func).collect('),
 'rdd.aggregate': ('pyspark/rdd.py', 2105, 'self.mapPartitions(func).collect('),
 'rdd.sum': ('pyspark/rdd.py', 2291, 'self.mapPartitions(lambda x: [sum(x)]).fold('),
 'rdd.count': ('pyspark/rdd.py', 2316, 'self.mapPartitions(lambda i: [sum(1 for _ in i)]).sum('),
 'rdd.take': ('pyspark/rdd.py', 2855, 'self.context.runJob('),
 'rdd.first': ('pyspark/rdd.py', 2888, 'self.take(1)'),
 'context.runJob': ('pyspark/context.py', 2510, 'self._jvm.PythonRDD.runJob('),
 'context.sql': ('pyspark/sql/context.py', 560, 'self.sparkSession.sql('),
 'context.table': ('pyspark/sql/context.py', 578, 'self.sparkSession.table('),
 'column.cast_str': ('pyspark/sql/column.py', 1204, 'self._jc.cast('),
 'df.getitem_int': ('pyspark/sql/dataframe.py', 3086, 'self._jdf.apply('),
 'session.createDataFrame': ('pyspark/sql/session.py', 1443, 'self._create_dataframe('),
 'session._create_dataframe': ('pyspark/sql/session.py', 1485, 'self._createFromLocal('),
 'session._createFromLocal': ('pyspark/sql/session.py', 1093, 'self._inferSchemaFromList('),
 'session._inferSchemaFromList_empty': ('pyspark/sql/session.py', 948, 'raise'),
 'session._inferSchemaFromList_null': ('pyspark/sql/session.py', 969, 'raise'),
 'df._show_string_n': ('pyspark/sql/dataframe.py', 952, 'raise'),
 'df._show_string_vertical': ('pyspark/sql/dataframe.py', 958, 'raise'),
 'df._show_string_truncate': ('pyspark/sql/dataframe.py', 969, 'raise'),
 'column.contains_raise': ('pyspark/sql/column.py', 357, 'raise'),
 'column.iter_raise': ('pyspark/sql/column.py', 718, 'raise'),
 'column.bool_raise': ('pyspark/sql/column.py', 1400, 'raise'),
 'worker.main': ('pyspark/worker.py', 1247, 'process()'),
 'worker.process': ('pyspark/worker.py', 1239, 'serializer.dump_stream('),
 'serializers.dump_stream': ('pyspark/serializers.py', 274, 'list(itertools.islice('),
 'util.wrapper': ('pyspark/util.py', 83, 'f(*args, **kwargs)'),
 'context.setLogLevel': ('pyspark/context.py', 535, 'self._jsc.setLogLevel('),
 'df.select_jcols': ('pyspark/sql/dataframe.py', 3228, 'self._jcols('),
 'df.groupBy_jcols': ('pyspark/sql/dataframe.py', 3415, 'self._jcols('),
 'df._jcols': ('pyspark/sql/dataframe.py', 2765, 'self._jseq('),
 'df._jseq': ('pyspark/sql/dataframe.py', 2752, '_to_seq('),
 'column._to_seq': ('pyspark/sql/column.py', 88, '[converter(c)'),
 'column._to_seq_listcomp': ('pyspark/sql/column.py', 88, 'converter(c)', '<listcomp>'),
 'column._to_java_column_raise': ('pyspark/sql/column.py', 65, 'raise'),
 'df.offset': ('pyspark/sql/dataframe.py', 1374, 'self._jdf.offset('),
 'df.intersectAll': ('pyspark/sql/dataframe.py', 4118, 'self._jdf.intersectAll('),
 'df.subtract': ('pyspark/sql/dataframe.py', 4154, 'getattr(self._jdf, "except")('),
 'session._createFromLocal_list': ('pyspark/sql/session.py', 1090, 'list(data)'),
 'session.prepare_struct': ('pyspark/sql/session.py', 1459, 'verify_func(obj)'),
 'session.prepare_atomic': ('pyspark/sql/session.py', 1474, 'verify_func(obj)'),
 'types.verify': ('pyspark/sql/types.py', 2208, 'verify_value(obj)'),
 'types.verify_nullability_call': ('pyspark/sql/types.py', 2207, 'verify_nullability(obj)'),
 'types.verify_nullability_raise': ('pyspark/sql/types.py', 2010, 'raise'),
 'types.verify_acceptable_types_raise': ('pyspark/sql/types.py', 2027, 'raise'),
 'types.verify_byte': ('pyspark/sql/types.py', 2061, 'verify_acceptable_types(obj)'),
 'types.verify_byte_range': ('pyspark/sql/types.py', 2063, 'raise'),
 'types.verify_short': ('pyspark/sql/types.py', 2079, 'verify_acceptable_types(obj)'),
 'types.verify_short_range': ('pyspark/sql/types.py', 2081, 'raise'),
 'types.verify_integer': ('pyspark/sql/types.py', 2097, 'verify_acceptable_types(obj)'),
 'types.verify_integer_range': ('pyspark/sql/types.py', 2099, 'raise'),
 'types.verify_long': ('pyspark/sql/types.py', 2115, 'verify_acceptable_types(obj)'),
 'types.verify_long_range': ('pyspark/sql/types.py', 2117, 'raise'),
 'types.verify_array': ('pyspark/sql/types.py', 2136, 'verify_acceptable_types(obj)'),
 'types.verify_array_elem': ('pyspark/sql/types.py', 2138, 'element_verifier(i)'),
 'types.verify_map': ('pyspark/sql/types.py', 2150, 'verify_acceptable_types(obj)'),
 'types.verify_map_key': ('pyspark/sql/types.py', 2152, 'key_verifier(k)'),
 'types.verify_map_value': ('pyspark/sql/types.py', 2153, 'value_verifier(v)'),
 'types.verify_struct_dict': ('pyspark/sql/types.py', 2168, 'verifier(obj.get(f))'),
 'types.verify_struct_len_raise': ('pyspark/sql/types.py', 2171, 'raise'),
 'types.verify_struct_tuple': ('pyspark/sql/types.py', 2181, 'verifier(v)'),
 'types.verify_struct_obj': ('pyspark/sql/types.py', 2185, 'verifier(d.get(f))'),
 'types.verify_struct_type_raise': ('pyspark/sql/types.py', 2187, 'raise'),
 'types.verify_default': ('pyspark/sql/types.py', 2202, 'verify_acceptable_types(obj)'),
 'rdd.foreach': ('pyspark/rdd.py', 1766, 'self.mapPartitions(processPartition).count('),
 'rdd.foreachPartition': ('pyspark/rdd.py', 1801, 'self.mapPartitions(func).count('),
 'rdd.max': ('pyspark/rdd.py', 2227, 'self.reduce(max)'),
 'rdd.max_key': ('pyspark/rdd.py', 2228, 'self.reduce('),
 'rdd.min': ('pyspark/rdd.py', 2267, 'self.reduce(min)'),
 'rdd.min_key': ('pyspark/rdd.py', 2268, 'self.reduce('),
 'rdd.stats': ('pyspark/rdd.py', 2343, 'self.mapPartitions(lambda i: [StatCounter(i)]).reduce('),
 'rdd.mean': ('pyspark/rdd.py', 2523, 'self.stats()'),
 'rdd.countByValue': ('pyspark/rdd.py', 2662, 'self.mapPartitions(countPartition).reduce('),
 'rdd.top': ('pyspark/rdd.py', 2719, 'self.mapPartitions(topIterator).reduce('),
 'rdd.takeOrdered': ('pyspark/rdd.py', 2778, 'self.mapPartitions(lambda it: [heapq.nsmallest(num, it, key)]).reduce('),
 'rdd.isEmpty': ('pyspark/rdd.py', 2920, 'self.take(1)'),
 'rdd.collectAsMap': ('pyspark/rdd.py', 3457, 'self.collect()'),
 'rdd.countByKey': ('pyspark/rdd.py', 3624, 'self.map(lambda x: x[0]).countByValue('),
 'read.load': ('pyspark/sql/readwriter.py', 307, 'self._jreader.load('),
 'read.load_list': ('pyspark/sql/readwriter.py', 312, 'self._jreader.load('),
 'read.load_none': ('pyspark/sql/readwriter.py', 314, 'self._jreader.load('),
 'read.json': ('pyspark/sql/readwriter.py', 425, 'self._jreader.json('),
 'read.parquet': ('pyspark/sql/readwriter.py', 544, 'self._jreader.parquet('),
 'read.text': ('pyspark/sql/readwriter.py', 615, 'self._jreader.text('),
 'read.csv': ('pyspark/sql/readwriter.py', 740, 'self._jreader.csv('),
 'read.orc': ('pyspark/sql/readwriter.py', 828, 'self._jreader.orc('),
 'py4j.call': ('py4j/java_gateway.py', 1322, 'get_return_value('),
 'captured.deco_raise': ('pyspark/errors/exceptions/captured.py', 185, 'raise'),
 'captured.deco_call': ('pyspark/errors/exceptions/captured.py', 179, 'f(*a, **kw)'),
 'py4j.protocol_raise_error': ('py4j/protocol.py', 330, 'raise'),
 'py4j.protocol_raise': ('py4j/protocol.py', 326, 'raise'),
}
out = {}
for k, spec in S.items():
    out[k] = frame(*spec)
print('"""Formatted CPython 3.11 frames of pyspark 3.5.9 (+ py4j 0.10.9.7) call sites, as a Livy\nPySpark session prints them. Generated once from the behaviour of the released package; each\nvalue is one traceback entry (File line, source line, optional caret line)."""\n')
print('FRAMES = {')
for k in S:
    print('    %r: (\n%s\n    ),' % (k, '\n'.join('        %r' % l for l in out[k].splitlines(True))))
print('}')

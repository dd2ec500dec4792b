"""Formatted CPython 3.11 frames of pyspark 3.5.9 (+ py4j 0.10.9.7) call sites, as a Livy
PySpark session prints them. Generated once from the behaviour of the released package; each
value is one traceback entry (File line, source line, optional caret line)."""

FRAMES = {
    'session.sql': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/session.py", line 1631, in sql\n'
        '    return DataFrame(self._jsparkSession.sql(sqlQuery, litArgs), self)\n'
        '                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'session.table': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/session.py", line 1667, in table\n'
        '    return DataFrame(self._jsparkSession.table(tableName), self)\n'
        '                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'session.range1': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/session.py", line 924, in range\n'
        '    jdf = self._jsparkSession.range(0, int(start), int(step), int(numPartitions))\n'
        '          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'session.range2': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/session.py", line 926, in range\n'
        '    jdf = self._jsparkSession.range(int(start), int(end), int(step), int(numPartitions))\n'
        '          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'conf.get': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/conf.py", line 54, in get\n'
        '    return self._jconf.get(key)\n'
        '           ^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'conf.get_default': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/conf.py", line 58, in get\n'
        '    return self._jconf.get(key, default)\n'
        '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'conf.set': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/conf.py", line 43, in set\n'
        '    self._jconf.set(key, value)\n'
    ),
    'conf.unset': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/conf.py", line 63, in unset\n'
        '    self._jconf.unset(key)\n'
    ),
    'df.select': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 3228, in select\n'
        '    jdf = self._jdf.select(self._jcols(*cols))\n'
        '          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.selectExpr': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 3268, in selectExpr\n'
        '    jdf = self._jdf.selectExpr(self._jseq(expr))\n'
        '          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.filter_str': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 3328, in filter\n'
        '    jdf = self._jdf.filter(condition)\n'
        '          ^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.filter_col': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 3330, in filter\n'
        '    jdf = self._jdf.filter(condition._jc)\n'
        '          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.groupBy': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 3415, in groupBy\n'
        '    jgd = self._jdf.groupBy(self._jcols(*cols))\n'
        '          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.rollup': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 3464, in rollup\n'
        '    jgd = self._jdf.rollup(self._jcols(*cols))\n'
        '          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.cube': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 3515, in cube\n'
        '    jgd = self._jdf.cube(self._jcols(*cols))\n'
        '          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.agg': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 3702, in agg\n'
        '    return self.groupBy().agg(*exprs)  # type: ignore[arg-type]\n'
        '           ^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.sort': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 2741, in sort\n'
        '    jdf = self._jdf.sort(self._sort_cols(cols, kwargs))\n'
        '          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.sortWithinPartitions': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 2647, in sortWithinPartitions\n'
        '    jdf = self._jdf.sortWithinPartitions(self._sort_cols(cols, kwargs))\n'
        '          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.withColumn': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 5175, in withColumn\n'
        '    return DataFrame(self._jdf.withColumn(colName, col._jc), self.sparkSession)\n'
        '                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.withColumns': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 5123, in withColumns\n'
        '    self._jdf.withColumns(_to_seq(self._sc, col_names), self._jcols(*cols)),\n'
        '    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.withColumnRenamed': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 5209, in withColumnRenamed\n'
        '    return DataFrame(self._jdf.withColumnRenamed(existing, new), self.sparkSession)\n'
        '                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.drop_col': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 5446, in drop\n'
        '    jdf = jdf.drop(first_column, self._jseq(remaining_columns))\n'
        '          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.drop_str': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 5448, in drop\n'
        '    jdf = jdf.drop(self._jseq(column_names))\n'
        '          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.join0': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 2485, in join\n'
        '    jdf = self._jdf.join(other._jdf)\n'
        '          ^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.join': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 2492, in join\n'
        '    jdf = self._jdf.join(other._jdf, on, how)\n'
        '          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.crossJoin': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 2371, in crossJoin\n'
        '    jdf = self._jdf.crossJoin(other._jdf)\n'
        '          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.union': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 3928, in union\n'
        '    return DataFrame(self._jdf.union(other._jdf), self.sparkSession)\n'
        '                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.unionByName': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 4042, in unionByName\n'
        '    return DataFrame(self._jdf.unionByName(other._jdf, allowMissingColumns), self.sparkSession)\n'
        '                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.intersect': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 4081, in intersect\n'
        '    return DataFrame(self._jdf.intersect(other._jdf), self.sparkSession)\n'
        '                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.exceptAll': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 782, in exceptAll\n'
        '    return DataFrame(self._jdf.exceptAll(other._jdf), self.sparkSession)\n'
        '                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.distinct': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 1867, in distinct\n'
        '    return DataFrame(self._jdf.distinct(), self.sparkSession)\n'
        '                     ^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.dropDuplicates0': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 4218, in dropDuplicates\n'
        '    jdf = self._jdf.dropDuplicates()\n'
        '          ^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.dropDuplicates': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 4220, in dropDuplicates\n'
        '    jdf = self._jdf.dropDuplicates(self._jseq(subset))\n'
        '          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.limit': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 1336, in limit\n'
        '    jdf = self._jdf.limit(num)\n'
        '          ^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.collect': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 1262, in collect\n'
        '    sock_info = self._jdf.collectToPython()\n'
        '                ^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.count': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 1239, in count\n'
        '    return int(self._jdf.count())\n'
        '               ^^^^^^^^^^^^^^^^^\n'
    ),
    'df.take': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 1406, in take\n'
        '    return self.limit(num).collect()\n'
        '           ^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.head1': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 2972, in head\n'
        '    rs = self.head(1)\n'
        '         ^^^^^^^^^^^^\n'
    ),
    'df.headn': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 2974, in head\n'
        '    return self.take(n)\n'
        '           ^^^^^^^^^^^^\n'
    ),
    'df.first': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 2996, in first\n'
        '    return self.head()\n'
        '           ^^^^^^^^^^^\n'
    ),
    'df.show': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 946, in show\n'
        '    print(self._show_string(n, truncate, vertical))\n'
        '          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df._show_string_bool': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 964, in _show_string\n'
        '    return self._jdf.showString(n, 20, vertical)\n'
        '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df._show_string_int': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 977, in _show_string\n'
        '    return self._jdf.showString(n, int_truncate, vertical)\n'
        '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.getitem': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 3079, in __getitem__\n'
        '    jc = self._jdf.apply(item)\n'
        '         ^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.getattr': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 3131, in __getattr__\n'
        '    jc = self._jdf.apply(name)\n'
        '         ^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.getattr_raise': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 3128, in __getattr__\n'
        '    raise AttributeError(\n'
    ),
    'df.createOrReplaceTempView': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 406, in createOrReplaceTempView\n'
        '    self._jdf.createOrReplaceTempView(name)\n'
    ),
    'df.createTempView': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 370, in createTempView\n'
        '    self._jdf.createTempView(name)\n'
    ),
    'df.createGlobalTempView': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 445, in createGlobalTempView\n'
        '    self._jdf.createGlobalTempView(name)\n'
    ),
    'df.createOrReplaceGlobalTempView': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 480, in createOrReplaceGlobalTempView\n'
        '    self._jdf.createOrReplaceGlobalTempView(name)\n'
    ),
    'df.registerTempTable': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 330, in registerTempTable\n'
        '    self._jdf.createOrReplaceTempView(name)\n'
    ),
    'df.describe': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 2855, in describe\n'
        '    jdf = self._jdf.describe(self._jseq(cols))\n'
        '          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.summary': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 2928, in summary\n'
        '    jdf = self._jdf.summary(self._jseq(statistics))\n'
        '          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.toDF': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 5491, in toDF\n'
        '    jdf = self._jdf.toDF(self._jseq(cols))\n'
        '          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.sample': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 1970, in sample\n'
        '    jdf = self._jdf.sample(*args)\n'
        '          ^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.isEmpty': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 884, in isEmpty\n'
        '    return self._jdf.isEmpty()\n'
        '           ^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.tail': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 1440, in tail\n'
        '    sock_info = self._jdf.tailToPython(num)\n'
        '                ^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.explain': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 743, in explain\n'
        '    print(self._sc._jvm.PythonSQLUtils.explainString(self._jdf.queryExecution(), explain_mode))\n'
    ),
    'df.toJSON': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 296, in toJSON\n'
        '    rdd = self._jdf.toJSON()\n'
        '          ^^^^^^^^^^^^^^^^^^\n'
    ),
    'group.agg_dict': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/group.py", line 181, in agg\n'
        '    jdf = self._jgd.agg(exprs[0])\n'
        '          ^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'group.agg': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/group.py", line 186, in agg\n'
        '    jdf = self._jgd.agg(exprs[0]._jc, _to_seq(self.session._sc, [c._jc for c in exprs[1:]]))\n'
        '          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'group._api0': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/group.py", line 38, in _api\n'
        '    jdf = getattr(self._jgd, name)()\n'
        '          ^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'group._api': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/group.py", line 49, in _api\n'
        '    jdf = getattr(self._jgd, name)(_to_seq(self.session._sc, cols))\n'
        '          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'group.pivot': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/group.py", line 521, in pivot\n'
        '    jgd = self._jgd.pivot(pivot_col)\n'
        '          ^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'group.pivot_values': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/group.py", line 523, in pivot\n'
        '    jgd = self._jgd.pivot(pivot_col, values)\n'
        '          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'catalog.listTables': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/catalog.py", line 361, in listTables\n'
        '    iter = self._jcatalog.listTables(dbName).toLocalIterator()\n'
        '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'catalog.listTables_pattern': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/catalog.py", line 363, in listTables\n'
        '    iter = self._jcatalog.listTables(dbName, pattern).toLocalIterator()\n'
        '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'catalog.setCurrentDatabase': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/catalog.py", line 191, in setCurrentDatabase\n'
        '    return self._jcatalog.setCurrentDatabase(dbName)\n'
        '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'catalog.getTable': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/catalog.py", line 427, in getTable\n'
        '    jtable = self._jcatalog.getTable(tableName)\n'
        '             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'catalog.getDatabase': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/catalog.py", line 266, in getDatabase\n'
        '    jdb = self._jcatalog.getDatabase(dbName)\n'
        '          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'catalog.listColumns': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/catalog.py", line 648, in listColumns\n'
        '    iter = self._jcatalog.listColumns(tableName).toLocalIterator()\n'
        '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'catalog.listColumns_db': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/catalog.py", line 655, in listColumns\n'
        '    iter = self._jcatalog.listColumns(dbName, tableName).toLocalIterator()\n'
        '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'catalog.cacheTable': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/catalog.py", line 1044, in cacheTable\n'
        '    self._jcatalog.cacheTable(tableName)\n'
    ),
    'catalog.uncacheTable': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/catalog.py", line 1082, in uncacheTable\n'
        '    self._jcatalog.uncacheTable(tableName)\n'
    ),
    'catalog.isCached': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/catalog.py", line 995, in isCached\n'
        '    return self._jcatalog.isCached(tableName)\n'
        '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'catalog.refreshTable': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/catalog.py", line 1147, in refreshTable\n'
        '    self._jcatalog.refreshTable(tableName)\n'
    ),
    'functions.wrapped': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/utils.py", line 174, in wrapped\n'
        '    return f(*args, **kwargs)\n'
        '           ^^^^^^^^^^^^^^^^^^\n'
    ),
    'functions.expr': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/functions.py", line 5054, in expr\n'
        '    return _invoke_function("expr", str)\n'
        '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'functions._invoke_function': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/functions.py", line 97, in _invoke_function\n'
        '    return Column(jf(*args))\n'
        '           ^^^^^^^^^^^^^^^^^\n'
    ),
    'functions._invoke_function_inner': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/functions.py", line 97, in _invoke_function\n'
        '    return Column(jf(*args))\n'
        '                  ^^^^^^^^^\n'
    ),
    'pandas.toPandas': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/pandas/conversion.py", line 86, in toPandas\n'
        '    require_minimum_pandas_version()\n'
    ),
    'pandas.require': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/pandas/utils.py", line 34, in require_minimum_pandas_version\n'
        '    raise ImportError(\n'
    ),
    'rdd.collect': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/rdd.py", line 1833, in collect\n'
        '    sock_info = self.ctx._jvm.PythonRDD.collectAndServe(self._jrdd.rdd())\n'
        '                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'rdd.reduce': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/rdd.py", line 1924, in reduce\n'
        '    vals = self.mapPartitions(func).collect()\n'
        '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'rdd.fold': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/rdd.py", line 2044, in fold\n'
        '    vals = self.mapPartitions(func).collect()\n'
        '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'rdd.aggregate': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/rdd.py", line 2105, in aggregate\n'
        '    vals = self.mapPartitions(func).collect()\n'
        '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'rdd.sum': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/rdd.py", line 2291, in sum\n'
        '    return self.mapPartitions(lambda x: [sum(x)]).fold(  # type: ignore[return-value]\n'
        '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'rdd.count': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/rdd.py", line 2316, in count\n'
        '    return self.mapPartitions(lambda i: [sum(1 for _ in i)]).sum()\n'
        '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'rdd.take': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/rdd.py", line 2855, in take\n'
        '    res = self.context.runJob(self, takeUpToNumLeft, p)\n'
        '          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'rdd.first': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/rdd.py", line 2888, in first\n'
        '    rs = self.take(1)\n'
        '         ^^^^^^^^^^^^\n'
    ),
    'context.runJob': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/context.py", line 2510, in runJob\n'
        '    sock_info = self._jvm.PythonRDD.runJob(self._jsc.sc(), mappedRDD._jrdd, partitions)\n'
        '                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'context.sql': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/context.py", line 560, in sql\n'
        '    return self.sparkSession.sql(sqlQuery)\n'
        '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'context.table': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/context.py", line 578, in table\n'
        '    return self.sparkSession.table(tableName)\n'
        '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'column.cast_str': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/column.py", line 1204, in cast\n'
        '    jc = self._jc.cast(dataType)\n'
        '         ^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.getitem_int': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 3086, in __getitem__\n'
        '    jc = self._jdf.apply(self.columns[item])\n'
        '         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'session.createDataFrame': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/session.py", line 1443, in createDataFrame\n'
        '    return self._create_dataframe(\n'
        '           ^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'session._create_dataframe': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/session.py", line 1485, in _create_dataframe\n'
        '    rdd, struct = self._createFromLocal(map(prepare, data), schema)\n'
        '                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'session._createFromLocal': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/session.py", line 1093, in _createFromLocal\n'
        '    struct = self._inferSchemaFromList(data, names=schema)\n'
        '             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'session._inferSchemaFromList_empty': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/session.py", line 948, in _inferSchemaFromList\n'
        '    raise PySparkValueError(\n'
    ),
    'session._inferSchemaFromList_null': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/session.py", line 969, in _inferSchemaFromList\n'
        '    raise PySparkValueError(\n'
    ),
    'df._show_string_n': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 952, in _show_string\n'
        '    raise PySparkTypeError(\n'
    ),
    'df._show_string_vertical': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 958, in _show_string\n'
        '    raise PySparkTypeError(\n'
    ),
    'df._show_string_truncate': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 969, in _show_string\n'
        '    raise PySparkTypeError(\n'
    ),
    'column.contains_raise': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/column.py", line 357, in __contains__\n'
        '    raise PySparkValueError(\n'
    ),
    'column.iter_raise': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/column.py", line 718, in __iter__\n'
        '    raise PySparkTypeError(\n'
    ),
    'column.bool_raise': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/column.py", line 1400, in __nonzero__\n'
        '    raise PySparkValueError(\n'
    ),
    'worker.main': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/worker.py", line 1247, in main\n'
        '    process()\n'
    ),
    'worker.process': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/worker.py", line 1239, in process\n'
        '    serializer.dump_stream(out_iter, outfile)\n'
    ),
    'serializers.dump_stream': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/serializers.py", line 274, in dump_stream\n'
        '    vs = list(itertools.islice(iterator, batch))\n'
        '         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'util.wrapper': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/util.py", line 83, in wrapper\n'
        '    return f(*args, **kwargs)\n'
        '           ^^^^^^^^^^^^^^^^^^\n'
    ),
    'context.setLogLevel': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/context.py", line 535, in setLogLevel\n'
        '    self._jsc.setLogLevel(logLevel)\n'
    ),
    'df.select_jcols': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 3228, in select\n'
        '    jdf = self._jdf.select(self._jcols(*cols))\n'
        '                           ^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.groupBy_jcols': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 3415, in groupBy\n'
        '    jgd = self._jdf.groupBy(self._jcols(*cols))\n'
        '                            ^^^^^^^^^^^^^^^^^^\n'
    ),
    'df._jcols': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 2765, in _jcols\n'
        '    return self._jseq(cols, _to_java_column)\n'
        '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df._jseq': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 2752, in _jseq\n'
        '    return _to_seq(self.sparkSession._sc, cols, converter)\n'
        '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'column._to_seq': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/column.py", line 88, in _to_seq\n'
        '    cols = [converter(c) for c in cols]\n'
        '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'column._to_seq_listcomp': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/column.py", line 88, in <listcomp>\n'
        '    cols = [converter(c) for c in cols]\n'
        '            ^^^^^^^^^^^^\n'
    ),
    'column._to_java_column_raise': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/column.py", line 65, in _to_java_column\n'
        '    raise PySparkTypeError(\n'
    ),
    'df.offset': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 1374, in offset\n'
        '    jdf = self._jdf.offset(num)\n'
        '          ^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.intersectAll': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 4118, in intersectAll\n'
        '    return DataFrame(self._jdf.intersectAll(other._jdf), self.sparkSession)\n'
        '                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'df.subtract': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/dataframe.py", line 4154, in subtract\n'
        '    return DataFrame(getattr(self._jdf, "except")(other._jdf), self.sparkSession)\n'
        '                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'session._createFromLocal_list': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/session.py", line 1090, in _createFromLocal\n'
        '    data = list(data)\n'
        '           ^^^^^^^^^^\n'
    ),
    'session.prepare_struct': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/session.py", line 1459, in prepare\n'
        '    verify_func(obj)\n'
    ),
    'session.prepare_atomic': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/session.py", line 1474, in prepare\n'
        '    verify_func(obj)\n'
    ),
    'types.verify': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/types.py", line 2208, in verify\n'
        '    verify_value(obj)\n'
    ),
    'types.verify_nullability_call': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/types.py", line 2207, in verify\n'
        '    if not verify_nullability(obj):\n'
        '           ^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'types.verify_nullability_raise': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/types.py", line 2010, in verify_nullability\n'
        '    raise PySparkValueError(\n'
    ),
    'types.verify_acceptable_types_raise': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/types.py", line 2027, in verify_acceptable_types\n'
        '    raise PySparkTypeError(\n'
    ),
    'types.verify_byte': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/types.py", line 2061, in verify_byte\n'
        '    verify_acceptable_types(obj)\n'
    ),
    'types.verify_byte_range': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/types.py", line 2063, in verify_byte\n'
        '    raise PySparkValueError(\n'
    ),
    'types.verify_short': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/types.py", line 2079, in verify_short\n'
        '    verify_acceptable_types(obj)\n'
    ),
    'types.verify_short_range': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/types.py", line 2081, in verify_short\n'
        '    raise PySparkValueError(\n'
    ),
    'types.verify_integer': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/types.py", line 2097, in verify_integer\n'
        '    verify_acceptable_types(obj)\n'
    ),
    'types.verify_integer_range': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/types.py", line 2099, in verify_integer\n'
        '    raise PySparkValueError(\n'
    ),
    'types.verify_long': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/types.py", line 2115, in verify_long\n'
        '    verify_acceptable_types(obj)\n'
    ),
    'types.verify_long_range': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/types.py", line 2117, in verify_long\n'
        '    raise PySparkValueError(\n'
    ),
    'types.verify_array': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/types.py", line 2136, in verify_array\n'
        '    verify_acceptable_types(obj)\n'
    ),
    'types.verify_array_elem': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/types.py", line 2138, in verify_array\n'
        '    element_verifier(i)\n'
    ),
    'types.verify_map': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/types.py", line 2150, in verify_map\n'
        '    verify_acceptable_types(obj)\n'
    ),
    'types.verify_map_key': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/types.py", line 2152, in verify_map\n'
        '    key_verifier(k)\n'
    ),
    'types.verify_map_value': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/types.py", line 2153, in verify_map\n'
        '    value_verifier(v)\n'
    ),
    'types.verify_struct_dict': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/types.py", line 2168, in verify_struct\n'
        '    verifier(obj.get(f))\n'
    ),
    'types.verify_struct_len_raise': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/types.py", line 2171, in verify_struct\n'
        '    raise PySparkValueError(\n'
    ),
    'types.verify_struct_tuple': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/types.py", line 2181, in verify_struct\n'
        '    verifier(v)\n'
    ),
    'types.verify_struct_obj': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/types.py", line 2185, in verify_struct\n'
        '    verifier(d.get(f))\n'
    ),
    'types.verify_struct_type_raise': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/types.py", line 2187, in verify_struct\n'
        '    raise PySparkTypeError(\n'
    ),
    'types.verify_default': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/types.py", line 2202, in verify_default\n'
        '    verify_acceptable_types(obj)\n'
    ),
    'rdd.foreach': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/rdd.py", line 1766, in foreach\n'
        '    self.mapPartitions(processPartition).count()  # Force evaluation\n'
        '    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'rdd.foreachPartition': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/rdd.py", line 1801, in foreachPartition\n'
        '    self.mapPartitions(func).count()  # Force evaluation\n'
        '    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'rdd.max': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/rdd.py", line 2227, in max\n'
        '    return self.reduce(max)  # type: ignore[arg-type]\n'
        '           ^^^^^^^^^^^^^^^^\n'
    ),
    'rdd.max_key': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/rdd.py", line 2228, in max\n'
        '    return self.reduce(lambda a, b: max(a, b, key=key))  # type: ignore[arg-type]\n'
        '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'rdd.min': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/rdd.py", line 2267, in min\n'
        '    return self.reduce(min)  # type: ignore[arg-type]\n'
        '           ^^^^^^^^^^^^^^^^\n'
    ),
    'rdd.min_key': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/rdd.py", line 2268, in min\n'
        '    return self.reduce(lambda a, b: min(a, b, key=key))  # type: ignore[arg-type]\n'
        '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'rdd.stats': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/rdd.py", line 2343, in stats\n'
        '    return self.mapPartitions(lambda i: [StatCounter(i)]).reduce(  # type: ignore[arg-type]\n'
        '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'rdd.mean': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/rdd.py", line 2523, in mean\n'
        '    return self.stats().mean()\n'
        '           ^^^^^^^^^^^^^^^^^^^\n'
    ),
    'rdd.countByValue': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/rdd.py", line 2662, in countByValue\n'
        '    return self.mapPartitions(countPartition).reduce(mergeMaps)\n'
        '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'rdd.top': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/rdd.py", line 2719, in top\n'
        '    return self.mapPartitions(topIterator).reduce(merge)\n'
        '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'rdd.takeOrdered': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/rdd.py", line 2778, in takeOrdered\n'
        '    return self.mapPartitions(lambda it: [heapq.nsmallest(num, it, key)]).reduce(merge)\n'
        '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'rdd.isEmpty': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/rdd.py", line 2920, in isEmpty\n'
        '    return self.getNumPartitions() == 0 or len(self.take(1)) == 0\n'
        '                                               ^^^^^^^^^^^^\n'
    ),
    'rdd.collectAsMap': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/rdd.py", line 3457, in collectAsMap\n'
        '    return dict(self.collect())\n'
        '                ^^^^^^^^^^^^^^\n'
    ),
    'rdd.countByKey': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/rdd.py", line 3624, in countByKey\n'
        '    return self.map(lambda x: x[0]).countByValue()\n'
        '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'read.load': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/readwriter.py", line 307, in load\n'
        '    return self._df(self._jreader.load(path))\n'
        '                    ^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'read.load_list': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/readwriter.py", line 312, in load\n'
        '    return self._df(self._jreader.load(self._spark._sc._jvm.PythonUtils.toSeq(path)))\n'
        '                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'read.load_none': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/readwriter.py", line 314, in load\n'
        '    return self._df(self._jreader.load())\n'
        '                    ^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'read.json': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/readwriter.py", line 425, in json\n'
        '    return self._df(self._jreader.json(self._spark._sc._jvm.PythonUtils.toSeq(path)))\n'
        '                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'read.parquet': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/readwriter.py", line 544, in parquet\n'
        '    return self._df(self._jreader.parquet(_to_seq(self._spark._sc, paths)))\n'
        '                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'read.text': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/readwriter.py", line 615, in text\n'
        '    return self._df(self._jreader.text(self._spark._sc._jvm.PythonUtils.toSeq(paths)))\n'
        '                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'read.csv': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/readwriter.py", line 740, in csv\n'
        '    return self._df(self._jreader.csv(self._spark._sc._jvm.PythonUtils.toSeq(path)))\n'
        '                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'read.orc': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/sql/readwriter.py", line 828, in orc\n'
        '    return self._df(self._jreader.orc(_to_seq(self._spark._sc, path)))\n'
        '                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
    ),
    'py4j.call': (
        '  File "/opt/spark/python/pyspark-home/python/lib/py4j-0.10.9.7-src.zip/py4j/java_gateway.py", line 1322, in __call__\n'
        '    return_value = get_return_value(\n'
        '                   ^^^^^^^^^^^^^^^^^\n'
    ),
    'captured.deco_raise': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/errors/exceptions/captured.py", line 185, in deco\n'
        '    raise converted from None\n'
    ),
    'captured.deco_call': (
        '  File "/opt/spark/python/pyspark-home/python/lib/pyspark.zip/pyspark/errors/exceptions/captured.py", line 179, in deco\n'
        '    return f(*a, **kw)\n'
        '           ^^^^^^^^^^^\n'
    ),
    'py4j.protocol_raise_error': (
        '  File "/opt/spark/python/pyspark-home/python/lib/py4j-0.10.9.7-src.zip/py4j/protocol.py", line 330, in get_return_value\n'
        '    raise Py4JError(\n'
    ),
    'py4j.protocol_raise': (
        '  File "/opt/spark/python/pyspark-home/python/lib/py4j-0.10.9.7-src.zip/py4j/protocol.py", line 326, in get_return_value\n'
        '    raise Py4JJavaError(\n'
    ),
}

"""JVM stack frames for the errors we raise (``Throwable.getStackTrace`` strings, no ``at ``).

RECORDED: the table-not-found analysis path and the SQL parse path were recorded from Spark
3.5.9 (frames from the throw site up to ``SparkSession.sql(SparkSession.scala:744)``).
INFERRED: other analysis errors reuse the recorded checkAnalysis tail behind a head frame for
their throw site (line numbers of those heads are inferred, not recorded); Dataset-API
analysis ends in the Dataset method instead of ``SparkSession.sql``; runtime errors get a short
inferred executor path.
"""

_P = 'org.apache.spark.sql.'

# SparkSession.sql(String) entry (the one-argument overload, as Scala and Livy's SQL kind call it)
SQL_ENTRY = [
    _P + 'SparkSession.withActive(SparkSession.scala:900)',
    _P + 'SparkSession.sql(SparkSession.scala:682)',
    _P + 'SparkSession.sql(SparkSession.scala:713)',
    _P + 'SparkSession.sql(SparkSession.scala:744)',
]

# RECORDED: common part of every checkAnalysis failure, from foreachUp to Dataset.ofRows
_CHECK_ANALYSIS_TAIL = [
    _P + 'catalyst.trees.TreeNode.foreachUp(TreeNode.scala:244)',
    _P + 'catalyst.trees.TreeNode.$anonfun$foreachUp$1(TreeNode.scala:243)',
    _P + 'catalyst.trees.TreeNode.$anonfun$foreachUp$1$adapted(TreeNode.scala:243)',
    'scala.collection.Iterator.foreach(Iterator.scala:943)',
    'scala.collection.Iterator.foreach$(Iterator.scala:943)',
    'scala.collection.AbstractIterator.foreach(Iterator.scala:1431)',
    'scala.collection.IterableLike.foreach(IterableLike.scala:74)',
    'scala.collection.IterableLike.foreach$(IterableLike.scala:73)',
    'scala.collection.AbstractIterable.foreach(Iterable.scala:56)',
    _P + 'catalyst.trees.TreeNode.foreachUp(TreeNode.scala:243)',
    _P + 'catalyst.analysis.CheckAnalysis.checkAnalysis0(CheckAnalysis.scala:215)',
    _P + 'catalyst.analysis.CheckAnalysis.checkAnalysis0$(CheckAnalysis.scala:197)',
    _P + 'catalyst.analysis.Analyzer.checkAnalysis0(Analyzer.scala:202)',
    _P + 'catalyst.analysis.CheckAnalysis.checkAnalysis(CheckAnalysis.scala:193)',
    _P + 'catalyst.analysis.CheckAnalysis.checkAnalysis$(CheckAnalysis.scala:171)',
    _P + 'catalyst.analysis.Analyzer.checkAnalysis(Analyzer.scala:202)',
    _P + 'catalyst.analysis.Analyzer.$anonfun$executeAndCheck$1(Analyzer.scala:225)',
    _P + 'catalyst.plans.logical.AnalysisHelper$.markInAnalyzer(AnalysisHelper.scala:330)',
    _P + 'catalyst.analysis.Analyzer.executeAndCheck(Analyzer.scala:222)',
    _P + 'execution.QueryExecution.$anonfun$analyzed$1(QueryExecution.scala:77)',
    _P + 'catalyst.QueryPlanningTracker.measurePhase(QueryPlanningTracker.scala:138)',
    _P + 'execution.QueryExecution.$anonfun$executePhase$2(QueryExecution.scala:219)',
    _P + 'execution.QueryExecution$.withInternalError(QueryExecution.scala:546)',
    _P + 'execution.QueryExecution.$anonfun$executePhase$1(QueryExecution.scala:219)',
    _P + 'SparkSession.withActive(SparkSession.scala:900)',
    _P + 'execution.QueryExecution.executePhase(QueryExecution.scala:218)',
    _P + 'execution.QueryExecution.analyzed$lzycompute(QueryExecution.scala:77)',
    _P + 'execution.QueryExecution.analyzed(QueryExecution.scala:74)',
    _P + 'execution.QueryExecution.assertAnalyzed(QueryExecution.scala:66)',
    _P + 'Dataset$.$anonfun$ofRows$2(Dataset.scala:99)',
    _P + 'SparkSession.withActive(SparkSession.scala:900)',
    _P + 'Dataset$.ofRows(Dataset.scala:97)',
]

# RECORDED: SQL statement analysis (SparkSession.sql -> Dataset.ofRows)
_SQL_ANALYSIS_ENTRY = [_P + 'SparkSession.$anonfun$sql$4(SparkSession.scala:691)'] + SQL_ENTRY

# RECORDED (tableNotFound) / INFERRED (others): the throw-site heads
_HEADS = {
    'TABLE_OR_VIEW_NOT_FOUND': [
        _P + 'catalyst.analysis.package$AnalysisErrorAt.tableNotFound(package.scala:87)',
        _P + 'catalyst.analysis.CheckAnalysis.$anonfun$checkAnalysis0$2(CheckAnalysis.scala:235)',
        _P + 'catalyst.analysis.CheckAnalysis.$anonfun$checkAnalysis0$2$adapted(CheckAnalysis.scala:215)',
    ],
    'UNRESOLVED_COLUMN': [  # INFERRED
        _P + 'catalyst.analysis.package$AnalysisErrorAt.failAnalysis(package.scala:52)',
        _P + 'catalyst.analysis.CheckAnalysis.org$apache$spark$sql$catalyst$analysis$CheckAnalysis$$failUnresolvedAttribute(CheckAnalysis.scala:147)',
        _P + 'catalyst.analysis.CheckAnalysis.$anonfun$checkAnalysis0$7(CheckAnalysis.scala:268)',
        _P + 'catalyst.analysis.CheckAnalysis.$anonfun$checkAnalysis0$7$adapted(CheckAnalysis.scala:266)',
        _P + 'catalyst.trees.TreeNode.foreachUp(TreeNode.scala:244)',
        _P + 'catalyst.trees.TreeNode.$anonfun$foreachUp$1(TreeNode.scala:243)',
        _P + 'catalyst.trees.TreeNode.$anonfun$foreachUp$1$adapted(TreeNode.scala:243)',
        'scala.collection.Iterator.foreach(Iterator.scala:943)',
        'scala.collection.Iterator.foreach$(Iterator.scala:943)',
        'scala.collection.AbstractIterator.foreach(Iterator.scala:1431)',
        'scala.collection.IterableLike.foreach(IterableLike.scala:74)',
        'scala.collection.IterableLike.foreach$(IterableLike.scala:73)',
        'scala.collection.AbstractIterable.foreach(Iterable.scala:56)',
        _P + 'catalyst.trees.TreeNode.foreachUp(TreeNode.scala:243)',
        _P + 'catalyst.analysis.CheckAnalysis.$anonfun$checkAnalysis0$6(CheckAnalysis.scala:266)',
        _P + 'catalyst.analysis.CheckAnalysis.$anonfun$checkAnalysis0$6$adapted(CheckAnalysis.scala:266)',
        'scala.collection.immutable.Stream.foreach(Stream.scala:533)',
        _P + 'catalyst.analysis.CheckAnalysis.$anonfun$checkAnalysis0$2(CheckAnalysis.scala:266)',
        _P + 'catalyst.analysis.CheckAnalysis.$anonfun$checkAnalysis0$2$adapted(CheckAnalysis.scala:215)',
    ],
    'UNRESOLVED_ROUTINE': [  # INFERRED (thrown by the analyzer rule, not checkAnalysis)
        _P + 'errors.QueryCompilationErrors$.unresolvedRoutineError(QueryCompilationErrors.scala:740)',
        _P + 'catalyst.analysis.Analyzer$LookupFunctions$.$anonfun$apply$40(Analyzer.scala:2179)',
    ],
    'DEFAULT': [  # INFERRED
        _P + 'catalyst.analysis.package$AnalysisErrorAt.failAnalysis(package.scala:52)',
        _P + 'catalyst.analysis.CheckAnalysis.$anonfun$checkAnalysis0$2(CheckAnalysis.scala:260)',
        _P + 'catalyst.analysis.CheckAnalysis.$anonfun$checkAnalysis0$2$adapted(CheckAnalysis.scala:215)',
    ],
}

# RECORDED: parse path
_PARSE = [
    _P + 'catalyst.parser.ParseException.withCommand(parsers.scala:257)',
    _P + 'catalyst.parser.AbstractParser.parse(parsers.scala:98)',
    _P + 'execution.SparkSqlParser.parse(SparkSqlParser.scala:54)',
    _P + 'catalyst.parser.AbstractSqlParser.parsePlan(AbstractSqlParser.scala:68)',
    _P + 'SparkSession.$anonfun$sql$5(SparkSession.scala:684)',
    _P + 'catalyst.QueryPlanningTracker.measurePhase(QueryPlanningTracker.scala:138)',
    _P + 'SparkSession.$anonfun$sql$4(SparkSession.scala:683)',
] + SQL_ENTRY

_OFROWS_PLAN = [
    _P + 'Dataset$.$anonfun$ofRows$1(Dataset.scala:92)',
    _P + 'SparkSession.withActive(SparkSession.scala:900)',
    _P + 'Dataset$.ofRows(Dataset.scala:89)',
]

# INFERRED: Dataset API entries (what replaces SparkSession.sql for df.select(...) etc.)
_DATASET_ENTRY = {
    'select': [_P + 'Dataset.withPlan(Dataset.scala:4378)', _P + 'Dataset.select(Dataset.scala:1541)'],
    'filter': [_P + 'Dataset.withTypedPlan(Dataset.scala:4369)', _P + 'Dataset.filter(Dataset.scala:1656)'],
    'sort': [_P + 'Dataset.withTypedPlan(Dataset.scala:4369)', _P + 'Dataset.sortInternal(Dataset.scala:4307)',
             _P + 'Dataset.sort(Dataset.scala:1391)'],
    'join': [_P + 'Dataset.withPlan(Dataset.scala:4378)', _P + 'Dataset.join(Dataset.scala:1129)'],
    'agg': [_P + 'RelationalGroupedDataset.toDF(RelationalGroupedDataset.scala:98)',
            _P + 'RelationalGroupedDataset.agg(RelationalGroupedDataset.scala:223)'],
    'union': [_P + 'Dataset.withSetOperator(Dataset.scala:4397)', _P + 'Dataset.union(Dataset.scala:2169)'],
    'table': [_P + 'SparkSession.table(SparkSession.scala:802)'],
    'col': [_P + 'Dataset.resolve(Dataset.scala:250)', _P + 'Dataset.col(Dataset.scala:1382)'],
    'default': [_P + 'Dataset.withPlan(Dataset.scala:4378)'],
}

# INFERRED: runtime failures while collecting
_EXECUTION = [
    _P + 'execution.SparkPlan.executeCollect(SparkPlan.scala:452)',
    _P + 'Dataset.collectFromPlan(Dataset.scala:4344)',
]


def for_analysis(exc):
    head_key = (exc.error_class or '').split('.')[0]
    head = _HEADS.get(head_key, _HEADS['DEFAULT'])
    if head_key == 'UNRESOLVED_COLUMN':
        body = head + _CHECK_ANALYSIS_TAIL[9:]
    elif head_key == 'UNRESOLVED_ROUTINE':
        body = head
    else:
        body = head + _CHECK_ANALYSIS_TAIL
    entry = getattr(exc, 'api_entry', None)
    if entry:
        # INFERRED: Dataset.ofRows(session, plan) overload, then the Dataset method
        return body[:-3] + _OFROWS_PLAN + _DATASET_ENTRY.get(entry, _DATASET_ENTRY['default'])
    return body + _SQL_ANALYSIS_ENTRY


def for_parse(exc):
    return list(_PARSE)


def generic(exc):
    return list(_EXECUTION)


def set_dataset_entry(exc, method):
    """Re-point an analysis error raised by a Dataset method (no SparkSession.sql frames)."""
    exc.api_entry = method
    if hasattr(exc, 'origin_kind'):
        exc.jvm_frames = for_analysis(exc)
    return exc

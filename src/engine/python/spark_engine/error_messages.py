"""Spark 3.5 error-class message templates (the subset the engine raises).

``render('A.B', params)`` composes ``[A.B] <A's text> <B's text>`` with ``<param>``
placeholders filled in, which is how Spark's ErrorClassesJsonReader builds messages.
"""

_TEMPLATES = {
    'TABLE_OR_VIEW_NOT_FOUND': (
        'The table or view <relationName> cannot be found. Verify the spelling and correctness of '
        'the schema and catalog.\nIf you did not qualify the name with a schema, verify the '
        'current_schema() output, or qualify the name with the correct schema and catalog.\nTo '
        'tolerate the error on drop use DROP VIEW IF EXISTS or DROP TABLE IF EXISTS.'),
    'UNRESOLVED_COLUMN': 'A column or function parameter with name <objectName> cannot be resolved.',
    'UNRESOLVED_COLUMN.WITH_SUGGESTION': 'Did you mean one of the following? [<proposal>].',
    'UNRESOLVED_COLUMN.WITHOUT_SUGGESTION': '',
    'UNRESOLVED_FIELD': 'A field with name <fieldName> cannot be resolved with the struct-type column <columnPath>.',
    'UNRESOLVED_FIELD.WITH_SUGGESTION': 'Did you mean one of the following? [<proposal>].',
    'UNRESOLVED_ROUTINE': 'Cannot resolve function <routineName> on search path <searchPath>.',
    'UNRESOLVED_USING_COLUMN_FOR_JOIN': (
        'USING column <colName> cannot be resolved on the <side> side of the join. The '
        '<side>-side columns: [<suggestion>].'),
    'PARSE_SYNTAX_ERROR': 'Syntax error at or near <error><hint>.',
    'PARSE_EMPTY_STATEMENT': 'Syntax error, unexpected empty statement.',
    'DIVIDE_BY_ZERO': (
        'Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead. '
        'If necessary set <config> to "false" to bypass this error.'),
    'CAST_INVALID_INPUT': (
        'The value <expression> of the type <sourceType> cannot be cast to <targetType> because it '
        'is malformed. Correct the value as per the syntax, or change its target type. Use '
        '`try_cast` to tolerate malformed input and return NULL instead. If necessary set '
        '<ansiConfig> to "false" to bypass this error.'),
    'ARITHMETIC_OVERFLOW': (
        '<message>.<alternative> If necessary set <config> to "false" to bypass this error.'),
    'DATATYPE_MISMATCH': 'Cannot resolve <sqlExpr> due to data type mismatch:',
    'DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES': (
        'the left and right operands of the binary operator have incompatible types '
        '(<left> and <right>).'),
    'DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE': (
        'the binary operator requires the input type <inputType>, not <actualDataType>.'),
    'DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE': (
        'Parameter <paramIndex> requires the <requiredType> type, however <inputSql> has the '
        'type <inputType>.'),
    'DATATYPE_MISMATCH.DATA_DIFF_TYPES': (
        'Input to <functionName> should all be the same type, but it\'s <dataType>.'),
    'DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION': 'cannot cast <srcType> to <targetType>.',
    'DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN': (
        'Filter expression <filter> of type <type> is not a boolean.'),
    'DATATYPE_MISMATCH.WRONG_NUM_ARGS': '',
    'MISSING_AGGREGATION': (
        'The non-aggregating expression <expression> is based on columns which are not '
        'participating in the GROUP BY clause.\nAdd the columns or the expression to the GROUP '
        'BY, aggregate the expression, or use <expressionAnyValue> if you do not care which of '
        'the values within a group is returned.'),
    'MISSING_GROUP_BY': (
        'The query does not include a GROUP BY clause. Add GROUP BY or turn it into the window '
        'functions using OVER clauses.'),
    'GROUP_BY_AGGREGATE': (
        'Aggregate functions are not allowed in GROUP BY, but found <sqlExpr>.'),
    'NESTED_AGGREGATE_FUNCTION': (
        'It is not allowed to use an aggregate function in the argument of another aggregate '
        'function. Please use the inner aggregate function in a sub-query.'),
    'WRONG_NUM_ARGS': 'The <functionName> requires <expectedNum> parameters but the actual number is <actualNum>.',
    'WRONG_NUM_ARGS.WITHOUT_SUGGESTION': "Please, refer to '<docroot>/sql-ref-functions.html' for a fix.",
    'TEMP_TABLE_OR_VIEW_ALREADY_EXISTS': (
        'Cannot create the temporary view <relationName> because it already exists.\nChoose a '
        'different name, drop or replace the existing view,  or add the IF NOT EXISTS clause to '
        'tolerate pre-existing views.'),
    'SCHEMA_NOT_FOUND': (
        'The schema <schemaName> cannot be found. Verify the spelling and correctness of the '
        'schema and catalog.\nIf you did not qualify the name with a catalog, verify the '
        'current_schema() output, or qualify the name with the correct catalog.\nTo tolerate '
        'the error on drop use DROP SCHEMA IF EXISTS.'),
    'SCHEMA_ALREADY_EXISTS': (
        'Cannot create schema <schemaName> because it already exists.\nChoose a different name, '
        'drop the existing schema, or add the IF NOT EXISTS clause to tolerate pre-existing schema.'),
    'AMBIGUOUS_REFERENCE': 'Reference <name> is ambiguous, could be: <referenceNames>.',
    'NUM_COLUMNS_MISMATCH': (
        '<operator> can only be performed on inputs with the same number of columns, but the '
        'first input has <firstNumColumns> columns and the <invalidOrdinalNum> input has '
        '<invalidNumColumns> columns.'),
    'INCOMPATIBLE_COLUMN_TYPE': (
        '<operator> can only be performed on tables with compatible column types. The '
        '<columnOrdinalNumber> column of the <tableOrdinalNumber> table is <dataType1> type which '
        'is not compatible with <dataType2> at the same column of the first table.<hint>.'),
    'SQL_CONF_NOT_FOUND': 'The SQL config <sqlConf> cannot be found. Verify that the config exists.',
    'UNSUPPORTED_FEATURE': 'The feature is not supported:',
    'UNSUPPORTED_FEATURE.TABLE_OPERATION': (
        'Table <tableName> does not support <operation>. Please check the current catalog and '
        'namespace to make sure the qualified table name is expected, and also check the catalog '
        'implementation which is configured by "spark.sql.catalog".'),
    'INVALID_PARAMETER_VALUE': 'The value of parameter(s) <parameter> in <functionName> is invalid:',
    'EXPECT_TABLE_NOT_VIEW': "'<operation>' expects a table. Please use ALTER VIEW instead.",
    'WRONG_COMMAND_FOR_OBJECT_TYPE': (
        'The operation <operation> requires a <requiredType>. But <objectName> is a <foundType>. '
        'Use <alternative> instead.'),
    'COLUMN_ALREADY_EXISTS': 'The column <columnName> already exists. Consider to choose another name or rename the existing column.',
    'INVALID_IDENTIFIER': 'The identifier <ident> is invalid. Please, consider quoting it with back-quotes as `<ident>`.',
    'INVALID_TYPED_LITERAL': 'The value of the typed literal <valueType> is invalid: <value>.',
    'UNSUPPORTED_DATATYPE': 'Unsupported data type <typeName>.',
    'INVALID_ARRAY_INDEX': (
        'The index <indexValue> is out of bounds. The array has <arraySize> elements. Use the SQL '
        'function `get()` to tolerate accessing element at invalid index and return NULL instead. '
        'If necessary set <ansiConfig> to "false" to bypass this error.'),
    'CANNOT_DETERMINE_TYPE': 'Some of types cannot be determined after inferring.',
    'CANNOT_INFER_EMPTY_SCHEMA': 'Can not infer schema from empty dataset.',
    'UNEXPECTED_POSITIONAL_PARAMETER': '',
    'GROUP_BY_POS_OUT_OF_RANGE': (
        'GROUP BY position <index> is not in select list (valid range is [1, <size>]).'),
    'ORDER_BY_POS_OUT_OF_RANGE': (
        'ORDER BY position <index> is not in select list (valid range is [1, <size>]).'),
    'INVALID_SET_SYNTAX': (
        'Expected format is \'SET\', \'SET key\', or \'SET key=value\'. If you want to include '
        'special characters in key, or include semicolon in value, please use backquotes, e.g., '
        'SET `key`=`value`.'),
}


def render(error_class, params):
    """Compose Spark's ``[CLASS] message`` text from the templates and the parameters."""
    if error_class is None:
        return params.get('message', '') if params else ''
    parts = error_class.split('.')
    texts = []
    for i in range(len(parts)):
        key = '.'.join(parts[:i + 1])
        t = _TEMPLATES.get(key)
        if t:
            texts.append(t)
    body = ' '.join(texts)
    for k in sorted(params, key=len, reverse=True):
        body = body.replace('<%s>' % k, str(params[k]))
    return '[%s] %s' % (error_class, body)

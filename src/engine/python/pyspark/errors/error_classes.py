"""Message templates of the pyspark-side error classes this facade raises (pyspark 3.5 texts)."""

ERROR_CLASSES = {
    'CANNOT_DETERMINE_TYPE': 'Some of types cannot be determined after inferring.',
    'CANNOT_INFER_EMPTY_SCHEMA': 'Can not infer schema from empty dataset.',
    'CANNOT_INFER_SCHEMA_FOR_TYPE': 'Can not infer schema for type: `<data_type>`.',
    'CANNOT_ACCEPT_OBJECT_IN_TYPE': '`<data_type>` can not accept object `<obj_name>` in type '
                                    '`<obj_type>`.',
    'CANNOT_BE_NONE': 'Argument `<arg_name>` can not be None.',
    'VALUE_OUT_OF_BOUND': 'Value for `<arg_name>` must be greater than <lower_bound> or less than '
                          '<upper_bound>, got <actual>',
    'LENGTH_SHOULD_BE_THE_SAME': '<arg1> and <arg2> should be of the same length, got '
                                 '<arg1_length> and <arg2_length>.',
    'VALUE_NOT_PEARSON': "Value for `<arg_name>` only supports the 'pearson', got '<arg_value>'.",
    'CANNOT_MERGE_TYPE': 'Can not merge type `<data_type1>` and `<data_type2>`.',
    'NOT_BOOL': 'Argument `<arg_name>` should be a bool, got <arg_type>.',
    'NOT_COLUMN': 'Argument `<arg_name>` should be a Column, got <arg_type>.',
    'NOT_COLUMN_OR_STR': 'Argument `<arg_name>` should be a Column or str, got <arg_type>.',
    'NOT_COLUMN_OR_INT_OR_STR': 'Argument `<arg_name>` should be a Column, int or str, got <arg_type>.',
    'NOT_INT': 'Argument `<arg_name>` should be an int, got <arg_type>.',
    'NOT_STR': 'Argument `<arg_name>` should be a str, got <arg_type>.',
    'NOT_LIST_OR_TUPLE': 'Argument `<arg_name>` should be a list or tuple, got <arg_type>.',
    'NOT_COLUMN_OR_FLOAT_OR_INT_OR_LIST_OR_STR':
        'Argument `<arg_name>` should be a column, float, integer, list or string, got <arg_type>.',
    'SHOULD_NOT_DATAFRAME': 'Argument `<arg_name>` should not be a DataFrame.',
    'NOT_LIST_OR_NONE_OR_STRUCT':
        'Argument `<arg_name>` should be a list, None or StructType, got <arg_type>.',
    'UNSUPPORTED_DATA_TYPE': 'Unsupported DataType `<data_type>`.',
    'CANNOT_CONVERT_COLUMN_INTO_BOOL':
        'Cannot convert column into bool: please use \'&\' for \'and\', \'|\' for \'or\', '
        '\'~\' for \'not\' when building DataFrame boolean expressions.',
    'NOT_ITERABLE': '<objectName> is not iterable.',
    'DISALLOWED_TYPE_FOR_CONTAINER':
        'Argument `<arg_name>`(type: <arg_type>) should only contain a type in [<allowed_types>], '
        'got <return_type>',
    'VALUE_NOT_POSITIVE': 'Value for `<arg_name>` must be positive, got \'<arg_value>\'.',
    'ATTRIBUTE_NOT_SUPPORTED': 'Attribute `<attr_name>` is not supported.',
    'SESSION_ALREADY_EXIST': 'Cannot start a remote Spark session because there is a regular Spark session already running.',
    'INVALID_TYPE': 'Argument `<arg_name>` should not be a <data_type>.',
    'CANNOT_APPLY_IN_FOR_COLUMN': "Cannot apply 'in' operator against a column: please use "
                                  "'contains' in a string column or 'array_contains' function "
                                  "for an array column.",
    'SLICE_WITH_STEP': 'Slice with step is not supported.',
    'NOT_SAME_TYPE': 'Argument `<arg_name1>` and `<arg_name2>` should be the same type, got '
                     '<arg_type1> and <arg_type2>.',
    'NOT_DATATYPE_OR_STR': 'Argument `<arg_name>` should be a DataType or str, got <arg_type>.',
    'CANNOT_BE_EMPTY': 'At least one <item> must be specified.',
    'NOT_BOOL_OR_LIST': 'Argument `<arg_name>` should be a bool or list, got <arg_type>.',
    'NOT_DICT': 'Argument `<arg_name>` should be a dict, got <arg_type>.',
    'NOT_BOOL_OR_FLOAT_OR_INT': 'Argument `<arg_name>` should be a bool, float or str, got '
                                '<arg_type>.',
    'VALUE_NOT_ANY_OR_ALL': "Value for `<arg_name>` must be 'any' or 'all', got '<arg_value>'.",
    'NOT_BOOL_OR_DICT_OR_FLOAT_OR_INT_OR_STR': 'Argument `<arg_name>` should be a bool, dict, '
                                               'float, int or str, got <arg_type>.',
    'NO_ACTIVE_OR_DEFAULT_SESSION': 'No active or default Spark session found. Please create a '
                                    'new Spark session before running the code.',
}


def get_error_message(error_class, message_parameters):
    template = ERROR_CLASSES[error_class]
    out = template
    for k, v in message_parameters.items():
        out = out.replace('<%s>' % k, str(v))
    return out

"""pyspark.sql.group.GroupedData over the engine's grouped data (``_jgd``)."""

from pyspark.errors import PySparkTypeError
from pyspark.sql.column import Column
from pyspark._jvm import jcall, jmethod

__all__ = ['GroupedData']


class GroupedData:
    def __init__(self, jgd, df):
        self._jgd = jgd
        self._df = df
        self.session = df.sparkSession

    def __repr__(self):
        to_string = jmethod(self._jgd, 'toString')
        if to_string is not None:
            return to_string().replace('RelationalGroupedDataset', 'GroupedData')
        return object.__repr__(self)

    def _new_df(self, jdf):
        from pyspark.sql.dataframe import DataFrame
        return DataFrame(jdf, self.session)

    def _agg(self, exprs, outer=()):
        if not exprs:
            raise PySparkTypeError(error_class='CANNOT_BE_EMPTY',
                                   message_parameters={'item': 'exprs'})
        if len(exprs) == 1 and isinstance(exprs[0], dict):
            jdf = jcall(outer + ('group.agg_dict',), self.session, self._jgd.agg, exprs[0],
                        _jname='agg')
        else:
            for c in exprs:
                if not isinstance(c, Column):
                    raise PySparkTypeError(
                        error_class='NOT_COLUMN',
                        message_parameters={'arg_name': 'exprs', 'arg_type': type(c).__name__})
            jdf = jcall(outer + ('group.agg',), self.session, self._jgd.agg,
                        *[c._jc for c in exprs], _jname='agg')
        return self._new_df(jdf)

    def agg(self, *exprs):
        return self._agg(exprs)

    def count(self):
        return self._new_df(jcall(('group._api0',), self.session, self._jgd.count, _jname='count'))

    def _numeric(self, name, cols):
        fn = jmethod(self._jgd, name)
        if fn is None and name == 'mean':
            fn = jmethod(self._jgd, 'avg')
        return self._new_df(jcall(('group._api',), self.session, fn, *cols, _jname=name))

    def mean(self, *cols):
        return self._numeric('mean', cols)

    def avg(self, *cols):
        return self._numeric('avg', cols)

    def max(self, *cols):
        return self._numeric('max', cols)

    def min(self, *cols):
        return self._numeric('min', cols)

    def sum(self, *cols):
        return self._numeric('sum', cols)

    def pivot(self, pivot_col, values=None):
        fn = jmethod(self._jgd, 'pivot')
        if fn is None:
            raise NotImplementedError('pivot is not supported')
        if values is None:
            jgd = jcall(('group.pivot',), self.session, fn, pivot_col, _jname='pivot')
        else:
            jgd = jcall(('group.pivot_values',), self.session, fn, pivot_col, values,
                        _jname='pivot')
        return GroupedData(jgd, self._df)

    def apply(self, udf):
        raise NotImplementedError('pandas UDFs are not supported (pandas is not installed)')

    def applyInPandas(self, func, schema):
        raise NotImplementedError('pandas UDFs are not supported (pandas is not installed)')

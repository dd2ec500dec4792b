"""pyspark.accumulators: Accumulator and AccumulatorParam (updated in-process)."""

__all__ = ['Accumulator', 'AccumulatorParam']


class AccumulatorParam:
    def zero(self, value):
        raise NotImplementedError

    def addInPlace(self, value1, value2):
        raise NotImplementedError


class AddingAccumulatorParam(AccumulatorParam):
    def __init__(self, zero_value):
        self.zero_value = zero_value

    def zero(self, value):
        return self.zero_value

    def addInPlace(self, value1, value2):
        value1 += value2
        return value1


INT_ACCUMULATOR_PARAM = AddingAccumulatorParam(0)
FLOAT_ACCUMULATOR_PARAM = AddingAccumulatorParam(0.0)
COMPLEX_ACCUMULATOR_PARAM = AddingAccumulatorParam(0.0j)


class Accumulator:
    def __init__(self, aid, value, accum_param=None):
        if accum_param is None:
            if isinstance(value, int):
                accum_param = INT_ACCUMULATOR_PARAM
            elif isinstance(value, float):
                accum_param = FLOAT_ACCUMULATOR_PARAM
            elif isinstance(value, complex):
                accum_param = COMPLEX_ACCUMULATOR_PARAM
            else:
                raise TypeError('No default accumulator param for type %s' % type(value))
        self.aid = aid
        self.accum_param = accum_param
        self._value = value

    @property
    def value(self):
        return self._value

    @value.setter
    def value(self, value):
        self._value = value

    def add(self, term):
        self._value = self.accum_param.addInPlace(self._value, term)

    def __iadd__(self, term):
        self.add(term)
        return self

    def __str__(self):
        return str(self._value)

    def __repr__(self):
        return 'Accumulator<id=%i, value=%s>' % (self.aid, self._value)

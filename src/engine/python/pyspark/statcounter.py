"""pyspark.statcounter.StatCounter (count, mean, variance... of numbers)."""

import math


class StatCounter:
    def __init__(self, values=None):
        self.n = 0
        self.mu = 0.0
        self.m2 = 0.0
        self.maxValue = float('-inf')
        self.minValue = float('inf')
        for v in values or []:
            self.merge(v)

    def merge(self, value):
        delta = value - self.mu
        self.n += 1
        self.mu += delta / self.n
        self.m2 += delta * (value - self.mu)
        self.maxValue = max(self.maxValue, value)
        self.minValue = min(self.minValue, value)
        return self

    def count(self):
        return int(self.n)

    def mean(self):
        return float(self.mu)

    def sum(self):
        return float(self.n * self.mu)

    def min(self):
        return self.minValue

    def max(self):
        return self.maxValue

    def variance(self):
        return float('nan') if self.n == 0 else float(self.m2 / self.n)

    def sampleVariance(self):
        return float('nan') if self.n <= 1 else float(self.m2 / (self.n - 1))

    def stdev(self):
        return math.sqrt(self.variance())

    def sampleStdev(self):
        return math.sqrt(self.sampleVariance())

    def asDict(self, sample=False):
        return {'count': self.count(), 'mean': self.mean(), 'sum': self.sum(),
                'min': self.min(), 'max': self.max(),
                'stdev': self.stdev() if not sample else self.sampleStdev(),
                'variance': self.variance() if not sample else self.sampleVariance()}

    def __repr__(self):
        return '(count: %s, mean: %s, stdev: %s, max: %s, min: %s)' % (
            self.count(), self.mean(), self.stdev(), self.max(), self.min())

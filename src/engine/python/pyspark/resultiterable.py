"""pyspark.resultiterable.ResultIterable: what groupByKey yields per key."""


class ResultIterable:
    def __init__(self, data):
        self.data = data
        self.index = 0
        self.maxindex = len(data)

    def __iter__(self):
        return iter(self.data)

    def __len__(self):
        return len(self.data)

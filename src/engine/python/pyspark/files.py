"""pyspark.files.SparkFiles: where files added with ``sc.addFile`` land."""

import os

__all__ = ['SparkFiles']


class SparkFiles:
    _root_directory = '/tmp/spark-files'
    _is_running_on_worker = False
    _sc = None

    def __init__(self):
        raise NotImplementedError('Do not construct SparkFiles objects')

    @classmethod
    def get(cls, filename):
        return os.path.abspath(os.path.join(cls.getRootDirectory(), filename))

    @classmethod
    def getRootDirectory(cls):
        return cls._root_directory

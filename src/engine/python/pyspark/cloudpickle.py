"""Stand-in for ``pyspark.cloudpickle`` (Livy's fake_shell imports it for its job API): pickle
with the standard library, by value where pickle can."""

import pickle
import io

__all__ = ['dumps', 'dump', 'loads', 'load', 'PicklingError', 'CloudPickler']

PicklingError = pickle.PicklingError
loads = pickle.loads
load = pickle.load
DEFAULT_PROTOCOL = pickle.HIGHEST_PROTOCOL


class CloudPickler(pickle.Pickler):
    pass


def dumps(obj, protocol=None, buffer_callback=None):
    buf = io.BytesIO()
    CloudPickler(buf, protocol or DEFAULT_PROTOCOL).dump(obj)
    return buf.getvalue()


def dump(obj, file, protocol=None, buffer_callback=None):
    CloudPickler(file, protocol or DEFAULT_PROTOCOL).dump(obj)

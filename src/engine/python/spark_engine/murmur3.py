"""Spark's Murmur3 hashing (Murmur3_x86_32 as used by the ``hash()`` SQL function and by
``HashPartitioning``), with 32-bit Java int arithmetic emulated on Python ints.

Used for ``hash(...)`` results and to order GROUP BY / DISTINCT / window output the way Spark's
shuffle partitions them (pmod(hash, spark.sql.shuffle.partitions), partition by partition).
"""

import datetime
import struct

from . import types as T

C1 = 0xcc9e2d51
C2 = 0x1b873593
M32 = 0xFFFFFFFF
SEED = 42


def _to_int32(x):
    x &= M32
    return x - (1 << 32) if x & 0x80000000 else x


def _rotl(x, r):
    x &= M32
    return ((x << r) | (x >> (32 - r))) & M32


def _mix_k1(k1):
    k1 = (k1 * C1) & M32
    k1 = _rotl(k1, 15)
    return (k1 * C2) & M32


def _mix_h1(h1, k1):
    h1 = (h1 ^ k1) & M32
    h1 = _rotl(h1, 13)
    return (h1 * 5 + 0xe6546b64) & M32


def _fmix(h1, length):
    h1 = (h1 ^ length) & M32
    h1 ^= h1 >> 16
    h1 = (h1 * 0x85ebca6b) & M32
    h1 ^= h1 >> 13
    h1 = (h1 * 0xc2b2ae35) & M32
    h1 ^= h1 >> 16
    return h1


def hash_int(v, seed):
    k1 = _mix_k1(v & M32)
    h1 = _mix_h1(seed & M32, k1)
    return _to_int32(_fmix(h1, 4))


def hash_long(v, seed):
    v &= 0xFFFFFFFFFFFFFFFF
    low = v & M32
    high = (v >> 32) & M32
    h1 = _mix_h1(seed & M32, _mix_k1(low))
    h1 = _mix_h1(h1, _mix_k1(high))
    return _to_int32(_fmix(h1, 8))


def hash_bytes(b, seed):
    """hashUnsafeBytes: 4-byte little-endian words, then the tail one signed byte at a time."""
    n = len(b)
    aligned = n - n % 4
    h1 = seed & M32
    for i in range(0, aligned, 4):
        word = b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)
        h1 = _mix_h1(h1, _mix_k1(word))
    for i in range(aligned, n):
        byte = b[i] - 256 if b[i] > 127 else b[i]
        h1 = _mix_h1(h1, _mix_k1(byte & M32))
    return _to_int32(_fmix(h1, n))


_EPOCH_DATE = datetime.date(1970, 1, 1)
_EPOCH_TS = datetime.datetime(1970, 1, 1)


def hash_value(v, dt, seed):
    """Murmur3HashFunction.hash for one value of type ``dt`` (NULL leaves the seed as is)."""
    if v is None:
        return seed
    if isinstance(dt, T.BooleanType):
        return hash_int(1 if v else 0, seed)
    if isinstance(dt, (T.ByteType, T.ShortType, T.IntegerType)):
        return hash_int(v, seed)
    if isinstance(dt, T.LongType):
        return hash_long(v, seed)
    if isinstance(dt, T.DateType):
        return hash_int((v - _EPOCH_DATE).days, seed)
    if isinstance(dt, (T.TimestampType, T.TimestampNTZType)):
        d = v - _EPOCH_TS
        return hash_long(d.days * 86400000000 + d.seconds * 1000000 + d.microseconds, seed)
    if isinstance(dt, T.FloatType):
        f = 0.0 if v == 0 else v
        bits = struct.unpack('<i', struct.pack('<f', f))[0] if f == f else 0x7fc00000
        return hash_int(bits, seed)
    if isinstance(dt, T.DoubleType):
        f = 0.0 if v == 0 else v
        bits = struct.unpack('<q', struct.pack('<d', f))[0] if f == f else 0x7ff8000000000000
        return hash_long(bits, seed)
    if isinstance(dt, T.DecimalType):
        unscaled = int(v.scaleb(dt.scale).to_integral_value())
        if dt.precision <= 18:
            return hash_long(unscaled, seed)
        nbytes = max(1, (unscaled.bit_length() + 8) // 8)
        return hash_bytes(unscaled.to_bytes(nbytes, 'big', signed=True), seed)
    if isinstance(dt, T.StringType):
        return hash_bytes(v.encode('utf-8'), seed)
    if isinstance(dt, T.BinaryType):
        return hash_bytes(bytes(v), seed)
    if isinstance(dt, T.ArrayType):
        h = seed
        for x in v:
            h = hash_value(x, dt.elementType, h)
        return h
    if isinstance(dt, T.MapType):
        h = seed
        for k, x in v.items():
            h = hash_value(k, dt.keyType, h)
            h = hash_value(x, dt.valueType, h)
        return h
    if isinstance(dt, T.StructType):
        h = seed
        for x, f in zip(v, dt.fields):
            h = hash_value(x, f.dataType, h)
        return h
    if isinstance(dt, T.NullType):
        return seed
    return hash_bytes(str(v).encode('utf-8'), seed)


def hash_row(values, types, seed=SEED):
    h = seed
    for v, t in zip(values, types):
        h = hash_value(v, t, h)
    return h


def partition_of(values, types, num_partitions):
    """HashPartitioning's partition id: pmod(murmur3(keys), n)."""
    return hash_row(values, types) % num_partitions

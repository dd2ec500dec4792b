"""CPython 3.11 ``hash()`` as a 64-bit worker with ``PYTHONHASHSEED=0`` computes it.

pyspark partitions keys by ``portable_hash`` (``hash(x)``; Spark starts its Python workers with
``PYTHONHASHSEED=0``), so which partition a key lands in (and the order ``reduceByKey`` /
``groupByKey`` / ``distinct`` return keys in) depends on that hash. Pyodide is 32-bit and seeds
its hash randomly, so the 64-bit values are recomputed here: SipHash-1-3 with a zero key for
str/bytes (CPython's default since 3.11), and the numeric hash (mod 2**61 - 1) for numbers.
"""

_M64 = 0xFFFFFFFFFFFFFFFF
_P = (1 << 61) - 1
_INF = 314159


def _rotl(x, b):
    return ((x << b) | (x >> (64 - b))) & _M64


def siphash13(data, k0=0, k1=0):
    v0 = k0 ^ 0x736f6d6570736575
    v1 = k1 ^ 0x646f72616e646f6d
    v2 = k0 ^ 0x6c7967656e657261
    v3 = k1 ^ 0x7465646279746573
    n = len(data)
    b = (n << 56) & _M64

    def rnd(v0, v1, v2, v3):
        v0 = (v0 + v1) & _M64
        v1 = _rotl(v1, 13) ^ v0
        v0 = _rotl(v0, 32)
        v2 = (v2 + v3) & _M64
        v3 = _rotl(v3, 16) ^ v2
        v0 = (v0 + v3) & _M64
        v3 = _rotl(v3, 21) ^ v0
        v2 = (v2 + v1) & _M64
        v1 = _rotl(v1, 17) ^ v2
        v2 = _rotl(v2, 32)
        return v0, v1, v2, v3

    full = n - (n % 8)
    for i in range(0, full, 8):
        m = int.from_bytes(data[i:i + 8], 'little')
        v3 ^= m
        v0, v1, v2, v3 = rnd(v0, v1, v2, v3)
        v0 ^= m
    b |= int.from_bytes(data[full:], 'little')
    v3 ^= b
    v0, v1, v2, v3 = rnd(v0, v1, v2, v3)
    v0 ^= b
    v2 ^= 0xff
    for _ in range(3):
        v0, v1, v2, v3 = rnd(v0, v1, v2, v3)
    return (v0 ^ v1 ^ v2 ^ v3) & _M64


def _signed(x):
    return x - (1 << 64) if x >= (1 << 63) else x


def _hash_bytes(data):
    if len(data) == 0:
        return 0
    h = _signed(siphash13(bytes(data)))
    return -2 if h == -1 else h


def _hash_str(s):
    top = max((ord(c) for c in s), default=0)
    if top < 256:
        data = s.encode('latin-1')
    elif top < 65536:
        data = s.encode('utf-16-le', 'surrogatepass')
    else:
        data = s.encode('utf-32-le', 'surrogatepass')
    return _hash_bytes(data)


def _hash_int(x):
    h = abs(x) % _P
    if x < 0:
        h = -h
    return -2 if h == -1 else h


def _hash_float(x):
    import math
    if math.isnan(x):
        return 0
    if math.isinf(x):
        return _INF if x > 0 else -_INF
    m, n = x.as_integer_ratio()
    if n % _P == 0:
        h = _INF
    else:
        h = (abs(m) % _P) * pow(n, _P - 2, _P) % _P
    if m < 0:
        h = -h
    return -2 if h == -1 else h


def cpython_hash(x):
    """``hash(x)`` of a 64-bit CPython 3.11 with hash randomization off, for the types Spark
    jobs key by (None, bool, int, float, str, bytes); other objects fall back to ``hash``."""
    if x is None:
        return 0  # pyspark's portable_hash special-cases None
    if isinstance(x, bool):
        return int(x)
    if isinstance(x, int):
        return _hash_int(x)
    if isinstance(x, float):
        return _hash_float(x)
    if isinstance(x, str):
        return _hash_str(x)
    if isinstance(x, (bytes, bytearray)):
        return _hash_bytes(x)
    return hash(x)


def portable_hash(x):
    """pyspark.rdd.portable_hash on a 64-bit worker (``sys.maxsize == 2**63 - 1``)."""
    if x is None:
        return 0
    if isinstance(x, tuple):
        h = 0x345678
        for i in x:
            h ^= portable_hash(i)
            h *= 1000003
            h &= (1 << 63) - 1
        h ^= len(x)
        if h == -1:
            h = -2
        return int(h)
    return cpython_hash(x)

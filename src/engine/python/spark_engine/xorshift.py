"""Spark's ``XORShiftRandom`` (org.apache.spark.util.random), so ``rand(seed)`` and
``sample(fraction, seed)`` draw the same numbers as a real cluster: each partition ``i`` uses
``XORShiftRandom(seed + i)``; the seed is scrambled with Scala's MurmurHash3.bytesHash.
"""

M32 = 0xFFFFFFFF
M64 = 0xFFFFFFFFFFFFFFFF
ARRAY_SEED = 0x3c074a61


def _rotl32(x, r):
    return ((x << r) | (x >> (32 - r))) & M32


def _mix_last(h, k):
    k = (k * 0xcc9e2d51) & M32
    k = _rotl32(k, 15)
    k = (k * 0x1b873593) & M32
    return h ^ k


def _mix(h, k):
    h = _mix_last(h, k)
    h = _rotl32(h, 13)
    return (h * 5 + 0xe6546b64) & M32


def _avalanche(h):
    h ^= h >> 16
    h = (h * 0x85ebca6b) & M32
    h ^= h >> 13
    h = (h * 0xc2b2ae35) & M32
    h ^= h >> 16
    return h


def bytes_hash(data, seed):
    """scala.util.hashing.MurmurHash3.bytesHash (unsigned 32-bit result)."""
    h = seed & M32
    n = len(data)
    i = 0
    while n - i >= 4:
        k = data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24)
        h = _mix(h, k)
        i += 4
    rem = n - i
    k = 0
    if rem == 3:
        k ^= data[i + 2] << 16
    if rem >= 2:
        k ^= data[i + 1] << 8
    if rem >= 1:
        k ^= data[i]
        h = _mix_last(h, k)
    return _avalanche(h ^ n)


def hash_seed(seed):
    data = (seed & M64).to_bytes(8, 'big')
    low = bytes_hash(data, ARRAY_SEED)
    high = bytes_hash(data, low)
    return ((high << 32) | low) & M64


class XORShiftRandom:
    def __init__(self, seed):
        self.seed = hash_seed(seed)

    def _next(self, bits):
        s = self.seed
        s ^= (s << 21) & M64
        s ^= s >> 35
        s ^= (s << 4) & M64
        self.seed = s
        return s & ((1 << bits) - 1)

    def next_double(self):
        """java.util.Random.nextDouble over this generator's next(bits)."""
        return ((self._next(26) << 27) + self._next(27)) * (1.0 / (1 << 53))

    def next_gaussian(self):
        """java.util.Random.nextGaussian (polar method, one value per call pair cached)."""
        cached = getattr(self, '_gauss', None)
        if cached is not None:
            self._gauss = None
            return cached
        import math
        while True:
            v1 = 2 * self.next_double() - 1
            v2 = 2 * self.next_double() - 1
            s = v1 * v1 + v2 * v2
            if 0 < s < 1:
                break
        mul = math.sqrt(-2 * math.log(s) / s)
        self._gauss = v2 * mul
        return v1 * mul

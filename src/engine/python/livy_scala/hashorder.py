"""Scala 2.12 iteration orders of immutable Maps (and groupBy's mutable HashMap).

Maps of up to four entries keep insertion order (Map1..Map4); larger ones are hash tries whose
order follows the improved ``##`` hash five bits at a time. All arithmetic is 32-bit JVM Int.
"""

from .values import SMap, STuple, Char, CaseObj, SSeq, UNIT


def _i32(v):
    v &= 0xFFFFFFFF
    return v - 0x100000000 if v >= 0x80000000 else v


def _u32(v):
    return v & 0xFFFFFFFF


def _ushr(v, n):
    return _i32(_u32(v) >> n)


def _rotl(x, r):
    x = _u32(x)
    return _i32((x << r) | (x >> (32 - r)))


def _mix_last(h, data):
    k = _i32(data * 0xcc9e2d51)
    k = _rotl(k, 15)
    k = _i32(k * 0x1b873593)
    return _i32(h ^ k)


def _mix(h, data):
    h = _mix_last(h, data)
    h = _rotl(h, 13)
    return _i32(h * 5 + 0xe6546b64)


def _finalize(h, length):
    h = _i32(h ^ length)
    h = _i32(h ^ _ushr(h, 16))
    h = _i32(h * 0x85ebca6b)
    h = _i32(h ^ _ushr(h, 13))
    h = _i32(h * 0xc2b2ae35)
    return _i32(h ^ _ushr(h, 16))


def _string_hash(s):
    h = 0
    for ch in s.encode('utf-16-be').decode('latin-1')[1::2] if False else s:
        h = _i32(31 * h + ord(ch))
    return h


def _product_hash(values, prefix):
    if not values:
        return _string_hash(prefix)
    h = _i32(0xcafebabe)
    for v in values:
        h = _mix(h, java_hash(v))
    return _finalize(h, len(values))


def java_hash(v):
    """Scala's ``##``."""
    if v is None:
        return 0
    if v is UNIT:
        return 0
    if isinstance(v, bool):
        return 1231 if v else 1237
    if isinstance(v, Char):
        return ord(v)
    if isinstance(v, str):
        return _string_hash(v)
    if isinstance(v, int):
        if -2 ** 31 <= v < 2 ** 31:
            return v
        return _i32(v ^ (_u32(v >> 32)))
    if isinstance(v, float):
        if v == int(v) if v == v and v not in (float('inf'), float('-inf')) else False:
            iv = int(v)
            if -2 ** 31 <= iv < 2 ** 31:
                return iv
            if -2 ** 63 <= iv < 2 ** 63:
                return _i32(iv ^ (iv >> 32))
        import struct
        bits = struct.unpack('>q', struct.pack('>d', v))[0]
        return _i32(bits ^ (bits >> 32))
    if isinstance(v, STuple):
        return _product_hash(list(v), 'Tuple%d' % len(v))
    if isinstance(v, CaseObj):
        return _product_hash(v.values, v.cls.name)
    if isinstance(v, SSeq):
        # MurmurHash3.seqHash
        h = _i32(0x9ecb3ee3) if False else _string_hash('Seq')
        n = 0
        for x in v.items:
            h = _mix(h, java_hash(x))
            n += 1
        return _finalize(h, n)
    return _string_hash(repr(v))


def _improve(h):
    h = _i32(h + ~_i32(h << 9))
    h = _i32(h ^ _ushr(h, 14))
    h = _i32(h + _i32(h << 4))
    return _i32(h ^ _ushr(h, 10))


def _trie_key(k):
    h = _u32(_improve(java_hash(k)))
    return tuple((h >> (5 * i)) & 31 for i in range(7))


def _same(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, Char) != isinstance(b, Char) and not (isinstance(a, (int, float)) or isinstance(b, (int, float))):
        return False
    if isinstance(a, Char) and isinstance(b, (int, float)):
        return ord(a) == b
    if isinstance(b, Char) and isinstance(a, (int, float)):
        return ord(b) == a
    return a == b


def _ordered(items, hashed):
    if not hashed and len(items) <= 4:
        m = SMap(items)
        m.hashed = False
        return m
    m = SMap(sorted(items, key=lambda kv: _trie_key(kv[0])))
    m.hashed = True
    return m


def build_map(pairs):
    items = []
    for k, v in pairs:
        for i, (k2, _v2) in enumerate(items):
            if _same(k, k2):
                items[i] = (k2, v)
                break
        else:
            items.append((k, v))
        if len(items) > 4:
            return map_updated_all(_ordered(items, True), pairs[len(items):] if False else [])  # noqa
    return _finish(items, pairs)


def _finish(items, pairs):
    return _ordered(items, False)


def map_get(m, key):
    for k, v in m.items:
        if _same(k, key):
            return True, v
    return False, None


def map_updated_all(m, pairs):
    items = list(m.items)
    hashed = getattr(m, 'hashed', False)
    for kv in pairs:
        k, v = kv[0], kv[1]
        for i, (k2, _v2) in enumerate(items):
            if _same(k, k2):
                items[i] = (k2, v)
                break
        else:
            items.append((k, v))
            if len(items) > 4:
                hashed = True
    return _ordered(items, hashed)


def map_removed(m, key):
    items = [(k, v) for k, v in m.items if not _same(k, key)]
    return _ordered(items, getattr(m, 'hashed', False))


def map_apply_frame(m):
    n = len(m.items)
    if getattr(m, 'hashed', False):
        return 'scala.collection.immutable.HashMap$HashTrieMap.apply(HashMap.scala:%d)' % 0
    if n == 0:
        return 'scala.collection.immutable.Map$EmptyMap$.apply(Map.scala:104)'
    return 'scala.collection.immutable.Map$Map%d.apply(Map.scala:%d)' % (n, {1: 163, 2: 203, 3: 251, 4: 307}[n])


# build_map: rewrite cleanly (the loop above returns early for > 4 entries)
def build_map(pairs):  # noqa: F811
    return map_updated_all(_ordered([], False), [(k, v) for k, v in pairs])


def _byteswap32(v):
    hc = _i32(v * _i32(0x9e3775cd))
    hc = _u32(hc)
    hc = ((hc & 0xFF) << 24) | ((hc & 0xFF00) << 8) | ((hc >> 8) & 0xFF00) | (hc >> 24)
    return _i32(_i32(hc) * _i32(0x9e3775cd))


def _mutable_index(hcode, table_len):
    ones = table_len - 1
    exponent = 32 - ones.bit_length()
    seed = bin(ones).count('1')
    i = _u32(_byteswap32(hcode))
    rotation = seed % 32
    rotated = ((i >> rotation) | (i << (32 - rotation))) & 0xFFFFFFFF if rotation else i
    return (rotated >> exponent) & ones


def mutable_hashmap_order(keys):
    """Iteration order of a scala.collection.mutable.HashMap filled with ``keys`` in order."""
    size = 16
    table = [[] for _ in range(size)]
    count = 0
    threshold = size * 750 // 1000
    for k in keys:
        idx = _mutable_index(java_hash(k), size)
        table[idx].insert(0, k)
        count += 1
        if count > threshold:
            old = table
            size *= 2
            table = [[] for _ in range(size)]
            for i in range(len(old) - 1, -1, -1):
                for e in old[i]:
                    j = _mutable_index(java_hash(e), size)
                    table[j].insert(0, e)
            threshold = size * 750 // 1000
    out = []
    for i in range(size - 1, -1, -1):
        out.extend(table[i])
    return out


def group_map(pairs):
    """groupBy's result: a mutable HashMap's order fed to an immutable Map builder."""
    keys = [k for k, _ in pairs]
    order = mutable_hashmap_order(keys)
    lookup = []
    for k in order:
        for k2, v in pairs:
            if k2 is k:
                lookup.append((k2, v))
                break
    return build_map(lookup)


def build_set(items):
    """An immutable Set: up to four elements keep insertion order, more follow the hash trie."""
    out = []
    for x in items:
        if not any(_same(x, y) for y in out):
            out.append(x)
    if len(out) > 4:
        out.sort(key=_trie_key)
    return SSeq(out, 'Set')

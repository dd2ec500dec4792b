"""pyspark.conf.SparkConf.

``getAll()`` lists entries in the order the JVM SparkConf (a ``ConcurrentHashMap``) iterates
them: by hash bucket of Java's ``String.hashCode``, table sized as Java grows it.
"""

__all__ = ['SparkConf']


def java_string_hash(s):
    h = 0
    data = s.encode('utf-16-le')
    for i in range(0, len(data), 2):
        unit = data[i] | (data[i + 1] << 8)
        h = (31 * h + unit) & 0xFFFFFFFF
    return h


def java_chm_order(keys):
    """Iteration order of a default-constructed ``java.util.concurrent.ConcurrentHashMap`` after
    putting ``keys`` (distinct) in order: bins in index order; a bin's list appends on insert,
    and a resize splits each list the way ``ConcurrentHashMap.transfer`` does (the trailing
    run keeps its order, the nodes before it are prepended)."""
    n = 16
    table = [[] for _ in range(n)]
    count = 0
    for k in keys:
        h = java_string_hash(k)
        h = (h ^ (h >> 16)) & 0x7FFFFFFF
        table[h & (n - 1)].append((h, k))
        count += 1
        if count >= n - (n >> 2):
            new = [[] for _ in range(2 * n)]
            for i, binlist in enumerate(table):
                if not binlist:
                    continue
                run_bit = binlist[0][0] & n
                last_run = 0
                for j in range(1, len(binlist)):
                    b = binlist[j][0] & n
                    if b != run_bit:
                        run_bit = b
                        last_run = j
                ln, hn = [], []
                if run_bit == 0:
                    ln = list(binlist[last_run:])
                else:
                    hn = list(binlist[last_run:])
                for j in range(last_run):
                    node = binlist[j]
                    if node[0] & n == 0:
                        ln.insert(0, node)
                    else:
                        hn.insert(0, node)
                new[i] = ln
                new[i + n] = hn
            table = new
            n *= 2
    return [k for binlist in table for _, k in binlist]


class SparkConf:
    def __init__(self, loadDefaults=True, _jvm=None, _jconf=None):
        self._conf = {}
        if _jconf is not None:
            self._conf.update(_jconf)

    def set(self, key, value):
        self._conf[key] = str(value)
        return self

    def setIfMissing(self, key, value):
        if self.get(key) is None:
            self.set(key, value)
        return self

    def setMaster(self, value):
        return self.set('spark.master', value)

    def setAppName(self, value):
        return self.set('spark.app.name', value)

    def setSparkHome(self, value):
        return self.set('spark.home', value)

    def setExecutorEnv(self, key=None, value=None, pairs=None):
        if (key is not None and pairs is not None) or (key is None and pairs is None):
            raise RuntimeError('Either pass one key-value pair or a list of pairs')
        if key is not None:
            self.set('spark.executorEnv.%s' % key, value)
        else:
            for k, v in pairs:
                self.set('spark.executorEnv.%s' % k, v)
        return self

    def setAll(self, pairs):
        for k, v in pairs:
            self.set(k, v)
        return self

    def get(self, key, defaultValue=None):
        return self._conf.get(key, defaultValue)

    def getAll(self):
        return [(k, self._conf[k]) for k in java_chm_order(list(self._conf))]

    def contains(self, key):
        return key in self._conf

    def toDebugString(self):
        return '\n'.join('%s=%s' % (k, v) for k, v in sorted(self._conf.items()))

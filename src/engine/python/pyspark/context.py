"""pyspark.context.SparkContext for a Livy session (the driver-side handle; no JVM)."""

import random as _random

from pyspark.conf import SparkConf
from pyspark.rdd import RDD, _slice, _worker_traceback
from pyspark._jvm import with_frames, PY4J_JVM_TAIL

__all__ = ['SparkContext']

_LOG_LEVELS = ('ALL', 'DEBUG', 'ERROR', 'FATAL', 'INFO', 'OFF', 'TRACE', 'WARN')


class SparkContext:
    _active_spark_context = None
    _gateway = None
    _jvm = None

    def __init__(self, master=None, appName=None, sparkHome=None, pyFiles=None,
                 environment=None, batchSize=0, serializer=None, conf=None, gateway=None,
                 jsc=None, profiler_cls=None, udf_profiler_cls=None, memory_profiler_cls=None,
                 _info=None):
        if _info is None:
            active = SparkContext._active_spark_context
            if active is not None:
                # Livy's fake_shell created the session's context in its main()
                raise ValueError(
                    'Cannot run multiple SparkContexts at once; existing SparkContext(app=%s, '
                    'master=%s) created by %s at %s:%s '
                    % (active.appName, active.master, 'main',
                       active._info.get('fakeShellPath', '/tmp/fake_shell.py'),
                       active._info.get('fakeShellLine', 0)))
            raise RuntimeError('A SparkContext is already provided by the Livy session (sc)')
        info = _info
        self._info = info
        confd = dict(info.get('conf') or {})
        self.master = info.get('master') or confd.get('spark.master', 'local[*]')
        self.appName = info.get('appName') or confd.get('spark.app.name', 'livy-session')
        self._app_id = info.get('applicationId') or confd.get('spark.app.id', 'local-0')
        confd.setdefault('spark.master', self.master)
        confd.setdefault('spark.app.name', self.appName)
        confd.setdefault('spark.app.id', self._app_id)
        self._conf = SparkConf(_jconf=confd)
        self._version = info.get('sparkVersion') or '3.5.9'
        self._default_parallelism = int(info.get('defaultParallelism') or 2)
        self.sparkHome = None
        self.pythonExec = 'python3'
        self.pythonVer = '3.11'
        self.environment = dict(environment or {})
        self.serializer = None
        self.profiler_collector = None
        self._rdd_ids = 0
        self._stage_id = 0
        self._task_id = 0
        self._job_id = 0
        self._seed_rng = _random.Random(info.get('seed', 0))
        self._local_properties = {}
        self._log_level = None
        if str(self._app_id).startswith('local-'):
            try:
                self._start_time = int(str(self._app_id)[len('local-'):])
            except ValueError:
                self._start_time = 0
        else:
            self._start_time = int(info.get('startTime') or 0)
        SparkContext._active_spark_context = self

    @classmethod
    def getOrCreate(cls, conf=None):
        from pyspark.livy_bootstrap import caller_session_globals
        g = caller_session_globals()
        if g is not None:
            return g['sc']
        if cls._active_spark_context is None:
            raise RuntimeError('No SparkContext is available (Livy creates it)')
        return cls._active_spark_context

    # --- identity ---------------------------------------------------------------------------
    def __repr__(self):
        return '<SparkContext master={master} appName={appName}>'.format(
            master=self.master, appName=self.appName)

    def _repr_html_(self):
        return None

    @property
    def version(self):
        return self._version

    @property
    def applicationId(self):
        return self._app_id

    @property
    def uiWebUrl(self):
        url = self._conf.get('spark.ui.url') or self._conf.get('spark.driver.appUIAddress')
        if url:
            return url
        host = self._conf.get('spark.driver.host')
        if host is None or str(self._conf.get('spark.ui.enabled', 'true')).lower() == 'false':
            return None
        return 'http://%s:%s' % (host, self._conf.get('spark.ui.port', '4040'))

    @property
    def startTime(self):
        return self._start_time

    @property
    def defaultParallelism(self):
        return self._default_parallelism

    @property
    def defaultMinPartitions(self):
        return min(self._default_parallelism, 2)

    @property
    def resources(self):
        return {}

    def statusTracker(self):
        from pyspark.status import StatusTracker
        return StatusTracker(self)

    def sparkUser(self):
        return self._info.get('sparkUser') or 'root'

    def getConf(self):
        conf = SparkConf()
        conf.setAll(self._conf.getAll())
        return conf

    def setLogLevel(self, logLevel):
        if logLevel.upper() not in _LOG_LEVELS:
            from pyspark.errors.exceptions.captured import IllegalArgumentException
            msg = ('requirement failed: Supplied level %s did not match one of: %s'
                   % (logLevel, ','.join(_LOG_LEVELS)))
            exc = IllegalArgumentException(desc=msg, stackTrace='java.lang.IllegalArgumentException: '
                                           + msg + '\n')
            exc.java_class = 'java.lang.IllegalArgumentException'
            exc.java_message = msg
            exc.jvm_frames = []
            raise with_frames(exc, ('context.setLogLevel', 'py4j.call', 'captured.deco_raise'))
        self._log_level = logLevel.upper()

    def setLocalProperty(self, key, value):
        if value is None:
            self._local_properties.pop(key, None)
        else:
            self._local_properties[key] = value

    def getLocalProperty(self, key):
        return self._local_properties.get(key)

    def setJobGroup(self, groupId, description, interruptOnCancel=False):
        self._local_properties['spark.jobGroup.id'] = groupId
        self._local_properties['spark.job.description'] = description

    @classmethod
    def setSystemProperty(cls, key, value):
        pass

    def addJobTag(self, tag):
        self._job_tags = getattr(self, '_job_tags', set()) | {tag}

    def removeJobTag(self, tag):
        self._job_tags = getattr(self, '_job_tags', set()) - {tag}

    def getJobTags(self):
        return set(getattr(self, '_job_tags', set()))

    def clearJobTags(self):
        self._job_tags = set()

    def cancelJobsWithTag(self, tag):
        pass

    def setJobDescription(self, value):
        self._local_properties['spark.job.description'] = value

    def setInterruptOnCancel(self, interruptOnCancel):
        pass

    def cancelJobGroup(self, groupId):
        pass

    def cancelAllJobs(self):
        pass

    def setCheckpointDir(self, dirName):
        self._checkpoint_dir = dirName

    def getCheckpointDir(self):
        return getattr(self, '_checkpoint_dir', None)

    def addFile(self, path, recursive=False):
        pass

    def addPyFile(self, path):
        pass

    def addArchive(self, path):
        pass

    @property
    def listFiles(self):
        return []

    @property
    def listArchives(self):
        return []

    def stop(self):
        # Livy owns the context's lifecycle; a user's stop() is accepted and ignored here.
        pass

    def show_profiles(self):
        pass

    def dump_profiles(self, path):
        pass

    # --- RDD creation -------------------------------------------------------------------------
    def _new_rdd_id(self):
        rid = self._rdd_ids
        self._rdd_ids += 1
        return rid

    def _next_seed(self):
        return self._seed_rng.randrange(-2 ** 63, 2 ** 63)

    def parallelize(self, c, numSlices=None):
        n = int(numSlices) if numSlices is not None else self.defaultParallelism
        if isinstance(c, range) and len(c) > 0:
            # pyspark: an empty parallelized RDD whose partitions generate their sub-ranges
            parts = _slice(list(c), n)
            base = RDD._from_partitions(self, [[] for _ in range(n)])
            return base._derive(lambda i, it: parts[i])
        if isinstance(c, range):
            data = list(c)
        else:
            if not isinstance(c, list):
                c = list(c)
            data = c
        if n <= 0:
            raise ValueError('Positive number of partitions required')
        return RDD._from_partitions(self, _slice(data, n))

    def range(self, start, end=None, step=1, numSlices=None):
        if end is None:
            end = start
            start = 0
        return self.parallelize(range(start, end, step), numSlices)

    def emptyRDD(self):
        return RDD._from_partitions(self, [], kind='EmptyRDD')

    def union(self, rdds):
        out = rdds[0]
        for r in rdds[1:]:
            out = out.union(r)
        return out

    def textFile(self, name, minPartitions=None, use_unicode=True):
        return self._missing_path_rdd(name)

    def wholeTextFiles(self, path, minPartitions=None, use_unicode=True):
        return self._missing_path_rdd(path)

    def _missing_path_rdd(self, path):
        ctx = self

        def part(i):
            from pyspark.rdd import _UserFunctionError
            raise _UserFunctionError(_InputPathError(path), 0)
        return RDD(ctx, part, 1, 'MapPartitionsRDD')

    def broadcast(self, value):
        from pyspark.broadcast import Broadcast
        return Broadcast(self, value)

    def accumulator(self, value, accum_param=None):
        from pyspark.accumulators import Accumulator
        return Accumulator(self._new_rdd_id(), value, accum_param)

    def runJob(self, rdd, partitionFunc, partitions=None, allowLocal=False):
        splits = list(range(rdd.getNumPartitions())) if partitions is None else list(partitions)
        mapped = rdd.mapPartitions(partitionFunc)
        parts = mapped._run(('context.runJob',), jvm_name='runJob', splits=splits)
        return [x for p in parts for x in p]

    # --- job bookkeeping / failures -----------------------------------------------------------
    def _job_counters(self, num_tasks):
        self._job_id += 1
        self._last_stage = self._stage_id
        self._last_task_base = self._task_id
        self._stage_id += 1
        self._task_id += num_tasks

    def _job_failure(self, exc, split, site, jvm_target='z:org.apache.spark.api.python.PythonRDD',
                     jvm_name='collectAndServe'):
        """The Py4JJavaError an action raises when a user function failed in task ``split``."""
        from pyspark.errors.py4j import JavaException, Py4JJavaError
        stage = getattr(self, '_last_stage', 0)
        tid = getattr(self, '_last_task_base', 0) + split
        host = self._conf.get('spark.driver.host') or 'localhost'
        run_job = jvm_name == 'runJob'
        if isinstance(exc, _InputPathError):
            message = exc.java_message()
            java_class = 'org.apache.hadoop.mapred.InvalidInputException'
            stack = '%s: %s\n' % (java_class, message) + ''.join(
                '\tat %s\n' % f for f in _INPUT_FRAMES + PY4J_JVM_TAIL)
        else:
            # PythonException.toString + its (executor) stack, as Utils.exceptionString prints it
            executor = (_EXECUTOR_TOP + (_EXECUTOR_RUNJOB if run_job else _EXECUTOR_COLLECT)
                        + _EXECUTOR_TASK)
            py_exc = 'org.apache.spark.api.python.PythonException: ' + _worker_traceback(exc)
            full = py_exc + ''.join('\n\tat ' + f for f in executor) + '\n'
            java_class = 'org.apache.spark.SparkException'
            message = ('Job aborted due to stage failure: Task {t} in stage {s}.0 failed 1 times, '
                       'most recent failure: Lost task {t}.0 in stage {s}.0 (TID {tid}) ({host} '
                       'executor driver): {full}\nDriver stacktrace:'
                       .format(t=split, s=stage, tid=tid, host=host, full=full))
            driver = _DRIVER_EVENT_LOOP + (_DRIVER_RUNJOB if run_job else _DRIVER_COLLECT) \
                + PY4J_JVM_TAIL
            # the cause shares the final Thread.run frame with the driver's stack
            stack = ('%s: %s' % (java_class, message) + ''.join('\n\tat ' + f for f in driver)
                     + '\nCaused by: ' + py_exc + ''.join('\n\tat ' + f for f in executor[:-1])
                     + '\n\t... 1 more\n')
        err = Py4JJavaError('An error occurred while calling {0}{1}{2}.\n'.format(
            jvm_target, '.', jvm_name), JavaException(java_class, message, stack))
        err.java_class = java_class
        err.java_message = message
        if isinstance(exc, _InputPathError):
            err.jvm_frames = list(_INPUT_FRAMES)
        else:
            err.jvm_frames = list(_DRIVER_EVENT_LOOP + (_DRIVER_RUNJOB if run_job
                                                        else _DRIVER_COLLECT))
        return with_frames(err, tuple(site) + ('py4j.call', 'captured.deco_call',
                                               'py4j.protocol_raise'))


class _InputPathError(Exception):
    def __init__(self, path):
        Exception.__init__(self, path)
        self.path = path

    def java_message(self):
        p = self.path if ':' in self.path else 'file:' + self.path
        return 'Input path does not exist: %s' % p


# JVM frames of a failed Python task and of the driver's job failure (Spark 3.5.9 line numbers,
# read from its jars; Scala 2.12 library frames; JDK 17). Stage/TID numbers and the host come
# from this emulation, so the text is close to, not guaranteed equal to, a real cluster's.
_EXECUTOR_TOP = (
    'org.apache.spark.api.python.BasePythonRunner$ReaderIterator.handlePythonException(PythonRunner.scala:572)',
    'org.apache.spark.api.python.PythonRunner$$anon$3.read(PythonRunner.scala:784)',
    'org.apache.spark.api.python.PythonRunner$$anon$3.read(PythonRunner.scala:766)',
    'org.apache.spark.api.python.BasePythonRunner$ReaderIterator.hasNext(PythonRunner.scala:525)',
    'org.apache.spark.InterruptibleIterator.hasNext(InterruptibleIterator.scala:37)',
    'scala.collection.Iterator.foreach(Iterator.scala:943)',
    'scala.collection.Iterator.foreach$(Iterator.scala:943)',
    'org.apache.spark.InterruptibleIterator.foreach(InterruptibleIterator.scala:28)',
    'scala.collection.generic.Growable.$plus$plus$eq(Growable.scala:62)',
    'scala.collection.generic.Growable.$plus$plus$eq$(Growable.scala:53)',
    'scala.collection.mutable.ArrayBuffer.$plus$plus$eq(ArrayBuffer.scala:105)',
    'scala.collection.mutable.ArrayBuffer.$plus$plus$eq(ArrayBuffer.scala:49)',
    'scala.collection.TraversableOnce.to(TraversableOnce.scala:366)',
    'scala.collection.TraversableOnce.to$(TraversableOnce.scala:364)',
    'org.apache.spark.InterruptibleIterator.to(InterruptibleIterator.scala:28)',
    'scala.collection.TraversableOnce.toBuffer(TraversableOnce.scala:358)',
    'scala.collection.TraversableOnce.toBuffer$(TraversableOnce.scala:358)',
    'org.apache.spark.InterruptibleIterator.toBuffer(InterruptibleIterator.scala:28)',
    'scala.collection.TraversableOnce.toArray(TraversableOnce.scala:345)',
    'scala.collection.TraversableOnce.toArray$(TraversableOnce.scala:339)',
    'org.apache.spark.InterruptibleIterator.toArray(InterruptibleIterator.scala:28)',
)
_EXECUTOR_COLLECT = ('org.apache.spark.rdd.RDD.$anonfun$collect$2(RDD.scala:1049)',)
_EXECUTOR_RUNJOB = ('org.apache.spark.api.python.PythonRDD$.$anonfun$runJob$1(PythonRDD.scala:181)',)
_EXECUTOR_TASK = (
    'org.apache.spark.SparkContext.$anonfun$runJob$5(SparkContext.scala:2433)',
    'org.apache.spark.scheduler.ResultTask.runTask(ResultTask.scala:93)',
    'org.apache.spark.TaskContext.runTaskWithListeners(TaskContext.scala:166)',
    'org.apache.spark.scheduler.Task.run(Task.scala:141)',
    'org.apache.spark.executor.Executor$TaskRunner.$anonfun$run$4(Executor.scala:621)',
    'org.apache.spark.util.SparkErrorUtils.tryWithSafeFinally(SparkErrorUtils.scala:64)',
    'org.apache.spark.util.SparkErrorUtils.tryWithSafeFinally$(SparkErrorUtils.scala:61)',
    'org.apache.spark.util.Utils$.tryWithSafeFinally(Utils.scala:94)',
    'org.apache.spark.executor.Executor$TaskRunner.run(Executor.scala:624)',
    'java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)',
    'java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:635)',
    'java.base/java.lang.Thread.run(Thread.java:840)',
)
_DRIVER_EVENT_LOOP = (
    'org.apache.spark.scheduler.DAGScheduler.failJobAndIndependentStages(DAGScheduler.scala:2898)',
    'org.apache.spark.scheduler.DAGScheduler.$anonfun$abortStage$2(DAGScheduler.scala:2834)',
    'org.apache.spark.scheduler.DAGScheduler.$anonfun$abortStage$2$adapted(DAGScheduler.scala:2833)',
    'scala.collection.mutable.ResizableArray.foreach(ResizableArray.scala:62)',
    'scala.collection.mutable.ResizableArray.foreach$(ResizableArray.scala:55)',
    'scala.collection.mutable.ArrayBuffer.foreach(ArrayBuffer.scala:49)',
    'org.apache.spark.scheduler.DAGScheduler.abortStage(DAGScheduler.scala:2833)',
    'org.apache.spark.scheduler.DAGScheduler.$anonfun$handleTaskSetFailed$1(DAGScheduler.scala:1253)',
    'org.apache.spark.scheduler.DAGScheduler.$anonfun$handleTaskSetFailed$1$adapted(DAGScheduler.scala:1253)',
    'scala.Option.foreach(Option.scala:407)',
    'org.apache.spark.scheduler.DAGScheduler.handleTaskSetFailed(DAGScheduler.scala:1253)',
    'org.apache.spark.scheduler.DAGSchedulerEventProcessLoop.doOnReceive(DAGScheduler.scala:3102)',
    'org.apache.spark.scheduler.DAGSchedulerEventProcessLoop.onReceive(DAGScheduler.scala:3036)',
    'org.apache.spark.scheduler.DAGSchedulerEventProcessLoop.onReceive(DAGScheduler.scala:3025)',
    'org.apache.spark.util.EventLoop$$anon$1.run(EventLoop.scala:49)',
    'org.apache.spark.scheduler.DAGScheduler.runJob(DAGScheduler.scala:995)',
    'org.apache.spark.SparkContext.runJob(SparkContext.scala:2393)',
    'org.apache.spark.SparkContext.runJob(SparkContext.scala:2414)',
    'org.apache.spark.SparkContext.runJob(SparkContext.scala:2433)',
)
_DRIVER_COLLECT = (
    'org.apache.spark.SparkContext.runJob(SparkContext.scala:2458)',
    'org.apache.spark.rdd.RDD.$anonfun$collect$1(RDD.scala:1049)',
    'org.apache.spark.rdd.RDDOperationScope$.withScope(RDDOperationScope.scala:151)',
    'org.apache.spark.rdd.RDDOperationScope$.withScope(RDDOperationScope.scala:112)',
    'org.apache.spark.rdd.RDD.withScope(RDD.scala:410)',
    'org.apache.spark.rdd.RDD.collect(RDD.scala:1048)',
    'org.apache.spark.api.python.PythonRDD$.collectAndServe(PythonRDD.scala:195)',
    'org.apache.spark.api.python.PythonRDD.collectAndServe(PythonRDD.scala)',
)
_DRIVER_RUNJOB = (
    'org.apache.spark.api.python.PythonRDD$.runJob(PythonRDD.scala:181)',
    'org.apache.spark.api.python.PythonRDD.runJob(PythonRDD.scala)',
)
_INPUT_FRAMES = (
    'org.apache.hadoop.mapred.FileInputFormat.singleThreadedListStatus(FileInputFormat.java:304)',
    'org.apache.hadoop.mapred.FileInputFormat.listStatus(FileInputFormat.java:244)',
    'org.apache.hadoop.mapred.FileInputFormat.getSplits(FileInputFormat.java:332)',
    'org.apache.spark.rdd.HadoopRDD.getPartitions(HadoopRDD.scala:208)',
    'org.apache.spark.rdd.RDD.$anonfun$partitions$2(RDD.scala:294)',
    'scala.Option.getOrElse(Option.scala:189)',
    'org.apache.spark.rdd.RDD.partitions(RDD.scala:290)',
    'org.apache.spark.api.python.PythonRDD$.collectAndServe(PythonRDD.scala:195)',
    'org.apache.spark.api.python.PythonRDD.collectAndServe(PythonRDD.scala)',
)

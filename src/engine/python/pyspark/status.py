"""pyspark.status.StatusTracker: nothing runs in the background here, so no active jobs."""

__all__ = ['StatusTracker']


class StatusTracker:
    def __init__(self, sc=None):
        self._sc = sc

    def getJobIdsForGroup(self, jobGroup=None):
        return []

    def getActiveStageIds(self):
        return []

    def getActiveJobsIds(self):
        return []

    def getJobInfo(self, jobId):
        return None

    def getStageInfo(self, stageId):
        return None

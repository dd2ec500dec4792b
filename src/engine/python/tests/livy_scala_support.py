"""Shared helpers for the livy_scala tests: a Scala REPL on a fresh spark_engine session."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import livy_scala  # noqa: E402

INFO = {'appName': 'livy-session-0', 'master': 'local[*]', 'applicationId': 'local-1700000000000',
        'sparkVersion': '3.5.9', 'defaultParallelism': 4,
        'conf': {'spark.app.name': 'livy-session-0', 'spark.master': 'local[*]',
                 'spark.submit.deployMode': 'client'}}


def make_state():
    from spark_engine import SparkSessionState
    return SparkSessionState(conf={})


def new_repl(with_spark=True):
    g = {'spark_state': make_state()} if with_spark else {}
    return livy_scala.ScalaRepl(g, dict(INFO))


def text(out):
    assert out['status'] == 'ok', out
    return out['data']['text/plain']

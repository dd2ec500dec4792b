"""Shared helpers for the livy_r tests: an R session on a fresh spark_engine session."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import livy_r  # noqa: E402


def new_repl():
    from spark_engine import SparkSessionState
    return livy_r.RRepl(SparkSessionState(conf={}), {})


def text(out):
    assert out['status'] == 'ok', out
    return out['data']['text/plain']


def evalue(out):
    assert out['status'] == 'error', out
    assert out['ename'] == 'Error' and out['traceback'] == [], out
    return out['evalue']

"""pylivy (PyPI `livy`) against the emulator: its session runs real code."""

from __future__ import annotations

from types import ModuleType
from typing import Callable

import pytest

from livy_emulator import LivyEmulator


@pytest.fixture
def livy(require: Callable[[str], ModuleType]) -> ModuleType:
    return require("livy")  # pylivy


def test_pylivy_runs_python_and_spark_statements(livy_emulator: LivyEmulator, livy: ModuleType) -> None:
    with livy.LivySession.create(livy_emulator.livy_url, kind=livy.SessionKind.PYSPARK) as session:
        assert session.run("1 + 1").text == "2"
        assert session.run("spark.range(10).count()").text == "10"
        session.run("words = ['a', 'b', 'a']")
        assert session.run("words.count('a')").text == "2"  # names live on between statements


def test_pylivy_sees_a_failed_statement_as_a_spark_error(livy_emulator: LivyEmulator, livy: ModuleType) -> None:
    livy_emulator.outcomes.add(
        match="spark.table('missing')",
        error={"ename": "AnalysisException", "evalue": "Table or view not found: missing"},
    )
    with livy.LivySession.create(livy_emulator.livy_url, kind=livy.SessionKind.PYSPARK) as session:
        try:
            session.run("spark.table('missing')")
        except livy.SparkRuntimeError as e:
            assert e.ename == "AnalysisException"
        else:
            raise AssertionError("pylivy did not raise")


def test_a_session_that_fails_to_start_is_reported_by_pylivy(livy_emulator: LivyEmulator, livy: ModuleType) -> None:
    livy_emulator.faults.session_start_fails(reason="no YARN capacity")
    session = livy.LivySession.create(livy_emulator.livy_url, kind=livy.SessionKind.PYSPARK)
    try:
        session.wait()
        assert session.state in (livy.SessionState.ERROR, livy.SessionState.DEAD)
    finally:
        session.close()

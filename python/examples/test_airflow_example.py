"""Airflow's Livy provider (`LivyHook`, `LivyOperator`) against the emulator. The connection
comes from ``AIRFLOW_CONN_LIVY_DEFAULT``, as in a deployment; no Airflow database is needed."""

from __future__ import annotations

from types import ModuleType
from typing import Any, Callable, Dict, List, Tuple

import pytest

from livy_emulator import LivyEmulator


@pytest.fixture
def livy_connection(livy_emulator: LivyEmulator, monkeypatch: pytest.MonkeyPatch) -> LivyEmulator:
    monkeypatch.setenv("AIRFLOW_CONN_LIVY_DEFAULT", livy_emulator.livy_url)
    return livy_emulator


def test_livy_hook_submits_a_batch_and_follows_it_to_success(
    livy_connection: LivyEmulator, require: Callable[[str], ModuleType]
) -> None:
    hooks = require("airflow.providers.apache.livy.hooks.livy")
    hook = hooks.LivyHook()
    batch_id = hook.post_batch(file="local:///jobs/etl.py", args=["2026-01-01"], name="etl")
    assert batch_id == 0
    assert hook.get_batch_state(batch_id) in (hooks.BatchState.STARTING, hooks.BatchState.RUNNING)
    while hook.get_batch_state(batch_id) not in hook.TERMINAL_STATES:
        livy_connection.advance_to_next()
    assert hook.get_batch_state(batch_id) == hooks.BatchState.SUCCESS
    assert livy_connection.state()  # the emulator's snapshot is there for assertions too


def test_livy_hook_sees_a_failing_batch(
    livy_connection: LivyEmulator, require: Callable[[str], ModuleType]
) -> None:
    hooks = require("airflow.providers.apache.livy.hooks.livy")
    livy_connection.faults.next_batches_fail(exit_code=3)
    hook = hooks.LivyHook()
    batch_id = hook.post_batch(file="local:///jobs/etl.py")
    while hook.get_batch_state(batch_id) not in hook.TERMINAL_STATES:
        livy_connection.advance_to_next()
    assert hook.get_batch_state(batch_id) == hooks.BatchState.DEAD


class TaskInstance:
    """The one thing LivyOperator.execute needs from Airflow's context."""

    def __init__(self) -> None:
        self.pushed: List[Tuple[str, Any]] = []

    def xcom_push(self, key: str, value: Any) -> None:
        self.pushed.append((key, value))


@pytest.mark.livy(timing="instant")
def test_livy_operator_waits_for_its_batch(
    livy_connection: LivyEmulator, require: Callable[[str], ModuleType]
) -> None:
    operators = require("airflow.providers.apache.livy.operators.livy")
    operator = operators.LivyOperator(task_id="etl", file="local:///jobs/etl.py", polling_interval=1)
    ti = TaskInstance()
    context: Dict[str, Any] = {"ti": ti}
    assert operator.execute(context) == 0
    assert ti.pushed[0][0] == "app_id"
    paths = [e["path"] for e in livy_connection.journal()]
    assert paths[0] == "/batches" and "/batches/0/log" in paths

"""Plain `requests` against the emulator: a session, a statement evaluated for real, a
scripted outcome and an injected fault, on virtual time."""

from __future__ import annotations

import re

import pytest

from livy_emulator import LivyEmulator

requests = pytest.importorskip("requests")


def wait_for_statement(url: str, statement: dict) -> dict:
    import time

    deadline = time.monotonic() + 60
    while statement["state"] in ("waiting", "running"):
        assert time.monotonic() < deadline, statement
        time.sleep(0.05)
        statement = requests.get(f"{url}/statements/{statement['id']}").json()
    return statement


@pytest.mark.livy(clock="frozen")
def test_a_statement_runs_on_a_session_that_virtual_time_made_idle(livy_emulator: LivyEmulator) -> None:
    url = livy_emulator.livy_url
    created = requests.post(f"{url}/sessions", json={"kind": "pyspark"})
    assert created.status_code == 201
    assert created.headers["Location"] == "/sessions/0"
    assert created.json()["state"] == "starting"

    livy_emulator.advance(1_000)  # `fast` timing: the driver is up after 1 s of virtual time
    assert requests.get(f"{url}/sessions/0/state").json() == {"id": 0, "state": "idle"}

    statement = requests.post(f"{url}/sessions/0/statements", json={"code": "sum(range(5))"}).json()
    livy_emulator.advance_to_next()
    done = wait_for_statement(f"{url}/sessions/0", statement)
    assert done["output"]["data"]["text/plain"] == "10"  # evaluated for real


def test_scripted_outcomes_and_faults(livy_emulator: LivyEmulator) -> None:
    url = livy_emulator.livy_url
    livy_emulator.faults.http("/sessions", method="POST", status=503, count=1)
    assert requests.post(f"{url}/sessions", json={"kind": "pyspark"}).status_code == 503
    assert requests.post(f"{url}/sessions", json={"kind": "pyspark"}).status_code == 201

    livy_emulator.outcomes.add(match=re.compile(r"spark\.read"), output={"text/plain": "42"})
    livy_emulator.advance(1_000)
    statement = requests.post(f"{url}/sessions/0/statements", json={"code": "spark.read.csv('x').count()"}).json()
    assert wait_for_statement(f"{url}/sessions/0", statement)["output"]["data"] == {"text/plain": "42"}

    served = [(e["method"], e["path"], e["status"]) for e in livy_emulator.journal()]
    assert served[:2] == [("POST", "/sessions", 503), ("POST", "/sessions", 201)]

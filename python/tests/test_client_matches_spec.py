"""The control client cannot drift from the `emulator` tag of spec/openapi.yaml: every
operation of the tag has a client method, and every request a method sends is an operation of
the spec (method and path)."""

from __future__ import annotations

import inspect
import re
from typing import Any, Callable, Dict, List, Optional, Tuple

import pytest

from livy_emulator import OPERATIONS, EmulatorClient, Faults, Outcomes, Tables

HTTP_METHODS = {"get", "post", "put", "delete", "patch"}


def emulator_operations(spec: dict) -> Dict[str, Tuple[str, str]]:
    found = {}
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method in HTTP_METHODS and "emulator" in op.get("tags", []):
                found[op["operationId"]] = (method.upper(), path)
    return found


class Recording(EmulatorClient):
    """Sends nothing: records what would be sent and answers a plausible body."""

    def __init__(self) -> None:
        super().__init__("http://emulator.test")
        self.sent: List[Tuple[str, str]] = []

    def _send(self, method: str, path: str, body: Optional[Any], raw: bool) -> Any:
        self.sent.append((method, path))
        return "" if raw else {"id": 1, "rules": [], "tables": [], "requests": [], "faults": []}


# Every public method of the client, called once with sample arguments.
CALLS: Dict[str, Callable[[EmulatorClient], Any]] = {
    "EmulatorClient.reset": lambda c: c.reset(),
    "EmulatorClient.clock": lambda c: c.clock(),
    "EmulatorClient.advance": lambda c: c.advance(1_000),
    "EmulatorClient.advance_to_next": lambda c: c.advance_to_next(),
    "EmulatorClient.step": lambda c: c.step("session:0"),
    "EmulatorClient.journal": lambda c: c.journal(),
    "EmulatorClient.state": lambda c: c.state(),
    "EmulatorClient.page": lambda c: c.page(),
    "EmulatorClient.verify": lambda c: c.verify(method="POST", path="/sessions", count=1),
    "EmulatorClient.events": lambda c: c.events(2),
    "EmulatorClient.page_assets": lambda c: c.page_assets(),
    "Outcomes.add": lambda c: c.outcomes.add(match=re.compile("x", re.I), output={"text/plain": "1"}),
    "Outcomes.add_job": lambda c: c.outcomes.add_job("com.example.Pi", result=3.14),
    "Outcomes.list": lambda c: c.outcomes.list(),
    "Outcomes.remove": lambda c: c.outcomes.remove(3),
    "Outcomes.clear": lambda c: c.outcomes.clear(),
    "Faults.add": lambda c: c.faults.add({"type": "driver-exits", "sessionId": 0}),
    "Faults.http": lambda c: c.faults.http("/sessions", status=503),
    "Faults.session_start_fails": lambda c: c.faults.session_start_fails(),
    "Faults.interpreter_dies": lambda c: c.faults.interpreter_dies(0),
    "Faults.driver_exits": lambda c: c.faults.driver_exits(0),
    "Faults.batch_fails": lambda c: c.faults.batch_fails(0, exit_code=2),
    "Faults.next_batches_fail": lambda c: c.faults.next_batches_fail(count=2),
    "Faults.list": lambda c: c.faults.list(),
    "Faults.remove": lambda c: c.faults.remove(1),
    "Faults.clear": lambda c: c.faults.clear(),
    "Tables.define": lambda c: c.tables.define("people", [{"id": 1}], schema="id INT"),
    "Tables.list": lambda c: c.tables.list(),
    "Tables.remove": lambda c: c.tables.remove("people"),
}


def public_methods() -> List[str]:
    names = []
    for cls in (EmulatorClient, Outcomes, Faults, Tables):
        for name, member in vars(cls).items():
            if not name.startswith("_") and inspect.isfunction(member):
                names.append(f"{cls.__name__}.{name}")
    return names


def template_regex(template: str) -> "re.Pattern[str]":
    return re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$")


def test_the_operation_table_is_the_emulator_tag_of_the_spec(openapi_spec: dict) -> None:
    assert OPERATIONS == emulator_operations(openapi_spec)


def test_every_public_method_is_exercised_by_this_test() -> None:
    assert sorted(public_methods()) == sorted(CALLS)


def test_every_request_a_method_sends_is_an_operation_of_the_spec(openapi_spec: dict) -> None:
    spec_ops = emulator_operations(openapi_spec)
    for name, call in CALLS.items():
        client = Recording()
        call(client)
        assert client.sent, f"{name} sent nothing"
        for method, path in client.sent:
            matches = [
                op for op, (m, template) in spec_ops.items() if m == method and template_regex(template).match(path)
            ]
            assert matches, f"{name} sends {method} {path}, which the emulator tag of the spec lacks"


def test_every_operation_of_the_spec_has_a_client_method(openapi_spec: dict) -> None:
    covered = set()
    for call in CALLS.values():
        client = Recording()
        call(client)
        for method, path in client.sent:
            for op, (m, template) in emulator_operations(openapi_spec).items():
                if m == method and template_regex(template).match(path):
                    covered.add(op)
    missing = set(emulator_operations(openapi_spec)) - covered
    assert not missing, f"operations of the emulator tag without a client method: {sorted(missing)}"


@pytest.mark.parametrize(
    "pattern, sent",
    [
        (re.compile(r"spark\.range"), {"regex": r"spark\.range"}),
        (re.compile("x", re.I | re.S), {"regex": "x", "flags": "is"}),
        ("1 + 1", "1 + 1"),
        ({"contains": "range"}, {"contains": "range"}),
    ],
)
def test_a_rule_match_is_sent_in_the_spec_form(pattern: Any, sent: Any) -> None:
    bodies = []

    class Capture(Recording):
        def _send(self, method: str, path: str, body: Optional[Any], raw: bool) -> Any:
            bodies.append(body)
            return {"id": 7}

    assert Capture().outcomes.add(match=pattern, output={"text/plain": "1"}) == 7
    assert bodies == [{"match": sent, "output": {"text/plain": "1"}}]

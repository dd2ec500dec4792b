"""A typed client of the emulator's control API (`/__emulator`, the `emulator` tag of
`spec/openapi.yaml`).

Every request goes through :meth:`EmulatorClient._call` with an ``operationId`` of the spec,
looked up in :data:`OPERATIONS`; ``tests/test_client_matches_spec.py`` fails when an operation of
the tag has no method here, or when a method sends a method/path the spec does not have.

Example::

    from livy_emulator import EmulatorClient

    emulator = EmulatorClient("http://127.0.0.1:8998")
    emulator.reset()
    emulator.outcomes.add(match=re.compile(r"spark\\.range"), output={"text/plain": "10"})
    emulator.advance(1_000)
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Dict, List, Literal, Mapping, Optional, Sequence, Tuple, TypedDict, Union

__all__ = [
    "OPERATIONS",
    "Clock",
    "EmulatorClient",
    "EmulatorError",
    "Faults",
    "JournalEntry",
    "Match",
    "Outcomes",
    "ResetResult",
    "Tables",
]

#: operationId of the spec → (HTTP method, path template). The only place paths are written.
OPERATIONS: Dict[str, Tuple[str, str]] = {
    "emulatorPage": ("GET", "/__emulator"),
    "emulatorGetState": ("GET", "/__emulator/state"),
    "emulatorListRequests": ("GET", "/__emulator/requests"),
    "emulatorVerifyRequests": ("POST", "/__emulator/requests/verify"),
    "emulatorEvents": ("GET", "/__emulator/events"),
    "emulatorPageScript": ("GET", "/__emulator/app.js"),
    "emulatorPageStyle": ("GET", "/__emulator/app.css"),
    "emulatorListOutcomes": ("GET", "/__emulator/outcomes"),
    "emulatorAddOutcome": ("POST", "/__emulator/outcomes"),
    "emulatorClearOutcomes": ("DELETE", "/__emulator/outcomes"),
    "emulatorRemoveOutcome": ("DELETE", "/__emulator/outcomes/{id}"),
    "emulatorListTables": ("GET", "/__emulator/tables"),
    "emulatorDefineTable": ("POST", "/__emulator/tables"),
    "emulatorRemoveTable": ("DELETE", "/__emulator/tables/{name}"),
    "emulatorListFaults": ("GET", "/__emulator/faults"),
    "emulatorAddFault": ("POST", "/__emulator/faults"),
    "emulatorClearFaults": ("DELETE", "/__emulator/faults"),
    "emulatorRemoveFault": ("DELETE", "/__emulator/faults/{id}"),
    "emulatorReset": ("POST", "/__emulator/reset"),
    "emulatorGetClock": ("GET", "/__emulator/clock"),
    "emulatorAdvanceClock": ("POST", "/__emulator/clock/advance"),
    "emulatorStep": ("POST", "/__emulator/step"),
}


class Clock(TypedDict):
    """The virtual clock (`EmulatorClock`): ``now`` in ms since the epoch."""

    now: int
    iso: str
    kind: Literal["manual", "system"]


class ResetResult(TypedDict):
    reset: bool
    now: int


class JournalEntry(TypedDict, total=False):
    """One request the emulator served (`EmulatorJournalEntry`)."""

    seq: int
    method: str
    path: str
    query: str
    status: int
    time: int


#: Which code a rule answers: the exact code (a ``str``), a compiled regular expression
#: (sent as ``{"regex", "flags"}``, matched by RE2 on the server), or the spec's own object
#: (``{"contains": "..."}``, ``{"regex": "..."}``).
Match = Union[str, "re.Pattern[str]", Mapping[str, str]]

_FLAGS = ((re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s"))


def _match(match: Match) -> Union[str, Dict[str, str]]:
    if isinstance(match, re.Pattern):
        flags = "".join(letter for flag, letter in _FLAGS if match.flags & flag)
        return {"regex": match.pattern, **({"flags": flags} if flags else {})}
    if isinstance(match, str):
        return match
    return dict(match)


class EmulatorError(Exception):
    """The control API refused a request (its status and body are kept)."""

    def __init__(self, method: str, url: str, status: int, body: str) -> None:
        super().__init__(f"{method} {url} answered {status}: {body[:500]}")
        self.status = status
        self.body = body


def _compact(values: Mapping[str, Any]) -> Dict[str, Any]:
    """The fields that were given: an absent field means the server's default."""
    return {k: v for k, v in values.items() if v is not None}


class Outcomes:
    """Scripted statement outputs and Job API results (``/__emulator/outcomes``)."""

    def __init__(self, client: EmulatorClient) -> None:
        self._client = client

    def add(
        self,
        match: Match,
        *,
        output: Optional[Mapping[str, Any]] = None,
        error: Optional[Mapping[str, Any]] = None,
        abort: Optional[str] = None,
        duration_ms: Optional[float] = None,
        kind: Union[str, Sequence[str], None] = None,
        session_id: Optional[int] = None,
        times: Optional[int] = None,
    ) -> int:
        """Scripts the outcome of statements whose code matches; returns the rule's id.

        Example: ``emulator.outcomes.add(match="1 + 1", output={"text/plain": "3"})``
        """
        rule = _compact(
            {
                "match": _match(match),
                "output": dict(output) if output is not None else None,
                "error": dict(error) if error is not None else None,
                "abort": abort,
                "durationMs": duration_ms,
                "kind": kind if isinstance(kind, (str, type(None))) else list(kind),
                "sessionId": session_id,
                "times": times,
            }
        )
        return int(self._client._call("emulatorAddOutcome", body=rule)["id"])

    def add_job(
        self,
        job: Match,
        *,
        result: Any = None,
        exception: Optional[Mapping[str, Any]] = None,
        duration_ms: Optional[float] = None,
        session_id: Optional[int] = None,
        times: Optional[int] = None,
    ) -> int:
        """Scripts what a Job API job of a matching class returns (or throws); returns the id.

        Example: ``emulator.outcomes.add_job("com.example.PiJob", result=3.14159)``
        """
        rule = _compact(
            {
                "job": _match(job),
                "result": result,
                "exception": dict(exception) if exception is not None else None,
                "durationMs": duration_ms,
                "sessionId": session_id,
                "times": times,
            }
        )
        return int(self._client._call("emulatorAddOutcome", body=rule)["id"])

    def list(self) -> List[Dict[str, Any]]:
        return list(self._client._call("emulatorListOutcomes")["rules"])

    def remove(self, rule_id: int) -> None:
        self._client._call("emulatorRemoveOutcome", params={"id": rule_id})

    def clear(self) -> None:
        self._client._call("emulatorClearOutcomes")


class Faults:
    """Injected failures (``/__emulator/faults``): HTTP faults and model faults."""

    def __init__(self, client: EmulatorClient) -> None:
        self._client = client

    def add(self, fault: Mapping[str, Any]) -> Dict[str, Any]:
        """Any fault of the spec's ``EmulatorFaultRequest``, as JSON; returns ``{"type", "id"?}``."""
        return dict(self._client._call("emulatorAddFault", body=dict(fault)))

    def http(
        self,
        path: Union[str, Mapping[str, str]],
        *,
        status: Optional[int] = None,
        method: Optional[str] = None,
        body: Any = None,
        headers: Optional[Mapping[str, str]] = None,
        count: Optional[int] = None,
        delay_ms: Optional[int] = None,
    ) -> int:
        """Livy requests matching ``method`` and ``path`` (a glob) get ``status``; returns the id.

        Example: ``emulator.faults.http("/sessions", status=429, headers={"Retry-After": "5"}, count=2)``
        """
        added = self.add(
            _compact(
                {
                    "type": "http",
                    "path": path if isinstance(path, str) else dict(path),
                    "status": status,
                    "method": method,
                    "body": body,
                    "headers": dict(headers) if headers is not None else None,
                    "count": count,
                    "delayMs": delay_ms,
                }
            )
        )
        return int(added["id"])

    def session_start_fails(self, *, reason: Optional[str] = None, count: Optional[int] = None) -> None:
        """The next ``count`` interactive sessions fail to start."""
        self.add(_compact({"type": "session-start-fails", "reason": reason, "count": count}))

    def interpreter_dies(self, session_id: int, *, reason: Optional[str] = None) -> None:
        """The interpreter of a session dies now."""
        self.add(_compact({"type": "interpreter-dies", "sessionId": session_id, "reason": reason}))

    def driver_exits(self, session_id: int, *, reason: Optional[str] = None) -> None:
        """The driver of a session exits now; the session goes ``dead``."""
        self.add(_compact({"type": "driver-exits", "sessionId": session_id, "reason": reason}))

    def batch_fails(self, batch_id: int, *, exit_code: Optional[int] = None, reason: Optional[str] = None) -> None:
        """A batch fails now with ``exit_code``."""
        self.add(
            _compact({"type": "batch-fails", "batchId": batch_id, "exitCode": exit_code, "reason": reason})
        )

    def next_batches_fail(
        self, *, count: Optional[int] = None, exit_code: Optional[int] = None, reason: Optional[str] = None
    ) -> None:
        """The next ``count`` batches exit with ``exit_code`` when they finish."""
        self.add(
            _compact({"type": "next-batches-fail", "count": count, "exitCode": exit_code, "reason": reason})
        )

    def list(self) -> Dict[str, Any]:
        """``{"faults": [...active HTTP faults], "pending": [...model faults]}``."""
        return dict(self._client._call("emulatorListFaults"))

    def remove(self, fault_id: int) -> None:
        self._client._call("emulatorRemoveFault", params={"id": fault_id})

    def clear(self) -> None:
        self._client._call("emulatorClearFaults")


class Tables:
    """Tables every session's SQL sees (``/__emulator/tables``)."""

    def __init__(self, client: EmulatorClient) -> None:
        self._client = client

    def define(self, name: str, rows: Sequence[Any], *, schema: Optional[str] = None) -> None:
        """Adds or replaces a table. Example: ``define("people", [{"id": 1}], schema="id INT")``"""
        self._client._call(
            "emulatorDefineTable", body=_compact({"name": name, "schema": schema, "rows": list(rows)})
        )

    def list(self) -> List[Dict[str, Any]]:
        return list(self._client._call("emulatorListTables")["tables"])

    def remove(self, name: str) -> None:
        self._client._call("emulatorRemoveTable", params={"name": name})


class EmulatorClient:
    """The control API of one emulator server.

    ``url`` is the server's root (``http://127.0.0.1:8998``, not a profile's base path);
    ``token`` is sent as ``X-Emulator-Token`` when the server runs with ``--control-token``.
    """

    def __init__(self, url: str, *, token: Optional[str] = None, timeout: float = 30.0) -> None:
        self.url = url.rstrip("/")
        self._token = token
        self._timeout = timeout
        self.outcomes = Outcomes(self)
        self.faults = Faults(self)
        self.tables = Tables(self)

    # -- time and state ----------------------------------------------------------------------

    def reset(self) -> ResetResult:
        """Empty state, ids from 0, the clock back to its start; rules and faults removed."""
        return self._call("emulatorReset", body={})  # type: ignore[no-any-return]

    def clock(self) -> Clock:
        return self._call("emulatorGetClock")  # type: ignore[no-any-return]

    def advance(self, ms: int) -> Clock:
        """Moves virtual time by ``ms`` and runs every step that became due."""
        return self._call("emulatorAdvanceClock", body={"ms": int(ms)})  # type: ignore[no-any-return]

    def advance_to_next(self) -> Clock:
        """Jumps to the next scheduled step (a session becoming idle, a statement ending)."""
        return self._call("emulatorAdvanceClock", body={"next": True})  # type: ignore[no-any-return]

    def step(self, subject: Optional[str] = None) -> Dict[str, Any]:
        """Runs the next manual step (``manual`` timing), of ``session:<id>``/``batch:<id>``."""
        return dict(self._call("emulatorStep", body=_compact({"subject": subject})))

    def journal(self) -> List[JournalEntry]:
        """The requests served so far, oldest first."""
        return list(self._call("emulatorListRequests")["requests"])

    def verify(
        self,
        *,
        method: Optional[str] = None,
        path: Optional[str] = None,
        status: Optional[int] = None,
        since: Optional[int] = None,
        body_contains: Optional[str] = None,
        body: Any = None,
        count: Optional[int] = None,
        at_least: Optional[int] = None,
    ) -> Dict[str, Any]:
        """How many requests of the journal match (WireMock's ``verify``): ``ok``, ``count``, and
        a readable ``message`` naming the nearest misses when the count is not the expected one
        (``count`` exactly, or ``at_least``, default 1). ``path`` may be a glob (``*``).

        >>> emulator.verify(method="POST", path="/sessions/*/statements", body={"code": "1 + 1"}, count=1)["ok"]
        True
        """
        payload = _compact(
            {
                "method": method,
                "path": path,
                "status": status,
                "since": since,
                "bodyContains": body_contains,
                "count": count,
                "atLeast": at_least,
            }
        )
        if body is not None:
            payload["body"] = body
        return dict(self._call("emulatorVerifyRequests", body=payload))

    def events(self, count: int = 1) -> str:
        """The next ``count`` server-sent events (the first is ``hello``), as the stream's text."""
        return str(self._call("emulatorEvents", raw=True, query={"max": int(count)}))

    def page_assets(self) -> Tuple[str, str]:
        """The control page's script and style sheet (what ``page()`` loads)."""
        return (
            str(self._call("emulatorPageScript", raw=True)),
            str(self._call("emulatorPageStyle", raw=True)),
        )

    def state(self) -> Dict[str, Any]:
        """A snapshot of sessions, statements, batches and pending steps."""
        return dict(self._call("emulatorGetState"))

    def page(self) -> str:
        """The HTML control page."""
        return str(self._call("emulatorPage", raw=True))

    # -- transport ---------------------------------------------------------------------------

    def _call(
        self,
        operation: str,
        *,
        params: Optional[Mapping[str, Any]] = None,
        body: Optional[Mapping[str, Any]] = None,
        raw: bool = False,
        query: Optional[Mapping[str, Any]] = None,
    ) -> Any:
        method, template = OPERATIONS[operation]
        path = template
        for key, value in (params or {}).items():
            path = path.replace("{" + key + "}", urllib.parse.quote(str(value), safe=""))
        if query:
            self._query = "?" + urllib.parse.urlencode(query)
        try:
            return self._send(method, path, body, raw)
        finally:
            self._query = ""

    _query = ""

    def _send(self, method: str, path: str, body: Optional[Mapping[str, Any]], raw: bool) -> Any:
        url = self.url + path + self._query
        headers = {"Accept": "text/html" if raw else "application/json"}
        data = None
        if method != "GET":
            # Writes must be JSON (the control API refuses other types: a CSRF defence).
            headers["Content-Type"] = "application/json"
            data = json.dumps(body or {}).encode()
        if self._token:
            headers["X-Emulator-Token"] = self._token
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self._timeout) as response:
                text = response.read().decode("utf-8")
        except urllib.error.HTTPError as e:
            raise EmulatorError(method, url, e.code, e.read().decode("utf-8", "replace")) from None
        if raw:
            return text
        return json.loads(text) if text else {}

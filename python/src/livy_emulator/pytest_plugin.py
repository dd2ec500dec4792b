"""The pytest plugin (entry point ``pytest11``, loaded when the package is installed).

Fixtures:

- ``livy_emulator`` (per test): a :class:`~livy_emulator.LivyEmulator` on a server whose state
  was reset through the control API before the test; ``LIVY_URL`` is set to its ``livy_url``
  for the test's duration.
- ``livy_emulator_server`` (per session): the :class:`~livy_emulator.EmulatorServer` with the
  session's options.

Options (command line, or the ini keys in brackets): ``--livy-profile`` [``livy_profile``],
``--livy-timing`` [``livy_timing``], ``--livy-clock`` [``livy_clock``], ``--livy-seed``
[``livy_seed``], ``--livy-conf KEY=VALUE`` [``livy_conf``, one per line], ``--livy-evaluate``
[``livy_evaluate``]. A test's ``@pytest.mark.livy(profile=..., conf={...}, ...)`` overrides
them; servers are shared by every test with the same options, one per set of options.

Example::

    import pytest, requests

    @pytest.mark.livy(profile="fabric", conf={"livy.server.session.timeout": "10m"})
    def test_create(livy_emulator):
        r = requests.post(f"{livy_emulator.livy_url}/sessions", json={"kind": "pyspark"},
                          headers={"Authorization": "Bearer t"})
        assert r.status_code == 202
"""

from __future__ import annotations

import atexit
from typing import Any, Dict, Iterator, List, Optional, Tuple

import pytest

from . import LivyEmulator
from .server import EmulatorServer, EmulatorStartError

_OPTIONS = ("profile", "timing", "clock", "seed", "evaluate")
_MARKER_KEYS = set(_OPTIONS) | {"conf", "args"}

Key = Tuple[Tuple[str, Any], ...]


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("livy-emulator", "Apache Livy emulator (livy_emulator fixture)")
    helps = {
        "profile": "vendor profile: apache-0.9 (default), apache-0.8, apache-0.7, fabric, hdinsight, synapse, spyt",
        "timing": "instant | fast (default) | realistic",
        "clock": "system (default) | frozen (time moves only when a test advances it)",
        "seed": "seed of every random choice (default livy-emulator)",
        "evaluate": "engine (default: statements run for real) | scripted",
    }
    for name, text in helps.items():
        group.addoption(f"--livy-{name}", dest=f"livy_{name}", default=None, help=text)
        parser.addini(f"livy_{name}", text)
    group.addoption(
        "--livy-conf",
        dest="livy_conf",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a Livy configuration key of the servers (repeatable)",
    )
    parser.addini("livy_conf", "Livy configuration keys, KEY=VALUE, one per line", type="linelist")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "livy(profile=None, timing=None, clock=None, seed=None, conf=None, evaluate=None, args=None): "
        "options of the emulator server the livy_emulator fixture gives this test",
    )
    config.stash[_servers_key] = _Servers()


def pytest_unconfigure(config: pytest.Config) -> None:
    servers = config.stash.get(_servers_key, None)
    if servers is not None:
        servers.stop_all()


class _Servers:
    """One server per distinct set of options, started on first use, stopped at the end."""

    def __init__(self) -> None:
        self._running: Dict[Key, EmulatorServer] = {}
        # A run that ends without pytest_unconfigure (an internal error) still stops them.
        atexit.register(self.stop_all)

    def get(self, options: Dict[str, Any]) -> EmulatorServer:
        key: Key = tuple(sorted((k, repr(v)) for k, v in options.items()))
        server = self._running.get(key)
        if server is not None and not server.running:
            # It died during an earlier test (which reported it): start a new one.
            server.stop()
            server = None
        if server is None:
            server = EmulatorServer(
                profile=options.get("profile"),
                timing=options.get("timing"),
                clock=options.get("clock"),
                seed=options.get("seed"),
                evaluate=options.get("evaluate"),
                conf=options.get("conf") or {},
                args=list(options.get("args") or ()),
            )
            failure = None
            try:
                server.start()
            except EmulatorStartError as e:
                failure = str(e)
            if failure is not None:  # outside the except: no "during handling" chain in the report
                pytest.fail(failure, pytrace=False)
            self._running[key] = server
        return server

    def stop_all(self) -> None:
        for server in self._running.values():
            server.stop()
        self._running.clear()


_servers_key = pytest.StashKey[_Servers]()


def _session_options(config: pytest.Config) -> Dict[str, Any]:
    options: Dict[str, Any] = {}
    for name in _OPTIONS:
        value = config.getoption(f"livy_{name}") or config.getini(f"livy_{name}") or None
        if value is not None:
            options[name] = value
    conf: Dict[str, str] = {}
    entries: List[str] = list(config.getini("livy_conf") or []) + list(config.getoption("livy_conf") or [])
    for entry in entries:
        key, sep, value = entry.partition("=")
        if not sep or not key.strip():
            raise pytest.UsageError(f"--livy-conf / livy_conf takes KEY=VALUE, got {entry!r}")
        conf[key.strip()] = value.strip()
    if conf:
        options["conf"] = conf
    return options


def _test_options(request: pytest.FixtureRequest) -> Dict[str, Any]:
    options = _session_options(request.config)
    marker = request.node.get_closest_marker("livy")
    if marker is not None:
        if marker.args:
            raise pytest.UsageError("@pytest.mark.livy takes keyword arguments only")
        unknown = set(marker.kwargs) - _MARKER_KEYS
        if unknown:
            raise pytest.UsageError(f"@pytest.mark.livy: unknown option(s) {sorted(unknown)}")
        for name, value in marker.kwargs.items():
            if name == "conf":
                # The marker's keys are added to the session's (and win).
                options["conf"] = {**options.get("conf", {}), **dict(value or {})}
            elif value is not None:
                options[name] = value
    return options


@pytest.fixture(scope="session")
def livy_emulator_server(request: pytest.FixtureRequest) -> EmulatorServer:
    """The session's emulator server (command-line and ini options; markers do not apply)."""
    return request.config.stash[_servers_key].get(_session_options(request.config))


@pytest.fixture
def livy_emulator(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[LivyEmulator]:
    """A freshly reset emulator for this test; ``LIVY_URL`` points at it meanwhile."""
    server = request.config.stash[_servers_key].get(_test_options(request))
    emulator = LivyEmulator(server)
    emulator.reset()
    monkeypatch.setenv("LIVY_URL", server.livy_url)
    yield emulator
    if not server.running:
        pytest.fail(
            f"the livy-emulator server died during the test; its last output:\n{server.recent_output()}",
            pytrace=False,
        )


def livy_options(request: pytest.FixtureRequest) -> Optional[Dict[str, Any]]:
    """The options the ``livy_emulator`` fixture would use for this test (for plugins)."""
    return _test_options(request)

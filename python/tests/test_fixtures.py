"""The pytest plugin's behaviour, pinned through inner pytest runs (pytester)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import livy_emulator as livy_emulator_pkg


def test_each_test_gets_a_reset_emulator_and_the_session_server_is_shared(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import json, urllib.request

        def post(url, body):
            req = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                         headers={"Content-Type": "application/json"})
            return json.load(urllib.request.urlopen(req))

        pids = []

        def test_first(livy_emulator, livy_emulator_server):
            pids.append(livy_emulator_server.pid)
            assert post(livy_emulator.livy_url + "/sessions", {"kind": "pyspark"})["id"] == 0
            livy_emulator.outcomes.add(match="x", output={"text/plain": "1"})

        def test_second_sees_none_of_it(livy_emulator, livy_emulator_server):
            assert livy_emulator_server.pid == pids[0]
            body = json.load(urllib.request.urlopen(livy_emulator.livy_url + "/sessions"))
            assert body["total"] == 0
            assert livy_emulator.outcomes.list() == []
            assert post(livy_emulator.livy_url + "/sessions", {"kind": "pyspark"})["id"] == 0
        """
    )
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=2)


def test_the_marker_picks_profile_and_livy_conf_and_livy_url_is_set(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import os, urllib.request, urllib.error, pytest

        @pytest.mark.livy(profile="fabric")
        def test_fabric(livy_emulator):
            assert "/livyapi/versions/" in livy_emulator.livy_url
            assert os.environ["LIVY_URL"] == livy_emulator.livy_url

        @pytest.mark.livy(conf={"livy.server.csrf-protection.enabled": "true"})
        def test_csrf(livy_emulator):
            req = urllib.request.Request(os.environ["LIVY_URL"] + "/sessions", data=b'{"kind":"pyspark"}',
                                         method="POST", headers={"Content-Type": "application/json"})
            with pytest.raises(urllib.error.HTTPError) as e:
                urllib.request.urlopen(req)
            assert e.value.code == 400
            assert "CSRF" in e.value.read().decode()

        def test_default(livy_emulator, livy_emulator_server):
            assert livy_emulator.url == livy_emulator_server.url
        """
    )
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=3)


def test_command_line_options_configure_the_session_server(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        def test_frozen(livy_emulator):
            before = livy_emulator.clock()
            assert before["kind"] == "manual"
            assert livy_emulator.advance(60_000)["now"] == before["now"] + 60_000
        """
    )
    pytester.runpytest("-p", "no:cacheprovider", "--livy-clock", "frozen", "--livy-seed", "s1").assert_outcomes(
        passed=1
    )


def test_server_logs_go_to_the_tests_captured_output(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import urllib.request
        def test_fails(livy_emulator):
            urllib.request.urlopen(livy_emulator.url + "/sessions").read()
            assert False, "show me the captured output"
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*Captured stderr setup*", "*[[]livy-emulator[]] livy-emulator listening on*"])


def test_a_server_that_fails_to_start_fails_the_fixture_with_its_stderr(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import pytest
        @pytest.mark.livy(args=["--profile", "no-such-profile"])
        def test_never_runs(livy_emulator):
            pass
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*livy-emulator exited with code 2*", "*--profile must be one of*"])


def test_no_server_outlives_a_killed_test_run(pytester: pytest.Pytester, tmp_path: Path) -> None:
    pid_file = tmp_path / "server.pid"
    pytester.makepyfile(
        f"""
        import time
        def test_hangs(livy_emulator_server):
            open({str(pid_file)!r}, "w").write(str(livy_emulator_server.pid))
            time.sleep(60)
        """
    )
    run = subprocess.Popen(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q"],
        cwd=pytester.path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while not pid_file.exists() or not pid_file.read_text():
        assert time.monotonic() < deadline and run.poll() is None, "the inner run never started its server"
        time.sleep(0.05)
    server_pid = int(pid_file.read_text())
    os.kill(run.pid, signal.SIGKILL)  # a crash: no teardown, no atexit
    run.wait()
    deadline = time.monotonic() + 5
    while _alive(server_pid):
        assert time.monotonic() < deadline, f"server {server_pid} outlived the killed test run"
        time.sleep(0.05)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is gone for our purpose (its parent, the killed run, cannot reap it any more).
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ", 1)[1][0] != "Z"
    except OSError:
        return True


def test_statements_are_evaluated_for_real_on_the_wheels_node(livy_emulator: livy_emulator_pkg.LivyEmulator) -> None:
    import urllib.request

    def call(method: str, path: str, body: object = None) -> dict:
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(
            livy_emulator.livy_url + path, data=data, method=method, headers={"Content-Type": "application/json"}
        )
        return json.load(urllib.request.urlopen(req))

    call("POST", "/sessions", {"kind": "pyspark"})
    deadline = time.monotonic() + 30
    while call("GET", "/sessions/0")["state"] != "idle":  # statements need an idle session
        assert time.monotonic() < deadline
        time.sleep(0.1)
    answers = {}
    for code in ("1 + 1", "spark.range(10).count()"):
        statement = call("POST", "/sessions/0/statements", {"code": code})
        deadline = time.monotonic() + 60
        while statement["state"] != "available":
            assert time.monotonic() < deadline, statement
            time.sleep(0.1)
            statement = call("GET", f"/sessions/0/statements/{statement['id']}")
        answers[code] = statement["output"]["data"]["text/plain"]
    assert answers == {"1 + 1": "2", "spark.range(10).count()": "10"}
    if sys.platform.startswith("linux"):
        exe = os.readlink(f"/proc/{livy_emulator.server.pid}/exe")
        assert exe == os.path.realpath(livy_emulator_pkg.node_executable()), exe

"""The wheel and the npm package describe the same release."""

from __future__ import annotations

import json
from pathlib import Path

import livy_emulator

REPO = Path(__file__).resolve().parents[2]


def test_the_python_version_is_the_npm_packages() -> None:
    npm = json.loads((REPO / "package.json").read_text())["version"]
    assert livy_emulator.__version__ == npm
    pyproject = (REPO / "python" / "pyproject.toml").read_text()
    assert f'version = "{npm}"' in pyproject


def test_the_installed_package_carries_the_server_bundle_and_is_typed() -> None:
    root = Path(livy_emulator.__file__).parent
    assert (root / "py.typed").exists()
    assert Path(livy_emulator.server_script()).name == "livy-emulator.js"


def test_the_livy_emulator_command_is_the_cli_on_the_wheels_node() -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "livy_emulator", "--help"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "--port" in done.stdout and "LIVY_EMULATOR_" in done.stdout

"""The examples: a Livy client of each kind against the `livy_emulator` fixture.

Each example needs its client library (python/requirements/examples.txt). Where one is missing
the example is skipped, unless ``LIVY_EMULATOR_EXAMPLES_STRICT=1`` (CI): then it fails.
"""

from __future__ import annotations

import importlib
import os
import tempfile
from types import ModuleType
from typing import Callable

import pytest

# Airflow reads its home at import: keep it out of the user's ~/airflow.
os.environ.setdefault("AIRFLOW_HOME", tempfile.mkdtemp(prefix="livy-emulator-airflow-"))
os.environ.setdefault("AIRFLOW__CORE__LOAD_EXAMPLES", "False")


def _require(module: str) -> ModuleType:
    if os.environ.get("LIVY_EMULATOR_EXAMPLES_STRICT") == "1":
        return importlib.import_module(module)
    return pytest.importorskip(module)


@pytest.fixture
def require() -> Callable[[str], ModuleType]:
    """Imports a client library: skips the example without it (fails in CI's strict mode)."""
    return _require

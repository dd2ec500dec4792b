"""This directory's tests run against the installed package (a wheel in a fresh venv in CI)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def openapi_spec() -> dict:
    yaml = pytest.importorskip("yaml")
    with open(REPO / "spec" / "openapi.yaml", encoding="utf-8") as f:
        return yaml.safe_load(f)

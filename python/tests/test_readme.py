"""The README's Python quickstart, run as written: it must keep working."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def quickstart_block() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    after = readme.split("<!-- python-quickstart", 1)[1]
    match = re.search(r"```python\n(.*?)```", after, re.S)
    assert match, "the README has no python block after the python-quickstart marker"
    return match.group(1)


def test_the_readme_python_quickstart_passes(pytester: pytest.Pytester) -> None:
    pytest.importorskip("requests")
    pytester.makepyfile(test_livy_quickstart=quickstart_block())
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=2)

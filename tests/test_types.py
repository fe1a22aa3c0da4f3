"""mypy over tui/ ([tool.mypy] in pyproject.toml: strict for the engine) on every `make test`."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.checks


def test_tui_type_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    from mypy import api

    # The files and flags come from pyproject.toml, read from the project's root.
    monkeypatch.chdir(ROOT)
    stdout, stderr, status = api.run([])
    assert status == 0, f"mypy found problems:\n{stdout}{stderr}"

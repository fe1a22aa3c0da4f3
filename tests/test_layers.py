"""The rooms of tui/ import only downwards: import-linter checks the contracts in
pyproject.toml ([tool.importlinter]) on every `make test`."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.checks


def _config() -> dict:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)["tool"]["importlinter"]


def test_the_import_contracts_are_kept() -> None:
    # --no-cache: the cache would only save a second here and could hide an edit.
    result = subprocess.run(
        [sys.executable, "-c", "from importlinter.cli import lint_imports_command; lint_imports_command()",
         "--no-logo", "--no-cache"],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_room_of_tui_is_a_layer() -> None:
    """A new subpackage of tui/ must be given its place, or it escapes the contract."""
    layers = next(c for c in _config()["contracts"] if c["type"] == "layers")["layers"]
    rooms = {f"tui.{p.name}" for p in (ROOT / "tui").iterdir() if (p / "__init__.py").is_file()}
    assert rooms == set(layers)

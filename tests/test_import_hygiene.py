"""The engine stays pure: standard library only, no UI libraries, never reads a clock."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ENGINE = ROOT / "tui" / "engine"
ENGINE_FILES = sorted(ENGINE.glob("*.py"))
ENGINE_MODULES = ["tui.engine"] + [
    f"tui.engine.{m.name}" for m in pkgutil.iter_modules([str(ENGINE)])
] + ["tui.store"] + [  # the history store is headless too (no Textual, no YAML)
    f"tui.store.{m.name}" for m in pkgutil.iter_modules([str(ROOT / "tui" / "store")])
]
FORBIDDEN = ("textual", "rich", "yaml")
# Edges that must run without the UI too (the headless scheduler, `lumbar notify-test`).
HEADLESS_MODULES = ENGINE_MODULES + ["tui.notify", "tui.dosing", "tui.dose_history", "tui.report_doses"]


def test_engine_modules_found() -> None:
    assert {"tui.engine.session", "tui.engine.plan", "tui.engine.model"} <= set(ENGINE_MODULES)
    assert len(ENGINE_FILES) >= 8


def test_importing_the_engine_loads_no_ui_or_yaml() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {HEADLESS_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r})\n"
        "print(repr(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=False, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def imported_roots(tree: ast.AST) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("path", ENGINE_FILES, ids=lambda p: p.name)
def test_engine_imports_only_stdlib_and_itself(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    outside = {
        root for root in imported_roots(tree)
        if root not in sys.stdlib_module_names and root != "tui"
    }
    assert outside == set()
    # Absolute imports of the package must stay inside the engine.
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.split(".")[0] == "tui":
                assert node.module.startswith("tui.engine"), node.module
        if isinstance(node, ast.ImportFrom) and node.level > 1:
            pytest.fail(f"{path.name}: relative import leaves the engine: {ast.unparse(node)}")


CLOCK_CALLS = {
    ("time", "time"), ("time", "monotonic"), ("time", "perf_counter"), ("time", "time_ns"),
    ("time", "monotonic_ns"), ("datetime", "now"), ("datetime", "utcnow"), ("datetime", "today"),
    ("date", "today"),
}
CLOCK_NAMES = {"time", "monotonic", "perf_counter", "time_ns", "monotonic_ns"}


@pytest.mark.parametrize("path", ENGINE_FILES, ids=lambda p: p.name)
def test_engine_never_reads_a_clock(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            owner_name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
            if (owner_name, node.func.attr) in CLOCK_CALLS:
                found.append(ast.unparse(node))
        if isinstance(node, ast.ImportFrom) and node.module == "time":
            clocky = {a.name for a in node.names} & CLOCK_NAMES
            if clocky:
                found.append(ast.unparse(node))
    assert found == []


def test_clock_scan_catches_a_clock_read() -> None:
    """The scanner itself works: it flags the calls it is meant to flag."""
    sample = "import time, datetime\nx = time.monotonic()\ny = datetime.datetime.now()\n"
    tree = ast.parse(sample)
    calls = [ast.unparse(n) for n in ast.walk(tree) if isinstance(n, ast.Call)
             and isinstance(n.func, ast.Attribute)
             and ((n.func.value.attr if isinstance(n.func.value, ast.Attribute)
                   else getattr(n.func.value, "id", "")), n.func.attr) in CLOCK_CALLS]
    assert calls == ["time.monotonic()", "datetime.datetime.now()"]
    assert imported_roots(ast.parse("import yaml\nfrom rich.text import Text\n")) == {"yaml", "rich"}

"""The engine stays pure: standard library only and never reads a clock.

Which room may import which, and that the engine and services never import Textual, Rich
or YAML, is import-linter's job (tests/test_layers.py); this file checks what it cannot."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest
from tests.clock_scan import clock_reads

ROOT = Path(__file__).resolve().parents[2]
ENGINE = ROOT / "tui" / "engine"
ENGINE_FILES = sorted(ENGINE.rglob("*.py"))


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


@pytest.mark.parametrize("path", ENGINE_FILES, ids=lambda p: p.name)
def test_engine_never_reads_a_clock(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    assert clock_reads(tree) == []


@pytest.mark.parametrize(("source", "reads"), [
    ("import time\nx = time.monotonic()", ["time.monotonic()"]),
    ("import time as t\nx = t.perf_counter()", ["t.perf_counter()"]),
    ("from time import monotonic as m\nx = m()", ["from time import monotonic as m"]),
    ("import datetime\nx = datetime.datetime.now()", ["datetime.datetime.now()"]),
    ("import datetime as d\nx = d.date.today()", ["d.date.today()"]),
    ("from datetime import datetime as dt\nx = dt.utcnow()", ["dt.utcnow()"]),
    ("import time\ntime.sleep(1)", []),
    ("def f(now, clock):\n    return clock.time(now.today())", []),
    ("from time import sleep", []),
])
def test_the_clock_scan_flags_reads_and_only_reads(source: str, reads: list[str]) -> None:
    """The scan the engine test relies on: each way of reading a clock is caught, and
    names that merely look alike (a ``now`` argument, ``time.sleep``) are not."""
    assert clock_reads(ast.parse(source)) == reads


def test_imported_roots_names_each_top_level_package() -> None:
    tree = ast.parse("import yaml\nfrom rich.text import Text\nimport os.path\nfrom . import x\n")
    assert imported_roots(tree) == {"yaml", "rich", "os"}


def test_the_moved_event_names_still_resolve_from_the_events_module() -> None:
    from tui.engine import events
    from tui.engine.breaks import events as break_events
    from tui.engine.care import events as care_events

    assert events.BreakDue is break_events.BreakDue
    assert events.AlarmRang is care_events.AlarmRang
    with pytest.raises(AttributeError):
        events.NoSuchEvent  # noqa: B018

"""The engine stays pure: standard library only and never reads a clock.

Which room may import which, and that the engine and services never import Textual, Rich
or YAML, is import-linter's job (tests/test_layers.py); this file checks what it cannot."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

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


CLOCK_NAMES = {"time", "monotonic", "perf_counter", "time_ns", "monotonic_ns", "perf_counter_ns",
               "process_time", "thread_time", "clock_gettime", "clock_gettime_ns", "localtime", "gmtime",
               "ctime", "asctime", "strftime"}
"""Functions of the ``time`` module that read a clock."""
DATE_CLOCKS = {"now", "utcnow", "today"}
"""Class methods of ``datetime.datetime`` / ``datetime.date`` that read a clock."""


def clock_reads(tree: ast.AST) -> list[str]:
    """Every place in ``tree`` that reads a clock, as source text: calls of ``time``'s clock
    functions and of ``datetime.now()``-style methods, however the module or class was
    imported or renamed, and any import of a clock function by name."""
    time_modules, datetime_modules, date_classes = set(), set(), set()
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "time":
                    time_modules.add(alias.asname or "time")
                elif alias.name == "datetime":
                    datetime_modules.add(alias.asname or "datetime")
        elif isinstance(node, ast.ImportFrom) and node.module in ("time", "datetime"):
            for alias in node.names:
                if node.module == "time" and alias.name in CLOCK_NAMES:
                    found.append(ast.unparse(node))
                elif node.module == "datetime" and alias.name in ("datetime", "date"):
                    date_classes.add(alias.asname or alias.name)
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        owner, name = node.func.value, node.func.attr
        if isinstance(owner, ast.Name):
            if (owner.id in time_modules and name in CLOCK_NAMES) or (owner.id in date_classes and name in DATE_CLOCKS):
                found.append(ast.unparse(node))
        elif (isinstance(owner, ast.Attribute) and isinstance(owner.value, ast.Name)
              and owner.value.id in datetime_modules and owner.attr in ("datetime", "date")
              and name in DATE_CLOCKS):
            found.append(ast.unparse(node))
    return found


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

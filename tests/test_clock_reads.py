"""One module reads the system's clocks: tui/services/clocks.py. Everything else is handed
its clocks (the App through Services.clocks, the rest as arguments defaulting to the
functions of that module), so tests and benchmarks can set every clock lumbar reads.
tests/test_import_hygiene.py holds the engine to the same rule, with no exception."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.clock_scan import CLOCK_NAMES, DATE_CLOCKS, clock_reads

ROOT = Path(__file__).resolve().parent.parent
TUI = ROOT / "tui"
ALLOWED = {
    # The one place the clocks are read: monotonic, the real clock (boottime) and the wall.
    TUI / "services" / "clocks.py",
}
FILES = sorted(p for p in TUI.rglob("*.py") if p not in ALLOWED)


def clock_uses(tree: ast.AST) -> list[str]:
    """Clock reads (`clock_reads`), and clock functions named without a call, as a
    default argument would (`mono=time.monotonic`): a clock read later, elsewhere."""
    found = clock_reads(tree)
    time_modules = {alias.asname or "time" for node in ast.walk(tree) if isinstance(node, ast.Import)
                    for alias in node.names if alias.name == "time"}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.value.id in time_modules and node.attr in CLOCK_NAMES:
                text = ast.unparse(node)
                if not any(f.startswith(text + "(") for f in found):
                    found.append(text)
            elif node.value.id in ("datetime", "date") and node.attr in DATE_CLOCKS:
                text = ast.unparse(node)
                if not any(f.startswith(text + "(") for f in found):
                    found.append(text)
    return found


def test_the_scan_sees_every_file() -> None:
    assert len(FILES) > 100 and ALLOWED <= set(TUI.rglob("*.py"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(TUI)))
def test_no_module_but_the_clocks_reads_a_clock(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    assert clock_uses(tree) == [], "read the clocks through tui.services.clocks (or be handed them)"


@pytest.mark.parametrize(("source", "uses"), [
    ("import time\ndef f(clock=time.monotonic): ...", ["time.monotonic"]),
    ("import time\nx = time.monotonic()", ["time.monotonic()"]),
    ("from datetime import datetime\nx = datetime.now().astimezone()", ["datetime.now()"]),
    ("from datetime import datetime\nf = datetime.now", ["datetime.now"]),
    ("import time\ntime.sleep(1)", []),
    ("from tui.services.clocks import monotonic\nx = monotonic()", []),
])
def test_the_scan_flags_reads_and_named_clocks(source: str, uses: list[str]) -> None:
    assert clock_uses(ast.parse(source)) == uses

"""The screens and widgets never import the App's package (tui.app), not even for types:
a screen is handed its activity's controller, typed by a Protocol of tui/screens/host.py,
and reaches the App itself only through that module's `shell`."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TUI = Path(__file__).resolve().parent.parent / "tui"
FILES = sorted([*(TUI / "screens").rglob("*.py"), *(TUI / "widgets").rglob("*.py")])


def app_imports(tree: ast.AST) -> list[str]:
    """Every import of tui.app or a module under it, as source text."""
    found = []
    for node in ast.walk(tree):
        names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                 else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
        if any(name == "tui.app" or name.startswith("tui.app.") for name in names):
            found.append(ast.unparse(node))
    return found


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(TUI)))
def test_no_screen_or_widget_imports_the_app(path: Path) -> None:
    assert app_imports(ast.parse(path.read_text(encoding="utf-8"))) == []


def test_the_scan_finds_imports_under_type_checking_too() -> None:
    source = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from tui.app.app import LumbarApp\n"
    assert app_imports(ast.parse(source)) == ["from tui.app.app import LumbarApp"]

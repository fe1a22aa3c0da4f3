"""Counting the repaints a widget asks for, by either road: refresh() or paint_now()."""

from __future__ import annotations

from types import ModuleType

import pytest
from textual.widget import Widget

from tui.widgets.paint import paint_now


def count_repaints(widget: Widget, module: ModuleType, monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """A list that grows by one on each ``widget.refresh`` and each ``paint_now`` made
    from ``module`` (the widget's own module, which imported it)."""
    calls: list[bool] = []
    original = widget.refresh

    def refresh_spy(*args: object, **kwargs: object) -> Widget:
        calls.append(True)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    def paint_spy(target: Widget, *regions: object) -> bool:
        if target is widget:
            calls.append(True)
        return paint_now(target, *regions)  # type: ignore[arg-type]

    monkeypatch.setattr(widget, "refresh", refresh_spy)
    monkeypatch.setattr(module, "paint_now", paint_spy)
    return calls

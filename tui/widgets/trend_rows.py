"""Rows of a label, a two-line sparkline and its numbers, drawn by one widget.

The history screen's pain and dose lines were each a Horizontal of three widgets (a label,
Textual's Sparkline, the numbers): eight widgets for the two pain lines alone, and each
widget costs its own styling, layout and messages when the screen opens (about 15 ms of a
~70 ms open on a busy machine). This widget draws the same cells in one: a Rich grid of the
label, Textual's Sparkline renderable (the same one the Sparkline widget draws) and the
numbers, in the Sparkline widget's colours.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.renderables.sparkline import Sparkline
from textual.widget import Widget

LABEL = 8
"""Cells of the label column."""
LINE = 16
"""Cells of the sparkline."""
GAP = 2
"""Cells between the sparkline and the numbers."""
HEIGHT = 2
"""Lines of each row (the sparkline's height)."""

Row = tuple[str, Sequence[float], str]
"""(label, values oldest first (fewer than two: a flat line), numbers)."""


class TrendRows(Widget):
    """See the module docstring. Labels and numbers are plain text (no markup)."""

    DEFAULT_CSS = """
    TrendRows { height: auto; }
    TrendRows > .trend-rows--max-color { color: $primary; }
    TrendRows > .trend-rows--min-color { color: $primary 30%; }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"trend-rows--max-color", "trend-rows--min-color"}
    """The colours a sparkline blends between, as in Textual's Sparkline widget."""

    def __init__(self, rows: Sequence[Row], *, name: str | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        """Args:
            rows: (label, values, numbers) from top to bottom.
        """
        super().__init__(name=name, id=id, classes=classes)
        self.rows: tuple[Row, ...] = tuple(rows)

    def render(self) -> Table:
        _, base = self.background_colors
        low = (base + self.get_component_styles("trend-rows--min-color").color).rich_color
        high = (base + self.get_component_styles("trend-rows--max-color").color).rich_color
        grid = Table.grid()
        grid.add_column(width=LABEL, no_wrap=True, overflow="crop")
        grid.add_column(width=LINE)
        grid.add_column(width=GAP)
        grid.add_column(no_wrap=True, overflow="ellipsis")
        for label, values, numbers in self.rows:
            line = Sparkline(list(values) if len(values) > 1 else [], width=LINE, height=HEIGHT,
                             min_color=low, max_color=high)
            grid.add_row(Text(label), line, "", Text(numbers))
        return grid

"""FigureView: the exercise's stick figure, moving with the count (tui.engine.figure).

Fed by the workout screen from its heartbeat through :meth:`FigureView.show` with the key
poses and the frame (which poses, how far between them); it redraws only when the frame or
its size changes, and repaints only the rows whose cells changed. A rep draws the same few
dozen frames again and again, and those drawings are cached (tui.engine.figure.draw).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from tui.engine.figure.draw import Style, render
from tui.engine.figure.motion import Frame, pose_of
from tui.widgets.paint import paint_now
from tui.widgets.strips import PlainRows, crop_columns, textual_draws

if TYPE_CHECKING:
    from tui.engine.figure.pose import Moves

#: Cells of the figure's box: four columns for each row, as braille's 2 x 4 dots keep
#: a square dot (32 x 8 cells is the size every shipped pose is drawn to read at).
COLUMNS_PER_ROW = 4
#: Rows below which the figure is not drawn: it no longer reads as a body.
MIN_ROWS = 5


def figure_size(width: int, height: int) -> tuple[int, int]:
    """The (columns, rows) of the largest figure box inside ``width`` x ``height`` cells."""
    rows = min(height, width // COLUMNS_PER_ROW)
    return rows * COLUMNS_PER_ROW, rows


class FigureView(Widget):
    """A stick figure centred in the widget; blank until :meth:`show`."""

    DEFAULT_CSS = """
    FigureView {
        width: 32;
        height: 1fr;
        color: $text;
    }
    """

    def __init__(self, style: Style = "braille", *, id: str | None = None) -> None:
        """Args:
            style: ``braille`` (2 x 4 dots a cell) or ``blocks`` (half blocks).
            id: The ID of the widget in the DOM.
        """
        super().__init__(id=id)
        self.style = style
        self._moves: Moves | None = None
        self._frame: Frame | None = None
        self._lines: list[str] = []
        self._finished: list[Strip] | None = None
        self._rows = PlainRows(self, limit=96)
        self._drawn: dict[tuple[object, ...], tuple[Moves, list[str]]] = {}
        """Rows by (key poses, frame, size): a rep repeats its frames, each drawn once."""

    @property
    def lines(self) -> list[str]:
        """The rows drawn now (the widget's content, figure centred), for tests."""
        return self._lines

    def show(self, moves: Moves | None, frame: Frame) -> None:
        """Draw ``moves`` at ``frame``; repaints only the rows that change."""
        if moves is self._moves and frame == self._frame:
            return
        self._moves, self._frame = moves, frame
        old, new = self._lines, self._layout()
        if new == old:
            return  # most frames move the figure by less than a dot
        self._lines, self._finished = new, None
        if not self.is_mounted:
            return
        if len(old) != len(new):
            self.refresh()
            return
        changed = [y for y, (a, b) in enumerate(zip(old, new)) if a != b]
        # Only the cells that changed: a frame costs in proportion to the area painted.
        columns = [x for y in changed for x, (a, b) in enumerate(zip(old[y], new[y])) if a != b]
        left = min(columns, default=0)
        right = max(columns, default=self.size.width - 1)
        if any(len(old[y]) != len(new[y]) for y in changed):
            right = self.size.width - 1
        region = Region(left, changed[0], right - left + 1, changed[-1] - changed[0] + 1)
        if textual_draws(self):
            self.refresh(region)
        else:
            paint_now(self, region)

    def _layout(self) -> list[str]:
        width, height = self.content_size
        if self._moves is None or self._frame is None:
            return []
        key = (id(self._moves), self._frame, width, height)
        found = self._drawn.get(key)
        if found is None or found[0] is not self._moves:
            if len(self._drawn) >= 256:
                self._drawn.clear()
            found = self._drawn[key] = (self._moves, self._draw(width, height))
        return found[1]

    def _draw(self, width: int, height: int) -> list[str]:
        assert self._moves is not None and self._frame is not None
        columns, rows = figure_size(width, height)
        if rows < MIN_ROWS:
            return []
        drawn = render(pose_of(self._moves, self._frame), columns, rows, self.style)
        left = " " * ((width - columns) // 2)
        return [""] * ((height - rows) // 2) + [left + row for row in drawn]

    def on_resize(self) -> None:
        self._lines = self._layout()
        self._finished = None
        self._rows.clear()

    def notify_style_update(self) -> None:
        self._finished = None
        self._rows.clear()
        super().notify_style_update()

    def render(self) -> Content:
        """The same rows as one piece of content (for inspection; drawing uses render_lines)."""
        return Content("\n".join(self._lines))

    def render_lines(self, crop: Region) -> list[Strip]:
        if textual_draws(self):
            return super().render_lines(crop)
        if self._finished is None:
            row = self._rows.row
            self._finished = [row(line) for line in self._lines] + [row("")] * (self.outer_size.height - len(self._lines))
        return crop_columns(self._finished[crop.y:crop.bottom], crop, self.outer_size.width)

"""RoutineProgress: one row, a bar for the whole routine and the time left in it.

Textual's ProgressBar keeps its own one-second timer (for an ETA we do not show), which
would wake the app beside the one heartbeat; this draws only when what it shows changes.
Under two minutes left its label changes every second, with the clock: it paints
directly (tui.widgets.paint), so both go out in the clock's one write a second.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.geometry import Region
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget

from tui.engine.timefmt import clock_text
from tui.widgets.paint import paint_now
from tui.widgets.strips import crop_columns, finish, textual_draws

if TYPE_CHECKING:
    from typing_extensions import Self

#: Width kept for the label, so the bar does not jump as the text changes.
LABEL_WIDTH = 16


def left_text(seconds: float) -> str:
    """Whole minutes, rounded down, from two minutes up; below that ``m:ss``.

    Never more than the truth: "2 min left" means at least two minutes, so 61 s reads
    "1:01 left", not "2 min left" (the big clock already ticks the step's seconds).
    """
    if seconds >= 120:
        return f"{int(seconds // 60)} min left"
    return f"{clock_text(seconds)} left"


class RoutineProgress(Widget):
    DEFAULT_CSS = """
    RoutineProgress {
        height: 1;
        width: 1fr;
        color: $text-muted;
    }
    RoutineProgress > .routine-progress--done { color: $primary; }
    RoutineProgress > .routine-progress--todo { color: $panel-lighten-2; }
    """
    COMPONENT_CLASSES = {"routine-progress--done", "routine-progress--todo"}

    _direct = False
    """True while `show` repaints: that refresh paints directly (tui.widgets.paint)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._fraction = 0.0
        self._label = ""
        self._drawn: tuple[int, str] | None = None
        self._row: Strip | None = None
        """The finished row for ``_drawn``, until it, the size or the styles change."""

    def show(self, fraction: float, seconds_left: float) -> None:
        """Set the routine's progress (0..1) and time left; redraws only on a visible change."""
        self._fraction = min(1.0, max(0.0, fraction))
        self._label = left_text(seconds_left)
        drawn = (self._half_cells(), self._label)
        if drawn != self._drawn:
            self._drawn = drawn
            self._row = None
            self._direct = True
            try:
                self.refresh()
            finally:
                self._direct = False

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False,
                recompose: bool = False) -> Self:
        """As ``Widget.refresh``; the plain repaint `show` asks for paints directly."""
        if self._direct and not regions and repaint and not layout and not recompose:
            self._direct = False  # paint_now's fallback comes back here: Textual's road
            width = self.content_size.width
            if width and not textual_draws(self):
                paint_now(self, Region(0, 0, width, 1))
                return self
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    @property
    def label(self) -> str:
        return self._label

    def _bar_width(self) -> int:
        return max(0, self.content_size.width - LABEL_WIDTH)

    def _half_cells(self) -> int:
        return round(self._fraction * self._bar_width() * 2)

    def render_lines(self, crop: Region) -> list[Strip]:
        # One row, kept finished until what it shows, its size or its styles change, so
        # a direct paint (which skips Textual's render caches) draws the new text.
        if textual_draws(self):
            return super().render_lines(crop)
        if self._row is None:
            strips = Visual.to_strips(self, self.render(), self.content_size.width, 1,
                                      self.visual_style, pad=True)
            self._row = finish(self, strips[0])
        blank = Strip.blank(self.outer_size.width, self.visual_style.rich_style)
        rows = [self._row if y == 0 else blank for y in range(crop.y, crop.bottom)]
        return crop_columns(rows, crop, self.outer_size.width)

    def notify_style_update(self) -> None:
        # A new theme or NO_COLOR recolours the row.
        self._row = None
        super().notify_style_update()

    def on_resize(self) -> None:
        self._row = None

    def render(self) -> Content:
        width = self._bar_width()
        full, half = divmod(self._half_cells(), 2)
        done = "━" * full + ("╸" if half else "")
        # In monochrome both colours turn a near-equal grey: what is left gets its own glyph.
        todo = ("╌" if self.app.no_color else "━") * max(0, width - len(done))
        return Content.assemble(
            (done, self.get_visual_style("routine-progress--done", partial=True)),
            (todo, self.get_visual_style("routine-progress--todo", partial=True)),
            self._label.rjust(LABEL_WIDTH),
        )

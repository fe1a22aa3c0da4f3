"""RoutineProgress: one row, a bar for the whole routine and the time left in it.

Textual's ProgressBar keeps its own one-second timer (for an ETA we do not show), which
would wake the app beside the one heartbeat; this draws only when what it shows changes.
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from tui.engine.timefmt import clock_text

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

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._fraction = 0.0
        self._label = ""
        self._drawn: tuple[int, str] | None = None

    def show(self, fraction: float, seconds_left: float) -> None:
        """Set the routine's progress (0..1) and time left; redraws only on a visible change."""
        self._fraction = min(1.0, max(0.0, fraction))
        self._label = left_text(seconds_left)
        drawn = (self._half_cells(), self._label)
        if drawn != self._drawn:
            self._drawn = drawn
            self.refresh()

    @property
    def label(self) -> str:
        return self._label

    def _bar_width(self) -> int:
        return max(0, self.content_size.width - LABEL_WIDTH)

    def _half_cells(self) -> int:
        return round(self._fraction * self._bar_width() * 2)

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

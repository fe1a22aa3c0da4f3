"""BreathPacer: a bar that swells on the in-breath and shrinks on the out-breath.

The app's heartbeat calls :meth:`BreathPacer.show` 10-25 times a second with
the engine's phase and progress. The widget turns that into a *drawing key*
(phase, whole seconds, breath count, bar length in half cells) and repaints
only when the key changes, so most heartbeats cost a tuple comparison.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, NamedTuple

from textual.content import Content
from textual.strip import Strip
from textual.visual import Visual
from textual.geometry import Region
from textual.widget import Widget

from tui.widgets.paint import paint_now
from tui.widgets.strips import PlainRows, crop_columns, finish, textual_draws

if TYPE_CHECKING:
    from textual.geometry import Size

#: What the user reads for each engine phase name.
PHASE_WORDS: dict[str, str] = {
    "inhale": "Breathe in",
    "hold": "Hold",
    "exhale": "Breathe out",
    # "Rest" would clash with rest steps; this says what to do with the lungs.
    "hold_out": "Hold empty",
}

# Half blocks, not eighths: the left end of a centred bar needs right-aligned
# partial blocks and only the half (▐) is in common terminal fonts.
_FULL, _LEFT_END, _RIGHT_END = "█", "▐", "▌"


class PacerDrawing(NamedTuple):
    """Everything that decides what is on screen; equal drawings look the same."""

    phase: str | None
    seconds: int
    breath: int | None
    breaths: int | None
    units: int | None
    """Bar length per side in half cells; None when no bar is drawn."""


def shape_size(phase: str, fraction: float) -> float:
    """How full the bar is (0..1) at ``fraction`` of the way through ``phase``.

    Raises:
        ValueError: For a phase name not in :data:`PHASE_WORDS`.
    """
    fraction = min(1.0, max(0.0, fraction))
    if phase == "inhale":
        return fraction
    if phase == "exhale":
        return 1.0 - fraction
    if phase == "hold":
        return 1.0
    if phase == "hold_out":
        return 0.0
    raise ValueError(f"unknown breath phase {phase!r}; expected one of {sorted(PHASE_WORDS)}")


def whole_seconds(seconds_left: float) -> int:
    """Seconds left rounded up, so "1" shows until the phase really ends.

    The small tolerance stops float noise (3.0000000001) from showing "4".
    """
    return max(0, math.ceil(seconds_left - 1e-6))


def bar_units(size: float, side_cells: int, level: str) -> int | None:
    """Bar length per side in half cells, or None when animations are off.

    ``"basic"`` moves in whole cells (half the repaints of ``"full"``); both
    keep a one-unit stub at size 0 so the eye has a centre to return to.
    """
    if level == "none":
        return None
    if side_cells <= 0:
        return 0
    if level == "basic":
        return 2 * max(1, round(size * side_cells))
    return max(1, round(size * 2 * side_cells))


def bar_line(units: int, side_cells: int) -> str:
    """One row of a bar growing out from the centre of ``2 * side_cells`` columns."""
    full, half = divmod(min(units, 2 * side_cells), 2)
    pad = " " * (side_cells - full - half)
    return pad + _LEFT_END * half + _FULL * full + _FULL * full + _RIGHT_END * half + pad


def _centred(content: Content, width: int) -> Content:
    """Pad ``content`` on the left to centre it in ``width`` columns."""
    return content.pad_left(max(0, (width - content.cell_length) // 2))


class BreathPacer(Widget):
    """Phase word, seconds left, an optional breath count and a pacing bar."""

    DEFAULT_CSS = """
    BreathPacer {
        width: 1fr;
        height: auto;
        padding: 0 2;
        color: $text;
        text-wrap: nowrap;
        text-overflow: clip;

        &.-inhale { color: $text-accent; }
        &.-exhale { color: $text-primary; }
        &.-hold, &.-hold-out { color: $text-secondary; }

        & > .breath-pacer--count { color: $text-muted; }
    }
    """
    """Full width, height from content; colour per phase; a muted breath count."""

    COMPONENT_CLASSES = {"breath-pacer--count"}
    """``breath-pacer--count``: the "breath 2 of 5" line."""

    def __init__(
        self,
        *,
        bar_rows: int = 2,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        """Create a BreathPacer (blank until the first :meth:`show`).

        Args:
            bar_rows: Height of the bar, 1 to 3 rows.
            name: The name of the widget.
            id: The ID of the widget in the DOM.
            classes: The CSS classes of the widget.
            disabled: Whether the widget is disabled or not.

        Raises:
            ValueError: If ``bar_rows`` is outside 1..3.
        """
        if not 1 <= bar_rows <= 3:
            raise ValueError(f"bar_rows must be 1 to 3, not {bar_rows}")
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self._bar_rows = bar_rows
        self._shape_size = 0.0
        self._drawn = PacerDrawing(None, 0, None, None, None)
        self._side: int | None = None
        self._text_rows: list[Strip] | None = None
        self._plain = PlainRows(self)

    @property
    def drawing(self) -> PacerDrawing:
        """The quantised state last shown, for screen tests to assert on."""
        return self._drawn

    def show(
        self,
        phase: str,
        fraction: float,
        seconds_left: float,
        breath: int | None = None,
        breaths: int | None = None,
    ) -> None:
        """Show a moment of a breath; repaints only if the drawing changes.

        Args:
            phase: ``"inhale"``, ``"hold"``, ``"exhale"`` or ``"hold_out"``.
            fraction: Progress through the phase, 0 to 1 (clamped).
            seconds_left: Seconds until the phase ends (shown rounded up).
            breath: Which breath this is (1-based), if counting.
            breaths: How many breaths in all, if known.

        Raises:
            ValueError: For an unknown phase.
        """
        size = shape_size(phase, fraction)
        units = bar_units(size, self._side_cells, self.app.animation_level)
        drawing = PacerDrawing(phase, whole_seconds(seconds_left), breath, breaths, units)
        self._shape_size = size
        if drawing == self._drawn:
            return
        previous, self._drawn = self._drawn, drawing
        if previous._replace(units=None) != drawing._replace(units=None):
            self._text_rows = None
        if phase != previous.phase:
            for name in PHASE_WORDS:
                self.set_class(name == phase, f"-{name.replace('_', '-')}")
        if previous._replace(units=drawing.units) == drawing and previous.units is not None and drawing.units is not None:
            # Only the bar moved, and it grows from the centre: repaint the cells at its
            # two ends, not the whole widget, since a frame costs in proportion to its area.
            self._refresh_bar_ends(previous.units, drawing.units)
            return
        # Layout only when rows appear or vanish (bar on/off, count on/off).
        self.refresh(layout=self._rows(previous) != self._rows(drawing))

    def _refresh_bar_ends(self, old: int, new: int) -> None:
        side = self._side_cells
        before, after = bar_line(old, side), bar_line(new, side)
        changed = [x for x, (a, b) in enumerate(zip(before, after)) if a != b]
        if not changed:
            return
        runs = [[x for x in changed if x < side], [x for x in changed if x >= side]]
        # Content coordinates: the bar rows start one row below the phase line.
        regions = [Region(run[0], 1, run[-1] - run[0] + 1, self._bar_rows) for run in runs if run]
        if textual_draws(self):
            self.refresh(*regions)
        else:
            paint_now(self, *regions)

    @property
    def _side_cells(self) -> int:
        """Cells on each side of the centre available to the bar (kept from the last resize:
        asking the DOM for the size on every frame costs more than the frame's drawing)."""
        if self._side is None:
            self._side = self.content_size.width // 2
        return self._side

    def on_resize(self) -> None:
        self._side = None
        self._forget_strips()
        if self._drawn.units is not None:
            # The bar keeps its size (0..1) at the new width, paused or not.
            units = bar_units(self._shape_size, self._side_cells, self.app.animation_level)
            self._drawn = self._drawn._replace(units=units)

    def notify_style_update(self) -> None:
        # A phase class or a theme change recolours every row.
        self._forget_strips()
        super().notify_style_update()

    def _forget_strips(self) -> None:
        self._text_rows = None
        self._plain.clear()

    def render_lines(self, crop: Region) -> list[Strip]:
        # Whole rows kept finished (padding, colours, filters): a frame that only moves
        # the bar builds one new row, shared by every bar row; the text rows are built
        # once per drawing, not once per frame as Textual's default would.
        if textual_draws(self):
            return super().render_lines(crop)
        return crop_columns([self._row(y) for y in range(crop.y, crop.bottom)], crop, self.outer_size.width)

    def _row(self, y: int) -> Strip:
        drawn = self._drawn
        if drawn.units is not None and 1 <= y <= self._bar_rows:
            return self._plain.row(" " * self.styles.padding.left + bar_line(drawn.units, self._side_cells))
        if self._text_rows is None:
            content = Visual.to_strips(self, self.render(), self.content_size.width, None,
                                       self.visual_style, pad=True)
            self._text_rows = [finish(self, strip) for strip in content]
        if y < len(self._text_rows):
            return self._text_rows[y]
        return self._plain.row("")

    def _rows(self, drawing: PacerDrawing) -> int:
        """How many rows ``drawing`` takes."""
        bar = self._bar_rows if drawing.units is not None else 0
        return 1 + bar + (drawing.breath is not None or drawing.breaths is not None)

    def render(self) -> Content:
        """Phase line, bar rows (unless animations are off), breath count."""
        drawn = self._drawn
        width = self.content_size.width
        lines: list[Content] = []
        if drawn.phase is None:
            lines.append(Content(""))
        else:
            word = PHASE_WORDS[drawn.phase]
            lines.append(_centred(Content.assemble((word, "bold"), f"  {drawn.seconds}"), width))
        if drawn.units is not None:
            # Recomputed from the current width so a resize redraws to fit.
            side = self._side_cells
            units = bar_units(self._shape_size, side, self.app.animation_level) or 0
            lines.extend([Content(bar_line(units, side))] * self._bar_rows)
        if drawn.breath is not None or drawn.breaths is not None:
            if drawn.breath is None:
                count = f"{drawn.breaths} breaths"
            elif drawn.breaths is None:
                count = f"breath {drawn.breath}"
            else:
                count = f"breath {drawn.breath} of {drawn.breaths}"
            style = self.get_visual_style("breath-pacer--count", partial=True)
            lines.append(_centred(Content.styled(count, style), width))
        return Content("\n").join(lines)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """Rows for the current drawing (3-5 normally, 1-2 with animations off)."""
        return self._rows(self._drawn)

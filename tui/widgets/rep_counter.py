"""RepCounter: "Rep 3 of 10", plus the tempo phase or a tap-to-count hint.

On a tempo step the phase reads like the breath pacer: its word and whole seconds
left on one line, and under it a track as wide as the widget. Like the other session
widgets it is fed by the app's heartbeat through :meth:`RepCounter.show` and repaints
only when what it draws changes: the rep number, the phase word or its seconds, or
the track moving by an eighth of a cell.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, NamedTuple

from textual.content import Content
from textual.geometry import Region
from textual.reactive import reactive
from textual.widget import Widget

from tui.widgets.big_font import big_size, render_half

if TYPE_CHECKING:
    from textual.geometry import Size

#: What the user reads for each engine tempo phase (see ``Tempo`` in the model).
TEMPO_WORDS: dict[str, str] = {
    "lift": "Lift",
    "hold": "Hold",
    "lower": "Lower",
    "pause": "Pause",
}

#: Cells in the tempo track when the widget's width is not known yet (before layout).
TRACK_CELLS = 10

# Left-aligned eighth blocks: index n is n/8 of a cell filled from the left.
_EIGHTHS = " ▏▎▍▌▋▊▉"


class RepDrawing(NamedTuple):
    """Everything that decides what is on screen; equal drawings look the same."""

    done: int
    total: int
    phase: str | None
    eighths: int | None
    """Tempo progress in eighths of a cell; None when no track is drawn."""
    tap: bool
    seconds: int | None = None
    """Whole seconds left in the tempo phase, rounded up; None when not given."""
    word: str | None = None
    """The routine's word for the phase; None for the usual one (:data:`TEMPO_WORDS`)."""


def rep_label(done: int, total: int) -> str:
    """The headline: the rep in progress, e.g. ``"Rep 3 of 10"`` when 2 are done."""
    if done >= total:
        return f"All {total} reps done"
    return f"Rep {done + 1} of {total}"


def progress_track(eighths: int, cells: int = TRACK_CELLS) -> str:
    """A left-to-right bar ``cells`` wide filled to ``eighths`` / 8 cells."""
    full, part = divmod(max(0, min(eighths, cells * 8)), 8)
    partial = _EIGHTHS[part] if part else ""
    return "█" * full + partial + " " * (cells - full - len(partial))


class RepCounter(Widget):
    """Rep number in bold; below it the tempo phase and its progress, or a hint."""

    DEFAULT_CSS = """
    RepCounter {
        width: 1fr;
        height: auto;
        color: $text;
        text-wrap: nowrap;
        text-overflow: ellipsis;

        & > .rep-counter--track { color: $text-accent; }
        & > .rep-counter--hint { color: $text-muted; }
    }
    """
    """Full width, one or two rows; accent track and muted hint."""

    COMPONENT_CLASSES = {"rep-counter--track", "rep-counter--hint"}
    """``rep-counter--track``: tempo progress; ``rep-counter--hint``: tap hint."""

    tap_hint: reactive[str] = reactive("press the rep key after each rep")
    """Shown under the count for tap-counted reps. The app fills in the real
    key from its bindings, since keys can be remapped."""

    def __init__(
        self,
        tap_hint: str | None = None,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        """Create a RepCounter (blank until the first :meth:`show`).

        Args:
            tap_hint: Hint for tap-counted reps, e.g. ``"press space for each rep"``;
                None keeps the generic default.
            name: The name of the widget.
            id: The ID of the widget in the DOM.
            classes: The CSS classes of the widget.
            disabled: Whether the widget is disabled or not.
        """
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        if tap_hint is not None:
            self.set_reactive(RepCounter.tap_hint, tap_hint)
        self._drawn: RepDrawing | None = None
        self._big_rep = False

    @property
    def big_rep(self) -> bool:
        """On a tempo step, draw the count three rows tall in the block font where it fits
        ("REP 3 OF 8", to read from across a room); set by a screen with the height for it."""
        return self._big_rep

    @big_rep.setter
    def big_rep(self, value: bool) -> None:
        if value != self._big_rep:
            self._big_rep = value
            self.refresh(layout=True)

    def _big_label(self, drawn: RepDrawing) -> tuple[str, ...] | None:
        """The count in the half-height block font, or None when it is not wanted or does
        not fit the width."""
        if not self._big_rep or drawn.phase is None or drawn.done >= drawn.total:
            return None
        text = f"REP {drawn.done + 1} OF {drawn.total}"
        if big_size(text)[0] > self.content_size.width:
            return None
        return render_half(text)

    @property
    def drawing(self) -> RepDrawing | None:
        """The quantised state last shown (None before the first :meth:`show`)."""
        return self._drawn

    def show(
        self,
        done: int,
        total: int,
        phase: str | None = None,
        fraction: float = 0.0,
        tap: bool = False,
        left: float | None = None,
        word: str | None = None,
    ) -> None:
        """Show progress through a set; repaints only if the drawing changes.

        Args:
            done: Reps completed so far; the headline names the *next* rep
                (``done=2, total=10`` reads "Rep 3 of 10").
            total: Reps in the set (at least 1).
            phase: Tempo phase (``"lift"``, ``"hold"``, ``"lower"``, ``"pause"``),
                or None for no tempo line.
            fraction: Progress through the tempo phase, 0 to 1 (clamped).
            tap: Reps are counted by key presses: show the hint, not a phase.
            left: Seconds left in the tempo phase, shown rounded up beside its word.
            word: The routine's own word for the phase (``"draw in"``), if it has one.

        Raises:
            ValueError: For an unknown phase, ``total`` below 1 or negative ``done``.
        """
        if total < 1 or done < 0:
            raise ValueError(f"need done >= 0 and total >= 1, got {done} of {total}")
        if phase is not None and phase not in TEMPO_WORDS:
            raise ValueError(f"unknown tempo phase {phase!r}; expected one of {sorted(TEMPO_WORDS)}")
        if tap or phase is None:
            drawing = RepDrawing(done, total, None, None, tap)
        else:
            eighths = round(min(1.0, max(0.0, fraction)) * self._track_cells() * 8)
            seconds = None if left is None else max(0, math.ceil(left - 1e-6))
            drawing = RepDrawing(done, total, phase, eighths, False, seconds, word)
        if drawing == self._drawn:
            return
        previous, self._drawn = self._drawn, drawing
        if previous is not None and previous._replace(eighths=drawing.eighths) == drawing:
            # Only the track moved (most frames): repaint its row, not the count above it.
            height = self.size.height
            self.refresh(Region(0, height - 1, self.size.width, 1))
            return
        self.refresh(layout=previous is None or self._height(previous) != self._height(drawing))

    @staticmethod
    def _rows(drawing: RepDrawing | None) -> int:
        """One row for the count, a second for a tempo phase or tap hint."""
        if drawing is None:
            return 1
        if drawing.phase is not None:
            return 3
        return 2 if drawing.tap else 1

    def _track_cells(self) -> int:
        """The track spans the widget, less its two end marks."""
        width = self.content_size.width
        return width - 2 if width > 12 else TRACK_CELLS

    def render(self) -> Content:
        """The count line and, when there is one, the phase or hint line."""
        drawn = self._drawn
        if drawn is None:
            return Content("")
        width = self.content_size.width
        big = self._big_label(drawn)
        if big is not None:
            lines = [Content(row) for row in big]
        else:
            lines = [Content.styled(rep_label(drawn.done, drawn.total), "bold")]
        if drawn.tap:
            hint_style = self.get_visual_style("rep-counter--hint", partial=True)
            # Content() takes the hint as plain text, so brackets are not markup.
            lines.append(Content.styled(self.tap_hint, hint_style))
        elif drawn.phase is not None and drawn.eighths is not None:
            track_style = self.get_visual_style("rep-counter--track", partial=True)
            word = drawn.word or TEMPO_WORDS[drawn.phase]
            seconds = "" if drawn.seconds is None else f"  {drawn.seconds}"
            lines.append(Content.assemble((word[:1].upper() + word[1:], "bold"), seconds))
            lines.append(Content.assemble(
                "▕", (progress_track(drawn.eighths, self._track_cells()), track_style), "▏"))
        # Centre each line on its own; the hint and the count differ in width.
        return Content("\n").join(
            line.pad_left(max(0, (width - line.cell_length) // 2)) for line in lines
        )

    def _height(self, drawing: RepDrawing | None) -> int:
        """:meth:`_rows`, and two more for the count in big letters."""
        big = drawing is not None and self._big_label(drawing) is not None
        return self._rows(drawing) + (2 if big else 0)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """One to five rows, see :meth:`_height`."""
        return self._height(self._drawn)

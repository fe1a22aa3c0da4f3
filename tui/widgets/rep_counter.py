"""RepCounter: "Rep 3 of 10", plus the tempo phase or a tap-to-count hint.

On a tempo step the phase reads like the breath pacer: its word and whole seconds
left on one line, and under it a track as wide as the widget. Like the other session
widgets it is fed by the app's heartbeat through :meth:`RepCounter.show` and repaints
only when what it draws changes: the rep number, the phase word or its seconds, or
the track moving by an eighth of a cell.

The track moves on nearly every frame (20 a second), so it is drawn like the breath
pacer's bar: from rows kept finished (tui.widgets.strips), painted directly
(tui.widgets.paint) over only the cells that changed. Through ``refresh`` each frame
rendered the whole widget (the three-row "REP 3 OF 8" too) and cost a tempo step about
half a point of a core more than the pacer.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, NamedTuple

from textual.content import Content
from textual.geometry import Region
from textual.reactive import reactive
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget

from tui.widgets.big_font import big_size, render_half
from tui.widgets.paint import paint_now
from tui.widgets.strips import crop_columns, finish_as_textual, textual_draws

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
#: Track rows kept finished, by fill: a rep passes the same few dozen fills again and again.
KEPT_TRACKS = 256

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
        self._cells: int | None = None
        """Track cells, kept from the last resize (asking the DOM each frame costs more)."""
        self._text_rows: list[Strip] | None = None
        """The finished rows above the track, for the current drawing."""
        self._track_y: int | None = None
        """The track's row, found with the rows above it (None: no track)."""
        self._tracks: dict[int, Strip] = {}
        """Finished track rows by fill in eighths, at the current size and styles."""
        self._blank: Strip | None = None

    @property
    def big_rep(self) -> bool:
        """On a tempo step, draw the count three rows tall in the block font where it fits
        ("REP 3 OF 8", to read from across a room); set by a screen with the height for it."""
        return self._big_rep

    @big_rep.setter
    def big_rep(self, value: bool) -> None:
        if value != self._big_rep:
            self._big_rep = value
            self._text_rows = None
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
        if (previous is not None and previous.eighths is not None and drawing.eighths is not None
                and previous._replace(eighths=drawing.eighths) == drawing):
            # Only the track moved (most frames): repaint the cells it changed, not the
            # count above it.
            self._repaint_track(previous.eighths, drawing.eighths)
            return
        self._text_rows = None
        layout = previous is None or self._height(previous) != self._height(drawing)
        if layout or textual_draws(self):
            self.refresh(layout=layout)
        else:
            # The phase or its seconds (once a second): the same rows, in the frame's one write.
            paint_now(self, self.size.region)

    def _repaint_track(self, old: int, new: int) -> None:
        cells = self._track_cells()
        before, after = progress_track(old, cells), progress_track(new, cells)
        changed = [x for x, (a, b) in enumerate(zip(before, after)) if a != b]
        if not changed:
            return
        # Content coordinates: the track is the last row, centred after its left end mark.
        left = max(0, (self.content_size.width - cells - 2) // 2) + 1
        region = Region(left + changed[0], self.size.height - 1, changed[-1] - changed[0] + 1, 1)
        if textual_draws(self):
            self.refresh(region)
        else:
            paint_now(self, region)

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
        if self._cells is None:
            width = self.content_size.width
            self._cells = width - 2 if width > 12 else TRACK_CELLS
        return self._cells

    def on_resize(self) -> None:
        self._forget_rows()

    def notify_style_update(self) -> None:
        # A theme change recolours every row.
        self._forget_rows()
        super().notify_style_update()

    def watch_tap_hint(self) -> None:
        self._text_rows = None

    def _forget_rows(self) -> None:
        self._cells = None
        self._text_rows = None
        self._tracks = {}
        self._blank = None

    def render_lines(self, crop: Region) -> list[Strip]:
        # Whole rows kept finished (padding, colours, filters): a frame that only moves the
        # track finds or builds that one row; the rows above it are built once per drawing,
        # not once per frame as Textual's default would. Top and bottom padding and borders
        # are not supported.
        if textual_draws(self):
            return super().render_lines(crop)
        return crop_columns([self._row(y) for y in range(crop.y, crop.bottom)], crop, self.outer_size.width)

    def _row(self, y: int) -> Strip:
        drawn = self._drawn
        if self._text_rows is None:
            lines = self._lines()
            self._track_y = None
            if drawn is not None and drawn.eighths is not None and not drawn.tap:
                lines = lines[:-1]  # the track has its own kept rows, under these
                self._track_y = len(lines)
            self._text_rows = self._finish(lines)
        if y == self._track_y and drawn is not None and drawn.eighths is not None:
            track = self._tracks.get(drawn.eighths)
            if track is None:
                if len(self._tracks) >= KEPT_TRACKS:
                    self._tracks = {}
                # Drawn under blank rows, so its cells carry the offsets Textual gives them.
                rows = [Content("")] * y + [self._track_line(drawn.eighths)]
                track = self._tracks[drawn.eighths] = self._finish(rows)[-1]
            return track
        if y < len(self._text_rows):
            return self._text_rows[y]
        if self._blank is None:
            self._blank = finish_as_textual(self, None)
        return self._blank

    def _finish(self, lines: list[Content]) -> list[Strip]:
        """``lines`` centred, as whole finished rows of the widget."""
        if not lines:
            return []
        width = self.content_size.width
        content = Visual.to_strips(self, self._join(lines, width), width, None, self.visual_style)
        return [finish_as_textual(self, strip) for strip in content]

    def _track_line(self, eighths: int) -> Content:
        track_style = self.get_visual_style("rep-counter--track", partial=True)
        return Content.assemble("▕", (progress_track(eighths, self._track_cells()), track_style), "▏")

    def render(self) -> Content:
        """The count line and, when there is one, the phase or hint line."""
        if self._drawn is None:
            return Content("")
        return self._join(self._lines(), self.content_size.width)

    @staticmethod
    def _join(lines: list[Content], width: int) -> Content:
        # Centre each line on its own; the hint and the count differ in width.
        return Content("\n").join(
            line.pad_left(max(0, (width - line.cell_length) // 2)) for line in lines
        )

    def _lines(self) -> list[Content]:
        """The rows drawn, uncentred: the count, then the phase and track or the hint."""
        drawn = self._drawn
        if drawn is None:
            return []
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
            word = drawn.word or TEMPO_WORDS[drawn.phase]
            seconds = "" if drawn.seconds is None else f"  {drawn.seconds}"
            lines.append(Content.assemble((word[:1].upper() + word[1:], "bold"), seconds))
            lines.append(self._track_line(drawn.eighths))
        return lines

    def _height(self, drawing: RepDrawing | None) -> int:
        """:meth:`_rows`, and two more for the count in big letters."""
        big = drawing is not None and self._big_label(drawing) is not None
        return self._rows(drawing) + (2 if big else 0)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """One to five rows, see :meth:`_height`."""
        return self._height(self._drawn)

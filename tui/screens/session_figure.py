"""The workout screen's figure and phase words: what the big area shows on each step.

Kept apart from tui/screens/session.py: the figure's code is imported only once a step
with a pose is shown on a screen wide enough for it, and mounted after the first frame,
so a start (and a narrow screen) costs nothing more.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from tui.engine.routine.plan import StepKind
from tui.engine.timefmt import clock_text
from tui.widgets.big_font import big_size
from tui.widgets.big_time import BigTime

if TYPE_CHECKING:
    from textual.widget import Widget

    from tui.engine.figure.pose import Moves
    from tui.engine.routine.model import Exercise, Routine
    from tui.engine.routine.view import SessionView
    from tui.widgets.figure_view import FigureView

#: The figure comes only from this width: the 60x20 layout keeps what it had.
MIN_WIDTH = 80
#: Below this the figure no longer reads as a body (five rows of braille).
MIN_COLUMNS = 20
#: The largest share of the width the figure may take.
SHARE = 0.5
#: What the big digits say for each tempo phase when the routine names none.
PHASE_WORDS = {"lift": "LIFT", "hold": "HOLD", "lower": "LOWER", "pause": "PAUSE"}


def phase_text(v: SessionView) -> str:
    """The big text of a tempo step: the phase (the routine's own word where it has one)
    and its whole seconds left, ``"LIFT 2"``."""
    assert v.tempo_phase is not None
    word = (v.tempo_word or PHASE_WORDS[v.tempo_phase]).upper()
    return f"{word} {max(0, math.ceil(v.tempo_left - 1e-6))}"


def figure_columns(width: int, text: str) -> int:
    """Columns for the figure on a screen ``width`` wide beside ``text`` in the big digits
    at their smallest scale (a multiple of four: the figure's box is four columns a row);
    0 when the text leaves no room for a figure that reads."""
    try:
        needed = big_size(text)[0]
    except ValueError:  # a word the font cannot draw shows as plain text
        needed = len(text)
    room = min(width - 4 - needed, int(width * SHARE)) - 2  # the digits' padding; a gap
    columns = 4 * (room // 4)
    return columns if columns >= MIN_COLUMNS else 0


def widest_text(v: SessionView) -> str:
    """The widest text the big digits show during this step (for the room beside them)."""
    if v.tempo_phase is not None and v.tempo_word is None:
        return "LOWER 9"
    if v.tempo_phase is not None:
        return f"{v.tempo_word} 99".upper()
    return clock_text(v.duration or 0.0) if v.remaining is not None else "99"


class FigurePlace:
    """Owns the figure beside the big digits: mounts it once needed, shows or hides it per
    step, and hands it each frame.

    Args:
        big: the container the digits sit in (the figure is mounted beside them).
        style: ``braille``, ``blocks``, or None (LUMBAR_FIGURE=off: no figure).
    """

    def __init__(self, big: Widget, style: str | None) -> None:
        self.big = big
        self.style = style
        self.view: FigureView | None = None
        self.moves: Moves | None = None
        self._wanted = False
        self._pose: tuple[Exercise | None, str | None] = (None, None)
        """The exercise and side the figure is wanted for, as last stepped."""
        self._last: SessionView | None = None
        self._still = False

    def step(self, v: SessionView, routine: Routine | None, width: int, small: bool) -> None:
        """A new step (or a new size): choose the key poses and whether the figure shows."""
        self.moves = None
        if self.style is None or small or width < MIN_WIDTH or routine is None or v.exercise is None:
            self._set(False)
            return
        exercise = routine.exercises[v.exercise] if v.exercise < len(routine.exercises) else None
        if exercise is None or exercise.pose is None:
            self._set(False)
            return
        columns = figure_columns(width, widest_text(v))
        if not columns:
            self._set(False)  # the figure yields first: the digits must stay big
            return
        self._pose = (exercise, v.side)
        if self.view is not None:
            self.moves = self._choose()
            self._set(self.moves is not None, columns + 2)
        else:
            # The first figure: its poses are chosen as it is mounted, after this frame.
            self._set(True, columns + 2)

    def _choose(self) -> Moves | None:
        # The figure's code (the poses, the library) is loaded with the first figure shown.
        from tui.engine.figure.choose import moves_for

        exercise, side = self._pose
        return moves_for(exercise, side)

    def _set(self, shown: bool, width: int = 0) -> None:
        self._wanted = shown
        view = self.view
        if view is None:
            if shown:
                # After the frame under way: the first frame of a routine is drawn without it.
                self.big.call_after_refresh(self._mount, width)
            return
        if shown:
            view.styles.width = width
        view.display = shown

    def _mount(self, width: int) -> None:
        if self.view is not None or not self._wanted or not self.big.is_attached:
            return  # the screen left (a quit, SIGTERM) between asking and now: nothing to add
        from tui.widgets.figure_view import FigureView

        self.moves = self._choose()
        if self.moves is None:
            return  # a pose the library does not have: no figure
        self.view = FigureView(self.style or "braille", id="figure")  # type: ignore[arg-type]
        self.view.styles.width = width
        self.big.mount(self.view)
        if self._last is not None:
            self.frame(self._last, self._still)  # drawn once it has its size (its on_resize)

    def frame(self, v: SessionView, still: bool) -> None:
        """Hand the figure this moment of the step (a pause shows the coming start)."""
        self._last, self._still = v, still
        view = self.view
        if view is None or self.moves is None or not view.display:
            return
        from tui.engine.figure.motion import frame

        phase = v.tempo_phase or v.breath_phase
        fraction = v.tempo_fraction if v.tempo_phase is not None else v.breath_fraction
        view.show(self.moves, frame(phase, fraction, work=v.kind.is_work, still=still or v.paused))

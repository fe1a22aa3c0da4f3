"""Figures as plain text: each exercise of a routine beside its key poses, for
`lumbar show` and the routine list's timeline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.engine.figure.choose import moves_for
from tui.engine.figure.draw import Style, render

if TYPE_CHECKING:
    from tui.engine.routine.model import Exercise, Routine

#: Cells of one figure in text: the size every shipped pose is drawn to read at.
COLUMNS, ROWS = 32, 8
GAP = "  "


def _labels(exercise: Exercise) -> tuple[str, str]:
    """What the two drawings are: where it starts, and where it goes or stays."""
    if exercise.tempo is not None:
        return "start", "top"
    if exercise.dose.hold_breaths is not None or exercise.breath is not None:
        return "breathe out", "breathe in"
    if exercise.kind.value == "hold":
        return "start", "hold"
    return "start", "top"


def figure_lines(routine: Routine, style: Style = "braille") -> list[str]:
    """For each exercise with a pose: its name, then its start and its top side by side
    (``COLUMNS`` x ``ROWS`` cells each); an empty list when no exercise has a pose."""
    lines: list[str] = []
    seen: set[str] = set()
    for exercise in routine.exercises:
        moves = moves_for(exercise)
        if moves is None or exercise.name in seen:
            continue
        seen.add(exercise.name)
        sides = "  (left side; the right mirrors it)" if exercise.sides else ""
        first, second = _labels(exercise)
        lines += ["", f"{exercise.name}{sides}", f"{first:<{COLUMNS}}{GAP}{second}"]
        a, b = render(moves.start, COLUMNS, ROWS, style), render(moves.top, COLUMNS, ROWS, style)
        lines += [f"{x}{GAP}{y}".rstrip() for x, y in zip(a, b)]
    return lines

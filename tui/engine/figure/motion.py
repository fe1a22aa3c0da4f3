"""Which pose a moment of a step shows: the figure follows the count.

On a tempo rep the figure goes from the start to the top while lifting, stays there
through the hold, and goes to the end while lowering; on a paced breath it rises to the
top with the in-breath and back with the out-breath; on a plain hold (and reps tapped by
hand) it holds the top still; on a pause it shows where the coming exercise starts.
"""

from __future__ import annotations

from typing import Literal

from tui.engine.figure.pose import Moves, Pose, blend, ease

Key = Literal["start", "top", "finish"]
#: Steps of a movement from one key pose to the next: smooth at 20 frames a second over a
#: phase of a second or more, and few enough that a rep redraws the same few dozen frames.
STEPS = 24

#: Where each phase goes from and to (tempo phases, then breath phases).
_MOVES: dict[str, tuple[Key, Key]] = {
    "lift": ("start", "top"), "hold": ("top", "top"), "lower": ("top", "finish"), "pause": ("finish", "finish"),
    "inhale": ("start", "top"), "exhale": ("top", "start"), "hold_out": ("start", "start"),
}
PHASES = frozenset(_MOVES)


Frame = tuple[Key, Key, int]
"""(from, to, steps of :data:`STEPS` taken): equal frames draw the same figure."""


def frame(phase: str | None, fraction: float, *, work: bool, still: bool = False) -> Frame:
    """The frame a moment shows.

    Args:
        phase: the tempo or breath phase under way (``lift``... ``hold_out``), or None on
            a plain hold, tapped reps or a pause.
        fraction: 0..1 through the phase (clamped), eased in and out.
        work: the step is the exercise itself (False: a pause before it shows its start).
        still: animations are off: the top, held still, whatever the phase.

    Raises:
        ValueError: for a phase not in :data:`PHASES`.
    """
    if not work:
        return ("start", "start", 0)
    if still or phase is None:
        return ("top", "top", 0)
    if phase not in _MOVES:
        raise ValueError(f"unknown phase {phase!r}; expected one of {sorted(_MOVES)}")
    start, end = _MOVES[phase]
    if start == end:
        return (start, end, 0)
    return (start, end, round(ease(fraction) * STEPS))


def pose_of(moves: Moves, at: Frame) -> Pose:
    """The pose of ``moves`` at frame ``at``."""
    start, end, steps = at
    a, b = _key(moves, start), _key(moves, end)
    return a if steps == 0 or a is b else blend(a, b, steps / STEPS)


def _key(moves: Moves, key: Key) -> Pose:
    if key == "start":
        return moves.start
    return moves.top if key == "top" else moves.finish

"""The figure a step shows: its exercise's key poses, turned for the side."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from tui.engine.figure.pose import Moves

if TYPE_CHECKING:
    from tui.engine.routine.model import Exercise


def moves_for(exercise: Exercise | None, side: str | None = None) -> Moves | None:
    """The key poses of ``exercise`` (None when it has no pose), mirrored for the right
    side: the shipped poses show the left side working."""
    pose = None if exercise is None else exercise.pose
    if pose is None:
        return None
    if isinstance(pose, str):
        from tui.engine.figure.library import library

        moves = library().get(pose)
        if moves is None:
            return None
    else:
        moves = pose
    return _mirrored(moves) if side == "right" else moves


@lru_cache(maxsize=32)
def _mirrored(moves: Moves) -> Moves:
    # Asked for on every frame of a right side; built once.
    return moves.mirrored()

"""Routines the golden screens share."""

from __future__ import annotations

from tui.engine.routine.model import Dose, Exercise, Kind, Position, Routine

HOLD = Routine(
    name="Golden hold",
    key="golden-hold",
    prepare=5,
    exercises=(
        Exercise("Knee to chest", Kind.HOLD, Dose(hold_seconds=30), sides=True, position=Position.ON_BACK,
                 cue="Hug one knee gently towards your chest. Keep the other leg relaxed.",
                 stop_if=("Pain spreads down a leg.",), easier=Dose(hold_seconds=20)),
        Exercise("Pelvic tilt", Kind.HOLD, Dose(hold_seconds=10), position=Position.ON_BACK),
    ),
)

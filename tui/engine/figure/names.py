"""The names of the shipped poses, without building them: the loader checks a routine's
``pose:`` against these at every start, and the figures are drawn only where shown.
``tests/engine/figure`` checks they match :func:`tui.engine.figure.library.library`."""

from __future__ import annotations

POSE_NAMES: tuple[str, ...] = (
    "back-bend", "bird-dog", "breathing", "bridge", "calf-stretch", "crunch", "donkey-kick",
    "forward-bend", "hamstring-stretch", "heel-slide", "hip-rotation", "knee-to-chest",
    "kneeling-hip-flexor", "lunge-stretch", "march", "pelvic-tilt", "thigh-stretch", "vacuum",
    "wall-stand",
)

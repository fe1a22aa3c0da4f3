"""When the screen next needs a tick.

A countdown only changes when a whole second passes, so ticking just after that moment
(instead of at a fixed rate) costs one wake-up a second and ends every step within a
millisecond or two of its deadline. Only a smooth animation (the breath pacer, tempo
reps) asks for frames.
"""

from __future__ import annotations

import math

from tui.engine.routine.cycle import breath_phases, phase_at, tempo_phases
from tui.engine.routine.plan import StepKind
from tui.engine.routine.session import Session

#: Land this long after a boundary, so the moment is safely past it.
SLACK = 0.001
#: Twenty frames a second: smooth for a bar, and each frame costs Textual a full update.
FRAME = 1 / 20


def animated(s: Session) -> bool:
    """Whether the current step shows a smooth animation (breath pacer, tempo reps) now:
    False while paused, finished or waiting for tapped reps."""
    step = s.step
    if step is None or s.paused or s.ends_at is None:
        return False
    return (step.kind is StepKind.HOLD and step.breath is not None) or step.tempo is not None


def next_delay(s: Session, now: float) -> float | None:
    """Seconds until a still screen next changes; None when nothing will change by itself.

    While `animated(s)` the shell ticks at `FRAME` instead; this is for everything else,
    including the pacer drawn without animation (its phase seconds tick on their own grid).
    """
    step = s.step
    if step is None or s.paused or s.ends_at is None:
        return None
    t = max(now, s.clock)
    waits = [_to_next_second(s.ends_at - t)]
    if animated(s):
        if step.tempo is not None:
            phases = tempo_phases(step.tempo)
        else:
            assert step.breath is not None  # animated and no tempo: a breath-paced hold
            phases = breath_phases(step.breath)
        waits.append(_to_next_second(phase_at(phases, t - s.started_at).left))
    return max(min(waits), 0.0) + SLACK


def _to_next_second(remaining: float) -> float:
    """Time until ceil(remaining) drops by one."""
    if remaining <= 0:
        return 0.0
    shown = math.ceil(round(remaining, 9))
    return remaining - (shown - 1)

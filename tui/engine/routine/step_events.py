"""What happens inside one step of a session: breath and tempo phases, reps, the last seconds.

Split from session.py, which asks `inner_events` for everything between two moments of the
step under way. Times are seconds on the session's clock. Standard library only.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from tui.engine.routine.cycle import boundaries, breath_phases, cycle_length, tempo_phases
from tui.engine.events import BreathPhaseChanged, Countdown, Event, RepCounted, TempoPhaseChanged
from tui.engine.routine.plan import Step, StepKind

if TYPE_CHECKING:
    from tui.engine.routine.session import Session

#: The last seconds of a timed step that are counted aloud.
COUNTDOWN = (3, 2, 1)


def unit(step: Step) -> float | None:
    """Seconds of one breath or one rep of the step; None when it is not counted that way."""
    if step.breaths is not None and step.breath is not None:
        return cycle_length(breath_phases(step.breath))
    if step.tempo is not None:
        return cycle_length(tempo_phases(step.tempo))
    return None


def counted(s: Session, step: Step) -> int:
    """Reps (or breaths) in the current step as it now stands, after any +/-."""
    size = unit(step)
    if size is None or s.ends_at is None:
        return step.reps or 0
    return max(1, round((s.ends_at - s.started_at) / size))


def inner_events(s: Session, after: float, upto: float) -> list[Event]:
    """Events strictly inside the current step between two moments."""
    step = s.step
    if step is None or upto <= after:
        return []
    base = s.started_at
    limit = math.inf if s.ends_at is None else s.ends_at - base
    found: list[Event] = []
    if step.kind is StepKind.HOLD and step.breath is not None:
        for t, phase, cycle in boundaries(breath_phases(step.breath), after - base, upto - base, limit):
            found.append(BreathPhaseChanged(base + t, phase, cycle + 1))
    if step.tempo is not None:
        phases = tempo_phases(step.tempo)
        first = phases[0][0]
        for t, phase, cycle in boundaries(phases, after - base, upto - base, limit):
            if phase == first and cycle > 0:
                found.append(RepCounted(base + t, cycle, counted(s, step)))
            found.append(TempoPhaseChanged(base + t, phase, cycle + 1))
    if s.ends_at is not None:
        for k in COUNTDOWN:
            t = s.ends_at - k
            if after < t <= upto and t > base:
                found.append(Countdown(t, k))
    found.sort(key=lambda e: e.at)
    return found

"""Events the engine emits; the shell turns them into bells, speech and screen changes.

Every event carries `at`, the exact moment it belongs to (a deadline, a phase boundary),
not the moment the shell happened to look. That is what makes a large jump in time
replay the same events as small steps would.
"""

from __future__ import annotations

from typing import Literal

from tui.engine.frozen import frozen
from tui.engine.routine.plan import Step

#: How a work step ended: "done" in full, "skipped" (left unfinished: `next`, finishing or
#: leaving the routine early), or "easier" (done at the exercise's easier dose).
StepOutcome = Literal["done", "skipped", "easier"]


@frozen
class Event:
    """Something that happened in a session."""

    at: float
    """The moment it belongs to, on the caller's clock (seconds)."""


@frozen
class StepStarted(Event):
    """A step began (also after next, back, restart or an easier switch)."""

    index: int
    """0-based position of the step in the plan."""
    step: Step


@frozen
class StepEnded(Event):
    """A work step (hold or reps; never a pause) is over, once per attempt at it.

    `at` is when it ended: its deadline, the tap that finished it, or the command that
    left it. Going back (`previous_step`) or restarting (`restart_step`) abandons the
    attempt under way without this event; the step ends again, and is reported then.
    """

    index: int
    step: Step
    outcome: StepOutcome
    actual_seconds: float
    """Time spent in the step, pauses excluded (seconds, rounded to the millisecond)."""
    count: int | None
    """Breaths or reps done (tap reps: taps); None for plain timed holds."""


@frozen
class Countdown(Event):
    """The last seconds of a timed step: 3, 2, 1."""

    seconds: int
    """Whole seconds left at ``at``: 3, 2 or 1."""


@frozen
class SideSwitched(Event):
    """A switch-sides pause began."""

    side: str
    """The side to do next."""


@frozen
class RepCounted(Event):
    """A rep was done: tapped, or a tempo cycle ended."""

    rep: int
    """1-based number of the rep just done."""
    reps: int
    """Reps in the step as it now stands (after any +/-)."""


@frozen
class TempoPhaseChanged(Event):
    """A tempo rep moved to its next phase."""

    phase: str
    """``"lift"``, ``"hold"``, ``"lower"`` or ``"pause"``."""
    rep: int
    """1-based rep the phase belongs to."""


@frozen
class BreathPhaseChanged(Event):
    """A paced breath moved to its next phase."""

    phase: str
    """``"inhale"``, ``"hold"``, ``"exhale"`` or ``"hold_out"``."""
    breath: int
    """1-based breath the phase belongs to."""


@frozen
class SessionFinished(Event):
    """The last step ended; ``at`` is when."""


# The ice/heat and break events live in their own modules (care/events.py, breaks/events.py), so a
# plain start does not build them; these names still resolve here, on first use (PEP 562).
_MOVED = {
    **dict.fromkeys(("SkinCheckDue", "AlarmRang", "ApplicationEnded", "RoundOffered"),
                    "tui.engine.care.events"),
    **dict.fromkeys(("BreakHeadsUp", "BreakDue", "BreakTaken", "BreakSnoozed", "BreakSkipped",
                     "BreakRefused", "MeetingStarted", "MeetingEnded", "WorkHoursStarted",
                     "WorkHoursEnded"), "tui.engine.breaks.events"),
}


def __getattr__(name: str) -> object:
    module = _MOVED.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(module), name)

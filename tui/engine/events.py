"""Events the engine emits; the shell turns them into bells, speech and screen changes.

Every event carries `at`, the exact moment it belongs to (a deadline, a phase boundary),
not the moment the shell happened to look. That is what makes a large jump in time
replay the same events as small steps would.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .plan import Step

#: How a work step ended: "done" in full, "skipped" (left unfinished: `next`, finishing or
#: leaving the routine early), or "easier" (done at the exercise's easier dose).
StepOutcome = Literal["done", "skipped", "easier"]


@dataclass(frozen=True)
class Event:
    at: float


@dataclass(frozen=True)
class StepStarted(Event):
    index: int
    step: Step


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Countdown(Event):
    """The last seconds of a timed step: 3, 2, 1."""

    seconds: int


@dataclass(frozen=True)
class SideSwitched(Event):
    side: str
    """The side to do next."""


@dataclass(frozen=True)
class RepCounted(Event):
    rep: int
    reps: int


@dataclass(frozen=True)
class TempoPhaseChanged(Event):
    phase: str
    rep: int
    """1-based rep the phase belongs to."""


@dataclass(frozen=True)
class BreathPhaseChanged(Event):
    phase: str
    breath: int
    """1-based breath the phase belongs to."""


@dataclass(frozen=True)
class SessionFinished(Event):
    pass

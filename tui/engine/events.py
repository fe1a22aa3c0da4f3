"""Events the engine emits; the shell turns them into bells, speech and screen changes.

Every event carries `at`, the exact moment it belongs to (a deadline, a phase boundary),
not the moment the shell happened to look. That is what makes a large jump in time
replay the same events as small steps would.
"""

from __future__ import annotations

from dataclasses import dataclass

from .plan import Step


@dataclass(frozen=True)
class Event:
    at: float


@dataclass(frozen=True)
class StepStarted(Event):
    index: int
    step: Step


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

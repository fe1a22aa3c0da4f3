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
    """Something that happened in a session."""

    at: float
    """The moment it belongs to, on the caller's clock (seconds)."""


@dataclass(frozen=True)
class StepStarted(Event):
    """A step began (also after next, back, restart or an easier switch)."""

    index: int
    """0-based position of the step in the plan."""
    step: Step


@dataclass(frozen=True)
class Countdown(Event):
    """The last seconds of a timed step: 3, 2, 1."""

    seconds: int
    """Whole seconds left at ``at``: 3, 2 or 1."""


@dataclass(frozen=True)
class SideSwitched(Event):
    """A switch-sides pause began."""

    side: str
    """The side to do next."""


@dataclass(frozen=True)
class RepCounted(Event):
    """A rep was done: tapped, or a tempo cycle ended."""

    rep: int
    """1-based number of the rep just done."""
    reps: int
    """Reps in the step as it now stands (after any +/-)."""


@dataclass(frozen=True)
class TempoPhaseChanged(Event):
    """A tempo rep moved to its next phase."""

    phase: str
    """``"lift"``, ``"hold"``, ``"lower"`` or ``"pause"``."""
    rep: int
    """1-based rep the phase belongs to."""


@dataclass(frozen=True)
class BreathPhaseChanged(Event):
    """A paced breath moved to its next phase."""

    phase: str
    """``"inhale"``, ``"hold"``, ``"exhale"`` or ``"hold_out"``."""
    breath: int
    """1-based breath the phase belongs to."""


@dataclass(frozen=True)
class SessionFinished(Event):
    """The last step ended; ``at`` is when."""

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


@dataclass(frozen=True)
class SkinCheckDue(Event):
    """Halfway through an ice or heat application: time to look at the skin."""

    kind: str
    """"ice" or "heat"."""


@dataclass(frozen=True)
class AlarmRang(Event):
    """The application's time is up and it is still on: ring, louder as `level` grows."""

    level: int
    """1 at the planned end, one more each repeat, capped (thermal.MAX_LEVEL)."""


@dataclass(frozen=True)
class ApplicationEnded(Event):
    """An ice or heat application came off: what the history keeps of it.

    `at` and the times below are on the real clock (seconds, suspend included).
    """

    kind: str
    started_at: float
    ended_at: float
    planned: float
    """Planned length in seconds."""
    outcome: str
    """"finished" (ran its length, taken off at the alarm) or "stopped" (taken off early)."""
    reason: str | None = None
    """Why it was stopped early; None when it ran its length."""


@dataclass(frozen=True)
class RoundOffered(Event):
    """The skin has rested: another round may start."""

    kind: str


# The break schedule (tui/engine/breaks.py). Its moments are on the real clock (seconds,
# suspend included), like everything in that module.


@dataclass(frozen=True)
class BreakHeadsUp(Event):
    """A break is coming: the prompt follows at `due`."""

    due: float


@dataclass(frozen=True)
class BreakDue(Event):
    """Time for a break: prompt to start the routine, snooze or skip."""

    snoozes_left: int
    """Snoozes still allowed in a row; 0 means the prompt offers only start and skip."""


@dataclass(frozen=True)
class BreakTaken(Event):
    """A break counted; the next interval starts from its end."""

    how: str
    """"routine" (a routine started), "natural" (idle or locked), "suspend", "manual"."""


@dataclass(frozen=True)
class BreakSnoozed(Event):
    until: float
    """When the prompt comes back."""
    in_row: int
    """Snoozes in a row, this one included."""


@dataclass(frozen=True)
class BreakSkipped(Event):
    pass


@dataclass(frozen=True)
class BreakRefused(Event):
    """A snooze or skip that was not done; the schedule is unchanged."""

    command: str
    """"snooze" or "skip"."""
    reason: str
    """"limit" (snoozed too often in a row) or "not-due" (no break is due or coming)."""


@dataclass(frozen=True)
class MeetingStarted(Event):
    until: float
    """When reminders come back by themselves."""


@dataclass(frozen=True)
class MeetingEnded(Event):
    seconds: float
    """How long the meeting pause lasted."""
    early: bool
    """Ended by the user (resume, pause, a new meeting) rather than by its own end."""


@dataclass(frozen=True)
class WorkHoursStarted(Event):
    pass


@dataclass(frozen=True)
class WorkHoursEnded(Event):
    """Working hours are over: any open break prompt is withdrawn."""

"""What `lumbar report` says, as plain data: built once from the store's rows
(tui/cli/report/build.py), laid out in words once (tui/cli/report/layout.py), then written as
Markdown or HTML. Nothing here reads a file or a clock.

The measures and the plan are optional parts. Each is None while this lumbar does not
record it (the report then has no such section), and an empty tuple when it does but the
period has no answer (the section says "Not recorded in this period.").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import field
from datetime import date

from tui.engine.care.pain import TwoWeekState
from tui.engine.frozen import frozen
from tui.engine.measures.goals import Goal, Progress
from tui.engine.progress.progression import Level


@frozen
class Amount:
    """A dose in a physiotherapist's units: sets, and the reps, seconds of hold or breaths
    in them. Sides count apart: 2 sets of 8 reps each side is 4 sets and 32 reps."""

    sets: int = 0
    reps: int = 0
    seconds: float = 0.0
    breaths: int = 0

    def __add__(self, other: Amount) -> Amount:
        return Amount(self.sets + other.sets, self.reps + other.reps,
                      self.seconds + other.seconds, self.breaths + other.breaths)


@frozen
class ExerciseRow:
    """One exercise of a routine over the period: what lumbar set, session by session
    (grown doses included), against what was done."""

    name: str
    dose: str
    """The dose lumbar set, as words: "hold 10 s, each side", "5 → 8 reps, up to 12 reps"."""
    prescribed: Amount | None
    """Summed over the period's sessions at each session's dose; None: not in the file now."""
    done: Amount
    """Sets done as set, with their reps, seconds or breaths."""
    easier: int = 0
    """Sets done in their easier form."""
    skipped: int = 0
    """Sets skipped."""


@frozen
class RoutineBlock:
    key: str
    name: str
    found: bool
    """The routine file is still found (prescribed doses come from it)."""
    work_steps: int
    """Work steps per session as the file reads at its starting dose; 0 when not found."""
    seconds: float
    """About how long a session takes at its starting dose (seconds)."""
    rounds: int
    outcomes: Counter
    """finished / left / interrupted / running -> sessions."""
    steps: Counter
    """done / skipped / easier -> sets (work steps)."""
    exercises: tuple[ExerciseRow, ...]

    @property
    def sessions(self) -> int:
        return sum(self.outcomes.values())


@frozen
class SessionLine:
    """One routine in the dated log."""

    day: date
    clock: str
    """Local start, "HH:MM"."""
    routine: str
    outcome: str
    """finished, left, interrupted, or running (never closed)."""
    minutes: float | None
    """From start to end; None while never closed."""
    sets_done: int
    sets_prescribed: int | None
    """None: the routine file is no longer found."""
    before: int | None
    after: int | None
    """Pain 0..10 just before and right after; None: not given."""
    leg_before: int | None = None
    leg_after: int | None = None
    """Leg pain 0..10 beside them (setting `leg_score`); None: not asked or not given."""


@frozen
class Application:
    """One ice or heat application."""

    day: date
    clock: str
    kind: str
    """"ice" or "heat"."""
    planned_minutes: float
    minutes: float | None
    """How long it was on; None while not closed."""
    outcome: str
    """"finished" (the alarm rang), "stopped" (taken off early) or "on" (not closed)."""
    reason: str | None = None
    """Why it was stopped, when said."""


@frozen
class RedFlagLine:
    when: str
    """Local "YYYY-MM-DD HH:MM"."""
    trigger: str
    outcome: str
    yes: tuple[str, ...]
    """Labels of the questions answered yes."""
    choice: str | None


@frozen
class Precaution:
    day: date
    treatment: str
    went_on: bool


@frozen
class PainWeek:
    monday: date
    checkins: int
    before: float | None
    after: float | None


@frozen
class DoseTable:
    """"Dose by week" for one routine: each ranged exercise's dose at each week's end."""

    name: str
    mondays: tuple[date, ...]
    before: tuple[float | None, ...]
    after: tuple[float | None, ...]
    answers: tuple[str, ...]
    """"easy/right/hard" counts per week."""
    levels: tuple[tuple[str, tuple[Level | None, ...]], ...]


@frozen
class BreakWeek:
    monday: date
    counts: Counter
    """taken, natural, snoozed, skipped, through -> breaks; meeting -> seconds."""


# -- the optional parts: measures and the plan -------------------------------------------

@frozen
class Peg:
    """One PEG answer: three 0..10 scores."""

    day: date
    pain: int
    enjoyment: int
    activity: int

    @property
    def mean(self) -> float:
        return (self.pain + self.enjoyment + self.activity) / 3


@frozen
class Impression:
    """The global impression of change: 1 very much better .. 7 very much worse."""

    day: date
    score: int


@frozen
class PlanWeek:
    monday: date
    planned: int
    done: int


@frozen
class Adherence:
    """Sessions done against the plan set with a clinician."""

    schedule: tuple[str, ...]
    """Each routine of the plan, its days and time in words ("Core basics: mon wed fri at 18:00")."""
    weeks: tuple[PlanWeek, ...]
    set_by: str | None = None
    review: date | None = None
    note: str | None = None

    @property
    def planned(self) -> int:
        return sum(w.planned for w in self.weeks)

    @property
    def done(self) -> int:
        return sum(min(w.done, w.planned) for w in self.weeks)


@frozen
class Report:
    since: date
    until: date
    active_days: int
    checkins: tuple[tuple[date, int, str], ...]
    """(day, score 0..10, moment) of the period, oldest first."""
    routines: tuple[RoutineBlock, ...]
    """Most sessions first."""
    idle: tuple[str, ...]
    """Names of routines in the catalog not done in the period."""
    sessions: tuple[SessionLine, ...]
    pain_weeks: tuple[PainWeek, ...]
    doses: tuple[DoseTable, ...]
    applications: tuple[Application, ...]
    precautions: tuple[Precaution, ...]
    red_flags: tuple[RedFlagLine, ...]
    breaks: tuple[BreakWeek, ...]
    """Empty when the period has no break rows."""
    two_week: TwoWeekState | None
    goals: tuple[Goal, ...] | None = None
    """The Patient-Specific Functional Scale's goals (tui.engine.measures.goals)."""
    goals_progress: Progress | None = None
    peg: tuple[Peg, ...] | None = None
    impressions: tuple[Impression, ...] | None = None
    adherence: Adherence | None = None
    notes: tuple[str, ...] = field(default=())
    """Sentences about the data itself (a routine file no longer found, say)."""

"""The values the history store takes and gives: frozen, standard library only."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Literal

from tui.engine.care.pain import TwoWeekState
from tui.engine.frozen import frozen

if TYPE_CHECKING:
    from tui.engine.measures.goals import Goal
    from tui.services.store.measures_read import PegRow

__all__ = ["HistoryData", "Moment", "Outcome", "StepOutcome", "StepRecord", "TwoWeekState", "Unit"]

Outcome = Literal["finished", "left", "interrupted"]
"""How a routine session ended."""
StepOutcome = Literal["done", "skipped", "easier"]
"""How a work step ended; "easier": done at the easier dose."""
Moment = Literal["before", "after", "alone"]
"""When a pain check-in was given: before or after a routine, or on its own."""
Unit = Literal["seconds", "breaths", "reps"]

OUTCOMES: tuple[str, ...] = ("finished", "left", "interrupted")
STEP_OUTCOMES: tuple[str, ...] = ("done", "skipped", "easier")
MOMENTS: tuple[str, ...] = ("before", "after", "alone")
UNITS: tuple[str, ...] = ("seconds", "breaths", "reps")


@frozen
class StepRecord:
    """One work step as it ended (pauses such as Rest are not recorded)."""

    index: int
    """0-based step index in the plan."""
    exercise: str
    """Exercise name as in the routine."""
    side: str | None
    """"left", "right" or None."""
    set_no: int
    """1-based."""
    round_no: int
    """1-based."""
    planned_seconds: float
    """The step's planned length, seconds (tap-counted reps: the estimate)."""
    actual_seconds: float
    """Time actually spent in it, pauses excluded, seconds."""
    unit: Unit
    planned_count: int | None
    """Breaths or reps planned; None for plain seconds."""
    actual_count: int | None
    """Breaths or reps done."""
    outcome: StepOutcome


@frozen
class HistoryData:
    """Everything the history screen shows, computed in one call."""

    today: date
    """The user's local date."""
    today_sessions: tuple[tuple[str, str, str], ...]
    """(local "HH:MM", routine name, outcome) for today's sessions, oldest first; a session
    still under way reads "running"."""
    streak: int
    """Days in a row, ending today or yesterday, with at least one routine."""
    calendar: tuple[tuple[date, int], ...]
    """The last 28 local days, oldest first: (day, routines that day)."""
    pain_weeks: tuple[tuple[date, float | None, float | None], ...]
    """The last 8 weeks, oldest first: (Monday, mean before, mean after), 0..10."""
    per_routine: tuple[tuple[str, int, date | None], ...]
    """(routine name, sessions, last local date), most recent first."""
    checkins: int
    """Check-ins in all."""
    today_applications: tuple[tuple[str, str, str, str | None], ...] = ()
    """(local "HH:MM", "ice" or "heat", "finished", "stopped" or "on", why stopped) for
    today's ice and heat, oldest first."""
    goals: tuple[Goal, ...] = ()
    """The current goals, oldest first, each with its first and latest rating only (what
    their change and mean need; tui.engine.measures.goals)."""
    pegs: tuple[PegRow, ...] = ()
    """The first and the latest PEG answered (one when only one; none when none)."""

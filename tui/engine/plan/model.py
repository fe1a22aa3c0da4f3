"""The plan set with a clinician: which routines, on which days, at what time of day.

A plan is read from `plan.yaml` (tui/services/plan_file.py) and only held here. Each entry
names one routine and either fixed weekdays (Monday, Wednesday, Friday) or a number of days
a week with no fixed day ("any three days"). Standard library only.
"""

from __future__ import annotations

from datetime import date, time

from tui.engine.frozen import frozen

#: The days as a plan file spells them, Monday first (index = `date.weekday()`); the same
#: spelling as the `work_days` setting.
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@frozen
class Entry:
    """One routine of the plan.

    Raises ValueError when `weekdays` holds a day outside 0..6, or `per_week` is outside
    1..7 without weekdays.
    """

    routine: str
    """The routine's key (its file's stem), as the history stores it."""
    weekdays: frozenset[int] | None
    """Fixed days, Monday = 0 ... Sunday = 6; None for `per_week` days of the person's choice."""
    per_week: int
    """Days a week: len(weekdays) for fixed days."""
    at: time | None = None
    """The time of day to remind (local wall clock); None: no reminder."""
    line: int = 0
    """Where the entry is in the plan file (1-based; 0 when built in code)."""

    def __post_init__(self) -> None:
        if self.weekdays is not None:
            if not self.weekdays or any(not 0 <= d <= 6 for d in self.weekdays):
                raise ValueError(f"plan: weekdays are 0 (Monday) to 6 (Sunday), got {sorted(self.weekdays)}")
            object.__setattr__(self, "per_week", len(self.weekdays))
        elif not 1 <= self.per_week <= 7:
            raise ValueError(f"plan: days a week must be 1 to 7, got {self.per_week}")

    @property
    def fixed(self) -> bool:
        """The days are named (a day off the list is a rest day)."""
        return self.weekdays is not None


@frozen
class Plan:
    """The whole plan: its routines, from when, the review, who set it and why."""

    entries: tuple[Entry, ...]
    start: date
    """The first day the plan counts (nothing before it is planned)."""
    review: date | None = None
    """When the person and the clinician look at the plan again."""
    set_by: str = ""
    """Who set the plan ("Sam Okafor, physiotherapist")."""
    note: str = ""
    """The clinician's note, shown as written."""

    def entry(self, routine: str) -> Entry | None:
        return next((e for e in self.entries if e.routine == routine), None)

    @property
    def routines(self) -> tuple[str, ...]:
        return tuple(e.routine for e in self.entries)

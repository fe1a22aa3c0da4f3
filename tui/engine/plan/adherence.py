"""Adherence: the sessions done against the sessions the plan asked for, so rest days are
not failures (a streak counts every day, and breaks on the first rest day of a
three-days-a-week plan). Pure; the days done and `today` are passed in.

What counts. A day counts once for a routine when it holds at least one of its sessions
that the history counts (finished, or left after at least one exercise done: the rule of
the streak and the calendar, tui/services/store/queries.py COUNTED), however many there
were that day. Weeks run Monday to Sunday, and in each week a routine is credited with at
most what it asked for that week: a session on a rest day stands in for a planned day of
the same week that was missed, and an extra one earns nothing.

The week under way is judged only as far as it can be:
- fixed days: the planned days before today, and today once its session is done (today's
  evening session is not missed in the morning);
- N days a week: the days done so far (up to N), plus only the shortfall that is already
  certain (3 a week with 1 done and 1 day left has missed 1).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date, timedelta

from tui.engine.frozen import frozen
from tui.engine.plan.days import WEEK, monday, week_quota
from tui.engine.plan.model import Entry, Plan

#: The history screen's window: this week and the three before it (the calendar's 28 days).
WEEKS = 4


@frozen
class Count:
    """One routine's figures: sessions done and sessions planned (done <= planned)."""

    routine: str
    done: int
    planned: int


@frozen
class Adherence:
    """Sessions done of those planned on `first`..`last`."""

    done: int
    planned: int
    first: date
    """The first day counted: the window's, or the plan's start when later."""
    last: date
    """The last day counted (today)."""
    weeks: int
    """Monday-to-Sunday weeks the span touches (0 when the plan starts after `last`)."""
    per_routine: tuple[Count, ...]
    """In the plan's order."""

    @property
    def share(self) -> float | None:
        """done / planned, 0..1; None when nothing was planned yet."""
        return self.done / self.planned if self.planned else None


def window_start(today: date, weeks: int = WEEKS) -> date:
    """The Monday `weeks` weeks back, counting today's week as the last of them."""
    return monday(today) - timedelta(weeks=weeks - 1)


def window(plan: Plan, today: date, weeks: int = WEEKS) -> date:
    """The first day counted over `weeks` weeks ending with today's: `window_start`, or the
    plan's start when it began later."""
    return max(window_start(today, weeks), plan.start)


def adherence(plan: Plan, done: Mapping[str, Collection[date]], first: date, today: date) -> Adherence:
    """Sessions done against sessions planned from `first` to `today`, both included.

    Args:
        plan: the plan.
        done: for each routine key, the local days with a counted session of it (days
            outside `first`..`today` are ignored; routines outside the plan too).
        first: the first day to count (the plan's start, when later, is used instead).
        today: the last day counted; the week under way is judged as the module says.
    """
    first = max(first, plan.start)
    counts: list[Count] = []
    for entry in plan.entries:
        days = {d for d in done.get(entry.routine, ()) if first <= d <= today}
        got = planned = 0
        week = monday(first)
        while week <= today:
            span_first, span_last = max(week, first), week + timedelta(days=WEEK - 1)
            did = sum(1 for d in days if span_first <= d <= min(span_last, today))
            if span_last < today:
                asked = week_quota(plan, entry, span_first, span_last)
                got, planned = got + min(asked, did), planned + asked
            else:
                credit, owed = _this_week(plan, entry, span_first, span_last, today, did, today in days)
                got, planned = got + credit, planned + owed
            week += timedelta(days=WEEK)
        counts.append(Count(entry.routine, got, planned))
    weeks = 0 if today < first else (monday(today) - monday(first)).days // WEEK + 1
    return Adherence(sum(c.done for c in counts), sum(c.planned for c in counts), first, today,
                     weeks, tuple(counts))


def _this_week(plan: Plan, entry: Entry, first: date, sunday: date, today: date, did: int,
               done_today: bool) -> tuple[int, int]:
    """(credited, planned so far) for the week holding `today`."""
    if entry.fixed:
        asked = week_quota(plan, entry, first, today - timedelta(days=1))
        if done_today and entry.weekdays is not None and today.weekday() in entry.weekdays:
            asked += 1
        return min(asked, did), asked
    asked = week_quota(plan, entry, first, sunday)
    left = (sunday - today).days + (0 if done_today else 1)
    credit = min(asked, did)
    return credit, credit + max(0, asked - did - left)

"""Which days a plan asks for a routine, week by week. Pure; dates are passed in.

Weeks run Monday to Sunday (ISO weeks), the weeks of the history screen's calendar. A day
with a fixed entry's weekday is planned; for an entry of N days a week with no fixed days,
no single day is planned: the week is, N times.
"""

from __future__ import annotations

from datetime import date, timedelta

from tui.engine.plan.model import Entry, Plan

WEEK = 7


def monday(day: date) -> date:
    """The Monday that starts `day`'s week."""
    return day - timedelta(days=day.weekday())


def planned_on(plan: Plan, entry: Entry, day: date) -> bool:
    """True when `entry` names `day`'s weekday and the plan has started by then. Always
    False for an entry without fixed days (see `week_quota`)."""
    return entry.weekdays is not None and day >= plan.start and day.weekday() in entry.weekdays


def week_quota(plan: Plan, entry: Entry, first: date, last: date) -> int:
    """Sessions `entry` asks for on `first`..`last`, all inside one Monday-to-Sunday week
    (clipped to the plan's start).

    Fixed days: the named days in the span. N a week: N for a whole week; for part of a
    week, N in proportion to its days, rounded half up (a plan begun on a Thursday asks 2
    of a 3-a-week routine that week: 3 x 4/7 = 1.7).
    """
    first = max(first, plan.start)
    if last < first:
        return 0
    if entry.weekdays is not None:
        return sum(1 for n in range((last - first).days + 1)
                   if (first + timedelta(days=n)).weekday() in entry.weekdays)
    days = (last - first).days + 1
    return entry.per_week if days >= WEEK else (2 * entry.per_week * days + WEEK) // (2 * WEEK)


def planned_days(plan: Plan, entry: Entry, first: date, last: date) -> list[date]:
    """The fixed days `entry` plans on `first`..`last`, oldest first ([] for N a week)."""
    first = max(first, plan.start)
    return [first + timedelta(days=n) for n in range(max(0, (last - first).days + 1))
            if planned_on(plan, entry, first + timedelta(days=n))]

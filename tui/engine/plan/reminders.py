"""When the plan reminds: which days ask for a routine, the next reminder after `now`, and
the review announced before its date. Pure; `now` and the days done are passed in.

A day asks for a routine when the plan has started and the routine is not done that day,
and:
- fixed days: the day is one of them (any other day is a rest day: nothing reminds);
- N days a week: doing it that day keeps the week on pace. lumbar reminds when the
  sessions done earlier in the week are fewer than N x (days of the week so far) / 7,
  rounded half up, and fewer than N. For 3 a week with nothing done that is Tuesday, and
  after a Tuesday session Thursday, then Saturday: the sessions spread over the week and
  the days between are rest days.

A reminder comes at the entry's time on such a day. One that could not come on time (the
computer was off or asleep) comes late, up to LATE seconds after its time, and not at all
after that: a reminder at 23:00 for 18:00 helps no one. A reminder answered that day
(`handled`: started, skipped, or already sent) does not come again; a snoozed one comes at
the end of its snooze.

The review is announced on each of the REVIEW_NOTICE days before it and on the day itself,
once a day, at the earliest reminder time of the plan (NOTICE_AT without one).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date, datetime, time, timedelta
from typing import Literal

from tui.engine.frozen import frozen
from tui.engine.plan.days import WEEK, monday, week_quota
from tui.engine.plan.model import Entry, Plan

#: A reminder that could not come on time still comes this long after (seconds).
LATE = 2 * 3600.0
#: Days before the review date that it is announced: enough to book or move the
#: appointment, few enough not to nag.
REVIEW_NOTICE = 3
#: When the review is announced in a plan with no reminder time.
NOTICE_AT = time(9, 0)
#: How far ahead `next_reminder` looks (days): a week and a day covers every weekly plan.
HORIZON = 8

Kind = Literal["routine", "review"]


@frozen
class Reminder:
    """One reminder: a planned routine (`routine` its key) or the review (`routine` "")."""

    kind: Kind
    routine: str
    at: datetime
    """When it is due (aware, the zone of the `now` it was found from)."""
    day: date
    """The day it belongs to (a snoozed reminder keeps its day)."""


def asks_on(plan: Plan, entry: Entry, day: date, done: Collection[date]) -> bool:
    """True when the plan asks for `entry`'s routine on `day` (see the module docstring).
    `done`: the days with a counted session of it (those of `day`'s week are enough)."""
    if day < plan.start or day in done:
        return False
    if entry.weekdays is not None:
        return day.weekday() in entry.weekdays
    first = max(monday(day), plan.start)
    sunday = monday(day) + timedelta(days=WEEK - 1)
    span = (sunday - first).days + 1
    quota = week_quota(plan, entry, first, sunday)
    did = sum(1 for d in done if first <= d < day)
    so_far = (day - first).days + 1
    pace = (2 * quota * so_far + span) // (2 * span)
    return did < quota and did < pace


def next_planned(plan: Plan, today: date, done: Mapping[str, Collection[date]],
                 horizon: int = HORIZON) -> tuple[Entry, date] | None:
    """The next routine the plan asks for, today or later, and its day; the earliest time
    first within a day (entries without a time last). None when nothing is asked within
    `horizon` days."""
    for n in range(horizon):
        day = today + timedelta(days=n)
        asked = [e for e in plan.entries if asks_on(plan, e, day, done.get(e.routine, ()))]
        if asked:
            return min(asked, key=lambda e: (e.at is None, e.at or time(0))), day
    return None


def review_soon(plan: Plan, today: date) -> int | None:
    """Days until the review (0 on the day) while it is announced, else None."""
    if plan.review is None:
        return None
    left = (plan.review - today).days
    return left if 0 <= left <= REVIEW_NOTICE else None


def notice_time(plan: Plan) -> time:
    """When the review is announced: the plan's earliest reminder time, or NOTICE_AT."""
    times = [e.at for e in plan.entries if e.at is not None]
    return min(times) if times else NOTICE_AT


def next_reminder(plan: Plan, now: datetime, done: Mapping[str, Collection[date]],
                  handled: Mapping[str, date] | None = None,
                  snoozed: Mapping[str, datetime] | None = None) -> Reminder | None:
    """The first reminder due at or after `now` (or due already, up to LATE late).

    Args:
        plan: the plan.
        now: the aware local time; reminders are found on its dates and in its zone.
        done: days with a counted session, by routine key.
        handled: the last day each routine's reminder was sent or answered ("" for the
            review): that day's reminder does not come again.
        snoozed: a snoozed reminder's end, by routine key: it comes then instead.
    Returns None when nothing reminds within HORIZON days.
    """
    handled, snoozed = handled or {}, snoozed or {}
    zone, today = now.tzinfo, now.date()
    found: list[Reminder] = [Reminder("routine", key, until, until.date())
                             for key, until in snoozed.items() if until >= now - timedelta(seconds=LATE)]
    for n in range(HORIZON):
        day = today + timedelta(days=n)
        for entry in plan.entries:
            if entry.at is None or entry.routine in snoozed or handled.get(entry.routine) == day:
                continue
            if asks_on(plan, entry, day, done.get(entry.routine, ())):
                found.append(Reminder("routine", entry.routine,
                                      datetime.combine(day, entry.at, tzinfo=zone), day))
        if review_soon(plan, day) is not None and handled.get("") != day:
            found.append(Reminder("review", "", datetime.combine(day, notice_time(plan), tzinfo=zone), day))
        live = [r for r in found if (r.at - now).total_seconds() > -LATE]
        if live:
            return min(live, key=lambda r: (r.at, r.kind != "review", r.routine))
    return None

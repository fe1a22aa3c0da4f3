"""When the plan reminds: planned days only, nothing on rest days or once done, the review before its date."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tui.engine.plan.model import Entry, Plan
from tui.engine.plan.reminders import LATE, asks_on, next_planned, next_reminder, review_soon

LONDON = ZoneInfo("Europe/London")
MON = date(2026, 11, 2)


def day(n: int) -> date:
    return MON + timedelta(days=n)


def at(n: int, hh: int, mm: int = 0) -> datetime:
    return datetime.combine(day(n), time(hh, mm), tzinfo=LONDON)


CORE = Entry("core", frozenset({0, 2, 4}), 0, time(18, 0))
WALK = Entry("walk", None, 3, time(8, 0))


def test_fixed_days_ask_on_their_weekdays_only_and_not_once_done() -> None:
    p = Plan((CORE,), MON)
    assert [n for n in range(7) if asks_on(p, CORE, day(n), set())] == [0, 2, 4]
    assert not asks_on(p, CORE, day(2), {day(2)})
    assert not asks_on(Plan((CORE,), day(7)), CORE, day(0), set())  # before the start


def test_days_a_week_spread_over_the_week_with_rest_days_between() -> None:
    p = Plan((WALK,), MON)
    done: set[date] = set()
    asked = []
    for n in range(7):  # the person does it every day it is asked
        if asks_on(p, WALK, day(n), done):
            asked.append(n)
            done.add(day(n))
    assert asked == [1, 3, 5]  # Tuesday, Thursday, Saturday
    # Nothing done all week: asked from Tuesday on, every day.
    assert [n for n in range(7) if asks_on(p, WALK, day(n), set())] == [1, 2, 3, 4, 5, 6]
    # The week's three done: Sunday is a rest day.
    assert not asks_on(p, WALK, day(6), {day(0), day(1), day(2)})


def test_the_next_reminder_is_at_the_planned_time_and_silent_on_rest_days() -> None:
    p = Plan((CORE,), MON)
    r = next_reminder(p, at(0, 9), {})
    assert (r.routine, r.at) == ("core", at(0, 18))
    # Monday's done: the next is Wednesday's, skipping Tuesday (a rest day).
    r = next_reminder(p, at(0, 19), {"core": {day(0)}})
    assert r.at == at(2, 18)
    # Tuesday morning: nothing today.
    assert next_reminder(p, at(1, 7), {}).at.date() == day(2)


def test_a_late_reminder_comes_within_late_and_not_after() -> None:
    p = Plan((CORE,), MON)
    late = at(0, 18) + timedelta(seconds=LATE - 60)
    assert next_reminder(p, late, {}).at == at(0, 18)
    too_late = at(0, 18) + timedelta(seconds=LATE + 60)
    assert next_reminder(p, too_late, {}).at == at(2, 18)


def test_a_handled_reminder_does_not_come_again_and_a_snoozed_one_comes_at_its_end() -> None:
    p = Plan((CORE,), MON)
    assert next_reminder(p, at(0, 18, 1), {}, handled={"core": day(0)}).at == at(2, 18)
    snoozed = next_reminder(p, at(0, 18, 1), {}, handled={"core": day(0)},
                            snoozed={"core": at(0, 18, 10)})
    assert (snoozed.routine, snoozed.at, snoozed.day) == ("core", at(0, 18, 10), day(0))


def test_the_review_is_announced_three_days_before_and_once_a_day() -> None:
    p = Plan((CORE,), MON, review=day(10))
    assert [n for n in range(12) if review_soon(p, day(n)) is not None] == [7, 8, 9, 10]
    r = next_reminder(p, at(7, 7), {})
    assert (r.kind, r.at) == ("review", at(7, 18))  # the plan's earliest reminder time
    # Announced that day: the next is the routine's own (Monday day 7 at 18:00), then the next day's review.
    r = next_reminder(p, at(7, 7), {}, handled={"": day(7)})
    assert (r.kind, r.at) == ("routine", at(7, 18))
    r = next_reminder(p, at(7, 19), {"core": {day(7)}}, handled={"": day(7), "core": day(7)})
    assert (r.kind, r.at) == ("review", at(8, 18))


def test_next_planned_names_the_earliest_routine_of_the_next_asked_day() -> None:
    p = Plan((CORE, WALK), MON)
    entry, when = next_planned(p, day(1), {})
    assert (entry.routine, when) == ("walk", day(1))  # 08:00 comes before 18:00
    entry, when = next_planned(p, day(0), {"core": {day(0)}})
    assert (entry.routine, when) == ("walk", day(1))

"""Adherence against the plan: planned days counted, rest days never failures."""

from __future__ import annotations

from datetime import date, time, timedelta

from tui.engine.plan.adherence import adherence, window, window_start
from tui.engine.plan.days import planned_days, week_quota
from tui.engine.plan.model import Entry, Plan
from tui.engine.plan.words import adherence_text

MON = date(2026, 11, 2)  # a Monday


def day(n: int) -> date:
    return MON + timedelta(days=n)


def fixed(*weekdays: int, routine: str = "core") -> Entry:
    return Entry(routine, frozenset(weekdays), 0, time(18, 0))


def per_week(n: int, routine: str = "walk") -> Entry:
    return Entry(routine, None, n)


def plan(*entries: Entry, start: date = MON) -> Plan:
    return Plan(entries, start)


def test_three_fixed_days_for_four_weeks_all_done_is_twelve_of_twelve() -> None:
    p = plan(fixed(0, 2, 4))
    done = {"core": {day(w * 7 + d) for w in range(4) for d in (0, 2, 4)}}
    a = adherence(p, done, MON, day(27))
    assert (a.done, a.planned, a.weeks) == (12, 12, 4)
    assert adherence_text(a) == "12 of 12 planned sessions in 4 weeks"


def test_rest_days_are_not_failures_where_a_streak_would_break() -> None:
    p = plan(fixed(0, 2, 4))
    done = {"core": {day(0), day(2), day(4)}}
    # Sunday of the first week: six rest-or-done days, nothing missed.
    a = adherence(p, done, MON, day(6))
    assert (a.done, a.planned) == (3, 3)


def test_a_missed_planned_day_counts_and_a_rest_day_session_stands_in_for_it() -> None:
    p = plan(fixed(0, 2, 4))
    missed = adherence(p, {"core": {day(0), day(4)}}, MON, day(6))
    assert (missed.done, missed.planned) == (2, 3)
    # Tuesday instead of Wednesday: the week's three are done.
    stood_in = adherence(p, {"core": {day(0), day(1), day(4)}}, MON, day(6))
    assert (stood_in.done, stood_in.planned) == (3, 3)
    # A fourth session earns nothing beyond what the week asked.
    extra = adherence(p, {"core": {day(n) for n in range(7)}}, MON, day(6))
    assert (extra.done, extra.planned) == (3, 3)


def test_todays_planned_session_is_not_missed_before_it_is_done() -> None:
    p = plan(fixed(0, 2, 4))
    morning = adherence(p, {"core": {day(0)}}, MON, day(2))  # Wednesday, not done yet
    assert (morning.done, morning.planned) == (1, 1)
    evening = adherence(p, {"core": {day(0), day(2)}}, MON, day(2))
    assert (evening.done, evening.planned) == (2, 2)
    # Thursday: Wednesday is past and was not done.
    assert (adherence(p, {"core": {day(0)}}, MON, day(3)).planned) == 2


def test_days_a_week_count_per_week_and_only_a_certain_shortfall_this_week() -> None:
    p = plan(per_week(3))
    done = {"walk": {day(1), day(3), day(5),      # week 1: three
                     day(8)}}                     # week 2: one, on Tuesday
    # Friday of week 2: two more still fit (Fri, Sat, Sun), so nothing is missed yet.
    friday = adherence(p, done, MON, day(11))
    assert (friday.done, friday.planned) == (4, 4)
    # Saturday: Sat and Sun are left for two: still nothing certain.
    assert adherence(p, done, MON, day(12)).planned == 4
    # Sunday, not done yet: one more fits today, so one of the two is missed for sure.
    assert adherence(p, done, MON, day(13)).planned == 5
    # The week over (Monday of week 3, nothing done yet): 4 of 6.
    week3 = adherence(p, done, MON, day(14))
    assert (week3.done, week3.planned) == (4, 6)


def test_a_plan_begun_midweek_asks_its_share_of_that_week() -> None:
    thursday = day(3)
    p = plan(per_week(3), start=thursday)
    assert week_quota(p, p.entries[0], MON, day(6)) == 2  # 3 x 4/7 = 1.7
    a = adherence(p, {"walk": {day(0), day(4), day(5)}}, MON, day(6))  # Monday is before the plan
    assert (a.done, a.planned, a.first) == (2, 2, thursday)
    assert adherence_text(a, window_start(day(6))) == "2 of 2 planned sessions since 5 Nov"
    assert adherence_text(a) == "2 of 2 planned sessions in 1 week"
    later = adherence(p, {"walk": set()}, window(p, day(20)), day(20))
    assert adherence_text(later, window_start(day(20))).endswith("since 5 Nov")


def test_nothing_is_planned_before_the_plan_starts() -> None:
    p = plan(fixed(0), start=day(14))
    a = adherence(p, {"core": {day(0)}}, MON, day(6))
    assert (a.done, a.planned, a.weeks) == (0, 0, 0)
    assert adherence_text(a) == "the plan starts Mon 16 Nov"
    assert planned_days(p, p.entries[0], MON, day(27)) == [day(14), day(21)]


def test_several_routines_add_up_and_keep_their_own_figures() -> None:
    p = plan(fixed(0, 3), per_week(2))
    done = {"core": {day(0), day(3)}, "walk": {day(2)}, "other": {day(1)}}
    a = adherence(p, done, MON, day(7))  # the Monday after: the first week is whole
    assert [(c.routine, c.done, c.planned) for c in a.per_routine] == [("core", 2, 2), ("walk", 1, 2)]
    assert (a.done, a.planned) == (3, 4)
    assert a.share == 0.75


def test_a_day_with_two_sessions_counts_once() -> None:
    p = plan(fixed(0))
    # The caller gives days, so two sessions on Monday are one day: one of one.
    assert adherence(p, {"core": [day(0), day(0)]}, MON, day(6)).done == 1

"""The report's plan section counts each finished week by what the plan asked for that
week, so a rest day is never a missed day and an extra session earns nothing."""

from __future__ import annotations

from datetime import date, time, timedelta

from tui.cli.report.plan import schedule, weeks
from tui.engine.plan.model import Entry, Plan

MONDAY = date(2026, 3, 2)
PLAN = Plan((Entry("core", frozenset({0, 2, 4}), 3, time(18)), Entry("walk", None, 2)), MONDAY)


def test_finished_weeks_count_what_each_routine_asked_for():
    done = {"core": {MONDAY, MONDAY + timedelta(days=2), MONDAY + timedelta(days=5),  # Sat for Fri
                     MONDAY + timedelta(days=7)},
            "walk": {MONDAY + timedelta(days=1), MONDAY + timedelta(days=3), MONDAY + timedelta(days=6)}}
    found = weeks(PLAN, done, MONDAY, MONDAY + timedelta(days=13))
    assert [(w.monday, w.planned, w.done) for w in found] == [
        (MONDAY, 5, 5),  # the Saturday stands in for Friday; the third walk earns nothing
        (MONDAY + timedelta(days=7), 5, 1)]


def test_a_plan_that_starts_mid_week_asks_only_its_share():
    late = Plan(PLAN.entries, MONDAY + timedelta(days=3))  # Thursday
    found = weeks(late, {"core": set(), "walk": set()}, late.start, MONDAY + timedelta(days=6))
    assert [(w.planned, w.done) for w in found] == [(2, 0)]  # Friday's core, one walk of two


def test_the_schedule_names_each_routine_and_its_days():
    assert schedule(PLAN, {}) == ("core: mon wed fri at 18:00", "walk: 2 days a week")

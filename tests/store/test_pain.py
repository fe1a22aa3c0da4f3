"""The two-week rule and the weekly means, with plain numbers (tui/engine/pain.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tui.engine.pain import improved, monday, streak, two_week, weekly_means

TODAY = date(2026, 3, 31)


def days_back(n: int) -> date:
    return TODAY - timedelta(days=n)


def fortnight(first: float, last: float) -> list[tuple[date, float]]:
    """One check-in a day for 14 days: `first` in the first week, `last` in the second."""
    return [(days_back(13 - n), first if n < 7 else last) for n in range(14)]


@pytest.mark.parametrize(("first", "last", "expected"), [
    (8.0, 6.0, True),     # exactly 2 points (25 %)
    (8.0, 6.01, False),   # just under 2 points, and under 30 %
    (5.0, 3.5, True),     # exactly 30 %, 1.5 points
    (5.0, 3.6, False),    # 28 %, 1.4 points
    (10.0, 7.0, True),    # 3 points and 30 %
    (3.0, 2.1, True),     # 30 % of a small score
    (3.0, 2.2, False),
    (0.0, 0.0, False),    # nothing to improve
    (4.0, 6.0, False),    # worse
])
def test_improvement_is_two_points_or_thirty_percent(first: float, last: float, expected: bool) -> None:
    assert improved(first, last) is expected


def test_no_improvement_over_fourteen_days_advises() -> None:
    state = two_week(fortnight(6, 5), TODAY)
    assert (state.days, state.first_mean, state.last_mean) == (14, 6.0, 5.0)
    assert not state.improved and state.advise


def test_improvement_by_two_points_does_not_advise() -> None:
    state = two_week(fortnight(6, 4), TODAY)
    assert state.improved and not state.advise


def test_thirteen_days_are_not_enough() -> None:
    readings = fortnight(6, 6)[1:]  # from 12 days back to today: 13 days
    state = two_week(readings, TODAY)
    assert state.days == 13 and not state.advise
    assert two_week(fortnight(6, 6), TODAY).advise


def test_means_use_every_score_of_each_week() -> None:
    readings = [(days_back(13), 8), (days_back(10), 6), (days_back(6), 7), (days_back(0), 5), (days_back(0), 6)]
    state = two_week(readings, TODAY)
    assert state.first_mean == 7.0 and state.last_mean == 6.0
    assert state.advise


def test_a_week_without_scores_gives_no_advice() -> None:
    readings = [(days_back(30), 7), (days_back(3), 7)]
    state = two_week(readings, TODAY)
    assert state.days == 28 and state.first_mean is None and not state.advise


def test_first_day_from_the_caller_counts_for_days() -> None:
    window = [(days_back(10), 5), (days_back(2), 5)]
    assert two_week(window, TODAY).days == 9
    assert two_week(window, TODAY, first_day=days_back(40)).days == 39


def test_readings_after_today_are_ignored() -> None:
    readings = fortnight(6, 6) + [(TODAY + timedelta(days=1), 0)]
    state = two_week(readings, TODAY)
    assert state.last_mean == 6.0 and state.days == 14


def test_two_weeks_without_pain_need_no_doctor() -> None:
    state = two_week(fortnight(0, 0), TODAY)
    assert not state.improved and not state.advise


def test_getting_worse_advises() -> None:
    assert two_week(fortnight(3, 6), TODAY).advise


def test_weekly_means_split_before_and_after() -> None:
    wk = monday(TODAY)
    readings = [(wk, 6, "before"), (wk, 4, "after"), (wk + timedelta(days=1), 4, "alone"),
                (wk - timedelta(days=7), 8, "before"), (wk - timedelta(weeks=8), 9, "before")]
    weeks = weekly_means(readings, TODAY, weeks=3)
    assert weeks == ((wk - timedelta(weeks=2), None, None), (wk - timedelta(weeks=1), 8.0, None),
                     (wk, 5.0, 4.0))


def test_monday_and_streak() -> None:
    assert monday(date(2026, 3, 29)) == date(2026, 3, 23)  # a Sunday
    days = {TODAY, days_back(1), days_back(2), days_back(4)}
    assert streak(days, TODAY) == 3
    assert streak(days - {TODAY}, TODAY) == 2  # today not done yet: the run up to yesterday
    assert streak({days_back(2)}, TODAY) == 0

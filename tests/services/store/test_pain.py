"""The two-week rule and the weekly means, with plain numbers (tui/engine/care/pain.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tui.engine.care.pain import improved, monday, streak, two_week, weekly_means

TODAY = date(2026, 3, 31)


def days_back(n: int) -> date:
    return TODAY - timedelta(days=n)


def fortnight(first: float, last: float, moment: str = "before") -> list[tuple[date, float, str]]:
    """One check-in a day for 14 days: `first` in the first week, `last` in the second."""
    return [(days_back(13 - n), first if n < 7 else last, moment) for n in range(14)]


#: A routine on each of the last 14 days.
EVERY_DAY = [days_back(n) for n in range(14)]


def rule(readings, today=TODAY, start=None, routine_days=EVERY_DAY):
    return two_week(readings, today, start, routine_days)


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
    state = rule(fortnight(6, 5))
    assert (state.days, state.first_mean, state.last_mean) == (14, 6.0, 5.0)
    assert (state.first_days, state.last_days, state.routine_days) == (7, 7, 14)
    assert not state.improved and state.advise


def test_improvement_by_two_points_does_not_advise() -> None:
    state = rule(fortnight(6, 4))
    assert state.improved and not state.advise


def test_thirteen_days_are_not_enough() -> None:
    readings = fortnight(6, 6)[1:]  # from 12 days back to today: 13 days
    state = rule(readings)
    assert state.days == 13 and not state.advise
    assert rule(fortnight(6, 6)).advise


def test_the_briefs_example_six_then_three_held_is_never_told_to_see_a_doctor() -> None:
    """6 every day for a week, then 3 every day for three weeks, with routines: it halved."""
    first = date(2026, 3, 1)
    series = [(first + timedelta(days=n), 6.0 if n < 7 else 3.0, "alone") for n in range(28)]
    for day in (21, 28):
        today = first + timedelta(days=day - 1)
        routines = [today - timedelta(days=n) for n in range(14)]
        state = two_week([r for r in series if r[0] <= today], today, None, routines)
        assert state.first_mean == 6.0 and state.last_mean == 3.0
        assert state.improved and not state.advise, day


def test_daily_means_weigh_each_day_once() -> None:
    readings = [(days_back(13), 8, "before"), (days_back(13), 8, "alone"), (days_back(13), 8, "alone"),
                (days_back(12), 2, "before")]
    readings += [(days_back(n), 5, "before") for n in range(3)]
    state = rule(readings)
    assert state.first_mean == 5.0  # (8 + 2) / 2 days, not (8 + 8 + 8 + 2) / 4
    assert state.last_mean == 5.0


def test_after_routine_scores_do_not_count() -> None:
    readings = fortnight(6, 6) + fortnight(0, 9, moment="after")
    state = rule(readings)
    assert state.first_mean == 6.0 and state.last_mean == 6.0


def test_it_needs_check_ins_on_three_days_of_each_week() -> None:
    readings = [r for r in fortnight(6, 6) if r[0] >= days_back(1) or r[0] <= days_back(11)]
    state = rule(readings)  # 3 days at the start, only 2 in the last week
    assert (state.first_days, state.last_days) == (3, 2)
    assert not state.enough and not state.advise
    assert rule(readings + [(days_back(2), 6, "alone")]).advise


def test_it_needs_routines_on_six_of_the_fourteen_days() -> None:
    assert not rule(fortnight(6, 6), routine_days=EVERY_DAY[:5]).advise
    assert rule(fortnight(6, 6), routine_days=EVERY_DAY[:6]).advise
    assert not rule(fortnight(6, 6), routine_days=[days_back(20 + n) for n in range(10)]).advise


def test_the_start_is_the_episode_when_it_is_later_than_the_first_check_in() -> None:
    readings = [(days_back(40 - n), 2, "alone") for n in range(7)] + fortnight(6, 6)
    assert rule(readings).first_mean == 2.0  # the start of use: 6 looks worse, so advise
    state = rule(readings, start=days_back(13))
    assert state.start == days_back(13) and state.days == 14 and state.first_mean == 6.0


def test_a_week_without_scores_gives_no_advice() -> None:
    readings = [(days_back(30), 7, "before"), (days_back(3), 7, "before")]
    state = rule(readings)
    assert state.days == 31 and state.first_mean == 7.0 and not state.advise


def test_readings_after_today_are_ignored() -> None:
    readings = fortnight(6, 6) + [(TODAY + timedelta(days=1), 0, "before")]
    state = rule(readings)
    assert state.last_mean == 6.0 and state.days == 14


def test_two_weeks_without_pain_need_no_doctor() -> None:
    state = rule(fortnight(0, 0))
    assert not state.improved and not state.advise


def test_getting_worse_advises() -> None:
    assert rule(fortnight(3, 6)).advise


def test_nothing_yet() -> None:
    assert rule([]) == two_week([], TODAY)
    assert rule([]).days == 0 and not rule([]).advise


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

"""Working hours on the wall clock, turned into UTC moments."""

from __future__ import annotations

from datetime import date, time

from tui.engine.breaks.workhours import (
    EDGE, Hours, local_date, next_midnight, next_wall, span_at, span_on, under_way,
)

from .breakcase import ALL_WEEK, BERLIN, NEW_YORK, at

DAY_SHIFT = Hours(zone=BERLIN)
NIGHT = Hours(start=time(22), end=time(6), days=frozenset({4}), zone=BERLIN)  # Friday nights


def test_a_day_span_is_local_nine_to_five_on_weekdays_only() -> None:
    assert span_on(DAY_SHIFT, date(2026, 3, 2)) == (at(BERLIN, 2026, 3, 2, 9), at(BERLIN, 2026, 3, 2, 17))
    assert span_on(DAY_SHIFT, date(2026, 3, 7)) is None  # Saturday


def test_span_at_is_the_one_under_way_else_the_next() -> None:
    mon_noon = at(BERLIN, 2026, 3, 2, 12)
    span = span_at(DAY_SHIFT, mon_noon)
    assert under_way(span, mon_noon)
    evening = at(BERLIN, 2026, 3, 2, 17)
    nxt = span_at(DAY_SHIFT, evening)
    assert not under_way(nxt, evening)
    assert nxt == (at(BERLIN, 2026, 3, 3, 9), at(BERLIN, 2026, 3, 3, 17))
    friday_evening = at(BERLIN, 2026, 3, 6, 18)
    assert span_at(DAY_SHIFT, friday_evening)[0] == at(BERLIN, 2026, 3, 9, 9)  # type: ignore[index]


def test_edges_are_inclusive_at_the_start_and_exclusive_at_the_end_within_EDGE() -> None:
    start, end = at(BERLIN, 2026, 3, 2, 9), at(BERLIN, 2026, 3, 2, 17)
    span = (start, end)
    assert under_way(span, start) and under_way(span, start - EDGE / 2)
    assert not under_way(span, end) and not under_way(span, end - EDGE / 2)
    assert under_way(span, end - 2 * EDGE)


def test_a_night_span_runs_into_the_next_day_and_belongs_to_its_start_day() -> None:
    sat_2am = at(BERLIN, 2026, 3, 7, 2)
    assert under_way(span_at(NIGHT, sat_2am), sat_2am)
    assert span_at(NIGHT, sat_2am) == (at(BERLIN, 2026, 3, 6, 22), at(BERLIN, 2026, 3, 7, 6))
    sat_23 = at(BERLIN, 2026, 3, 7, 23)
    assert not under_way(span_at(NIGHT, sat_23), sat_23)


def test_equal_start_and_end_is_a_whole_wall_day_of_23_or_25_hours_on_change_days() -> None:
    whole = Hours(start=time(0), end=time(0), days=ALL_WEEK, zone=NEW_YORK)
    spring = span_on(whole, date(2026, 3, 8))
    fall = span_on(whole, date(2026, 11, 1))
    assert spring is not None and spring[1] - spring[0] == 23 * 3600
    assert fall is not None and fall[1] - fall[0] == 25 * 3600


def test_no_working_days_has_no_span() -> None:
    assert span_at(Hours(days=frozenset()), 0.0) is None


def test_midnights_and_local_dates_follow_the_zone() -> None:
    late = at(BERLIN, 2026, 3, 28, 23, 30)
    assert local_date(BERLIN, late) == date(2026, 3, 28)
    assert next_midnight(BERLIN, late) == at(BERLIN, 2026, 3, 29, 0)
    # The day after spring forward is 23 hours long.
    assert next_midnight(BERLIN, at(BERLIN, 2026, 3, 29, 0)) - at(BERLIN, 2026, 3, 29, 0) == 23 * 3600
    # Just before midnight, within EDGE, is midnight: the next one is a day on.
    assert next_midnight(BERLIN, at(BERLIN, 2026, 3, 3, 0) - EDGE / 2) == at(BERLIN, 2026, 3, 4, 0)


def test_next_wall_is_today_if_still_ahead_else_tomorrow() -> None:
    ten = at(BERLIN, 2026, 3, 2, 10)
    assert next_wall(BERLIN, ten, time(14, 30)) == at(BERLIN, 2026, 3, 2, 14, 30)
    assert next_wall(BERLIN, ten, time(10)) == at(BERLIN, 2026, 3, 3, 10)
    # A wall time the spring change skips is read as PEP 495 does: an hour later.
    skipped = next_wall(BERLIN, at(BERLIN, 2026, 3, 29, 1), time(2, 30))
    assert skipped == at(BERLIN, 2026, 3, 29, 3, 30)

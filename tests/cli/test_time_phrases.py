"""One grammar for every time phrase: the table of what is taken and refused, and (with
Hypothesis) that nothing typed ends in anything but a moment in bounds or one-line error."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.cli.main import main
from tui.services.since import EARLIEST, parse_every, parse_period, parse_since

NOW = datetime(2026, 11, 30, 9, 15, tzinfo=timezone(timedelta(hours=1)))
TODAY = NOW.date()


@pytest.mark.parametrize(("text", "ago"), [
    ("1m", timedelta(minutes=1)), ("1 min", timedelta(minutes=1)), ("2 minutes ago", timedelta(minutes=2)),
    ("90s", timedelta(seconds=90)), ("1h30m", timedelta(minutes=90)), ("1h 30m ago", timedelta(minutes=90)),
    ("2d", timedelta(days=2)), ("1w", timedelta(weeks=1)), ("3 weeks", timedelta(weeks=3)),
    ("20", timedelta(minutes=20)), ("0", timedelta(0)), ("1.5h", timedelta(minutes=90)),
])
def test_lengths_back_from_now(text, ago):
    assert parse_since(text, NOW) == NOW - ago


def test_months_are_mo_and_calendar_months():
    assert parse_since("1mo", NOW) == NOW.replace(month=10)
    assert parse_since("2 months ago", NOW) == NOW.replace(month=9)
    assert parse_since("1mo", NOW.replace(month=3, day=31)) == NOW.replace(month=2, day=28)
    assert parse_period("1mo", TODAY) == date(2026, 10, 30)
    assert parse_period("1w", TODAY) == date(2026, 11, 23)


@pytest.mark.parametrize(("text", "words"), [
    ("0999-12-31 10:00", "before the year 2000"), ("1999-12-31", "before the year 2000"),
    ("99999999999d", "before the year 2000"), ("400mo", "before the year 2000"),
    ("9999999999999d", "cannot read"), ("1e400h", "not a unit"), ("2027-01-01", "future"),
    ("3y", "not a unit"), ("5 mins 5 mins", "twice"), ("1.5mo", "whole"), ("tomorrow", "cannot read"),
    ("", "cannot read"), ("9999-12-31 23:59", "future"), ("0001-01-01T00:00+14:00", "before the year 2000"),
])
def test_refused_moments_say_why(text, words):
    with pytest.raises(ValueError, match=words) as caught:
        parse_since(text, NOW)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(("text", "words"), [
    ("1mo", "--every must be"), ("1d", "--every must be"), ("5s", "--every must be"),
    ("20m ago", "--every takes"), ("2x", "not a unit"), ("99999999999h", "--every must be"),
])
def test_refused_intervals(text, words):
    with pytest.raises(ValueError, match=words):
        parse_every(text)


def test_a_minute_where_a_month_was_meant_gets_a_did_you_mean():
    with pytest.raises(ValueError, match="did you mean 1mo"):
        parse_period("1m", TODAY)


UNIT = st.sampled_from(["s", "m", "min", "h", "d", "w", "mo", "", " days", "months"])


@pytest.mark.parametrize(("parse", "now", "low"), [
    (parse_since, NOW, EARLIEST), (parse_period, TODAY, EARLIEST.date())], ids=["moment", "period"])
@given(n=st.integers(min_value=0, max_value=10**15), unit=UNIT)
def test_any_length_is_in_bounds_or_a_value_error(parse, now, low, n, unit):
    try:
        found = parse(f"{n}{unit}", now)
    except ValueError:
        return
    assert low <= found <= now


@given(st.datetimes(timezones=st.timezones() | st.none()))
def test_any_written_moment_is_in_bounds_or_a_value_error(moment):
    try:
        parsed = parse_since(moment.isoformat(), NOW)
    except ValueError:
        return
    assert EARLIEST <= parsed <= NOW + timedelta(minutes=1)


@pytest.mark.parametrize("since", ["0999-12-31 10:00", "99999999999d", "1e9999d"])
def test_the_ice_command_refuses_in_one_line_and_exit_2(since, capsys):
    assert main(["ice", "--since", since]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err and since in err

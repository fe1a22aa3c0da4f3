"""When the pain started, as typed: hours or days ago, now, a date and time."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tui.services.since import parse_since

NOW = datetime(2026, 11, 30, 9, 15, tzinfo=timezone(timedelta(hours=1)))


@pytest.mark.parametrize("text, ago", [
    ("36h", timedelta(hours=36)), ("2d", timedelta(days=2)), ("90m", timedelta(minutes=90)),
    ("1.5h ago", timedelta(minutes=90)), ("now", timedelta(0)), (" 2D ", timedelta(days=2)),
])
def test_relative(text, ago) -> None:
    assert parse_since(text, NOW) == NOW - ago


def test_a_date_and_time_is_local_unless_it_says_otherwise() -> None:
    assert parse_since("2026-11-29 18:00", NOW) == datetime(2026, 11, 29, 18, 0, tzinfo=NOW.tzinfo)
    assert parse_since("2026-11-29T17:00+00:00", NOW) == datetime(2026, 11, 29, 18, 0, tzinfo=NOW.tzinfo)


def test_a_clock_time_still_to_come_means_yesterday() -> None:
    assert parse_since("08:00", NOW) == NOW.replace(hour=8, minute=0)
    assert parse_since("22:00", NOW) == (NOW - timedelta(days=1)).replace(hour=22, minute=0)


@pytest.mark.parametrize("text, words", [("tomorrow", "cannot read"), ("2026-12-01", "future"),
                                         ("", "cannot read")])
def test_bad_input_says_what_was_expected(text, words) -> None:
    with pytest.raises(ValueError, match=words):
        parse_since(text, NOW)

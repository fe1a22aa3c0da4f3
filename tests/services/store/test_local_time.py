"""Days, streaks and calendars follow the user's local date across DST changes and travel."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytest

from tui.services.store import open_store

from .walls import Wall, step

try:
    BERLIN = ZoneInfo("Europe/Berlin")
except ZoneInfoNotFoundError:  # pragma: no cover - no tz database on this machine
    BERLIN = None


def routine(store, wall: Wall, **at) -> None:
    wall.now = wall.now.replace(**at)
    sid = store.begin_session("core", "Core basics", 1)
    store.record_step(sid, step(0))
    store.end_session(sid, "finished")


@pytest.mark.skipif(BERLIN is None, reason="no time-zone database")
def test_a_daylight_saving_change_keeps_local_days(db: Path) -> None:
    # Clocks went forward on Sunday 29 March 2026 at 02:00 in Berlin (UTC+1 -> UTC+2).
    wall = Wall(datetime(2026, 3, 28, 0, 30, tzinfo=BERLIN))
    store = open_store(db, wall=wall)
    routine(store, wall, day=28, hour=0, minute=30)   # 23:30 UTC on the 27th
    routine(store, wall, day=29, hour=0, minute=15)   # before the change, UTC+1
    routine(store, wall, day=30, hour=0, minute=15)   # after it: 22:15 UTC on the 29th
    stored = sqlite3.connect(db).execute("SELECT day, utc_offset FROM sessions ORDER BY id").fetchall()
    assert stored == [("2026-03-28", 3600), ("2026-03-29", 3600), ("2026-03-30", 7200)]
    data = store.history()
    assert data.today == date(2026, 3, 30)
    assert data.streak == 3
    assert [n for _, n in data.calendar[-4:]] == [0, 1, 1, 1]
    assert data.today_sessions == (("00:15", "Core basics", "finished"),)
    rows = [r for r in store.rows() if r["kind"] == "session"]
    assert [r["at"] for r in rows] == ["2026-03-28T00:30:00+01:00", "2026-03-29T00:15:00+01:00",
                                       "2026-03-30T00:15:00+02:00"]
    store.close()


def test_travel_keeps_the_local_date_of_each_moment(db: Path) -> None:
    tokyo, new_york = timezone(timedelta(hours=9)), timezone(timedelta(hours=-5))
    wall = Wall(datetime(2026, 5, 4, 23, 0, tzinfo=tokyo))  # 14:00 UTC on 4 May
    store = open_store(db, wall=wall)
    routine(store, wall, hour=23)
    store.add_checkin(5, "alone")
    wall.advance(hours=13)
    wall.travel(new_york)  # landed: 22:00 on 4 May in New York, 03:00 UTC on 5 May
    assert wall().date() == date(2026, 5, 4)
    routine(store, wall, hour=22)
    store.add_checkin(4, "alone")
    wall.advance(hours=10)  # 08:00 on 5 May in New York
    routine(store, wall, hour=8)
    data = store.history()
    # Two routines on the 4th (one in each city), one on the 5th: two days in a row.
    assert data.today == date(2026, 5, 5)
    assert data.calendar[-2:] == ((date(2026, 5, 4), 2), (date(2026, 5, 5), 1))
    assert data.streak == 2
    # By UTC dates the routines would fall on the 4th, 5th and 5th: the local date is kept.
    days = sqlite3.connect(db).execute("SELECT day FROM sessions ORDER BY id").fetchall()
    assert days == [("2026-05-04",), ("2026-05-04",), ("2026-05-05",)]
    assert store.history().pain_weeks[-1][1] == 4.5
    store.close()


@pytest.mark.skipif(BERLIN is None, reason="no time-zone database")
def test_a_routine_done_in_kiritimati_counts_today_in_los_angeles(db: Path, monkeypatch) -> None:
    """Flying west over the date line: done at 10:00 on 5 December in Kiritimati (UTC+14),
    which is 12:00 on 4 December in Los Angeles. Read there a minute later, it is today's:
    the history shows it, the streak counts it, and a report of the last week has it."""
    from tui.cli.report.build import build

    kiritimati, los_angeles = ZoneInfo("Pacific/Kiritimati"), ZoneInfo("America/Los_Angeles")
    wall = Wall(datetime(2026, 12, 4, 10, 0, tzinfo=kiritimati))
    store = open_store(db, wall=wall)
    routine(store, wall, day=4)  # the day before, there: yesterday's
    wall.now = datetime(2026, 12, 5, 10, 0, tzinfo=kiritimati)
    routine(store, wall)
    store.add_checkin(3, "alone")
    wall.advance(minutes=1)
    wall.travel(los_angeles)
    today = wall().date()
    assert today == date(2026, 12, 4)
    data = store.history()
    assert data.today == today
    assert data.today_sessions == (("12:00", "Core basics", "finished"),)
    assert data.streak == 2
    assert [n for _, n in data.calendar[-2:]] == [1, 1]
    assert data.pain_weeks[-1][1] == 3
    rows = store.rows()
    store.close()
    monkeypatch.setenv("TZ", "America/Los_Angeles")
    period = build(rows, today - timedelta(days=6), today, {}, None, today, los_angeles)
    assert sum(t.sessions for t in period.routines) == 2 and period.active_days == 2
    assert [c[0] for c in period.checkins] == [today]
    assert [s.day for s in period.sessions] == [today - timedelta(days=1), today]
    # Stored as it happened: the local date there and its offset, for export.
    assert [r["at"][:10] for r in rows if r["kind"] == "session"] == ["2026-12-04", "2026-12-05"]

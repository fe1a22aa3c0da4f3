"""The store on a temporary data dir: what goes in comes back, in the file and after reopening."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from tui.services.store import open_store
from tui.services.store.schema import VERSION

from .walls import Wall, step


def test_default_file_is_history_db_in_the_data_dir(data_dir: Path) -> None:
    store = open_store()
    store.close()
    assert (data_dir / "history.db").is_file()
    conn = sqlite3.connect(data_dir / "history.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == VERSION
    conn.close()


def test_a_routine_is_recorded_step_by_step(db: Path, wall: Wall) -> None:
    store = open_store(db, wall=wall)
    sid = store.begin_session("core-basics", "Core basics", 3)
    store.add_checkin(6, "before", sid)
    store.record_step(sid, step(1))
    # Each step is committed when it is recorded: another connection sees it at once.
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM steps").fetchone()[0] == 1
    wall.advance(seconds=40)
    store.record_step(sid, step(3, "skipped", exercise="Bird dog"))
    wall.advance(seconds=40)
    store.record_step(sid, step(5, "easier", exercise="Plank", unit="reps", planned_count=5, actual_count=3))
    store.end_session(sid, "finished")
    store.add_checkin(4, "after", sid)
    store.close()
    session = conn.execute("SELECT routine_key, routine_name, steps, outcome, day FROM sessions").fetchone()
    assert session == ("core-basics", "Core basics", 3, "finished", "2026-03-10")
    steps = conn.execute("SELECT idx, exercise, outcome, unit, planned_count, actual_count FROM steps "
                         "ORDER BY id").fetchall()
    assert steps == [(1, "Glute bridge", "done", "seconds", None, None),
                     (3, "Bird dog", "skipped", "seconds", None, None),
                     (5, "Plank", "easier", "reps", 5, 3)]
    assert conn.execute("SELECT score, moment, session_id FROM checkins ORDER BY id").fetchall() == [
        (6, "before", sid), (4, "after", sid)]
    conn.close()


def test_rows_survive_reopening(db: Path, wall: Wall) -> None:
    store = open_store(db, wall=wall)
    sid = store.begin_session("desk", "Desk break", 2)
    store.record_step(sid, step(0))
    store.end_session(sid, "left")
    store.add_checkin(3, "alone")
    store.set_easier_names("desk", ["Wall stand", "Wall stand", "Lunge"])
    store.close()
    again = open_store(db, wall=wall)
    assert again.easier_names("desk") == {"Wall stand", "Lunge"}
    assert again.easier_names("other") == frozenset()
    assert [r["kind"] for r in again.rows()] == ["session", "step", "checkin", "easier"]
    assert again.warning is None and again.recovered == ()
    again.close()


def test_last_checkin_is_per_session_and_moment(db: Path, wall: Wall) -> None:
    store = open_store(db, wall=wall)
    a = store.begin_session("a", "A", 1)
    store.add_checkin(7, "before", a)
    store.add_checkin(5, "before", a)
    b = store.begin_session("b", "B", 1)
    assert store.last_checkin(a, "before") == 5
    assert store.last_checkin(a, "after") is None
    assert store.last_checkin(b, "before") is None
    store.close()


def test_bad_values_are_refused_before_anything_is_written(db: Path, wall: Wall) -> None:
    store = open_store(db, wall=wall)
    sid = store.begin_session("a", "A", 1)
    with pytest.raises(ValueError):
        store.add_checkin(11, "before")
    with pytest.raises(ValueError):
        store.add_checkin(3, "during")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        store.record_step(sid, step(outcome="half"))
    with pytest.raises(ValueError):
        store.end_session(sid, "done")  # type: ignore[arg-type]
    assert store.pending == 0
    store.close()


def test_closing_with_a_session_open_marks_it_interrupted(db: Path, wall: Wall) -> None:
    store = open_store(db, wall=wall)
    sid = store.begin_session("a", "A", 4)
    store.record_step(sid, step(0))
    store.close()
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT outcome FROM sessions").fetchone() == ("interrupted",)
    conn.close()


def test_history_figures(db: Path, wall: Wall) -> None:
    store = open_store(db, wall=wall)
    # Three days in a row with a routine, a gap, and one left without a single step done.
    for back in (4, 2, 1, 0):
        wall.now = wall.now.replace(day=10 - back, hour=7)
        sid = store.begin_session("core", "Core basics", 2)
        store.record_step(sid, step(0))
        store.end_session(sid, "finished")
        store.add_checkin(6 - back % 2, "before", sid)
    wall.now = wall.now.replace(hour=9, minute=5)
    sid = store.begin_session("desk", "Desk break", 2)
    store.record_step(sid, step(0, "skipped"))
    store.end_session(sid, "left")
    wall.now = wall.now.replace(hour=10, minute=0)
    store.begin_session("walk", "Walking reset", 3)  # still under way
    data = store.history()
    assert data.today == date(2026, 3, 10)
    assert data.today_sessions == (("07:30", "Core basics", "finished"), ("09:05", "Desk break", "left"),
                                   ("10:00", "Walking reset", "running"))
    assert data.streak == 3
    assert len(data.calendar) == 28 and data.calendar[-1] == (date(2026, 3, 10), 1)
    assert data.calendar[-5] == (date(2026, 3, 6), 1) and data.calendar[-4][1] == 0
    assert data.per_routine == (("Core basics", 4, date(2026, 3, 10)),)
    assert data.checkins == 4
    assert len(data.pain_weeks) == 8 and data.pain_weeks[-1][0] == date(2026, 3, 9)
    assert data.pain_weeks[-1][1:] == (5.5, None)  # Mon 9 (5) and Tue 10 (6)
    # Yesterday's streak still counts before today's routine is done.
    assert store.history(today=date(2026, 3, 11)).streak == 3
    store.close()


def test_two_week_rule_is_quiet_for_fourteen_days_after_shown(db: Path, wall: Wall) -> None:
    store = open_store(db, wall=wall)
    for n in range(14):
        store.add_checkin(6, "alone")
        store.end_session(store.begin_session("walk", "Walk", 3), "finished")  # regular exercise
        wall.advance(days=1)
    wall.advance(days=-1)
    state = store.two_week()
    assert state is not None and state.advise and state.days == 14 and state.routine_days == 14
    store.two_week_shown()
    assert store.two_week() is None
    wall.advance(days=13)
    assert store.two_week() is None
    wall.advance(days=1)
    assert store.two_week() is not None
    store.close()


def test_export_rows_have_kind_and_an_offset_time(db: Path, wall: Wall) -> None:
    store = open_store(db, wall=wall)
    sid = store.begin_session("a", "A", 1)
    store.record_step(sid, step(0))
    store.add_checkin(2, "after", sid)
    rows = store.rows()
    store.close()
    assert {r["kind"] for r in rows} == {"session", "step", "checkin"}
    assert all(r["at"] == "2026-03-10T08:30:00+01:00" for r in rows)
    json.dumps(rows)  # plain data only


def test_easier_choices_from_two_routines_do_not_overwrite_each_other(db: Path, wall: Wall) -> None:
    first, second = open_store(db, wall=wall), open_store(db, wall=wall)
    first.set_easier_names("core", ["Plank"])
    second.set_easier_names("desk", ["Lunge"])
    assert first.easier_names("desk") == {"Lunge"} and second.easier_names("core") == {"Plank"}
    first.close()
    second.close()


def test_days_count_in_local_time(db: Path, wall: Wall) -> None:
    store = open_store(db, wall=wall)
    wall.now = wall.now.replace(hour=0, minute=20)  # 23:20 UTC the day before
    store.add_checkin(5, "alone")
    assert store.history().pain_weeks[-1][1] == 5.0
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT day, utc_offset, utc FROM checkins").fetchone() == (
        "2026-03-10", 3600, "2026-03-09 23:20:00.000000")
    conn.close()
    store.close()


def test_two_week_rule_through_the_store_six_then_three_stays_quiet(db: Path, wall: Wall) -> None:
    """The at-rest scores of the first week against the last, with routines every day."""
    store = open_store(db, wall=wall)
    for n in range(28):
        store.add_checkin(6 if n < 7 else 3, "before")
        store.add_checkin(9, "after")  # after a routine: not counted
        store.end_session(store.begin_session("walk", "Walk", 3), "finished")
        state = store.two_week()
        assert state is not None and not state.advise, n
        wall.advance(days=1)
    assert (state.first_mean, state.last_mean, state.improved) == (6.0, 3.0, True)
    store.close()

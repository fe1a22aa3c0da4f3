"""Goals, PEG answers, global impressions and skips in the history store: written at once,
read back with their dates, kept while the file waits, exported, and a version-7 file
upgraded in place (tui/services/store/measures.py, migration 8)."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from tui.engine.measures import due
from tui.services.store import open_store
from tui.services.store.schema import VERSION, migrate
from tui.services.store.spill import NAME

from .walls import Wall


def test_goals_are_set_rated_changed_and_retired(db: Path, wall: Wall) -> None:
    store = open_store(db, wall=wall)
    lift = store.measures.set_goal("  lift my   child ", 3)
    sit = store.measures.set_goal("sit through a meeting")
    assert [(g.text, [r.score for r in g.ratings]) for g in store.measures.goals()] == [
        ("lift my child", [3]), ("sit through a meeting", [])]
    wall.advance(days=7)
    store.measures.rate_goals({lift: 6, sit: 4})
    walk = store.measures.change_goal(sit, "walk to the shops", 5)
    wall.advance(days=1)
    store.measures.retire_goal(lift)
    current = store.measures.goals()
    assert [(g.key, g.text) for g in current] == [(walk, "walk to the shops")]
    every = store.measures.goals(retired=True)
    assert [(g.text, g.retired_on, [(r.day, r.score) for r in g.ratings]) for g in every] == [
        ("lift my child", date(2026, 3, 18), [(date(2026, 3, 10), 3), (date(2026, 3, 17), 6)]),
        ("sit through a meeting", date(2026, 3, 17), [(date(2026, 3, 17), 4)]),
        ("walk to the shops", None, [(date(2026, 3, 17), 5)])]
    assert every[0].change == 3 and every[0].meaningful
    store.close()


def test_bad_goal_values_are_refused_before_anything_is_written(db: Path, wall: Wall) -> None:
    store = open_store(db, wall=wall)
    with pytest.raises(ValueError):
        store.measures.set_goal("   ", 3)
    with pytest.raises(ValueError):
        store.measures.set_goal("walk", 11)
    with pytest.raises(ValueError):
        store.measures.rate_goals({"x": -1})
    with pytest.raises(ValueError):
        store.measures.record_peg(3, 11, 2)
    with pytest.raises(ValueError):
        store.measures.record_impression(8)
    assert store.measures.goals() == () and store.pending == 0
    store.measures.skip_measure("nonsense")  # logged and dropped, never raised
    assert store.rows() == []
    store.close()


def test_peg_and_impressions_are_read_back_with_their_scores(db: Path, wall: Wall) -> None:
    store = open_store(db, wall=wall)
    store.measures.record_peg(6, 5, 4)
    wall.advance(days=7)
    store.measures.record_peg(4, 3, 2)
    store.measures.record_impression(2)
    pegs = store.measures.peg_rows()
    assert [(p.day, p.score) for p in pegs] == [(date(2026, 3, 10), 5.0), (date(2026, 3, 17), 3.0)]
    assert [p.day for p in store.measures.peg_rows(since=date(2026, 3, 11))] == [date(2026, 3, 17)]
    (said,) = store.measures.impressions()
    assert (said.day, said.code, said.words) == (date(2026, 3, 17), 2, "much better")
    history = store.history()
    assert [p.score for p in history.pegs] == [5.0, 3.0]  # the first and the latest
    store.close()


def test_the_due_days_count_answers_and_skips(db: Path, wall: Wall) -> None:
    store = open_store(db, wall=wall)
    last = store.measures.measures_last()
    assert (last.goals, last.goals_day, last.peg_day, last.impression_day, last.start) == (
        0, None, None, None, None)
    sid = store.begin_session("core", "Core basics", 3)
    store.add_checkin(5, "before", sid)
    store.measures.skip_measure("goals")
    store.measures.skip_measure("peg")
    last = store.measures.measures_last()
    today = wall().date()
    assert (last.goals_day, last.peg_day, last.start) == (today, today, today)
    assert due.goals_due(today, last.goals, last.goals_day) is None
    assert not due.peg_due(today, last.peg_day)
    wall.advance(days=14)
    store.measures.set_goal("garden for an hour", 2)
    store.measures.record_impression(4)
    last = store.measures.measures_last()
    assert (last.goals, last.goals_day, last.peg_day, last.impression_day) == (
        1, date(2026, 3, 24), today, date(2026, 3, 24))
    store.close()


def test_the_leg_score_is_kept_beside_the_back_score(db: Path, wall: Wall) -> None:
    store = open_store(db, wall=wall)
    store.add_checkin(4, "alone", leg=7)
    store.add_checkin(3, "alone")
    with pytest.raises(ValueError):
        store.add_checkin(3, "alone", leg=11)
    rows = [r for r in store.rows() if r["kind"] == "checkin"]
    assert [(r["score"], r["leg"]) for r in rows] == [(4, 7), (3, None)]
    store.close()


def test_the_impression_speaks_in_the_two_week_rule(db: Path, wall: Wall) -> None:
    store = open_store(db, wall=wall)
    for n in range(14):
        sid = store.begin_session("core", "Core basics", 3)
        store.add_checkin(6 if n < 7 else 5, "before", sid)
        store.end_session(sid, "finished")
        if n < 13:
            wall.advance(days=1)
    assert store.two_week().advise
    store.measures.record_impression(2)  # much better
    state = store.two_week()
    assert state.impression == 2 and state.improved and not state.advise
    store.close()


def test_every_measure_is_an_export_kind(db: Path, wall: Wall) -> None:
    store = open_store(db, wall=wall)
    key = store.measures.set_goal("carry the shopping", 4)
    store.measures.record_peg(5, 4, 4)
    store.measures.record_impression(3)
    store.measures.skip_measure("impression")
    store.measures.retire_goal(key)
    rows = store.rows()
    store.close()
    by_kind = {r["kind"]: r for r in rows}
    assert set(by_kind) == {"goal", "goal_rating", "peg", "impression", "measure_skip"}
    assert by_kind["goal"]["text"] == "carry the shopping" and by_kind["goal"]["goal"] == key
    assert by_kind["goal"]["retired"] == "2026-03-10T08:30:00+01:00"
    assert (by_kind["goal_rating"]["goal"], by_kind["goal_rating"]["score"]) == (key, 4)
    assert by_kind["peg"] | {} == {"kind": "peg", "at": "2026-03-10T08:30:00+01:00",
                                   "id": by_kind["peg"]["id"], "pain": 5, "enjoyment": 4,
                                   "activity": 4, "score": 4.33}
    assert (by_kind["impression"]["code"], by_kind["impression"]["answer"]) == (3, "a little better")
    assert by_kind["measure_skip"]["what"] == "impression"


def test_measure_rows_wait_while_the_file_is_locked_and_are_never_lost(db: Path, wall: Wall) -> None:
    open_store(db, wall=wall).close()
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    store = open_store(db, wall=wall, timeout=0.05)
    key = store.measures.set_goal("climb the stairs", 3)
    store.measures.rate_goals({key: 4})
    store.measures.record_peg(3, 3, 3)
    store.measures.skip_measure("impression")
    assert store.pending == 5 and store.warning and "not being saved" in store.warning
    # Waiting rows count: the goal is there and nothing is asked twice.
    assert [(g.text, [r.score for r in g.ratings]) for g in store.measures.goals()] == [("climb the stairs", [3, 4])]
    last = store.measures.measures_last()
    assert (last.goals, last.peg_day, last.impression_day) == (1, wall().date(), wall().date())
    said = store.close()
    spill = db.with_name(NAME)
    assert said and spill.is_file() and oct(spill.stat().st_mode & 0o777) == "0o600"
    other.execute("COMMIT")
    other.close()
    again = open_store(db, wall=wall)
    assert again.pending == 0 and not spill.exists()
    assert [(g.text, [r.score for r in g.ratings]) for g in again.measures.goals()] == [("climb the stairs", [3, 4])]
    assert [p.score for p in again.measures.peg_rows()] == [3.0]
    again.close()


def test_a_spill_from_before_the_leg_score_is_still_imported(db: Path, wall: Wall) -> None:
    db.parent.mkdir(parents=True)
    os.chmod(db.parent, 0o700)
    spill = db.with_name(NAME)
    spill.write_text(json.dumps({"lumbar_spill": 1, "id": "abc", "rows": [
        ["checkin", [6, "alone", None], ["2026-03-09 07:00:00.000000", 3600, "2026-03-09"]]]}))
    store = open_store(db, wall=wall)
    assert [(r["score"], r["leg"]) for r in store.rows() if r["kind"] == "checkin"] == [(6, None)]
    store.close()


def test_a_version_7_file_gains_the_measures_and_keeps_its_rows(db: Path, wall: Wall) -> None:
    db.parent.mkdir(parents=True)
    conn = sqlite3.connect(db, isolation_level=None)
    migrate(conn, upto=7)
    conn.execute("INSERT INTO checkins (utc, utc_offset, day, score, moment) VALUES "
                 "('2026-03-01 08:05:00.000000', 3600, '2026-03-01', 4, 'alone')")
    conn.close()
    store = open_store(db, wall=wall)
    assert store.warning is None
    store.add_checkin(3, "alone", leg=5)
    store.measures.set_goal("tie my shoes", 5)
    rows = store.rows()
    store.close()
    assert [(r["kind"], r.get("leg")) for r in rows] == [
        ("checkin", None), ("checkin", 5), ("goal", None), ("goal_rating", None)]
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == VERSION >= 8
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    assert oct(db.stat().st_mode & 0o777) == "0o600"

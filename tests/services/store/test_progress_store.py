"""Doses and answers in the store: migration from the previous schema with rows, the rule's
inputs, one row per decision, and export."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from tui.engine.progress.progression import Level, Outcome
from tui.services.store import open_store
from tui.services.store.schema import migrate

from .walls import Wall, step


def second_schema_file(db: Path) -> None:
    """A history.db as the release before doses wrote it: a routine with a check-in and an easier step."""
    db.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(db, isolation_level=None)
    migrate(conn, upto=2)
    conn.execute("INSERT INTO sessions (routine_key, routine_name, steps, utc, utc_offset, day, "
                 "outcome) VALUES ('core', 'Core basics', 2, '2026-03-09 08:00:00.000000', 3600, "
                 "'2026-03-09', 'finished')")
    conn.execute("INSERT INTO steps (session_id, utc, utc_offset, idx, exercise, set_no, round_no, "
                 "planned_seconds, actual_seconds, unit, outcome) VALUES (1, "
                 "'2026-03-09 08:01:00.000000', 3600, 1, 'Bridge', 1, 1, 20, 20, 'reps', 'easier')")
    conn.execute("INSERT INTO checkins (utc, utc_offset, day, score, moment, session_id) VALUES "
                 "('2026-03-09 07:59:00.000000', 3600, '2026-03-09', 3, 'before', 1)")
    conn.execute("INSERT INTO meta (key, value) VALUES ('two_week_shown', '2026-03-01')")
    conn.close()


def test_the_previous_schema_upgrades_with_its_rows(db: Path, wall: Wall) -> None:
    second_schema_file(db)
    store = open_store(db, wall=wall)
    assert store.warning is None
    found = store.progress_inputs("core")
    # No dose yet: every old session of the routine is what happened "since".
    assert found.stored == {}
    assert found.since == (Outcome(date(2026, 3, 9), None, 3, None, frozenset({"Bridge"})),)
    assert found.checkins == ((date(2026, 3, 9), 3),)
    assert [r["kind"] for r in store.rows()] == ["checkin", "session", "step"]
    store.close()
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM doses").fetchone() == (0,)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def test_the_latest_dose_counts_and_only_later_sessions_are_since(db: Path, wall: Wall) -> None:
    store = open_store(db, wall=wall)
    first = store.begin_session("core", "Core basics", 3)
    store.set_doses("core", first, [("Bridge", Level(reps=5), "start"), ("Hold", Level(hold=5.0), "start")])
    store.add_checkin(2, "before", first)
    store.end_session(first, "finished")
    store.add_checkin(2, "after", first)
    store.record_answer(first, "easy")
    wall.advance(days=1)
    second = store.begin_session("core", "Core basics", 3)
    store.set_doses("core", second, [("Bridge", Level(reps=6), "up")])
    store.record_step(second, step(exercise="Hold", outcome="easier"))
    store.record_answer(second, "hard")
    found = store.progress_inputs("core")
    assert found.stored == {"Bridge": Level(reps=6), "Hold": Level(hold=5.0)}
    assert found.since == (Outcome(date(2026, 3, 11), "hard", None, None, frozenset({"Hold"})),)
    assert [(r.exercise, r.level, r.why) for r in store.dose_rows()] == [
        ("Bridge", Level(reps=5), "start"), ("Hold", Level(hold=5.0), "start"), ("Bridge", Level(reps=6), "up")]
    assert [r.day for r in store.dose_rows(date(2026, 3, 11))] == [date(2026, 3, 11)]
    kinds = [r for r in store.rows() if r["kind"] in ("dose", "answer")]
    assert kinds[0] == {"kind": "dose", "at": "2026-03-10T08:30:00+01:00", "id": 1, "routine": "core",
                        "exercise": "Bridge", "reps": 5, "sets": None, "hold_seconds": None,
                        "why": "start", "session": first}
    assert [r["answer"] for r in kinds if r["kind"] == "answer"] == ["easy", "hard"]
    store.close()


def test_bad_answers_and_reasons_are_refused(db: Path, wall: Wall) -> None:
    store = open_store(db, wall=wall)
    with pytest.raises(ValueError):
        store.record_answer(1, "meh")
    with pytest.raises(ValueError):
        store.set_doses("core", 1, [("Bridge", Level(reps=5), "because")])
    store.close()


def test_export_csv_has_the_new_columns(db: Path, wall: Wall, capsys: pytest.CaptureFixture[str]) -> None:
    from tui.cli.export import run

    store = open_store(db, wall=wall)
    sid = store.begin_session("core", "Core basics", 3)
    store.set_doses("core", sid, [("Bridge", Level(reps=5, sets=2), "start")])
    store.record_answer(sid, "right")
    assert run("csv", store) == 0
    lines = capsys.readouterr().out.splitlines()
    header = lines[0].split(",")
    dose = dict(zip(header, next(l for l in lines if l.startswith("dose,")).split(",")))
    answer = dict(zip(header, next(l for l in lines if l.startswith("answer,")).split(",")))
    assert (dose["exercise"], dose["reps"], dose["sets"], dose["why"]) == ("Bridge", "5", "2", "start")
    assert answer["answer"] == "right"

"""The schema is built by ordered migrations, and a file from the first schema upgrades in place."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tui.services.store import open_store
from tui.services.store.schema import MIGRATIONS, VERSION, migrate

from .walls import Wall


def tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def first_schema_file(db: Path) -> None:
    """A history.db as the first release wrote it, with a finished routine in it."""
    db.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(db, isolation_level=None)
    assert migrate(conn, upto=1) == 0
    conn.execute("INSERT INTO sessions (routine_key, routine_name, steps, utc, utc_offset, day, "
                 "outcome) VALUES ('core', 'Core basics', 2, '2026-03-01 08:00:00.000000', 3600, "
                 "'2026-03-01', 'finished')")
    conn.execute("INSERT INTO steps (session_id, utc, utc_offset, idx, exercise, set_no, round_no, "
                 "planned_seconds, actual_seconds, unit, outcome) VALUES (1, "
                 "'2026-03-01 08:01:00.000000', 3600, 1, 'Plank', 1, 1, 20, 20, 'seconds', 'done')")
    conn.execute("INSERT INTO checkins (utc, utc_offset, day, score, moment, session_id) VALUES "
                 "('2026-03-01 08:05:00.000000', 3600, '2026-03-01', 4, 'after', 1)")
    conn.close()


def test_migrations_build_the_schema_one_version_at_a_time(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "h.db", isolation_level=None)
    seen = []
    for version in range(1, VERSION + 1):
        migrate(conn, upto=version)
        seen.append((conn.execute("PRAGMA user_version").fetchone()[0], tables(conn)))
    assert [v for v, _ in seen] == list(range(1, VERSION + 1))
    assert seen[0][1] == {"sessions", "steps", "checkins"}
    assert seen[1][1] == {"sessions", "steps", "checkins", "easier", "meta"}
    assert seen[2][1] == seen[1][1] | {"doses", "answers"}
    assert seen[3][1] == seen[2][1] | {"applications"}
    assert seen[4][1] == seen[3][1] | {"breaks"}
    assert migrate(conn) == VERSION  # nothing left to do
    conn.close()
    assert VERSION == len(MIGRATIONS) >= 2


def test_a_first_schema_file_is_upgraded_with_its_rows(db: Path, wall: Wall) -> None:
    first_schema_file(db)
    (db.parent / "easier.json").write_text(json.dumps({"core": ["Plank", "Bridge"]}))
    store = open_store(db, wall=wall)
    assert store.warning is None
    assert store.easier_names("core") == {"Plank", "Bridge"}
    # The tables of later migrations are there and take rows.
    store.record_break("taken", "routine")
    store.save_break_state({"snoozes": 0})
    assert store.breaks_today()["taken"] == 1 and store.break_state() == {"snoozes": 0}
    rows = store.rows()
    store.close()
    assert [(r["kind"], r["at"]) for r in rows[:3]] == [
        ("session", "2026-03-01T09:00:00+01:00"), ("step", "2026-03-01T09:01:00+01:00"),
        ("checkin", "2026-03-01T09:05:00+01:00")]
    assert rows[-1]["kind"] == "break"
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == VERSION
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def test_easier_json_is_imported_once_and_left_in_place(db: Path, wall: Wall) -> None:
    old = db.parent / "easier.json"
    old.parent.mkdir(parents=True)
    old.write_text(json.dumps({"core": ["Plank"], "desk": ["Lunge"]}))
    store = open_store(db, wall=wall)
    assert store.easier_names("core") == {"Plank"} and store.easier_names("desk") == {"Lunge"}
    store.set_easier_names("core", [])
    store.close()
    assert json.loads(old.read_text()) == {"core": ["Plank"], "desk": ["Lunge"]}
    # Opening again does not bring the old choice back.
    again = open_store(db, wall=wall)
    assert again.easier_names("core") == frozenset()
    again.close()


def test_a_damaged_easier_json_is_not_imported_and_said_so(db: Path, wall: Wall) -> None:
    old = db.parent / "easier.json"
    old.parent.mkdir(parents=True)
    old.write_text('{"core": ["Pla')
    store = open_store(db, wall=wall)
    assert store.warning and "easier.json" in store.warning
    assert store.easier_names("core") == frozenset()
    store.close()
    assert old.read_text() == '{"core": ["Pla'
    # Said once: the next start does not repeat it.
    again = open_store(db, wall=wall)
    assert again.warning is None
    again.close()


def test_only_the_readable_entries_of_easier_json_are_imported(db: Path, wall: Wall) -> None:
    old = db.parent / "easier.json"
    old.parent.mkdir(parents=True)
    old.write_text(json.dumps({"core": ["Plank"], "desk": "Lunge"}))
    store = open_store(db, wall=wall)
    assert store.warning and "easier.json" in store.warning
    assert store.easier_names("core") == {"Plank"} and store.easier_names("desk") == frozenset()
    store.close()

"""A database that cannot be used: one warning, nothing raised, rows kept and written later."""

from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path

from tui.services.store import open_store

from .walls import Wall, step


def count(db: Path, table: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def a_routine(store) -> int:
    sid = store.begin_session("core", "Core basics", 3)
    store.add_checkin(5, "before", sid)
    store.record_step(sid, step(1))
    store.record_step(sid, step(3, "skipped"))
    return sid


def assert_written(db: Path) -> None:
    conn = sqlite3.connect(db)
    (sid,) = conn.execute("SELECT id FROM sessions").fetchone()
    # The steps and check-in point at the session's real id, not a stand-in.
    assert conn.execute("SELECT DISTINCT session_id FROM steps").fetchall() == [(sid,)]
    assert conn.execute("SELECT session_id, score FROM checkins").fetchall() == [(sid, 5)]
    assert conn.execute("SELECT outcome FROM sessions").fetchone() == ("finished",)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def test_data_dir_that_is_a_file(data_dir: Path, wall: Wall) -> None:
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    data_dir.write_text("not a folder")
    store = open_store(data_dir / "history.db", wall=wall)
    assert store.warning and "is not a folder" in store.warning
    warning = store.warning
    sid = a_routine(store)
    assert store.pending == 4
    # Reads still answer, from the rows waiting in memory.
    assert store.history().today_sessions == (("08:30", "Core basics", "running"),)
    assert store.last_checkin(sid, "before") == 5
    data_dir.unlink()
    store.end_session(sid, "finished")  # this call finds the folder usable and writes it all
    assert store.pending == 0
    assert store.warning == warning  # one warning, not one per call
    store.close()
    assert_written(data_dir / "history.db")


def test_history_db_that_is_a_directory(db: Path, wall: Wall) -> None:
    db.mkdir(parents=True)
    store = open_store(db, wall=wall)
    assert store.warning and "is a folder, not a file" in store.warning
    sid = a_routine(store)
    assert store.pending == 4
    db.rmdir()
    store.end_session(sid, "finished")
    store.close()
    assert_written(db)


def test_disk_full(db: Path, wall: Wall) -> None:
    store = open_store(db, wall=wall)
    conn = store._conn
    # SQLite's own "database or disk is full" (SQLITE_FULL): the file may not grow.
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    sid = store.begin_session("core", "Core basics", 3)
    store.add_checkin(5, "before", sid)
    for n in range(60):  # enough rows to need a new page
        store.record_step(sid, step(n, exercise="A long exercise name " * 8))
    assert store.warning and "disk is full" in store.warning
    assert store.pending > 0
    conn.execute("PRAGMA max_page_count = 1000000")  # room again
    store.end_session(sid, "finished")
    assert store.pending == 0
    store.close()
    assert count(db, "steps") == 60
    assert_written(db)


def test_a_lock_held_past_the_timeout(db: Path, wall: Wall) -> None:
    open_store(db, wall=wall).close()
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    store = open_store(db, wall=wall, timeout=0.2)
    sid = a_routine(store)
    assert store.warning and "locked" in store.warning
    assert store.pending == 4
    other.execute("COMMIT")
    other.close()
    store.end_session(sid, "finished")
    assert store.pending == 0
    store.close()
    assert_written(db)


def test_a_corrupt_file_is_moved_aside_and_a_fresh_one_started(db: Path, wall: Wall) -> None:
    db.parent.mkdir(parents=True)
    junk = random.Random(9).randbytes(8192)
    db.write_bytes(junk)
    store = open_store(db, wall=wall)
    aside = db.with_name("history.db.damaged-2026-03-10")
    assert aside.read_bytes() == junk  # kept byte for byte, never deleted
    assert store.warning and aside.name in store.warning
    sid = a_routine(store)
    store.end_session(sid, "finished")
    assert store.pending == 0
    store.close()
    assert_written(db)
    # A second damaged file on the same day does not replace the first.
    shutil.copyfile(aside, db)
    open_store(db, wall=wall).close()
    assert aside.read_bytes() == junk
    assert db.with_name("history.db.damaged-2026-03-10-2").read_bytes() == junk


def test_a_file_from_a_newer_lumbar_is_left_alone(db: Path, wall: Wall) -> None:
    open_store(db, wall=wall).close()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    store = open_store(db, wall=wall)
    assert store.warning and "version 99" in store.warning
    a_routine(store)
    store.close()
    assert db.read_bytes() == before


def test_nothing_raises_when_the_file_never_becomes_usable(data_dir: Path, wall: Wall) -> None:
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    data_dir.write_text("")
    store = open_store(data_dir / "history.db", wall=wall)
    sid = a_routine(store)
    store.set_easier_names("core", ["Plank"])
    assert store.easier_names("core") == {"Plank"}
    store.end_session(sid, "left")
    assert store.two_week() is not None
    store.close()
    assert data_dir.is_file()



def test_disk_full_when_opening(db: Path, wall: Wall, monkeypatch) -> None:
    """The same from the first moment: a new file cannot even be created."""
    from tui.services.store import connection

    real = connection.connect

    def full(path: Path, timeout: float):
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorcode = sqlite3.SQLITE_FULL
        raise error

    monkeypatch.setattr(connection, "connect", full)
    store = open_store(db, wall=wall)
    assert store.warning and "disk is full" in store.warning and not store.available
    sid = a_routine(store)
    monkeypatch.setattr(connection, "connect", real)
    store.end_session(sid, "finished")
    assert store.pending == 0
    store.close()
    assert_written(db)

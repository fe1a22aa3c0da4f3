"""Nothing typed is lost: rows that cannot be written when lumbar quits go to a spill file
and the next start writes them, once (held lock, newer schema, full disk, unusable folder)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tui.services.store import open_store
from tui.services.store.spill import NAME

from .walls import Wall, step


def checkins(db: Path) -> list[int]:
    conn = sqlite3.connect(db)
    try:
        return [s for (s,) in conn.execute("SELECT score FROM checkins ORDER BY id")]
    finally:
        conn.close()


def test_a_held_lock_at_quit_spills_and_the_next_start_imports_once(db: Path, wall: Wall):
    open_store(db, wall=wall).close()
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    store = open_store(db, wall=wall, timeout=0.1)
    sid = store.begin_session("core", "Core basics", 2)
    store.record_step(sid, step(0))
    store.add_checkin(7, "after", sid)
    assert store.pending == 3
    said = store.close()
    spill = db.with_name(NAME)
    assert said and "4 entries" in said  # and the end, as interrupted and str(spill) in said and "locked" in said
    assert spill.is_file() and oct(spill.stat().st_mode & 0o777) == "0o600"
    assert "7" in spill.read_text()
    other.execute("COMMIT")
    other.close()
    again = open_store(db, wall=wall)
    assert again.pending == 0 and not spill.exists()
    again.close()
    assert checkins(db) == [7]
    conn = sqlite3.connect(db)
    # The session, closed as interrupted at quit, with its step under its real id.
    assert conn.execute("SELECT outcome FROM sessions").fetchall() == [("interrupted",)]
    assert conn.execute("SELECT count(*) FROM steps WHERE session_id = (SELECT id FROM sessions)").fetchone() == (1,)
    conn.close()
    open_store(db, wall=wall).close()
    assert checkins(db) == [7]  # once


def test_a_spill_already_imported_is_not_imported_again(db: Path, wall: Wall):
    """A crash after the import's commit but before the file is deleted."""
    open_store(db, wall=wall).close()
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    store = open_store(db, wall=wall, timeout=0.1)
    store.add_checkin(4, "alone")
    store.close()
    other.execute("COMMIT")
    other.close()
    spill = db.with_name(NAME)
    kept = spill.read_bytes()
    open_store(db, wall=wall).close()
    spill.write_bytes(kept)  # as if it had not been deleted
    open_store(db, wall=wall).close()
    assert checkins(db) == [4] and not spill.exists()


def test_a_newer_schema_keeps_the_rows_until_a_lumbar_can_write_them(db: Path, wall: Wall):
    open_store(db, wall=wall).close()
    conn = sqlite3.connect(db)
    (ours,) = conn.execute("PRAGMA user_version").fetchone()
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    for score in (3, 5):  # two runs of this older lumbar: nothing lost in between
        store = open_store(db, wall=wall)
        store.add_checkin(score, "alone")
        assert "version 99" in (store.close() or "")
    rows = json.loads(db.with_name(NAME).read_text())["rows"]
    assert [r[1][0] for r in rows if r[0] == "checkin"] == [3, 5]
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {ours}")  # a lumbar that can write it
    conn.commit()
    conn.close()
    open_store(db, wall=wall).close()
    assert sorted(checkins(db)) == [3, 5]


def test_an_unusable_data_folder_spills_into_the_state_folder(data_dir: Path, wall: Wall, monkeypatch):
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    data_dir.write_text("a file where the folder should be")
    store = open_store(wall=wall)  # the user's own history: data_dir()/history.db
    store.add_checkin(6, "alone")
    said = store.close()
    state = Path(os.environ["LUMBAR_STATE_DIR"]) / NAME
    assert said and str(state) in said and state.is_file()
    data_dir.unlink()
    open_store(wall=wall).close()
    assert checkins(data_dir / "history.db") == [6] and not state.exists()


def test_an_unreadable_spill_file_is_said_and_kept(db: Path, wall: Wall):
    db.parent.mkdir(parents=True)
    spill = db.with_name(NAME)
    spill.write_text("{not json")
    store = open_store(db, wall=wall)
    assert any(str(spill) in note for note in store.notes)
    store.close()
    assert spill.read_text() == "{not json"


FULL_DISK = textwrap.dedent("""
    import os, sqlite3, subprocess, sys
    from datetime import datetime, timezone
    from pathlib import Path
    data, state = Path(sys.argv[1]), Path(sys.argv[2])
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", str(data)], check=True)
    from tui.services.store import open_store
    db = data / "history.db"
    wall = lambda: datetime(2026, 3, 10, 8, 30, tzinfo=timezone.utc)
    store = open_store(db, wall=wall)
    store.add_checkin(1, "alone")
    assert store.pending == 0
    filler = os.open(data / "filler", os.O_WRONLY | os.O_CREAT)  # fill the disk to the last byte
    try:
        while True:
            os.write(filler, b"x" * 512)
    except OSError:
        os.close(filler)
    sid = store.begin_session("core", "Core basics", 40)
    from tui.services.store.records import StepRecord
    for n in range(40):
        store.record_step(sid, StepRecord(n, "A long exercise name " * 8, None, 1, 1, 30.0, 31.0,
                                          "seconds", None, None, "done"))
    store.add_checkin(8, "after", sid)
    assert store.pending > 0, store.pending
    print("WARNING", store.warning)
    print("CLOSE", store.close())
    (data / "filler").unlink()  # space again
    store = open_store(db, wall=wall)
    print("PENDING", store.pending)
    store.close()
    open_store(db, wall=wall).close()
    conn = sqlite3.connect(db)
    print("SCORES", [s for (s,) in conn.execute("SELECT score FROM checkins ORDER BY id")])
    print("STEPS", conn.execute("SELECT count(*) FROM steps").fetchone()[0])
    print("LEFT", sorted(p.name for p in state.iterdir()) if state.exists() else [],
          sorted(p.name for p in data.iterdir() if "waiting" in p.name))
""")


@pytest.mark.skipif(shutil.which("unshare") is None or subprocess.run(
    ["unshare", "-rm", "true"], capture_output=True).returncode != 0,
    reason="no private mount namespace here (unshare -rm)")
def test_a_full_tmpfs_loses_nothing_once_space_comes_back(tmp_path: Path):
    data, state = tmp_path / "data", tmp_path / "state"
    data.mkdir()
    env = {**os.environ, "LUMBAR_DATA_DIR": str(data), "LUMBAR_STATE_DIR": str(state)}
    run = subprocess.run(["unshare", "-rm", sys.executable, "-c", FULL_DISK, str(data), str(state)],
                         capture_output=True, text=True, timeout=120, env=env,
                         cwd=Path(__file__).resolve().parents[3])
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert "disk is full" in out, out
    assert "added at the next start" in out, out
    assert "PENDING 0" in out and "SCORES [1, 8]" in out and "STEPS 40" in out, out
    assert "LEFT [] []" in out, out

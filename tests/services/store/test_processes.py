"""Several lumbar processes on one file: no lost rows, and no live routine closed by mistake."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tui.services.store import open_store

ROOT = Path(__file__).resolve().parents[3]

WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from tui.services.store import open_store, StepRecord
    db, name, go, steps = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
    store = open_store(db)
    while not go.exists():
        time.sleep(0.001)
    sid = store.begin_session(name, name.title(), steps)
    for n in range(steps):
        store.record_step(sid, StepRecord(n, f"{name} {n}", None, 1, 1, 5.0, 5.0, "seconds",
                                          None, None, "done"))
        if n % 10 == 0:
            store.add_checkin(n % 11, "alone", sid)
            store.set_easier_names(name, [f"{name} {n}"])
    store.end_session(sid, "finished")
    print(store.pending, store.warning)
    store.close()
""")

HOLDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from tui.services.store import open_store, StepRecord
    store = open_store(Path(sys.argv[1]))
    sid = store.begin_session("core-basics", "Core basics", 9)
    for n in range(4):
        store.record_step(sid, StepRecord(2 * n + 1, "Bridge", None, 1, 1, 5.0, 5.0, "seconds",
                                          None, None, "done"))
    print("ready", flush=True)
    time.sleep(120)
""")


def spawn(script: str, *args: object) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", script, *map(str, args)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_processes_writing_at_once_lose_nothing(db: Path, tmp_path: Path) -> None:
    open_store(db).close()
    go = tmp_path / "go"
    steps = 150
    procs = [spawn(WRITER, db, name, go, steps) for name in ("core", "desk")]
    time.sleep(1.0)  # both started and waiting
    go.touch()
    outputs = [p.communicate(timeout=120) for p in procs]
    for proc, (out, err) in zip(procs, outputs):
        assert proc.returncode == 0, err
        assert out.strip() == "0 None"  # nothing left waiting, no warning
    conn = sqlite3.connect(db)
    per_session = conn.execute("SELECT s.routine_key, count(t.id), s.outcome FROM sessions s "
                               "JOIN steps t ON t.session_id = s.id GROUP BY s.id ORDER BY 1").fetchall()
    assert per_session == [("core", steps, "finished"), ("desk", steps, "finished")]
    assert conn.execute("SELECT count(*) FROM checkins").fetchone()[0] == 2 * len(range(0, steps, 10))
    easier = dict(conn.execute("SELECT routine_key, names FROM easier").fetchall())
    last = (steps - 1) // 10 * 10
    assert easier == {"core": f'["core {last}"]', "desk": f'["desk {last}"]'}
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def test_a_live_routine_in_another_process_is_left_open_and_a_killed_one_is_closed(db: Path) -> None:
    holder = spawn(HOLDER, db)
    try:
        assert holder.stdout.readline().strip() == "ready"
        second = open_store(db)
        assert second.recovered == ()
        conn = sqlite3.connect(db)
        assert conn.execute("SELECT outcome FROM sessions").fetchone() == (None,)
        second.close()
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=10)
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
    third = open_store(db)
    assert third.recovered == ("Core basics: stopped in step 5 of 9",)
    third.close()
    row = conn.execute("SELECT outcome, ended_utc = (SELECT max(utc) FROM steps) FROM sessions").fetchone()
    assert row == ("interrupted", 1)  # ended when its last step was recorded
    assert conn.execute("SELECT count(*) FROM steps").fetchone()[0] == 4
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    # Closed once: the next start has nothing to recover.
    assert open_store(db).recovered == ()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc start times")
def test_a_reused_pid_does_not_keep_a_dead_session_open(db: Path) -> None:
    open_store(db).close()
    conn = sqlite3.connect(db)
    # The pid is alive (it is this test), but it started at another time: another process.
    conn.execute("INSERT INTO sessions (routine_key, routine_name, steps, utc, utc_offset, day, "
                 "owner_pid, owner_token) VALUES ('desk', 'Desk break', 3, "
                 "'2026-03-01 08:00:00.000000', 0, '2026-03-01', ?, 'another-boot:123')", (os.getpid(),))
    conn.commit()
    conn.close()
    store = open_store(db)
    assert store.recovered == ("Desk break: stopped in step 1 of 3",)
    store.close()

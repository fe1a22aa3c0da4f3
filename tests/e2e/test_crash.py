"""kill -9 in the middle of a routine loses nothing finished and never damages the database.

A real lumbar process runs a short routine in a pseudo-terminal, its clock sped up with
LUMBAR_TIME_SCALE, and is killed with SIGKILL at random moments, many times over one data
dir. LUMBAR_TRACE records each event when the app has handled it; the app stores a step
before it traces it, so every StepEnded in a trace must be in the database afterwards.
"""

from __future__ import annotations

import fcntl
import importlib.util
import json
import os
import random
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
KILLS = 22
#: Clock seconds per real second: the routine below (about 60 s) runs in about 3 s.
SCALE = 20

ROUTINE = """\
lumbar: 1
name: Crash drill
prepare: 2s
rest: 1s
transition: 2s
exercises:
  - name: Pelvic tilt
    position: on-back
    hold: 3s
  - name: Knee hug
    position: on-back
    sides: true
    hold: 3s
  - name: Belly breathing
    position: on-back
    hold: 2 breaths
    breath: box
  - name: Bridge
    position: on-back
    reps: 3
    tempo: 1-0-1
  - name: Wall stand
    position: standing
    hold: 4s
"""

pytestmark = pytest.mark.skipif(importlib.util.find_spec("tui.services.store") is None,
                                reason="needs the history store (tui.services.store)")


def run_and_kill(env: dict[str, str], delay: float) -> None:
    """Start `lumbar run crash-drill` in an 80x24 pty, SIGKILL it after `delay` real seconds."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui", "--sessions", env["CRASH_SESSIONS"], "run", "crash-drill"],
        cwd=ROOT, env=env, stdin=slave, stdout=slave, stderr=slave, start_new_session=True)
    os.close(slave)

    def drain() -> None:  # a full pty would block the app's writes
        try:
            while os.read(master, 65536):
                pass
        except OSError:
            pass

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    os.close(master)
    reader.join(timeout=5)


def traced_step_ends(trace: Path) -> list[tuple[int, str]]:
    if not trace.exists():
        return []
    ends = []
    for line in trace.read_text(encoding="utf-8").splitlines():
        try:
            event = json.loads(line)
        except ValueError:
            continue  # the line being written when the process died
        if event.get("type") == "StepEnded":
            ends.append((event["index"], event["outcome"]))
    return ends


def test_sigkill_at_random_moments_loses_no_finished_step(tmp_path: Path) -> None:
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    (sessions / "crash-drill.yaml").write_text(ROUTINE, encoding="utf-8")
    data = tmp_path / "data"
    env = {**os.environ, "LUMBAR_CONFIG_DIR": str(tmp_path / "config"), "LUMBAR_DATA_DIR": str(data),
           "LUMBAR_CACHE_DIR": str(tmp_path / "cache"), "LUMBAR_TIME_SCALE": str(SCALE),
           "TERM": "xterm-256color", "CRASH_SESSIONS": str(sessions), "PYTHONPATH": str(ROOT)}
    rng = random.Random(int(os.environ.get("LUMBAR_CRASH_SEED", "9")))
    started = time.monotonic()
    traced: Counter[tuple[int, str]] = Counter()
    for n in range(KILLS):
        trace = tmp_path / f"trace-{n}.jsonl"
        run_and_kill({**env, "LUMBAR_TRACE": str(trace)}, rng.uniform(0.3, 4.0))
        traced.update(traced_step_ends(trace))
    assert time.monotonic() - started < 120
    assert sum(traced.values()) >= KILLS, "too few steps ended before the kills to test anything"

    db = data / "history.db"
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()

    exported = subprocess.run([sys.executable, "-m", "tui", "export", "--format", "jsonl"], cwd=ROOT,
                              env=env, capture_output=True, text=True, timeout=30, check=True)
    rows = [json.loads(line) for line in exported.stdout.splitlines() if line.strip()]
    stored = Counter((r["index"], r["outcome"]) for r in rows if r.get("kind") == "step")
    missing = traced - stored
    assert not missing, f"finished steps missing from the store: {dict(missing)}"
    sessions_out = [r for r in rows if r.get("kind") == "session"]
    assert 0 < len(sessions_out) <= KILLS

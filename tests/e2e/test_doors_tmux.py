"""End to end: `lumbar breaks --headless` schedules, and lumbar in a real terminal (tmux) is a
door onto it. Snooze, skip, a meeting and a desk break are answered in the door; the
scheduler's log and the history agree."""

from __future__ import annotations

import os
import shlex
import sqlite3
import sys

import pytest

from tests.e2e.tmux import ROOT, TMUX, Pane
from tests.cli.headless_proc import read_until, spawn, stop

pytestmark = [pytest.mark.skipif(TMUX is None, reason="tmux is not installed"),
              pytest.mark.skipif(sys.platform == "win32", reason="Unix sockets and flock")]

PROMPT = "Time to stand up and stretch"


def door_command(home) -> str:
    env = {"LUMBAR_CONFIG_DIR": str(home / "config"), "LUMBAR_DATA_DIR": str(home / "data"),
           "LUMBAR_CACHE_DIR": str(home / "cache"), "PYTHONPATH": str(ROOT),
           # The door's routine runs 30 times faster; the break schedule keeps the real clock.
           "LUMBAR_TIME_SCALE": "30"}
    assignments = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    return f"cd {shlex.quote(str(ROOT))} && env {assignments} {shlex.quote(sys.executable)} -m tui"


def test_a_door_in_a_terminal_answers_the_headless_scheduler(tmp_path):
    # Every 10 s: a break nobody answers is closed after 10 s, time enough for a tmux key.
    scheduler = spawn(tmp_path, "--every", "10")
    pane = Pane(TMUX)
    try:
        read_until(scheduler, "scheduling stretch breaks")
        pane.start(door_command(tmp_path))
        pane.wait_for_text("Stretch break ·", timeout=20)  # a door: the scheduler's countdown

        pane.wait_for_text(PROMPT, timeout=20)  # the same prompt, in the door
        pane.send("s")
        assert "nobody answered" not in "".join(read_until(scheduler, "stretch break snoozed until"))
        pane.wait_for(lambda t: PROMPT not in t, "the prompt to close")

        pane.wait_for_text(PROMPT, timeout=20)
        pane.send("k")
        assert read_until(scheduler, "stretch break skipped")[-1].endswith("stretch break skipped")
        pane.wait_for(lambda t: PROMPT not in t, "the prompt to close")

        pane.wait_for_text(PROMPT, timeout=20)
        pane.send("Enter")  # the desk break, run in the door
        read_until(scheduler, "stretch break under way (in lumbar)")
        pane.wait_for_text("Desk break", timeout=10)
        read_until(scheduler, "stretch break taken (a routine)", timeout=30)

        pane.wait_for(lambda t: "Stretch break · in" in t, "the countdown after the break",
                      timeout=30)
        pane.send("m")
        pane.wait_for_text("Meeting: no reminders until it ends")
        pane.send("3")
        read_until(scheduler, "meeting: no reminders until")
        pane.wait_for_text("Stretch break · meeting until")
    finally:
        pane.kill()
        stop(scheduler)
    with sqlite3.connect(tmp_path / "data" / "history.db") as conn:
        rows = conn.execute("SELECT what, how FROM breaks ORDER BY id").fetchall()
    # The meeting is a row when it ends (here, when the scheduler stopped it is still on).
    assert rows == [("snoozed", None), ("skipped", "prompt"), ("taken", "routine")]
    assert os.path.exists(tmp_path / "data" / "breaks.lock")

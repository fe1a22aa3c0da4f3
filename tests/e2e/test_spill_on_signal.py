"""End to end: SIGTERM while history.db is held locked by another program. The routine's
rows cannot be written, so on the way out lumbar keeps them in a spill file, says so in
one line, and the next start writes them into the history."""

from __future__ import annotations

import os
import signal
import sqlite3
from pathlib import Path

import pytest

from tui.services.store import open_store
from tui.services.store.spill import NAME

from .shell import PROMPT, Shell, wait_until
from .tmux import TMUX

pytestmark = pytest.mark.skipif(TMUX is None, reason="needs tmux")


def test_sigterm_under_a_held_lock_loses_nothing(tmp_path: Path):
    shell = Shell(tmp_path)
    shell.env["LUMBAR_STATE_DIR"] = str(tmp_path / "state")
    db = tmp_path / "data" / "history.db"
    open_store(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        shell.open()
        pid = shell.lumbar("run desk-break")
        wait_until(lambda: shell.pips(), "the first countdown pip")  # the routine is under way
        os.kill(pid, signal.SIGTERM)
        screen = shell.wait_for_text(f"EXIT={128 + signal.SIGTERM}", timeout=20)
        assert "kept in" in screen and "added at the next start" in screen, screen
        assert screen.rstrip().endswith(PROMPT.rstrip())
    finally:
        shell.kill()
        holder.execute("COMMIT")
        holder.close()
    assert db.with_name(NAME).is_file()
    store = open_store(db)
    rows = store.rows()
    store.close()
    assert not db.with_name(NAME).exists()
    sessions = [r for r in rows if r["kind"] == "session"]
    # Begun and ended while the file was locked: both rows came from the spill file.
    assert len(sessions) == 1 and sessions[0]["outcome"] in ("left", "interrupted")
    assert sessions[0]["routine"] == "desk-break"

"""While history rows wait to be saved, nothing says "Saved", every screen says how many
wait and why, and a retry on the timer clears the line once the file can be written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.services.store.walls import Wall
from tests.app.routines import SIZE, TINY, text
from tui.screens.history import HistoryScreen
from tui.services.store import open_store
from tui.widgets import waiting_line
from tui.widgets.waiting_line import WaitingLine


def line_on(app) -> str:
    found = app.screen.query(WaitingLine)
    return text(found.first()) if found and found.first().display else ""


async def test_a_check_in_under_a_held_lock_is_not_called_saved(make_app, tmp_path: Path):
    from datetime import datetime, timezone

    db = tmp_path / "history.db"
    wall = Wall(datetime(2026, 3, 10, 8, 30, tzinfo=timezone.utc))
    open_store(db, wall=wall).close()
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    store = open_store(db, wall=wall, timeout=0.05)
    app = make_app({"tiny": TINY}, store=store)
    said: list[str] = []
    real_notify = app.notify
    app.notify = lambda message, **kw: (said.append(message), real_notify(message, **kw))  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert line_on(app) == ""
        await pilot.press("c", "7")
        await pilot.pause()
        assert not any(s.startswith("Saved") for s in said), said
        assert any("Not saved yet: 7 of 10" in s for s in said), said
        assert "1 entry waits" in line_on(app) and "locked" in line_on(app)
        assert app._waiting_retry is not None  # retried on a timer while rows wait
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert "1 entry waits" in line_on(app)
        other.execute("COMMIT")
        other.close()
        waiting_line.retry(app, app.services.store)  # what the 30 s timer runs
        await pilot.pause()
        assert line_on(app) == "" and store.pending == 0 and app._waiting_retry is None
        await pilot.press("escape", "c", "4")
        await pilot.pause()
        assert "Saved: 4 of 10." in said
    store.close()
    conn = sqlite3.connect(db)
    assert [s for (s,) in conn.execute("SELECT score FROM checkins ORDER BY id")] == [7, 4]
    conn.close()


def test_the_line_names_the_count_and_the_reason():
    assert waiting_line.waiting_text(0, "x") == ""
    assert waiting_line.waiting_text(3, "the disk is full").startswith("Not saved yet: 3 entries wait (the disk is full)")

"""Every stored time can be read back, and one that cannot (an older lumbar wrote year 999
as "999-12-31") is said once and left out, never a crash of ice, care, history or export."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from tui.cli.main import main
from tui.services.store import open_store
from tui.services.store.queries import local
from tui.services.store.writes import stamp

from .walls import Wall


def test_a_year_before_1000_is_stored_zero_padded_and_read_back():
    moment = datetime(999, 12, 31, 10, 0, tzinfo=timezone.utc)
    utc, offset, day = stamp(moment)
    assert utc == "0999-12-31 10:00:00.000000" and day == "0999-12-31"
    assert local(utc, offset) == moment


def spoil(db: Path) -> None:
    """As the old strftime wrote them: unreadable years in the episode and an application."""
    conn = sqlite3.connect(db)
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('episode_utc', '999-12-31 09:00:00.000000')")
    conn.execute("INSERT INTO applications (kind, utc, utc_offset, day, planned_seconds, rest_seconds, "
                 "episode_utc) VALUES ('ice', '999-12-31 09:00:00.000000', 3600, '999-12-31', 1200, 1200, NULL)")
    conn.commit()
    conn.close()


def test_unreadable_stored_times_are_said_once_and_left_out(db: Path, wall: Wall):
    store = open_store(db, wall=wall)
    first = store.begin_application("heat", 1200, 1200, None)
    store.end_application(first, "finished")
    store.add_checkin(4, "alone")
    store.close()
    spoil(db)
    store = open_store(db, wall=wall)
    try:
        assert store.episode() is None
        assert "cannot be read" in (store.warning or "") and "999-12-31" in store.warning
        last = store.last_application()
        assert last is not None and last["kind"] == "heat"  # the readable one
        data = store.history()
        assert data.checkins == 1
        kinds = [row["kind"] for row in store.rows()]
        assert kinds.count("application") == 1 and "checkin" in kinds
    finally:
        store.close()


def test_export_over_an_unreadable_time_still_exports_the_rest(db: Path, wall: Wall, capsys):
    store = open_store(db, wall=wall)
    store.add_checkin(6, "alone")
    store.close()
    spoil(db)
    assert main(["export"]) == 0
    captured = capsys.readouterr()
    assert '"score": 6' in captured.out and "cannot be read" in captured.err
    assert "Traceback" not in captured.err

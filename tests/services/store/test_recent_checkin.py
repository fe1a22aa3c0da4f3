"""The latest check-in of the last hours, any moment: what stands in for a missing "before"."""

from __future__ import annotations

from pathlib import Path

from .walls import Wall
from tui.services.store import open_store


def test_recent_checkin_is_the_latest_within_the_window(db: Path, wall: Wall) -> None:
    store = open_store(db, wall=wall)
    assert store.recent_checkin(24) is None
    store.add_checkin(6, "alone")
    wall.advance(hours=3)
    sid = store.begin_session("a", "A", 1)
    store.add_checkin(4, "after", sid)
    wall.advance(hours=20)
    assert store.recent_checkin(24) == 4
    wall.advance(hours=2)  # the latest is now 22 hours old, the one before it 25
    assert store.recent_checkin(24) == 4
    wall.advance(hours=3)
    assert store.recent_checkin(24) is None
    store.close()
    again = open_store(db, wall=wall)
    assert again.recent_checkin(30) == 4
    again.close()

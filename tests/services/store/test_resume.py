"""An interrupted routine taken up by the next lumbar: offered within the hour, on the
same history row, once."""

from __future__ import annotations

from pathlib import Path

from tui.services.store import open_store
from tui.services.store.resume import RESUME_WITHIN

from .walls import Wall, step


def interrupted(db: Path, wall: Wall, done: int = 3) -> int:
    """A routine of 8 steps with `done` recorded, left open when its lumbar closed."""
    store = open_store(db, wall=wall)
    sid = store.begin_session("core", "Core basics", 8)
    for index in range(done):
        wall.advance(seconds=30)
        store.record_step(sid, step(index))
    store.close()  # an open session closes as interrupted
    return sid


def test_the_routine_is_offered_at_the_next_step_and_goes_on_in_the_same_row(db: Path, wall: Wall) -> None:
    sid = interrupted(db, wall)
    wall.advance(minutes=10)
    store = open_store(db, wall=wall)
    offer = store.resumable()
    assert offer is not None
    assert (offer.session_id, offer.routine_key, offer.routine_name, offer.next_index, offer.steps) == \
        (sid, "core", "Core basics", 3, 8)
    store.reopen_session(sid)
    assert store.resumable() is None, "open again: nothing to offer"
    store.record_step(sid, step(3))
    store.end_session(sid, "finished")
    sessions = [row for row in store.rows() if row["kind"] == "session"]
    store.close()
    assert len(sessions) == 1 and sessions[0]["outcome"] == "finished"


def test_not_offered_after_the_hour_when_declined_or_when_finished(db: Path, wall: Wall) -> None:
    sid = interrupted(db, wall)
    wall.advance(seconds=RESUME_WITHIN + 60)
    store = open_store(db, wall=wall)
    assert store.resumable() is None, "too long ago"
    assert store.resumable(within=2 * RESUME_WITHIN) is not None
    store.decline_resume(sid)
    assert store.resumable(within=2 * RESUME_WITHIN) is None, "declined: asked once"
    store.close()


def test_a_routine_with_no_step_done_starts_again_and_a_newer_one_is_not_offered(db: Path, wall: Wall) -> None:
    interrupted(db, wall, done=0)
    store = open_store(db, wall=wall)
    offer = store.resumable()
    assert offer is not None and offer.next_index == 0
    store.close()
    interrupted(db, wall, done=2)
    store = open_store(db, wall=wall)
    newer = store.begin_session("breathing", "Breathing", 3)
    store.end_session(newer, "finished")
    assert store.resumable() is None, "only the newest session is taken up"
    store.close()

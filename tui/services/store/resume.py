"""Taking up a routine an earlier lumbar left: the session to offer, and its reopening.

A lumbar that dies, or is ended from outside (the terminal closed, the browser page gone),
leaves its routine "interrupted" (tui/services/store/recovery.py closes the sessions of a
dead process so). Within `RESUME_WITHIN` seconds of its last step the next lumbar may take
it up: the same history row is opened again and its steps go on from the next one, so
the history shows one session, not two. Declining is kept, so it is asked once.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from tui.engine.frozen import frozen
from tui.services.store import owner, queries
from tui.services.store.journal import Journal
from tui.services.store.writes import stamp

RESUME_WITHIN = 3600.0
"""Seconds after its last step that an interrupted routine is offered again (an hour)."""
DECLINED = "resume_declined"
"""The meta key holding the id of the session last declined."""


@frozen
class Resumable:
    """An interrupted routine that can be taken up.

    next_index: the plan step to go on from (one past the last step recorded).
    steps: the number of steps its plan had, to check the plan is still the same.
    ended: when it was last known to run (aware local time).
    """

    session_id: int
    routine_key: str
    routine_name: str
    next_index: int
    steps: int
    ended: datetime


class ResumeJournal(Journal):
    """The store's side of resuming; see the module docstring."""

    def resumable(self, within: float = RESUME_WITHIN) -> Resumable | None:
        """The newest session, if it was interrupted at most `within` seconds ago (by the
        store's wall clock) and was not declined; else None. One with no step recorded
        is taken up at its first step."""
        with self._lock:
            self._flush()
            if any(kind in ("session", "end", "reopen") for kind, _, _ in self._pending):
                return None  # a session row still waits: the newest is not known yet
            since = stamp(self._wall() - timedelta(seconds=within))[0]
            row = self._read(
                "SELECT s.id, s.routine_key, s.routine_name, s.steps, s.outcome, s.ended_utc, "
                "s.ended_offset, (SELECT max(idx) FROM steps WHERE session_id = s.id), "
                "(SELECT value FROM meta WHERE key = ?) FROM sessions s ORDER BY s.id DESC LIMIT 1",
                (DECLINED,))
        if row is None:
            return None
        sid, key, name, steps, outcome, ended_utc, ended_offset, last, declined = row
        if outcome != "interrupted" or ended_utc is None or ended_utc < since:
            return None
        if declined == str(sid):
            return None
        ended = queries.local(ended_utc, ended_offset or 0)
        if ended is None:
            return None
        return Resumable(sid, key, name, 0 if last is None else last + 1, steps, ended)

    def reopen_session(self, session_id: int) -> None:
        """Open `session_id` (interrupted) again, owned by this process: its later steps
        and its end are recorded on the same row."""
        with self._lock:
            self._open.add(session_id)
            self._write("reopen", session_id, *owner.me())

    def decline_resume(self, session_id: int) -> None:
        """Not taken up: it is not offered again."""
        with self._lock:
            self._write("meta", DECLINED, str(session_id))

"""The plan's part of the history store: the days each planned routine was done, and the
reminders' rows and saved state.

Days are those each session is filed under for the user now (tui/services/store/filing.py),
and a session counts as the streak and the calendar count it (queries.COUNTED: finished,
or left after at least one exercise done). What adherence makes of them is the engine's
(tui.engine.plan.adherence).
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Collection
from datetime import date
from typing import Any

from tui.services.store import filing
from tui.services.store.journal import Journal
from tui.services.store.queries import COUNTED

log = logging.getLogger("lumbar.store")


def done_days(conn: sqlite3.Connection, routines: Collection[str], first: date,
              last: date) -> dict[str, set[date]]:
    """For each routine key in `routines`, the local days `first`..`last` with a counted
    session of it (a key with none maps to an empty set). `conn` must have had
    `filing.use_zone`. Reads only the days asked for (the `day` index), so its cost does
    not grow with the years kept."""
    found: dict[str, set[date]] = {key: set() for key in routines}
    for day, key in filing.filed(conn, COUNTED, "routine_key", first, last, distinct=True):
        if key in found:
            found[key].add(date.fromisoformat(day))
    return found


class PlanJournal(Journal):
    """The plan's reads; see the module docstring."""

    def done_days(self, routines: Collection[str], first: date,
                  last: date | None = None) -> dict[str, set[date]]:
        """The days `first`..`last` (default today) with a counted session of each routine
        in `routines`, by routine key: what tui.engine.plan.adherence.adherence takes."""
        last = last or self._today()
        keys = tuple(routines)
        with self._lock:
            return self._query(lambda conn: done_days(conn, keys, first, last))


REMINDER_WHATS: tuple[str, ...] = ("sent", "started", "snoozed", "skipped")
"""What a reminder row records."""
STATE_KEY = "plan.state"


class PlanReminderJournal(Journal):
    """Reminder rows and the reminders' saved state, written as the desk breaks' are
    (tui/services/store/breaks.py): at once, or kept in memory while the file is busy."""

    def record_reminder(self, what: str, routine: str = "", how: str | None = None) -> None:
        """One reminder event, stamped now: `what` "sent", "started", "snoozed" or "skipped";
        `routine` the routine's key ("" for the review notice, recorded as kind "review");
        `how` "prompt", "notification" or "unanswered". Never raises: an unknown `what` is
        logged and dropped."""
        if what not in REMINDER_WHATS:
            log.warning("reminder row not recorded: what must be one of %s, not %r",
                        ", ".join(REMINDER_WHATS), what)
            return
        with self._lock:
            self._write("reminder", "routine" if routine else "review", routine, what, how)

    def save_plan_state(self, state: dict[str, Any]) -> None:
        """Replace the reminders' saved state (a JSON object: "handled", "snoozed",
        "snoozes"). Never raises."""
        try:
            text = json.dumps(dict(state), sort_keys=True)
        except (TypeError, ValueError) as error:
            log.warning("plan state not saved: %s", error)
            return
        with self._lock:
            self._write("meta", STATE_KEY, text)

    def plan_state(self) -> dict[str, Any] | None:
        """The state last saved; None when never saved or unreadable (reminders start afresh)."""
        with self._lock:
            row = self._read("SELECT value FROM meta WHERE key = ?", (STATE_KEY,))
        try:
            value = json.loads(row[0]) if row else None
        except ValueError:
            value = None
        return value if isinstance(value, dict) else None

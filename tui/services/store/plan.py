"""The plan's part of the history store: the days each planned routine was done.

Days are those each session is filed under for the user now (tui/services/store/filing.py),
and a session counts as the streak and the calendar count it (queries.COUNTED: finished,
or left after at least one exercise done). What adherence makes of them is the engine's
(tui.engine.plan.adherence).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from datetime import date

from tui.services.store import filing
from tui.services.store.journal import Journal
from tui.services.store.queries import COUNTED


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
    """The plan's reads (and, with reminders, its rows); see the module docstring."""

    def done_days(self, routines: Collection[str], first: date,
                  last: date | None = None) -> dict[str, set[date]]:
        """The days `first`..`last` (default today) with a counted session of each routine
        in `routines`, by routine key: what tui.engine.plan.adherence.adherence takes."""
        last = last or self._today()
        keys = tuple(routines)
        with self._lock:
            return self._query(lambda conn: done_days(conn, keys, first, last))

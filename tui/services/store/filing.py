"""Which day a row is filed under: the day it happened for the user now.

Each row keeps the local date where it happened (`day`), which the indexes serve. After
travel that date can be wrong for the person now: a routine done an hour ago on a plane
still on Kiritimati time (UTC+14) carries tomorrow's date in Los Angeles, so "today" would
show no routine, the streak would be 0 and a report would miss it. So rows of the last
RECENT_DAYS days (by their stored date) are filed under their date in the zone the user is
in now, computed from their UTC time; older rows keep the date where they happened, which
is how a person remembers them, and the covering indexes keep serving them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Any

#: Stored dates from this many days before today on are re-read in the present zone: two
#: zones are at most 26 hours apart, so no row filed today or yesterday is beyond it.
RECENT_DAYS = 3


def local_day(utc: str, zone: tzinfo) -> str | None:
    """The "YYYY-MM-DD" date in ``zone`` of a stored UTC time; None when it cannot be read."""
    try:
        return datetime.fromisoformat(utc).replace(tzinfo=timezone.utc).astimezone(zone).date().isoformat()
    except (ValueError, TypeError, OverflowError):
        return None


def local_clock(utc: str, zone: tzinfo) -> str | None:
    """The "HH:MM" in ``zone`` of a stored UTC time; None when it cannot be read."""
    try:
        return datetime.fromisoformat(utc).replace(tzinfo=timezone.utc).astimezone(zone).strftime("%H:%M")
    except (ValueError, TypeError, OverflowError):
        return None


def use_zone(conn: sqlite3.Connection, zone: tzinfo | Callable[[], tzinfo | None] | None) -> None:
    """Give ``conn`` the SQL functions ``local_day(utc)`` and ``local_clock(utc)`` in
    ``zone`` (the user's zone now; None: UTC). ``zone`` may be a function that gives it:
    it is then called once, when a query first calls one of them."""
    found: list[tzinfo] = []

    def the_zone() -> tzinfo:
        if not found:
            found.append((zone() if callable(zone) else zone) or timezone.utc)
        return found[0]

    conn.create_function("local_day", 1, lambda utc: local_day(utc, the_zone()))
    conn.create_function("local_clock", 1, lambda utc: local_clock(utc, the_zone()))


def cut(today: date) -> str:
    """The first stored date re-read in the present zone."""
    return (today - timedelta(days=RECENT_DAYS)).isoformat()


def filed_day(at: str, today: date, zone: tzinfo) -> date:
    """The day an exported row (``at``: ISO 8601 with offset) is filed under; see module."""
    stored = date.fromisoformat(at[:10])
    if stored.isoformat() < cut(today):
        return stored
    return datetime.fromisoformat(at).astimezone(zone).date()


def filed(conn: sqlite3.Connection, source: str, columns: str, first: date | None, today: date,
          distinct: bool = False) -> list[tuple[Any, ...]]:
    """(day, *columns) of the rows of ``source`` (a table or subquery with ``day`` and
    ``utc``) filed on ``first``..``today`` (None: from the start). ``conn`` must have had
    ``use_zone``. With ``distinct``, each (day, *columns) once."""
    unique = "DISTINCT " if distinct else ""
    low, high = (first.isoformat() if first else ""), today.isoformat()
    older = conn.execute(f"SELECT {unique}day, {columns} FROM ({source}) WHERE day >= ? AND day < ?",
                         (low, cut(today)))
    recent = conn.execute(f"SELECT {unique}local_day(utc), {columns} FROM ({source}) WHERE day >= ?",
                          (cut(today),))
    rows: Iterable[tuple[Any, ...]] = [*older, *recent]
    found = [row for row in rows if row[0] is not None and low <= row[0] <= high]
    return list(dict.fromkeys(found)) if distinct else found

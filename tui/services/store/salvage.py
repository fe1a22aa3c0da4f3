"""Carrying what a damaged history.db still holds into a fresh one.

A file with an intact header but damaged pages opens and answers some queries, then fails
with SQLite's "malformed" (SQLITE_CORRUPT) on the rows that sit on the damaged pages. The
damaged file is kept aside (tui/services/store/connection.py); this reads it table by table, in
rowid order, and when a read fails it steps over the damage (further each time) and goes
on, so every row that can still be read reaches the fresh file with its id (steps keep
pointing at their session).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

#: Our tables, parents first; `meta` holds the episode and the desk-break state.
TABLES = ("sessions", "steps", "checkins", "easier", "meta", "doses", "answers", "applications", "breaks",
          "goals", "goal_ratings", "peg_answers", "impressions", "measure_skips")
#: How many times one table's reading may jump over damage before giving up on the rest.
MAX_JUMPS = 64


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def _rows(old: sqlite3.Connection, table: str, columns: list[str]) -> list[tuple]:
    """Every readable row of ``table`` as (rowid, *columns), stepping over damage."""
    wanted = ", ".join(columns)
    found: list[tuple] = []
    after, jump = -(2**63), 1
    try:
        top = old.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0]
    except sqlite3.DatabaseError:
        top = None
    for _ in range(MAX_JUMPS):
        try:
            for row in old.execute(f"SELECT rowid, {wanted} FROM {table} WHERE rowid > ? ORDER BY rowid",
                                   (after,)):
                found.append(row)
                after = row[0]
            return found
        except sqlite3.DatabaseError:
            if top is None or after >= top:
                return found
            after = max(after, 0) + jump  # over the damaged stretch, further each time
            jump *= 2
    return found


def carry(damaged: Path, conn: sqlite3.Connection) -> int:
    """Copy the readable rows of ``damaged`` into the (fresh, migrated) ``conn``; how many.

    Never raises for the damaged file: what cannot be read is left behind in it. Raises
    sqlite3.Error only when the fresh file cannot be written.
    """
    try:
        old = sqlite3.connect(f"file:{damaged}?mode=ro", uri=True)
    except sqlite3.Error:
        return 0
    carried = 0
    try:
        conn.execute("BEGIN IMMEDIATE")
        for table in TABLES:
            try:
                theirs = set(_columns(old, table))
            except sqlite3.DatabaseError:
                continue
            columns = [c for c in _columns(conn, table) if c in theirs]
            if not columns:
                continue
            rows = _rows(old, table, columns)
            names = ", ".join(["rowid", *columns])
            marks = ", ".join("?" * (len(columns) + 1))
            for row in rows:
                try:
                    carried += conn.execute(f"INSERT OR IGNORE INTO {table} ({names}) VALUES ({marks})",
                                            row).rowcount
                except sqlite3.IntegrityError:
                    continue  # a damaged value that breaks a constraint: left behind
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        old.close()
    return carried

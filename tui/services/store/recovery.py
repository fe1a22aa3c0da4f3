"""Work done once when the file is opened: close sessions whose lumbar died, and carry the
easier choices over from easier.json."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tui.services.store import owner
from tui.services.store.schema import rollback

EASIER_KEY = "easier_imported"


def recover(conn: sqlite3.Connection) -> list[str]:
    """Close, as interrupted, the open sessions whose owning process is gone.

    A session still owned by a running lumbar (another terminal) is left alone. Each
    closed session gets its last step's time as its end (the last moment it was known
    alive) and is described as "Core basics: stopped in step 5 of 9", where 5 is one more
    than the distinct steps recorded. Two processes recovering at once close each session
    once: the update only applies while the session is still open.
    """
    found = conn.execute("SELECT id, routine_name, steps, owner_pid, owner_token, utc, utc_offset "
                         "FROM sessions WHERE outcome IS NULL ORDER BY id").fetchall()
    sentences = []
    for sid, name, steps, pid, token, utc, offset in found:
        if owner.alive(pid, token):
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            done, last_utc, last_offset = conn.execute(
                "SELECT count(DISTINCT idx), max(utc), "
                "(SELECT utc_offset FROM steps WHERE session_id = ? ORDER BY utc DESC LIMIT 1) "
                "FROM steps WHERE session_id = ?", (sid, sid)).fetchone()
            changed = conn.execute(
                "UPDATE sessions SET outcome = 'interrupted', ended_utc = ?, ended_offset = ? "
                "WHERE id = ? AND outcome IS NULL",
                (last_utc or utc, offset if last_offset is None else last_offset, sid)).rowcount
            conn.execute("COMMIT")
        except BaseException:
            rollback(conn)
            raise
        if changed:
            sentences.append(describe(name, done, steps))
    return sentences


def describe(name: str, done: int, steps: int) -> str:
    if steps <= 0:
        return f"{name}: stopped before the end"
    return f"{name}: stopped in step {min(done + 1, steps)} of {steps}"


def import_easier(conn: sqlite3.Connection, path: Path, now: tuple[str, int, str]) -> str | None:
    """Copy easier.json's choices ({routine key: [exercise names]}) into the store, once.

    The file is left where it is. That the import happened is remembered in the database,
    so it never runs twice, even when two lumbar processes start together. Choices already
    in the store win over the file. Returns a warning when the file was damaged (then
    nothing, or only its readable entries, is imported), else None.
    """
    utc, offset, _day = now
    if conn.execute("SELECT 1 FROM meta WHERE key = ?", (EASIER_KEY,)).fetchone():
        return None  # the usual start: done long ago, no write lock taken
    conn.execute("BEGIN IMMEDIATE")
    try:
        if conn.execute("SELECT 1 FROM meta WHERE key = ?", (EASIER_KEY,)).fetchone():
            conn.execute("COMMIT")
            return None
        entries, damaged = _read_easier(path)
        for key, names in entries.items():
            conn.execute("INSERT OR IGNORE INTO easier (routine_key, names, utc, utc_offset) "
                         "VALUES (?, ?, ?, ?)", (key, json.dumps(names), utc, offset))
        result = "damaged" if damaged else f"{len(entries)} routines" if path.exists() else "no file"
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (EASIER_KEY, f"{utc} {result}"))
        conn.execute("COMMIT")
    except BaseException:
        rollback(conn)
        raise
    if damaged:
        return (f"{path.name} could not be read in full, so some earlier 'easier' choices were "
                "not carried over (the file is left as it was).")
    return None


def _read_easier(path: Path) -> tuple[dict[str, list[str]], bool]:
    """(the well-formed entries, whether anything was damaged)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, False
    except (OSError, ValueError):
        return {}, True
    if not isinstance(data, dict):
        return {}, True
    good = {key: sorted(set(names)) for key, names in data.items()
            if isinstance(key, str) and isinstance(names, list)
            and all(isinstance(n, str) for n in names)}
    return good, len(good) != len(data)

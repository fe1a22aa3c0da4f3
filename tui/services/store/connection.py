"""Opening history.db, naming what went wrong with it, and moving a damaged file aside."""

from __future__ import annotations

import os
import sqlite3
from datetime import date
from pathlib import Path

from tui.services import private

#: What a user can do about each failure, in one line (SQLite primary result codes).
_REASONS = {
    sqlite3.SQLITE_FULL: "the disk is full",
    sqlite3.SQLITE_BUSY: "another program has held history.db locked for too long",
    sqlite3.SQLITE_LOCKED: "another program has held history.db locked for too long",
    sqlite3.SQLITE_READONLY: "history.db is read-only",
    sqlite3.SQLITE_CANTOPEN: "history.db cannot be opened (is its folder writable?)",
    sqlite3.SQLITE_PERM: "history.db may not be written",
    sqlite3.SQLITE_IOERR: "the disk reported an error",
}
_CORRUPT = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}

AFTERWARDS = "routines run as usual, and their history is saved as soon as it can be"


def connect(path: Path, timeout: float) -> sqlite3.Connection:
    """A connection in autocommit mode with WAL, the busy timeout and NORMAL sync.

    NORMAL in WAL mode means a commit survives the process being killed (the data is in
    the OS), and only a power cut can lose the last few commits; FULL would add an fsync
    to every step boundary. The folder is made 0700 and the file 0600 (SQLite gives -wal
    and -shm the file's mode). Raises OSError (folder cannot be made) or sqlite3.Error.
    """
    private.make_folder(path.parent)
    private.create_file(path)
    conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
    try:
        set_timeout(conn, timeout)
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA synchronous = NORMAL")
        # Touch the schema now, so a file that is not a database fails here, not later.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def set_timeout(conn: sqlite3.Connection, seconds: float) -> None:
    conn.execute(f"PRAGMA busy_timeout = {max(0, int(seconds * 1000))}")


def code(error: BaseException) -> int | None:
    """SQLite's primary result code of `error`, when it has one."""
    value = getattr(error, "sqlite_errorcode", None)
    return None if value is None else value & 0xFF


def is_corrupt(error: BaseException) -> bool:
    return isinstance(error, sqlite3.DatabaseError) and code(error) in _CORRUPT


def reason(error: BaseException, path: Path) -> str:
    """Why the history cannot be saved, in the user's words."""
    if isinstance(error, (FileExistsError, NotADirectoryError)):
        return f"{path.parent} is not a folder"
    if isinstance(error, PermissionError):
        return f"the folder {path.parent} may not be written"
    if isinstance(error, OSError):
        return f"the folder {path.parent} cannot be used ({error.strerror or error})"
    if path.is_dir():
        return f"{path} is a folder, not a file"
    known = _REASONS.get(code(error) or -1)
    return known or f"history.db cannot be used ({error})"


def move_aside(path: Path, day: date) -> Path:
    """Rename a damaged database (and its -wal and -shm files) to `<name>.damaged-<day>`.

    Never deletes: the file may still hold something worth rescuing. A second damaged file
    on the same day gets `-2`, `-3`... Returns the new path of the database file.
    """
    stem = f"{path.name}.damaged-{day.isoformat()}"
    target = path.with_name(stem)
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{stem}-{n}")
    os.replace(path, target)
    for extra in ("-wal", "-shm"):
        side = path.with_name(path.name + extra)
        if side.exists():
            os.replace(side, target.with_name(target.name + extra))
    return target

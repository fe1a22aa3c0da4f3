"""The machinery under the history store: the file, the rows waiting in memory, retries.

Every write becomes a row waiting in memory and is written at once in one short IMMEDIATE
transaction; when the file cannot be used the rows stay and every later call tries again,
and reads see a memory copy of them. tui.services.store.db.Store builds its interface on this.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any

from tui.services import private
from tui.services.store import connection, filing, queries, salvage, schema, spill, writes
from tui.services.store.connection import AFTERWARDS
from tui.services.store.recovery import import_easier, recover
from tui.services.store.writes import Op, Stamp, stamp

Wall = Callable[[], datetime]

#: Seconds a write waits for another lumbar's transaction before giving up for now.
DEFAULT_TIMEOUT = 2.0
#: While rows are already waiting, each call retries this briefly, so a lock held for
#: minutes by another program never stalls a step boundary for the full timeout.
RETRY_TIMEOUT = 0.05


class Journal:
    """The file and the waiting rows, under one lock; see the module docstring."""

    def __init__(self, path: Path, wall: Wall, timeout: float = DEFAULT_TIMEOUT,
                 zone: Callable[[], tzinfo | None] | None = None) -> None:
        self.path = path
        self.warning: str | None = None
        """One line for the user (history not saved, file moved aside, easier.json unreadable)."""
        self.problem: str | None = None
        """Why the file could not be used the last time it failed (for the CLI commands)."""
        self._recovered: list[str] = []
        self.damaged: Path | None = None
        """Where a damaged history.db was kept aside this run (then a fresh one was started)."""
        self._to_carry: Path | None = None
        self.notes: list[str] = []
        """Things done to the files that the user should hear of once (modes tightened)."""
        self._wall = wall
        self._zone = zone or (lambda: self._wall().tzinfo)
        """The zone rows are filed in now (filing.py), asked only when a query files rows."""
        self._timeout = timeout
        self._conn: sqlite3.Connection | None = None
        self._pending: list[Op] = []
        self._alias: dict[int, int] = {}  # provisional (negative) session id -> row id
        self._next_id = -1
        self._open: set[int] = set()  # sessions begun here and not ended
        self._lock = threading.RLock()
        self._retrying = False
        self.on_pending: Callable[[int], None] | None = None
        """Called (in the writing thread) with the count of waiting rows when it changes."""
        self._told = 0
        # Rows a lumbar could not save before it quit: waiting again, first in line.
        self._pending, self._spills, problems = spill.read(path, self._take_id)
        self.notes += problems

    def _take_id(self) -> int:
        """A fresh stand-in (negative) id for a row whose real id the file will give."""
        taken = self._next_id
        self._next_id -= 1
        return taken

    # -- state ---------------------------------------------------------------------------
    @property
    def recovered(self) -> tuple[str, ...]:
        """Sessions found open with their lumbar gone, closed as interrupted: "Core basics:
        stopped in step 5 of 9"."""
        return tuple(self._recovered)

    @property
    def available(self) -> bool:
        """Whether history.db is open (False: rows wait in memory, reads see only them)."""
        with self._lock:
            return self._connect()

    @property
    def pending(self) -> int:
        """Rows waiting in memory because the file could not be written yet."""
        return spill.count(self._pending)

    def retry(self) -> int:
        """Try again to write what waits (the app calls this on a timer); rows still waiting."""
        with self._lock:
            self._flush()
            self._tell()
            return self.pending

    def _warn(self, text: str) -> None:
        if self.warning is None:
            self.warning = text

    def _stamp(self) -> Stamp:
        return stamp(self._wall())

    def _today(self) -> date:
        return self._wall().date()

    # -- writing ---------------------------------------------------------------------------
    def _connect(self) -> bool:
        if self._conn is not None:
            return True
        for _attempt in range(2):
            conn = None
            try:
                note = private.tighten(self.path.parent)
                if note:
                    self.notes.append(note)
                conn = connection.connect(self.path, RETRY_TIMEOUT if self._retrying else self._timeout)
                schema.migrate(conn)
                if self._to_carry is not None:
                    self._carry(conn, self._to_carry)
                self._recovered += recover(conn)
                note = import_easier(conn, self.path.parent / "easier.json", self._stamp())
                if note:
                    self._warn(note)
            except schema.TooNew as error:
                if conn is not None:
                    conn.close()
                self.problem = str(error)
                self._warn(f"History is not being saved: {error}; {AFTERWARDS}.")
                return False
            except (OSError, sqlite3.Error) as error:
                if conn is not None:
                    conn.close()
                if connection.is_corrupt(error) and self._set_aside():
                    continue
                self._failed(error)
                return False
            self._conn = conn
            return True
        return False

    def _set_aside(self) -> bool:
        """Keep a damaged file aside (dated) so that a fresh one is started with what it still
        holds; False when it cannot be moved."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        try:
            moved = connection.move_aside(self.path, self._today())
        except OSError as error:
            self._failed(error)
            return False
        self.damaged = self._to_carry = moved
        self.warning = (f"history.db was damaged: it is kept as {moved.name}, "
                        "and a fresh history has been started.")
        return True

    def _carry(self, conn: sqlite3.Connection, moved: Path) -> None:
        carried = salvage.carry(moved, conn)
        self._to_carry = None
        self.warning = (f"history.db was damaged: it is kept as {moved.name}, and a fresh history "
                        f"was started with the {carried} entries it still held.")

    def _failed(self, error: BaseException) -> None:
        self.problem = connection.reason(error, self.path)
        self._warn(f"History is not being saved: {self.problem}; {AFTERWARDS}.")
        self._retrying = True
        if self._conn is not None:
            try:
                connection.set_timeout(self._conn, RETRY_TIMEOUT)
            except sqlite3.Error:
                pass

    def _flush(self) -> bool:
        """Write every waiting row in one transaction; True when nothing is left waiting."""
        if not self._connect():
            return False
        if not self._pending:
            self._healthy()
            return True
        conn = self._conn
        assert conn is not None
        aliases: dict[int, int] = {}
        try:
            conn.execute("BEGIN IMMEDIATE")
            for op in self._pending:
                self._apply(conn, op, aliases)
            conn.execute("COMMIT")
        except sqlite3.Error as error:
            schema.rollback(conn)
            if connection.is_corrupt(error) and self._set_aside():
                return self._flush()
            self._failed(error)
            return False
        self._pending.clear()
        self._alias.update(aliases)
        spill.remove(self._spills)  # their rows are in the file now, with their ids
        self._spills = []
        self._healthy()
        return True

    def _healthy(self) -> None:
        """Back to the full busy timeout once the file works again."""
        if self._retrying and self._conn is not None:
            try:
                connection.set_timeout(self._conn, self._timeout)
            except sqlite3.Error:
                return
            self._retrying = False

    def _real(self, session_id: int | None, aliases: dict[int, int] | None = None) -> int | None:
        if session_id is None or session_id >= 0:
            return session_id
        return (aliases or {}).get(session_id, self._alias.get(session_id, session_id))

    def _apply(self, conn: sqlite3.Connection, op: Op, aliases: dict[int, int]) -> None:
        def one(row: Op) -> None:
            writes.apply(conn, row, aliases, lambda sid: self._real(sid, aliases))

        if op[0] == "spill":
            spill.apply(conn, op, one)
        else:
            one(op)

    def _write(self, kind: str, *args: Any) -> None:
        self._pending.append((kind, args, self._stamp()))
        self._flush()
        self._tell()

    def _tell(self) -> None:
        waiting = self.pending
        if waiting != self._told:
            self._told = waiting
            if self.on_pending is not None:
                self.on_pending(waiting)

    def close(self) -> str | None:
        """Write what waits (with the full timeout) and close. Sessions begun here and not
        ended are closed as interrupted. Rows that still cannot be written go to a spill
        file (tui/services/store/spill.py); returns the one line to say about them, else None."""
        with self._lock:
            for session_id in sorted(self._open):
                self._pending.append(("end", (session_id, "interrupted"), self._stamp()))
            self._open.clear()
            self._retrying = False  # the last chance: wait the full timeout for a lock
            if self._conn is not None:
                try:
                    connection.set_timeout(self._conn, self._timeout)
                except sqlite3.Error:
                    pass
            self._flush()
            if self._conn is not None:
                self._conn.close()
                self._conn = None
            if not self._pending:
                return None
            said = spill.keep(self._pending, self.path, self.problem, self._spills)
            self._spills = []
            return said

    # -- reading -------------------------------------------------------------------------
    def _read(self, sql: str, args: tuple[Any, ...]) -> tuple[Any, ...] | None:
        return self._query(lambda conn: conn.execute(sql, args).fetchone())

    def _said_unreadable(self) -> None:
        """Say once that stored times could not be read (their rows were left out)."""
        if queries.UNREADABLE:
            found = len(queries.UNREADABLE)
            self._warn(f"history.db holds {found} time{'s' if found > 1 else ''} that cannot "
                       f"be read (such as {queries.UNREADABLE[0]}); left out, the rest is shown.")
            queries.UNREADABLE.clear()

    def _query(self, fn: Callable[[sqlite3.Connection], Any], again: bool = True) -> Any:
        """fn on the file; while the file cannot be read, on a memory copy of what waits.
        Damage met here is handled as at open, and fn runs again on the fresh file."""
        self._flush()
        self._tell()  # a read may have written what waited
        zone = self._zone
        if self._conn is not None:
            try:
                filing.use_zone(self._conn, zone)
                return fn(self._conn)
            except sqlite3.Error as error:
                if again and connection.is_corrupt(error) and self._set_aside() and self._connect():
                    return self._query(fn, again=False)
                self._failed(error)
            finally:
                self._said_unreadable()
        memory = sqlite3.connect(":memory:", isolation_level=None)
        try:
            filing.use_zone(memory, zone)
            schema.migrate(memory)
            aliases: dict[int, int] = {}
            for op in self._pending:
                self._apply(memory, op, aliases)
            return fn(memory)
        finally:
            memory.close()

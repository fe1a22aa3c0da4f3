"""The history store: one SQLite file that never stops a routine.

Every write becomes a row waiting in memory and is written at once in one short IMMEDIATE
transaction. When the file cannot be used (no folder, disk full, a lock held too long, a
damaged file) the store says so once in `warning`, keeps the rows, and every later call
tries again; nothing raises for I/O. Safe to share between lumbar processes (SQLite's
locks, a busy timeout, and a retry of whatever is still waiting) and between threads of one
process (one lock around each call).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from ..engine import pain, progression
from . import connection, owner, progress, queries, schema, writes
from .connection import AFTERWARDS
from .records import MOMENTS, OUTCOMES, STEP_OUTCOMES, UNITS, HistoryData, Moment, Outcome, StepRecord, TwoWeekState
from .recovery import import_easier, recover
from .writes import Op, Stamp, stamp

Wall = Callable[[], datetime]

#: Seconds a write waits for another lumbar's transaction before giving up for now.
DEFAULT_TIMEOUT = 2.0
#: While rows are already waiting, each call retries this briefly, so a lock held for
#: minutes by another program never stalls a step boundary for the full timeout.
RETRY_TIMEOUT = 0.05
SHOWN_KEY = "two_week_shown"
EPISODE_KEY = "episode_utc"


def _default_wall() -> datetime:
    return datetime.now().astimezone()


class Store:
    """See the module docstring; build one with `open_store`."""

    def __init__(self, path: Path, wall: Wall, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.path = path
        self.warning: str | None = None
        """One line for the user (history not saved, file moved aside, easier.json unreadable)."""
        self.problem: str | None = None
        """Why the file could not be used the last time it failed (for the CLI commands)."""
        self._recovered: list[str] = []
        self._wall = wall
        self._timeout = timeout
        self._conn: sqlite3.Connection | None = None
        self._pending: list[Op] = []
        self._alias: dict[int, int] = {}  # provisional (negative) session id -> row id
        self._next_id = -1
        self._open: set[int] = set()  # sessions begun here and not ended
        self._lock = threading.RLock()
        self._retrying = False

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
        return len(self._pending)

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
                conn = connection.connect(self.path, RETRY_TIMEOUT if self._retrying else self._timeout)
                schema.migrate(conn)
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
        try:
            moved = connection.move_aside(self.path, self._today())
        except OSError as error:
            self._failed(error)
            return False
        self.warning = (f"history.db was damaged: it is kept as {moved.name}, "
                        "and a fresh history has been started.")
        return True

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
            if connection.is_corrupt(error):
                conn.close()
                self._conn = None
                if self._set_aside():
                    return self._flush()
            self._failed(error)
            return False
        self._pending.clear()
        self._alias.update(aliases)
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
        writes.apply(conn, op, aliases, lambda sid: self._real(sid, aliases))

    def _write(self, kind: str, *args: Any) -> None:
        self._pending.append((kind, args, self._stamp()))
        self._flush()

    # -- the interface ---------------------------------------------------------------------
    def begin_session(self, routine_key: str, routine_name: str, steps: int) -> int:
        """A new open session; returns its id. `steps`: work steps in the plan (for the
        "stopped in step N of M" sentence after a crash)."""
        with self._lock:
            provisional = self._next_id
            self._next_id -= 1
            self._write("session", provisional, routine_key, routine_name, int(steps), *owner.me())
            session_id = self._alias.get(provisional, provisional)
            self._open.add(session_id)
            return session_id

    def record_step(self, session_id: int, step: StepRecord) -> None:
        """One work step as it ended, in one short transaction. ValueError: bad outcome or unit."""
        _check(step.outcome, STEP_OUTCOMES, "outcome")
        _check(step.unit, UNITS, "unit")
        with self._lock:
            self._write("step", session_id, step)

    def end_session(self, session_id: int, outcome: Outcome) -> None:
        _check(outcome, OUTCOMES, "outcome")
        with self._lock:
            self._open.discard(session_id)
            self._write("end", session_id, outcome)

    def add_checkin(self, score: int, moment: Moment, session_id: int | None = None) -> None:
        """A pain score, 0..10 (ValueError outside it)."""
        if not isinstance(score, int) or not 0 <= score <= 10:
            raise ValueError(f"a pain score is a whole number from 0 to 10, not {score!r}")
        _check(moment, MOMENTS, "moment")
        with self._lock:
            self._write("checkin", score, moment, session_id)

    def easier_names(self, routine_key: str) -> frozenset[str]:
        with self._lock:
            self._flush()
            for kind, args, _ in reversed(self._pending):
                if kind == "easier" and args[0] == routine_key:
                    return frozenset(args[1])
            row = self._read("SELECT names FROM easier WHERE routine_key = ?", (routine_key,))
            return frozenset(json.loads(row[0])) if row else frozenset()

    def set_easier_names(self, routine_key: str, names: Iterable[str]) -> None:
        with self._lock:
            self._write("easier", routine_key, sorted(set(names)))

    def record_answer(self, session_id: int, answer: str) -> None:
        """The after-routine answer: "easy", "right" or "hard" (ValueError otherwise)."""
        _check(answer, progression.ANSWERS, "answer")
        with self._lock:
            self._write("answer", answer, session_id)

    def set_doses(self, routine_key: str, session_id: int | None,
                  doses: Iterable[tuple[str, progression.Level, str]]) -> None:
        """Dose decisions for one session: (exercise name, level, why), why in progress.WHYS."""
        rows = []
        for name, level, why in doses:
            _check(why, progress.WHYS, "why")
            rows.append((name, level.reps, level.sets, level.hold, why))
        if rows:
            with self._lock:
                self._write("doses", routine_key, session_id, rows)

    def progress_inputs(self, routine_key: str, today: date | None = None) -> progress.Inputs:
        """What the progression rule needs to decide `routine_key`'s doses on `today`."""
        today = today or self._today()
        with self._lock:
            return self._query(lambda conn: progress.inputs(conn, routine_key, today))

    def dose_rows(self, since: date | None = None) -> list[progress.DoseRow]:
        """Every dose decision from `since` (local date), oldest first."""
        with self._lock:
            return self._query(lambda conn: progress.dose_rows(conn, since))

    def last_checkin(self, session_id: int, moment: Moment) -> int | None:
        with self._lock:
            self._flush()
            real = self._real(session_id)
            for kind, args, _ in reversed(self._pending):
                if kind == "checkin" and args[1] == moment and self._real(args[2]) == real:
                    return args[0]
            row = self._read("SELECT score FROM checkins WHERE session_id = ? AND moment = ? "
                             "ORDER BY utc DESC, id DESC LIMIT 1", (real, moment))
            return row[0] if row else None

    def recent_checkin(self, hours: float) -> int | None:
        """The score of the latest check-in of any moment in the last `hours` hours, or None."""
        with self._lock:
            self._flush()
            since = stamp(self._wall() - timedelta(hours=hours))[0]
            for kind, args, (utc, _, _) in reversed(self._pending):
                if kind == "checkin":
                    return args[0] if utc >= since else None
            row = self._read("SELECT score FROM checkins WHERE utc >= ? "
                             "ORDER BY utc DESC, id DESC LIMIT 1", (since,))
            return row[0] if row else None

    # -- ice and heat ----------------------------------------------------------------------
    def begin_application(self, kind: str, planned: float, rest: float,
                          episode_utc: str | None) -> int:
        """A pack goes on now: a row with no outcome yet; returns its id. `planned` and
        `rest` in seconds; `episode_utc` when the pain started (UTC_FORMAT) or None.
        ValueError for a kind other than ice or heat."""
        _check(kind, ("ice", "heat"), "kind")
        with self._lock:
            provisional = self._next_id
            self._next_id -= 1
            self._write("application", provisional, kind, float(planned), float(rest), episode_utc)
            return self._alias.get(provisional, provisional)

    def end_application(self, application_id: int, outcome: str, reason: str | None = None) -> None:
        """The pack came off now: "finished" (at the alarm) or "stopped" early, with why."""
        _check(outcome, ("finished", "stopped"), "outcome")
        with self._lock:
            self._write("application_end", application_id, outcome, reason)

    def last_application(self) -> dict[str, Any] | None:
        """The newest application: id, kind, start (aware local datetime), planned, rest
        (seconds), ended (aware datetime or None), outcome, reason; None if there is none."""
        with self._lock:
            row = self._query(lambda conn: conn.execute(
                "SELECT id, kind, utc, utc_offset, planned_seconds, rest_seconds, ended_utc, "
                "ended_offset, outcome, reason FROM applications ORDER BY utc DESC, id DESC "
                "LIMIT 1").fetchone())
        if row is None:
            return None
        return {"id": row[0], "kind": row[1], "start": queries.local(row[2], row[3]),
                "planned": row[4], "rest": row[5],
                "ended": queries.local(row[6], row[7]) if row[6] else None,
                "outcome": row[8], "reason": row[9]}

    def applications_today(self, today: date | None = None) -> int:
        """Ice and heat applications begun on the local day `today` (default: today)."""
        day = (today or self._today()).isoformat()
        with self._lock:
            return self._query(lambda conn: conn.execute(
                "SELECT count(*) FROM applications WHERE day = ?", (day,)).fetchone()[0])

    def episode(self) -> datetime | None:
        """When the current pain or injury started (aware UTC), or None if never said."""
        with self._lock:
            row = self._read("SELECT value FROM meta WHERE key = ?", (EPISODE_KEY,))
        return queries.local(row[0], 0) if row else None

    def set_episode(self, started: datetime) -> None:
        """Start a new episode: the pain or injury started at `started` (aware)."""
        with self._lock:
            self._write("meta", EPISODE_KEY, stamp(started)[0])

    def history(self, today: date | None = None) -> HistoryData:
        with self._lock:
            return self._query(lambda conn: queries.history(conn, today or self._today()))

    def two_week(self, today: date | None = None) -> TwoWeekState | None:
        """The two-week rule's state, or None for 14 days after `two_week_shown`."""
        today = today or self._today()
        with self._lock:
            def read(conn: sqlite3.Connection) -> TwoWeekState | None:
                shown = conn.execute("SELECT value FROM meta WHERE key = ?", (SHOWN_KEY,)).fetchone()
                if shown and today < date.fromisoformat(shown[0]) + timedelta(days=pain.WINDOW_DAYS):
                    return None
                readings, first = queries.two_week_readings(conn, today)
                return pain.two_week(readings, today, first)
            return self._query(read)

    def two_week_shown(self) -> None:
        with self._lock:
            self._write("meta", SHOWN_KEY, self._today().isoformat())

    def rows(self) -> list[dict[str, Any]]:
        """Every row for export and report (see queries.rows)."""
        with self._lock:
            return self._query(queries.rows)

    def close(self) -> None:
        """Write what waits (with the full timeout) and close. Sessions begun here and not
        ended are closed as interrupted."""
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

    # -- reading -------------------------------------------------------------------------
    def _read(self, sql: str, args: tuple[Any, ...]) -> tuple[Any, ...] | None:
        return self._query(lambda conn: conn.execute(sql, args).fetchone())

    def _query(self, fn: Callable[[sqlite3.Connection], Any]) -> Any:
        """fn on the file; while the file cannot be read, on a memory copy of what waits."""
        self._flush()
        if self._conn is not None:
            try:
                return fn(self._conn)
            except sqlite3.Error as error:
                self._failed(error)
        memory = sqlite3.connect(":memory:", isolation_level=None)
        try:
            schema.migrate(memory)
            aliases: dict[int, int] = {}
            for op in self._pending:
                self._apply(memory, op, aliases)
            return fn(memory)
        finally:
            memory.close()


def _check(value: str, allowed: tuple[str, ...], field: str) -> None:
    if value not in allowed:
        raise ValueError(f"{field} must be one of {', '.join(allowed)}, not {value!r}")


def open_store(path: Path | None = None, *, wall: Wall | None = None,
               timeout: float = DEFAULT_TIMEOUT) -> Store:
    """The store at `path` (default: data_dir()/history.db). Never raises for I/O: a file
    that cannot be used gives a store whose `warning` says why and whose rows wait in memory.

    wall: returns the aware local time (default: the system clock); tests inject one.
    timeout: seconds a write waits for another process's lock.
    """
    if path is None:
        from ..paths import data_dir

        path = data_dir() / "history.db"
    store = Store(path, wall or _default_wall, timeout)
    with store._lock:
        store._flush()
    return store

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
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.engine.care import pain
from tui.engine.progress import progression
from tui.services.store import filing, owner, progress, queries
from tui.services.store.breaks import BreakJournal
from tui.services.store.plan import PlanJournal, PlanReminderJournal
from tui.services.store.resume import ResumeJournal
from tui.services.store.safety import SafetyJournal
from tui.services.store.journal import DEFAULT_TIMEOUT, RETRY_TIMEOUT, Wall
from tui.services.store.records import MOMENTS, OUTCOMES, STEP_OUTCOMES, UNITS, HistoryData, Moment, Outcome, StepRecord, TwoWeekState
from tui.services.store.writes import stamp

if TYPE_CHECKING:
    from tui.services.store.measures import MeasuresJournal

__all__ = ["DEFAULT_TIMEOUT", "RETRY_TIMEOUT", "Store", "Wall", "open_store"]

SHOWN_KEY = "two_week_shown"
EPISODE_KEY = "episode_utc"


def _default_wall() -> datetime:
    # A stamp takes the UTC time, the offset and the local date of now, which the system's
    # local time gives. The zone with its rules is what re-files the rows of the last days
    # across a daylight-saving change (tui/services/store/filing.py): `open_store` hands
    # that over separately, read only when a query files rows, since reading it (zoneinfo
    # and sysconfig) costs ~1 MB and ~3 ms that starting a routine does not need.
    from tui.services.clocks import wall

    return wall()


class Store(SafetyJournal, BreakJournal, ResumeJournal, PlanJournal, PlanReminderJournal):
    """See the module docstring; build one with `open_store`. The file, the waiting rows
    and the retries are tui.services.store.journal's; the desk-break rows tui.services.store.breaks's, the red-flag and ice/heat precaution answers tui.services.store.safety's, the plan's
    done days (and reminder rows) tui.services.store.plan's. The goals, PEG and impressions
    are a part, `measures`."""

    @cached_property
    def measures(self) -> MeasuresJournal:
        """Goals, PEG answers and impressions (tui.services.store.measures): a part made
        when first asked for, so starting a routine loads none of the measures' code
        (about 2.5 ms of the first frame)."""
        from tui.services.store.measures import MeasuresJournal

        return MeasuresJournal(self)

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

    def add_checkin(self, score: int, moment: Moment, session_id: int | None = None,
                    leg: int | None = None) -> None:
        """A pain score of the back, 0..10, and optionally of the leg (ValueError outside it)."""
        for value in (score, leg):
            if value is not None and (not isinstance(value, int) or not 0 <= value <= 10):
                raise ValueError(f"a pain score is a whole number from 0 to 10, not {value!r}")
        _check(moment, MOMENTS, "moment")
        with self._lock:
            self._write("checkin", score, moment, session_id, leg)

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

    def record_exercise_answer(self, session_id: int, exercise: str, answer: str) -> None:
        """One exercise of a session marked "easy" or "hard" (ValueError for another answer);
        it wins over the routine's answer for that exercise (tui.engine.progress.progression)."""
        _check(answer, ("easy", "hard"), "answer")
        with self._lock:
            self._write("exercise_answer", session_id, exercise, answer)

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

    def dose_rows(self, since: date | None = None, carry: bool = False) -> list[progress.DoseRow]:
        """Every dose decision from `since` (local date), oldest first; with `carry` also
        each exercise's latest one before `since` (see progress.dose_rows)."""
        with self._lock:
            return self._query(lambda conn: progress.dose_rows(conn, since, carry))

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
            # A few, in case the newest holds a time that cannot be read (it is skipped).
            rows = self._query(lambda conn: conn.execute(
                "SELECT id, kind, utc, utc_offset, planned_seconds, rest_seconds, ended_utc, "
                "ended_offset, outcome, reason FROM applications ORDER BY utc DESC, id DESC "
                "LIMIT 5").fetchall())
            found = None
            for row in rows:
                start = queries.local(row[2], row[3])
                if start is not None:
                    found = {"id": row[0], "kind": row[1], "start": start,
                             "planned": row[4], "rest": row[5],
                             "ended": queries.local(row[6], row[7]) if row[6] else None,
                             "outcome": row[8], "reason": row[9]}
                    break
            self._said_unreadable()
            return found

    def applications_today(self, today: date | None = None, kind: str | None = None) -> int:
        """Ice and heat applications (only `kind`'s, when given) begun on the local day
        `today` (default: today)."""
        today = today or self._today()
        with self._lock:  # the day each is filed under for the user now (filing.py)
            return self._query(lambda conn: conn.execute(
                "SELECT count(*) FROM applications WHERE day >= ? AND local_day(utc) = ? "
                "AND kind = coalesce(?, kind)",
                (filing.cut(today), today.isoformat(), kind)).fetchone()[0])

    def episode(self) -> datetime | None:
        """When the current pain or injury started (aware UTC), or None if never said."""
        with self._lock:
            row = self._read("SELECT value FROM meta WHERE key = ?", (EPISODE_KEY,))
            started = queries.local(row[0], 0) if row else None
            self._said_unreadable()
            return started

    def set_episode(self, started: datetime) -> None:
        """Start a new episode: the pain or injury started at `started` (aware)."""
        with self._lock:
            self._write("meta", EPISODE_KEY, stamp(started)[0])

    def history(self, today: date | None = None) -> HistoryData:
        with self._lock:
            return self._query(lambda conn: queries.history(conn, today or self._today()))

    def two_week(self, today: date | None = None, quiet: bool = True) -> TwoWeekState | None:
        """The two-week rule's state on `today` (default: the store's today); None for 14 days
        after `two_week_shown` while `quiet` (the app's advice is not repeated; the report
        passes False, as it always shows where the rule stands)."""
        today = today or self._today()
        with self._lock:
            def read(conn: sqlite3.Connection) -> TwoWeekState | None:
                shown = conn.execute("SELECT value FROM meta WHERE key = ?", (SHOWN_KEY,)).fetchone()
                if quiet and shown and today < date.fromisoformat(shown[0]) + timedelta(days=pain.WINDOW_DAYS):
                    return None
                episode = conn.execute("SELECT value FROM meta WHERE key = ?", (EPISODE_KEY,)).fetchone()
                # An unreadable episode start counts as no episode, as an absent one does.
                started = queries.local(episode[0], 0) if episode else None
                began = started.astimezone().date() if started is not None else None
                readings, start, routine_days = queries.two_week_inputs(conn, today, began)
                since = (today - timedelta(days=pain.WINDOW_DAYS - 1)).isoformat()
                impressions = [(date.fromisoformat(d), code) for d, code in conn.execute(
                    "SELECT day, code FROM impressions WHERE day >= ?", (since,))]
                return pain.two_week(readings, today, start, routine_days, impressions)
            return self._query(read)

    def two_week_shown(self) -> None:
        with self._lock:
            self._write("meta", SHOWN_KEY, self._today().isoformat())

    def verify(self, full: bool = True) -> list[str] | None:
        """SQLite's integrity check of the file (``quick_check`` unless ``full``): [] when it
        is sound, else what it found (damage is then handled as at open: the file kept
        aside, a fresh one started with every row that could be read); None when the file
        cannot be opened (``problem`` says why)."""
        with self._lock:
            if not self._connect():
                return None
            conn = self._conn
            assert conn is not None
            try:
                found = [str(row[0]) for row in conn.execute(
                    "PRAGMA integrity_check" if full else "PRAGMA quick_check")]
            except sqlite3.DatabaseError as error:
                found = [str(error)]
            if found == ["ok"]:
                return []
            if self._set_aside():
                self._connect()
            return found

    def rows(self, first: date | None = None, last: date | None = None) -> list[dict[str, Any]]:
        """Every row for export and report (see queries.rows); with `first` and `last`
        (local dates), only those that can be filed on first..last: the rows stored from two
        days before to two days after (a row of the last days is filed in the zone the
        user is in now, at most a day and a bit from where it was stored; see filing.py)."""
        span = None
        if first is not None and last is not None:
            span = ((first - timedelta(days=2)).isoformat(), (last + timedelta(days=2)).isoformat())
        with self._lock:
            return self._query(lambda conn: queries.rows(conn, span))


def _check(value: str, allowed: tuple[str, ...], field: str) -> None:
    if value not in allowed:
        raise ValueError(f"{field} must be one of {', '.join(allowed)}, not {value!r}")


def open_store(path: Path | None = None, *, wall: Wall | None = None,
               timeout: float = DEFAULT_TIMEOUT) -> Store:
    """The store at `path` (default: data_dir()/history.db). Never raises for I/O: a file
    that cannot be used gives a store whose `warning` says why and whose rows wait in memory.

    wall: returns the aware local time (default: the system clock); tests inject one, and
        its times' zone is then the one rows are filed in (default: the user's zone).
    timeout: seconds a write waits for another process's lock.
    """
    if path is None:
        from tui.services.paths import data_dir

        path = data_dir() / "history.db"
    if wall is None:
        from tui.services.localzone import local_zone

        store = Store(path, _default_wall, timeout, zone=local_zone)
    else:
        store = Store(path, wall, timeout)
    with store._lock:
        store._flush()
    return store

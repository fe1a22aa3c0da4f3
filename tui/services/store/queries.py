"""Reading history.db: the history screen's figures and every row for export and report.

Plain functions of a connection, so the same code reads the file or, while the file cannot
be used, an in-memory copy of the rows still waiting to be written.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from typing import Any

from tui.engine.care import pain
from tui.services.store import filing
from tui.services.store.records import HistoryData

UTC_FORMAT = "%Y-%m-%d %H:%M:%S.%f"

#: A session counts for streaks, the calendar and per-routine totals when it was finished
#: or at least one of its steps was done (a routine left after two exercises still counts).
COUNTED = """
    SELECT s.id, s.routine_key, s.routine_name, s.day, s.utc FROM sessions s
    WHERE s.outcome = 'finished'
       OR EXISTS (SELECT 1 FROM steps t WHERE t.session_id = s.id AND t.outcome != 'skipped')
"""


UNREADABLE: list[str] = []
"""Stored times that could not be read since the store last looked (it says so, once):
their rows are left out, never fatal. An older lumbar wrote year 999 as "999-12-31"."""


def local(utc: str, offset: int) -> datetime | None:
    """The aware local time of a stored (utc, offset) pair; None (noted in UNREADABLE) when
    the stored text is not a time or the offset is not a whole number of seconds."""
    # fromisoformat reads UTC_FORMAT and is many times faster than strptime (exports of
    # years of steps call this once a row).
    try:
        moment = datetime.fromisoformat(utc).replace(tzinfo=timezone.utc)
        return moment.astimezone(_zone(offset))
    except (ValueError, TypeError, OverflowError):
        UNREADABLE.append(repr(utc))
        return None


@lru_cache(maxsize=64)
def _zone(offset: int) -> timezone:
    return timezone(timedelta(seconds=offset))


def iso(utc: str | None, offset: int | None) -> str | None:
    """ISO 8601 with the local offset of the moment ("2026-03-29T09:15:00+02:00")."""
    if utc is None or offset is None:
        return None
    # Same text as local(...).isoformat(timespec="seconds"), without building a zone-aware
    # datetime per row (an export of years of steps calls this for every row).
    try:
        shifted = datetime.fromisoformat(utc) + _delta(offset)
        return shifted.isoformat(timespec="seconds") + _suffix(offset)
    except (ValueError, TypeError, OverflowError):
        UNREADABLE.append(repr(utc))
        return None


@lru_cache(maxsize=64)
def _delta(offset: int) -> timedelta:
    return timedelta(seconds=offset)


@lru_cache(maxsize=64)
def _suffix(offset: int) -> str:
    return datetime(2000, 1, 1, tzinfo=_zone(offset)).isoformat()[19:]


def history(conn: sqlite3.Connection, today: date) -> HistoryData:
    """The history screen's figures on `today` (a local date).

    Its cost must not grow with the years kept (the screen opens in well under 200 ms with
    ten years of data): the calendar reads 28 days, the streak binary-searches the sorted
    active days instead of walking them, and per-routine totals come from a covering index
    (migration 6)."""
    # Days as filed for the user now (tui/services/store/filing.py): today's rows are read by UTC time
    # in the present zone, so a routine done before flying west is today's, not tomorrow's.
    day = today.isoformat()
    today_sessions = tuple(conn.execute(
        "SELECT local_clock(utc), routine_name, coalesce(outcome, 'running') FROM sessions "
        "WHERE day >= ? AND local_day(utc) = ? ORDER BY utc, id", (filing.cut(today), day)).fetchall())
    active = sorted({d for d, _ in filing.filed(conn, COUNTED, "1", None, today, distinct=True)},
                    reverse=True)
    first = today - timedelta(days=27)
    per_day = Counter(d for d, _ in filing.filed(conn, COUNTED, "id", first, today))
    calendar = tuple((first + timedelta(days=n), per_day.get((first + timedelta(days=n)).isoformat(), 0))
                     for n in range(28))
    since = pain.monday(today) - timedelta(weeks=7)
    readings = [(date.fromisoformat(d), float(score), moment) for d, score, moment in
                filing.filed(conn, "SELECT day, utc, score, moment FROM checkins", "score, moment",
                             since, today)]
    routines = conn.execute(
        f"SELECT routine_key, count(*), max(day), "
        f"(SELECT routine_name FROM sessions x WHERE x.routine_key = c.routine_key "
        f" ORDER BY x.utc DESC LIMIT 1) "
        f"FROM ({COUNTED}) c GROUP BY routine_key ORDER BY max(day) DESC, routine_key").fetchall()
    per_routine = tuple((name, count, date.fromisoformat(last) if last else None)
                        for _key, count, last, name in routines)
    checkins = conn.execute("SELECT count(*) FROM checkins").fetchone()[0]
    applications = tuple(conn.execute(
        "SELECT local_clock(utc), kind, coalesce(outcome, 'on'), reason FROM applications "
        "WHERE day >= ? AND local_day(utc) = ? ORDER BY utc, id", (filing.cut(today), day)).fetchall())
    from tui.services.store.measures_read import current_goals_ends, latest_pegs  # it imports this module

    return HistoryData(today_applications=applications,
        goals=current_goals_ends(conn), pegs=latest_pegs(conn),
        today=today, today_sessions=today_sessions, streak=streak(active, today),
        calendar=calendar, pain_weeks=pain.weekly_means(readings, today),
        per_routine=per_routine, checkins=checkins)


def streak(newest_first: list[str], today: date) -> int:
    """pain.streak of distinct "YYYY-MM-DD" days sorted newest first (none after `today`).

    Distinct sorted days fall at least a day apart, so the k-th of them is at most k days
    before the first, and exactly k days before it only while the run is unbroken: the run
    is the longest such prefix, found by bisection in about log2(days) date conversions."""
    if not newest_first:
        return 0
    top = date.fromisoformat(newest_first[0])
    if top < today - timedelta(days=1):
        return 0
    lo, hi = 1, len(newest_first)  # the first lo days run unbroken; find the largest such
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if date.fromisoformat(newest_first[mid - 1]) == top - timedelta(days=mid - 1):
            lo = mid
        else:
            hi = mid - 1
    return lo


def two_week_inputs(conn: sqlite3.Connection, today: date, episode: date | None
                    ) -> tuple[list[tuple[date, float, str]], date | None, list[date]]:
    """What pain.two_week needs for `today`: the at-rest check-ins of the start week and
    of the last 7 days as (day, score, moment), the start (the `episode`'s first day when it
    comes after the first at-rest check-in, else that check-in's day), and the days with a
    routine in the last 14 days. Days are those each row is filed under for the user now
    (tui/services/store/filing.py); `conn` must have had `filing.use_zone`."""
    at_rest = "SELECT day, utc, score, moment FROM checkins WHERE moment != 'after'"
    firsts = filing.filed(conn, "SELECT min(day) AS day, min(utc) AS utc FROM checkins "
                                "WHERE moment != 'after'", "1", None, today)
    start = date.fromisoformat(firsts[0][0]) if firsts else None
    if start is not None and episode is not None and start < episode <= today:
        start = episode
    last = today - timedelta(days=pain.HALF_DAYS - 1)
    windows = [(last, today)]
    if start is not None:
        end = start + timedelta(days=pain.HALF_DAYS - 1)
        # Two weeks that touch or overlap are read once, as one span.
        windows = [(start, today)] if end >= last - timedelta(days=1) else windows + [(start, end)]
    readings: list[tuple[date, float, str]] = []
    for low, high in windows:
        readings += [(date.fromisoformat(d), float(score), moment)
                     for d, score, moment in filing.filed(conn, at_rest, "score, moment", low, high)]
    fortnight = today - timedelta(days=pain.WINDOW_DAYS - 1)
    routine_days = [date.fromisoformat(d) for d, _ in filing.filed(
        conn, "SELECT day, utc FROM sessions", "1", fortnight, today, distinct=True)]
    return readings, start, routine_days


def within(span: tuple[str, str] | None, column: str = "day") -> tuple[str, tuple[str, ...]]:
    """A WHERE clause (with its arguments) keeping rows whose stored `column` falls in `span`,
    served by the tables' day indexes; ("", ()) for every row."""
    if span is None:
        return "", ()
    return f" WHERE {column} >= ? AND {column} <= ?", span


def in_sessions(span: tuple[str, str] | None, column: str = "session_id") -> tuple[str, tuple[str, ...]]:
    """A WHERE clause keeping rows of the sessions stored on a day in `span` (steps, answers)."""
    if span is None:
        return "", ()
    return f" WHERE {column} IN (SELECT id FROM sessions WHERE day >= ? AND day <= ?)", span


def rows(conn: sqlite3.Connection, span: tuple[str, str] | None = None) -> list[dict[str, Any]]:
    """Every row as a dict with `kind` and `at` (ISO 8601 with offset), oldest first.

    Kinds: session, step, checkin, easier, dose, answer, application, break, red_flags,
    precaution, goal, goal_rating, peg, impression, measure_skip, reminder. Field names are
    the export format's, not the tables', so scripts need not know the schema.

    span: only the rows stored on those local days ("YYYY-MM-DD", both included), the steps
    and answers of the sessions among them, and each exercise's latest dose from before
    them (its dose on the first day); every query then goes through an index, so a report
    of two weeks costs the same after ten years. None: everything, for export.
    """
    out: list[tuple[str, int, int, dict[str, Any]]] = []
    where, args = within(span)
    for r in conn.execute("SELECT id, utc, utc_offset, routine_key, routine_name, steps, "
                          "ended_utc, ended_offset, outcome FROM sessions" + where, args):
        out.append((r[1], 0, r[0], {
            "kind": "session", "at": iso(r[1], r[2]), "id": r[0], "routine": r[3],
            "routine_name": r[4], "steps": r[5], "ended": iso(r[6], r[7]), "outcome": r[8]}))
    where, args = in_sessions(span)
    for r in conn.execute("SELECT id, session_id, utc, utc_offset, idx, exercise, side, set_no, "
                          "round_no, planned_seconds, actual_seconds, unit, planned_count, "
                          "actual_count, outcome FROM steps" + where, args):
        out.append((r[2], 1, r[0], {
            "kind": "step", "at": iso(r[2], r[3]), "id": r[0], "session": r[1], "index": r[4],
            "exercise": r[5], "side": r[6], "set": r[7], "round": r[8],
            "planned_seconds": r[9], "actual_seconds": r[10], "unit": r[11],
            "planned_count": r[12], "actual_count": r[13], "outcome": r[14]}))
    where, args = within(span)
    for r in conn.execute("SELECT id, utc, utc_offset, score, moment, session_id, leg FROM checkins" + where,
                          args):
        out.append((r[1], 2, r[0], {
            "kind": "checkin", "at": iso(r[1], r[2]), "id": r[0], "score": r[3],
            "moment": r[4], "session": r[5], "leg": r[6]}))
    if span is None:  # the current choices, not a record of the period
        for n, r in enumerate(conn.execute("SELECT routine_key, names, utc, utc_offset FROM easier")):
            out.append((r[2], 3, n, {"kind": "easier", "at": iso(r[2], r[3]), "routine": r[0],
                                     "names": json.loads(r[1])}))
    for r in conn.execute("SELECT id, utc, utc_offset, kind, planned_seconds, rest_seconds, "
                          "episode_utc, ended_utc, ended_offset, outcome, reason FROM applications" + where,
                          args):
        out.append((r[1], 4, r[0], {
            "kind": "application", "at": iso(r[1], r[2]), "id": r[0], "treatment": r[3],
            "planned_seconds": r[4], "rest_seconds": r[5],
            "episode": iso(r[6], 0) if r[6] else None, "ended": iso(r[7], r[8]),
            "outcome": r[9], "reason": r[10]}))
    for r in conn.execute("SELECT id, utc, utc_offset, what, how, seconds FROM breaks" + where, args):
        out.append((r[1], 6, r[0], {
            "kind": "break", "at": iso(r[1], r[2]), "id": r[0], "what": r[3], "how": r[4],
            "seconds": r[5]}))
    for r in conn.execute("SELECT id, utc, utc_offset, kind, routine_key, what, how FROM reminders" + where,
                          args):
        out.append((r[1], 7, r[0], {
            "kind": "reminder", "at": iso(r[1], r[2]), "id": r[0], "about": r[3],
            "routine": r[4] or None, "what": r[5], "how": r[6]}))
    from tui.services.store.progress import export_rows  # it imports this module
    from tui.services.store.measures_read import export_rows as measure_rows
    from tui.services.store.safety import export_rows as safety_rows

    out += export_rows(conn, span) + safety_rows(conn, span) + measure_rows(conn, span)
    out.sort(key=lambda item: item[:3])
    return [item[3] for item in out if item[3]["at"] is not None]  # unreadable: left out

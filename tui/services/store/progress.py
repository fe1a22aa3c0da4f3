"""Reading the dose history: each ranged exercise's current dose and what has happened since.

Doses are rows in `doses`, one per exercise each time its dose is decided (first use,
a step up or down, the user keeping the old dose, a file edit fitting it back into its
range), keyed by routine key and exercise name. The current dose is the latest row; the
rows together are the dose over time. Each row names the session it was decided for, and
the rule only looks at sessions from that one on, so every answer counts once.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from typing import Any

from tui.engine.frozen import frozen
from tui.engine.progress.progression import BASELINE_DAYS, Level, Outcome
from tui.services.store.queries import in_sessions, iso

WHYS: tuple[str, ...] = ("start", "up", "down", "kept", "fit")
"""Why a dose row was written: first use, the rule, the user kept the old dose, a file edit."""


@frozen
class Inputs:
    """What the progression rule needs for one routine (tui.engine.progress.progression.decide)."""

    stored: dict[str, Level]
    """The latest dose of each exercise, by name."""
    since: tuple[Outcome, ...]
    """Sessions of the routine since its doses were last decided, oldest first."""
    checkins: tuple[tuple[date, int], ...]
    """(local date, score) for the baseline window and today."""
    today: date
    """The user's local date by the store's wall clock."""


@frozen
class DoseRow:
    """One dose decision, for the history screen and the report."""

    day: date
    routine_key: str
    exercise: str
    level: Level
    why: str


def inputs(conn: sqlite3.Connection, routine_key: str, today: date) -> Inputs:
    stored: dict[str, Level] = {}
    for exercise, reps, sets, hold in conn.execute(
            "SELECT exercise, reps, sets, hold_seconds FROM doses d WHERE routine_key = ? AND id = "
            "(SELECT max(id) FROM doses x WHERE x.routine_key = d.routine_key AND x.exercise = d.exercise)",
            (routine_key,)):
        stored[exercise] = Level(reps, sets, hold)
    first = conn.execute("SELECT max(session_id) FROM doses WHERE routine_key = ?", (routine_key,)).fetchone()[0]
    sessions = conn.execute("SELECT id, day FROM sessions WHERE routine_key = ? AND id >= ? ORDER BY id",
                            (routine_key, first if first is not None else -(2**62))).fetchall()
    since = tuple(_outcome(conn, sid, day) for sid, day in sessions)
    start = (today - timedelta(days=BASELINE_DAYS)).isoformat()
    checkins = tuple((date.fromisoformat(d), s) for d, s in conn.execute(
        "SELECT day, score FROM checkins WHERE day >= ? AND day <= ?", (start, today.isoformat())))
    return Inputs(stored, since, checkins, today)


def _outcome(conn: sqlite3.Connection, session_id: int, day: str) -> Outcome:
    def last(sql: str) -> Any:
        row = conn.execute(sql + " ORDER BY utc DESC, id DESC LIMIT 1", (session_id,)).fetchone()
        return row[0] if row else None

    easier = frozenset(name for (name,) in conn.execute(
        "SELECT DISTINCT exercise FROM steps WHERE session_id = ? AND outcome = 'easier'", (session_id,)))
    marks = dict(conn.execute("SELECT exercise, answer FROM exercise_answers WHERE session_id = ? "
                              "ORDER BY id", (session_id,)).fetchall())  # the latest mark counts
    return Outcome(
        day=date.fromisoformat(day),
        answer=last("SELECT answer FROM answers WHERE session_id = ?"),
        before=last("SELECT score FROM checkins WHERE session_id = ? AND moment = 'before'"),
        after=last("SELECT score FROM checkins WHERE session_id = ? AND moment = 'after'"),
        easier=easier,
        marks=tuple(sorted(marks.items())),
    )


def dose_rows(conn: sqlite3.Connection, since: date | None = None, carry: bool = False) -> list[DoseRow]:
    """Every dose decision from `since` (a local date; None: all), oldest first. With
    `carry`, also each exercise's latest decision before `since` (its dose on that day),
    so a window of weeks needs no rows older than that."""
    start = (since or date.min).isoformat()
    columns = "day, routine_key, exercise, reps, sets, hold_seconds, why"
    sql = f"SELECT {columns}, id FROM doses WHERE day >= ?"
    args: tuple[str, ...] = (start,)
    if carry and since is not None:
        sql += (f" UNION ALL SELECT {columns}, id FROM doses WHERE id IN (SELECT max(id) FROM "
                f"doses WHERE day < ? GROUP BY routine_key, exercise)")
        args += (start,)
    rows = conn.execute(sql + " ORDER BY id", args).fetchall()
    return [DoseRow(date.fromisoformat(d), key, name, Level(reps, sets, hold), why)
            for d, key, name, reps, sets, hold, why, _id in rows]


def export_rows(conn: sqlite3.Connection, span: tuple[str, str] | None = None
                ) -> list[tuple[str, int, int, dict[str, Any]]]:
    """Dose, answer and exercise-answer rows in the export's sort form (utc, kind order, id, row).

    span: stored days (see queries.rows): the doses decided on them and each exercise's
    latest before them; the answers of the sessions stored on them."""
    out: list[tuple[str, int, int, dict[str, Any]]] = []
    sql = "SELECT id, utc, utc_offset, routine_key, exercise, reps, sets, hold_seconds, why, session_id FROM doses"
    args: tuple[str, ...] = ()
    if span is not None:
        sql += (" WHERE (day >= ? AND day <= ?) OR id IN (SELECT max(id) FROM doses WHERE day < ? "
                "GROUP BY routine_key, exercise)")
        args = (*span, span[0])
    for r in conn.execute(sql, args):
        out.append((r[1], 4, r[0], {
            "kind": "dose", "at": iso(r[1], r[2]), "id": r[0], "routine": r[3], "exercise": r[4],
            "reps": r[5], "sets": r[6], "hold_seconds": r[7], "why": r[8], "session": r[9]}))
    where, args = in_sessions(span)
    for r in conn.execute("SELECT id, utc, utc_offset, answer, session_id FROM answers" + where, args):
        out.append((r[1], 5, r[0], {
            "kind": "answer", "at": iso(r[1], r[2]), "id": r[0], "answer": r[3], "session": r[4]}))
    for r in conn.execute("SELECT id, utc, utc_offset, session_id, exercise, answer FROM exercise_answers"
                          + where, args):
        out.append((r[1], 5, r[0], {
            "kind": "exercise_answer", "at": iso(r[1], r[2]), "id": r[0], "session": r[3],
            "exercise": r[4], "answer": r[5]}))
    return out

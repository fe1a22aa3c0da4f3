"""Turning a waiting row into SQL: the one place that knows how each kind is stored."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any

Stamp = tuple[str, int, str]
"""(UTC "YYYY-MM-DD HH:MM:SS.ffffff", local offset east of UTC in seconds, local date)."""
Op = tuple[str, tuple[Any, ...], Stamp]
"""A row waiting to be written: (kind, arguments, when it happened)."""


def _goal(conn: sqlite3.Connection, args: tuple[Any, ...], at: Stamp) -> None:
    key, text = args
    conn.execute("INSERT OR IGNORE INTO goals (key, text, utc, utc_offset, day) VALUES (?, ?, ?, ?, ?)",
                 (key, text, *at))


def _goal_retired(conn: sqlite3.Connection, args: tuple[Any, ...], at: Stamp) -> None:
    conn.execute("UPDATE goals SET retired_utc = ?, retired_offset = ? WHERE key = ? "
                 "AND retired_utc IS NULL", (at[0], at[1], args[0]))


def _goal_rating(conn: sqlite3.Connection, args: tuple[Any, ...], at: Stamp) -> None:
    conn.execute("INSERT INTO goal_ratings (goal_key, score, utc, utc_offset, day) VALUES (?, ?, ?, ?, ?)",
                 (*args, *at))


def _peg(conn: sqlite3.Connection, args: tuple[Any, ...], at: Stamp) -> None:
    conn.execute("INSERT INTO peg_answers (pain, enjoyment, activity, utc, utc_offset, day) "
                 "VALUES (?, ?, ?, ?, ?, ?)", (*args, *at))


def _impression(conn: sqlite3.Connection, args: tuple[Any, ...], at: Stamp) -> None:
    conn.execute("INSERT INTO impressions (code, utc, utc_offset, day) VALUES (?, ?, ?, ?)", (*args, *at))


def _measure_skip(conn: sqlite3.Connection, args: tuple[Any, ...], at: Stamp) -> None:
    conn.execute("INSERT INTO measure_skips (what, utc, utc_offset, day) VALUES (?, ?, ?, ?)", (*args, *at))


#: The outcome measures' rows (tui/services/store/measures.py), by kind.
MEASURES: dict[str, Callable[[sqlite3.Connection, tuple[Any, ...], Stamp], None]] = {
    "goal": _goal, "goal_retired": _goal_retired, "goal_rating": _goal_rating, "peg": _peg,
    "impression": _impression, "measure_skip": _measure_skip,
}


def _inserted(cur: sqlite3.Cursor) -> int:
    """The row id an INSERT just made (sqlite3 leaves ``lastrowid`` None only for others)."""
    assert cur.lastrowid is not None
    return cur.lastrowid


def stamp(moment: datetime) -> Stamp:
    """The stored form of an aware local time (a naive one is taken as system local time);
    the UTC text is always UTC_FORMAT with a four-digit year."""
    if moment.tzinfo is None:
        moment = moment.astimezone()
    offset = moment.utcoffset() or timedelta(0)
    # isoformat, not strftime: strftime writes year 999 as "999", which cannot be read back.
    utc = moment.astimezone(timezone.utc).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
    return utc, int(offset.total_seconds()), moment.date().isoformat()


def apply(conn: sqlite3.Connection, op: Op, aliases: dict[int, int],
          real: Callable[[int | None], int | None]) -> None:
    """Write one waiting row. A new session's row id goes into `aliases` under its stand-in
    id; `real` maps a session id (stand-in or not) to its row id."""
    kind, args, (utc, offset, day) = op
    if kind == "session":
        provisional, key, name, steps, pid, token = args
        cur = conn.execute(
            "INSERT INTO sessions (routine_key, routine_name, steps, utc, utc_offset, day, "
            "owner_pid, owner_token) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (key, name, steps, utc, offset, day, pid, token))
        aliases[provisional] = _inserted(cur)
    elif kind == "step":
        sid, s = args
        conn.execute(
            "INSERT INTO steps (session_id, utc, utc_offset, idx, exercise, side, set_no, "
            "round_no, planned_seconds, actual_seconds, unit, planned_count, actual_count, "
            "outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (real(sid), utc, offset, s.index, s.exercise, s.side, s.set_no,
             s.round_no, s.planned_seconds, s.actual_seconds, s.unit, s.planned_count,
             s.actual_count, s.outcome))
    elif kind == "end":
        sid, outcome = args
        conn.execute("UPDATE sessions SET outcome = ?, ended_utc = ?, ended_offset = ? "
                     "WHERE id = ? AND outcome IS NULL",
                     (outcome, utc, offset, real(sid)))
    elif kind == "reopen":
        sid, pid, token = args
        conn.execute("UPDATE sessions SET outcome = NULL, ended_utc = NULL, ended_offset = NULL, "
                     "owner_pid = ?, owner_token = ? WHERE id = ? AND outcome = 'interrupted'",
                     (pid, token, real(sid)))
    elif kind == "checkin":
        # A spill file from before the leg score holds three arguments.
        score, moment, sid, *leg = args
        conn.execute("INSERT INTO checkins (utc, utc_offset, day, score, moment, session_id, leg) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)",
                     (utc, offset, day, score, moment, real(sid), leg[0] if leg else None))
    elif kind == "easier":
        key, names = args
        conn.execute("INSERT OR REPLACE INTO easier (routine_key, names, utc, utc_offset) "
                     "VALUES (?, ?, ?, ?)", (key, json.dumps(names), utc, offset))
    elif kind == "answer":
        answer, sid = args
        conn.execute("INSERT INTO answers (session_id, answer, utc, utc_offset, day) VALUES (?, ?, ?, ?, ?)",
                     (real(sid), answer, utc, offset, day))
    elif kind == "doses":
        key, sid, doses = args
        conn.executemany(
            "INSERT INTO doses (routine_key, exercise, reps, sets, hold_seconds, why, session_id, "
            "utc, utc_offset, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(key, name, reps, sets, hold, why, real(sid), utc, offset, day)
             for name, reps, sets, hold, why in doses])
    elif kind == "application":
        provisional, what, planned, rest, episode = args
        cur = conn.execute(
            "INSERT INTO applications (kind, utc, utc_offset, day, planned_seconds, "
            "rest_seconds, episode_utc) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (what, utc, offset, day, planned, rest, episode))
        aliases[provisional] = _inserted(cur)
    elif kind == "application_end":
        aid, outcome, reason = args
        conn.execute("UPDATE applications SET outcome = ?, reason = ?, ended_utc = ?, "
                     "ended_offset = ? WHERE id = ? AND outcome IS NULL",
                     (outcome, reason, utc, offset, real(aid)))
    elif kind == "break":
        what, how, seconds = args
        conn.execute("INSERT INTO breaks (utc, utc_offset, day, what, how, seconds) "
                     "VALUES (?, ?, ?, ?, ?, ?)", (utc, offset, day, what, how, seconds))
    elif kind == "reminder":
        conn.execute("INSERT INTO reminders (utc, utc_offset, day, kind, routine_key, what, how) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)", (utc, offset, day, *args))
    elif kind == "red_flags":
        conn.execute("INSERT INTO red_flags (utc, utc_offset, day, trigger, answers, outcome, choice) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)", (utc, offset, day, *args))
    elif kind == "precaution":
        conn.execute("INSERT INTO precautions (utc, utc_offset, day, kind, episode_utc, answer, choice) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)", (utc, offset, day, *args))
    elif kind == "exercise_answer":
        sid, exercise, answer = args
        conn.execute("INSERT INTO exercise_answers (session_id, exercise, answer, utc, utc_offset, day) "
                     "VALUES (?, ?, ?, ?, ?, ?)", (real(sid), exercise, answer, utc, offset, day))
    elif kind in MEASURES:
        MEASURES[kind](conn, args, (utc, offset, day))
    elif kind == "meta":
        key, value = args
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

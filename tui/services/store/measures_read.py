"""Reading the outcome measures from history.db: goals with their ratings, PEG answers,
global impressions, the days each was last answered, and their export rows; plus the
overlay of rows still waiting in memory (tui.services.store.measures writes them).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from tui.engine.frozen import frozen
from tui.engine.measures import impression as gic
from tui.engine.measures import peg
from tui.engine.measures.goals import Goal, Rating
from tui.services.store.queries import iso, local, within
from tui.services.store.writes import Op

MEASURE_KINDS = ("goal", "goal_retired", "goal_rating", "peg", "impression", "measure_skip")



@frozen
class PegRow:
    """One PEG answered: its local day and moment, and the three answers, 0..10."""

    day: date
    at: datetime
    pain: int
    enjoyment: int
    activity: int

    @property
    def score(self) -> float:
        """The PEG score: the mean of the three answers, 0..10 (Krebs et al. 2009)."""
        return peg.score(self.pain, self.enjoyment, self.activity)


@frozen
class ImpressionRow:
    """One global impression of change: its local day and moment, its code 1..7."""

    day: date
    at: datetime
    code: int

    @property
    def words(self) -> str:
        """"very much better" .. "very much worse"."""
        return gic.words(self.code)


@frozen
class MeasuresLast:
    """The local days the due rules need (tui.engine.measures.due); None: never."""

    goals: int
    """Current (not retired) goals."""
    goals_day: date | None
    """The latest goal set, goal rating or goals skip."""
    peg_day: date | None
    """The latest PEG answered or skipped."""
    impression_day: date | None
    """The latest global impression given or skipped."""
    start: date | None
    """The first day with a routine or a check-in: what the impression compares with."""


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def goal_rows(conn: sqlite3.Connection) -> list[Goal]:
    """Every goal with its ratings, from the file (see MeasuresJournal.goals)."""
    ratings: dict[str, list[Rating]] = {}
    for key, score, day in conn.execute(
            "SELECT goal_key, score, day FROM goal_ratings ORDER BY goal_key, utc, id"):
        when = _day(day)
        if when is not None:
            ratings.setdefault(key, []).append(Rating(when, score))
    out = []
    for key, text, day, retired_utc, retired_offset in conn.execute(
            "SELECT key, text, day, retired_utc, retired_offset FROM goals ORDER BY utc, id"):
        set_on = _day(day)
        if set_on is None:
            continue
        retired = local(retired_utc, retired_offset) if retired_utc else None
        out.append(Goal(key, text, set_on, retired.date() if retired else None,
                        tuple(ratings.get(key, ()))))
    return out


def current_goals_ends(conn: sqlite3.Connection) -> tuple[Goal, ...]:
    """The current goals, each with its first and latest rating only (what the change and
    the mean need): two probes of the (goal_key, utc) index a goal, so the history screen's
    cost does not grow with the years of weekly ratings kept."""
    out = []
    for key, text, day in conn.execute(
            "SELECT key, text, day FROM goals WHERE retired_utc IS NULL ORDER BY utc, id"):
        set_on = _day(day)
        if set_on is None:
            continue
        first, last = (conn.execute(f"SELECT id, score, day FROM goal_ratings WHERE goal_key = ? "
                                    f"ORDER BY utc {order}, id {order} LIMIT 1", (key,)).fetchone()
                       for order in ("ASC", "DESC"))
        rows = () if first is None else (first,) if first[0] == last[0] else (first, last)
        ends = tuple(Rating(when, score) for _, score, day in rows if (when := _day(day)) is not None)
        out.append(Goal(key, text, set_on, None, ends))
    return tuple(out)


def overlay_goals(goals: list[Goal], waiting: Iterable[Op]) -> list[Goal]:
    """`goals` with the waiting goal rows applied in order."""
    by_key = {g.key: g for g in goals}
    for kind, args, (_, _, day) in waiting:
        when = _day(day)
        if when is None:
            continue
        if kind == "goal" and args[0] not in by_key:
            by_key[args[0]] = Goal(args[0], args[1], when)
        elif kind == "goal_retired" and args[0] in by_key and by_key[args[0]].retired_on is None:
            g = by_key[args[0]]
            by_key[args[0]] = Goal(g.key, g.text, g.set_on, when, g.ratings)
        elif kind == "goal_rating" and args[0] in by_key:
            g = by_key[args[0]]
            by_key[args[0]] = Goal(g.key, g.text, g.set_on, g.retired_on, (*g.ratings, Rating(when, args[1])))
    return list(by_key.values())


def peg_rows(conn: sqlite3.Connection, since: date | None = None) -> list[PegRow]:
    out = []
    for day, utc, offset, pain, enjoyment, activity in conn.execute(
            "SELECT day, utc, utc_offset, pain, enjoyment, activity FROM peg_answers "
            "WHERE day >= ? ORDER BY utc, id", ((since or date.min).isoformat(),)):
        at, when = local(utc, offset), _day(day)
        if at is not None and when is not None:
            out.append(PegRow(when, at, pain, enjoyment, activity))
    return out


def latest_pegs(conn: sqlite3.Connection) -> tuple[PegRow, ...]:
    """The first and the latest PEG (one when only one was answered; none when none), from
    the index on time: the history screen's cost does not grow with the years kept."""
    out: list[PegRow] = []
    for order in ("ASC", "DESC"):
        row = conn.execute("SELECT day, utc, utc_offset, pain, enjoyment, activity, id FROM peg_answers "
                           f"ORDER BY utc {order}, id {order} LIMIT 1").fetchone()
        if row is None:
            return ()
        at, when = local(row[1], row[2]), _day(row[0])
        if at is not None and when is not None and (not out or out[0].at != at):
            out.append(PegRow(when, at, row[3], row[4], row[5]))
    return tuple(out)


def impression_rows(conn: sqlite3.Connection, since: date | None = None) -> list[ImpressionRow]:
    out = []
    for day, utc, offset, code in conn.execute(
            "SELECT day, utc, utc_offset, code FROM impressions WHERE day >= ? ORDER BY utc, id",
            ((since or date.min).isoformat(),)):
        at, when = local(utc, offset), _day(day)
        if at is not None and when is not None:
            out.append(ImpressionRow(when, at, code))
    return out


def last_days(conn: sqlite3.Connection) -> MeasuresLast:
    """The due rules' days from the file alone (goals counted by the caller)."""
    def one(sql: str) -> date | None:
        row = conn.execute(sql).fetchone()
        return _day(row[0]) if row else None

    goals_day = max((d for d in (
        one("SELECT max(day) FROM goals"), one("SELECT max(day) FROM goal_ratings"),
        one("SELECT max(day) FROM measure_skips WHERE what = 'goals'")) if d is not None), default=None)
    peg_day = max((d for d in (one("SELECT max(day) FROM peg_answers"),
                               one("SELECT max(day) FROM measure_skips WHERE what = 'peg'"))
                   if d is not None), default=None)
    impression_day = max((d for d in (one("SELECT max(day) FROM impressions"),
                                      one("SELECT max(day) FROM measure_skips WHERE what = 'impression'"))
                          if d is not None), default=None)
    start = min((d for d in (one("SELECT min(day) FROM sessions"), one("SELECT min(day) FROM checkins"))
                 if d is not None), default=None)
    return MeasuresLast(0, goals_day, peg_day, impression_day, start)


def overlay_last(last: MeasuresLast, waiting: Iterable[Op], goals: int) -> MeasuresLast:
    """`last` with the waiting rows' days, and the count of current goals."""
    days: dict[str, date | None] = {"goals": last.goals_day, "peg": last.peg_day,
                                    "impression": last.impression_day}
    which = {"goal": "goals", "goal_rating": "goals", "peg": "peg", "impression": "impression"}
    for kind, args, (_, _, day) in waiting:
        what = args[0] if kind == "measure_skip" else which.get(kind)
        when = _day(day)
        if what in days and when is not None:
            days[what] = max(d for d in (days[what], when) if d is not None)
    return MeasuresLast(goals, days["goals"], days["peg"], days["impression"], last.start)


def export_rows(conn: sqlite3.Connection,
                span: tuple[str, str] | None = None) -> list[tuple[str, int, int, dict[str, Any]]]:
    """The measures' rows in the export's sort form (utc, kind order, id, row).

    goal: `goal` (its key), `text`, `retired` (when, or None); goal_rating: `goal`, `score`;
    peg: `pain`, `enjoyment`, `activity` (0..10) and `score` (their mean); impression:
    `code` (1..7) and `answer` ("very much better" .. "very much worse"); measure_skip:
    `what` ("goals", "peg" or "impression"). span: only rows stored on those local days
    (queries.rows); None: all."""
    where, args = within(span)
    out: list[tuple[str, int, int, dict[str, Any]]] = []
    for r in conn.execute("SELECT id, key, text, utc, utc_offset, retired_utc, retired_offset FROM goals" + where,
                          args):
        out.append((r[3], 9, r[0], {"kind": "goal", "at": iso(r[3], r[4]), "id": r[0], "goal": r[1],
                                    "text": r[2], "retired": iso(r[5], r[6])}))
    for r in conn.execute("SELECT id, goal_key, score, utc, utc_offset FROM goal_ratings" + where, args):
        out.append((r[3], 10, r[0], {"kind": "goal_rating", "at": iso(r[3], r[4]), "id": r[0],
                                     "goal": r[1], "score": r[2]}))
    for r in conn.execute("SELECT id, pain, enjoyment, activity, utc, utc_offset FROM peg_answers" + where,
                          args):
        out.append((r[4], 11, r[0], {"kind": "peg", "at": iso(r[4], r[5]), "id": r[0], "pain": r[1],
                                     "enjoyment": r[2], "activity": r[3],
                                     "score": round(peg.score(r[1], r[2], r[3]), 2)}))
    for r in conn.execute("SELECT id, code, utc, utc_offset FROM impressions" + where, args):
        out.append((r[2], 12, r[0], {"kind": "impression", "at": iso(r[2], r[3]), "id": r[0],
                                     "code": r[1], "answer": gic.words(r[1])}))
    for r in conn.execute("SELECT id, what, utc, utc_offset FROM measure_skips" + where, args):
        out.append((r[2], 13, r[0], {"kind": "measure_skip", "at": iso(r[2], r[3]), "id": r[0],
                                     "what": r[1]}))
    return out

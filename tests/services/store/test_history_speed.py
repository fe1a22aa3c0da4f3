"""The history screen's figures cost the same with ten years kept as with one week."""

from __future__ import annotations

import random
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from tui.engine.care.pain import streak as walked_streak
from tui.services.store import open_store
from tui.services.store.queries import COUNTED, streak

from .walls import Wall, step

TODAY = date(2026, 3, 10)


@pytest.mark.parametrize("seed", range(40))
def test_the_bisected_streak_is_the_walked_one(seed: int) -> None:
    rng = random.Random(seed)
    span = rng.choice([0, 1, 3, 30, 400])
    days = {TODAY - timedelta(days=rng.randrange(span + 1)) for _ in range(rng.randrange(span + 2))}
    if rng.random() < 0.5:  # long unbroken runs, with or without today
        days |= {TODAY - timedelta(days=n + rng.randrange(2)) for n in range(rng.randrange(60))}
    newest_first = sorted((d.isoformat() for d in days), reverse=True)
    assert streak(newest_first, TODAY) == walked_streak(days, TODAY)


def test_history_reads_sessions_through_indexes_only(db: Path, wall: Wall) -> None:
    """No query of the history screen scans the sessions table row by row: every pass over
    all sessions reads a covering index (a table scan of ten years cost ~30 ms)."""
    store = open_store(db, wall=wall)
    sid = store.begin_session("core", "Core basics", 1)
    store.record_step(sid, step(0))
    store.end_session(sid, "finished")
    store.close()
    conn = sqlite3.connect(db)
    plans = []
    for sql in (f"SELECT DISTINCT day FROM ({COUNTED}) WHERE day <= '2026-03-10' ORDER BY day DESC",
                f"SELECT routine_key, count(*), max(day), (SELECT routine_name FROM sessions x "
                f"WHERE x.routine_key = c.routine_key ORDER BY x.utc DESC LIMIT 1) "
                f"FROM ({COUNTED}) c GROUP BY routine_key ORDER BY max(day) DESC, routine_key"):
        plans += [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql)]
    conn.close()
    reads = [p for p in plans if p.startswith(("SCAN", "SEARCH"))]
    assert reads and all("INDEX" in p for p in reads), plans
    assert not any(p.startswith("SCAN") and "COVERING INDEX" not in p for p in plans), plans


def test_the_streak_and_calendar_of_a_long_history(db: Path, wall: Wall) -> None:
    store = open_store(db, wall=wall)
    start = wall.now - timedelta(days=399)
    for n in range(400):
        if n == 100:
            continue  # one day missed, 300 days ago
        wall.now = start + timedelta(days=n)
        sid = store.begin_session("core", "Core basics", 1)
        store.end_session(sid, "finished" if n % 7 else "left")  # left without a done step: not counted
    wall.now = start + timedelta(days=400)  # the next day, nothing yet
    data = store.history()
    store.close()
    counted = [n for n in range(400) if n != 100 and n % 7]
    # The run ends yesterday and goes back to the last day without a counted routine.
    last_gap = max(n for n in range(400) if n not in counted)
    assert data.streak == 399 - last_gap
    assert [c for _, c in data.calendar] == [1 if n in counted else 0 for n in range(373, 400)] + [0]
    assert data.per_routine == (("Core basics", len(counted), (start + timedelta(days=max(counted))).date()),)


def test_the_dose_window_reads_the_weeks_shown_and_the_dose_they_began_with(db: Path, wall: Wall) -> None:
    from tui.engine.progress.dose_history import by_week
    from tui.engine.progress.progression import Level

    store = open_store(db, wall=wall)
    start = wall.now
    for week in range(30):  # a dose step a week for two exercises; a third set once, long ago
        wall.now = start + timedelta(weeks=week)
        sid = store.begin_session("core", "Core basics", 2)
        doses = [("Bridge", Level(reps=5 + week), "up"), ("Hold", Level(hold=5.0 + week), "up")]
        if week == 0:
            doses.append(("Plank", Level(hold=10.0), "start"))
        store.set_doses("core", sid, doses)
    today = wall.now.date()
    mondays = [today - timedelta(days=today.weekday(), weeks=7 - w) for w in range(8)]
    every = store.dose_rows()
    window = store.dose_rows(mondays[0], carry=True)
    store.close()
    assert len(window) < len(every) // 2
    # The carried rows are the latest of each exercise before the window; nothing else is older.
    older = [r for r in window if r.day < mondays[0]]
    assert sorted(r.exercise for r in older) == ["Bridge", "Hold", "Plank"]
    assert [r.day for r in window] == sorted(r.day for r in window)

    def weekly(rows):
        return by_week([(r.day, r.routine_key, r.exercise, r.level) for r in rows], mondays)

    assert weekly(window) == weekly(every)

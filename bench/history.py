"""The history screen with ten years of data, against the same screen on an empty database.

Ten years of three routines a day (each with its steps, a check-in before and after one of
them) are written through the store's own API with a moving wall clock, then the screen is
opened headless at 80x24 (Pilot) several times on each database. The figure is the median
time from pushing the screen until the app is idle with it shown; the budget is 200 ms.
Breaks (twenty a day) join when the store records them.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable

#: Work steps recorded per routine: about what the shipped routines have.
STEPS = 8


def bench_history(years: float = 10, runs: int = 5,
                  opener: Callable[..., Any] | None = None) -> dict[str, Any]:
    """Figures in ms: `full_ms`, `empty_ms` (median screen open), `ratio`, `history_ms` (the query)."""
    if opener is None:
        try:
            from tui.store import open_store as opener
        except ImportError:
            return {"skipped": "no history store in this build"}
    with tempfile.TemporaryDirectory(prefix="lumbar-bench-history-") as tmp:
        wall = Wall(datetime(2016, 12, 1, 7, 0, tzinfo=timezone(timedelta(hours=1))))
        empty = opener(Path(tmp) / "empty.db", wall=wall)
        full = opener(Path(tmp) / "full.db", wall=wall)
        started = time.perf_counter()
        days = fill(full, wall, round(365 * years))
        fill_s = time.perf_counter() - started
        try:
            full_ms = asyncio.run(open_screen(full, runs))
            empty_ms = asyncio.run(open_screen(empty, runs))
            queries = []
            for _ in range(runs):
                t = time.perf_counter()
                full.history()
                queries.append((time.perf_counter() - t) * 1000)
        finally:
            full.close()
            empty.close()
    return {"days": days, "sessions": days * 3, "fill_s": fill_s, "full_ms": full_ms,
            "empty_ms": empty_ms, "ratio": full_ms / empty_ms if empty_ms else None,
            "history_ms": statistics.median(queries)}


class Wall:
    """The store's wall clock, moved by hand while filling."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def fill(store: Any, wall: Wall, days: int) -> int:
    from tui.recorder import StepRecord

    start = wall.now
    for day in range(days):
        for n, hour in enumerate((7, 13, 19)):
            wall.now = start + timedelta(days=day, hours=hour - 7)
            sid = store.begin_session("core-basics", "Core basics", STEPS * 2)
            if n == 0:
                store.add_checkin(5 - day % 3, "before", sid)
            for i in range(STEPS):
                store.record_step(sid, StepRecord(
                    index=2 * i + 1, exercise=f"Move {i}", side=None, set_no=1, round_no=1,
                    planned_seconds=30.0, actual_seconds=30.0, unit="seconds", planned_count=None,
                    actual_count=None, outcome="done"))
            store.end_session(sid, "finished")
            if n == 0:
                store.add_checkin(4 - day % 3, "after", sid)
    wall.now = start + timedelta(days=days, hours=1)
    return days


async def open_screen(store: Any, runs: int) -> float:
    """Median ms from pushing the history screen until the app is idle with it shown."""
    from tui.app import LumbarApp
    from tui.commands import load_catalog
    from tui.screens.history import HistoryScreen

    app = LumbarApp(load_catalog([]).routines, store=store, heartbeat=None, checkins=False)
    times = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(runs):
            t = time.perf_counter()
            app.push_screen(HistoryScreen(store))
            await pilot.pause()
            times.append((time.perf_counter() - t) * 1000)
            assert isinstance(app.screen, HistoryScreen)
            app.pop_screen()
            await pilot.pause()
    return statistics.median(times)

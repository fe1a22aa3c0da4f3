"""`lumbar report` on ten years of data, against the same report on an empty database.

The ten years are the history screen's (bench/history.py: three routines a day with their
steps, check-ins, twenty desk breaks a day), written through the store's own API. Each
round runs the command's own code in this process on each database in turn: open the
store, read the routines, read the period, build and write the report to a file, as
`lumbar report --out FILE` does (interpreter start-up left out: it is the same for both).
Two periods are timed: the default two weeks, which is the budget (under 1 s), and the
whole ten years as a figure, to see that the cost follows the period, not the years kept.
"""

from __future__ import annotations

import contextlib
import io
import statistics
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any


def bench_report(years: float = 10, runs: int = 7) -> dict[str, Any]:
    """Figures in ms: `full_ms`, `empty_ms` (median of `runs` reports of the default two
    weeks), `ratio` (median of the per-round ratios), `all_ms` (the whole history, one
    report per round), `html_ms` (the default period as HTML)."""
    try:
        from tui.services.store import open_store
        from tui.cli.report.main import run
    except ImportError:
        return {"skipped": "no report in this build"}
    from .history import Wall, fill

    with tempfile.TemporaryDirectory(prefix="lumbar-bench-report-") as tmp:
        folder = Path(tmp)
        wall = Wall(datetime(2016, 12, 1, 7, 0, tzinfo=timezone(timedelta(hours=1))))
        paths = {"full": folder / "full.db", "empty": folder / "empty.db"}
        open_store(paths["empty"], wall=wall).close()
        started = time.perf_counter()
        store = open_store(paths["full"], wall=wall)
        days = fill(store, wall, round(365 * years))
        store.close()
        fill_s = time.perf_counter() - started
        today = wall.now.date()
        first = today - timedelta(days=days)

        def once(name: str, since: str = "2w", fmt: str = "markdown") -> float:
            out = folder / f"report-{name}.{fmt}"
            t = time.perf_counter()
            with contextlib.redirect_stdout(io.StringIO()):
                status = run(since, out, [], store=open_store(paths[name], wall=wall), today=today, fmt=fmt)
            took = (time.perf_counter() - t) * 1000
            if status != 0:
                raise RuntimeError(f"lumbar report exited {status} on the {name} database")
            return took

        once("full"), once("empty")  # warm the routine cache and the page cache
        times: dict[str, list[float]] = {"full": [], "empty": []}
        whole: list[float] = []
        html: list[float] = []
        for _ in range(runs):
            for name in times:
                times[name].append(once(name))
            whole.append(once("full", first.isoformat()))
            html.append(once("full", fmt="html"))
        sessions = (folder / "report-full.markdown").read_text(encoding="utf-8").count("| Core basics |")
    return {"days": days, "sessions": days * 3, "fill_s": fill_s,
            "full_ms": statistics.median(times["full"]), "empty_ms": statistics.median(times["empty"]),
            "ratio": statistics.median(f / e for f, e in zip(times["full"], times["empty"])),
            "all_ms": statistics.median(whole), "html_ms": statistics.median(html),
            "all_sessions_logged": sessions,
            "runs_ms": {k: [round(v, 1) for v in t] for k, t in times.items()}}


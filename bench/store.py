"""The cost of one step write in the history store: what a routine pays at a step boundary.

A fresh history.db in a temporary folder, one open session, then `writes` calls of
`Store.record_step`, each its own short transaction (WAL, synchronous=NORMAL), timed one by
one with perf_counter. Figures in milliseconds; the p99 shows the occasional WAL checkpoint.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from tui.services.store import StepRecord, open_store


def bench_store(writes: int = 2000) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="lumbar-bench-store-") as folder:
        store = open_store(Path(folder) / "history.db")
        sid = store.begin_session("bench", "Bench", writes)
        times = []
        for n in range(writes):
            step = StepRecord(n, "Glute bridge", "left" if n % 2 else None, 1, 1, 30.0, 30.2,
                              "reps", 5, 5, "done")
            start = time.perf_counter()
            store.record_step(sid, step)
            times.append((time.perf_counter() - start) * 1000)
        store.end_session(sid, "finished")
        warning = store.warning
        store.close()
    times.sort()
    return {"writes": writes, "p50_ms": statistics.median(times),
            "p99_ms": times[min(len(times) - 1, int(len(times) * 0.99))], "max_ms": times[-1],
            "warning": warning}

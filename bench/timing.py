"""Timer accuracy: how late lumbar notices that a step has ended, from its own event trace.

With LUMBAR_TRACE the app writes one JSON line per engine event: `at` is the exact moment
the event belongs to (a deadline), `seen` the clock when the app handled it. A step's end
error is seen - at of the StepStarted (index > 0) or SessionFinished that ends it.

LUMBAR_TIME_SCALE=N runs the app's clock N times faster by dividing the heartbeat's real
delays by N, so a 20-minute routine takes a real minute. Real lateness is multiplied by N
on that clock, so every error is reported twice: in clock ms (as the trace has it) and in
real ms (clock ms / N), which is what the timer actually achieved and what budgets use.
"""

from __future__ import annotations

import asyncio
import json
import os
import tempfile
import threading
import time
from pathlib import Path

from .targets import LUMBAR_ENV, Target, lumbar, sessions
from .tmux import Server
from .usage import Usage, Window, start, watch

#: Planned clock length of each bench routine, seconds (checked against the trace).
LENGTHS = {"bench-2min": 120.0, "bench-20min": 1200.0, "bench-8h": 28800.0}


def run(server: Server, routine: str, scale: float, window: Window | None = None,
        label: str = "") -> tuple[dict[str, object], Usage | None]:
    """Run ``routine`` to its end at ``scale``; with ``window``, measure CPU/RSS on the way."""
    fd, trace = tempfile.mkstemp(prefix="trace-", suffix=".jsonl")
    os.close(fd)
    env = {**LUMBAR_ENV, "LUMBAR_TRACE": trace, "BENCH_TICKS": ""}
    if scale != 1:
        env["LUMBAR_TIME_SCALE"] = f"{scale:g}"
    target = Target(label or routine, lumbar(*sessions("run", routine), counted=True),
                    "exercise ", env)
    pane, ticks = start(server, target)
    usage = None
    try:
        if window is not None:
            usage = watch(pane, ticks, window, target.label)
        deadline = pane.started + LENGTHS[routine] / scale + 30
        while not _finished(trace):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{routine} at x{scale:g} did not finish:\n{pane.screen()}")
            time.sleep(0.1)
    finally:
        pane.close()
        if ticks:
            os.unlink(ticks)
    events = [json.loads(line) for line in Path(trace).read_text().splitlines() if line.strip()]
    os.unlink(trace)
    return errors(events, scale, routine), usage


def _finished(trace: str) -> bool:
    return '"SessionFinished"' in Path(trace).read_text()


def errors(events: list[dict], scale: float, routine: str) -> dict[str, object]:
    """End errors of every step in a trace, in clock and real milliseconds."""
    ends = [e for e in events
            if e["type"] == "SessionFinished" or (e["type"] == "StepStarted" and e.get("index", 0) > 0)]
    if not ends or ends[-1]["type"] != "SessionFinished":
        raise ValueError(f"trace of {routine} has no SessionFinished")
    clock_ms = [(e["seen"] - e["at"]) * 1000 for e in ends]
    counts = [(e["seen"] - e["at"]) * 1000 for e in events if e["type"] == "Countdown"]
    span = ends[-1]["at"] - events[0]["at"]
    return {
        "routine": routine,
        "scale": scale,
        "clock_length_s": round(span, 3),
        "real_length_s": round(span / scale, 3),
        "steps_ended": len(ends),
        "end_error_clock_ms": clock_ms[-1],
        "end_error_real_ms": clock_ms[-1] / scale,
        "max_abs_clock_ms": max(map(abs, clock_ms)),
        "max_abs_real_ms": max(map(abs, clock_ms)) / scale,
        "mean_clock_ms": sum(clock_ms) / len(clock_ms),
        "countdown_max_real_ms": max(map(abs, counts)) / scale if counts else None,
    }


class SleepLoop(threading.Thread):
    """The naive reference: `await asyncio.sleep(1)` N times, and how far past N s it ends.

    It runs in a thread of the bench while lumbar's real hold runs in tmux, so both see the
    same machine over the same minutes, at no extra wall time.
    """

    def __init__(self, seconds: int) -> None:
        super().__init__(daemon=True)
        self.seconds = seconds
        self.drift_ms: float | None = None

    def run(self) -> None:
        async def loop() -> float:
            start = time.monotonic()
            for _ in range(self.seconds):
                await asyncio.sleep(1)
            return (time.monotonic() - start - self.seconds) * 1000

        self.drift_ms = asyncio.run(loop())

"""Doors onto a headless scheduler: what a door costs while waiting, and how fast it is heard.

- Door waiting CPU: `python -m tui.cli.headless.main` schedules (working hours all day), then
  `lumbar breaks` opens as a door onto it (it follows, never schedules) beside the bare
  idle Textual app, both at once in tmux over one window (bench/breaks.py's waiting_pair).
  Budget as for the App that schedules: at most bare idle + 0.05 points.
- Answers: 20 requests from a door (pause and resume in turn, each a real change of the
  schedule, written to the store) on the scheduler's socket; the time from sending one to
  its answer, which comes after the scheduler has carried it out. Budget: p95 <= 1 s.
"""

from __future__ import annotations

import asyncio
import os
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from .breaks import breaks_env, waiting_pair
from .targets import BARE_MARKER, HOME_MARKER, ROOT, Target, bare, lumbar
from .tmux import Server

ANSWERS = 20


def _headless() -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    env.update(breaks_env())
    proc = subprocess.Popen([sys.executable, "-m", "tui.cli.headless.main"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    first = proc.stdout.readline()
    if "scheduling" not in first:
        proc.kill()
        raise RuntimeError(f"the headless scheduler did not start: {first!r}")
    return proc


def _socket() -> Path:
    from tui.services.breaks.door import socket_path
    from tui.services.breaks.lock import NAME

    return socket_path(Path(breaks_env()["LUMBAR_DATA_DIR"]) / NAME)


async def _answers(path: Path, count: int) -> list[float]:
    from tui.services.breaks.door import DoorClient

    door = DoorClient(path, lambda: None)
    for _ in range(100):  # the socket comes up just after the first line
        if await door.connect():
            break
        await asyncio.sleep(0.05)
    times: list[float] = []
    try:
        for i in range(count):
            started = time.perf_counter()
            answer = await door.request("pause" if i % 2 == 0 else "resume")
            times.append((time.perf_counter() - started) * 1000)
            if not answer.get("ok"):
                raise RuntimeError(f"the scheduler refused: {answer}")
    finally:
        door.close()
    return times


def bench_doors(server: Server, seconds: float, warmup: float, rss_every: float) -> dict[str, Any]:
    """{"waiting": the door and the bare app's CPU and RSS, "answers": milliseconds}."""
    proc = _headless()
    try:
        times = asyncio.run(_answers(_socket(), ANSWERS))
        times.sort()
        answers = {"count": len(times), "median_ms": statistics.median(times),
                   "p95_ms": times[max(0, round(0.95 * len(times)) - 1)], "max_ms": times[-1]}
        targets = {"door": Target("lumbar breaks as a door onto the headless scheduler",
                                  lumbar("breaks", counted=True), HOME_MARKER,
                                  {**breaks_env(), "BENCH_TICKS": ""}),
                   "bare": Target("bare Textual app, idle", bare("idle"), BARE_MARKER,
                                  {"BENCH_TICKS": ""})}
        waiting = waiting_pair(server, targets, seconds, warmup, rss_every)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
    return {"waiting": waiting, "answers": answers}

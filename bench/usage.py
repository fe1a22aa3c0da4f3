"""CPU % of one core, RSS and frame rates of a program left running in tmux.

CPU is utime+stime from /proc/PID/stat at the start and end of the window (all threads),
divided by the window's wall time: the share of one core, as `top` shows it. RSS is the
median of VmRSS samples over the window. A warm-up after the first frame keeps start-up
work (imports, first layout) out of the window, since a program left open all day is
judged by its steady state.
"""

from __future__ import annotations

import os
import signal
import statistics
import tempfile
import time
from dataclasses import dataclass, field

from .probe import read_rate
from .targets import (BARE_MARKER, HOME_MARKER, LUMBAR_ENV, TERMDOWN, TERMDOWN_MARKER,
                      Target, bare, have_termdown, lumbar, sessions)
from .tmux import Pane, Server, alive, cpu_seconds, rss_mib


@dataclass
class Window:
    seconds: float = 60.0
    warmup: float = 3.0
    rss_every: float = 5.0
    visible: float = 3.0
    """Seconds of fast screen captures after the window, to count visible changes."""


@dataclass
class Usage:
    label: str
    cpu_pct: float
    rss_mib: float
    rss_max_mib: float
    ticks_per_s: float
    """Heartbeats (lumbar) or updates (bare app) per second; nan where not counted."""
    visible_per_s: float
    window_s: float
    extra: dict[str, object] = field(default_factory=dict)


def scenarios(hold_routine: str = "bench-hold") -> dict[str, dict[str, Target]]:
    """Each lumbar scenario with the references doing the same kind of thing."""
    count = {"BENCH_TICKS": ""}  # filled in per run
    out: dict[str, dict[str, Target]] = {
        "idle": {
            "lumbar": Target("lumbar home screen, idle", lumbar(counted=True), HOME_MARKER,
                             {**LUMBAR_ENV, **count}),
            "bare": Target("bare Textual app, idle", bare("idle"), BARE_MARKER, count),
        },
        "hold": {
            "lumbar": Target("lumbar hold countdown", lumbar(*sessions("run", hold_routine), counted=True),
                             "exercise 1 of 1", {**LUMBAR_ENV, **count}),
            "bare": Target("bare Textual app, 1 Hz Digits", bare("tick1hz"), BARE_MARKER, count),
        },
        "breath": {
            "lumbar": Target("lumbar breath pacer", lumbar(*sessions("run", "bench-breath"), counted=True),
                             "breath 1 of 50", {**LUMBAR_ENV, **count}),
            "bare": Target("bare Textual app, bar at 20 fps", bare("bar20"), BARE_MARKER, count),
        },
        # The workout's busiest screen: the phase digits, the rep counter's bar and the
        # figure moving at 20 fps (100x30, wide enough for the figure), held to the pacer's budget.
        "tempo": {
            "lumbar": Target("lumbar tempo step, figure moving", lumbar(*sessions("run", "bench-tempo"), counted=True),
                             "Bench tempo  ·  exercise 1 of 1", {**LUMBAR_ENV, **count}),
            "bare": Target("bare Textual app, bar at 20 fps", bare("bar20"), BARE_MARKER, count),
        },
    }
    if have_termdown():
        out["hold"]["termdown"] = Target("termdown 10m", [TERMDOWN, "10m"], TERMDOWN_MARKER)
    return out


def start(server: Server, target: Target) -> tuple[Pane, str | None]:
    """Spawn ``target``; returns its pane and its tick file (None when it does not count)."""
    env = dict(target.env)
    ticks = None
    if "BENCH_TICKS" in env:
        fd, ticks = tempfile.mkstemp(prefix="ticks-", suffix=".txt")
        os.close(fd)
        env["BENCH_TICKS"] = ticks
    pane = server.spawn(target.argv, env)
    pane.wait_for(target.marker)
    return pane, ticks


def watch(pane: Pane, ticks: str | None, window: Window, label: str) -> Usage:
    """Measure a program that is already running, over one window."""
    time.sleep(window.warmup)
    if ticks:
        os.kill(pane.pid, signal.SIGUSR1)
    cpu0, t0 = cpu_seconds(pane.pid), time.monotonic()
    rss = [rss_mib(pane.pid)]
    end = t0 + window.seconds
    while (left := end - time.monotonic()) > 0:
        time.sleep(min(window.rss_every, left))
        if not alive(pane.pid):
            raise RuntimeError(f"{label} exited during its window:\n{pane.screen()}")
        rss.append(rss_mib(pane.pid))
    cpu1, t1 = cpu_seconds(pane.pid), time.monotonic()
    if ticks:
        os.kill(pane.pid, signal.SIGUSR1)
        time.sleep(0.05)  # let the handler write before reading
    rate = read_rate(ticks) if ticks else float("nan")
    visible = pane.visible_rate(window.visible)
    return Usage(label, 100 * (cpu1 - cpu0) / (t1 - t0), statistics.median(rss), max(rss),
                 rate, visible, t1 - t0)


def measure(server: Server, target: Target, window: Window) -> Usage:
    pane, ticks = start(server, target)
    try:
        return watch(pane, ticks, window, target.label)
    finally:
        pane.close()
        if ticks:
            os.unlink(ticks)

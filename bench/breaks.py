"""Desk breaks: what waiting for a break costs, and how late each prompt comes.

- Waiting in the App: `lumbar breaks` (on duty, the countdown in the status line) and the
  bare idle Textual app, both running at once in tmux over the same window, so a busy
  moment of the machine lands on both. CPU is each process's time on a core from
  /proc/PID/task/*/schedstat, in nanoseconds: /proc/PID/stat counts 10 ms ticks, which
  over a 20 s window is 0.05 points a tick, as coarse as the budget itself.
- Headless CPU: `python -m tui.cli.headless.main` (the code behind `lumbar breaks --headless`) with
  working hours all day, so it is on duty and waiting for a break; utime+stime from /proc
  over the window after a warm-up, as bench/usage.py measures the app.
- Prompt lateness over a simulated working day (08:55-17:05, work 09:00-17:00, a break
  every 20 minutes, nobody answering, the laptop asleep 12:10-13:00). The headless
  scheduler runs in this process on a scaled clock: simulated seconds = real seconds x
  `scale`, and the suspend is a jump of the real clock that the monotonic one does not
  make, as a real suspend is. Its wake-ups are the real CLOCK_BOOTTIME timerfd
  (tui/services/realtimer.py), armed at the real moment each simulated deadline maps to, and armed
  again at the jump, as the kernel fires a timer whose moment passed in a suspend. The
  lateness of a prompt (or heads-up) is the simulated clock when the scheduler handled it
  minus its due moment, divided by `scale`: real milliseconds, what the timer achieved.
"""

from __future__ import annotations

import asyncio
import io
import os
import signal
import statistics
import subprocess
import sys
import time
from datetime import datetime, time as wall_time, timezone
from pathlib import Path
from typing import Any

from .targets import BARE_MARKER, HOME, HOME_MARKER, LUMBAR_ENV, ROOT, Target, bare, lumbar
from .probe import read_rate
from .tmux import Server, cpu_seconds, rss_mib

#: Working hours all day, every day: the scheduler is on duty whenever the bench runs.
ALWAYS = 'work_hours: "00:00-00:00"\nwork_days: [mon, tue, wed, thu, fri, sat, sun]\n'
#: Its own config dir, so the other parts keep the default settings.
BREAKS_ENV = {**LUMBAR_ENV, "LUMBAR_CONFIG_DIR": str(HOME / "breaks-config"),
              "LUMBAR_DATA_DIR": str(HOME / "breaks-data")}
DAY = datetime(2026, 11, 30, 8, 55, tzinfo=timezone.utc)
DAY_SECONDS = (8 * 60 + 10) * 60.0
SUSPEND = ((12 * 60 + 10 - (8 * 60 + 55)) * 60.0, 50 * 60.0)
"""(simulated seconds after the start, length): asleep 12:10-13:00."""


def breaks_env() -> dict[str, str]:
    config = Path(BREAKS_ENV["LUMBAR_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.yaml").write_text(ALWAYS, encoding="utf-8")
    return BREAKS_ENV


def waiting_targets() -> dict[str, Target] | None:
    """`lumbar breaks` (the routine list with the scheduler on, on duty, the countdown in
    the status line) and the bare idle app; None when this build has no `lumbar breaks`."""
    asked = subprocess.run(lumbar("breaks", "--help"), capture_output=True, timeout=60, check=False)
    if asked.returncode != 0:
        return None
    count = {"BENCH_TICKS": ""}
    return {"lumbar": Target("lumbar breaks, waiting for a break", lumbar("breaks", counted=True),
                             HOME_MARKER, {**breaks_env(), **count}),
            "bare": Target("bare Textual app, idle", bare("idle"), BARE_MARKER, count)}


def run_seconds(pid: int) -> float:
    """Time the process's threads have run on a core (seconds, nanosecond resolution);
    utime + stime (10 ms ticks) where schedstat cannot be read."""
    try:
        total = 0
        for task in Path(f"/proc/{pid}/task").iterdir():
            total += int((task / "schedstat").read_text().split()[0])
        return total / 1e9
    except (OSError, ValueError, IndexError):
        return cpu_seconds(pid)


def waiting_pair(server: Server, targets: dict[str, Target], seconds: float,
                 warmup: float = 3.0, rss_every: float = 5.0) -> dict[str, Any]:
    """Every target running at once over one window: CPU %, RSS and ticks of each."""
    from .usage import start

    panes = {role: start(server, target) for role, target in targets.items()}
    try:
        time.sleep(warmup)
        for pane, ticks in panes.values():
            if ticks:
                os.kill(pane.pid, signal.SIGUSR1)
        cpu0 = {role: run_seconds(pane.pid) for role, (pane, _) in panes.items()}
        t0 = time.monotonic()
        rss: dict[str, list[float]] = {role: [rss_mib(pane.pid)] for role, (pane, _) in panes.items()}
        while (left := t0 + seconds - time.monotonic()) > 0:
            time.sleep(min(rss_every, left))
            for role, (pane, _) in panes.items():
                rss[role].append(rss_mib(pane.pid))
        cpu1 = {role: run_seconds(pane.pid) for role, (pane, _) in panes.items()}
        t1 = time.monotonic()
        for pane, ticks in panes.values():
            if ticks:
                os.kill(pane.pid, signal.SIGUSR1)
        time.sleep(0.05)
        return {role: {"label": targets[role].label, "cpu_pct": 100 * (cpu1[role] - cpu0[role]) / (t1 - t0),
                       "rss_mib": statistics.median(rss[role]), "rss_max_mib": max(rss[role]),
                       "ticks_per_s": read_rate(ticks) if ticks else float("nan"),
                       "visible_per_s": float("nan"), "window_s": t1 - t0,
                       "extra": {"cpu": "schedstat, both at once"}}
                for role, (pane, ticks) in panes.items()}
    finally:
        for pane, ticks in panes.values():
            pane.close()
            if ticks:
                os.unlink(ticks)


def headless_cpu(seconds: float, warmup: float = 3.0) -> dict[str, Any]:
    """CPU % of one core of the headless scheduler waiting for its next break."""
    env = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    env.update(breaks_env())
    proc = subprocess.Popen([sys.executable, "-m", "tui.cli.headless.main"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        if "scheduling" not in first:
            raise RuntimeError(f"the headless scheduler did not start: {first!r}")
        time.sleep(warmup)
        cpu0, t0 = run_seconds(proc.pid), time.monotonic()
        rss = [rss_mib(proc.pid)]
        end = t0 + seconds
        while (left := end - time.monotonic()) > 0:
            time.sleep(min(5.0, left))
            rss.append(rss_mib(proc.pid))
        cpu1, t1 = run_seconds(proc.pid), time.monotonic()
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
    return {"label": "lumbar breaks --headless, waiting", "cpu_pct": 100 * (cpu1 - cpu0) / (t1 - t0),
            "rss_mib": statistics.median(rss), "window_s": t1 - t0, "exit_code": code}


class SimClock:
    """The real and monotonic clocks of the simulated day, `scale` times faster than ours."""

    def __init__(self, scale: float) -> None:
        from tui.services.clocks import boottime

        self.boottime = boottime
        self.scale = scale
        self.b0, self.m0 = boottime(), time.monotonic()
        self.slept = 0.0
        self.last = 0.0

    def real(self) -> float:
        self.last = (self.boottime() - self.b0) * self.scale + self.slept
        return self.last

    def mono(self) -> float:
        return (time.monotonic() - self.m0) * self.scale

    def boot_at(self, at: float) -> float:
        """The CLOCK_BOOTTIME moment at which the simulated real clock reads `at`."""
        return self.b0 + (at - self.slept) / self.scale

    def wall(self) -> datetime:
        """The wall clock at the real clock's last reading. A reading of its own would differ
        from the scheduler's `now` by the time between the two, times `scale`: 50 us on a
        busy machine is 2.4 simulated seconds at a smoke run's scale, which the scheduler
        takes for the wall clock being set (and then misses the suspend)."""
        return datetime.fromtimestamp(DAY.timestamp() + self.last, timezone.utc)


class ScaledTimer:
    """A RealTimer (the timerfd) armed in simulated seconds."""

    def __init__(self, loop: asyncio.AbstractEventLoop, callback: Any, sim: SimClock) -> None:
        from tui.services.realtimer import RealTimer

        self.inner = RealTimer(loop, callback)
        self.sim = sim
        self.at: float | None = None

    def arm(self, at: float) -> None:
        self.at = at
        self.inner.arm(self.sim.boot_at(at))

    def rearm(self) -> None:
        if self.at is not None and self.inner.at is not None:
            self.inner.arm(self.sim.boot_at(self.at))

    def cancel(self) -> None:
        self.at = None
        self.inner.cancel()

    def close(self) -> None:
        self.inner.close()


def prompt_lateness(scale: float) -> dict[str, Any]:
    """Every prompt and heads-up of the simulated day: how late, in real ms."""
    return asyncio.run(_day(scale))


async def _day(scale: float) -> dict[str, Any]:
    from tui.services.breaks.keeper import BreakKeeper
    from tui.engine.breaks.state import Schedule
    from tui.engine.breaks.events import BreakDue, BreakHeadsUp, BreakTaken
    from tui.engine.breaks.workhours import Hours
    from tui.cli.headless.runner import Runner

    sim = SimClock(scale)
    hours = Hours(start=wall_time(9), end=wall_time(17), days=frozenset(range(7)), zone=timezone.utc)
    keeper = BreakKeeper(Schedule(hours=hours), wall=sim.wall)
    seen: list[tuple[str, float, float]] = []
    taken: list[str] = []
    handle = keeper.handle

    def handled(state: Any, events: Any) -> None:
        events = tuple(events)
        now = sim.real()
        for e in events:
            if isinstance(e, (BreakDue, BreakHeadsUp)):
                seen.append((type(e).__name__, e.at, now))
            elif isinstance(e, BreakTaken):
                taken.append(e.how)
        handle(state, events)

    keeper.handle = handled  # type: ignore[method-assign]
    timers: list[ScaledTimer] = []
    exact: list[bool] = []

    def make_timer(loop: asyncio.AbstractEventLoop, callback: Any) -> ScaledTimer:
        timers.append(ScaledTimer(loop, callback, sim))
        exact.append(timers[-1].inner.exact)
        return timers[-1]

    runner = Runner(keeper, out=io.StringIO(), err=io.StringIO(), real=sim.real, mono=sim.mono,
                    timer=make_timer)
    loop = asyncio.get_running_loop()

    def suspend() -> None:
        sim.slept += SUSPEND[1]
        for t in timers:
            t.rearm()
        # The end is counted from the suspend, not from the start: on a cold machine the
        # scheduler's first start (its first imports) can outlast the whole morning of a
        # smoke run, and a stop due before the wake-up's tick would never see the suspend.
        loop.call_at(loop.time() + (DAY_SECONDS - SUSPEND[0] - SUSPEND[1]) / scale, runner.stop)

    loop.call_at(loop.time() + SUSPEND[0] / scale, suspend)
    started = time.monotonic()
    await runner.main()
    late = [(now - at) / scale * 1000 for _, at, now in seen]
    prompts = [(now - at) / scale * 1000 for kind, at, now in seen if kind == "BreakDue"]
    return {"scale": scale, "simulated_h": DAY_SECONDS / 3600, "real_s": time.monotonic() - started,
            "prompts": len(prompts), "heads_ups": len(late) - len(prompts),
            "suspend": "12:10-13:00", "taken": taken, "exact_timer": all(exact) and bool(exact),
            "max_late_ms": max(late) if late else None,
            "median_late_ms": statistics.median(late) if late else None,
            "min_late_ms": min(late) if late else None}

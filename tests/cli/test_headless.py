"""The headless scheduler: real processes for signals, the lock and the notifier; fake clocks
for what it decides (suspend, unanswered prompts, natural breaks)."""

from __future__ import annotations

import io
import shutil
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.cli.headless_proc import read_until, spawn
from tests.fakes import FakeStore
from tui.services.breaks.keeper import BreakKeeper
from tui.services.breaks.lock import NAME, SchedulerLock
from tui.engine.breaks.state import Schedule
from tui.engine.breaks.workhours import Hours
from tui.cli.headless.runner import Runner

ROOT = Path(__file__).resolve().parents[2]
posix = pytest.mark.skipif(sys.platform == "win32", reason="signals and flock are POSIX")
@posix
def test_sigterm_stops_it_cleanly_and_releases_the_lock(tmp_path):
    proc = spawn(tmp_path)
    try:
        first = read_until(proc, "scheduling stretch breaks")
        assert "every 20 min" in first[-1]
        lock = SchedulerLock(tmp_path / "data" / NAME)
        assert not lock.acquire() and lock.holder() == proc.pid
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(10) == 0
        assert "Traceback" not in proc.stderr.read()
        assert lock.acquire()  # released: the next scheduler takes it at once
        lock.release()
    finally:
        proc.kill()
        proc.wait(10)


@posix
def test_sigint_too(tmp_path):
    proc = spawn(tmp_path)
    try:
        read_until(proc, "scheduling stretch breaks")
        proc.send_signal(signal.SIGINT)
        assert proc.wait(10) == 0
    finally:
        proc.kill()
        proc.wait(10)


@posix
def test_with_no_bus_at_all_it_keeps_scheduling(tmp_path):
    proc = spawn(tmp_path, "--every", "0.2")
    try:
        lines = read_until(proc, "stretch break due", count=3)
        assert sum("nobody answered" in line for line in lines) >= 2
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(10) == 0
        err = proc.stderr.read()
        # the desktop channel failed once, said so once, and the schedule went on
        assert err.count("desktop notification: failed") == 1, err
    finally:
        proc.kill()
        proc.wait(10)


@posix
def test_with_a_notification_service_every_due_break_reaches_it(tmp_path):
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed")
    pytest.importorskip("dbus_fast")
    from tests.services.notify.fake_server import FakeServer, Recorder, start_daemon

    daemon, address = start_daemon()
    recorder = Recorder("ok")
    server = FakeServer(address, recorder)
    server.start()
    proc = spawn(tmp_path, "--every", "0.3", env={"DBUS_SESSION_BUS_ADDRESS": address})
    try:
        read_until(proc, "stretch break due", count=3)
        end = time.monotonic() + 10
        while len(recorder.calls) < 2 and time.monotonic() < end:
            time.sleep(0.05)
        assert len(recorder.calls) >= 2
        assert all(c.summary == "Time to stand up and stretch" for c in recorder.calls)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(10) == 0
    finally:
        proc.kill()
        proc.wait(10)
        server.stop()
        daemon.terminate()
        daemon.wait(5)


@posix
def test_a_second_scheduler_says_who_runs_and_takes_over_when_it_dies(tmp_path):
    first = spawn(tmp_path)
    second = None
    try:
        read_until(first, "scheduling stretch breaks")
        second = spawn(tmp_path)
        assert second.stderr is not None
        assert second.stderr.readline().strip() == \
            f"another break scheduler runs (pid {first.pid}); waiting to take over"
        first.send_signal(signal.SIGKILL)
        first.wait(10)
        read_until(second, "scheduling stretch breaks")
        second.send_signal(signal.SIGTERM)
        assert second.wait(10) == 0
    finally:
        for proc in (first, second):
            if proc is not None:
                proc.kill()
                proc.wait(10)


# --- what it decides, on fake clocks ---------------------------------------------------------

UTC = timezone.utc
HOURS = Hours(days=frozenset(range(7)), zone=UTC)  # 09:00-17:00 every day
NINE = datetime(2026, 11, 30, 9, 0, tzinfo=UTC).timestamp()


class Clocks:
    """The real and monotonic clocks, starting at 09:00 UTC; `sleep` moves only the real one."""

    def __init__(self) -> None:
        self.real_t = 1000.0
        self.mono_t = 50.0

    def real(self) -> float:
        return self.real_t

    def mono(self) -> float:
        return self.mono_t

    def advance(self, seconds: float) -> None:
        self.real_t += seconds
        self.mono_t += seconds

    def sleep(self, seconds: float) -> None:
        self.real_t += seconds

    def wall(self) -> datetime:
        return datetime.fromtimestamp(NINE + self.real_t - 1000.0, UTC)


def runner(every: float = 1200.0) -> tuple[Runner, Clocks, FakeStore, io.StringIO]:
    clocks = Clocks()
    store = FakeStore()
    keeper = BreakKeeper(Schedule(every=every, hours=HOURS), store=store, wall=clocks.wall)
    out = io.StringIO()
    r = Runner(keeper, out=out, err=io.StringIO(), real=clocks.real, mono=clocks.mono)
    r.begin()
    return r, clocks, store, out


def test_it_says_when_it_starts_and_when_the_first_break_comes():
    r, _, _, out = runner()
    assert out.getvalue() == "09:00 scheduling stretch breaks every 20 min; next at 09:20\n"


def test_an_unanswered_prompt_is_closed_after_a_break_length_and_the_next_interval_starts():
    r, clocks, store, out = runner()
    clocks.advance(1200)
    r.tick()
    assert r.state.prompt and out.getvalue().splitlines()[-1] == "09:20 stretch break due"
    clocks.advance(119)
    r.tick()
    assert r.state.prompt  # still open: a break's length is two minutes
    clocks.advance(1)
    r.tick()
    assert not r.state.prompt
    assert out.getvalue().splitlines()[-1] == "09:22 stretch break skipped (nobody answered)"
    assert [(what, how) for what, how, *_ in store.breaks] == [("skipped", "unanswered")]
    assert r.state.due == clocks.real_t + 1200


def test_a_suspend_is_measured_as_the_real_clock_gain_and_longer_than_a_break_counts():
    r, clocks, store, out = runner()
    clocks.advance(600)
    clocks.sleep(3600)  # the lid was shut for an hour
    r.tick()
    assert ("taken", "suspend") in [(w, h) for w, h, *_ in store.breaks]
    assert "stretch break taken (the computer slept)" in out.getvalue()
    assert r.state.due == clocks.real_t + 1200  # a whole interval from the wake


def test_a_suspend_is_still_a_break_when_the_wall_clock_was_set_on_waking():
    r, clocks, store, _ = runner()
    clocks.advance(600)
    clocks.sleep(3600)
    r.keeper.wall = lambda: clocks.wall() + timedelta(seconds=30)  # time sync sets it on waking
    r.tick()
    assert [(w, h) for w, h, *_ in store.breaks] == [("taken", "suspend")]
    assert r.state.offset == pytest.approx(NINE - 1000.0 + 30)


def test_logind_gives_the_start_of_the_sleep_exactly_and_it_is_counted_once():
    r, clocks, store, out = runner()
    clocks.advance(300)
    r.on_sleep(True, clocks.real_t)  # 09:05
    clocks.sleep(600)
    clocks.advance(120)  # the timer fires two minutes after the wake, before logind's news
    r.tick()
    r.on_sleep(False, clocks.real_t)
    assert [(w, h) for w, h, *_ in store.breaks] == [("taken", "suspend")]
    assert "09:05 stretch break taken (the computer slept)" in out.getvalue().splitlines()


def test_a_short_suspend_is_plain_elapsed_time():
    r, clocks, store, _ = runner()
    clocks.advance(600)
    clocks.sleep(60)
    r.tick()
    assert store.breaks == []
    assert r.state.due == clocks.real_t - 660 + 1200


def test_away_for_a_break_length_is_a_natural_break_and_holds_the_unanswered_skip():
    r, clocks, store, out = runner()
    clocks.advance(1100)
    r.on_idle(True, clocks.real_t)
    clocks.advance(100)
    r.tick()  # due while the user is away
    clocks.advance(300)
    r.tick()
    assert r.state.prompt  # nobody skips it while the user is away
    r.on_idle(False, 0.0)
    assert not r.state.prompt
    assert [(w, h) for w, h, *_ in store.breaks] == [("taken", "natural")]
    assert "stretch break taken (away from the desk)" in out.getvalue()


def test_away_for_less_than_a_break_counts_nothing():
    r, clocks, store, _ = runner()
    clocks.advance(600)
    r.on_idle(True, clocks.real_t)
    clocks.advance(60)
    r.on_idle(False, 0.0)
    assert store.breaks == [] and r.state.due == clocks.real_t - 660 + 1200


def test_the_running_all_day_modules_import_no_textual():
    code = ("import sys, tui.cli.headless.main, tui.cli.headless.runner, tui.services.realtimer, tui.services.breaks.lock, tui.services.logind, tui.services.breaks.keeper\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'yaml')))\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


@posix
def test_sigterm_while_waiting_for_the_lock_exits_0_and_leaves_the_holder_be(tmp_path):
    first = spawn(tmp_path)
    second = None
    try:
        read_until(first, "scheduling stretch breaks")
        second = spawn(tmp_path)
        assert "waiting to take over" in second.stderr.readline()
        second.send_signal(signal.SIGTERM)
        assert second.wait(10) == 0
        assert first.poll() is None
        assert SchedulerLock(tmp_path / "data" / NAME).holder() == first.pid
    finally:
        for proc in (first, second):
            if proc is not None:
                proc.kill()
                proc.wait(10)

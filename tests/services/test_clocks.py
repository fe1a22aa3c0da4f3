"""The real clock: the right source on each system, and a clock that behaves like one."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from tui.services import clocks


class FakeTime(SimpleNamespace):
    """A stand-in for the `time` module: each clock id reads its own number."""

    def clock_gettime(self, clock_id: int) -> float:
        return {1: 100.0, 7: 700.0}[clock_id]

    def monotonic(self) -> float:
        return 1.0


def test_linux_counts_suspend_with_clock_boottime():
    clock, source, counts = clocks.choose("linux", FakeTime(CLOCK_MONOTONIC=1, CLOCK_BOOTTIME=7))
    assert (clock(), source, counts) == (700.0, "clock_gettime(CLOCK_BOOTTIME)", True)


def test_macos_uses_clock_monotonic_which_runs_in_sleep_unlike_time_monotonic():
    clock, source, counts = clocks.choose("darwin", FakeTime(CLOCK_MONOTONIC=1))
    assert (clock(), source, counts) == (100.0, "clock_gettime(CLOCK_MONOTONIC)", True)


def test_windows_reads_get_tick_count_64_in_seconds():
    calls = []

    def tick() -> int:
        calls.append(1)
        return 5_250

    kernel32 = SimpleNamespace(GetTickCount64=tick)
    clock, source, counts = clocks.choose("win32", FakeTime(), kernel32=lambda: kernel32)
    assert (clock(), source, counts) == (5.25, "GetTickCount64()", True)
    assert calls == [1]


def test_windows_without_kernel32_falls_back_and_says_so():
    def broken():
        raise OSError("no kernel32 here")

    clock, source, counts = clocks.choose("win32", FakeTime(), kernel32=broken)
    assert (clock(), source, counts) == (1.0, "time.monotonic()", False)


@pytest.mark.parametrize("platform", ["freebsd14", "openbsd7", "linux"])
def test_elsewhere_time_monotonic_with_no_promise_about_suspend(platform):
    # "linux" here is an old kernel or libc without CLOCK_BOOTTIME.
    clock, source, counts = clocks.choose(platform, FakeTime(CLOCK_MONOTONIC=1))
    assert (clock(), source, counts) == (1.0, "time.monotonic()", False)


def test_boottime_is_a_clock_in_seconds_that_never_goes_back():
    readings = []
    start = time.monotonic()
    while time.monotonic() - start < 0.02:
        readings.append(clocks.boottime())
    assert all(isinstance(r, float) for r in readings)
    assert readings == sorted(readings)
    # It runs at the rate of the workout clock while the machine is awake.
    elapsed_mono = time.monotonic() - start
    assert 0 <= readings[-1] - readings[0] <= elapsed_mono + 0.02


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="CLOCK_BOOTTIME is Linux's")
def test_on_linux_it_is_clock_boottime():
    assert clocks.SOURCE == "clock_gettime(CLOCK_BOOTTIME)" and clocks.COUNTS_SUSPEND
    before = time.clock_gettime(time.CLOCK_BOOTTIME)
    now = clocks.boottime()
    after = time.clock_gettime(time.CLOCK_BOOTTIME)
    assert before <= now <= after


def test_importing_the_clocks_loads_no_ui():
    code = "import sys, tui.services.clocks; print(sorted(m for m in sys.modules if m in ('textual', 'rich')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False, timeout=60, cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"

"""The real clock: seconds that keep counting while the machine sleeps.

Ice, heat and desk breaks must be right after a laptop sleeps, so they count on this clock;
a workout counts on `time.monotonic`, which (on Linux and macOS) stands still in a suspend,
as a workout should. The shell reads both and hands them to the engine
(`tui.engine.activities.Now`); the engine never reads a clock itself.

What each system gives (PEP 418; CPython's Python/pytime.c; the systems' own manuals):

| system  | `time.monotonic` in CPython      | counts suspend? | `boottime()` here                 |
|---------|----------------------------------|-----------------|-----------------------------------|
| Linux   | clock_gettime(CLOCK_MONOTONIC)   | no              | clock_gettime(CLOCK_BOOTTIME): yes |
| macOS   | mach_absolute_time()             | no              | clock_gettime(CLOCK_MONOTONIC): yes, "will continue to increment while the system is asleep" (clock_gettime(3)) |
| Windows | QueryPerformanceCounter() (3.13+), GetTickCount64() before | not documented for QPC | GetTickCount64(): yes, "includes time the system spends in sleep or hibernation" (Windows Time, learn.microsoft.com); 10-16 ms steps, plenty for minutes |
| others  | clock_gettime(CLOCK_MONOTONIC)   | not promised    | `time.monotonic`, and COUNTS_SUSPEND is False |

On macOS CLOCK_MONOTONIC is not the clock behind `time.monotonic` (that one is
CLOCK_UPTIME_RAW, equal to mach_absolute_time and stopped in sleep). Where the fallback
does not count suspend, an application on a sleeping machine simply pauses with it and
ends late by the time asleep; `COUNTS_SUSPEND` says so, for `lumbar config` to show.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import datetime
from types import ModuleType
from typing import Any

from tui.engine.frozen import frozen

Clock = Callable[[], float]


def choose(platform: str, clocks: ModuleType | Any,
           kernel32: Callable[[], Any] | None = None) -> tuple[Clock, str, bool]:
    """Pick the real clock for `platform` (a `sys.platform` value).

    `clocks` is the `time` module (tests pass a stand-in); `kernel32` returns Windows'
    kernel32 library when asked (ctypes, loaded only on Windows). Returns the clock
    (seconds), the name of its source, and whether it counts suspend.
    """
    if platform.startswith("linux") and hasattr(clocks, "CLOCK_BOOTTIME"):
        boot = clocks.CLOCK_BOOTTIME
        return (lambda: clocks.clock_gettime(boot)), "clock_gettime(CLOCK_BOOTTIME)", True
    if platform == "darwin" and hasattr(clocks, "CLOCK_MONOTONIC"):
        mono = clocks.CLOCK_MONOTONIC
        return (lambda: clocks.clock_gettime(mono)), "clock_gettime(CLOCK_MONOTONIC)", True
    if platform == "win32":
        ticks = _tick_count(kernel32 or _kernel32)
        if ticks is not None:
            return (lambda: ticks() / 1000.0), "GetTickCount64()", True
    return clocks.monotonic, "time.monotonic()", False


def _kernel32() -> Any:
    import ctypes

    return ctypes.WinDLL("kernel32")  # type: ignore[attr-defined]  # Windows only


def _tick_count(load: Callable[[], Any]) -> Callable[[], int] | None:
    """GetTickCount64 with its 64-bit result type set, or None if it cannot be loaded."""
    try:
        import ctypes

        fn = load().GetTickCount64
        fn.restype = ctypes.c_uint64
        fn.argtypes = []
    except (OSError, AttributeError, ImportError):
        return None
    return fn  # type: ignore[no-any-return]


_clock, SOURCE, COUNTS_SUSPEND = choose(sys.platform, time)
"""The clock chosen for this machine, where it comes from, and whether it counts suspend."""


def boottime() -> float:
    """Seconds on the real clock: monotonic, suspend included where the system allows
    (see the table above). Only differences between two readings mean anything."""
    return _clock()


def monotonic() -> float:
    """Seconds on the workout clock (`time.monotonic`): stands still while the machine sleeps."""
    return time.monotonic()


def wall() -> datetime:
    """The aware local time now: for what a person reads ("until 14:30") and the history's
    stamps; never for measuring a length of time."""
    return datetime.now().astimezone()


@frozen
class Clocks:
    """The three clocks lumbar reads, in one value handed to whatever needs one.

    This module is the one place that reads the system's clocks (tests/test_clock_reads.py
    holds every other module to it); tests and benchmarks pass their own.

    Attributes:
        mono: the workout clock, seconds (suspend not counted).
        real: the real clock, seconds (suspend counted where the system allows).
        wall: the aware local date and time.
    """

    mono: Clock = monotonic
    real: Clock = boottime
    wall: Callable[[], datetime] = wall

    @property
    def system_real(self) -> bool:
        """The real clock is the system's own (not a test's or a scaled benchmark's): only
        then do logind's moments and the CLOCK_BOOTTIME timer match it."""
        return self.real is boottime

"""One timer on the real clock: it fires at the right moment even across a suspend.

The event loop arms its timers on `time.monotonic`, which stands still while a Linux or
macOS laptop sleeps: a break due in ten minutes, followed by an hour asleep, would come
ten minutes after waking. The real clock (`tui.services.clocks.boottime`) keeps counting.

On Linux the timer is a timerfd on CLOCK_BOOTTIME, armed at an absolute moment
(TFD_TIMER_ABSTIME): the kernel wakes the loop once, at that moment, suspend or not, and
a deadline already past makes it readable at once (timerfd_create(2)). Python 3.11 has no
`os.timerfd_*` (3.13 added them), so the two calls go through ctypes on libc; the fd is
read through `loop.add_reader`, so the loop sleeps in its selector with nothing to poll.

Elsewhere, or if any of that fails (no libc symbol, a loop without `add_reader`, an
injected clock that is not CLOCK_BOOTTIME), the timer waits on `loop.call_later`, at most
`FALLBACK_CAP` seconds at a time, and looks at the real clock on each wake: a suspend is
noticed within that cap after resuming. `exact` tells which path is in use.
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import os
import sys
from collections.abc import Callable

from tui.services import clocks
from tui.services.clocks import boottime

#: Longest single wait on the fallback path (seconds): how late a deadline can come
#: after a resume where the loop's clock stood still during the suspend.
FALLBACK_CAP = 60.0

# <linux/time.h>, <sys/timerfd.h> (x86-64 and arm64 share these values).
CLOCK_BOOTTIME = 7
TFD_TIMER_ABSTIME = 1
TFD_NONBLOCK = os.O_NONBLOCK if hasattr(os, "O_NONBLOCK") else 0o4000
TFD_CLOEXEC = os.O_CLOEXEC if hasattr(os, "O_CLOEXEC") else 0o2000000


class _Timespec(ctypes.Structure):
    _fields_ = [("tv_sec", ctypes.c_long), ("tv_nsec", ctypes.c_long)]


class _Itimerspec(ctypes.Structure):
    _fields_ = [("it_interval", _Timespec), ("it_value", _Timespec)]


class _TimerFd:
    """A CLOCK_BOOTTIME timerfd through libc. Raises OSError when it cannot be made."""

    def __init__(self) -> None:
        name = ctypes.util.find_library("c") or "libc.so.6"
        libc = ctypes.CDLL(name, use_errno=True)
        self._create = libc.timerfd_create
        self._create.argtypes = [ctypes.c_int, ctypes.c_int]
        self._create.restype = ctypes.c_int
        self._settime = libc.timerfd_settime
        self._settime.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.POINTER(_Itimerspec),
                                  ctypes.POINTER(_Itimerspec)]
        self._settime.restype = ctypes.c_int
        fd = self._create(CLOCK_BOOTTIME, TFD_NONBLOCK | TFD_CLOEXEC)
        if fd < 0:
            err = ctypes.get_errno()
            raise OSError(err, f"timerfd_create: {os.strerror(err)}")
        self.fd = fd

    def set(self, at: float | None) -> None:
        """Arm at `at` (CLOCK_BOOTTIME seconds, absolute), or disarm with None."""
        spec = _Itimerspec()
        if at is not None:
            # An all-zero it_value disarms; the smallest real moment fires at once instead.
            ns = max(1, int(at * 1_000_000_000))
            spec.it_value.tv_sec, spec.it_value.tv_nsec = divmod(ns, 1_000_000_000)
        if self._settime(self.fd, TFD_TIMER_ABSTIME if at is not None else 0,
                         ctypes.byref(spec), None) != 0:
            err = ctypes.get_errno()
            raise OSError(err, f"timerfd_settime: {os.strerror(err)}")

    def drain(self) -> bool:
        """Read the expiry count; False when there was none (a stale wake-up)."""
        try:
            return len(os.read(self.fd, 8)) == 8
        except (BlockingIOError, InterruptedError):
            return False

    def close(self) -> None:
        os.close(self.fd)


class RealTimer:
    """One timer on the real clock (CLOCK_BOOTTIME: it fires on time across a suspend).

    `arm(at)` sets the one deadline (absolute seconds of `clock`), replacing the last one;
    `callback()` runs on the loop once it is reached. `exact` is True on the timerfd path
    (the kernel wakes the loop at `at`), False on the `call_later` fallback (late by at
    most `FALLBACK_CAP` seconds after a resume). Must be made and used on the loop's thread.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop, callback: Callable[[], None],
                 clock: Callable[[], float] = boottime, *, force_fallback: bool = False) -> None:
        self._loop = loop
        self._callback = callback
        self._clock = clock
        self._at: float | None = None
        self._handle: asyncio.Handle | None = None
        self._fd: _TimerFd | None = None
        if not force_fallback and clock is boottime and _kernel_boottime():
            self._fd = _open(loop, self._on_readable)
        self.exact: bool = self._fd is not None

    @property
    def at(self) -> float | None:
        """The armed deadline, or None."""
        return self._at

    def arm(self, at: float) -> None:
        """Fire at `at` (absolute, the clock's seconds); a moment already past fires at once."""
        self._at = at
        if self._fd is not None:
            try:
                self._fd.set(at)
                return
            except OSError:
                self._give_up_fd()
        self._wait()

    def cancel(self) -> None:
        """Forget the deadline; nothing fires until the next `arm`."""
        self._at = None
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        if self._fd is not None:
            try:
                self._fd.set(None)
            except OSError:
                self._give_up_fd()

    def close(self) -> None:
        """Cancel and free the fd; the timer cannot be armed again."""
        self.cancel()
        if self._fd is not None:
            self._give_up_fd()

    # --- inside ---------------------------------------------------------------------

    def _on_readable(self) -> None:
        if self._fd is None or not self._fd.drain() or self._at is None:
            return
        self._at = None
        self._callback()

    def _wait(self) -> None:
        """Wait on the loop for the deadline, at most FALLBACK_CAP at a time; a past one
        fires on the loop's next turn, never inside `arm` (the callback may arm again)."""
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        if self._at is None:
            return
        left = self._at - self._clock()
        self._handle = self._loop.call_later(min(max(left, 0.0), FALLBACK_CAP), self._wake)

    def _wake(self) -> None:
        self._handle = None
        if self._at is not None and self._clock() >= self._at:
            self._at = None
            self._callback()
        else:
            self._wait()

    def _give_up_fd(self) -> None:
        """The fd failed after it was made: close it and carry on with the fallback."""
        fd, self._fd, self.exact = self._fd, None, False
        if fd is None:
            return
        try:
            self._loop.remove_reader(fd.fd)
        except (NotImplementedError, ValueError, RuntimeError):
            pass
        fd.close()


def _kernel_boottime() -> bool:
    """The default clock is CLOCK_BOOTTIME, so the timerfd measures the same seconds."""
    return sys.platform.startswith("linux") and clocks.SOURCE == "clock_gettime(CLOCK_BOOTTIME)"


def _open(loop: asyncio.AbstractEventLoop, on_readable: Callable[[], None]) -> _TimerFd | None:
    try:
        fd = _TimerFd()
    except (OSError, AttributeError):
        return None
    try:
        loop.add_reader(fd.fd, on_readable)
    except (NotImplementedError, RuntimeError, ValueError):
        fd.close()
        return None
    return fd

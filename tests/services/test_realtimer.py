"""The real-clock timer: the OS timer itself, so these use short real waits (tens of ms)."""

from __future__ import annotations

import asyncio
import os
import sys

import pytest

from tui.services import realtimer
from tui.services.clocks import boottime
from tui.services.realtimer import RealTimer

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="timerfd is Linux's")
PATHS = [pytest.param(False, id="timerfd", marks=linux_only), pytest.param(True, id="fallback")]


class Fired:
    def __init__(self) -> None:
        self.at: list[float] = []
        self.event = asyncio.Event()

    def __call__(self) -> None:
        self.at.append(boottime())
        self.event.set()

    async def wait(self, timeout: float = 2.0) -> None:
        await asyncio.wait_for(self.event.wait(), timeout)


def make(fallback: bool, fired: Fired) -> RealTimer:
    timer = RealTimer(asyncio.get_running_loop(), fired, force_fallback=fallback)
    assert timer.exact is (not fallback)
    return timer


@linux_only
async def test_on_linux_the_default_timer_is_the_exact_timerfd():
    timer = RealTimer(asyncio.get_running_loop(), lambda: None)
    try:
        assert timer.exact
    finally:
        timer.close()


@pytest.mark.parametrize("fallback", PATHS)
async def test_fires_once_at_the_deadline_not_before(fallback):
    fired = Fired()
    timer = make(fallback, fired)
    at = boottime() + 0.03
    timer.arm(at)
    await fired.wait()
    await asyncio.sleep(0.03)
    timer.close()
    assert len(fired.at) == 1
    assert at <= fired.at[0] < at + 0.5


@pytest.mark.parametrize("fallback", PATHS)
async def test_a_deadline_in_the_past_fires_at_once_but_not_inside_arm(fallback):
    fired = Fired()
    timer = make(fallback, fired)
    timer.arm(boottime() - 5.0)
    assert fired.at == []  # the callback may arm again: never re-entered from arm()
    start = boottime()
    await fired.wait()
    timer.close()
    assert fired.at[0] - start < 0.1


@pytest.mark.parametrize("fallback", PATHS)
async def test_cancel_stops_it(fallback):
    fired = Fired()
    timer = make(fallback, fired)
    timer.arm(boottime() + 0.02)
    timer.cancel()
    await asyncio.sleep(0.08)
    assert fired.at == [] and timer.at is None
    timer.arm(boottime() - 1)  # usable again after a cancel
    await fired.wait()
    timer.close()


@pytest.mark.parametrize("fallback", PATHS)
async def test_arming_again_replaces_the_last_deadline(fallback):
    fired = Fired()
    timer = make(fallback, fired)
    timer.arm(boottime() + 5.0)
    sooner = boottime() + 0.02
    timer.arm(sooner)
    await fired.wait()
    assert len(fired.at) == 1 and fired.at[0] >= sooner
    fired.event.clear()
    timer.arm(boottime() + 0.02)
    later = boottime() + 0.08
    timer.arm(later)
    await fired.wait()
    await asyncio.sleep(0.03)
    timer.close()
    assert len(fired.at) == 2 and fired.at[1] >= later


async def test_fallback_notices_a_jump_of_the_real_clock_within_its_cap(monkeypatch):
    """A suspend: the loop's clock stood still, the real one jumped; the capped wait looks again."""
    monkeypatch.setattr(realtimer, "FALLBACK_CAP", 0.02)
    now = [1000.0]
    fired = Fired()
    timer = RealTimer(asyncio.get_running_loop(), fired, clock=lambda: now[0])
    assert not timer.exact  # an injected clock is not the kernel's CLOCK_BOOTTIME
    timer.arm(4600.0)  # an hour away on the real clock
    await asyncio.sleep(0.07)
    assert fired.at == []
    now[0] = 4601.0  # woke up past it
    await fired.wait(0.5)
    timer.close()


@linux_only
async def test_a_failing_timerfd_falls_back_and_still_fires(monkeypatch):
    fired = Fired()
    timer = make(False, fired)
    fd = timer._fd.fd

    def broken(self, at):
        raise OSError(22, "broken on purpose")

    monkeypatch.setattr(realtimer._TimerFd, "set", broken)
    timer.arm(boottime() + 0.02)
    assert not timer.exact
    with pytest.raises(OSError):
        os.fstat(fd)  # the fd was closed, not leaked
    await fired.wait()
    timer.close()


@linux_only
async def test_close_frees_the_fd():
    timer = make(False, Fired())
    fd = timer._fd.fd
    timer.arm(boottime() + 10)
    timer.close()
    with pytest.raises(OSError):
        os.fstat(fd)

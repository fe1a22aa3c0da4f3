"""On the system's own clocks the App waits for real-clock deadlines on the exact timer.

The one place the App runs on real clocks in the suite: the subject is which OS timer
carries the wake-up, not what the screens show (tests/app/test_care.py does that on
fake clocks).
"""

from __future__ import annotations

import os
import sys
import time
from datetime import datetime

import pytest

from tests.fakes import Recording
from tui.services.clocks import boottime
from tui.engine.cadence import FRAME
from tui.services.store import open_store

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="timerfd is Linux's")


async def test_ice_waits_on_the_boottime_timer_not_a_one_second_check(make_app, tmp_path) -> None:
    store = open_store(tmp_path / "history.db")
    app = make_app(clock=time.monotonic, real_clock=boottime, heartbeat=FRAME,
                   store=store, notifier=Recording(), remember=False, checkins=False,
                   opens_care=("ice", 1, datetime.now().astimezone()))
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            timer = app.heartbeat._realtimer
            assert timer is not None and timer.exact
            # The countdown on screen changes at the next whole second: that is the wake-up,
            # on the real clock; nothing is armed on the loop (no routine runs).
            assert timer.at is not None and 0 < timer.at - boottime() <= 1.01
            assert app.heartbeat._beat is None
            before = app.screen._view.remaining
            await pilot.pause(1.2)
            assert app.screen._view.remaining < before  # the timer's wake-up moved the countdown
            fd = timer._fd.fd
        with pytest.raises(OSError):
            os.fstat(fd)  # closed with the app
    finally:
        store.close()


async def test_scaled_or_fake_clocks_keep_the_loop_timer(make_app, fake_clock, tmp_path) -> None:
    store = open_store(tmp_path / "history.db")
    app = make_app(heartbeat=FRAME, time_scale=20.0, store=store, notifier=Recording(),
                   remember=False, checkins=False, opens_care=("ice", 1, datetime.now().astimezone()))
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert app.heartbeat._realtimer is None and app.heartbeat._beat is not None
    finally:
        store.close()


async def test_a_routine_alone_waits_on_the_loop_and_loads_no_timerfd(make_app) -> None:
    """The routine runs on the workout clock: the loop's timer carries it, and the timerfd
    (ctypes on libc) is made only once something runs on the real clock."""
    from tests.engine.factories import hold, routine

    app = make_app({"hold": routine(hold("Long hold", 60), prepare=0)}, start="hold",
                   clock=time.monotonic, real_clock=boottime, heartbeat=FRAME,
                   remember=False, checkins=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.session is not None
        assert app.heartbeat._realtimer is None and app.heartbeat._beat is not None
        app.care.start("ice", 1)
        await pilot.pause()
        assert app.heartbeat._realtimer is not None and app.heartbeat._realtimer.at is not None

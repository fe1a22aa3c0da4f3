"""The real heartbeat: armed for the next visible change, and never lost."""

from __future__ import annotations

import itertools

from tests.engine.factories import hold, routine
from tui.engine.cadence import FRAME

KEY = "beat-test"
ROUTINE = routine(hold("Long hold", 60), prepare=0)


async def test_a_late_start_of_the_timer_does_not_lose_the_heartbeat(make_app, fake_clock, monkeypatch) -> None:
    """Textual's one-shot timers skip their only tick when they start later than their own
    delay; a fast clock under load hit that and froze. Here Textual's timer clock jumps a
    second at every reading, which makes every Textual timer think it is late."""
    app = make_app({KEY: ROUTINE}, start=KEY, heartbeat=FRAME)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        ticks: list[float] = []
        original = app.tick

        def counted() -> None:
            ticks.append(fake_clock())
            original()

        monkeypatch.setattr(app, "tick", counted)
        fake_clock.advance(0.97)  # 30 ms before the countdown's next whole second
        app.tick()
        assert len(ticks) == 1
        jumps = itertools.count(start=1000.0, step=1.0)
        monkeypatch.setattr("textual.timer._time.get_time", lambda: next(jumps))
        await pilot.pause(0.3)
        assert len(ticks) >= 2, "the heartbeat armed for 31 ms never came"

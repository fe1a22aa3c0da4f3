"""Moving the clocks of a desk-break test, and reading the status line."""

from __future__ import annotations

from datetime import datetime

from tui.engine.clock import FakeClock
from tui.widgets.activity_line import ActivityLine


SIZE = (80, 24)


#: Monday 30 November 2026, 10:00 on this machine's clock.
START = datetime(2026, 11, 30, 10, 0).astimezone()


ALL_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


async def step(app, pilot, seconds: float, *clocks: FakeClock) -> None:
    for clock in clocks:
        clock.advance(seconds)
    app.tick()
    await pilot.pause()
    await pilot.pause()


def line_text(app) -> str:
    return app.screen.query_one(ActivityLine).text

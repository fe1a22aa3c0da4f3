"""Moving the clocks of an ice-or-heat test, and what the screens stack holds."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tui.engine.clock import FakeClock


SIZE = (80, 24)


START = datetime(2026, 11, 30, 9, 0, tzinfo=timezone(timedelta(hours=1)))


async def step(app, pilot, clock: FakeClock, seconds: float) -> None:
    clock.advance(seconds)
    app.tick()
    await pilot.pause()


def titles(app) -> list[str]:
    return [n.title for n in app.services.notifier.sent]

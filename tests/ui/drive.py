"""Moving a Pilot-driven app through time: the fake clock, then one heartbeat."""

from __future__ import annotations


async def advance(app, pilot, fake_clock, seconds: float) -> None:
    fake_clock.advance(seconds)
    app.tick()
    await pilot.pause()

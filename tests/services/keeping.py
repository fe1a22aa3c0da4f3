"""The break keeper on clocks moved by hand: the real clock starts at 1000 s, the wall clock
at Monday 30 November 2026 09:00 Berlin, both moving together (`Clocks`)."""

from __future__ import annotations

from datetime import datetime, timedelta

from tests.engine.breakcase import BERLIN, schedule
from tui.services.breaks.keeper import BreakKeeper

MONDAY_9 = datetime(2026, 11, 30, 9, 0, tzinfo=BERLIN)
REAL0 = 1000.0


class Clocks:
    """A real clock and a wall clock that move together."""

    def __init__(self, wall: datetime = MONDAY_9) -> None:
        self.real = REAL0
        self.start = wall

    def wall(self) -> datetime:
        return self.start + timedelta(seconds=self.real - REAL0)


def keeper(clocks: Clocks, store=None, notifier=None, **kw) -> BreakKeeper:
    return BreakKeeper(schedule(every=20 * 60, **kw), store=store, notifier=notifier, wall=clocks.wall)

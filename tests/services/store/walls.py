"""Helpers for the store tests: a wall clock moved by hand, and step rows."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tui.services.store import StepRecord

BERLIN_WINTER = timezone(timedelta(hours=1))


class Wall:
    """A wall clock for the store: an aware local time moved by hand."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now = self.now + timedelta(**delta)

    def travel(self, tz) -> None:
        """Same instant, new local zone."""
        self.now = self.now.astimezone(tz)


def step(index: int = 0, outcome: str = "done", exercise: str = "Glute bridge", **kw) -> StepRecord:
    values = dict(index=index, exercise=exercise, side=None, set_no=1, round_no=1,
                  planned_seconds=30.0, actual_seconds=31.5, unit="seconds",
                  planned_count=None, actual_count=None, outcome=outcome)
    values.update(kw)
    return StepRecord(**values)

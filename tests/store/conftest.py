"""Helpers for the store tests: a wall clock moved by hand, steps, and the data dir."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

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


@pytest.fixture
def wall() -> Wall:
    return Wall(datetime(2026, 3, 10, 8, 30, tzinfo=BERLIN_WINTER))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """The data dir the autouse fixture points LUMBAR_DATA_DIR at (not created yet)."""
    return tmp_path / "data"


@pytest.fixture
def db(data_dir: Path) -> Path:
    return data_dir / "history.db"

"""Desk breaks through the App (tests/app/breaks): two fake clocks, a fake store, the App.

Both clocks are fake: `mono` (the workout clock, the fixture `fake_clock`) and `real`
(suspend included); the wall clock follows `real`. Working hours cover the whole test day.
"""

from __future__ import annotations

import pytest

from tests.app.breaks.steps import ALL_DAYS, START
from tests.fakes import Bell, FakeStore, Recording, wall_in_step
from tui.engine.clock import FakeClock
from tui.services.settings.current import Settings


@pytest.fixture
def real() -> FakeClock:
    return FakeClock(50_000.0)


@pytest.fixture
def wall(real):
    return wall_in_step(real, START)


@pytest.fixture
def store(wall) -> FakeStore:
    return FakeStore(wall=wall)


@pytest.fixture
def breaks_app(make_app, real, wall, store):
    def build(every: float | None = 60.0, **kwargs):
        kwargs.setdefault("checkins", False)
        kwargs.setdefault("store", store)
        kwargs.setdefault("break_settings", Settings(work_hours="08:00-18:00", work_days=ALL_DAYS))
        kwargs.setdefault("breaks_at_start", (True, every))
        return make_app(real_clock=real, wall=wall, notifier=Recording(), cues=Bell(), remember=False,
                        **kwargs)

    return build

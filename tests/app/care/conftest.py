"""Ice and heat through the App (tests/app/care): two fake clocks and the App.

The wall clock the store stamps rows with follows `real`, as on a machine that stays awake.
"""

from __future__ import annotations

from tui.services.store import open_store

import pytest

from tests.app.care.steps import START
from tests.fakes import Bell, Recording, wall_in_step
from tui.engine.clock import FakeClock


@pytest.fixture
def real() -> FakeClock:
    return FakeClock(50_000.0)


@pytest.fixture
def wall(real):
    return wall_in_step(real, START)


@pytest.fixture
def care_app(make_app, real, wall, tmp_path):
    stores = []

    def build(**kwargs):
        store = open_store(tmp_path / "history.db", wall=wall)
        stores.append(store)
        notifier = Recording()
        kwargs.setdefault("checkins", False)
        return make_app(real_clock=real, wall=wall, store=store, notifier=notifier, cues=Bell(),
                        remember=False, **kwargs)

    yield build
    for store in stores:
        store.close()

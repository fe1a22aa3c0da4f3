"""The outcome measures through the App (tests/app/measures): the real history store in the
test's folder, stamped by a wall clock the test moves, and every measure on."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.app.routines import TINY, Wall, store_at
from tui.app.config import Measures

ALL = Measures(goals=True, peg=True, impression=True)


@pytest.fixture
def wall() -> Wall:
    return Wall()


@pytest.fixture
def measures_app(make_app, wall, tmp_path):
    """`build(**kwargs)` -> (app, store): TINY with check-ins and every measure on."""
    stores = []

    def build(**kwargs):
        store = store_at(tmp_path, wall)
        stores.append(store)
        kwargs.setdefault("measures", ALL)
        return make_app({"tiny": TINY}, store=store, wall=wall, remember=False, **kwargs), store

    yield build
    for store in stores:
        store.close()


def days(wall: Wall, n: int) -> None:
    """Move the wall clock on by `n` days."""
    wall.now += timedelta(days=n)

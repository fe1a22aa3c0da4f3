"""Heat at most three times a day: a fourth is not started, and the screen says when the next
is sensible (docs/sources.md, "Ice and heat")."""

from __future__ import annotations

from datetime import timedelta

from tests.fakes import NOON, wall_in_step
from tui.engine.clock import FakeClock
from tui.store import open_store

SIZE = (80, 24)


async def test_a_fourth_heat_today_is_not_started_and_says_tomorrow(make_app, tmp_path):
    real = FakeClock(50_000.0)
    wall = wall_in_step(real, NOON)
    store = open_store(tmp_path / "history.db", wall=wall)
    try:
        for _ in range(3):  # this morning, each rested long ago
            store.end_application(store.begin_application("heat", 900, 1200, None), "finished")
            real.advance(3600)
        app = make_app(real_clock=real, store=store, opens_care=("heat", 1, wall() - timedelta(days=3)),
                       remember=False, checkins=False)
        app.wall = wall
        said: list[str] = []
        app.notify = lambda message, **kw: said.append(str(message))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.application is None
            assert store.applications_today(kind="heat") == 3
        assert any("Heat 3 times today already: the next is sensible tomorrow." in m for m in said), said
        # Ice is not heat: it is still offered.
        assert store.applications_today(kind="ice") == 0
    finally:
        store.close()

"""Heat at most three times a day: a fourth is not started, and the screen says when the next
is sensible (docs/sources.md, "Ice and heat")."""

from __future__ import annotations

from datetime import timedelta

from tests.fakes import NOON, wall_in_step
from tui.engine.clock import FakeClock
from tui.services.store import open_store

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
                       remember=False, checkins=False, wall=wall)
        said: list[str] = []
        app.notify = lambda message, **kw: said.append(str(message))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.care.application is None
            assert store.applications_today(kind="heat") == 3
        assert any("Heat 3 times today already: the next is sensible tomorrow." in m for m in said), said
        # Ice is not heat: it is still offered.
        assert store.applications_today(kind="ice") == 0
    finally:
        store.close()


async def test_after_ice_heat_waits_only_for_the_skin_and_more_ice_for_two_hours(make_app, tmp_path):
    real = FakeClock(50_000.0)
    wall = wall_in_step(real, NOON)
    store = open_store(tmp_path / "history.db", wall=wall)

    def app_for(kind: str):
        app = make_app(real_clock=real, store=store, opens_care=(kind, 15, wall() - timedelta(days=3)),
                       remember=False, checkins=False, wall=wall)
        said: list[str] = []
        app.notify = lambda message, **kw: said.append(str(message))
        return app, said

    try:
        first, _ = app_for("ice")
        async with first.run_test(size=SIZE) as pilot:
            await pilot.pause()
            real.advance(5 * 60)
            first.tick()
            await pilot.press("x")  # off after 5 minutes: the rest lasts until 2 hours after the start
            await pilot.pause()
        real.advance(10 * 60)  # 10 minutes into the skin rest
        heat, said = app_for("heat")
        async with heat.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert heat.care.application.kind == "ice"  # still resting: heat waits for the skin
        assert any("Heat waits: the skin needs 10:00 more rest after the ice." in m for m in said), said
        real.advance(11 * 60)  # the skin has rested; more ice would wait until 2 hours
        ice, said = app_for("ice")
        async with ice.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert ice.care.application.kind == "ice" and ice.care.application.off_at is not None
        assert any("more rest before another round of ice" in m for m in said), said
        heat, said = app_for("heat")
        async with heat.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert heat.care.application.kind == "heat" and heat.care.application.off_at is None
    finally:
        store.close()

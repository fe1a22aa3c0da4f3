"""The app opens on the routine list and starts a routine with Enter."""

from __future__ import annotations

from tui.screens.home import HomeScreen
from tui.screens.session import SessionScreen


async def test_home_lists_routines_and_enter_starts_one(make_app, shipped):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.session is not None
        assert app.session.plan.routine.key == next(iter(shipped))

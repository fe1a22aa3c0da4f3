"""The skin rest holds back a new round by every path, the early-off title and keys, and
the keys that stay on a narrow key bar (help and quit on every screen)."""

from __future__ import annotations

from datetime import timedelta

from tests.app.care.steps import SIZE, step
from tui.engine.care.thermal import Phase
from tui.screens.care import CareScreen
from tui.widgets.key_bar import MORE, KeyBar


def listen(app) -> list[str]:
    """Record what the app tells the user in toasts."""
    said: list[str] = []
    app.notify = lambda message, **kw: said.append(message)
    return said


def hint(screen, action: str):
    return next((h for h in screen.query_one(KeyBar).hints() if h.action == action), None)


def bar_text(screen) -> str:
    return screen.query_one(KeyBar).render().plain


async def test_lumbar_ice_during_the_skin_rest_starts_nothing_and_says_how_long(care_app, real, wall) -> None:
    first = care_app(opens_care=("ice", 1, wall() - timedelta(hours=2)))
    async with first.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await step(first, pilot, real, 60)
        await pilot.press(*"off", "enter")
        await pilot.pause()
        await step(first, pilot, real, 60)  # one minute into the rest: the next ice 2 hours after the first began
    again = care_app(opens_care=("ice", 1, None))
    said = listen(again)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = again.screen
        assert isinstance(screen, CareScreen) and screen._view.phase is Phase.REST
        assert again.services.store.applications_today() == 1  # no new application
        assert any("1:58:00 more rest before another round of ice" in m for m in said), said


async def test_another_round_waits_for_the_skin_rest_greyed_and_says_how_long(care_app, real, wall) -> None:
    app = care_app(opens_care=("heat", 2, wall() - timedelta(days=3)))
    said = listen(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await step(app, pilot, real, 90)  # past the first minute: not a mis-key
        await pilot.press("x")
        await pilot.pause()
        screen = app.screen
        await step(app, pilot, real, 2 * 60 + 1)
        assert screen._view.phase is Phase.REST
        assert screen.key_waits("again") and hint(screen, "again").enabled
        await pilot.press("a")
        await pilot.pause()
        assert screen._view.phase is Phase.REST and app.services.store.applications_today() == 1
        assert any("17:59 more rest" in m and "heat" in m for m in said)
        await step(app, pilot, real, 18 * 60)
        assert screen._view.phase is Phase.DONE and not screen.key_waits("again")
        await pilot.press("a")
        await pilot.pause()
        assert screen._view.phase is Phase.ON and app.services.store.applications_today() == 2


async def test_taken_off_early_says_so_once_and_x_is_off_while_resting(care_app, real, wall) -> None:
    app = care_app(opens_care=("ice", 20, wall() - timedelta(hours=2)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert hint(screen, "off").enabled
        await step(app, pilot, real, 90)  # past the first minute: not a mis-key
        await pilot.press("x")
        await pilot.pause()
        head = str(screen.query_one("#care-head").render())
        assert head == "ICE · off: the skin rests · taken off early"
        assert hint(screen, "off") is None and "Take it off" not in bar_text(screen)


async def test_home_key_bar_at_the_minimum_keeps_help_and_quit(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        bar = bar_text(app.screen)
        assert bar.rstrip().endswith("? Help q Quit") and MORE in bar and len(bar) <= 60
        assert bar.startswith("⏎ Start") or "Start" in bar  # the most used key stays first


async def test_care_key_bar_at_the_minimum_keeps_the_way_back(care_app, wall) -> None:
    app = care_app(opens_care=("ice", 20, wall() - timedelta(hours=2)))
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        bar = bar_text(app.screen)
        assert "q Back" in bar and len(bar) <= 40


async def test_too_small_says_paused_while_the_routine_is_paused(make_app, shipped) -> None:
    from tests.app.drive import resize
    from tui.screens.session import SessionScreen

    app = make_app(start=next(iter(shipped)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await resize(pilot, 59, 20)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        text = lambda: screen.query_one("#too-small").render().plain  # noqa: E731
        assert "The timer keeps running." in text()
        await pilot.press("space")
        await pilot.pause()
        assert app.session.paused
        assert "The routine is paused." in text() and "keeps running" not in text()
        await pilot.press("space")
        await pilot.pause()
        assert "The timer keeps running." in text()

"""A routine whose every exercise was skipped (n to the end) is left, not finished: the store
says "left", the summary says nothing was done, and no dose question is asked."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.fakes import FakeStore
from tests.app.routines import SIZE, TINY, text
from tests.app.routines import RANGED, Wall, kinds, store_at
from tui.screens.checkin import CheckinModal
from tui.screens.session import SessionScreen
from tui.screens.summary import SummaryScreen


async def skip_to_the_end(app, pilot) -> None:
    for _ in range(len(app.session.plan.steps)):
        if not isinstance(app.screen, SessionScreen):
            break
        await pilot.press("n")
        await pilot.pause()
    assert app.session is None


def shown(screen) -> str:
    return "\n".join(text(s) for s in screen.query(Static))


async def test_every_exercise_skipped_is_recorded_as_left_and_says_nothing_was_done(make_app):
    store = FakeStore()
    app = make_app({"tiny": TINY}, start="tiny", store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await skip_to_the_end(app, pilot)
        (session,) = store.sessions
        assert session.outcome == "left"
        assert [r.outcome for r in session.recorded] == ["skipped", "skipped"]
        assert isinstance(app.screen, CheckinModal)  # how the back is still matters
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        words = shown(app.screen)
        assert "Well done." not in words and "Nothing was done" in words


async def test_one_exercise_done_is_still_finished(make_app, fake_clock):
    store = FakeStore()
    app = make_app({"tiny": TINY}, start="tiny", store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        fake_clock.advance(2 + 5 + 0.5)  # Pelvic tilt ran to its end
        app.tick()
        await pilot.pause()
        await skip_to_the_end(app, pilot)
        assert store.sessions[0].outcome == "finished"
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "Nothing was done" not in shown(app.screen)


async def test_every_exercise_skipped_asks_no_dose_question(make_app, tmp_path: Path):
    store = store_at(tmp_path, Wall())
    app = make_app({"ranged": RANGED}, start="ranged", store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await skip_to_the_end(app, pilot)
        assert isinstance(app.screen, CheckinModal)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("e")  # would answer "too easy" had it been asked
        await pilot.pause()
    assert kinds(store, "answer") == []
    assert store.history().streak == 0

"""Today's desk breaks in the history screen, read from the real store."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from textual.widgets import Static

from tui.screens.history import HistoryScreen
from tui.services.store import open_store

SIZE = (80, 24)


class Wall:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 30, 9, 0, tzinfo=timezone(timedelta(hours=1)))

    def __call__(self) -> datetime:
        return self.now


def today_text(app) -> str:
    return app.screen.query_one("#today", Static).visual.plain


async def test_todays_breaks_are_in_the_today_part(make_app, tmp_path):
    wall = Wall()
    store = open_store(tmp_path / "history.db", wall=wall)
    wall.now -= timedelta(days=1)
    store.record_break("taken", "routine")  # yesterday: not counted today
    wall.now += timedelta(days=1)
    for what, how, seconds in (("taken", "routine", None), ("taken", "natural", None),
                               ("taken", "suspend", None), ("snoozed", None, None),
                               ("skipped", "unanswered", None), ("meeting", None, 3600.0)):
        store.record_break(what, how, seconds)
    app = make_app({}, store=store, opens_history=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert today_text(app).splitlines() == [
            "No routine yet today.", "Breaks: 3 taken (2 natural)",
            "1 snoozed, 1 skipped, meetings 60 min"]
        # A break taken while the screen is open shows after a reload.
        store.record_break("taken", "manual")
        app.screen.reload()
        await pilot.pause()
        assert today_text(app).splitlines()[1] == "Breaks: 4 taken (2 natural)"
    store.close()


async def test_a_day_without_breaks_shows_no_breaks_line(make_app, tmp_path):
    store = open_store(tmp_path / "history.db", wall=Wall())
    app = make_app({}, store=store, opens_history=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert today_text(app) == "No routine yet today."
    store.close()


async def test_the_history_scrolls_by_keys_when_opened_and_after_a_reload(make_app, tmp_path):
    store = open_store(tmp_path / "history.db", wall=Wall())
    for _ in range(3):
        store.record_break("taken", "routine")
    app = make_app({}, store=store, opens_history=True)
    async with app.run_test(size=(60, 12)) as pilot:  # narrow and short: the screen scrolls
        await pilot.pause()
        scroll = app.screen.query_one("#history")
        assert scroll.max_scroll_y > 0 and app.screen.focused is scroll
        await pilot.press("down")
        await pilot.pause()
        assert scroll.scroll_y > 0
        app.screen.reload()
        await pilot.pause()
        again = app.screen.query_one("#history")
        assert again is not scroll and app.screen.focused is again
        await pilot.press("end")
        await pilot.pause()
        assert again.scroll_y == again.max_scroll_y > 0
    store.close()

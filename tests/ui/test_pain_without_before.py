"""Advice after a routine that had no "before" check-in (`lumbar run NAME` asks only after):
the latest check-in of the last 24 hours stands in, and without one a score of 7 or more is
worth the advice on its own (tui/engine/pain.py `worse_after`)."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Static

from tests.fakes import NOON, FakeCheckin, FakeStore
from tests.ui.test_history_and_checkins import SIZE, TINY, run_to_end, text
from tui.screens.checkin import CheckinModal, PainRoseModal
from tui.screens.summary import SummaryScreen


async def answer_after(make_app, fake_clock, store: FakeStore, key: str):
    app = make_app({"tiny": TINY}, start="tiny", store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await run_to_end(app, pilot, fake_clock)
        assert isinstance(app.screen, CheckinModal)
        await pilot.press(key)
        await pilot.pause()
        screen = app.screen
        shown = "\n".join(text(s) for s in screen.query(Static))
    return screen, shown


async def test_ten_with_no_check_in_at_all_shows_the_advice(make_app, fake_clock):
    screen, shown = await answer_after(make_app, fake_clock, FakeStore(), "t")
    assert isinstance(screen, PainRoseModal)
    assert "10 of 10" in shown
    assert "Pain runs down a leg." in shown and "See a doctor" in shown


async def test_six_with_no_check_in_at_all_shows_no_advice(make_app, fake_clock):
    screen, _ = await answer_after(make_app, fake_clock, FakeStore(), "6")
    assert isinstance(screen, SummaryScreen)


async def test_a_rise_from_a_check_in_earlier_today_shows_the_advice(make_app, fake_clock):
    store = FakeStore()
    store.checkins.append(FakeCheckin(3, "alone", None, NOON - timedelta(hours=5)))
    screen, shown = await answer_after(make_app, fake_clock, store, "5")
    assert isinstance(screen, PainRoseModal)
    assert "3 at your last check-in, 5 now" in shown


async def test_a_high_earlier_check_in_makes_a_high_score_no_rise(make_app, fake_clock):
    store = FakeStore()
    store.checkins.append(FakeCheckin(9, "after", None, NOON - timedelta(hours=20)))
    screen, _ = await answer_after(make_app, fake_clock, store, "t")
    assert isinstance(screen, SummaryScreen)


async def test_a_check_in_older_than_a_day_is_not_compared(make_app, fake_clock):
    store = FakeStore()
    store.checkins.append(FakeCheckin(9, "alone", None, NOON - timedelta(hours=25)))
    screen, shown = await answer_after(make_app, fake_clock, store, "8")
    assert isinstance(screen, PainRoseModal)
    assert "8 of 10" in shown

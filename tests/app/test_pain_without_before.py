"""Advice after a routine that had no "before" check-in (`lumbar run NAME` asks only after):
the latest check-in of the last 24 hours stands in, and a score of 8 or more is worth the
advice on its own (tui/engine/care/pain.py `worse_after`)."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Static

from tests.fakes import NOON, FakeCheckin, FakeStore
from tests.app.routines import SIZE, TINY, run_to_end, text
from tui.screens.checkin import CheckinModal, PainRoseModal, SorenessNote
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


async def test_ten_after_a_high_earlier_check_in_still_shows_the_advice(make_app, fake_clock):
    """8 or more shows the advice whatever came before: 9 then 10 is no rise, but a lot of pain."""
    store = FakeStore()
    store.checkins.append(FakeCheckin(9, "after", None, NOON - timedelta(hours=20)))
    screen, shown = await answer_after(make_app, fake_clock, store, "t")
    assert isinstance(screen, PainRoseModal)
    assert "hurts a lot" in shown and "10 of 10" in shown


async def test_a_small_rise_that_ends_low_is_a_note_not_the_doctor_list(make_app, fake_clock):
    store = FakeStore()
    store.checkins.append(FakeCheckin(0, "alone", None, NOON - timedelta(hours=2)))
    screen, shown = await answer_after(make_app, fake_clock, store, "2")
    assert isinstance(screen, SorenessNote)
    assert "0 before, 2 now" in shown and "settles within a day" in shown
    assert "EMERGENCY" not in shown and "See a doctor" not in shown


async def test_seven_with_no_check_in_at_all_shows_no_advice(make_app, fake_clock):
    screen, _ = await answer_after(make_app, fake_clock, FakeStore(), "7")
    assert isinstance(screen, SummaryScreen)


async def test_a_check_in_older_than_a_day_is_not_compared(make_app, fake_clock):
    store = FakeStore()
    store.checkins.append(FakeCheckin(9, "alone", None, NOON - timedelta(hours=25)))
    screen, shown = await answer_after(make_app, fake_clock, store, "8")
    assert isinstance(screen, PainRoseModal)
    assert "8 of 10" in shown

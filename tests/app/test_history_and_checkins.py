"""Recording into the history store, pain check-ins, their advice, and the history screen.

The store is tests.fakes.FakeStore (the Store's methods, in memory); time moves only through
the fake clock.
"""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import Static

from tests.fakes import FakeStore, HistoryData, TwoWeekState
from tests.app.routines import SIZE, TINY, run_to_end, text
from tui.screens.checkin import CheckinModal, PainRoseModal, TwoWeekModal
from tui.screens.history import HistoryScreen
from tui.screens.home import HomeScreen
from tui.screens.session import SessionScreen
from tui.screens.summary import SummaryScreen
from tui.widgets.trend_rows import TrendRows


async def test_a_routine_from_the_list_asks_before_and_after_and_records_every_step(make_app, fake_clock):
    store = FakeStore()
    app = make_app({"tiny": TINY}, store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, CheckinModal)
        assert app.session is None and store.sessions == []
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        (session,) = store.sessions
        assert (session.key, session.name, session.steps) == ("tiny", "Tiny", 4)
        assert [(c.score, c.moment, c.session_id) for c in store.checkins] == [(3, "before", 1)]

        fake_clock.advance(2 + 5)
        app.tick()
        await pilot.pause()
        # The first exercise is written at its end, before the routine is over.
        assert [(r.index, r.exercise, r.outcome, r.actual_seconds) for r in session.recorded] == [
            (1, "Pelvic tilt", "done", 5.0)]
        await run_to_end(app, pilot, fake_clock)
        assert session.outcome == "finished"
        assert [(r.index, r.outcome, r.unit, r.planned_seconds) for r in session.recorded] == [
            (1, "done", "seconds", 5.0), (3, "done", "seconds", 5.0)]
        # Then how the back is now, over the summary.
        assert isinstance(app.screen, CheckinModal)
        assert isinstance(app.screen_stack[-2], SummaryScreen)
        await pilot.press("4")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)  # 3 -> 4 is no meaningful rise
        assert [(c.score, c.moment, c.session_id) for c in store.checkins][-1] == (4, "after", 1)


async def test_a_rise_of_two_shows_the_routines_stop_if_advice_once(make_app, fake_clock):
    store = FakeStore()
    app = make_app({"tiny": TINY}, store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "2")
        await pilot.pause()
        await run_to_end(app, pilot, fake_clock)
        await pilot.press("t")  # ten
        await pilot.pause()
        assert store.checkins[-1].score == 10
        modal = app.screen
        assert isinstance(modal, PainRoseModal)
        shown = "\n".join(text(s) for s in modal.query(Static))
        assert "2 before, 10 now" in shown
        assert "Pain runs down a leg." in shown and "Sharp pain in the back." in shown
        assert "See a doctor" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)


async def test_skipping_a_check_in_still_starts_the_routine(make_app):
    store = FakeStore()
    app = make_app({"tiny": TINY}, store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "s")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert store.checkins == [] and len(store.sessions) == 1


async def test_with_check_ins_off_a_routine_starts_at_once_and_ends_without_asking(make_app, fake_clock):
    store = FakeStore()
    app = make_app({"tiny": TINY}, store=store, checkins=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        await run_to_end(app, pilot, fake_clock)
        assert isinstance(app.screen, SummaryScreen)
        assert store.checkins == [] and store.sessions[0].outcome == "finished"


async def test_lumbar_run_starts_at_once_and_asks_only_after(make_app, fake_clock):
    store = FakeStore()
    app = make_app({"tiny": TINY}, start="tiny", store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen) and len(store.sessions) == 1
        await run_to_end(app, pilot, fake_clock)
        assert isinstance(app.screen, CheckinModal)


async def test_leaving_records_the_step_under_way_as_skipped_and_asks_after(make_app, fake_clock):
    store = FakeStore()
    app = make_app({"tiny": TINY}, store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "escape")
        await pilot.pause()
        fake_clock.advance(2 + 3.5)
        app.tick()
        await pilot.press("q", "y")
        await pilot.pause()
        (session,) = store.sessions
        assert session.outcome == "left"
        assert [(r.index, r.outcome, r.actual_seconds) for r in session.recorded] == [(1, "skipped", 3.5)]
        assert isinstance(app.screen, CheckinModal)
        assert isinstance(app.screen_stack[-2], HomeScreen)
        await pilot.press("5")
        assert store.checkins[-1].moment == "after" and store.checkins[-1].session_id == session.id


async def test_quitting_mid_routine_ends_the_session_as_left(make_app, fake_clock):
    store = FakeStore()
    app = make_app({"tiny": TINY}, start="tiny", store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        fake_clock.advance(2 + 5 + 1)
        app.tick()
        await pilot.press("ctrl+q", "y")
        await pilot.pause()
    (session,) = store.sessions
    assert session.outcome == "left"
    assert [r.outcome for r in session.recorded] == ["done"]  # the rest step is not work


async def test_easier_choices_are_read_from_and_saved_to_the_store(make_app, fake_clock):
    store = FakeStore()
    store.easier["tiny"] = frozenset({"Knee hug", "Not in this routine"})
    app = make_app({"tiny": TINY}, start="tiny", store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.session.plan.easier == frozenset({1})
        await run_to_end(app, pilot, fake_clock)
        assert [r.outcome for r in store.sessions[0].recorded] == ["done", "easier"]
    store.easier.clear()
    app = make_app({"tiny": TINY}, start="tiny", store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        fake_clock.advance(2 + 5 + 1)
        app.tick()
        await pilot.press("e")
        assert store.easier_names("tiny") == frozenset({"Knee hug"})


async def test_store_warning_and_recovered_sessions_are_shown_once_on_start(make_app):
    store = FakeStore()
    store.warning = "History cannot be saved: the data folder is read-only."
    store.recovered = ("Tiny: stopped in step 3 of 4",)
    app = make_app({"tiny": TINY}, store=store)
    said: list[str] = []
    app.notify = lambda message, **kw: said.append(message)  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h", "escape")
        await pilot.pause()
    assert said == [store.warning, "Tiny: stopped in step 3 of 4"]


async def test_a_step_is_stored_before_it_is_traced(make_app, fake_clock):
    store = FakeStore()
    stored_when_traced: list[int] = []

    def trace(event, seen) -> None:
        if type(event).__name__ == "StepEnded":
            stored_when_traced.append(len(store.sessions[0].recorded))

    app = make_app({"tiny": TINY}, start="tiny", store=store, trace=trace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await run_to_end(app, pilot, fake_clock)
    assert stored_when_traced == [1, 2]


async def test_a_check_in_on_its_own_and_the_two_week_advice_once(make_app):
    store = FakeStore()
    store.two_week_state = TwoWeekState(days=15, first_mean=5.0, last_mean=4.5, improved=False, advise=True)
    app = make_app({"tiny": TINY}, store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, CheckinModal)
        await pilot.press("6")
        await pilot.pause()
        assert [(c.score, c.moment, c.session_id) for c in store.checkins] == [(6, "alone", None)]
        modal = app.screen
        assert isinstance(modal, TwoWeekModal)
        shown = "\n".join(text(s) for s in modal.query(Static))
        assert "15 days" in shown and "5.0" in shown and "4.5" in shown
        assert store.two_week_shown_count == 1
        await pilot.press("escape", "c", "7")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # not again
        assert store.two_week_shown_count == 1


async def test_the_two_week_setting_off_shows_nothing(make_app):
    store = FakeStore()
    store.two_week_state = TwoWeekState(days=15, first_mean=5.0, last_mean=5.0, improved=False, advise=True)
    app = make_app({"tiny": TINY}, store=store, two_week_rule=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "6")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and store.two_week_shown_count == 0


async def test_without_a_store_there_is_no_check_in_and_no_history(make_app):
    app = make_app({"tiny": TINY})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("h")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)


async def test_history_screen_from_home_shows_what_was_recorded(make_app, fake_clock):
    store = FakeStore()
    app = make_app({"tiny": TINY}, store=store, checkins=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await run_to_end(app, pilot, fake_clock)
        await pilot.press("enter", "h")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen) and store.history_calls == 1
        assert text(screen.query_one("#today", Static)) == "09:00  Tiny · finished"
        assert text(screen.query_one("#streak", Static)).startswith("Streak: 1 day in a row")
        assert "Tiny" in text(screen.query_one("#per-routine", Static))
        assert "today" in text(screen.query_one("#per-routine", Static))
        assert text(screen.query_one("#calendar", Static)).splitlines()[-1].endswith("30 1  ← today")
        assert screen.query("#pain-empty")  # no check-ins yet
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_history_pain_trend_is_drawn_from_the_weeks_with_check_ins(make_app):
    store = FakeStore()
    today = date(2026, 11, 30)
    monday = today - timedelta(days=today.weekday())
    weeks = tuple((monday - timedelta(weeks=7 - w), b, a) for w, (b, a) in enumerate(
        [(None, None), (6.0, 5.0), (5.5, 4.0), (None, None), (5.0, 3.5), (4.5, 3.0), (4.0, 3.0), (3.5, 2.0)]))
    store.history_override = HistoryData(
        today=today, today_sessions=(), streak=0,
        calendar=tuple((today - timedelta(days=d), 0) for d in range(27, -1, -1)),
        pain_weeks=weeks, per_routine=(), checkins=24)
    app = make_app({"tiny": TINY}, store=store, opens_history=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        assert screen.query_one("#pain", TrendRows).rows == (
            ("before", [6.0, 5.5, 5.0, 4.5, 4.0, 3.5], "6.0 → 3.5"),
            ("after", [5.0, 4.0, 3.5, 3.0, 3.0, 2.0], "5.0 → 2.0"))
        assert text(screen.query_one("#pain-weeks", Static)) == "From 12 Oct: 6 of 8 weeks checked in"
        assert text(screen.query_one("#today", Static)) == "No routine yet today."
        assert text(screen.query_one("#next-up", Static)) == "Next: Tiny (not done yet)"


async def test_history_stacks_its_columns_below_78_wide_and_scrolls(make_app):
    from tests.snapshots.routines import history_store

    app = make_app({"tiny": TINY}, store=history_store(), opens_history=True)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.has_class("-narrow")
        calendar = screen.query_one("#calendar", Static)
        # Every week of the calendar on one line of its own, not wrapped.
        assert calendar.size.height == len(text(calendar).splitlines())
        assert screen.query_one("#history").max_scroll_y > 0
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not screen.has_class("-narrow")


async def test_a_store_warning_that_appears_mid_routine_is_shown_once(make_app, fake_clock):
    store = FakeStore()
    app = make_app({"tiny": TINY}, start="tiny", store=store)
    said: list[str] = []
    app.notify = lambda message, **kw: said.append(message)  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        store.warning = "History is not being saved: the disk is full. Steps wait in memory."
        await run_to_end(app, pilot, fake_clock)
    assert said == [store.warning]
    assert len(store.sessions[0].recorded) == 2  # the routine went on


def test_the_recorder_imports_no_textual():
    import subprocess
    import sys

    code = "import sys, tui.services.store.recorder; print('textual' in sys.modules or 'rich' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


async def test_lumbar_history_opens_on_history_and_esc_goes_to_the_list_and_back(make_app):
    store = FakeStore()
    app = make_app({"tiny": TINY}, store=store, opens_history=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert [type(s) for s in app.screen_stack] == [HistoryScreen, HomeScreen]


async def test_a_check_in_from_the_history_screen_shows_there_at_once(make_app):
    store = FakeStore()
    app = make_app({"tiny": TINY}, store=store, opens_history=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert text(app.screen.query_one("#streak", Static)).endswith("Check-ins: 0")
        await pilot.press("c", "5")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        assert text(screen.query_one("#streak", Static)).endswith("Check-ins: 1")


async def test_today_lists_routines_and_ice_or_heat_in_the_order_they_happened(make_app):
    store = FakeStore()
    store.history_override = HistoryData(
        today=date(2026, 11, 30),
        today_sessions=(("07:09", "Desk break", "left"),),
        streak=1, calendar=(), pain_weeks=(), per_routine=(), checkins=0,
        today_applications=(("07:07", "ice", "stopped", "taken off early"),),
    )
    app = make_app({"tiny": TINY}, store=store, opens_history=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert text(app.screen.query_one("#today", Static)).splitlines() == [
            "07:07  Ice · stopped: taken off early",
            "07:09  Desk break · left",
        ]

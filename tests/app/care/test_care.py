"""Ice and heat through the App: the flow, the alarm, the status line, restore, suspend.

Both clocks are fake and move by hand: `mono` (the workout clock) and `real` (suspend
included). The wall clock the store stamps rows with follows `real`, as it does on a
machine that stays awake; a restart is a second app on the same history file.
"""

from __future__ import annotations

from datetime import timedelta


from tests.app.care.steps import SIZE, step, titles
from tui.engine.care.thermal import Phase
from tui.screens.care import AlarmModal, CareScreen
from tui.screens.session import SessionScreen
from tui.widgets.activity_line import ActivityLine


async def test_ice_counts_checks_the_skin_alarms_until_acknowledged_then_rests(care_app, real, wall) -> None:
    app = care_app(opens_care=("ice", 1, wall() - timedelta(hours=2)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CareScreen) and screen._view.phase is Phase.ON
        assert "ICE" in str(screen.query_one("#care-head").render())
        assert not screen.query_one("#care-skin").display
        await step(app, pilot, real, 30)
        assert screen.query_one("#care-skin").display
        assert titles(app) == ["Ice: skin check"]
        await step(app, pilot, real, 30)
        assert isinstance(app.screen, AlarmModal)
        assert app.services.notifier.sent[-1].urgency == "critical"
        # Stray keys, and a wrong word, leave it ringing.
        await pilot.press("x", "enter", "space", "o", "n", "enter")
        assert isinstance(app.screen, AlarmModal)
        await step(app, pilot, real, 30)
        assert titles(app).count("Ice: take it off now") == 2
        # One notification for the pack: each alarm replaces the one before.
        assert {n.key for n in app.services.notifier.sent} == {"care"}
        assert app.services.cues.rings == 1  # the second ring: one more bell
        assert app.services.notifier.withdrawn == []
        await pilot.press("o", "f", "f", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CareScreen) and screen._view.phase is Phase.REST
        assert app.services.notifier.withdrawn == ["care"]  # answered: off the desktop too
        last = app.services.store.last_application()
        assert last["outcome"] == "finished" and last["kind"] == "ice"
        await step(app, pilot, real, 20 * 60)
        assert screen._view.phase is Phase.REST  # ice at most every 2 hours, start to start
        await step(app, pilot, real, 99 * 60)
        assert screen._view.phase is Phase.DONE and titles(app)[-1] == "Ice: skin rested"
        await pilot.press("a")  # another round
        await pilot.pause()
        assert screen._view.phase is Phase.ON and app.services.store.applications_today() == 2


async def test_taking_it_off_at_the_skin_check_is_recorded_as_stopped_with_why(care_app, real, wall) -> None:
    app = care_app(opens_care=("heat", 10, wall() - timedelta(days=3)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await step(app, pilot, real, 6 * 60)
        await pilot.press("x")
        await pilot.pause()
        last = app.services.store.last_application()
        assert (last["outcome"], last["reason"]) == ("stopped", "taken off at the skin check")
        assert app.screen._view.phase is Phase.REST


async def test_care_asks_when_it_started_then_which_with_the_advice(care_app, real) -> None:
    app = care_app(opens_care=(None, None, None))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"36h", "enter")
        await pilot.pause()
        assert "first 48 hours" in str(app.screen.query_one(".hint").parent.children[1].render())
        await pilot.press("enter")  # as advised: ice
        await pilot.pause()
        assert isinstance(app.screen, CareScreen) and app.care.application.kind == "ice"
        assert app.care.application.length == 15 * 60  # the setting's default
        assert app.services.store.episode() is not None


async def test_a_routine_on_top_shows_the_heat_in_its_status_line_and_the_alarm_comes_on_time(
        care_app, real, fake_clock, wall, shipped) -> None:
    app = care_app(opens_care=("heat", 2, wall() - timedelta(days=3)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.go_home()
        await pilot.pause()
        line = app.screen.query_one(ActivityLine)
        assert line.display and line.text.startswith("Heat · 2:00 left")
        app.routine.start_routine("breathing" if "breathing" in shipped else next(iter(shipped)))
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        line = app.screen.query_one(ActivityLine)
        assert line.display and "Heat" in line.text
        # Both clocks run together while awake; the heat ends 2 min in, mid-routine.
        for _ in range(119):
            fake_clock.advance(1)
            real.advance(1)
            app.tick()
        await pilot.pause()
        assert not any(isinstance(s, AlarmModal) for s in app.screen_stack)
        fake_clock.advance(1)
        real.advance(1)
        app.tick()
        await pilot.pause()
        assert isinstance(app.screen, AlarmModal)
        assert app.session is not None and app.session.paused  # the routine waits under it
        assert titles(app).count("Heat: take it off now") == 1
        said = []
        app.notify = lambda message, **kw: said.append(message)
        await pilot.press(*"off", "enter")
        await pilot.pause()
        # The user is up taking the pack off: the routine waits for space, and says so.
        assert isinstance(app.screen, SessionScreen) and app.session.paused
        assert any("paused" in m and "space" in m for m in said)
        assert "skin rest" in app.screen.query_one(ActivityLine).text
        await pilot.press("space")
        assert not app.session.paused


async def test_the_status_line_is_hidden_when_nothing_else_runs(care_app, shipped) -> None:
    app = care_app(start=next(iter(shipped)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.screen.query(ActivityLine) or not app.screen.query_one(ActivityLine).display


async def test_restart_in_the_middle_shows_the_time_left(care_app, real, wall) -> None:
    first = care_app(opens_care=("heat", 20, wall() - timedelta(days=3)))
    async with first.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await step(first, pilot, real, 5 * 60)
    real.advance(60)  # closed for a minute
    again = care_app()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        line = again.screen.query_one(ActivityLine)
        assert line.text == "Heat · 14:00 left"
        assert again.services.notifier.sent == []


async def test_reopened_long_after_the_end_rings_once_and_says_take_it_off(care_app, real, wall) -> None:
    first = care_app(opens_care=("ice", 20, wall()))
    async with first.run_test(size=SIZE) as pilot:
        await pilot.pause()
    real.advance(20 * 60 + 2 * 3600 + 45 * 60)
    again = care_app()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, AlarmModal)
        assert "ended 2 h 45 min ago: take it off now" in str(again.screen.query_one("#alarm-line").render())
        assert titles(again) == ["Ice: take it off now"]


async def test_a_three_hour_suspend_gives_one_alarm_within_a_second_of_waking(care_app, real, fake_clock, wall) -> None:
    app = care_app(opens_care=("ice", 20, wall()), heartbeat=0.05)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await step(app, pilot, real, 5 * 60)
        # The machine sleeps: the workout clock stands still, the real clock does not.
        real.advance(3 * 3600)
        # The heartbeat is armed for at most a second while the pack is on.
        assert app.heartbeat._beat is not None and app.heartbeat._beat.when() - app.heartbeat._beat._loop.time() <= 1.0 + 1e-6
        app.tick()
        await pilot.pause()
        assert isinstance(app.screen, AlarmModal)
        assert titles(app) == ["Ice: take it off now"]  # no skin check, one alarm


async def test_the_notifier_is_closed_on_exit(care_app) -> None:
    app = care_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
    assert app.services.notifier.closed


async def test_cancelling_the_question_leaves_the_empty_timer_for_the_list(care_app) -> None:
    from tui.screens.home import HomeScreen

    app = care_app(opens_care=("ice", None, None))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.care.application is None


async def test_the_history_screen_lists_todays_applications(care_app, real, wall) -> None:
    from tui.screens.history import HistoryScreen

    app = care_app(opens_care=("heat", 10, wall() - timedelta(days=3)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await step(app, pilot, real, 60)
        await pilot.press("x")
        await pilot.pause()
        app.push_screen(HistoryScreen(app.services.store))
        await pilot.pause()
        shown = str(app.screen.query_one("#today").render())
        assert "Heat · stopped: taken off early" in shown

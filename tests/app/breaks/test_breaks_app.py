"""Desk breaks through the App: heads-up, prompt, snooze and its limit, skip, the desk break,
a routine by hand, the meeting pause, restart, the panel, the status line, a suspend.

Both clocks are fake: `mono` (the workout clock, the fixture `fake_clock`) and `real`
(suspend included). The wall clock follows `real`. Breaks come every minute (as
`lumbar breaks --every 1m`), heads-up 30 s before; working hours cover the whole test day.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest

from tests.app.breaks.steps import ALL_DAYS, SIZE, START, line_text, step
from tui.screens.breaks import BreakPrompt, BreaksPanel, MeetingModal, check_ahead, parse_until
from tui.screens.home import HomeScreen
from tui.screens.session import SessionScreen
from tui.services.settings.current import Settings
from tui.widgets.activity_line import ActivityLine
from tui.widgets.key_bar import KeyBar


async def test_heads_up_then_the_prompt_with_a_notice_and_the_bell(breaks_app, real, fake_clock):
    app = breaks_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert line_text(app) == "Stretch break · in 1:00"
        await step(app, pilot, 30, real, fake_clock)
        assert [n.title for n in app.services.notifier.sent] == ["Stretch break soon"]
        assert any("Stretch break in 30 s" in str(n.message) for n in app._notifications)
        assert line_text(app) == "Stretch break · in 0:30"
        await step(app, pilot, 30, real, fake_clock)
        assert isinstance(app.screen, BreakPrompt)
        assert app.screen_stack[-2].query_one(ActivityLine).text == "Stretch break · due now"
        assert app.services.notifier.sent[-1].urgency == "critical"
        assert app.services.cues.rings == 1
        await step(app, pilot, 5, real, fake_clock)  # still due: still one prompt
        assert sum(isinstance(s, BreakPrompt) for s in app.screen_stack) == 1


async def test_snooze_twice_then_the_third_is_refused_plainly_and_skip_counts(breaks_app, real, fake_clock, store):
    app = breaks_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for n in (1, 2):
            await step(app, pilot, 60 if n == 1 else 300, real, fake_clock)
            assert isinstance(app.screen, BreakPrompt), n
            await pilot.press("s")
            await pilot.pause()
            assert not isinstance(app.screen, BreakPrompt)
            assert app.breaks.state.snoozes == n
        await step(app, pilot, 300, real, fake_clock)
        prompt = app.screen
        assert isinstance(prompt, BreakPrompt)
        assert prompt.key_waits("snooze")  # drawn as not available
        assert "No snoozes left" in str(prompt.query_one("#prompt-offer").render())
        assert "A snooze" not in str(prompt.query_one("#prompt-offer").render())
        await pilot.press("s")
        await pilot.pause()
        assert app.screen is prompt
        refused = prompt.query_one("#prompt-refused")
        assert refused.display and "Not snoozed" in str(refused.render())
        assert "twice in a row" in str(refused.render())
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert [b[:2] for b in store.breaks] == [("snoozed", None), ("snoozed", None), ("skipped", "prompt")]
        assert store.break_state()["snoozes"] == 0


async def test_starting_the_desk_break_from_the_prompt_counts_and_its_end_restarts_the_interval(
        breaks_app, real, fake_clock, store):
    app = breaks_app(checkins=True)  # on, yet a desk break from the prompt asks nothing
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await step(app, pilot, 60, real, fake_clock)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.session.plan.routine.key == "desk-break"
        assert store.breaks == []  # counted when it ends, once it is known what was done
        assert app.breaks.state.in_break
        assert line_text(app) == "Stretch break · on a break"
        await step(app, pilot, 90, real, fake_clock)  # no prompt during the routine
        assert not any(isinstance(s, BreakPrompt) for s in app.screen_stack)
        await pilot.press("q", "y")  # left early: the break still ends
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and store.checkins == []
        assert [b[:2] for b in store.breaks] == [("taken", "routine")]
        assert not app.breaks.state.in_break
        assert app.breaks.state.due == pytest.approx(real.now + 60)


async def test_a_routine_started_by_hand_counts_as_a_break(breaks_app, real, fake_clock, store):
    app = breaks_app(every=1200)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await step(app, pilot, 300, real, fake_clock)
        app.routine.start_routine("hip-flexor")
        await pilot.pause()
        assert store.breaks == [] and app.breaks.state.in_break
        from tui.engine.routine import session as engine

        await step(app, pilot, 90, real, fake_clock)  # into the routine: something is done
        app.command(engine.finish)
        await pilot.pause()
        assert [b[:3] for b in store.breaks] == [("taken", "routine", None)]
        assert app.breaks.state.due == pytest.approx(real.now + 1200)


async def test_a_routine_with_every_exercise_skipped_is_a_break_skipped_through(
        breaks_app, real, fake_clock, store):
    app = breaks_app(every=1200)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await step(app, pilot, 300, real, fake_clock)
        app.routine.start_routine("desk-break")
        await pilot.pause()
        await pilot.press("q", "y")  # left before anything was done
        await pilot.pause()
        await pilot.pause()
        assert [b[:3] for b in store.breaks] == [("skipped", "through", None)]
        assert app.breaks.state.counts.skipped == 1 and app.breaks.state.counts.taken == 0


async def test_a_meeting_holds_every_reminder_and_ends_by_itself(breaks_app, real, fake_clock, store):
    app = breaks_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await step(app, pilot, 20, real, fake_clock)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MeetingModal)
        await pilot.press("3")  # 30 minutes
        await pilot.pause()
        assert app.breaks.state.hold == "meeting"
        assert line_text(app) == f"Stretch break · meeting until {(START + timedelta(seconds=20 + 1800)):%H:%M}"
        sent = len(app.services.notifier.sent)
        await step(app, pilot, 29 * 60, real, fake_clock)
        assert len(app.services.notifier.sent) == sent and app.services.cues.rings == 0
        assert not any(isinstance(s, BreakPrompt) for s in app.screen_stack)
        await step(app, pilot, 61, real, fake_clock)
        assert app.breaks.state.hold is None
        assert any("meeting pause is over" in str(n.message) for n in app._notifications)
        assert store.breaks[-1][0] == "meeting" and store.breaks[-1][2] == pytest.approx(1800)
        # The 40 s worked before it still count: the break is due 20 s after it.
        assert app.breaks.state.due == pytest.approx(real.now - 1 + 40)


async def test_a_meeting_until_a_typed_time_and_resumed_early_from_the_panel(breaks_app, real, fake_clock):
    app = breaks_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        until = START + timedelta(hours=2)
        await pilot.press("m", "u", *until.strftime("%H:%M"), "enter")
        await pilot.pause()
        state = app.breaks.state
        assert state.hold == "meeting" and state.hold_until == pytest.approx(real.now + 7200)
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BreaksPanel)
        await pilot.press("r")
        await pilot.pause()
        assert app.breaks.state.hold is None


async def test_a_bad_until_time_is_said_and_nothing_changes(breaks_app):
    app = breaks_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("m", "u", "2", "5", ":", "9", "9", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingModal)
        assert "HH:MM" in str(app.screen.query_one("#meeting-problem").render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.breaks.state.hold is None


async def test_m_on_the_break_prompt_starts_a_meeting_and_closes_the_prompt(breaks_app, real, fake_clock):
    app = breaks_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await step(app, pilot, 60, real, fake_clock)
        assert isinstance(app.screen, BreakPrompt)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MeetingModal)
        await pilot.press("3")
        await pilot.pause()
        assert app.breaks.state.hold == "meeting"
        assert not any(isinstance(s, (BreakPrompt, MeetingModal)) for s in app.screen_stack)


def test_an_until_time_out_of_the_clock_says_so_not_that_it_is_unreadable():
    with pytest.raises(ValueError, match="no 25:00 on a 24-hour clock"):
        parse_until("25:00")
    with pytest.raises(ValueError, match="HH:MM"):
        parse_until("9")


async def test_an_until_time_that_has_passed_is_said_not_taken_as_tomorrow(breaks_app):
    app = breaks_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        passed = START - timedelta(minutes=30)
        await pilot.press("m", "u", *passed.strftime("%H:%M"), "enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingModal)
        assert "has passed" in str(app.screen.query_one("#meeting-problem").render())
        assert app.breaks.state.hold is None


def test_an_until_time_just_after_midnight_is_still_ahead():
    late = datetime(2026, 11, 30, 23, 10).astimezone()
    check_ahead(time(0, 30), late)
    with pytest.raises(ValueError, match="more than 12 hours"):
        check_ahead(time(23, 0), datetime(2026, 11, 30, 10, 0).astimezone())


async def test_the_panel_shows_todays_counts_and_pauses_the_reminders(breaks_app, real, fake_clock, store):
    store.record_break("taken", "natural")
    store.record_break("meeting", None, 1800.0)
    app = breaks_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert [h.key for h in app.screen.query_one(KeyBar).hints()][-2:] == ["b", "m"]
        await pilot.press("b")
        await pilot.pause()
        panel = app.screen
        assert isinstance(panel, BreaksPanel)
        today = str(panel.query_one("#panel-today").render())
        assert today == "Today: 1 taken (1 natural) · 0 snoozed · 0 skipped · 30 min in meetings"
        assert str(panel.query_one("#panel-status").render()) == "Next stretch break: in 1:00"
        await pilot.press("p")
        await pilot.pause()
        assert app.breaks.state.hold == "pause"
        assert str(panel.query_one("#panel-status").render()) == "Now: reminders paused"
        keys = {h.key: h.description for h in panel.query_one(KeyBar).hints()}
        assert "p" not in keys and keys["r"] == "Resume"  # no "p Pause" while paused
        await step(app, pilot, 600, real, fake_clock)
        assert not any(isinstance(s, BreakPrompt) for s in app.screen_stack)
        await pilot.press("p")  # p still toggles: reminders come back
        await pilot.pause()
        assert app.breaks.state.hold is None
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert line_text(app) == "Stretch break · reminders paused"


async def test_the_keys_appear_only_while_the_scheduler_runs(breaks_app):
    app = breaks_app(breaks_at_start=(False, None))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "b" not in [h.key for h in app.screen.query_one(KeyBar).hints()]
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        app.breaks.start(60)
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        assert [h.key for h in bar.hints()][-2:] == ["b", "m"]
        # At 80 columns the home screen's extras make room for them first.
        assert [h.key for h in bar.fitted(80) if h is not None][-2:] == ["b", "m"]


async def test_a_restart_brings_back_the_next_break_snoozes_and_counts(breaks_app, real, fake_clock, store):
    app = breaks_app(every=600)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await step(app, pilot, 600, real, fake_clock)
        await pilot.press("s")
        await pilot.pause()
        due = app.breaks.state.due
    real.advance(120)  # closed for two minutes
    again = breaks_app(every=600)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        state = again.breaks.state
        assert state.due == pytest.approx(due)
        assert state.snoozes == 1 and state.counts.snoozed == 1
        assert line_text(again) == "Stretch break · in 3 min"


async def test_the_end_of_working_hours_withdraws_an_open_prompt(breaks_app, real, fake_clock):
    app = breaks_app(break_settings=Settings(work_hours="08:00-10:02", work_days=ALL_DAYS))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await step(app, pilot, 60, real, fake_clock)
        assert isinstance(app.screen, BreakPrompt)
        await step(app, pilot, 60, real, fake_clock)
        assert isinstance(app.screen, HomeScreen)
        assert line_text(app).startswith("Stretch break · after work starts")


async def test_a_sleep_of_the_real_clock_alone_counts_as_a_break(breaks_app, real, fake_clock, store):
    app = breaks_app(every=1200)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await step(app, pilot, 300, real, fake_clock)
        await step(app, pilot, 600, real)  # ten minutes asleep: only the real clock moved
        assert [b[:2] for b in store.breaks] == [("taken", "suspend")]
        assert app.breaks.state.counts.natural == 1
        await step(app, pilot, 1, real, fake_clock)
        assert app.breaks.state.due == pytest.approx(real.now - 1 + 1200)


async def test_the_status_line_on_every_screen_and_after_a_modal(breaks_app, real, fake_clock, shipped):
    app = breaks_app(every=1200)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert line_text(app) == "Stretch break · in 20 min"
        await pilot.press("h")  # the history screen
        await pilot.pause()
        assert line_text(app) == "Stretch break · in 20 min"
        await pilot.press("escape", "b")
        await pilot.pause()
        await step(app, pilot, 61, real, fake_clock)  # under the panel: the line goes on
        assert isinstance(app.screen, BreaksPanel)
        assert app.screen_stack[-2].query_one(ActivityLine).text == "Stretch break · in 19 min"
        await pilot.press("escape")
        await pilot.pause()
        assert line_text(app) == "Stretch break · in 19 min"
        app.routine.start_routine("desk-break")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert line_text(app) == "Stretch break · on a break"
        await pilot.press("b")  # the routine waits under the panel
        await pilot.pause()
        assert isinstance(app.screen, BreaksPanel) and app.session.paused
        await pilot.press("escape")
        await pilot.pause()
        assert not app.session.paused


async def test_the_status_line_on_the_ice_and_heat_screen(breaks_app):
    app = breaks_app(every=1200, store=None)  # ice and heat keep their rows in the real store
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_care("ice", 1, START - timedelta(hours=3))
        await pilot.pause()
        await pilot.pause()
        assert getattr(app.screen, "shows", None) == "care"
        assert line_text(app) == "Stretch break · in 20 min"


async def test_without_the_break_routine_the_prompt_still_counts_a_break(breaks_app, real, fake_clock, store, shipped):
    others = {k: r for k, r in shipped.items() if k != "desk-break"}
    app = breaks_app(routines=others)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await step(app, pilot, 60, real, fake_clock)
        assert "Enter starts a break" in str(app.screen.query_one("#prompt-offer").render())
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.session is None
        assert [b[:2] for b in store.breaks] == [("taken", "manual")]

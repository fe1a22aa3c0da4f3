"""One scheduler per user through the App: a second lumbar follows the holder and takes over
when it ends; logind's idle and sleep news in the App.

The holder here is the test itself (the lock taken, and a keeper writing to the same store,
as another process would); tests/test_breaks_lock.py and tests/test_headless.py use real
processes for the lock. Clocks as in tests/app/test_breaks_app.py.
"""

from __future__ import annotations

import pytest

from tests.app.breaks.steps import line_text, step
from tui.app.breaks.logind import heard_idle, heard_sleep
from tui.engine.activities import BREAKS
from tui.services.away import Away
from tui.services.breaks.keeper import BreakKeeper
from tui.services.breaks.lock import NAME, SchedulerLock
from tui.engine.breaks import schedule as B
from tui.engine.events import BreakTaken
from tui.screens.breaks import BreakPrompt
from tui.services.settings.current import Settings

SIZE = (80, 24)
ALL_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@pytest.fixture
def holder(store, wall, real, tmp_path):
    """Another scheduler: holds the lock beside the history file and keeps its schedule."""
    store.path = tmp_path / "history.db"
    lock = SchedulerLock(tmp_path / NAME)
    assert lock.acquire()
    schedule = Settings(work_hours="08:00-18:00", work_days=ALL_DAYS).schedule()
    keeper = BreakKeeper(B.Schedule(every=60.0, heads_up=30.0, hours=schedule.hours),
                         store=store, wall=wall)
    state, events = keeper.begin(real.now)
    keeper.handle(state, events)
    yield lock, keeper, state
    lock.release()


async def test_a_second_lumbar_shows_the_holders_schedule_and_prompt_and_takes_over(
        breaks_app, holder, real, fake_clock, store):
    lock, keeper, state = holder
    app = breaks_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.breaks.follower is not None and app.breaks.follower.holder == lock.holder()
        assert line_text(app) == "Stretch break · in 1:00"
        await step(app, pilot, 60, real, fake_clock)
        # The same prompt as the holder's (its answer goes there); the holder notifies.
        assert any(isinstance(s, BreakPrompt) for s in app.screen_stack)
        assert app.services.notifier.sent == [] and app.services.cues.rings == 1 and store.breaks == []
        # The holder's prompt is skipped there; this one shows the new interval and count.
        state, events = B.advance(state, real.now)
        state, more = B.skip(state, real.now)
        keeper.handle(state, events + more)
        await step(app, pilot, 1, real, fake_clock)
        assert isinstance(app.screen, BreakPrompt)  # read again within 5 s while due
        await step(app, pilot, 4, real, fake_clock)
        assert not any(isinstance(s, BreakPrompt) for s in app.screen_stack)  # answered there
        assert line_text(app) == "Stretch break · in 0:55"
        assert app.breaks.state.counts.skipped == 1
        await pilot.press("b")  # the panel opens; a command there says who schedules
        await pilot.pause()
        app.breaks.snooze()
        await pilot.pause()
        assert store.break_state()["snoozes"] == 0
        await pilot.press("escape")
        # The holder ends: this lumbar schedules from what the store kept.
        lock.release()
        for _ in range(50):
            await pilot.pause(0.02)
            if app.breaks.follower is None:
                break
        assert app.breaks.follower is None and app.breaks.keeper is not None
        await step(app, pilot, 60, real, fake_clock)
        assert any(isinstance(s, BreakPrompt) for s in app.screen_stack)
        assert app.services.notifier.sent[-1].urgency == "critical"
    assert SchedulerLock(store.path.parent / NAME).acquire()  # released on exit


async def test_the_first_lumbar_takes_the_lock_and_releases_it_on_exit(breaks_app, store, tmp_path):
    store.path = tmp_path / "history.db"
    app = breaks_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.breaks.follower is None and app.breaks.state is not None
        other = SchedulerLock(tmp_path / NAME)
        assert not other.acquire() and other.holder() is not None
    assert other.acquire()
    other.release()


async def test_idle_for_a_break_length_is_a_natural_break(breaks_app, real, fake_clock, store):
    app = breaks_app(every=1200)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.breaks.away = Away(real, fake_clock)
        await step(app, pilot, 300, real, fake_clock)
        heard_idle(app.breaks, True, real.now)
        await step(app, pilot, 180, real, fake_clock)
        heard_idle(app.breaks, False, 0.0)
        await pilot.pause()
        assert store.breaks[-1][:2] == ("taken", "natural")
        assert app.breaks.state.due == pytest.approx(real.now + 1200)
        heard_idle(app.breaks, True, real.now)
        await step(app, pilot, 60, real, fake_clock)
        heard_idle(app.breaks, False, 0.0)  # a minute away is no break
        assert len(store.breaks) == 1


async def test_logind_places_a_suspend_at_the_moment_it_began(breaks_app, real, fake_clock, store):
    app = breaks_app(every=1200)
    taken: list[BreakTaken] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        original = app.handlers[BREAKS]

        def seen(event, at):
            if isinstance(event, BreakTaken):
                taken.append(event)
            original(event, at)

        app.handlers[BREAKS] = seen
        app.breaks.away = Away(real, fake_clock)
        await step(app, pilot, 300, real, fake_clock)
        await step(app, pilot, 120, real, fake_clock)  # awake; the last tick
        went = real.now + 45
        real.advance(45)
        fake_clock.advance(45)  # awake 45 s more, no tick, then the lid shuts
        heard_sleep(app.breaks, True, went)
        real.advance(3600)  # asleep: only the real clock moves
        heard_sleep(app.breaks, False, real.now)
        await pilot.pause()
        assert [(t.how, t.at) for t in taken] == [("suspend", pytest.approx(went))]
        assert app.breaks.state.due == pytest.approx(real.now + 1200)


async def test_through_dbus_an_idle_stretch_reported_by_logind_counts_as_a_natural_break(
        make_app, monkeypatch, wall, store):
    """The App on the system's clocks, logind faked on a private bus (tests/logind_fake.py)."""
    import shutil
    import sys
    import time

    if not sys.platform.startswith("linux") or shutil.which("dbus-daemon") is None:
        pytest.skip("needs Linux and dbus-daemon")
    pytest.importorskip("dbus_fast")
    from tests.logind_fake import FakeLogind
    from tests.services.notify.fake_server import start_daemon
    from tui.services.clocks import boottime

    daemon, address = start_daemon()
    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", address)
    monkeypatch.delenv("XDG_SESSION_ID", raising=False)
    fake = FakeLogind(address)
    fake.start()
    try:
        app = make_app(clock=time.monotonic, real_clock=boottime, store=store, checkins=False,
                       remember=False, break_settings=Settings(work_hours="00:00-00:00", work_days=ALL_DAYS),
                       breaks_at_start=(True, None))
        async with app.run_test(size=SIZE) as pilot:
            for _ in range(100):
                await pilot.pause(0.02)
                if app.breaks.logind is not None and app.breaks.logind.session is not None:
                    break
            assert app.breaks.logind.session is not None
            away = int((time.monotonic() - 300) * 1e6)  # idle for five minutes
            fake.call(lambda: fake.session.set(IdleHint=True, IdleSinceHintMonotonic=away))
            fake.call(lambda: fake.session.set(IdleHint=False))
            for _ in range(100):
                await pilot.pause(0.02)
                if store.breaks:
                    break
            assert [b[:2] for b in store.breaks] == [("taken", "natural")]
    finally:
        fake.stop()
        daemon.terminate()
        daemon.wait(5)


@pytest.fixture
async def serving(holder, real, tmp_path):
    """The holder also answers doors on its socket, as a scheduling lumbar does."""
    from tui.services.breaks.door import DoorServer, socket_path
    from tui.services.breaks.requests import apply

    lock, keeper, state = holder
    held = {"state": state}

    def handle(do, args, door):
        new, events, answer = apply(held["state"], real.now, do, args)
        held["state"] = new
        keeper.handle(new, events)
        server.changed()
        return answer.to_json()

    server = DoorServer(socket_path(tmp_path / NAME), handle)
    await server.start()
    yield held
    server.close()


async def until(pilot, condition) -> None:
    """Let the App run until `condition()` (a door's answer comes back over the socket)."""
    for _ in range(100):
        await pilot.pause(0.02)
        if condition():
            return


async def test_pause_in_a_second_lumbar_pauses_the_one_that_schedules(breaks_app, serving, store):
    app = breaks_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        said: list[str] = []
        app.notify = lambda message, *args, **kwargs: said.append(str(message))
        await pilot.press("b", "p")
        await until(pilot, lambda: said)
        assert serving["state"].hold == "pause"  # done by the scheduler
        assert said == ["Break reminders paused: press b, then p, to resume."]
        assert app.breaks.state.hold == "pause"  # and read back here at once


async def test_a_key_that_cannot_apply_says_why_in_one_line(breaks_app, serving, store):
    app = breaks_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        said: list[str] = []
        app.notify = lambda message, *args, **kwargs: said.append(str(message))
        app.breaks.snooze()  # nothing is due
        await until(pilot, lambda: said)
        assert said == ["No break is due now: nothing to snooze."]


async def test_a_meeting_set_in_a_door_holds_the_schedulers_reminders(
        breaks_app, serving, store, real, fake_clock):
    app = breaks_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("m", "6")  # 60 minutes
        await until(pilot, lambda: serving["state"].hold == "meeting")
        assert serving["state"].hold == "meeting"
        assert serving["state"].hold_until == pytest.approx(real.now + 3600, abs=1)
        assert app.breaks.state.hold == "meeting"


async def test_a_routine_in_a_door_is_the_schedulers_break_counted_once(
        breaks_app, serving, store, real, fake_clock):
    app = breaks_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await step(app, pilot, 60, real, fake_clock)  # due: the prompt shows here too
        assert isinstance(app.screen, BreakPrompt)
        await pilot.press("enter")  # the desk break, run here
        await until(pilot, lambda: serving["state"].in_break)
        assert serving["state"].in_break and store.breaks == []
        await step(app, pilot, 90, real, fake_clock)
        await pilot.press("q", "y")
        await until(pilot, lambda: store.breaks)
        assert [b[:2] for b in store.breaks] == [("taken", "routine")]
        assert not serving["state"].in_break


async def test_a_second_lumbar_shows_the_holders_break_not_a_countdown(
        breaks_app, holder, real, fake_clock):
    lock, keeper, state = holder
    app = breaks_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        state, events = B.start_break(state, real.now)  # the holder starts its desk break
        keeper.handle(state, events)
        await step(app, pilot, 60, real, fake_clock)  # read again within a minute
        assert line_text(app) == "Stretch break · on a break"
        state, events = B.end_break(state, real.now)
        keeper.handle(state, events)
        await step(app, pilot, 5, real, fake_clock)  # within a few seconds of its end
        assert line_text(app) == "Stretch break · in 0:55"
        assert app.breaks.state.counts.taken == 1  # the holder's count, not counted twice

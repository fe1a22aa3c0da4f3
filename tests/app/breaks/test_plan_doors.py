"""The plan's reminder through the doors, in the App: a door shows the reminder its
scheduler sends and sends the answer back (Start runs the routine in the door, after the
check-in); a scheduling App tells its doors and takes their answers as the prompt's.

The other end of the socket is the test's (a DoorServer, or a DoorClient); the headless
scheduler's end is tests/cli/test_headless_doors.py. Clocks as in tests/app/breaks/conftest.py.
"""

from __future__ import annotations

import asyncio

import pytest

from tests.app.breaks.steps import ALL_DAYS, SIZE, step
from tests.app.breaks.test_plan_reminders_app import reminders, write_plan
from tui.engine.breaks import schedule as B
from tui.screens.checkin import CheckinModal
from tui.screens.plan_reminder import PlanReminderPrompt
from tui.screens.session import SessionScreen
from tui.services.breaks.door import DoorClient, DoorServer, socket_path
from tui.services.breaks.keeper import BreakKeeper
from tui.services.breaks.lock import NAME, SchedulerLock
from tui.services.breaks.requests import apply
from tui.services.settings.current import Settings
from tui.services.store import open_store

#: What a scheduler sends of an open reminder (tui/services/plan_doors.py).
SHOWN = {"routine": "core-basics", "day": "2026-11-30", "title": "Time for Core basics",
         "body": "On your plan (set by Sam Okafor): mon wed at 10:30.",
         "note": "Ease off if the leg pain comes back.", "snoozes_left": 2}


@pytest.fixture
def store(wall, tmp_path):
    """A real store: a routine started in the door doses from it."""
    store = open_store(tmp_path / "history.db", wall=wall)
    yield store
    store.close()


@pytest.fixture
async def scheduler(store, wall, real, tmp_path):
    """Another process schedules (the lock held beside the history) and answers on its
    socket: break requests as a scheduler does, plan answers recorded in `asked`."""
    lock = SchedulerLock(tmp_path / NAME)
    assert lock.acquire()
    hours = Settings(work_hours="08:00-18:00", work_days=ALL_DAYS).schedule().hours
    keeper = BreakKeeper(B.Schedule(every=3600.0, hours=hours), store=store, wall=wall)
    state, events = keeper.begin(real.now)
    keeper.handle(state, events)
    held = {"state": state, "asked": []}

    def handle(do, args, door):
        held["asked"].append((do, args))
        if do == "plan":
            server.say({"changed": True, "reminder": None})  # answered: every door closes it
            return {"ok": True, "say": ""}
        new, events, answer = apply(held["state"], real.now, do, args)
        held["state"] = new
        keeper.handle(new, events)
        server.changed()
        return answer.to_json()

    server = DoorServer(socket_path(tmp_path / NAME), handle)
    await server.start()
    held["server"] = server
    yield held
    server.close()
    lock.release()


async def until(pilot, condition) -> None:
    """Let the App run until `condition()` (news and answers cross the socket)."""
    for _ in range(150):
        await pilot.pause(0.02)
        if condition():
            return


def door_app(breaks_app, **kwargs):
    """A plain `lumbar`: breaks not asked for, a door because a scheduler runs."""
    return breaks_app(breaks_at_start=(False, None), **kwargs)


def prompt(app) -> PlanReminderPrompt | None:
    return next((s for s in app.screen_stack if isinstance(s, PlanReminderPrompt)), None)


async def test_a_door_shows_the_reminder_and_its_snooze_goes_to_the_scheduler(breaks_app, scheduler):
    app = door_app(breaks_app)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: len(scheduler["server"].doors) == 1)
        scheduler["server"].say({"changed": True, "reminder": SHOWN})
        await until(pilot, lambda: prompt(app) is not None)
        shown = prompt(app)
        assert isinstance(app.screen, PlanReminderPrompt) and app.services.cues.rings == 1
        assert (shown.title_text, shown.note, shown.snoozes_left) == (
            "Time for Core basics", "Ease off if the leg pain comes back.", 2)
        # Told again (a door that reconnects is greeted with it): still one prompt.
        scheduler["server"].say({"changed": True, "reminder": SHOWN})
        await until(pilot, lambda: False)
        assert sum(isinstance(s, PlanReminderPrompt) for s in app.screen_stack) == 1
        await pilot.press("s")
        await until(pilot, lambda: scheduler["asked"])
        assert scheduler["asked"] == [("plan", {"what": "snoozed", "routine": "core-basics"})]
        assert prompt(app) is None and app.session is None


async def test_answered_elsewhere_the_doors_prompt_closes_even_under_another_screen(
        breaks_app, scheduler):
    app = door_app(breaks_app)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: len(scheduler["server"].doors) == 1)
        scheduler["server"].say({"changed": True, "reminder": SHOWN})
        await until(pilot, lambda: prompt(app) is not None)
        app.push_screen(CheckinModal("Now"))  # something opened over the prompt
        await pilot.pause()
        scheduler["server"].say({"changed": True, "reminder": None})  # the notification's Skip
        await until(pilot, lambda: False)
        assert isinstance(app.screen, CheckinModal)  # not the screen closed in its place
        app.pop_screen()
        await until(pilot, lambda: prompt(app) is None)
        assert prompt(app) is None and scheduler["asked"] == []


async def test_start_in_a_door_asks_the_check_in_and_runs_the_routine_there(breaks_app, scheduler):
    app = door_app(breaks_app, checkins=True)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: len(scheduler["server"].doors) == 1)
        scheduler["server"].say({"changed": True, "reminder": SHOWN})
        await until(pilot, lambda: prompt(app) is not None)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, CheckinModal))
        assert scheduler["asked"] == [("plan", {"what": "started", "routine": "core-basics"})]
        await pilot.press("3")
        await until(pilot, lambda: ("start", {}) in scheduler["asked"])
        assert isinstance(app.screen, SessionScreen)
        assert app.session.plan.routine.key == "core-basics"
        assert ("start", {}) in scheduler["asked"]  # the routine counts as the desk break too


async def test_during_a_routine_in_the_door_a_toast_says_it_comes_after(breaks_app, scheduler):
    app = door_app(breaks_app)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: len(scheduler["server"].doors) == 1)
        said: list[str] = []
        app.notify = lambda message, *args, **kwargs: said.append(str(message))
        app.routine.start("core-basics", None)
        await pilot.pause()
        scheduler["server"].say({"changed": True, "reminder": SHOWN})
        await until(pilot, lambda: said)
        assert said == ["Time for Core basics, after this one."] and prompt(app) is None


async def test_a_scheduling_app_tells_its_doors_and_keeps_a_doors_snooze_as_the_prompts(
        breaks_app, real, fake_clock, store, tmp_path):
    write_plan()
    app = breaks_app(3600.0)  # `lumbar breaks`, Monday 10:00; the reminder at 10:30
    heard: asyncio.Queue = asyncio.Queue()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # mounted: the schedule and the reminders begin at 10:00
        await step(app, pilot, 30 * 60, real, fake_clock)
        assert isinstance(app.screen, PlanReminderPrompt)
        door = DoorClient(socket_path(tmp_path / NAME), lambda: None, reminder=heard.put_nowait)
        await until(pilot, lambda: app.breaks.doors.server is not None)
        assert await door.connect()
        await until(pilot, lambda: not heard.empty())
        shown = heard.get_nowait()  # open as it connected: shown in the door too
        assert shown["title"] == "Time for Core basics" and shown["routine"] == "core-basics"
        answers: list = []
        task = asyncio.ensure_future(door.request("plan", what="snoozed", routine="core-basics"))
        task.add_done_callback(lambda t: answers.append(t.result()))
        await until(pilot, lambda: answers and not heard.empty())
        assert answers == [{"ok": True, "say": ""}] and heard.get_nowait() is None
        assert not isinstance(app.screen, PlanReminderPrompt)  # the scheduler's own closed too
        assert app.services.notifier.withdrawn[-1] == "plan"
        assert reminders(store) == [("core-basics", "sent", None), ("core-basics", "snoozed", "prompt")]
        await step(app, pilot, 5 * 60, real, fake_clock)  # the snooze is over: every door hears
        await until(pilot, lambda: not heard.empty())
        assert heard.get_nowait()["snoozes_left"] == 1
        door.close()

"""Answering a headless scheduler: from another lumbar (its socket) and from the buttons on
its notification. Real processes, a private bus with a fake notification server."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
import sys
import time
from pathlib import Path

import pytest

from tests.cli.headless_proc import read_until, spawn, stop
from tui.services.breaks.door import ask, socket_path
from tui.services.breaks.lock import NAME

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Unix sockets and flock")


def sock(home: Path) -> Path:
    return socket_path(home / "data" / NAME)


def wait_for(condition, seconds: float = 10.0) -> None:
    end = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.02)


def rows(home: Path) -> list[tuple[str, str | None]]:
    with sqlite3.connect(home / "data" / "history.db") as conn:
        return conn.execute("SELECT what, how FROM breaks ORDER BY id").fetchall()


@pytest.fixture
def scheduler(tmp_path):
    procs = []

    def start(*args: str, env=None):
        proc = spawn(tmp_path, *args, env=env)
        procs.append(proc)
        read_until(proc, "scheduling stretch breaks")
        wait_for(lambda: sock(tmp_path).exists())
        return proc

    yield start
    for proc in procs:
        stop(proc)


def test_a_door_holds_the_reminders_for_a_meeting_and_ends_it(tmp_path, scheduler):
    proc = scheduler()
    path = sock(tmp_path)
    assert path.stat().st_mode & 0o777 == 0o600
    until = time.time() + 1800
    answer = asyncio.run(ask(path, "meeting", until=until))
    assert answer == {"ok": True, "say": ""}
    line = read_until(proc, "meeting: no reminders until")[-1]
    assert time.strftime("%H:%M", time.localtime(round(until))) in line  # the log rounds to the second
    assert asyncio.run(ask(path, "resume"))["ok"]
    read_until(proc, "meeting over after 0 min")
    # A request that cannot apply says why, in one line.
    answer = asyncio.run(ask(path, "snooze"))
    assert answer == {"ok": False, "say": "No break is due now: nothing to snooze."}
    assert rows(tmp_path) == [("meeting", None)]


@pytest.mark.parametrize("worked", [True, False], ids=["something done", "nothing done"])
def test_a_routine_in_a_door_counts_once_and_its_loss_ends_it(tmp_path, scheduler, worked):
    proc = scheduler()
    path = sock(tmp_path)

    async def routine() -> None:
        from tui.services.breaks.door import DoorClient

        changed = asyncio.Event()
        door = DoorClient(path, changed.set)
        assert (await door.request("start"))["ok"]
        await asyncio.wait_for(changed.wait(), 5)  # every door hears of it
        if worked:
            assert (await door.request("worked"))["ok"]  # an exercise of it was done
        door.close()  # the door vanishes mid-routine (closed terminal, kill -9)

    asyncio.run(routine())
    if worked:
        read_until(proc, "stretch break taken (a routine)")
        assert rows(tmp_path) == [("taken", "routine")]
    else:
        read_until(proc, "stretch break skipped (every exercise skipped)")
        assert rows(tmp_path) == [("skipped", "through")]


def test_a_skipped_through_desk_break_in_a_door_is_counted_skipped(tmp_path, scheduler):
    proc = scheduler()
    path = sock(tmp_path)

    async def routine() -> None:
        from tui.services.breaks.door import DoorClient

        door = DoorClient(path, lambda: None)
        assert (await door.request("start"))["ok"]
        assert (await door.request("end", skipped=True))["ok"]
        door.close()

    asyncio.run(routine())
    read_until(proc, "stretch break skipped (every exercise skipped)")
    assert rows(tmp_path) == [("skipped", "through")]


@pytest.fixture
def notifications(monkeypatch):
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed")
    pytest.importorskip("dbus_fast")
    from tests.services.notify.fake_server import FakeServer, Recorder, start_daemon

    daemon, address = start_daemon()
    recorder = Recorder("ok", ("body", "actions"))
    server = FakeServer(address, recorder)
    server.start()
    yield address, recorder
    server.stop()
    daemon.terminate()
    daemon.wait(5)


def test_the_notification_buttons_snooze_skip_and_start(tmp_path, scheduler, notifications):
    address, recorder = notifications
    # Every 6 s: a prompt nobody answers closes after 6 s, time enough for a press.
    proc = scheduler("--every", "6", env={"DBUS_SESSION_BUS_ADDRESS": address})

    def due_shown():
        shown = [c for c in recorder.shown() if c.summary == "Time to stand up and stretch"]
        return shown[-1] if shown else None

    read_until(proc, "stretch break due")
    wait_for(lambda: due_shown() is not None)
    call = due_shown()
    assert call.actions[::2] == ["start", "snooze", "skip"] and call.hints["urgency"] == 2
    recorder.press(call.id, "snooze")
    read_until(proc, "stretch break snoozed until")
    wait_for(lambda: due_shown() is None)  # answered: closed on the desktop

    read_until(proc, "stretch break due")
    wait_for(lambda: due_shown() is not None)
    recorder.press(due_shown().id, "skip")
    read_until(proc, "stretch break skipped")
    wait_for(lambda: due_shown() is None)

    read_until(proc, "stretch break due")
    wait_for(lambda: due_shown() is not None)
    recorder.press(due_shown().id, "start")
    read_until(proc, "stretch break under way")
    # Nothing answered otherwise: taken once its length (here the 6 s interval) has passed.
    read_until(proc, "stretch break taken")
    assert rows(tmp_path)[:3] == [("snoozed", None), ("skipped", "prompt"), ("taken", "manual")]


def write_plan(home: Path, days: str) -> None:
    """A plan of core-basics on `days` at the current minute: due at once on such a day
    (not written in the day's last seconds, lest the scheduler start on the next day)."""
    from datetime import datetime

    now = datetime.now().astimezone()
    if (now.hour, now.minute) == (23, 59):
        time.sleep(61 - now.second)
        now = datetime.now().astimezone()
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "config" / "plan.yaml").write_text(
        f'start: {now.date()}\ntime: "{now:%H:%M}"\nnote: Ease off if the leg hurts.\n'
        f"routines:\n  - routine: core-basics\n    days: [{days}]\n")


def reminder_rows(home: Path) -> list[tuple[str, str, str | None]]:
    with sqlite3.connect(home / "data" / "history.db") as conn:
        return conn.execute("SELECT routine_key, what, how FROM reminders ORDER BY id").fetchall()


def test_the_plans_reminder_reaches_the_doors_and_a_doors_snooze_is_kept(tmp_path, scheduler):
    from datetime import datetime

    today = datetime.now().astimezone().strftime("%a").lower()
    write_plan(tmp_path, today)
    proc = scheduler()
    read_until(proc, "Core basics reminded (plan)")
    path = sock(tmp_path)

    async def doors() -> None:
        from tui.services.breaks.door import DoorClient

        heard: list[asyncio.Queue] = [asyncio.Queue(), asyncio.Queue()]
        one = DoorClient(path, lambda: None, reminder=heard[0].put_nowait)
        two = DoorClient(path, lambda: None, reminder=heard[1].put_nowait)
        assert await one.connect() and await two.connect()
        # Open when they connected: each is shown it, worded by the scheduler.
        for queue in heard:
            shown = await asyncio.wait_for(queue.get(), 5)
            assert shown["routine"] == "core-basics" and shown["title"] == "Time for Core basics"
            assert shown["note"] == "Ease off if the leg hurts." and shown["snoozes_left"] == 2
        assert await one.request("plan", what="snoozed", routine="core-basics") == {"ok": True, "say": ""}
        # Answered in one door: every door closes its prompt.
        for queue in heard:
            assert await asyncio.wait_for(queue.get(), 5) is None
        # Answered already: a second answer says so.
        answer = await two.request("plan", what="skipped", routine="core-basics")
        assert answer == {"ok": False, "say": "That reminder was answered already."}
        one.close()
        two.close()

    asyncio.run(doors())
    read_until(proc, "Core basics reminder snoozed")
    assert reminder_rows(tmp_path) == [("core-basics", "sent", None), ("core-basics", "snoozed", "prompt")]


def test_on_a_rest_day_the_doors_hear_of_no_reminder(tmp_path, scheduler):
    from datetime import datetime, timedelta

    tomorrow = (datetime.now().astimezone() + timedelta(days=1)).strftime("%a").lower()
    write_plan(tmp_path, tomorrow)
    proc = scheduler()
    read_until(proc, "reminding of the plan; next Core basics")
    path = sock(tmp_path)

    async def door() -> list:
        from tui.services.breaks.door import DoorClient

        heard: list = []
        client = DoorClient(path, lambda: None, reminder=heard.append)
        assert await client.connect()
        await asyncio.sleep(1.0)  # a greeting would have come at once
        answer = await client.request("plan", what="started", routine="core-basics")
        client.close()
        return [heard, answer]

    heard, answer = asyncio.run(door())
    assert heard == []
    assert answer == {"ok": False, "say": "That reminder was answered already."}
    assert reminder_rows(tmp_path) == []


def test_a_rest_day_passes_without_a_word_to_the_doors_and_the_next_planned_day_speaks(tmp_path):
    """The scheduler in this process on fake clocks (tests/cli/test_headless_plan.py's), its
    socket real: Monday 09:30 reminds, Tuesday (a rest day) says nothing, Wednesday does."""
    import io

    from tests.cli.test_headless_plan import DAY, PLAN, Clocks
    from tui.cli.headless.runner import Runner
    from tui.engine.breaks.state import Schedule
    from tui.engine.breaks.workhours import Hours
    from tui.services.breaks.door import DoorClient
    from tui.services.breaks.keeper import BreakKeeper
    from tui.services.plan_file import plan_path
    from tui.services.plan_reminders import PlanKeeper
    from tui.services.store import open_store
    from datetime import timezone

    plan_path().parent.mkdir(parents=True, exist_ok=True)
    plan_path().write_text(PLAN)
    clocks = Clocks()
    store = open_store(tmp_path / "history.db", wall=clocks.wall)
    keeper = BreakKeeper(Schedule(hours=Hours(days=frozenset(), zone=timezone.utc)), store=store,
                         wall=clocks.wall)
    plan = PlanKeeper(store=store, wall=clocks.wall, routines={"core-basics": "Core basics"},
                      zone=timezone.utc)
    runner = Runner(keeper, out=io.StringIO(), err=io.StringIO(), real=clocks.real, mono=clocks.mono,
                    plan=plan, door=tmp_path / "breaks.sock")

    async def day_by_day() -> None:
        runner.begin()  # Monday 09:00
        await runner.doors.open()
        heard: asyncio.Queue = asyncio.Queue()
        door = DoorClient(tmp_path / "breaks.sock", lambda: None, reminder=heard.put_nowait)
        assert await door.connect()

        async def tick(seconds: float) -> None:
            clocks.advance(seconds)
            runner.tick()
            await asyncio.sleep(0.05)  # time for the news to cross the socket

        await tick(1800)  # Monday 09:30
        shown = await asyncio.wait_for(heard.get(), 5)
        assert shown["title"] == "Time for Core basics" and shown["day"] == "2026-11-30"
        assert (await door.request("plan", what="skipped", routine="core-basics"))["ok"]
        assert await asyncio.wait_for(heard.get(), 5) is None
        for _ in range(38):  # hour by hour, Monday 10:30 to Tuesday 23:30: not a word
            await tick(3600)
        assert heard.empty()
        await tick(10 * 3600)  # Wednesday 09:30
        shown = await asyncio.wait_for(heard.get(), 5)
        assert shown["day"] == "2026-12-02"
        door.close()
        runner.doors.close()

    try:
        asyncio.run(day_by_day())
        assert [(r["routine"], r["what"], r["how"]) for r in store.rows() if r["kind"] == "reminder"] == [("core-basics", "sent", None), ("core-basics", "skipped", "prompt"),
                                           ("core-basics", "sent", None)]
    finally:
        store.close()

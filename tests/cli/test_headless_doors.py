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
    assert time.strftime("%H:%M", time.localtime(until)) in line
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

"""logind news over D-Bus: a fake login1 on a private dbus-daemon, and no bus at all."""

from __future__ import annotations

import asyncio
import time
from typing import Iterator

import pytest

from tui.services.logind import Logind

pytest.importorskip("dbus_fast")


@pytest.fixture
def system_bus(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A private dbus-daemon standing in for the system bus."""
    from tests.services.notify.fake_server import daemon_for

    yield from daemon_for(monkeypatch, "DBUS_SYSTEM_BUS_ADDRESS")


@pytest.fixture
def logind(system_bus: str) -> Iterator:
    from tests.logind_fake import FakeLogind

    fakes = []

    def start(by_pid: bool = True) -> FakeLogind:
        fake = FakeLogind(system_bus, by_pid)
        fake.start()
        fakes.append(fake)
        return fake

    yield start
    for fake in fakes:
        fake.stop()


class Heard:
    def __init__(self) -> None:
        self.items: list[tuple] = []
        self.changed = asyncio.Event()

    def idle(self, away: bool, since: float) -> None:
        self.items.append(("idle", away, since))
        self.changed.set()

    def sleep(self, going: bool, at: float) -> None:
        self.items.append(("sleep", going, at))
        self.changed.set()

    async def next(self) -> tuple:
        await asyncio.wait_for(self.changed.wait(), 5)
        self.changed.clear()
        return self.items[-1]


async def test_sleep_idle_and_lock_news_from_the_callers_session(logind, monkeypatch):
    from tests.logind_fake import SESSION_PATH

    monkeypatch.delenv("XDG_SESSION_ID", raising=False)
    fake = logind(by_pid=True)
    heard = Heard()
    watcher = Logind()
    try:
        assert await watcher.start(heard.idle, heard.sleep)
        assert watcher.session == SESSION_PATH
        before = time.monotonic()
        fake.call(lambda: fake.manager.PrepareForSleep(True))
        kind, going, at = await heard.next()
        assert (kind, going) == ("sleep", True)
        fake.call(lambda: fake.manager.PrepareForSleep(False))
        assert (await heard.next())[:2] == ("sleep", False)

        idle_mono = int((before - 400) * 1e6)  # idle since 400 s ago (CLOCK_MONOTONIC, µs)
        fake.call(lambda: fake.session.set(IdleHint=True, IdleSinceHintMonotonic=idle_mono))
        kind, away, since = await heard.next()
        from tui.services.clocks import boottime

        assert (kind, away) == ("idle", True)
        assert abs((boottime() - since) - 400) < 5  # placed on the real clock
        fake.call(lambda: fake.session.set(LockedHint=True))  # still away: no news
        fake.call(lambda: fake.session.set(IdleHint=False))
        await asyncio.sleep(0.1)
        assert len(heard.items) == 3
        fake.call(lambda: fake.session.set(LockedHint=False))
        assert (await heard.next())[:2] == ("idle", False)
    finally:
        watcher.close()


async def test_a_user_service_watches_the_users_display_session(logind, monkeypatch):
    from tests.logind_fake import SESSION_PATH

    monkeypatch.delenv("XDG_SESSION_ID", raising=False)
    fake = logind(by_pid=False)  # the headless scheduler under systemd --user: no session
    watcher = Logind()
    try:
        assert await watcher.start(lambda *a: None, lambda *a: None)
        assert watcher.session == SESSION_PATH
        assert fake.manager.asked == ["GetSessionByPID", "GetUser"]
    finally:
        watcher.close()


async def test_xdg_session_id_is_asked_first(logind, monkeypatch):
    monkeypatch.setenv("XDG_SESSION_ID", "2")
    fake = logind()
    watcher = Logind()
    try:
        assert await watcher.start(lambda *a: None, lambda *a: None)
        assert fake.manager.asked == ["GetSession 2"]
    finally:
        watcher.close()


async def test_a_bus_without_logind_is_quietly_nothing(system_bus):
    assert not await Logind().start(lambda *a: None, lambda *a: None)


async def test_no_system_bus_at_all_is_quietly_nothing(monkeypatch, tmp_path):
    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", f"unix:path={tmp_path}/no-such-socket")
    started = time.monotonic()
    assert not await Logind().start(lambda *a: None, lambda *a: None)
    assert time.monotonic() - started < 1

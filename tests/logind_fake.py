"""A fake systemd-logind (Manager, one Session, one User) on a private dbus-daemon, for tests.

It runs on its own thread and loop, like tests/services/notify/fake_server.py; `call` runs a function
on that loop (to emit a signal or change a property) and waits for it.
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any, Callable

from dbus_fast import PropertyAccess
from dbus_fast.aio import MessageBus
from dbus_fast.errors import DBusError
from dbus_fast.service import ServiceInterface, dbus_method, dbus_property, dbus_signal

NAME = "org.freedesktop.login1"
SESSION_PATH = "/org/freedesktop/login1/session/_32"
USER_PATH = "/org/freedesktop/login1/user/_1000"


class Manager(ServiceInterface):
    def __init__(self, by_pid: bool) -> None:
        super().__init__("org.freedesktop.login1.Manager")
        self.by_pid = by_pid
        self.asked: list[str] = []

    @dbus_method()
    def GetSession(self, session_id: "s") -> "o":  # noqa: F821
        self.asked.append(f"GetSession {session_id}")
        if session_id != "2":
            raise DBusError("org.freedesktop.login1.NoSuchSession", "no such session")
        return SESSION_PATH

    @dbus_method()
    def GetSessionByPID(self, pid: "u") -> "o":  # noqa: F821
        self.asked.append("GetSessionByPID")
        if not self.by_pid:
            raise DBusError("org.freedesktop.login1.NoSessionForPID", "a user service")
        return SESSION_PATH

    @dbus_method()
    def GetUser(self, uid: "u") -> "o":  # noqa: F821
        self.asked.append("GetUser")
        return USER_PATH

    @dbus_signal()
    def PrepareForSleep(self, start: bool) -> "b":  # noqa: F821
        return start


class Session(ServiceInterface):
    def __init__(self) -> None:
        super().__init__("org.freedesktop.login1.Session")
        self.idle = False
        self.locked = False
        self.since = 0

    @dbus_property(access=PropertyAccess.READ)
    def IdleHint(self) -> "b":  # noqa: F821
        return self.idle

    @dbus_property(access=PropertyAccess.READ)
    def IdleSinceHintMonotonic(self) -> "t":  # noqa: F821
        return self.since

    @dbus_property(access=PropertyAccess.READ)
    def LockedHint(self) -> "b":  # noqa: F821
        return self.locked

    def set(self, **values: Any) -> None:
        if "IdleHint" in values:
            self.idle = values["IdleHint"]
        if "IdleSinceHintMonotonic" in values:
            self.since = values["IdleSinceHintMonotonic"]
        if "LockedHint" in values:
            self.locked = values["LockedHint"]
        self.emit_properties_changed(values)


class User(ServiceInterface):
    def __init__(self) -> None:
        super().__init__("org.freedesktop.login1.User")

    @dbus_property(access=PropertyAccess.READ)
    def Display(self) -> "(so)":  # noqa: F821
        return ["2", SESSION_PATH]


class FakeLogind:
    """Serves the three objects on `address` from a thread until `stop()`."""

    def __init__(self, address: str, by_pid: bool = True) -> None:
        self.address = address
        self.manager = Manager(by_pid)
        self.session = Session()
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("fake logind did not start")

    def call(self, fn: Callable[[], Any]) -> None:
        done = threading.Event()

        def run() -> None:
            fn()
            done.set()

        self._loop.call_soon_threadsafe(run)
        done.wait(5)

    def stop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.run_until_complete(self._serve())
        self._ready.set()
        self._loop.run_forever()
        self.bus.disconnect()
        self._loop.close()

    async def _serve(self) -> None:
        self.bus = await MessageBus(bus_address=self.address).connect()
        self.bus.export("/org/freedesktop/login1", self.manager)
        self.bus.export(SESSION_PATH, self.session)
        self.bus.export(USER_PATH, User())
        await self.bus.request_name(NAME)

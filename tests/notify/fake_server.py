"""A fake org.freedesktop.Notifications server on a private dbus-daemon, for tests.

The daemon is a child process (`dbus-daemon --session --nofork --print-address`); the
server runs on its own thread and event loop, so the code under test can use the bus
from any thread, with or without a loop of its own.
"""


import asyncio
import subprocess
import threading
from dataclasses import dataclass, field
from typing import Any, Iterator

from dbus_fast.aio import MessageBus
from dbus_fast.errors import DBusError
from dbus_fast.service import ServiceInterface, dbus_method

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"


@dataclass
class Call:
    app_name: str
    summary: str
    body: str
    hints: dict[str, Any]
    timeout: int


@dataclass
class Recorder:
    mode: str = "ok"  # "ok", "error" (answers with a D-Bus error) or "slow" (never answers in time)
    calls: list[Call] = field(default_factory=list)
    called: threading.Event = field(default_factory=threading.Event)


class FakeNotifications(ServiceInterface):
    def __init__(self, recorder: Recorder) -> None:
        super().__init__(NAME)
        self.recorder = recorder

    @dbus_method()
    async def Notify(self, app_name: "s", replaces_id: "u", app_icon: "s", summary: "s",  # noqa: F821
                     body: "s", actions: "as", hints: "a{sv}", expire_timeout: "i") -> "u":  # noqa: F821
        self.recorder.calls.append(Call(app_name, summary, body,
                                        {k: v.value for k, v in hints.items()}, expire_timeout))
        self.recorder.called.set()
        if self.recorder.mode == "error":
            raise DBusError("org.freedesktop.Notifications.Error.Refused", "refused by the test")
        if self.recorder.mode == "slow":
            await asyncio.sleep(30)
        return len(self.recorder.calls)

    @dbus_method()
    def GetCapabilities(self) -> "as":  # noqa: F821
        return ["body"]

    @dbus_method()
    def GetServerInformation(self) -> "ssss":  # noqa: F821
        return ["fake", "lumbar tests", "1.0", "1.2"]

    @dbus_method()
    def CloseNotification(self, id: "u") -> None:  # noqa: F821,A002
        pass


def start_daemon() -> tuple[subprocess.Popen[str], str]:
    """A private session bus; returns the process and its address."""
    proc = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    address = proc.stdout.readline().strip()
    if not address:
        proc.kill()
        raise RuntimeError("dbus-daemon printed no address")
    return proc, address


def daemon_for(monkeypatch, variable: str) -> Iterator[str]:
    """A private dbus-daemon whose address `variable` (DBUS_SESSION_BUS_ADDRESS or
    DBUS_SYSTEM_BUS_ADDRESS) names for the test; yields the address, stops it after.
    Skips the test where dbus-daemon is missing (.ci/run installs it)."""
    import shutil

    import pytest

    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed (.ci/run installs it)")
    proc, address = start_daemon()
    monkeypatch.setenv(variable, address)
    try:
        yield address
    finally:
        proc.terminate()
        proc.wait(5)


class FakeServer:
    """Serves FakeNotifications on `address` from a thread until `stop()`."""

    def __init__(self, address: str, recorder: Recorder) -> None:
        self.address = address
        self.recorder = recorder
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("fake notification server did not start")
        if self._error is not None:
            raise self._error

    def stop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        try:
            self._loop.run_until_complete(self._serve())
        except BaseException as exc:  # reported to start()
            self._error = exc
            self._ready.set()
            return
        self._ready.set()
        self._loop.run_forever()
        for task in asyncio.all_tasks(self._loop):
            task.cancel()
        self._loop.run_until_complete(asyncio.sleep(0))
        self._loop.close()

    async def _serve(self) -> None:
        self.bus = await MessageBus(bus_address=self.address).connect()
        self.bus.export(PATH, FakeNotifications(self.recorder))
        await self.bus.request_name(NAME)

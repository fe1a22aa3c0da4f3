"""A fake org.freedesktop.Notifications server on a private dbus-daemon, for tests.

The daemon is a child process (`dbus-daemon --config-file=... --nofork --print-address`)
with a configuration of its own: no service directories, so no notification daemon
installed on the machine (dunst, mako, a desktop's own) is ever started by a test. The
server runs on its own thread and event loop, so the code under test can use the bus from
any thread, with or without a loop of its own.
"""


import asyncio
import os
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from typing import Any, Iterator

from dbus_fast.aio import MessageBus
from dbus_fast.errors import DBusError
from dbus_fast.service import ServiceInterface, dbus_method, signal

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"


#: A bus of its own: listens on a socket in a private folder, lets everything through, and
#: has no <servicedir> or <standard_session_servicedirs/>, so nothing is ever activated.
CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={folder}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


@dataclass
class Call:
    app_name: str
    summary: str
    body: str
    hints: dict[str, Any]
    timeout: int
    replaces_id: int = 0
    actions: list[str] = field(default_factory=list)
    id: int = 0
    """The id the server gave it (a replaced one keeps its id)."""


@dataclass
class Recorder:
    mode: str = "ok"  # "ok", "error" (answers with a D-Bus error) or "slow" (never answers in time)
    capabilities: tuple[str, ...] = ("body",)
    calls: list[Call] = field(default_factory=list)
    closed: list[int] = field(default_factory=list)
    """Ids passed to CloseNotification."""
    called: threading.Event = field(default_factory=threading.Event)
    server: "FakeServer | None" = None

    def press(self, nid: int, action: str) -> None:
        """The user presses the button `action` on notification `nid` (ActionInvoked)."""
        assert self.server is not None
        self.server.call(lambda iface: iface.ActionInvoked(nid, action))

    def shown(self) -> list[Call]:
        """The notifications on screen now: the latest call per id, less the closed ones."""
        latest: dict[int, Call] = {}
        for call in self.calls:
            latest[call.id] = call
        return [c for i, c in latest.items() if i not in self.closed]


class FakeNotifications(ServiceInterface):
    def __init__(self, recorder: Recorder) -> None:
        super().__init__(NAME)
        self.recorder = recorder

    @dbus_method()
    async def Notify(self, app_name: "s", replaces_id: "u", app_icon: "s", summary: "s",  # noqa: F821
                     body: "s", actions: "as", hints: "a{sv}", expire_timeout: "i") -> "u":  # noqa: F821
        nid = replaces_id if replaces_id else len(self.recorder.calls) + 1
        self.recorder.calls.append(Call(app_name, summary, body,
                                        {k: v.value for k, v in hints.items()}, expire_timeout,
                                        replaces_id, list(actions), nid))
        self.recorder.called.set()
        if self.recorder.mode == "error":
            raise DBusError("org.freedesktop.Notifications.Error.Refused", "refused by the test")
        if self.recorder.mode == "slow":
            await asyncio.sleep(30)
        return nid

    @dbus_method()
    def GetCapabilities(self) -> "as":  # noqa: F821
        return list(self.recorder.capabilities)

    @signal()
    def ActionInvoked(self, nid: int, action: str) -> "us":  # noqa: F821
        return [nid, action]

    @signal()
    def NotificationClosed(self, nid: int, reason: int) -> "uu":  # noqa: F821
        return [nid, reason]

    @dbus_method()
    def GetServerInformation(self) -> "ssss":  # noqa: F821
        return ["fake", "lumbar tests", "1.0", "1.2"]

    @dbus_method()
    def CloseNotification(self, id: "u") -> None:  # noqa: F821,A002
        self.recorder.closed.append(id)
        self.NotificationClosed(id, 3)  # 3: closed by CloseNotification


def start_daemon() -> tuple[subprocess.Popen[str], str]:
    """A private bus with its own configuration (see CONFIG); returns the process and its
    address. The configuration file and the socket's folder go when the daemon does."""
    folder = tempfile.mkdtemp(prefix="lumbar-bus-")
    config = os.path.join(folder, "bus.conf")
    with open(config, "w", encoding="utf-8") as f:
        f.write(CONFIG.format(folder=folder))
    proc = subprocess.Popen(["dbus-daemon", f"--config-file={config}", "--nofork",
                             "--print-address=1"],
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
        folder = address.partition("path=")[2].rpartition("/")[0]
        if os.path.basename(folder).startswith("lumbar-bus-"):
            shutil.rmtree(folder, ignore_errors=True)


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

    def call(self, fn: Any) -> None:
        """Run `fn(interface)` on the server's loop (to emit a signal) and wait for it."""
        done = threading.Event()

        def run() -> None:
            try:
                fn(self.interface)
            finally:
                done.set()

        self._loop.call_soon_threadsafe(run)
        done.wait(5)

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
        self.interface = FakeNotifications(self.recorder)
        self.recorder.server = self
        self.bus.export(PATH, self.interface)
        await self.bus.request_name(NAME)

from __future__ import annotations

import shutil
from typing import Callable, Iterator

import pytest


@pytest.fixture
def no_bus(monkeypatch: pytest.MonkeyPatch) -> None:
    """No session bus at all: neither an address nor an X display to find one from."""
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)


@pytest.fixture
def private_bus(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A private dbus-daemon with nothing on it; DBUS_SESSION_BUS_ADDRESS points there."""
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed (.ci/run installs it)")
    pytest.importorskip("dbus_fast")
    from .fake_server import start_daemon

    proc, address = start_daemon()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
    try:
        yield address
    finally:
        proc.terminate()
        proc.wait(5)


@pytest.fixture
def fake_server(private_bus: str) -> Iterator[Callable[..., object]]:
    """Start a fake notification server on the private bus: `fake_server(mode="ok")`."""
    from .fake_server import FakeServer, Recorder

    servers: list[FakeServer] = []

    def start(mode: str = "ok") -> Recorder:
        recorder = Recorder(mode)
        server = FakeServer(private_bus, recorder)
        server.start()
        servers.append(server)
        return recorder

    yield start
    for server in servers:
        server.stop()

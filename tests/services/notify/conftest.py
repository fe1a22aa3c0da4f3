from __future__ import annotations

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
    pytest.importorskip("dbus_fast")
    from .fake_server import daemon_for

    yield from daemon_for(monkeypatch, "DBUS_SESSION_BUS_ADDRESS")


@pytest.fixture
def fake_server(private_bus: str) -> Iterator[Callable[..., object]]:
    """Start a fake notification server on the private bus: `fake_server(mode="ok")`."""
    from .fake_server import FakeServer, Recorder

    servers: list[FakeServer] = []

    def start(mode: str = "ok", capabilities: tuple[str, ...] = ("body",)) -> Recorder:
        recorder = Recorder(mode, capabilities)
        server = FakeServer(private_bus, recorder)
        server.start()
        servers.append(server)
        return recorder

    yield start
    for server in servers:
        server.stop()

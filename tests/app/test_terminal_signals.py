"""SignalHandlers on their own: the forced exit when the orderly one does not finish.

No signal is sent here: the handlers are called as the interpreter would call them, and
`os._exit` is replaced by a recorder, since the real one would end the test run.
"""

from __future__ import annotations

import signal
import threading

import pytest

from tui.app import terminal
from tui.app.terminal import SignalHandlers, exit_status


class Host:
    def __init__(self) -> None:
        self.abandoned = threading.Event()
        self.ended: list[int] = []

    def end_by_signal(self, signum: int) -> None:
        self.ended.append(signum)

    def stop_to_shell(self) -> None:
        pass

    def continued(self, planned: bool) -> None:
        pass

    def abandon(self) -> None:
        self.abandoned.set()


@pytest.fixture
def exits(monkeypatch) -> list[int]:
    codes: list[int] = []
    monkeypatch.setattr(terminal.os, "_exit", codes.append)
    return codes


def test_an_exit_that_hangs_is_forced_after_the_grace(exits):
    host = Host()
    handlers = SignalHandlers(host)
    handlers.grace = 0.05
    handlers._on_ending_signal(signal.SIGHUP, None)  # no loop: the orderly exit never comes
    assert host.abandoned.wait(5)
    handlers._watchdog.join(5)
    assert exits == [exit_status(signal.SIGHUP)] == [129]


def test_an_exit_that_finishes_is_not_forced(exits):
    host = Host()
    handlers = SignalHandlers(host)
    handlers.grace = 0.2
    handlers._on_ending_signal(signal.SIGTERM, None)
    watchdog = handlers._watchdog
    handlers.disarm()
    watchdog.join(5)
    assert exits == [] and not host.abandoned.is_set()


def test_without_a_grace_nothing_is_forced_and_a_second_signal_is(exits):
    host = Host()
    handlers = SignalHandlers(host)
    handlers._on_ending_signal(signal.SIGTERM, None)
    assert handlers._watchdog is None and exits == []
    handlers._on_ending_signal(signal.SIGTERM, None)
    assert host.abandoned.is_set() and exits[0] == 143


async def test_a_terminal_that_hangs_up_ends_lumbar_as_sighup_does(exits):
    """The watch ends lumbar on a hangup it would never hear as SIGHUP (make leads the
    session); a SIGHUP after it is the same hangup, not a second signal; removing the
    handlers afterwards is quiet."""
    import asyncio
    import os
    import pty

    host = Host()
    handlers = SignalHandlers(host)
    handlers._loop = asyncio.get_running_loop()
    parent, child = pty.openpty()
    try:
        handlers.watch_terminal(child)
        await asyncio.sleep(0.05)
        assert host.ended == []  # an open terminal: the watch waits
        os.close(parent)  # the terminal's window closes
        for _ in range(100):
            if host.ended:
                break
            await asyncio.sleep(0.02)
        assert host.ended == [signal.SIGHUP]
        handlers._on_ending_signal(signal.SIGHUP, None)
        assert exits == [] and not host.abandoned.is_set()
        handlers._loop = None
        handlers.remove()  # the watch has already ended: nothing to wake, nothing raised
    finally:
        os.close(child)


async def test_removing_the_handlers_ends_a_watch_that_heard_nothing():
    import asyncio
    import os
    import pty

    host = Host()
    handlers = SignalHandlers(host)
    parent, child = pty.openpty()
    try:
        before = {t.name for t in threading.enumerate()}
        handlers.watch_terminal(child)
        assert "lumbar-hangup" in {t.name for t in threading.enumerate()} - before
        handlers.remove()
        for _ in range(100):
            if "lumbar-hangup" not in {t.name for t in threading.enumerate()}:
                break
            await asyncio.sleep(0.02)
        assert "lumbar-hangup" not in {t.name for t in threading.enumerate()}
        assert host.ended == []
    finally:
        os.close(parent)
        os.close(child)

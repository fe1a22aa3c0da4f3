"""The notifier: one notice out through every channel, one warning per channel that fails."""

from __future__ import annotations

import sys
import threading
from typing import TYPE_CHECKING, Callable, Iterable, Mapping

from tui.services.notify.notice import Channel, Notice, Outcome, Report

if TYPE_CHECKING:
    from tui.services.notify.terminal import Write


class Notifier:
    """Sends each notice through all its channels and keeps their first failures.

    `send` returns at once: terminal channels write a few bytes, the desktop channel
    schedules its work on its own thread. A channel that fails is reported once,
    as one line naming it (`problems`, and `on_problem` when given); it keeps being
    tried, so it works again when the cause goes away.

    Args:
        channels: the channels, in the order they are tried; or a function that makes
            them, called at the first use (the app's start loads no channel's code).
        on_problem: called with each new problem line; on the caller's event loop
            when `send` was called from one, otherwise possibly on another thread.
    """

    def __init__(self, channels: Iterable[Channel] | Callable[[], Iterable[Channel]],
                 on_problem: Callable[[str], None] | None = None) -> None:
        self._channels: tuple[Channel, ...] | None = None
        self._make: Callable[[], Iterable[Channel]] | None = None
        if callable(channels):
            self._make = channels
        else:
            self._channels = tuple(channels)
        self.problems: list[str] = []
        self._on_problem = on_problem
        self._warned: set[str] = set()
        self._guard = threading.Lock()

    @property
    def channels(self) -> tuple[Channel, ...]:
        """The channels, made now if they were not yet."""
        if self._channels is None:
            with self._guard:  # `send` may come from another thread: make them once
                if self._channels is None:
                    assert self._make is not None
                    self._channels = tuple(self._make())
        return self._channels

    def send(self, notice: Notice, on_outcome: Report | None = None) -> None:
        """Send `notice` everywhere; `on_outcome` hears once from each channel."""
        for channel in self.channels:
            report = self._reporter(on_outcome)
            try:
                channel.send(notice, report)
            except Exception as exc:  # a channel bug must not stop the others
                report(Outcome(channel.name, channel.label, False, f"{type(exc).__name__}: {exc}"))

    def withdraw(self, key: str) -> None:
        """Close the notification about `key` where a channel can (the desktop); terminal
        notifications and the bell cannot be taken back."""
        for channel in self.channels:
            withdraw = getattr(channel, "withdraw", None)
            if withdraw is not None:
                try:
                    withdraw(key)
                except Exception:  # noqa: BLE001 - closing is a courtesy, never a failure
                    pass

    def listen(self, pressed: Callable[[str, str], None]) -> None:
        """Hear notification buttons: `pressed(key, action id)`, on the caller's loop."""
        for channel in self.channels:
            listen = getattr(channel, "listen", None)
            if listen is not None:
                listen(pressed)

    def prepare(self) -> None:
        """Let channels with slow set-up (the desktop one) do it now, in the background."""
        for channel in self.channels:
            prepare = getattr(channel, "prepare", None)
            if prepare is not None:
                prepare()

    def close(self) -> None:
        for channel in self._channels or ():  # channels never made have nothing to close
            channel.close()

    def _reporter(self, on_outcome: Report | None) -> Report:
        def report(outcome: Outcome) -> None:
            if not outcome.ok:
                with self._guard:
                    first = outcome.channel not in self._warned
                    self._warned.add(outcome.channel)
                    if first:
                        self.problems.append(outcome.line())
                if first and self._on_problem is not None:
                    self._on_problem(outcome.line())
            if on_outcome is not None:
                on_outcome(outcome)

        return report


def default_channels(write: Write | None = None, *, flavour: str = "auto",
                     env: Mapping[str, str] | None = None,
                     desktop_timeout: float = 2.0) -> list[Channel]:
    """Desktop, terminal (OSC) and bell, writing through `write` (default: standard
    error when it is a terminal)."""
    from tui.services.notify.terminal import BellChannel, TerminalChannel

    desktop: Channel
    if sys.platform.startswith("linux"):
        from tui.services.notify.freedesktop import FreedesktopChannel

        desktop = FreedesktopChannel(timeout=desktop_timeout)
    else:
        from tui.services.notify.desktop import DesktopChannel

        desktop = DesktopChannel(timeout=desktop_timeout)
    return [
        desktop,
        TerminalChannel(flavour, write, env),
        BellChannel(write),
    ]

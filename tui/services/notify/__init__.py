"""Notifications: one notice out through the desktop, the terminal and the bell.

Channels (each fails soft: a failure is one line naming the channel, once):

- **desktop**: desktop-notifier, i.e. org.freedesktop.Notifications over the D-Bus
  session bus on Linux, the native centre on macOS (inside an app bundle) and Windows.
  Needs a session bus and a notification server; bounded by a timeout, off the
  caller's event loop (see `desktop`).
- **terminal**: an OSC escape sequence the terminal turns into a notification. Which
  one a terminal reads cannot be asked, so it is chosen from the environment
  (`terminal.detect_flavour`): OSC 99 for kitty (title, body and urgency), OSC 777
  for Ghostty, foot and rxvt (title and body), OSC 9 for iTerm2, WezTerm, Windows
  Terminal and every terminal not recognised (one line; a terminal that does not know
  it ignores it). Only one flavour is sent, so a terminal that reads several does not
  show the notice twice; a setting can name the flavour instead of "auto". Inside tmux
  ($TMUX) the sequence is wrapped for passthrough, which tmux 3.3+ forwards only with
  `set -g allow-passthrough on`.
- **bell**: BEL, which every terminal knows.

Terminal channels write through a `write(str)` callable the app hands in (inside a
full-screen app the bytes must go through its driver); the default is standard
error when it is a terminal. `lumbar notify-test` tries every channel.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.services.notify.desktop import DesktopChannel
    from tui.services.notify.notice import Channel, Notice, Outcome
    from tui.services.notify.notifier import Notifier, default_channels
    from tui.services.notify.terminal import BellChannel, TerminalChannel

__all__ = ["BellChannel", "Channel", "DesktopChannel", "Notice", "Notifier", "Outcome",
           "TerminalChannel", "default_channels"]

#: Where each name lives. Each is imported when first asked for (PEP 562): the app makes
#: its notifier at start but its channels at the first notice, which a routine on the
#: routine list may never send (the channels' modules are ~0.2 MB of the app's memory).
_HOMES = {"BellChannel": "terminal", "TerminalChannel": "terminal", "DesktopChannel": "desktop",
          "Channel": "notice", "Notice": "notice", "Outcome": "notice",
          "Notifier": "notifier", "default_channels": "notifier"}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{home}"), name)

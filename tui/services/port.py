"""The App's bell, terminal and toasts for the services made before the App is.

The cues ring the App's bell, the notifier writes bells and OSC notifications to its
terminal and reports problems as toasts; all three are made by the launcher before the
App exists (tui/cli/launch.py). They are given this port, and the App plugs itself in as
it is built (`LumbarApp.__init__`). Until then, and after a failed start, everything sent
here is dropped.
"""

from __future__ import annotations

from typing import Any, Callable


class Port:
    """A socket for the App.

    Args:
        writer: given the App, a `write(text)` that sends raw text to its terminal
            (tui.widgets.paint.terminal_writer, the one place that may use Textual's
            private driver).
        teller: given the App, a `tell(news)` to its browser page (tui.widgets.paint.page_writer).
    """

    def __init__(self, writer: Callable[[Any], Callable[[str], None]] | None = None,
                 teller: Callable[[Any], Callable[[dict[str, object]], None]] | None = None) -> None:
        self._writer = writer
        self._teller = teller
        self._app: Any = None
        self._write: Callable[[str], None] | None = None
        self._tell: Callable[[dict[str, object]], None] | None = None

    def plug(self, app: Any) -> None:
        """The App, once built."""
        self._app = app
        self._write = self._writer(app) if self._writer is not None else None
        self._tell = self._teller(app) if self._teller is not None else None

    def tell_page(self, **news: object) -> None:
        """News for the browser page lumbar is served in (tui.widgets.paint.page_writer):
        `cue` (a cue's name), `awake` (keep the screen on), `sound` (on or off)."""
        if self._tell is not None:
            self._tell(news)

    def bell(self) -> None:
        """Ring the App's terminal bell."""
        if self._app is not None:
            self._app.bell()

    def write(self, text: str) -> None:
        """Raw text to the App's terminal (a bell, an OSC notification)."""
        if self._write is not None:
            self._write(text)

    def notify(self, text: str, **options: Any) -> None:
        """A toast in the App, now."""
        if self._app is not None:
            self._app.notify(text, **options)

    def notify_later(self, text: str, **options: Any) -> None:
        """A toast in the App, from anywhere on its loop (after the current callback)."""
        if self._app is not None:
            self._app.call_later(self._app.notify, text, **options)

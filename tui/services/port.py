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
    """

    def __init__(self, writer: Callable[[Any], Callable[[str], None]] | None = None) -> None:
        self._writer = writer
        self._app: Any = None
        self._write: Callable[[str], None] | None = None

    def plug(self, app: Any) -> None:
        """The App, once built."""
        self._app = app
        self._write = self._writer(app) if self._writer is not None else None

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

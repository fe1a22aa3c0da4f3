"""A character grid fed with what the app would write to a real terminal.

Pilot runs headless, so nothing is written anywhere; this captures each screen update
Textual hands to the display, renders it to the same escape sequences a terminal would
get, and applies them to a grid. Cells a partial repaint misses keep their old text here,
as they would on a real screen. It understands what Textual emits for updates: cursor
moves (``ESC [ row ; col H``), new lines, colours (ignored) and printable text.
"""

from __future__ import annotations

import re

from textual._compositor import CompositorUpdate

_SEQUENCE = re.compile(r"\x1b\[(\d+);(\d+)H|\x1b\[[0-9;?<=>]*[A-Za-z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")


class VirtualTerminal:
    def __init__(self, app) -> None:
        width, height = app.size
        self.rows = [[" "] * width for _ in range(height)]
        self.updates = 0
        self._app = app

    def attach(self, monkeypatch) -> None:
        """Route every display of ``app`` here instead of to the (headless) driver."""
        app = self._app

        def display(screen, renderable) -> None:
            if isinstance(renderable, CompositorUpdate):
                self.updates += 1
                self.feed(renderable.render_segments(app.console))

        monkeypatch.setattr(app, "_display", display)

    def feed(self, data: str) -> None:
        self._y = self._x = 0
        position = 0
        for match in _SEQUENCE.finditer(data):
            self._text(data[position:match.start()])
            if match.group(1) is not None:
                self._y, self._x = int(match.group(1)) - 1, int(match.group(2)) - 1
            position = match.end()
        self._text(data[position:])

    def _text(self, text: str) -> None:
        for char in text:
            if char == "\n":
                self._y, self._x = self._y + 1, 0
            elif char == "\r":
                self._x = 0
            else:
                if 0 <= self._y < len(self.rows) and 0 <= self._x < len(self.rows[self._y]):
                    self.rows[self._y][self._x] = char
                self._x += 1

    def lines(self) -> list[str]:
        return ["".join(row) for row in self.rows]


def truth(app) -> list[str]:
    """Every row as the compositor would draw it from scratch now."""
    return [strip.text for strip in app.screen._compositor.render_strips()]

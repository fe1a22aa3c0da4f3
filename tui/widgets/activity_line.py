"""One line naming the running activities the visible screen does not show.

"Ice · 12:40 left  ·  Morning back · Pelvic tilt". The App mounts one on every full screen
and feeds it; it is hidden while nothing else runs, so a screen looks the same as before
until a second activity starts.
"""

from __future__ import annotations

from typing import Any, Iterable

from textual.widgets import Static


def describe(name: str, view: Any) -> str:
    """The status-line words for one activity's view (any view with `label` and `line`, or a
    routine's SessionView)."""
    label = getattr(view, "label", None)
    line = getattr(view, "line", None)
    if label and line is not None:
        return f"{label} · {line}"
    title = getattr(view, "title", None)
    if title is not None:
        paused = " · paused" if getattr(view, "paused", False) else ""
        return f"Routine · {title}{paused}"
    return name.capitalize()


class TopLine(Static):
    DEFAULT_CSS = """
    TopLine {
        dock: top;
        height: 1;
        width: 1fr;
        padding: 0 1;
        background: $boost;
        color: $text-warning;
        text-style: bold;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        display: none;
    }
    """
    """One line docked above the screen's own content; hidden while it has nothing to say."""

    def __init__(self) -> None:
        super().__init__("", markup=False)
        self._text = ""

    def say(self, text: str) -> None:
        """Show ``text``; the empty string hides the line."""
        if text == self._text:
            return
        self._text = text
        self.display = bool(text)
        self.update(text)

    @property
    def text(self) -> str:
        return self._text


class ActivityLine(TopLine):
    """The running activities the screen does not show; hidden until something else runs."""

    def show(self, views: Iterable[tuple[str, Any]]) -> None:
        """The other activities' (name, view) pairs; an empty sequence hides the line."""
        self.say("  ·  ".join(describe(name, v) for name, v in views))

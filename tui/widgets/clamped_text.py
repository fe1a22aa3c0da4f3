"""ClampedText: user text wrapped to the widget's width and cut after a few lines, visibly.

A cue's last sentence is often the one that says when to stop, so a cue that does not fit
never just ends: its last line ends in a sign (``"… (s: more)"``) that says which key shows
all of it. The text is shown as plain text: routine files are user input, never markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.geometry import Size


def clamp(text: str, width: int, max_lines: int, more: str) -> tuple[list[Content], bool]:
    """``text`` wrapped to ``width`` cells, at most ``max_lines`` lines.

    Returns:
        The lines, and True when some of the text was left out; the last line then ends
        in ``more``, cut back to a word boundary to make room for it.
    """
    if width <= 0 or not text:
        return [], False
    lines = Content(text).wrap(width)
    if len(lines) <= max_lines:
        return lines, False
    kept = lines[:max_lines]
    room = width - cell_len(more)
    words = kept[-1].plain.rstrip().split(" ")
    while len(words) > 1 and cell_len(" ".join(words)) > room:
        words.pop()
    last = " ".join(words)
    if cell_len(last) > room:
        last = Content(last).truncate(max(0, room)).plain
    kept[-1] = Content(last.rstrip() + more)
    return kept, True


class ClampedText(Widget):
    """Wrapped plain text of at most ``max_lines`` lines; a cut ends in the ``more`` sign."""

    DEFAULT_CSS = """
    ClampedText {
        width: 1fr;
        height: auto;
    }
    """

    text: reactive[str] = reactive("", layout=True)
    """All of the text, whatever is shown of it."""
    more: reactive[str] = reactive(" …", layout=True)
    """Ends the last line when text was left out; say there which key shows the rest."""

    def __init__(
        self,
        text: str = "",
        *,
        max_lines: int = 3,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        """Create a ClampedText.

        Args:
            text: The text (plain, never markup).
            max_lines: Lines shown at most.
            name: The name of the widget.
            id: The ID of the widget in the DOM.
            classes: The CSS classes of the widget.
            disabled: Whether the widget is disabled or not.
        """
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self.max_lines = max_lines
        self.set_reactive(ClampedText.text, text)

    @property
    def is_cut(self) -> bool:
        """True when the text does not fit at the current width."""
        return clamp(self.text, self.content_size.width, self.max_lines, self.more)[1]

    def render(self) -> Content:
        lines, _ = clamp(self.text, self.content_size.width, self.max_lines, self.more)
        return Content("\n").join(lines)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """Lines at ``width``: the wrapped text, at most ``max_lines``; one when empty, so
        steps with and without text keep the same layout."""
        return max(1, len(clamp(self.text, width, self.max_lines, self.more)[0]))

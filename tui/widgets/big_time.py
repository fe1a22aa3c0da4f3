"""BigTime: a clock in block digits that grows to fill its space.

Textual's ``Digits`` is three rows tall, too small to read from a mat two
metres away. BigTime draws :mod:`tui.widgets.big_font` glyphs at the largest
whole-number scale that fits its content area, so the same widget is five
rows at 80x24 and much larger on a big terminal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from tui.widgets.big_font import GLYPH_HEIGHT, big_size, render_big

if TYPE_CHECKING:
    from textual.geometry import Size


class BigTime(Widget):
    """Large block digits such as ``"1:30"``, centred in the widget.

    The app pushes a new string from its heartbeat; setting the same string
    again costs nothing because reactives skip unchanged values. Colour
    follows the step kind through the classes in ``DEFAULT_CSS``.
    """

    DEFAULT_CSS = """
    BigTime {
        width: 1fr;
        height: 1fr;
        min-height: 5;
        color: $text;
        text-wrap: nowrap;
        text-overflow: clip;

        &.-prepare { color: $text-warning; }
        &.-hold { color: $text-success; }
        &.-reps { color: $text-accent; }
        &.-rest { color: $text-secondary; }
        &.-switch { color: $text-primary; }
        &.-transition { color: $text-primary; }
        /* Last, so a paused clock is dimmed whatever the step kind. */
        &.-paused { color: $text-muted; }
    }
    """
    """Fill the container, never shorter than one glyph row; colour per step kind."""

    text: reactive[str] = reactive("")
    """What to show, e.g. ``"1:30"``. Characters the big font cannot draw
    make the widget show the text plainly instead of failing."""

    def __init__(
        self,
        text: str = "",
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        """Create a BigTime.

        Args:
            text: Initial text to show.
            name: The name of the widget.
            id: The ID of the widget in the DOM.
            classes: The CSS classes of the widget.
            disabled: Whether the widget is disabled or not.
        """
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        # set_reactive: nothing is mounted yet, so there is nothing to refresh.
        self.set_reactive(BigTime.text, text)

    def fit_scale(self, width: int, height: int) -> int:
        """The largest glyph scale at which ``text`` fits ``width`` x ``height``.

        Args:
            width: Available columns.
            height: Available rows.

        Returns:
            The scale (1 or more), or 0 when even scale 1 does not fit or the
            text holds characters the font cannot draw.
        """
        try:
            base_width, base_height = big_size(self.text, 1)
        except ValueError:
            return 0
        # Size is linear in scale, so divide instead of trying scales in turn.
        by_width = width // base_width if base_width else height // base_height
        return max(0, min(by_width, height // base_height))

    def render(self) -> Content:
        """Draw the glyphs centred in the content area, or plain text if too small."""
        width, height = self.content_size
        scale = self.fit_scale(width, height)
        if scale == 0:
            return self._render_plain(width, height)
        lines = render_big(self.text, scale)
        glyph_width = len(lines[0])
        left = " " * ((width - glyph_width) // 2)
        top = [""] * ((height - len(lines)) // 2)
        return Content("\n".join([*top, *(left + line for line in lines)]))

    def _render_plain(self, width: int, height: int) -> Content:
        """Fallback for tiny terminals: the text on one centred line."""
        left = " " * max(0, (width - len(self.text)) // 2)
        top = [""] * max(0, (height - 1) // 2)
        return Content("\n".join([*top, left + self.text]))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """Width at scale 1, used only if a stylesheet sets ``width: auto``."""
        try:
            return big_size(self.text, 1)[0]
        except ValueError:
            return len(self.text)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """Height at scale 1, used only if a stylesheet sets ``height: auto``."""
        return GLYPH_HEIGHT

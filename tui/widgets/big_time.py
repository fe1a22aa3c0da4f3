"""BigTime: a clock in block digits that grows to fill its space.

Textual's ``Digits`` is three rows tall, too small to read from a mat two
metres away. BigTime draws :mod:`tui.widgets.big_font` glyphs at the largest
whole-number scale that fits its content area, so the same widget is five
rows at 80x24 and much larger on a big terminal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.geometry import Region
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from tui.widgets.big_font import GAP, GLYPH_HEIGHT, big_size, render_big
from tui.widgets.paint import paint_now
from tui.widgets.strips import PlainRows, crop_columns, textual_draws

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

    text: reactive[str] = reactive("", repaint=False)
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
        self._cache_key: tuple[str, int, int] | None = None
        self._cache: list[str] = []
        self._finished: list[Strip] | None = None
        self._rows = PlainRows(self)
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
        return self.fit_scale_for(self.text, width, height)

    @staticmethod
    def fit_scale_for(text: str, width: int, height: int) -> int:
        """`fit_scale` for any text."""
        try:
            base_width, base_height = big_size(text, 1)
        except ValueError:
            return 0
        # Size is linear in scale, so divide instead of trying scales in turn.
        by_width = width // base_width if base_width else height // base_height
        return max(0, min(by_width, height // base_height))

    def watch_text(self, old: str, new: str) -> None:
        self._finished = None
        # A countdown changes one digit a second: repaint those columns, not the whole
        # clock. Anything else (a new length, a new scale) repaints everything.
        if not self.is_mounted:
            return
        width, height = self.content_size
        scale = self.fit_scale(width, height)
        if scale == 0 or len(old) != len(new) or self.fit_scale_for(old, width, height) != scale:
            # A new length or scale ("HOLD 1" to "LOWER 2" on a tempo step): every cell, but
            # in the same write as the frame's other paints (the size is the widget's own).
            self._paint(self.size.region)
            return
        changed = [i for i, (a, b) in enumerate(zip(old, new)) if a != b]
        if not changed:
            return
        glyph_width, glyph_height = big_size(new, scale)
        left = (width - glyph_width) // 2
        top = max(0, (height - glyph_height) // 2)
        start = self._offset(new, changed[0], scale)
        end = self._offset(new, changed[-1] + 1, scale)
        # Of those columns, only the rows whose pixels differ (8 -> 7 keeps its top bar).
        before, after = render_big(old, scale), render_big(new, scale)
        rows = [y for y in range(glyph_height) if before[y][start:end] != after[y][start:end]]
        self._paint(*(Region(left + start, top + first, end - start, last - first + 1) for first, last in _runs(rows)))

    def _paint(self, *regions: Region) -> None:
        """Repaint ``regions`` (content coordinates): directly, unless Textual draws the rows."""
        if textual_draws(self):
            self.refresh(*regions)
        else:
            paint_now(self, *regions)

    @staticmethod
    def _offset(text: str, index: int, scale: int) -> int:
        """Column where character `index` starts (or the text ends, at len(text))."""
        if index == 0:
            return 0
        before = big_size(text[:index], scale)[0]
        return before + (GAP * scale if index < len(text) else 0)

    def lines(self) -> list[str]:
        """The rows drawn at the current size: glyphs centred, or plain text if too small.

        Cached for one (text, size): a second's worth of frames reuse the same rows.
        """
        width, height = self.content_size
        key = (self.text, width, height)
        if self._cache_key != key:
            self._cache_key = key
            self._cache = self._layout(width, height)
        return self._cache

    def _layout(self, width: int, height: int) -> list[str]:
        scale = self.fit_scale(width, height)
        if scale == 0:
            left = " " * max(0, (width - len(self.text)) // 2)
            rows = [""] * max(0, (height - 1) // 2) + [left + self.text]
        else:
            glyphs = render_big(self.text, scale)
            left = " " * ((width - len(glyphs[0])) // 2)
            rows = [""] * ((height - len(glyphs)) // 2) + [left + line for line in glyphs]
        return [row[:width] for row in rows]

    def render(self) -> Content:
        """The same rows as one piece of content (for inspection; drawing uses render_lines)."""
        return Content("\n".join(self.lines()))

    def render_lines(self, crop: Region) -> list[Strip]:
        # Whole rows kept finished until the text, size or colour changes, so the
        # second's repaint skips Textual's per-row styling of the glyph rows. Left and right
        # padding are honoured; top and bottom padding and borders are not supported.
        if textual_draws(self):
            return super().render_lines(crop)
        if self._finished is None:
            lines, row = self.lines(), self._rows.row
            left = " " * self.styles.padding.left
            self._finished = [row(left + line) for line in lines] + [row("")] * (self.outer_size.height - len(lines))
        return crop_columns(self._finished[crop.y:crop.bottom], crop, self.outer_size.width)

    def notify_style_update(self) -> None:
        # A class change (step kind, paused, the last seconds) or a new theme recolours it.
        self._finished = None
        self._rows.clear()
        super().notify_style_update()

    def on_resize(self) -> None:
        self._finished = None
        self._rows.clear()

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """Width at scale 1, used only if a stylesheet sets ``width: auto``."""
        try:
            return big_size(self.text, 1)[0]
        except ValueError:
            return len(self.text)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """Height at scale 1, used only if a stylesheet sets ``height: auto``."""
        return GLYPH_HEIGHT


def _runs(numbers: list[int]) -> list[tuple[int, int]]:
    """Consecutive runs in a sorted list, as (first, last) pairs."""
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and runs[-1][1] == n - 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs

"""Finished rows for widgets that hand Textual their own lines (``render_lines``).

Textual's default path sends every repaint through the widget's styles cache, which pads,
backgrounds and filters each dirty row again and costs about a third of a millisecond a
call even when nothing changed. The clock and the breath pacer change often and look the
same for many frames, so they build whole rows themselves, once per drawing, and keep
them until the drawing, the size or the styles change. Widgets drawn this way have no
border.

Kept rows carry the widget's colours, text style and the app's line filters (NO_COLOR's
monochrome), but not the effects Textual applies to a finished row: ``tint``, ``opacity``
and ``text-opacity``. A widget whose styles ask for one of those is drawn by Textual
(:func:`textual_draws`), so it looks exactly as any other widget would.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.segment import Segment
from textual.strip import Strip
from textual.style import Style as VisualStyle

if TYPE_CHECKING:
    from rich.style import Style
    from textual.geometry import Region
    from textual.widget import Widget


def textual_draws(widget: Widget) -> bool:
    """True when ``widget`` (or an ancestor, for opacity) sets ``tint``, ``opacity`` or
    ``text-opacity``: draw it through ``Widget.render_lines`` and repaint it with
    ``refresh``, since kept rows would ignore them."""
    styles = widget.styles
    return bool(styles.tint.a) or styles.text_opacity != 1.0 or widget.opacity != 1.0


def line_style(widget: Widget) -> Style:
    """The widget's own style with the app's line filters (true colour, NO_COLOR's
    monochrome) applied, for rows drawn in that one style.

    Filters only restyle segments, so filtering one cell's style once gives what
    filtering every row would.
    """
    style = widget.visual_style.rich_style
    strip = Strip([Segment(" ", style)], 1)
    background = widget.background_colors[1]
    for line_filter in widget.get_line_filters():
        strip = strip.apply_filter(line_filter, background)
    return next(iter(strip)).style or style


class PlainRows:
    """Whole rows of one widget in its own style, kept by their text.

    A clock's rows repeat (each glyph row is drawn ``scale`` times, the blank rows every
    second) and a bar has few lengths, so most rows are found rather than built. A row
    found is the same Strip as last time, which keeps Textual's cache of the cuts it made
    of it. Call :meth:`clear` when the widget's size or styles change.
    """

    def __init__(self, widget: Widget, limit: int = 64) -> None:
        self._widget = widget
        self._limit = limit
        """Rows kept at most: a kept row holds Textual's cuts of it too, so memory adds up
        (a pacer bar has ~100 lengths at 100 columns; a clock shows ~6 distinct rows)."""
        self._style: Style | None = None
        self._rows: dict[str, Strip] = {}

    def clear(self) -> None:
        self._style = None
        self._rows = {}

    def row(self, text: str) -> Strip:
        """``text`` (single-width characters, padding included) as a whole row."""
        row = self._rows.get(text)
        if row is None:
            if self._style is None:
                self._style = line_style(self._widget)
            if len(self._rows) >= self._limit:
                self._rows = {}
            width = self._widget.outer_size.width
            row = self._rows[text] = Strip([Segment(text.ljust(width)[:width], self._style)], width)
        return row


def finish(widget: Widget, content: Strip) -> Strip:
    """``content`` (one row of the content area, in any styles) as a whole row of ``widget``:
    the padding added in the widget's style and the app's line filters applied."""
    padding = widget.styles.padding
    width = widget.outer_size.width
    style = widget.visual_style.rich_style
    if padding.left or padding.right:
        segments = [Segment(" " * padding.left, style), *content, Segment(" " * padding.right, style)]
        content = Strip(segments, padding.left + content.cell_length + padding.right)
    strip = content.adjust_cell_length(width, style)
    background = widget.background_colors[1]
    for line_filter in widget.get_line_filters():
        strip = strip.apply_filter(line_filter, background)
    return strip


def finish_as_textual(widget: Widget, content: Strip | None) -> Strip:
    """``content`` (one row of the content area, not padded; None for a blank row) as the
    whole row Textual's own drawing makes of it: the content area filled out and the
    padding added in the background alone, then the app's line filters.

    Unlike :func:`finish`, which fills in the widget's full style, the cells it adds are
    the very segments Textual writes, so a widget can switch to kept rows and leave its
    screens (and their golden files) exactly as they were.
    """
    base, background = widget.background_colors
    fill = VisualStyle(background=base + background).rich_style
    width = widget.content_size.width
    line = Strip.blank(width, fill) if content is None else content.adjust_cell_length(width, fill)
    padding = widget.styles.padding
    if padding.left or padding.right:
        segments = [*([Segment(" " * padding.left, fill)] if padding.left else []), *line,
                    *([Segment(" " * padding.right, fill)] if padding.right else [])]
        line = Strip(segments, padding.left + width + padding.right)
    for line_filter in widget.get_line_filters():
        line = line.apply_filter(line_filter, background)
    return line


def crop_columns(lines: list[Strip], crop: Region, width: int) -> list[Strip]:
    """``lines`` (whole rows of a widget ``width`` wide) cut to the columns of ``crop``."""
    if crop.column_span == (0, width):
        return lines
    x1, x2 = crop.column_span
    return [line.crop(x1, x2) for line in lines]

"""What a widget puts on screen, as text: its ``render_lines``, the call the compositor makes.

The clock and the pacer draw their own rows (``render_lines``) and keep ``render`` only for
inspection, so a test that read ``render()`` would pass while the screen showed something else.
"""

from __future__ import annotations

from textual.geometry import Region
from textual.widget import Widget


def drawn(widget: Widget) -> list[str]:
    """Every row of ``widget`` as drawn, padding included, trailing spaces removed."""
    return [strip.text.rstrip() for strip in widget.render_lines(Region(0, 0, *widget.outer_size))]

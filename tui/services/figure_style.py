"""How figures are drawn here: LUMBAR_FIGURE=braille (the default), blocks (half blocks,
for a font without braille) or off."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Literal

VARIABLE = "LUMBAR_FIGURE"
STYLES = ("braille", "blocks", "off")


def figure_style(environ: Mapping[str, str] = os.environ) -> Literal["braille", "blocks"] | None:
    """The drawing style LUMBAR_FIGURE asks for; None for ``off``.

    Raises:
        ValueError: for any other value, naming the ones that work.
    """
    text = environ.get(VARIABLE, "").strip().lower() or "braille"
    if text == "braille":
        return "braille"
    if text == "blocks":
        return "blocks"
    if text == "off":
        return None
    raise ValueError(f"{VARIABLE} must be one of {', '.join(STYLES)}, not {environ.get(VARIABLE)!r}")


def shown_style() -> Literal["braille", "blocks"] | None:
    """:func:`figure_style` where a screen draws one: a bad value was refused at start (the
    command exits 2), so one set since reads as the default."""
    try:
        return figure_style()
    except ValueError:
        return "braille"

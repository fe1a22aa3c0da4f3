"""Group: a plain vertical container that Textual paints without styling each row.

When any cell changes, Textual's compositor renders every widget whose *container*
overlaps the change, and renders it whole: on the workout screen a breath-pacer frame
used to restyle the screen, two containers (29 and 23 rows) and the key bar, twenty times
a second. A container with ``BLANK`` set hands back plain background rows instead, and
grouping widgets so that the moving ones have few siblings keeps the rest out of each
frame.
"""

from __future__ import annotations

from textual.containers import Vertical


class Group(Vertical):
    """A vertical container with no border and no content of its own."""

    BLANK = True
    """Rows are the background colour only, so Textual can skip restyling them."""

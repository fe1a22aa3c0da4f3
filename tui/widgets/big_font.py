"""A hand-drawn 5-row block font for clock digits, readable from across a room.

Pure data plus two pure functions; no Textual or Rich import, so it is tested
without an event loop and can be reused by anything that prints text.

Design notes (why the glyphs look the way they do):

* Vertical strokes are two columns wide and horizontal strokes one row tall,
  because a terminal cell is about twice as tall as it is wide; this keeps the
  strokes looking equally thick.
* Every digit has the same width (tabular figures), so a countdown does not
  shift sideways as "1:11" becomes "1:10".
* Only full blocks are used: they stay solid under ``NO_COLOR``, in any theme
  and in fonts with poor half-block support.
"""

from __future__ import annotations

from functools import lru_cache

#: Rows in one glyph at scale 1.
GLYPH_HEIGHT = 5

#: Blank columns between neighbouring glyphs at scale 1.
GAP = 1

_INK = "█"

# Drawn with "#" for ink so the shapes stay readable here; converted below.
_DRAWN: dict[str, tuple[str, ...]] = {
    "0": ("######", "##  ##", "##  ##", "##  ##", "######"),
    "1": ("####  ", "  ##  ", "  ##  ", "  ##  ", "######"),
    "2": ("######", "    ##", "######", "##    ", "######"),
    "3": ("######", "    ##", " #####", "    ##", "######"),
    "4": ("##  ##", "##  ##", "######", "    ##", "    ##"),
    "5": ("######", "##    ", "######", "    ##", "######"),
    "6": ("######", "##    ", "######", "##  ##", "######"),
    "7": ("######", "    ##", "   ## ", "  ##  ", "  ##  "),
    "8": ("######", "##  ##", "######", "##  ##", "######"),
    "9": ("######", "##  ##", "######", "    ##", "######"),
    ":": ("  ", "##", "  ", "##", "  "),
    ".": ("  ", "  ", "  ", "  ", "##"),
    "-": ("    ", "    ", "####", "    ", "    "),
    "+": ("      ", "  ##  ", "######", "  ##  ", "      "),
    " ": ("   ", "   ", "   ", "   ", "   "),
    # Capitals, for a tempo's phase word ("LIFT 2"): drawn like the digits, but O and S
    # rounded so they never read as 0 and 5.
    "A": (" #### ", "##  ##", "######", "##  ##", "##  ##"),
    "B": ("##### ", "##  ##", "##### ", "##  ##", "##### "),
    "C": ("######", "##    ", "##    ", "##    ", "######"),
    "D": ("##### ", "##  ##", "##  ##", "##  ##", "##### "),
    "E": ("######", "##    ", "##### ", "##    ", "######"),
    "F": ("######", "##    ", "##### ", "##    ", "##    "),
    "G": ("######", "##    ", "## ###", "##  ##", "######"),
    "H": ("##  ##", "##  ##", "######", "##  ##", "##  ##"),
    "I": ("##", "##", "##", "##", "##"),
    "J": ("    ##", "    ##", "    ##", "##  ##", "######"),
    "K": ("##  ##", "## ## ", "####  ", "## ## ", "##  ##"),
    "L": ("##    ", "##    ", "##    ", "##    ", "######"),
    "M": ("##   ##", "### ###", "## # ##", "##   ##", "##   ##"),
    "N": ("##   ##", "###  ##", "## # ##", "##  ###", "##   ##"),
    "O": (" #### ", "##  ##", "##  ##", "##  ##", " #### "),
    "P": ("##### ", "##  ##", "##### ", "##    ", "##    "),
    "Q": (" #### ", "##  ##", "##  ##", "## ## ", " ## ##"),
    "R": ("##### ", "##  ##", "##### ", "## ## ", "##  ##"),
    "S": (" #####", "##    ", " #### ", "    ##", "##### "),
    "T": ("######", "  ##  ", "  ##  ", "  ##  ", "  ##  "),
    "U": ("##  ##", "##  ##", "##  ##", "##  ##", "######"),
    "V": ("##  ##", "##  ##", "##  ##", " #### ", "  ##  "),
    "W": ("##   ##", "##   ##", "## # ##", "### ###", "##   ##"),
    "X": ("##  ##", " #### ", "  ##  ", " #### ", "##  ##"),
    "Y": ("##  ##", "##  ##", " #### ", "  ##  ", "  ##  "),
    "Z": ("######", "   ## ", "  ##  ", " ##   ", "######"),
}

#: Glyph rows at scale 1, keyed by character.
GLYPHS: dict[str, tuple[str, ...]] = {
    char: tuple(row.replace("#", _INK) for row in rows) for char, rows in _DRAWN.items()
}

#: The characters :func:`render_big` can draw.
SUPPORTED = frozenset(GLYPHS)


def _check(text: str) -> None:
    """Raise ValueError naming the first character the font cannot draw."""
    for char in text:
        if char not in GLYPHS:
            raise ValueError(f"big font cannot draw {char!r} in {text!r}")


@lru_cache(maxsize=256)
def _scaled_glyph(char: str, scale: int) -> tuple[str, ...]:
    """One glyph with every cell repeated ``scale`` times across and down.

    Cached because a clock redraws the same dozen glyphs at the same scale
    for the whole session.
    """
    rows: list[str] = []
    for row in GLYPHS[char]:
        wide = "".join(cell * scale for cell in row)
        rows.extend([wide] * scale)
    return tuple(rows)


@lru_cache(maxsize=8)
def _render(text: str, scale: int) -> tuple[str, ...]:
    """Cached body of :func:`render_big` (returns an immutable tuple).

    Few entries: a countdown shows each text once, and a repaint compares the text going
    with the one coming. Held 64 deep, a clock's past seconds filled the cache over its
    first minute (about 5 kB each at 100x30) and the workout's memory grew with it.
    """
    height = GLYPH_HEIGHT * scale
    if not text:
        return ("",) * height
    gap = " " * (GAP * scale)
    glyphs = [_scaled_glyph(char, scale) for char in text]
    return tuple(gap.join(glyph[row] for glyph in glyphs) for row in range(height))


def render_big(text: str, scale: int = 1) -> list[str]:
    """Draw ``text`` in the block font.

    Args:
        text: Characters from :data:`SUPPORTED` (digits, ``:``, ``.``, ``-``,
            ``+`` and space).
        scale: Whole-number magnification; 1 gives 5 rows, 2 gives 10 rows
            and twice the width, and so on.

    Returns:
        ``5 * scale`` lines of equal width (see :func:`big_size`).

    Raises:
        ValueError: If ``scale`` is below 1 or ``text`` holds a character the
            font cannot draw. Failing loudly beats silently drawing "1:3O" as
            "1:3 " on a clock.
    """
    if scale < 1:
        raise ValueError(f"scale must be at least 1, not {scale}")
    _check(text)
    return list(_render(text, scale))


_HALVES = {("█", "█"): "█", ("█", " "): "▀", (" ", "█"): "▄", (" ", " "): " "}


@lru_cache(maxsize=64)
def render_half(text: str) -> tuple[str, ...]:
    """``text`` in the block font at half height: three rows of half blocks, each holding
    two glyph rows (the last holds the bottom row alone). As wide as :func:`render_big`
    at scale 1; for a second line that must still read from across a room.

    Raises:
        ValueError: As :func:`render_big`.
    """
    rows = render_big(text, 1) + [" " * big_size(text, 1)[0]]
    return tuple("".join(_HALVES[(a, b)] for a, b in zip(rows[i], rows[i + 1])) for i in range(0, GLYPH_HEIGHT, 2))


def big_size(text: str, scale: int = 1) -> tuple[int, int]:
    """The ``(width, height)`` in cells that :func:`render_big` would produce.

    Computed from glyph widths without drawing anything, so a widget can pick
    the largest scale that fits on every resize cheaply.

    Raises:
        ValueError: As :func:`render_big`.
    """
    if scale < 1:
        raise ValueError(f"scale must be at least 1, not {scale}")
    _check(text)
    if not text:
        return (0, GLYPH_HEIGHT * scale)
    width = sum(len(GLYPHS[char][0]) for char in text) + GAP * (len(text) - 1)
    return (width * scale, GLYPH_HEIGHT * scale)

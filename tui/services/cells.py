"""How many terminal cells a text takes, for the columns of `lumbar list` and `lumbar show`.

East Asian wide and fullwidth characters (most emoji among them) take two cells;
combining marks, zero-width characters and controls take none; an emoji variation
selector (U+FE0F) widens the symbol before it to two. This is what terminals draw for
names such as "橋のポーズ" or "Bridge 🌉". Rich's ``cell_len`` gives the same answers, but
importing it cost ``lumbar list`` about 80 ms here, more than the whole command.
Emoji joined by U+200D are counted one by one, as many terminals still draw them.
"""

from __future__ import annotations

from unicodedata import category, east_asian_width

_ZERO = {"Mn", "Me", "Cf", "Cc"}
_EMOJI_STYLE = "\ufe0f"


def cell_len(text: str) -> int:
    """Terminal cells ``text`` takes on one line (>= 0)."""
    width = 0
    last = 0
    for char in text:
        if char.isascii() and char.isprintable():
            last = 1
        elif char == _EMOJI_STYLE:
            width += 1 if last == 1 else 0
            last = 2
            continue
        elif category(char) in _ZERO or "\ufe00" <= char <= "\ufe0f":
            continue
        else:
            last = 2 if east_asian_width(char) in ("W", "F") else 1
        width += last
    return width


def pad(text: str, width: int) -> str:
    """``text`` with spaces after it to fill ``width`` cells (unchanged when wider)."""
    return text + " " * max(0, width - cell_len(text))

"""A grid of dots with lines and circles on it, and its text in braille or half blocks.

Braille cells hold 2 x 4 dots (U+2800-28FF); half blocks hold 1 x 2 (``▀ ▄ █``), for fonts
without braille. A terminal cell is about twice as tall as wide, so both dots are about
square and a circle stays round.
"""

from __future__ import annotations

import math

#: Bit of each dot of a braille cell, by (column, row) inside the cell (Unicode's order).
_BRAILLE_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))
_BRAILLE_BASE = 0x2800
#: Half blocks by (top lit, bottom lit).
_HALVES = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}

#: Dots per cell across and down, by drawing style.
CELL_DOTS = {"braille": (2, 4), "blocks": (1, 2)}


class Canvas:
    """``width`` x ``height`` dots, all dark at first; (0, 0) is the top left."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self._lit = bytearray(width * height)

    def dot(self, x: int, y: int) -> None:
        """Light one dot; a dot off the canvas is ignored."""
        if 0 <= x < self.width and 0 <= y < self.height:
            self._lit[y * self.width + x] = 1

    def lit(self, x: int, y: int) -> bool:
        return 0 <= x < self.width and 0 <= y < self.height and bool(self._lit[y * self.width + x])

    def pen(self, x: int, y: int, size: int) -> None:
        """A square of ``size`` x ``size`` dots at (x, y): thicker lines on a large canvas."""
        for dy in range(size):
            for dx in range(size):
                self.dot(x + dx, y + dy)

    def line(self, x0: int, y0: int, x1: int, y1: int, size: int = 1) -> None:
        """Bresenham's line from (x0, y0) to (x1, y1), both ends lit."""
        dx, dy = abs(x1 - x0), -abs(y1 - y0)
        sx, sy = (1 if x0 < x1 else -1), (1 if y0 < y1 else -1)
        err = dx + dy
        while True:
            self.pen(x0, y0, size)
            if x0 == x1 and y0 == y1:
                return
            e2 = 2 * err
            if e2 >= dy:
                err += dy
                x0 += sx
            if e2 <= dx:
                err += dx
                y0 += sy

    def circle(self, cx: float, cy: float, radius: float, size: int = 1) -> None:
        """The outline of a circle: enough points round it that neighbours touch."""
        steps = max(8, int(2 * math.pi * radius * 1.5))
        for i in range(steps):
            angle = 2 * math.pi * i / steps
            self.pen(round(cx + radius * math.cos(angle)), round(cy + radius * math.sin(angle)), size)

    def dotted(self, y: int, x0: int, x1: int, every: int = 2) -> None:
        """Every ``every``-th dot of a row from x0 to x1: a floor that does not look like a limb."""
        for x in range(max(0, x0), min(self.width, x1 + 1)):
            if x % every == 0:
                self.dot(x, y)

    def braille(self) -> tuple[str, ...]:
        """The canvas as rows of braille cells (width / 2 by height / 4, rounded up); a cell
        with no dot lit is a space."""
        rows: list[str] = []
        for top in range(0, self.height, 4):
            cells: list[str] = []
            for left in range(0, self.width, 2):
                code = 0
                for dy, bits in enumerate(_BRAILLE_BITS):
                    for dx, bit in enumerate(bits):
                        if self.lit(left + dx, top + dy):
                            code |= bit
                cells.append(chr(_BRAILLE_BASE + code) if code else " ")
            rows.append("".join(cells))
        return tuple(rows)

    def blocks(self) -> tuple[str, ...]:
        """The canvas as rows of half blocks (width by height / 2, rounded up)."""
        return tuple(
            "".join(_HALVES[(self.lit(x, top), self.lit(x, top + 1))] for x in range(self.width))
            for top in range(0, self.height, 2)
        )

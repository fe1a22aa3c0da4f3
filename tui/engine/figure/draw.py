"""A pose drawn into cells: the one call the screens, the timeline and the page use."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from tui.engine.figure.canvas import CELL_DOTS, Canvas
from tui.engine.figure.pose import HEIGHT, WIDTH, Point, Pose

Style = Literal["braille", "blocks"]
"""``braille``: 2 x 4 dots a cell; ``blocks``: half blocks, 1 x 2 a cell."""

#: Units of the pose box left free round the figure, so a hand at the edge still shows.
MARGIN = 1.0


def render(pose: Pose, columns: int, rows: int, style: Style = "braille") -> tuple[str, ...]:
    """``pose`` drawn to fill ``columns`` x ``rows`` cells, centred, at one scale across
    and down (so it never stretches): ``rows`` strings of ``columns`` characters.

    Lines are one dot wide up to twice the 32 x 8 size and thicker above. Cached: a
    moving figure repeats the same few dozen drawings every rep.

    Raises:
        ValueError: for fewer than 1 column or row, or an unknown style.
    """
    if columns < 1 or rows < 1:
        raise ValueError(f"a figure needs at least 1 x 1 cells, not {columns} x {rows}")
    if style not in CELL_DOTS:
        raise ValueError(f"unknown figure style {style!r}; expected braille or blocks")
    return _render(pose, columns, rows, style)


@lru_cache(maxsize=512)
def _render(pose: Pose, columns: int, rows: int, style: Style) -> tuple[str, ...]:
    across, down = CELL_DOTS[style]
    canvas = Canvas(columns * across, rows * down)
    scale = min((canvas.width - 1) / (WIDTH + 2 * MARGIN), (canvas.height - 1) / (HEIGHT + 2 * MARGIN))
    left = (canvas.width - 1 - WIDTH * scale) / 2
    bottom = (canvas.height - 1 + HEIGHT * scale) / 2
    size = max(1, round(scale / 2 + 0.2))

    def at(p: Point) -> tuple[int, int]:
        return round(left + p[0] * scale), round(bottom - p[1] * scale)

    def line(a: Point, b: Point) -> None:
        (x0, y0), (x1, y1) = at(a), at(b)
        canvas.line(x0, y0, x1, y1, size)

    if pose.floor:
        canvas.dotted(round(bottom), 0, canvas.width - 1, every=2 * size)
    for a, b in pose.props:
        line(a, b)
    elbows = pose.arms()
    for side in (1, 0):  # the far limbs first; both are drawn alike
        line(pose.hips, pose.knees[side])
        line(pose.knees[side], pose.feet[side])
        line(pose.shoulders, elbows[side])
        line(elbows[side], pose.hands[side])
    line(pose.shoulders, pose.hips)
    line(pose.shoulders, _neck(pose.shoulders, pose.head, pose.head_radius))
    hx, hy = at(pose.head)
    canvas.circle(hx, hy, max(1.0, pose.head_radius * scale), size)
    return canvas.braille() if style == "braille" else canvas.blocks()


def _neck(shoulders: Point, head: Point, radius: float) -> Point:
    """Where the neck meets the head's outline, on the line from the shoulders."""
    dx, dy = head[0] - shoulders[0], head[1] - shoulders[1]
    length = (dx * dx + dy * dy) ** 0.5
    if length <= radius:
        return shoulders
    t = (length - radius) / length
    return shoulders[0] + dx * t, shoulders[1] + dy * t

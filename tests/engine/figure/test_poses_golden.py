"""Golden text of every shipped pose and its mirror, drawn at 32 x 8 braille cells (the
size each must read at) and in half blocks.

A person reads these: regenerate with ``LUMBAR_UPDATE_GOLDEN=1 pytest tests/engine/figure``
and look at every changed file before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.engine.figure.draw import render
from tui.engine.figure.library import library
from tui.engine.figure.names import POSE_NAMES
from tui.engine.figure.pose import Moves

GOLDEN = Path(__file__).parent / "golden"


def drawing(moves: Moves) -> str:
    """Start, top (and end) side by side, the mirror under them, then the half blocks."""
    lines: list[str] = []
    for title, shown in (("faces right (left side)", moves), ("mirrored (right side)", moves.mirrored())):
        poses = [shown.start, shown.top] + ([shown.end] if shown.end is not None else [])
        lines.append(f"{title}: start | top" + (" | end" if shown.end is not None else ""))
        drawn = [render(pose, 32, 8) for pose in poses]
        lines += ["|" + "|".join(row) + "|" for row in zip(*drawn)]
    lines.append("half blocks: start | top")
    blocks = [render(pose, 32, 8, "blocks") for pose in (moves.start, moves.top)]
    lines += ["|" + "|".join(row) + "|" for row in zip(*blocks)]
    return "\n".join(lines) + "\n"


def test_the_names_the_loader_knows_are_the_library() -> None:
    assert POSE_NAMES == tuple(sorted(library()))


@pytest.mark.parametrize("name", POSE_NAMES)
def test_pose_matches_its_golden_text(name: str) -> None:
    text = drawing(library()[name])
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("LUMBAR_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden text for {name}: run with LUMBAR_UPDATE_GOLDEN=1 and look at it"
    assert text == path.read_text(encoding="utf-8")

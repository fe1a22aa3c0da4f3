"""The pure figure: drawing, mirroring, blending and the moment a step shows."""

from __future__ import annotations

import pytest

from tui.engine.figure.canvas import Canvas
from tui.engine.figure.draw import render
from tui.engine.figure.library import library
from tui.engine.figure.motion import STEPS, frame, pose_of
from tui.engine.figure.pose import WIDTH, Moves, Pose, blend, ease, mirror

BRIDGE = library()["bridge"]


def flat(pose: Pose) -> list[float]:
    return [c for point in pose.points() for c in point]


def test_braille_packs_two_by_four_dots_per_cell() -> None:
    canvas = Canvas(4, 4)
    canvas.dot(0, 0)
    canvas.dot(3, 3)
    assert canvas.braille() == ("\u2801\u2880",)


def test_half_blocks_pack_one_by_two() -> None:
    canvas = Canvas(2, 2)
    canvas.dot(0, 0)
    canvas.dot(1, 0)
    canvas.dot(1, 1)
    assert canvas.blocks() == ("▀█",)


def test_a_line_lights_both_ends_and_nothing_off_the_canvas() -> None:
    canvas = Canvas(5, 3)
    canvas.line(-2, 1, 6, 1)
    assert all(canvas.lit(x, 1) for x in range(5)) and not canvas.lit(0, 0)


@pytest.mark.parametrize(("columns", "rows"), [(32, 8), (16, 4), (80, 20), (5, 1)])
def test_render_fills_exactly_the_cells_asked_for(columns: int, rows: int) -> None:
    for style in ("braille", "blocks"):
        drawn = render(BRIDGE.top, columns, rows, style)  # type: ignore[arg-type]
        assert len(drawn) == rows and all(len(row) == columns for row in drawn)


def test_render_refuses_no_room_and_unknown_styles() -> None:
    with pytest.raises(ValueError):
        render(BRIDGE.top, 0, 8)
    with pytest.raises(ValueError):
        render(BRIDGE.top, 32, 8, "ascii")  # type: ignore[arg-type]


def test_mirror_flips_across_and_twice_is_the_same_pose() -> None:
    flipped = mirror(BRIDGE.top)
    assert flipped.head == (WIDTH - BRIDGE.top.head[0], BRIDGE.top.head[1])
    twice = mirror(flipped)
    assert flat(twice) == pytest.approx(flat(BRIDGE.top))
    assert render(flipped, 32, 8) != render(BRIDGE.top, 32, 8)


def test_every_joint_of_every_shipped_pose_is_inside_the_box() -> None:
    for name, moves in library().items():
        for pose in (moves.start, moves.top):
            for x, y in pose.points():
                assert -0.01 <= x <= WIDTH + 0.01 and -0.01 <= y <= 32.01, name


def test_ease_is_slow_at_the_ends_and_clamped() -> None:
    assert ease(0) == 0 and ease(1) == 1 and ease(0.5) == pytest.approx(0.5)
    assert ease(0.1) < 0.1 and ease(0.9) > 0.9
    assert ease(-1) == 0 and ease(2) == 1


def test_blend_goes_from_one_pose_to_the_other() -> None:
    assert blend(BRIDGE.start, BRIDGE.top, 0) == BRIDGE.start
    assert blend(BRIDGE.start, BRIDGE.top, 1).hips == pytest.approx(BRIDGE.top.hips)
    middle = blend(BRIDGE.start, BRIDGE.top, 0.5)
    assert BRIDGE.start.hips[1] < middle.hips[1] < BRIDGE.top.hips[1]


def test_a_tempo_rep_lifts_holds_and_lowers() -> None:
    assert frame("lift", 0, work=True) == ("start", "top", 0)
    assert frame("lift", 1, work=True) == ("start", "top", STEPS)
    assert frame("hold", 0.5, work=True) == ("top", "top", 0)
    assert frame("lower", 0.5, work=True) == ("top", "finish", STEPS // 2)
    assert frame("pause", 0.3, work=True) == ("finish", "finish", 0)
    hips = [pose_of(BRIDGE, frame("lift", f / 10, work=True)).hips[1] for f in range(11)]
    assert hips == sorted(hips) and hips[0] < hips[-1]


def test_a_breath_rises_and_falls_and_a_plain_hold_is_still() -> None:
    assert frame("inhale", 0.5, work=True)[:2] == ("start", "top")
    assert frame("exhale", 0.5, work=True)[:2] == ("top", "start")
    assert frame(None, 0.7, work=True) == ("top", "top", 0)


def test_animations_off_hold_the_top_and_a_pause_shows_the_start() -> None:
    assert {frame(p, 0.4, work=True, still=True) for p in ("lift", "hold", "lower")} == {("top", "top", 0)}
    assert frame("lift", 0.4, work=False) == ("start", "start", 0)
    assert pose_of(BRIDGE, ("start", "start", 0)) is BRIDGE.start


def test_an_unknown_phase_is_an_error() -> None:
    with pytest.raises(ValueError):
        frame("wiggle", 0.5, work=True)


def test_the_end_defaults_to_the_start() -> None:
    moves = Moves(BRIDGE.start, BRIDGE.top)
    assert moves.finish is BRIDGE.start
    assert flat(pose_of(moves, ("top", "finish", STEPS))) == pytest.approx(flat(BRIDGE.start))

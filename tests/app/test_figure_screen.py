"""The figure beside the big digits: it moves with the tempo's phases, shows the coming
start on a pause, is mirrored on the right side, is still with animations off, and is
left out on a narrow screen."""

from __future__ import annotations

import pytest

from tui.engine.routine.model import Dose, Exercise, Kind, Position, Routine, Tempo
from tui.widgets.big_time import BigTime
from tui.widgets.figure_view import FigureView
from tests.app.drive import advance, resize

KEY = "figure-routine"
# prepare 2 s | Bridge: 3 reps of lift 2 + hold 1 + lower 2 | transition | Knee to chest, left then right.
ROUTINE = Routine(
    name="Figure routine", key=KEY, prepare=2, transition=4, switch_sides=2,
    exercises=(
        Exercise("Glute bridge", Kind.REPS, Dose(reps=3), position=Position.ON_BACK, tempo=Tempo(2, 1, 2),
                 pose="bridge"),
        Exercise("Knee to chest", Kind.HOLD, Dose(hold_seconds=10), position=Position.STANDING, sides=True,
                 pose="knee-to-chest"),
    ),
)


def figure(app) -> FigureView:
    return app.screen.query_one(FigureView)


async def settle(pilot) -> None:
    for _ in range(3):
        await pilot.pause()


async def test_the_figure_moves_with_the_phase(make_app, fake_clock) -> None:
    app = make_app({KEY: ROUTINE}, start=KEY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        start = list(figure(app).lines)
        assert start and any(line.strip() for line in start)  # the coming start, while getting ready
        await advance(app, pilot, fake_clock, 2 + 1)  # half-way through the first lift
        await settle(pilot)  # the rep counter takes its rows at the step's first tick
        lifting = list(figure(app).lines)
        assert app.screen.query_one(BigTime).text == "LIFT 1"
        await advance(app, pilot, fake_clock, 1.5)  # the hold at the top
        top = list(figure(app).lines)
        assert app.screen.query_one(BigTime).text == "HOLD 1"
        await advance(app, pilot, fake_clock, 1.5)  # half-way down
        lowering = list(figure(app).lines)
        assert len({tuple(start), tuple(lifting), tuple(top)}) == 3
        assert lowering == lifting  # half-way down is where half-way up was


async def test_animations_off_keep_the_figure_still(make_app, fake_clock) -> None:
    app = make_app({KEY: ROUTINE}, start=KEY)
    async with app.run_test(size=(100, 30)) as pilot:
        app.animation_level = "none"
        await settle(pilot)
        await advance(app, pilot, fake_clock, 2.5)
        await settle(pilot)  # the rep counter takes its rows at the step's first tick
        seen = {tuple(figure(app).lines)}
        for _ in range(8):
            await advance(app, pilot, fake_clock, 0.5)
            seen.add(tuple(figure(app).lines))
        assert len(seen) == 1 and any(line.strip() for line in next(iter(seen)))


async def test_the_right_side_is_the_mirror(make_app, fake_clock) -> None:
    app = make_app({KEY: ROUTINE}, start=KEY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await advance(app, pilot, fake_clock, 2 + 15 + 4)  # the left side starts
        left = list(figure(app).lines)
        await advance(app, pilot, fake_clock, 10 + 2)  # past the switch: the right side
        right = list(figure(app).lines)
        assert left != right
        assert sum(row.count("⠀") + len(row.strip()) for row in right) > 0


@pytest.mark.parametrize("size", [(60, 20), (79, 24)])
async def test_a_narrow_screen_has_no_figure(make_app, fake_clock, size) -> None:
    app = make_app({KEY: ROUTINE}, start=KEY)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await advance(app, pilot, fake_clock, 3)
        assert not app.screen.query(FigureView) or not figure(app).display


async def test_a_resize_brings_the_figure_and_takes_it_away(make_app, fake_clock) -> None:
    app = make_app({KEY: ROUTINE}, start=KEY)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await advance(app, pilot, fake_clock, 3)
        await resize(pilot, 100, 30)
        await settle(pilot)
        assert figure(app).display and any(line.strip() for line in figure(app).lines)
        await resize(pilot, 70, 24)
        await settle(pilot)
        assert not figure(app).display


def test_a_screen_gone_before_the_figure_is_mounted_gets_none() -> None:
    # The mount waits for the frame under way; a quit or SIGTERM can take the screen first.
    from tui.widgets.group import Group

    from tui.screens.session_figure import FigurePlace

    place = FigurePlace(Group(), "braille")
    place._wanted = True
    place._mount(24)  # raised MountError on the detached container
    assert place.view is None

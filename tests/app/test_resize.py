"""Small terminals: a message instead of the workout, timing goes on; random resizes; NO_COLOR."""

from __future__ import annotations

import asyncio
import random

import pytest
from textual.content import Content
from textual.events import Resize
from textual.geometry import Size
from textual.widgets import Static

from tui.engine.routine import easier
from tui.engine.routine import session as engine
from tui.engine.routine.model import BreathPattern, Dose, Exercise, Kind, Position, Routine, Tempo
from tui.screens.session import MIN_HEIGHT, MIN_WIDTH, SessionScreen
from tui.widgets.big_time import BigTime
from tui.widgets.breath_pacer import BreathPacer
from tests.app.drawn import drawn
from tests.app.drive import advance
from tests.app.drive import resize

KEY = "mixed"
# prepare 3 | hold 20 (left) | switch 2 | hold 20 (right) | rest 4 | tempo reps 3 x 4 s = 12
# | rest 4 | tapped reps x 2 | rest 4 | breath-counted hold 3 x (2 + 3) = 15
MIXED = Routine(
    name="Mixed",
    key=KEY,
    prepare=3,
    rest=4,
    switch_sides=2,
    exercises=(
        Exercise("Side stretch", Kind.HOLD, Dose(hold_seconds=20), sides=True, position=Position.STANDING,
                 cue="Reach up and over.", easier=Dose(hold_seconds=10)),
        Exercise("Squat", Kind.REPS, Dose(reps=3), tempo=Tempo(1.5, 0.5, 2), position=Position.STANDING),
        Exercise("Heel raise", Kind.REPS, Dose(reps=2), position=Position.STANDING),
        Exercise("Slow breaths", Kind.HOLD, Dose(hold_breaths=3), breath=BreathPattern(2, 0, 3),
                 position=Position.STANDING),
    ),
)


def assert_too_small(screen: SessionScreen) -> None:
    assert screen.has_class("-small")
    message = screen.query_one("#too-small", Static)
    assert message.display and message.region.height > 0
    assert isinstance(message.visual, Content)
    assert message.visual.plain.startswith("Make the terminal larger")
    assert f"{MIN_WIDTH} x {MIN_HEIGHT}" in message.visual.plain
    # The pacer and the counter exist once first shown (tui/widgets/deferred.py).
    for part in ("#labels", "#below", "#pacer", "#reps"):
        assert all(w.region.area == 0 for w in screen.query(part)), part
    assert screen.query_one(BigTime).region.area == 0


def assert_workout_shown(screen: SessionScreen) -> None:
    assert not screen.has_class("-small")
    # Made the first time the terminal is too small.
    assert not any(w.display for w in screen.query("#too-small"))
    assert screen.query_one("#labels").display and screen.query_one("#below").display
    assert screen.query_one(BigTime).region.height >= 5


@pytest.mark.parametrize("size", [(59, 20), (60, 19)])
async def test_too_small_shows_a_message_and_timing_goes_on(make_app, fake_clock, size):
    app = make_app({KEY: MIXED}, start=KEY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert_workout_shown(screen)
        await advance(app, pilot, fake_clock, 3)
        assert screen.query_one(BigTime).text == "0:20"

        await resize(pilot, *size)
        assert app.screen is screen
        assert_too_small(screen)
        await advance(app, pilot, fake_clock, 5)
        assert app.session.ends_at - fake_clock.now == pytest.approx(15)
        assert screen.query_one(BigTime).text == "0:15"
        await advance(app, pilot, fake_clock, 15 + 2)  # the left side ends, the switch too
        assert app.session.index == 3 and app.session.step.side == "right"
        assert_too_small(screen)

        await resize(pilot, 80, 24)
        assert_workout_shown(screen)
        assert screen.query_one(BigTime).text == "0:20"
        title = screen.query_one("#title").render()
        assert isinstance(title, Content) and "right side" in title.plain


async def test_exactly_the_minimum_size_shows_the_workout(make_app, fake_clock):
    app = make_app({KEY: MIXED}, start=KEY)
    async with app.run_test(size=(MIN_WIDTH, MIN_HEIGHT)) as pilot:
        await pilot.pause()
        assert_workout_shown(app.screen)
        await resize(pilot, MIN_WIDTH - 1, MIN_HEIGHT - 1)
        assert_too_small(app.screen)
        await resize(pilot, MIN_WIDTH, MIN_HEIGHT)
        assert_workout_shown(app.screen)


async def test_starting_in_a_small_terminal_shows_the_message(make_app, fake_clock):
    app = make_app({KEY: MIXED}, start=KEY)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert_too_small(app.screen)
        await resize(pilot, 80, 24)
        assert_workout_shown(app.screen)


async def test_resizing_under_a_modal_is_seen_when_it_closes(make_app, fake_clock):
    app = make_app({KEY: MIXED}, start=KEY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("question_mark")
        assert app.screen is not screen
        await resize(pilot, 50, 15)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert_too_small(screen)
        await pilot.press("s")
        await resize(pilot, 80, 24)
        await pilot.press("escape")
        await pilot.pause()
        assert_workout_shown(screen)


def post_resize(app, width: int, height: int) -> None:
    """What `pilot.resize_terminal` does, without waiting: the terminal reports a new size."""
    size = Size(width, height)
    app._driver._size = size
    app.post_message(Resize(size, size))


async def test_two_hundred_random_resizes_during_a_routine(make_app, fake_clock):
    rng = random.Random(0)
    app = make_app({KEY: MIXED}, start=KEY)
    starts, laid_out = 1, 0
    kinds = set()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for n in range(200):
            width, height = rng.randint(10, 250), rng.randint(5, 70)
            if n % 4 == 3:
                # Every fourth: wait until the app is idle and laid out at this size.
                await pilot.resize_terminal(width, height)
                assert app.screen.size == (width, height)
                laid_out += 1
            else:
                # In between, resizes arrive back to back (as when dragging a window edge) and
                # Textual's debounce may coalesce them; the app must cope either way.
                post_resize(app, width, height)
                await asyncio.sleep(0)
            fake_clock.advance(rng.uniform(0, 2.5))
            app.tick()
            if app.session is not None and app.session.is_tap:
                app.command(engine.tap)
            elif n % 13 == 0:
                app.command(rng.choice([engine.next_step, engine.previous_step, engine.restart_step,
                                        easier.make_easier]))
            if app.session is None:  # finished: the summary is up; go again
                app.routine.start_routine(KEY)
                starts += 1
            else:
                kinds.add(app.session.step.kind.value)
            assert app._exception is None, f"resize {n} to {width}x{height}"
        await resize(pilot, 80, 24)
        assert app._exception is None
        if isinstance(app.screen, SessionScreen):
            assert_workout_shown(app.screen)
    # The routine was really under way, through every kind of step, and finished while resizing.
    assert kinds >= {"prepare", "hold", "switch", "rest", "reps"}
    assert starts >= 2
    assert laid_out == 50


async def test_no_color_still_draws_the_digits_and_the_pacer(make_app, fake_clock, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app({KEY: MIXED}, start=KEY)
    assert app.no_color
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await advance(app, pilot, fake_clock, 3)
        big = app.screen.query_one(BigTime)
        assert big.text == "0:20"
        assert any("█" in row for row in drawn(big))
        assert big.region.height >= 5
        # The colourless screen still carries the glyphs.
        lines = [line.text for line in app.screen._compositor.render_strips()]
        assert sum("█" in line for line in lines) >= 5
        app.command(engine.next_step)  # switch
        app.command(engine.next_step)  # right side
        app.command(engine.next_step)  # rest
        app.command(engine.next_step)  # squat
        app.command(engine.next_step)  # rest
        app.command(engine.next_step)  # heel raise
        app.command(engine.next_step)  # rest
        app.command(engine.next_step)  # slow breaths
        await advance(app, pilot, fake_clock, 1)
        pacer = app.screen.query_one(BreathPacer)
        assert pacer.drawing.phase == "inhale"
        assert any("Breathe in" in row for row in drawn(pacer))

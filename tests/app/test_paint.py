"""Partial repaints leave the terminal showing exactly what a full redraw would.

The clock and the breath pacer repaint only the cells that change, and animation frames
skip Textual's idle cycle (tui.widgets.paint). A region off by one cell leaves stale
text behind, which no widget-level test sees, so these compare a grid fed with the real
terminal output against a full render, after every frame of a workout.
"""

from __future__ import annotations

import pytest

from tests.engine.factories import breath_hold, hold, routine, tempo_reps
from tests.app.repaints import count_repaints
from tests.app.terminal import VirtualTerminal, truth
from tui.engine.routine import session as engine
from tui.engine.routine.model import BreathPattern, Tempo
from tui.screens.session import SessionScreen
from tui.widgets import breath_pacer, paint
from tui.widgets.breath_pacer import BreathPacer
from tui.widgets.rep_counter import RepCounter

KEY = "paint-test"
ROUTINE = routine(
    hold("Long hold", 61),  # crosses 1:00 and the red last seconds
    breath_hold("Belly breathing", 1, breath=BreathPattern(2, 1, 2, 1)),
    tempo_reps("Bridge", 1, Tempo(1, 1, 1)),
    prepare=2, transition=0, rest=0,
)


async def breathing_pacer(app, pilot) -> BreathPacer:
    """The pacer, once the routine is at its breathing: it is mounted when first shown."""
    while app.session.step.title != "Belly breathing" or not app.session.step.kind.is_work:
        app.command(engine.next_step)
    await pilot.pause()
    return app.screen.query_one(BreathPacer)


def mismatches(app, term: VirtualTerminal) -> list[tuple[int, str, str]]:
    return [(y, seen, want) for y, (seen, want) in enumerate(zip(term.lines(), truth(app))) if seen != want]


@pytest.mark.parametrize("size", [(80, 24), (123, 41)])
async def test_terminal_matches_a_full_redraw_after_every_frame(make_app, fake_clock, monkeypatch, size) -> None:
    app = make_app({KEY: ROUTINE}, start=KEY)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        term = VirtualTerminal(app)
        term.attach(monkeypatch)
        app.screen.refresh()  # one full paint to start from
        await pilot.pause()
        frames = 0
        while app.session is not None and frames < 3000:
            # As the heartbeat runs: frames while something moves, else once a second.
            # The pacer and the counter are mounted when first shown (tui/widgets/deferred.py).
            moving = any(w.display for w in app.screen.query(BreathPacer)) or any(
                w.display for w in app.screen.query(RepCounter))
            fake_clock.advance(1 / 20 if moving else 1.0)
            app.tick()
            await pilot.pause()
            frames += 1
            assert not (bad := mismatches(app, term)), f"frame {frames}: {bad[:3]}"
        assert app.session is None, "the routine ran to its end"
        assert term.updates > 100


async def test_animation_frames_paint_directly(make_app, fake_clock, monkeypatch) -> None:
    """The fast path is taken in a workout; if Textual's internals move, this fails
    rather than the app quietly going back to the slow path."""
    app = make_app({KEY: ROUTINE}, start=KEY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        taken: list[bool] = []
        original = paint.paint_now

        def spy(widget, *regions):
            taken.append(original(widget, *regions))
            return taken[-1]

        monkeypatch.setattr(breath_pacer, "paint_now", spy)
        fake_clock.advance(2 + 61)  # to the breathing
        app.tick()
        await pilot.pause()
        pacer = app.screen.query_one(BreathPacer)  # mounted when the breathing began
        for _ in range(20):
            fake_clock.advance(1 / 20)
            app.tick()
            await pilot.pause()
        assert pacer.display and taken and all(taken)


async def test_falls_back_to_refresh_under_a_modal(make_app, fake_clock) -> None:
    app = make_app({KEY: ROUTINE}, start=KEY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        pacer = await breathing_pacer(app, pilot)
        screen = app.screen
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen is not screen and isinstance(screen, SessionScreen)
        assert paint.paint_now(pacer, pacer.content_region.reset_offset) is False


async def test_at_most_one_direct_paint_per_display_frame(make_app, fake_clock) -> None:
    """A clock run fast must not write faster than a terminal shows: a second paint within
    Textual's frame period goes through refresh(), which merges it into the next paint."""
    app = make_app({KEY: ROUTINE}, start=KEY)
    async with app.run_test(size=(80, 24)) as pilot:
        fake_clock.advance(2 + 61)  # to the breathing
        app.tick()
        await pilot.pause()
        pacer = app.screen.query_one(BreathPacer)
        region = pacer.content_region.reset_offset
        fake_clock.advance(paint.MIN_INTERVAL * 2)
        assert paint.paint_now(pacer, region) is True
        fake_clock.advance(paint.MIN_INTERVAL * 0.9)
        assert paint.paint_now(pacer, region) is False
        fake_clock.advance(paint.MIN_INTERVAL * 0.2)
        assert paint.paint_now(pacer, region) is True


async def test_nothing_to_paint_asks_for_nothing(make_app, monkeypatch) -> None:
    app = make_app({KEY: ROUTINE}, start=KEY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        pacer = await breathing_pacer(app, pilot)
        calls = count_repaints(pacer, breath_pacer, monkeypatch)
        assert paint.paint_now(pacer) is False
        assert calls == []

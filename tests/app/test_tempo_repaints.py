"""A tempo step with its figure moving writes to the terminal at most once a frame, and its
rep counter's track is painted directly, like the breath pacer's bar.

Through ``refresh`` every frame rendered the whole rep counter (the three-row "REP 3 OF 8"
too) and woke Textual's idle cycle, which held a tempo step above the pacer's CPU budget
(bench/report.py, the `tempo` part of `make bench`).
"""

from __future__ import annotations

import pytest

from tests.app.terminal import VirtualTerminal, truth
from tui.engine.routine.model import Dose, Exercise, Kind, Position, Routine, Tempo
from tui.widgets import paint, rep_counter
from tui.widgets.figure_view import FigureView
from tui.widgets.rep_counter import RepCounter

KEY = "tempo-repaints"
ROUTINE = Routine(
    name="Tempo repaints", key=KEY, prepare=0, transition=0,
    exercises=(Exercise("Glute bridge", Kind.REPS, Dose(reps=4), position=Position.ON_BACK,
                        tempo=Tempo(2, 1, 2), pose="bridge"),),
)
FRAME = 1 / 20


@pytest.mark.parametrize("direct", [True, False])
async def test_one_write_a_frame_and_the_track_painted_directly(make_app, fake_clock, monkeypatch, direct) -> None:
    """With direct painting off (LUMBAR_DIRECT_PAINT=0) the screen must come out the same."""
    if not direct:
        monkeypatch.setenv(paint.ENVIRONMENT, "0")
    app = make_app({KEY: ROUTINE}, start=KEY)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(3):  # the figure is mounted after the first frame
            await pilot.pause()
        fake_clock.advance(FRAME)
        app.tick()
        await pilot.pause()
        counter = app.screen.query_one(RepCounter)
        figure = app.screen.query_one(FigureView)
        assert counter.display and figure.display and counter.big_rep
        taken: list[bool] = []
        original = paint.paint_now

        def spy(widget, *regions):
            taken.append(original(widget, *regions))
            return taken[-1]

        monkeypatch.setattr(rep_counter, "paint_now", spy)
        term = VirtualTerminal(app)
        term.attach(monkeypatch)
        app.screen.refresh()  # one full paint to compare from
        await pilot.pause()
        term.updates = 0
        poses = set()
        frames = int(5 / FRAME)  # one rep: lift 2, hold 1, lower 2
        for frame in range(frames):
            fake_clock.advance(FRAME)
            app.tick()
            await pilot.pause()
            poses.add(tuple(figure.lines))
            assert not (bad := [(y, seen, want) for y, (seen, want) in enumerate(zip(term.lines(), truth(app)))
                                if seen != want]), f"frame {frame}: {bad[:3]}"
        assert len(poses) > 5, "the figure moved"
        if not direct:
            assert paint.enabled() is False and taken and not any(taken)
            return
        assert len(taken) > frames / 2 and all(taken), "the track moved on most frames, painted directly"
        assert paint.enabled() is True
        # The track, the figure, and once a second the big digits and the phase line: one write.
        assert term.updates <= frames

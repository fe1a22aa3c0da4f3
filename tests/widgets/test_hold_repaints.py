"""A hold counting down writes to the terminal once a second, however much changes.

Under two minutes left the progress row's label ("1:58 left") changes every second with
the clock. Each was its own write (the clock painted directly, the row through Textual's
idle cycle): two wakes of the terminal a second where the bare 1 Hz Textual app has one,
and the hold's CPU budget is judged against that app (bench/report.py).
"""

from __future__ import annotations

from textual._compositor import CompositorUpdate

from tests.engine.factories import hold, routine
from tests.app.terminal import VirtualTerminal, truth
from tui.widgets import paint
from tui.widgets.routine_progress import RoutineProgress

KEY = "repaint-test"
ROUTINE = routine(hold("Long hold", 100), prepare=0, transition=0, rest=0)


async def test_one_write_a_second_while_the_clock_and_the_progress_row_change(make_app, fake_clock,
                                                                              monkeypatch) -> None:
    app = make_app({KEY: ROUTINE}, start=KEY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        fake_clock.advance(1.0)  # past the first second's start-up paints
        app.tick()
        await pilot.pause()
        writes: list[int] = []
        term = VirtualTerminal(app)
        term.attach(monkeypatch)
        original = app._display

        def display(screen, renderable) -> None:
            if isinstance(renderable, CompositorUpdate):
                writes.append(1)
            original(screen, renderable)

        monkeypatch.setattr(app, "_display", display)
        app.screen.refresh()  # one full paint to compare from
        await pilot.pause()
        writes.clear()
        progress = app.screen.query_one(RoutineProgress)
        labels = set()
        seconds = 20
        for _ in range(seconds):
            fake_clock.advance(1.0)
            app.tick()
            await pilot.pause()
            labels.add(progress.label)
            assert term.lines() == truth(app)
        assert len(labels) == seconds, "the row's label changed every second"
        assert paint.enabled() is True
        assert len(writes) == seconds


async def test_paints_of_one_heartbeat_share_one_write_but_not_the_next_frame(make_app, fake_clock) -> None:
    app = make_app({KEY: ROUTINE}, start=KEY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        progress = app.screen.query_one(RoutineProgress)
        region = progress.content_region.reset_offset
        fake_clock.advance(1.0)
        assert paint.paint_now(progress, region) is True
        assert paint.paint_now(progress, region) is True, "the same moment: the same write"
        fake_clock.advance(paint.MIN_INTERVAL * 0.9)
        assert paint.paint_now(progress, region) is False, "a frame later: through refresh()"
        await pilot.pause()

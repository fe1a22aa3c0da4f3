"""The routine progress row and the key bar: what they say, and that they redraw only on change."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from tui.screens.session import SessionScreen
from tui.widgets.key_bar import KeyBar
from tui.widgets.routine_progress import RoutineProgress, left_text


@pytest.mark.parametrize(("seconds", "text"), [
    (600, "10 min left"), (599, "9 min left"), (540, "9 min left"), (121, "2 min left"),
    (120, "2 min left"), (119.5, "2:00 left"), (61, "1:01 left"), (60, "1:00 left"),
    (59.2, "1:00 left"), (59, "0:59 left"), (0, "0:00 left"),
])
def test_time_left_never_rounds_up_past_the_truth(seconds, text):
    # "2 min left" with 61 s to go, then "1:00 left" a second later, misled.
    assert left_text(seconds) == text


class ProgressApp(App[None]):
    def compose(self) -> ComposeResult:
        yield RoutineProgress()


async def test_progress_redraws_only_when_the_bar_or_label_moves():
    app = ProgressApp()
    async with app.run_test(size=(80, 3)) as pilot:
        bar = app.query_one(RoutineProgress)
        bar.show(0.5, 301)
        await pilot.pause()
        calls = []
        bar.refresh = lambda *a, **k: calls.append(1)  # type: ignore[method-assign]
        bar.show(0.5001, 300)  # same half cell, same minute
        assert calls == []
        bar.show(0.6, 300)
        assert len(calls) == 1
        assert "5 min left" in bar.render().plain


async def test_key_bar_lists_the_workout_keys_and_greys_the_idle_ones(make_app):
    app = make_app(start="desk-break")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        hints = {hint.description: hint.enabled for hint in app.screen.query_one(KeyBar).hints()}
        assert hints["Pause"] and hints["Help"] and hints["Quit"]
        # No tapped reps in a desk break's first step: the rep key does nothing now.
        assert hints["Rep"] is False
        assert "-10s" not in hints  # folded into the "+/-" hint
        assert len(app.screen.query_one(KeyBar).render().plain) <= 80

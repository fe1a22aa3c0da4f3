"""RepCounter: rep headline, tempo phase with progress, tap hint."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from tests.app.repaints import count_repaints
from tui.widgets import rep_counter
from tui.widgets.rep_counter import TRACK_CELLS, RepCounter, progress_track, rep_label


class CounterApp(App[None]):
    """Just a RepCounter, optionally with a custom tap hint."""

    def __init__(self, tap_hint: str | None = None) -> None:
        super().__init__()
        self._tap_hint = tap_hint

    def compose(self) -> ComposeResult:
        yield RepCounter(self._tap_hint)


def lines_of(counter: RepCounter) -> list[str]:
    return [line.strip() for line in counter.render().plain.split("\n")]


def test_label_names_the_rep_in_progress() -> None:
    assert rep_label(0, 10) == "Rep 1 of 10"
    assert rep_label(2, 10) == "Rep 3 of 10"
    assert rep_label(10, 10) == "All 10 reps done"


def test_progress_track_fills_by_eighths() -> None:
    assert progress_track(0) == " " * TRACK_CELLS
    assert progress_track(12, 4) == "█▌  "
    assert progress_track(32, 4) == "████"
    assert all(len(progress_track(n)) == TRACK_CELLS for n in range(0, 81))


async def test_tempo_mode_shows_phase_word_seconds_and_a_full_width_track() -> None:
    app = CounterApp()
    async with app.run_test(size=(80, 24)) as pilot:
        counter = app.screen.query_one(RepCounter)
        counter.show(2, 10, phase="lift", fraction=0.5, left=1.2)
        await pilot.pause()
        headline, phase, track = lines_of(counter)
        assert headline == "Rep 3 of 10"
        assert phase == "Lift  2"  # the phase's seconds, rounded up, as the pacer shows them
        width = counter.content_size.width
        assert track == "▕" + progress_track(4 * (width - 2), width - 2) + "▏"
        assert len(track) == width  # as wide as the breath bar, not ten cells
        assert counter.size.height == 3
        counter.show(2, 10, phase="lower", fraction=0.0, left=2)
        await pilot.pause()
        assert lines_of(counter)[1] == "Lower  2"


async def test_the_routine_names_the_phases() -> None:
    app = CounterApp()
    async with app.run_test(size=(80, 24)) as pilot:
        counter = app.screen.query_one(RepCounter)
        counter.show(0, 5, phase="lift", fraction=0.1, left=1.8, word="draw in")
        await pilot.pause()
        assert lines_of(counter)[1] == "Draw in  2"


async def test_tap_mode_shows_the_hint_given_by_the_app() -> None:
    app = CounterApp(tap_hint="press space for each rep")
    async with app.run_test(size=(80, 24)) as pilot:
        counter = app.screen.query_one(RepCounter)
        counter.show(0, 8, phase="lift", fraction=0.5, tap=True)
        await pilot.pause()
        assert lines_of(counter) == ["Rep 1 of 8", "press space for each rep"]
        counter.tap_hint = "press [r] after each rep"  # brackets are not markup
        await pilot.pause()
        assert lines_of(counter)[1] == "press [r] after each rep"


async def test_no_phase_and_no_tap_is_one_row() -> None:
    app = CounterApp()
    async with app.run_test(size=(80, 24)) as pilot:
        counter = app.screen.query_one(RepCounter)
        counter.show(4, 5)
        await pilot.pause()
        assert lines_of(counter) == ["Rep 5 of 5"]
        assert counter.size.height == 1


async def test_same_drawing_does_not_refresh(monkeypatch) -> None:
    app = CounterApp()
    async with app.run_test(size=(80, 24)) as pilot:
        counter = app.screen.query_one(RepCounter)
        counter.show(1, 10, phase="hold", fraction=0.5)
        await pilot.pause()
        # Either road: refresh(), or paint_now() for a frame that only moves the track.
        calls = count_repaints(counter, rep_counter, monkeypatch)
        for _ in range(10):
            counter.show(1, 10, phase="hold", fraction=0.5001)
        assert calls == []
        counter.show(1, 10, phase="hold", fraction=0.6)
        assert len(calls) == 1
        counter.show(2, 10, phase="hold", fraction=0.6)
        assert len(calls) == 2
        # In tap mode the fraction is not drawn, so it must not cause repaints.
        counter.show(2, 10, tap=True)
        for fraction in (0.1, 0.5, 0.9):
            counter.show(2, 10, phase="lift", fraction=fraction, tap=True)
        assert len(calls) == 3


@pytest.mark.parametrize(
    ("done", "total", "phase"), [(0, 0, None), (-1, 5, None), (0, 5, "squat")]
)
async def test_bad_values_are_rejected(done: int, total: int, phase: str | None) -> None:
    app = CounterApp()
    async with app.run_test(size=(80, 24)):
        counter = app.screen.query_one(RepCounter)
        with pytest.raises(ValueError):
            counter.show(done, total, phase=phase)

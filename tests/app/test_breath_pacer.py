"""BreathPacer: growing bar, phase words, and repaint only on visible change."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from tui.widgets import breath_pacer
from tests.app.drawn import drawn
from tests.app.repaints import count_repaints
from tui.widgets.breath_pacer import (
    BreathPacer,
    bar_line,
    bar_units,
    shape_size,
    whole_seconds,
)


class PacerApp(App[None]):
    """Just a BreathPacer."""

    def compose(self) -> ComposeResult:
        yield BreathPacer()


def lines_of(pacer: BreathPacer) -> list[str]:
    return drawn(pacer)


def bar_width(pacer: BreathPacer) -> int:
    """Inked cells in the first bar row (half blocks count as one)."""
    bars = [line for line in lines_of(pacer) if "█" in line or "▐" in line]
    return len(bars[0].strip()) if bars else 0


# Pure helpers -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("phase", "fraction", "size"),
    [
        ("inhale", 0.25, 0.25),
        ("hold", 0.25, 1.0),
        ("exhale", 0.25, 0.75),
        ("hold_out", 0.25, 0.0),
        ("inhale", 1.7, 1.0),
        ("exhale", -1.0, 1.0),
    ],
)
def test_shape_size_per_phase(phase: str, fraction: float, size: float) -> None:
    assert shape_size(phase, fraction) == size


def test_unknown_phase_is_rejected() -> None:
    with pytest.raises(ValueError, match="breath phase"):
        shape_size("sigh", 0.5)


@pytest.mark.parametrize(("left", "shown"), [(3.0, 3), (2.01, 3), (3.0000001, 3), (0.2, 1), (0.0, 0), (-1, 0)])
def test_seconds_round_up(left: float, shown: int) -> None:
    assert whole_seconds(left) == shown


def test_bar_line_is_symmetric_with_half_block_ends() -> None:
    assert bar_line(3, 4) == "  ▐██▌  "
    assert bar_line(4, 4) == "  ████  "
    assert bar_line(8, 4) == "█" * 8
    assert bar_line(99, 4) == "█" * 8  # never wider than the track


def test_basic_animation_moves_in_whole_cells_and_none_draws_no_bar() -> None:
    assert bar_units(0.3, 10, "full") == 6
    assert bar_units(0.33, 10, "basic") % 2 == 0
    assert bar_units(0.0, 10, "full") == 1  # a stub marks the centre
    assert bar_units(0.5, 10, "none") is None


# Pilot tests ----------------------------------------------------------------


async def test_bar_grows_on_inhale_and_shrinks_on_exhale() -> None:
    app = PacerApp()
    async with app.run_test(size=(80, 24)) as pilot:
        pacer = app.screen.query_one(BreathPacer)
        await pilot.pause()
        widths = []
        for fraction in (0.1, 0.4, 0.7, 1.0):
            pacer.show("inhale", fraction, 4 * (1 - fraction))
            await pilot.pause()
            widths.append(bar_width(pacer))
        assert widths == sorted(widths) and widths[0] < widths[-1]
        pacer.show("hold", 0.5, 2)
        await pilot.pause()
        assert bar_width(pacer) == widths[-1]
        shrinking = []
        for fraction in (0.1, 0.4, 0.7, 1.0):
            pacer.show("exhale", fraction, 6 * (1 - fraction))
            await pilot.pause()
            shrinking.append(bar_width(pacer))
        assert shrinking == sorted(shrinking, reverse=True) and shrinking[0] > shrinking[-1]


async def test_phase_word_seconds_and_breath_count_are_shown() -> None:
    app = PacerApp()
    async with app.run_test(size=(80, 24)) as pilot:
        pacer = app.screen.query_one(BreathPacer)
        pacer.show("inhale", 0.3, 2.2, breath=2, breaths=5)
        await pilot.pause()
        lines = lines_of(pacer)
        assert lines[0].strip() == "Breathe in  3"
        assert lines[-1].strip() == "breath 2 of 5"
        assert pacer.size.height == len(lines) == 4
        assert pacer.has_class("-inhale")
        pacer.show("hold_out", 0.0, 4)
        await pilot.pause()
        assert lines_of(pacer)[0].strip() == "Hold empty  4"
        assert pacer.has_class("-hold-out") and not pacer.has_class("-inhale")
        assert pacer.size.height == 3  # the count line went away


async def test_same_drawing_does_not_refresh(monkeypatch: pytest.MonkeyPatch) -> None:
    app = PacerApp()
    async with app.run_test(size=(80, 24)) as pilot:
        pacer = app.screen.query_one(BreathPacer)
        await pilot.pause()
        pacer.show("inhale", 0.5, 2.5, breath=1, breaths=5)
        await pilot.pause()
        calls = count_repaints(pacer, breath_pacer, monkeypatch)
        # 20 Hz for a few ms: same half cell, same whole second.
        for step in range(5):
            pacer.show("inhale", 0.5 + step * 0.0005, 2.5 - step * 0.002, breath=1, breaths=5)
        assert calls == []
        pacer.show("inhale", 0.6, 2.5, breath=1, breaths=5)  # bar moves
        assert len(calls) == 1
        pacer.show("inhale", 0.6, 1.9, breath=1, breaths=5)  # label changes
        assert len(calls) == 2
        # A long hold: nothing moves until the seconds label ticks.
        pacer.show("hold", 0.0, 3.9)
        before = len(calls)
        for step in range(10):
            pacer.show("hold", step / 40, 3.9 - step * 0.05)
        assert len(calls) == before


async def test_animation_level_none_draws_no_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    app = PacerApp()
    async with app.run_test(size=(80, 24)) as pilot:
        app.animation_level = "none"
        pacer = app.screen.query_one(BreathPacer)
        await pilot.pause()
        pacer.show("inhale", 0.1, 3.6, breath=1, breaths=3)
        await pilot.pause()
        text = "\n".join(drawn(pacer))
        assert "█" not in text and "▐" not in text and "▌" not in text
        assert [line.strip() for line in text.split("\n")] == ["Breathe in  4", "breath 1 of 3"]
        assert pacer.size.height == 2
        calls = count_repaints(pacer, breath_pacer, monkeypatch)
        for fraction in (0.2, 0.4, 0.6):  # the bar would move; the label does not
            pacer.show("inhale", fraction, 3.6 - fraction / 2, breath=1, breaths=3)
        assert calls == []
        pacer.show("inhale", 0.8, 2.9, breath=1, breaths=3)
        assert len(calls) == 1


async def test_full_bar_refits_when_the_terminal_is_resized() -> None:
    app = PacerApp()
    async with app.run_test(size=(80, 24)) as pilot:
        pacer = app.screen.query_one(BreathPacer)
        pacer.show("hold", 0.5, 3)
        await pilot.pause()
        assert bar_width(pacer) == pacer.content_size.width - pacer.content_size.width % 2
        narrow = bar_width(pacer)
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        assert bar_width(pacer) > narrow
        assert bar_width(pacer) == pacer.content_size.width - pacer.content_size.width % 2

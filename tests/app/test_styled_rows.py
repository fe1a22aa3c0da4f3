"""The clock, the pacer and the rep counter draw their own rows; those rows must be what Textual's own
rendering of the same content gives, in the dark and light themes, under NO_COLOR, and
with ``tint``, ``opacity`` and ``text-opacity`` set (on the widget or, for opacity, on a
container)."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.geometry import Region
from textual.widget import Widget

from tui.widgets.big_time import BigTime
from tui.widgets.breath_pacer import BreathPacer
from tui.widgets.rep_counter import RepCounter

EFFECTS = {
    "plain": "",
    "tint": "#time, #pacer, #reps { tint: red 40%; }",
    "opacity": "#box { opacity: 60%; }",
    "text-opacity": "#time, #pacer, #reps { text-opacity: 50%; }",
}


class Rows(App[None]):
    def __init__(self, css: str, theme: str) -> None:
        self.CSS = css
        super().__init__()
        self.wanted_theme = theme

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield BigTime("1:30", id="time", classes="-hold")
            yield BreathPacer(id="pacer")
            yield RepCounter(id="reps")

    def on_mount(self) -> None:
        self.theme = self.wanted_theme


def _colour(color) -> tuple[int, int, int] | None:
    return None if color is None else tuple(color.get_truecolor())


def ansi_rows(app: App, widget: Widget, lines) -> list[list[tuple[object, ...]]]:
    """Each row as cells: the character, its background, its foreground (for a visible
    character only: a space looks the same in any foreground) and its text style."""
    rows = []
    for line in lines:
        cells = []
        for segment in line:
            style = segment.style
            for char in segment.text:
                if style is None:
                    cells.append((char, None, None))
                    continue
                cells.append((char, _colour(style.bgcolor), _colour(style.color) if char.strip() else None,
                              bool(style.bold), bool(style.dim), bool(style.italic), bool(style.reverse)))
        rows.append(cells)
    return rows


@pytest.mark.parametrize("effect", list(EFFECTS))
@pytest.mark.parametrize(("theme", "no_color"), [
    ("textual-dark", False), ("textual-light", False), ("textual-dark", True),
])
async def test_own_rows_match_textuals_rendering(effect, theme, no_color, monkeypatch):
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    app = Rows(EFFECTS[effect], theme)
    async with app.run_test(size=(60, 20)) as pilot:
        pacer = app.query_one(BreathPacer)
        pacer.show("inhale", 0.5, 2.2, 2, 5)
        counter = app.query_one(RepCounter)
        counter.big_rep = True  # "REP 3 OF 8" in the block font, over the phase and its track
        counter.show(2, 8, "lift", 0.4, left=1.2)
        await pilot.pause()
        counter.show(2, 8, "lift", 0.45, left=1.1)  # a frame that moves only the track
        await pilot.pause()
        assert app.no_color is no_color
        for widget in (app.query_one(BigTime), pacer, counter):
            region = Region(0, 0, *widget.outer_size)
            ours = ansi_rows(app, widget, widget.render_lines(region))
            textuals = ansi_rows(app, widget, Widget.render_lines(widget, region))
            assert len(ours) == widget.outer_size.height > 0
            assert ours == textuals, f"{type(widget).__name__}: {effect}, {theme}, NO_COLOR={no_color}"
        if effect != "plain":
            # The effect really shows: not what the plain rows would be.
            plain = Rows("", theme)
            async with plain.run_test(size=(60, 20)) as plain_pilot:
                plain.query_one(BreathPacer).show("inhale", 0.5, 2.2, 2, 5)
                await plain_pilot.pause()
                big = plain.query_one(BigTime)
                assert ansi_rows(plain, big, big.render_lines(Region(0, 0, *big.outer_size))) != ours or no_color


@pytest.mark.parametrize("big", [True, False])
@pytest.mark.parametrize("tap", [True, False])
async def test_the_rep_counters_rows_are_textuals_segment_for_segment(big, tap):
    """The golden screens of a tempo step were made with Textual's own drawing; the kept
    rows must write the very same segments (styles of blank cells included)."""
    app = Rows("#reps { padding: 0 1; }", "textual-dark")
    async with app.run_test(size=(80, 24)) as pilot:
        counter = app.query_one(RepCounter)
        counter.big_rep = big
        counter.show(2, 8, "lower", 0.7, left=0.4, tap=tap)
        await pilot.pause()
        counter.show(2, 8, "lower", 0.8, left=0.3, tap=tap)
        await pilot.pause()
        region = Region(0, 0, *counter.outer_size)
        assert counter.outer_size.height == (2 if tap else 5 if big else 3)
        assert [list(row) for row in counter.render_lines(region)] == [
            list(row) for row in Widget.render_lines(counter, region)]

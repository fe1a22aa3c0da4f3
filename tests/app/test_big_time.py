"""BigTime: block digits that scale with the terminal (Pilot tests)."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Region

from tui.widgets.big_font import render_big
from tests.app.drawn import drawn
from tests.app.repaints import count_repaints
from tui.widgets import big_time
from tui.widgets.big_time import BigTime


class BigTimeApp(App[None]):
    """Just a BigTime filling the screen."""

    def __init__(self, text: str = "1:30") -> None:
        super().__init__()
        self._text = text

    def compose(self) -> ComposeResult:
        yield BigTime(self._text)


def glyph_rows(widget: BigTime) -> list[str]:
    """Drawn rows that contain ink."""
    return [line for line in drawn(widget) if "█" in line]


async def test_at_80x24_digits_are_at_least_five_rows() -> None:
    app = BigTimeApp("1:30")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        big = app.screen.query_one(BigTime)
        rows = glyph_rows(big)
        assert len(rows) >= 5
        assert big.fit_scale(*big.content_size) >= 1


async def test_more_rows_on_a_bigger_terminal() -> None:
    app = BigTimeApp("1:30")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        big = app.screen.query_one(BigTime)
        small_rows = len(glyph_rows(big))
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        large_rows = len(glyph_rows(big))
        assert large_rows > small_rows
        assert large_rows >= 10


async def test_glyphs_are_centred_both_ways() -> None:
    app = BigTimeApp("0:05")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        big = app.screen.query_one(BigTime)
        width, height = big.content_size
        scale = big.fit_scale(width, height)
        expected = render_big("0:05", scale)
        lines = drawn(big)
        top = lines.index(next(line for line in lines if "█" in line))
        assert top == (height - len(expected)) // 2
        left = (width - len(expected[0])) // 2
        assert lines[top : top + len(expected)] == [(" " * left + row).rstrip() for row in expected]


async def test_text_update_redraws_and_repeats_are_free(monkeypatch: pytest.MonkeyPatch) -> None:
    app = BigTimeApp("1:30")
    async with app.run_test(size=(80, 24)) as pilot:
        big = app.screen.query_one(BigTime)
        await pilot.pause()
        calls = count_repaints(big, big_time, monkeypatch)
        for _ in range(20):
            big.text = "1:30"
        assert calls == []
        big.text = "1:29"
        assert len(calls) == 1
        await pilot.pause()
        glyphs = render_big("1:29", big.fit_scale(*big.content_size))
        assert [row.strip() for row in glyph_rows(big)] == [row.strip() for row in glyphs if row.strip()]


async def test_tiny_terminal_falls_back_to_plain_text() -> None:
    app = BigTimeApp("12:34")
    async with app.run_test(size=(20, 4)) as pilot:
        await pilot.pause()
        big = app.screen.query_one(BigTime)
        width, height = big.content_size
        assert width < 20 or height < 5
        assert big.fit_scale(width, height) == 0
        text = "\n".join(drawn(big))
        assert "█" not in text
        assert text.strip() == "12:34"


async def test_unsupported_characters_show_plainly() -> None:
    app = BigTimeApp("Done")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        big = app.screen.query_one(BigTime)
        assert "\n".join(drawn(big)).strip() == "Done"


async def test_step_kind_classes_change_the_colour() -> None:
    app = BigTimeApp("0:10")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        big = app.screen.query_one(BigTime)
        colours = set()
        for kind in ("-prepare", "-hold", "-reps", "-rest", "-switch"):
            big.set_classes(kind)
            await pilot.pause()
            colours.add(big.styles.color)
        assert len(colours) >= 4


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_digits_stay_legible_with_no_color(
    monkeypatch: pytest.MonkeyPatch, theme: str
) -> None:
    """Under NO_COLOR Textual greys every colour; ink must still stand out."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = BigTimeApp("0:10")
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = theme
        assert app.no_color
        big = app.screen.query_one(BigTime)
        for kind in ("", "-prepare", "-hold", "-reps", "-rest", "-switch", "-transition", "-paused"):
            big.set_classes(kind)
            await pilot.pause()
            # The rows as drawn: render_lines applies the app's NO_COLOR filter itself.
            rows = big.render_lines(Region(0, 0, big.outer_size.width, big.outer_size.height))
            ink = next(seg.style for row in rows for seg in row if "█" in seg.text and seg.style)
            assert ink.color is not None and ink.bgcolor is not None
            assert len(set(ink.color.get_truecolor())) == 1, "NO_COLOR draws in greys"
            fg, bg = ink.color.get_truecolor().red, ink.bgcolor.get_truecolor().red
            assert abs(fg - bg) >= 80, f"{kind or 'plain'} on {theme}: {fg} vs {bg}"

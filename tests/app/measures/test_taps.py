"""The measures on a touch screen: hints name taps, a tap on a number or an answer chooses
it, a tap on the last line skips (tui/screens/measures.py)."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Static

from tests.app.routines import text
from tui.screens.measures import Ask, ImpressionModal, ScoresModal

ASKS = [Ask("First?", "", "none", "all"), Ask("Second?", "walk [b]far[/b]", "none", "all")]


class _Asks(App[None]):
    def __init__(self, modal, touch: bool = True) -> None:
        super().__init__()
        self.modal = modal
        self.touch = touch
        self.answers: list[object] = []

    def on_mount(self) -> None:
        self.push_screen(self.modal, self.answers.append)


async def tap(pilot, widget, column: int, row: int = 0) -> None:
    await pilot.click(widget, offset=(widget.content_region.x - widget.region.x + column,
                                      widget.content_region.y - widget.region.y + row))
    await pilot.pause()


async def test_tapping_numbers_answers_each_question_in_turn():
    app = _Asks(ScoresModal("Two", ASKS))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Tap a number above" in text(app.screen.query_one(".measure-hint", Static))
        scale = app.screen.query_one(".measure-scale", Static)
        await tap(pilot, scale, 30)  # 7
        # The second question shows the person's words as they wrote them.
        assert text(app.screen.query_one(".measure-detail", Static)) == "walk [b]far[/b]"
        await tap(pilot, scale, 41)  # 10
        assert app.answers == [(7, 10)]


async def test_tapping_the_last_line_skips_the_rest():
    app = _Asks(ScoresModal("Two", ASKS))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await tap(pilot, app.screen.query_one(".measure-scale", Static), 2)  # 0
        await pilot.click(".measure-hint")
        await pilot.pause()
        assert app.answers == [(0, None)]


async def test_a_skip_with_skip_all_drops_the_answers_given():
    app = _Asks(ScoresModal("PEG", ASKS, skip_all=True), touch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Esc or s: skip" in text(app.screen.query_one(".measure-hint", Static))
        await pilot.press("4", "escape")
        await pilot.pause()
        assert app.answers == [None]


async def test_tapping_an_answer_of_the_impression_chooses_it():
    app = _Asks(ImpressionModal())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Tap your answer" in text(app.screen.query_one(".measure-hint", Static))
        await tap(pilot, app.screen.query_one(".impression-choices", Static), 5, row=5)
        assert app.answers == [6]


async def test_keys_one_to_seven_answer_the_impression_and_others_do_not():
    app = _Asks(ImpressionModal(), touch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("8", "0", "3")
        await pilot.pause()
        assert app.answers == [3]

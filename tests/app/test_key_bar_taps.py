"""Taps: keys in the key bar are buttons (a click in a terminal, a tap in a browser page runs
the key's action; in a page the bar is rows of buttons that keep every key), and the pain
check-in answers a tap on its scale, so a phone with no keys can start a routine."""

from __future__ import annotations

import pytest
from textual.app import App

from tui.screens.checkin import CheckinModal
from tui.widgets.key_bar import BUTTON_LINES, MORE, KeyBar


def _span(bar: KeyBar, binding_id: str) -> tuple[int, int, int]:
    for row, start, end, hint in bar.spans(bar.size.width):
        if hint is not None and hint.id == binding_id:
            return row, start, end
    raise AssertionError(f"{binding_id} is not in the bar")


async def test_clicking_pause_in_the_terminal_bar_pauses(make_app):
    app = make_app(start="breathing")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        row, start, end = _span(bar, "session.pause")
        assert not app.session.paused
        await pilot.click(bar, offset=(start + 1, row))
        await pilot.pause()
        assert app.session.paused
        await pilot.click(bar, offset=(end - 1, row))
        await pilot.pause()
        assert not app.session.paused


async def test_a_click_between_keys_or_on_a_greyed_key_does_nothing(make_app):
    app = make_app(start="breathing")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        step = app.session.index
        _, _, end = _span(bar, "session.pause")
        await pilot.click(bar, offset=(end, 0))  # the space after Pause
        rep = next(hint for hint in bar.hints() if hint.id == "session.rep")
        assert not rep.enabled  # Get ready counts no reps
        _, start, _ = _span(bar, "session.rep")
        await pilot.click(bar, offset=(start, 0))
        await pilot.pause()
        assert not app.session.paused
        assert app.session.index == step


async def test_touch_bar_wraps_into_tall_buttons_and_keeps_every_key(make_app):
    app = make_app(start="breathing")
    async with app.run_test(size=(61, 40)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        assert None in bar.fitted(bar.size.width)  # a terminal this narrow leaves keys out ("…")
        bar.add_class("-touch")
        await pilot.pause()
        spans = bar.spans(bar.size.width)
        assert [hint.id for *_, hint in spans] == [hint.id for hint in bar.hints()]
        rows = spans[-1][0] + 1
        assert rows > 1
        assert bar.size.height == rows * BUTTON_LINES
        assert all(end <= bar.size.width for _, _, end, _ in spans)
        assert MORE not in bar.render().plain
        # Every key is on screen above the bottom edge, not cut off by its group.
        assert bar.region.bottom == app.screen.size.height


async def test_tapping_a_buttons_top_edge_runs_it(make_app):
    app = make_app(start="breathing")
    async with app.run_test(size=(61, 40)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        bar.add_class("-touch")
        await pilot.pause()
        row, start, end = _span(bar, "session.next")
        before = app.session.index
        await pilot.click(bar, offset=(start, row * BUTTON_LINES))  # the padding line above the label
        await pilot.pause()
        assert app.session.index == before + 1


class _Asks(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.answers: list[int | None] = []

    def on_mount(self) -> None:
        self.push_screen(CheckinModal("Before Breathing"), self.answers.append)


@pytest.mark.parametrize(("column", "score"), [(2, 0), (3, 0), (30, 7), (38, 9), (40, 10), (41, 10)])
async def test_tapping_a_number_of_the_check_in_scale_answers_with_it(column, score):
    app = _Asks()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        scale = app.screen.query_one("#checkin-scale")
        await pilot.click(scale, offset=(scale.content_region.x - scale.region.x + column, 0))
        await pilot.pause()
        assert app.answers == [score]


async def test_tapping_the_check_in_hint_skips_and_the_question_stays_otherwise():
    app = _Asks()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.click("#checkin-when")  # not an answer
        await pilot.pause()
        assert app.answers == [] and isinstance(app.screen, CheckinModal)
        await pilot.click(".hint")
        await pilot.pause()
        assert app.answers == [None]

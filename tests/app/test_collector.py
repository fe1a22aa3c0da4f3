"""The cycle collector, paused while lumbar starts (tui/cli/launch.py), runs again once
the first frame is drawn, and after the App has gone whatever happened."""

from __future__ import annotations

import gc

import pytest

from tui.cli.launch import run


@pytest.fixture
def collector_paused():
    was = gc.isenabled()
    gc.disable()
    yield
    if was:
        gc.enable()


async def test_the_first_frame_turns_the_collector_back_on(make_app, collector_paused):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert gc.isenabled()


def test_run_turns_it_back_on_even_before_a_frame(make_app, collector_paused):
    app = make_app()

    def crash() -> None:
        raise RuntimeError("a fault before the first frame")

    app.get_default_screen = crash  # type: ignore[method-assign]
    run(app, headless=True, size=(80, 24))
    assert gc.isenabled()

"""The safety box (s) lists the exercise's own reasons to stop under its name and the
routine-wide ones under a heading of their own; an empty group is left out."""

from __future__ import annotations

from tests.app.routines import SIZE, TINY, text
from textual.widgets import Static

from tui.screens.advice import StopIfModal


async def groups(make_app, fake_clock, skip: int) -> dict[str, str]:
    """Heading -> the bullets under it, in the box opened `skip` steps into TINY."""
    app = make_app({"tiny": TINY}, start="tiny")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(skip):
            await pilot.press("n")
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StopIfModal)
        texts = [text(s) for s in app.screen.query(Static)]
    return {texts[i]: texts[i + 1] for i, t in enumerate(texts[:-1]) if t.startswith("Stop or ease off")}


async def test_the_exercises_own_reasons_and_the_routines_are_apart(make_app, fake_clock):
    shown = await groups(make_app, fake_clock, 1)  # Pelvic tilt
    assert shown == {"Stop or ease off Pelvic tilt if": "• Sharp pain in the back.",
                     "Stop or ease off this routine if": "• Pain runs down a leg."}


async def test_an_exercise_without_reasons_of_its_own_has_no_group(make_app, fake_clock):
    shown = await groups(make_app, fake_clock, 3)  # Knee hug
    assert shown == {"Stop or ease off this routine if": "• Pain runs down a leg."}


def test_with_no_reasons_at_all_the_exercise_gets_the_general_one():
    texts = [str(s.render()) for s in StopIfModal("Knee hug", ()).body()]
    assert "Stop or ease off Knee hug if" in texts and "Stop or ease off this routine if" not in texts

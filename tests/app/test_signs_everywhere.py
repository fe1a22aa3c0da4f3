"""Every screen that shows warning signs shows all three tiers, the emergency tier first in
its heavy frame, under NO_COLOR: help, the safety screen (s), the advice after a worse
check-in, the soreness note (which shows none), and the two-week advice."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from tests.fakes import FakeStore
from tests.app.routines import TINY, text
from tui.engine.care.pain import Worse
from tui.engine.care.signs import EMERGENCY, SOON, TIERS, URGENT
from tui.screens.advice import HelpModal, StopIfModal
from tui.screens.checkin import PainRoseModal, SorenessNote, TwoWeekModal
from tui.widgets.key_hints import KeyHint
from tui.widgets.signs_view import EmergencyBox

SIZES = [(80, 24), (60, 20)]

SCREENS = {
    # As a routine opens it: every key of the workout above the signs.
    "help": lambda: HelpModal([
        KeyHint(None, k, k, (k,), k, f"what {k} does in a routine", True, True, False)
        for k in ("space", "n", "p", "r", "+", "-", "enter", "e", "s", "j", "k", "?", "q",
                  "ctrl+z", "ctrl+q")]),
    # As a step opens it: its title and cue in full, and its own and the routine's reasons.
    "stop if": lambda: StopIfModal(
        "Pelvic tilt", ("Sharp pain in the back.", "Pain runs down a leg.", "You feel dizzy."),
        title="Pelvic tilt · set 2 of 3 · round 1 of 2",
        cue="Lie on your back, knees bent. Flatten the small of your back into the floor, "
            "hold, then let it arch gently. Breathe out as you flatten.",
        routine_stop_if=("Pain runs down a leg.", "You feel dizzy.")),
    "worse after": lambda: PainRoseModal(TINY, Worse(6, 3, False)),
    "two weeks": lambda: TwoWeekModal(15, 5.0, 4.8),
}


@pytest.fixture(autouse=True)
def no_color(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", SCREENS)
async def test_each_screen_shows_the_emergency_tier_first_framed(make_app, name, size):
    app = make_app({"tiny": TINY}, store=FakeStore())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.push_screen(SCREENS[name]())
        await pilot.pause()
        words = "\n".join(text(s) for s in app.screen.query(Static))
        for tier in TIERS:
            for sign in tier.signs:
                assert sign.text in words, (name, sign.text)
        assert words.index(EMERGENCY.heading.upper()) < words.index(URGENT.heading) < words.index(SOON.heading)
        (box,) = app.screen.query(EmergencyBox)
        # First on the screen: its heading, how to get help and its first signs are in view
        # without scrolling, even at 60x20.
        assert 0 <= box.region.y and box.region.y + 6 <= size[1], (name, box.region)
        assert box.styles.border_top[0] == "heavy"  # a frame, not a colour, sets it apart
        assert "999" in text(box) and "112" in text(box) and "911" in text(box)


async def test_the_soreness_note_shows_no_doctor_list(make_app):
    app = make_app({"tiny": TINY}, store=FakeStore())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(SorenessNote(TINY, Worse(3, 1, False, mild=True)))
        await pilot.pause()
        assert not app.screen.query(EmergencyBox)
        assert "usually settles within a day" in "\n".join(text(s) for s in app.screen.query(Static))

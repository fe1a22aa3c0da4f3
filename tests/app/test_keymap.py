"""A user keymap (``App.set_keymap``) shows wherever keys are shown: the key bar, help,
the command palette and the sign on a cut cue."""

from __future__ import annotations

import inspect

from textual.widgets import Static

from tests.app.drive import advance
from tests.app.terminal import truth
from tui.engine.routine.model import Dose, Exercise, Kind, Routine
from tui.screens.advice import HelpModal
from tui.screens.home import HomeScreen
from tui.screens.session import SessionScreen
from tui.widgets.key_bar import KeyBar

KEY = "keymap-test"
ROUTINE = Routine(
    name="Keymap", key=KEY, prepare=3,
    exercises=(Exercise("Knee hug", Kind.HOLD, Dose(hold_seconds=30), cue="Hug one knee. " * 40),),
)


def bar_text(app) -> str:
    return app.screen.query_one(KeyBar).render().plain


async def test_a_moved_pause_key_shows_in_the_bar_help_and_palette(make_app, fake_clock):
    app = make_app({KEY: ROUTINE}, start=KEY)
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(app, pilot, fake_clock, 3)  # into the hold, with its long cue
        assert "space Pause" in bar_text(app)
        assert any(row.rstrip().endswith("… (s: more)") for row in truth(app))
        app.set_keymap({"session.pause": "k", "session.stop_if": "x"})
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert "k Pause" in bar_text(app) and "space" not in bar_text(app)
        assert "x Safety" in bar_text(app)
        # The cut cue names the moved safety key.
        assert any(row.rstrip().endswith("… (x: more)") for row in truth(app)), truth(app)

        commands = {c.title: c for c in app.get_system_commands(screen) if "(key: " in c.help}
        assert commands["Pause"].help == "Pause or resume (key: k)"
        assert commands["When to stop"].help == "When to stop (key: x)"

        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpModal)
        help_text = " ".join(" ".join(s.render().plain for s in app.screen.query(Static)).split())
        assert "k Pause or resume" in help_text and "space" not in help_text
        await pilot.press("escape")

        # And the key does what the bar says.
        await pilot.press("k")
        assert app.session.paused
        result = commands["Pause"].callback()
        if inspect.isawaitable(result):
            await result
        await pilot.pause()
        assert not app.session.paused


async def test_home_shows_enter_to_start_though_the_list_has_focus(make_app):
    """The focused routine list binds Enter too; the bar still says what Enter does."""
    app = make_app({KEY: ROUTINE})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Start" in bar_text(app)
        assert "Start" in {c.title for c in app.get_system_commands(app.screen)}
        await pilot.press("enter")
        assert isinstance(app.screen, SessionScreen)

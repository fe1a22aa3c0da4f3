"""Every action from the keypad and from non-Latin layouts, with one key shown per action.

Key names are the ones Textual 8 gives what terminals send: keypad Enter inside tmux is
ctrl+j; with the kitty keyboard protocol keypad + and - are add and subtract; a Cyrillic
layout sends "т" for the N key (tests/e2e/test_keys_tmux.py sends the real bytes).
"""

from __future__ import annotations

import pytest

from tui.engine.routine.model import Dose, Exercise, Kind, Position, Routine
from tui.widgets.keys import KEYPAD, LAYOUTS, is_extra, keys, shown_keys
from tui.screens.confirm import ConfirmModal
from tui.screens.home import HomeScreen
from tui.screens.session import SessionScreen
from tui.screens.summary import SummaryScreen
from tui.widgets.key_bar import KeyBar
from tests.app.drive import advance

SIZE = (80, 24)
KEY = "keys"
ROUTINE = Routine(name="Keys", key=KEY, prepare=3, rest=4, exercises=(
    Exercise("Plank", Kind.HOLD, Dose(hold_seconds=30), position=Position.ON_FRONT,
             easier=Dose(hold_seconds=15)),
    Exercise("Curl-up", Kind.REPS, Dose(reps=3), position=Position.ON_BACK),
))
OTHER = Routine(name="Other", key="other", prepare=3, rest=4, exercises=(
    Exercise("Bridge", Kind.HOLD, Dose(hold_seconds=30), position=Position.ON_BACK),
))


def every_key(screen_class) -> list[tuple[str, str]]:
    return [(key, binding.action) for binding in screen_class.BINDINGS for key in binding.key.split(",")]


async def pressed_actions(app, pilot, key: str) -> list[str]:
    """The binding actions a key press runs (recorded instead of run)."""
    ran: list[str] = []
    real = app.run_action

    async def record(action, default_namespace=None):
        ran.append(action)
        return True

    app.run_action = record
    try:
        await pilot.press(key)
        await pilot.pause()
    finally:
        app.run_action = real
    return ran


@pytest.mark.parametrize(("key", "action"), every_key(SessionScreen))
async def test_every_workout_key_reaches_its_action(make_app, key, action):
    app = make_app({KEY: ROUTINE}, start=KEY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert await pressed_actions(app, pilot, key) == [action]


@pytest.mark.parametrize("screen_class", [HomeScreen, SummaryScreen, ConfirmModal])
async def test_every_key_of_the_other_screens_reaches_its_action(make_app, fake_clock, screen_class):
    app = make_app({KEY: ROUTINE, "other": OTHER})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        if screen_class is ConfirmModal:
            app.push_screen(ConfirmModal("Sure?"))
        elif screen_class is SummaryScreen:
            app.routine.start_routine(KEY)
            await pilot.pause()
            from tui.engine.routine import session as engine

            app.command(engine.finish)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, screen_class)
        for key, action in every_key(screen_class):
            assert await pressed_actions(app, pilot, key) == [action], key


# -- what they do ---------------------------------------------------------------


async def test_keypad_plus_minus_and_zero_in_every_terminal(make_app, fake_clock):
    app = make_app({KEY: ROUTINE}, start=KEY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await advance(app, pilot, fake_clock, 3)  # into the 30 s plank
        ends = app.session.ends_at
        for key, change in (("add", 10), ("subtract", -10), ("plus", 10), ("minus", -10)):
            await pilot.press(key)
            assert app.session.ends_at == pytest.approx(ends + change), key
            ends = app.session.ends_at
        for key in ("0", "insert", "0"):
            was = app.session.paused
            await pilot.press(key)
            assert app.session.paused is not was, key
        for key in ("6", "right"):
            index = app.session.index
            await pilot.press(key)
            assert app.session.index == index + 1, key


async def test_keypad_enter_counts_a_rep_and_starts_a_routine(make_app, fake_clock):
    app = make_app({"other": OTHER, KEY: ROUTINE})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("2")  # keypad down with Num Lock on: the second routine
        await pilot.press("ctrl+j")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.session.plan.routine.key == KEY
        while not app.session.is_tap:
            await pilot.press("6")
        await pilot.press("ctrl+j", "enter")
        assert app.session.taps == 2


async def test_cyrillic_and_greek_letters_work_as_the_latin_ones(make_app, fake_clock):
    app = make_app({KEY: ROUTINE}, start=KEY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("т")  # n on ЙЦУКЕН
        assert app.session.index == 1
        await pilot.press("ν")  # n on Greek
        assert app.session.index == 2
        await pilot.press("з")  # p on ЙЦУКЕН: back to the exercise before
        assert app.session.index == 1
        await pilot.press("у")  # e: the easier version
        assert app.session.plan.easier
        await pilot.press("N", "Т")  # Caps Lock on, Latin and Cyrillic
        assert app.session.index == 3
        await pilot.press("й")  # q: leave, which asks
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("н")  # y on ЙЦУКЕН
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


# -- one key shown per action -----------------------------------------------------


async def test_the_key_bar_and_help_show_one_key_per_action(make_app):
    from tui.widgets.key_hints import key_hints

    app = make_app({KEY: ROUTINE}, start=KEY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = [hint.key for hint in app.screen.query_one(KeyBar).hints()]
        assert shown == ["space", "n", "p", "r", "+/-", "⏎", "e", "s", "?", "q"]
        # Help and the palette list every key of an action, but never the keypad's or
        # another layout's twins: those work without being read out.
        twins = {t for ts in (*KEYPAD.values(), *LAYOUTS.values()) for t in ts}
        twins |= {t.upper() for t in twins if len(t) == 1}
        for hint in key_hints(app.screen):
            assert not twins & set(hint.keys), hint
    for binding in SessionScreen.BINDINGS:
        for key in shown_keys(binding.key):
            assert not is_extra(key)


def test_twins_follow_the_keys_they_copy():
    assert keys("n", "right", pad=("6",)) == "n,right,6,т,ν,N,Т,Ν"
    assert shown_keys(keys("n", "right", pad=("6",))) == ("n", "right")
    assert keys("enter") == "enter,ctrl+j"
    assert is_extra("ctrl+j") and is_extra("т") and not is_extra("right")
    assert set(KEYPAD["plus"]) == {"add"} and set(KEYPAD["minus"]) == {"subtract"}
    # Arrow keys on the workout only move: easier is for good, so no arrow may do it.
    easier = next(b for b in SessionScreen.BINDINGS if b.action == "easier")
    assert not {"up", "down", "left", "right"} & set(easier.key.split(","))


async def test_a_rep_tapped_while_paused_is_not_counted_and_says_why(make_app, fake_clock):
    app = make_app({KEY: ROUTINE}, start=KEY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        while not app.session.is_tap:
            await pilot.press("n")
        await pilot.press("space")
        assert app.session.paused
        said: list[str] = []
        app.notify = lambda message, *args, **kwargs: said.append(message)
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.taps == 0
        assert len(said) == 1 and "space" in said[0]
        await pilot.press("space", "enter")
        assert app.session.taps == 1

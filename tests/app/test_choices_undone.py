"""Choices that can be undone: `e` toggles per exercise and says when there is nothing to
do; the routine list shows and resets what is remembered; the palette pauses the routine
and every entry in it works."""

from __future__ import annotations

import inspect

from textual.command import CommandPalette
from textual.widgets import OptionList

from tui.services.timeline import timeline_lines
from tui.engine.routine import session as engine
from tui.engine.routine.plan import plan
from tui.engine.timefmt import duration_text
from tui.screens.home import HomeScreen, TimelineModal
from tui.screens.session import SessionScreen
from tui.services.settings.easier_file import remember_easier
from tui.widgets.clamped_text import ClampedText


def notices(app) -> list[str]:
    """Record what the app says from now on (Textual keeps its own list private)."""
    said: list[str] = []
    app.notify = lambda message, *args, **kwargs: said.append(message)
    return said


def title(app) -> str:
    return app.screen.query_one("#title", ClampedText).text


async def goto_exercise(app, pilot, name: str) -> None:
    while app.session.step is None or app.session.step.title != name or not app.session.step.kind.is_work:
        app.command(engine.next_step)
    await pilot.pause()


async def test_e_toggles_the_easier_version_and_back(make_app, shipped):
    app = make_app(start="core-basics")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await goto_exercise(app, pilot, "Pelvic tilt")
        said = notices(app)
        assert app.session.target == 5 and "easier" not in title(app)
        await pilot.press("e")
        assert app.session.target == 3 and "easier" in title(app)
        assert said[-1] == "Pelvic tilt: easier (e again to undo)"
        await pilot.press("e")
        assert app.session.target == 5 and "easier" not in title(app)
        assert said == ["Pelvic tilt: easier (e again to undo)", "Pelvic tilt: normal dose again"]
        # The last choice is what is remembered: the normal dose.
        assert app.routine.remembered_easier(shipped["core-basics"]) == frozenset()


async def test_e_on_an_exercise_without_an_easier_version_says_so(make_app, shipped):
    app = make_app(start="desk-break")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        exercises = shipped["desk-break"].exercises
        plain = next(ex.name for ex in exercises if ex.easier is None and ex.kind.value != "rest")
        await goto_exercise(app, pilot, plain)
        before = app.session
        said = notices(app)
        await pilot.press("e")
        assert app.session.plan == before.plan
        assert said == [f"{plain} has no easier version."]


async def test_routine_list_shows_length_and_resets_remembered_choices(make_app, shipped):
    core = shipped["core-basics"]
    app = make_app({"core-basics": core})
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        normal = duration_text(plan(core).total)
        # Bird-dog's easier dose (3 reps) is below its start (5); a stretch's easier hold
        # is its start, so making one easier changes nothing on the first day.
        chosen = next(i for i, ex in enumerate(core.exercises) if ex.name == "Bird-dog")
        remember_easier(core, frozenset({chosen}))  # no store here: the settings' file
        app.screen.on_screen_resume()
        await pilot.pause()
        prompt = str(app.screen.query_one(OptionList).get_option("core-basics").prompt)
        easier = duration_text(plan(core, frozenset({chosen})).total)
        assert easier != normal
        assert easier in prompt and "easier: Bird-dog" in prompt
        await pilot.press("x")
        await pilot.pause()
        prompt = str(app.screen.query_one(OptionList).get_option("core-basics").prompt)
        assert normal in prompt and "easier:" not in prompt
        assert app.routine.remembered_easier(core) == frozenset()


async def test_timeline_is_one_key_from_the_list(make_app, shipped):
    app = make_app({"desk-break": shipped["desk-break"]})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TimelineModal)
        assert app.screen.lines == timeline_lines(shipped["desk-break"])
        assert app.screen.lines[0].startswith("Desk break: 2 min 1 s")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_palette_pauses_the_routine_and_resumes_on_close(make_app):
    app = make_app(start="desk-break")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.session.paused
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert CommandPalette.is_open(app)
        assert app.session.paused
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert not app.session.paused


async def test_pause_chosen_in_the_palette_stays_paused(make_app):
    app = make_app(start="desk-break")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"pause")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.session.paused


async def test_every_palette_entry_works(make_app, tmp_path):
    app = make_app(start="desk-break")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        said = notices(app)
        result = commands["Screenshot"].callback()
        if inspect.isawaitable(result):
            await result
        await pilot.pause()
        saved = list((tmp_path / "data" / "screenshots").glob("*.svg"))
        assert len(saved) == 1
        assert said == [f"Screenshot saved: {saved[0]}"]

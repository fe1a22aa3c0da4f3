"""The routine list, starting a routine from it, the command palette's workout keys, and the summary."""

from __future__ import annotations

import inspect

from textual.color import Color
from textual.content import Content
from textual.widgets import OptionList, Static

from tui.engine.routine.model import Dose, Exercise, Kind, Routine
from tui.engine.routine.plan import plan
from tui.engine.timefmt import duration_text
from tui.screens.home import HomeScreen
from tui.screens.session import SessionScreen
from tui.screens.summary import SummaryScreen

SIZE = (80, 24)

TINY = Routine(
    name="Tiny",
    key="tiny",
    prepare=2,
    rest=3,
    exercises=(
        Exercise("Pelvic tilt", Kind.HOLD, Dose(hold_seconds=5)),
        Exercise("Knee hug", Kind.HOLD, Dose(hold_seconds=5)),
    ),
)


def prompt_text(options: OptionList, index: int) -> str:
    prompt = options.get_option_at_index(index).prompt
    return prompt.plain if isinstance(prompt, Content) else str(prompt)


async def test_home_lists_every_shipped_routine_with_its_planned_duration(make_app, shipped):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        options = app.screen.query_one("#routines", OptionList)
        assert options.option_count == len(shipped) >= 2
        for index, (key, routine) in enumerate(shipped.items()):
            assert options.get_option_at_index(index).id == key
            name_line, detail_line = prompt_text(options, index).split("\n")
            assert name_line == f"{routine.name}  ·  {duration_text(plan(routine).total)}"
            assert detail_line.startswith(f"{key}  ·  ")
        # The highlighted routine is described below the list.
        first = next(iter(shipped.values()))
        description = app.screen.query_one("#description", Static).visual
        assert isinstance(description, Content)
        assert description.plain == first.description


async def test_down_arrow_and_enter_start_the_second_routine(make_app, shipped):
    app = make_app()
    second_key, second = list(shipped.items())[1]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
        assert app.screen.query_one(OptionList).highlighted == 1
        description = app.screen.query_one("#description", Static).visual
        assert isinstance(description, Content) and description.plain == second.description
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.session is not None
        assert app.session.plan.routine.key == second_key
        assert app.session.index == 0
        # Enter started it once: one workout screen on the stack above home.
        assert [type(s) for s in app.screen_stack][-2:] == [HomeScreen, SessionScreen]
        assert sum(isinstance(s, SessionScreen) for s in app.screen_stack) == 1


async def test_keys_typed_at_once_start_the_routine_they_moved_to(make_app, shipped):
    """Down, Down, Enter arriving together (a fast typist, a macro, a paste) start the third
    routine, not the one highlighted before the arrows were taken."""
    from textual import events

    app = make_app()
    third_key = list(shipped)[2]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in ("down", "down", "enter"):  # posted without waiting, as a terminal delivers them
            app.post_message(events.Key(key, "\r" if key == "enter" else None))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.session is not None and app.session.plan.routine.key == third_key


async def test_the_list_takes_no_focus_yet_looks_and_moves_as_a_focused_one(make_app, shipped):
    """Nothing on the routine list is in focus: with a widget focused, Textual looks up
    every key name of the screens below it in Unicode's name tables (about 0.75 MB touched
    at each start). The screen's keys move it, and it keeps the focused look."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        routines = app.screen.query_one("#routines", OptionList)
        assert app.focused is None and not routines.can_focus
        await pilot.press("down", "end", "up")
        assert routines.highlighted == len(shipped) - 2
        cursor = routines.get_component_styles("option-list--option-highlighted")
        colours = app.current_theme.to_color_system().generate()
        assert cursor.background == Color.parse(colours["block-cursor-background"])
        assert cursor.background != Color.parse(colours["block-cursor-blurred-background"])


async def test_palette_offers_the_workout_keys_while_a_routine_runs(make_app, fake_clock):
    app = make_app({"tiny": TINY}, start="tiny")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        offered = list(app.get_system_commands(screen))
        # Later entries win: the workout's own "Quit" (ask first) over Textual's.
        commands = {c.title: c for c in offered}
        # Keys that do nothing on this step (Rep on a timed hold) are not offered; every
        # other workout key is, each saying what it does and with all its keys.
        ours = {c.title: c.help for c in offered if "(key: " in c.help}
        assert set(ours) == {"Pause", "Next", "Back one step", "Again", "10 s more", "10 s less",
                             "Easier", "When to stop", "Jump", "Help", "Leave routine"}
        assert ours["Next"] == "Next step (key: n, →)"
        # Textual's own commands are still there; nothing is offered twice, and the two
        # ways out say which is which.
        titles = [c.title for c in offered]
        assert {"Theme", "Keys", "Quit lumbar", "Screenshot"} <= set(titles)
        assert len(titles) == len(set(titles))
        assert "Quit" not in titles
        result = commands["Next"].callback()
        if inspect.isawaitable(result):
            await result
        await pilot.pause()
        assert app.session.index == 1


async def test_palette_has_no_workout_keys_at_home(make_app):
    app = make_app({"tiny": TINY})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Start", "Timeline", "Quit lumbar"} <= titles
        assert not titles & {"Pause", "Next", "Back one step", "Rep", "Easier", "Quit"}


async def test_summary_after_a_finished_routine_and_back_home(make_app, fake_clock):
    app = make_app({"tiny": TINY}, start="tiny")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        fake_clock.advance(2 + 5)
        app.tick()
        await pilot.pause()
        await pilot.press("space")  # a minute's pause counts in the total, not in "moving"
        fake_clock.advance(60)
        app.tick()
        await pilot.press("space")
        await pilot.press("n", "n")  # skip the rest, then the knee hug
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        result = app.screen.result
        assert result.routine == "Tiny"
        assert result.completed
        assert result.done == ("Pelvic tilt",)
        assert result.skipped == ("Knee hug",)
        assert result.easier == ()
        assert result.elapsed == 67 and result.active == 7
        heading = app.screen.query_one(".heading", Static).visual
        assert isinstance(heading, Content) and heading.plain == "Well done."
        lines = app.screen.query_one("#summary-lines", Static).visual.plain.splitlines()
        assert lines == [
            "Total time        1 min 7 s",
            "Pauses left out   7 s",
            "Done              1: Pelvic tilt",
            "Skipped           1: Knee hug",
            "Made easier       none",
        ]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.session is None
        # Home works again: start the same routine a second time.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.session.index == 0


async def test_q_on_the_summary_quits_without_asking(make_app, fake_clock):
    app = make_app({"tiny": TINY}, start="tiny")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        fake_clock.advance(60)
        app.tick()
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("q")
        await pilot.pause()
        assert app._exit
    assert app.return_code == 0

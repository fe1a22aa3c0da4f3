"""The goals screen: opened with g on the list or from the command palette; goals added,
rated, changed (a new goal: its ratings start again) and retired; shown on the history
screen beside the pain lines with the latest PEG (tui/screens/goals.py, tui/screens/history.py)."""

from __future__ import annotations

from textual.command import CommandInput
from textual.widgets import OptionList, Static

from tests.app.measures.conftest import days
from tests.app.routines import SIZE, text
from tui.screens.confirm import ConfirmModal
from tui.screens.goals import GoalsScreen, GoalTextModal
from tui.screens.history import HistoryScreen
from tui.screens.home import HomeScreen
from tui.screens.measures import ScoresModal


def shown(screen) -> str:
    return "\n".join(text(s) for s in screen.query(Static) if s.display)


def listed(screen) -> list[str]:
    options = screen.query_one(OptionList)
    return [options.get_option_at_index(i).prompt.plain for i in range(options.option_count)]


async def type_text(pilot, words: str) -> None:
    for ch in words:
        await pilot.press("space" if ch == " " else ch)
    await pilot.press("enter")
    await pilot.pause()


async def test_g_opens_the_goals_and_a_adds_one_up_to_three(measures_app, wall):
    app, store = measures_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        assert "No goals yet" in listed(app.screen)[0]
        for words, key in (("walk to work", "4"), ("carry shopping", "s"), ("play golf", "1")):
            await pilot.press("a")
            await pilot.pause()
            assert isinstance(app.screen, GoalTextModal)
            await type_text(pilot, words)
            assert isinstance(app.screen, ScoresModal)
            await pilot.press(key)  # s: no first rating yet
            await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        assert listed(app.screen) == ["walk to work\n4 now (first rating)", "carry shopping\nnot rated yet",
                                      "play golf\n1 now (first rating)"]
        assert "Three goals: retire one to add another." in shown(app.screen)
        await pilot.press("a")  # a fourth is not offered
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert [g.text for g in store.measures.goals()] == ["walk to work", "carry shopping", "play golf"]


async def test_an_empty_goal_is_refused_with_a_reason_and_esc_cancels(measures_app, wall):
    app, store = measures_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g", "a")
        await pilot.pause()
        await pilot.press("space", "enter")
        await pilot.pause()
        assert isinstance(app.screen, GoalTextModal)
        assert "A goal needs a few words" in shown(app.screen)
        # The box takes no more than the limit, so the limit is said before typing.
        assert "(60 characters at most)" in shown(app.screen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
    assert store.measures.goals() == ()


async def test_rate_change_and_retire(measures_app, wall):
    app, store = measures_app()
    lift = store.measures.set_goal("lift my child", 3)
    store.measures.set_goal("sit through a meeting", 5)
    days(wall, 7)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("r", "6", "7")
        await pilot.pause()
        assert listed(app.screen) == ["lift my child\n6 now (3 at first: +3, meaningful)",
                                      "sit through a meeting\n7 now (5 at first: +2)"]
        assert "Mean 6.5 of 10 · +2.5 since 2 Mar: a meaningful change" in shown(app.screen)
        # Change the second: new words, a new first rating; the old goal is retired.
        await pilot.press("down", "e")
        await pilot.pause()
        assert isinstance(app.screen, GoalTextModal)
        assert app.screen.query_one("#goal-input").value == "sit through a meeting"
        await pilot.press("ctrl+u")
        await type_text(pilot, "sit at my desk")
        await pilot.press("4")
        await pilot.pause()
        assert listed(app.screen)[1] == "sit at my desk\n4 now (first rating)"
        # Retire the first, after a yes.
        await pilot.press("up", "x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        assert listed(app.screen) == ["sit at my desk\n4 now (first rating)"]
    every = store.measures.goals(retired=True)
    assert [(g.text, g.retired_on is not None) for g in every] == [
        ("lift my child", True), ("sit through a meeting", True), ("sit at my desk", False)]
    assert [r.score for r in every[0].ratings] == [3, 6] and every[0].key == lift


async def test_the_palette_opens_the_goals(measures_app, wall):
    app, _ = measures_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.query_one(CommandInput)
        await pilot.press(*"goals")
        await pilot.pause(0.3)  # the palette's own search worker
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)


async def test_the_history_shows_the_goals_and_the_latest_peg(measures_app, wall):
    app, store = measures_app()
    lift = store.measures.set_goal("lift my child", 3)
    walk = store.measures.set_goal("walk for an hour without stopping to rest", 5)
    store.measures.record_peg(7, 6, 5)
    days(wall, 7)
    store.measures.rate_goals({lift: 6, walk: 6})
    store.measures.record_peg(5, 4, 3)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        goals = text(app.screen.query_one("#goals-now", Static))
        assert goals.splitlines() == ["lift my child               6  +3 ✓",
                                      "walk for an hour without…   6  +1",
                                      "Mean 6.0, +2.0: meaningful ✓"]
        assert text(app.screen.query_one("#peg-now", Static)) == "4.0 today, from 6.0 on 2 Mar"


async def test_the_history_without_measures_shows_no_lines_for_them(measures_app, wall):
    app, _ = measures_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert not app.screen.query("#goals-now") and not app.screen.query("#peg-now")

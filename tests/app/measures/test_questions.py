"""The questions after a routine: the goals offered then re-rated weekly, the PEG weekly, the
global impression every two weeks; each skippable, never more than is due
(tui/app/measures/, tui/screens/measures.py, tui/screens/goals.py)."""

from __future__ import annotations

from textual.widgets import Input, Static

from tests.app.measures.conftest import days
from tests.app.routines import SIZE, run_to_end, text
from tui.app.config import Measures
from tui.screens.checkin import CheckinModal
from tui.screens.goals import GoalsScreen, GoalTextModal
from tui.screens.home import HomeScreen
from tui.screens.measures import GoalsOfferModal, ImpressionModal, ScoresModal
from tui.screens.summary import SummaryScreen


async def finish_routine(app, pilot, fake_clock, after: str = "3") -> None:
    """From the list: a check-in of 2 before, the routine to its end, `after` after."""
    await pilot.press("enter", "2")
    await pilot.pause()
    await run_to_end(app, pilot, fake_clock)
    assert isinstance(app.screen, CheckinModal)
    await pilot.press(after)
    await pilot.pause()


def shown(screen) -> str:
    return "\n".join(text(s) for s in screen.query(Static) if s.display)


async def type_text(pilot, words: str) -> None:
    for ch in words:
        await pilot.press("space" if ch == " " else ch)
    await pilot.press("enter")
    await pilot.pause()


async def test_the_first_routine_offers_goals_then_asks_the_peg(measures_app, fake_clock, wall):
    app, store = measures_app()
    async with app.run_test(size=SIZE) as pilot:
        await finish_routine(app, pilot, fake_clock)
        assert isinstance(app.screen, GoalsOfferModal)
        await pilot.press("g")
        await pilot.pause()
        # The goals screen, with the first goal asked at once.
        assert isinstance(app.screen, GoalTextModal)
        assert isinstance(app.screen_stack[-2], GoalsScreen)
        await type_text(pilot, "lift my child")
        assert isinstance(app.screen, ScoresModal)
        assert "lift my child" in shown(app.screen) and "cannot do it" in shown(app.screen)
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "sit [b]through[/b] a meeting")  # markup stays text
        await pilot.press("t")
        await pilot.pause()
        assert [(g.text, [r.score for r in g.ratings]) for g in store.measures.goals()] == [
            ("lift my child", [3]), ("sit [b]through[/b] a meeting", [10])]
        await pilot.press("escape")
        await pilot.pause()
        # Then the PEG: three questions, one key each. No impression yet: nothing to compare.
        assert isinstance(app.screen, ScoresModal)
        assert "on average" in shown(app.screen) and "(1 of 3)" in shown(app.screen)
        await pilot.press("6", "5")
        await pilot.pause()
        assert "(3 of 3)" in shown(app.screen)
        await pilot.press("4")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        (peg,) = store.measures.peg_rows()
        assert (peg.pain, peg.enjoyment, peg.activity, peg.score) == (6, 5, 4, 5.0)


async def test_nothing_is_asked_again_the_same_week(measures_app, fake_clock, wall):
    app, store = measures_app()
    store.measures.set_goal("walk the dog", 4)
    store.measures.record_peg(5, 5, 5)
    async with app.run_test(size=SIZE) as pilot:
        days(wall, 6)
        await finish_routine(app, pilot, fake_clock)
        assert isinstance(app.screen, SummaryScreen)


async def test_a_week_later_goals_are_re_rated_one_key_each(measures_app, fake_clock, wall):
    app, store = measures_app()
    first = store.measures.set_goal("walk the dog", 4)
    second = store.measures.set_goal("garden", 2)
    store.measures.record_peg(5, 5, 5)
    days(wall, 7)
    async with app.run_test(size=SIZE) as pilot:
        await finish_routine(app, pilot, fake_clock)
        assert isinstance(app.screen, ScoresModal)
        assert "walk the dog" in shown(app.screen) and "(1 of 2)" in shown(app.screen)
        await pilot.press("7", "t")
        await pilot.pause()
        rated = {g.key: [r.score for r in g.ratings] for g in store.measures.goals()}
        assert rated == {first: [4, 7], second: [2, 10]}
        # The PEG is due too; skipped, it is a row and not asked again this week.
        assert isinstance(app.screen, ScoresModal) and "on average" in shown(app.screen)
        await pilot.press("3", "escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert store.measures.peg_rows() == [store.measures.peg_rows()[0]] and len(store.measures.peg_rows()) == 1
        assert [r["what"] for r in store.rows() if r["kind"] == "measure_skip"] == ["peg"]


async def test_skipping_the_re_rating_part_way_keeps_the_ratings_given(measures_app, fake_clock, wall):
    app, store = measures_app(measures=Measures(goals=True))
    store.measures.set_goal("walk the dog", 4)
    store.measures.set_goal("garden", 2)
    days(wall, 8)
    async with app.run_test(size=SIZE) as pilot:
        await finish_routine(app, pilot, fake_clock)
        await pilot.press("5", "s")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert [[r.score for r in g.ratings] for g in store.measures.goals()] == [[4, 5], [2]]
        assert store.measures.measures_last().goals_day == wall().date()


async def test_skipping_the_offer_waits_a_week(measures_app, fake_clock, wall):
    app, store = measures_app(measures=Measures(goals=True))
    async with app.run_test(size=SIZE) as pilot:
        await finish_routine(app, pilot, fake_clock)
        assert isinstance(app.screen, GoalsOfferModal)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert [r["what"] for r in store.rows() if r["kind"] == "measure_skip"] == ["goals"]
        await pilot.press("escape")  # back to the list
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await finish_routine(app, pilot, fake_clock)
        assert isinstance(app.screen, SummaryScreen)  # not offered twice the same week


async def test_the_impression_comes_two_weeks_after_the_start(measures_app, fake_clock, wall):
    app, store = measures_app(measures=Measures(impression=True))
    store.add_checkin(5, "alone")
    days(wall, 13)
    async with app.run_test(size=SIZE) as pilot:
        await finish_routine(app, pilot, fake_clock)
        assert isinstance(app.screen, SummaryScreen)  # 13 days: not yet
        await pilot.press("escape")
        days(wall, 1)
        await finish_routine(app, pilot, fake_clock)
        assert isinstance(app.screen, ImpressionModal)
        assert "very much better" in shown(app.screen) and "very much worse" in shown(app.screen)
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert [(i.code, i.words) for i in store.measures.impressions()] == [(2, "much better")]


async def test_the_impression_skipped_is_a_row(measures_app, fake_clock, wall):
    app, store = measures_app(measures=Measures(impression=True))
    store.add_checkin(5, "alone")
    days(wall, 20)
    async with app.run_test(size=SIZE) as pilot:
        await finish_routine(app, pilot, fake_clock)
        assert isinstance(app.screen, ImpressionModal)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen) and store.measures.impressions() == []
        assert store.measures.measures_last().impression_day == wall().date()


async def test_measures_come_even_when_the_check_in_is_skipped_or_off(measures_app, fake_clock, wall):
    app, store = measures_app(measures=Measures(peg=True), checkins=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await run_to_end(app, pilot, fake_clock)
        assert isinstance(app.screen, ScoresModal)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)


async def test_with_every_measure_off_nothing_is_asked(measures_app, fake_clock, wall):
    app, store = measures_app(measures=Measures())
    async with app.run_test(size=SIZE) as pilot:
        await finish_routine(app, pilot, fake_clock)
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("g")  # the goals key is off with its setting
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert store.rows() and not [r for r in store.rows() if r["kind"] in ("goal", "peg", "measure_skip")]


async def test_the_leg_score_follows_the_back_score_when_it_is_on(measures_app, fake_clock, wall):
    app, store = measures_app(measures=Measures(leg=True))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "4")
        await pilot.pause()
        assert isinstance(app.screen, CheckinModal) and "leg" in shown(app.screen)
        await pilot.press("7")
        await pilot.pause()
        await run_to_end(app, pilot, fake_clock)
        await pilot.press("3", "escape")  # the leg skipped after the routine: the back's stands
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("c", "2", "t")
        await pilot.pause()
    checkins = [(r["score"], r["moment"], r["leg"]) for r in store.rows() if r["kind"] == "checkin"]
    assert checkins == [(4, "before", 7), (3, "after", None), (2, "alone", 10)]


async def test_leaving_the_offered_goals_without_one_counts_as_not_now(measures_app, fake_clock, wall):
    app, store = measures_app(measures=Measures(goals=True))
    async with app.run_test(size=SIZE) as pilot:
        await finish_routine(app, pilot, fake_clock)
        await pilot.press("enter")  # set goals
        await pilot.pause()
        assert isinstance(app.screen, GoalTextModal)
        await pilot.press("escape", "escape")  # no words, then out of the goals screen
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert store.measures.goals() == ()
        assert [r["what"] for r in store.rows() if r["kind"] == "measure_skip"] == ["goals"]

"""The dose on screen: the after-routine question (after the check-in, one key, skippable,
a setting turns it off) and the first step's news with k to keep the old dose.

A real history store on a temporary file, with its wall clock moved by hand.
"""

from __future__ import annotations

from tests.app.routines import RANGED, Wall, kinds, store_at
from datetime import timedelta

from textual.widgets import Static

from tui.engine.routine.model import Dose, Exercise, Kind, Ranges, Routine, Span
from tui.engine.routine.plan import StepKind
from tui.engine.progress.progression import Level
from tui.screens.checkin import CheckinModal
from tui.screens.dose_question import DoseQuestionModal
from tui.screens.session import SessionScreen
from tui.screens.summary import SummaryScreen
from tui.services.store import open_store

SIZE = (80, 24)


async def finish(app, pilot, fake_clock) -> None:
    fake_clock.advance(60)
    app.tick()
    await pilot.pause()


async def test_the_question_comes_after_the_check_in_and_takes_one_key(make_app, fake_clock, tmp_path):
    store = store_at(tmp_path, Wall())
    app = make_app({"ranged": RANGED}, store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.press("2")  # before
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        await finish(app, pilot, fake_clock)
        assert isinstance(app.screen, CheckinModal)
        # The question waits under the check-in, out of sight.
        assert isinstance(app.screen_stack[-2], DoseQuestionModal) and app.screen_stack[-2].has_class("-waiting")
        await pilot.press("2")  # after
        await pilot.pause()
        assert isinstance(app.screen, DoseQuestionModal) and not app.screen.has_class("-waiting")
        assert kinds(store, "answer") == []
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
    (answer,) = kinds(store, "answer")
    assert answer["answer"] == "easy" and answer["session"] == kinds(store, "session")[0]["id"]
    # The first session wrote the starting dose.
    assert [(r["exercise"], r["hold_seconds"], r["why"]) for r in kinds(store, "dose")] == [
        ("Wall stand", 5.0, "start")]
    store.close()


async def test_the_question_is_skipped_with_escape_and_never_asked_when_turned_off(make_app, fake_clock, tmp_path):
    store = store_at(tmp_path, Wall())
    app = make_app({"ranged": RANGED}, store=store, start="ranged", checkins=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await finish(app, pilot, fake_clock)
        assert isinstance(app.screen, DoseQuestionModal)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
    assert kinds(store, "answer") == []
    app = make_app({"ranged": RANGED}, store=store, start="ranged", checkins=False, progression_question=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await finish(app, pilot, fake_clock)
        assert isinstance(app.screen, SummaryScreen)
    store.close()


def two_easy_days(store, wall: Wall) -> None:
    """What two earlier evenings left: the starting dose, then "too easy" twice."""
    for day in range(2):
        sid = store.begin_session("ranged", "Ranged", 3)
        if day == 0:
            store.set_doses("ranged", sid, [("Wall stand", Level(hold=5.0), "start")])
        store.end_session(sid, "finished")
        store.record_answer(sid, "easy")
        wall.now += timedelta(days=1)


def cue(app) -> str:
    """The cue as drawn, its wrapped lines joined again."""
    from tui.widgets.clamped_text import ClampedText

    from .drawn import drawn

    return " ".join(line.strip() for line in drawn(app.screen.query_one("#cue", ClampedText)) if line.strip())


def wall_stand(app) -> float | None:
    return next(s.duration for s in app.session.plan.steps if s.title == "Wall stand")


async def test_the_first_step_says_what_changed_and_k_keeps_the_old_dose(make_app, fake_clock, tmp_path):
    wall = Wall()
    store = store_at(tmp_path, wall)
    two_easy_days(store, wall)
    app = make_app({"ranged": RANGED}, store=store, start="ranged", checkins=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.session.step.kind is StepKind.PREPARE
        assert "Wall stand: 10 s hold, up from 5 s" in cue(app)
        assert "Press k to keep the old dose" in cue(app)
        assert wall_stand(app) == 10.0
        assert app.screen.check_action("keep_dose", ()) is True
        await pilot.press("k")
        await pilot.pause()
        assert wall_stand(app) == 5.0
        assert "up from" not in cue(app)
        assert app.screen.check_action("keep_dose", ()) is None
        fake_clock.advance(10 + 1)  # a routine whose dose changed gets 10 s to read it
        app.tick()
        await pilot.pause()
        assert app.session.step.title == "Wall stand" and app.session.step.duration == 5.0
    assert [(r["hold_seconds"], r["why"]) for r in kinds(store, "dose")] == [
        (5.0, "start"), (10.0, "up"), (5.0, "kept")]
    # Kept: the two answers are used up, so the next start announces nothing.
    assert store.progress_inputs("ranged").stored == {"Wall stand": Level(hold=5.0)}
    store.close()


async def test_without_k_the_new_dose_counts_and_k_does_nothing_after_the_first_step(make_app, fake_clock, tmp_path):
    wall = Wall()
    store = store_at(tmp_path, wall)
    two_easy_days(store, wall)
    app = make_app({"ranged": RANGED}, store=store, start="ranged", checkins=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        fake_clock.advance(10 + 1)
        app.tick()
        await pilot.pause()
        assert app.session.step.title == "Wall stand"
        assert app.screen.check_action("keep_dose", ()) is None
        await pilot.press("k")
        await pilot.pause()
        assert app.session.step.duration == 10.0
    assert store.progress_inputs("ranged").stored == {"Wall stand": Level(hold=10.0)}
    store.close()


async def test_the_history_screen_shows_the_dose_beside_the_pain(make_app, tmp_path, shipped):
    from tests.fortnight import FIRST_EVENING, fortnight
    from tui.screens.history import HistoryScreen
    from tui.widgets.trend_rows import TrendRows

    fortnight(tmp_path)
    store = open_store(tmp_path / "history.db", wall=lambda: FIRST_EVENING + timedelta(days=13))
    app = make_app(shipped, store=store, opens_history=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        texts = [s.visual.plain for s in app.screen.query(Static)]
        assert "Dose: steps above the start" in texts
        # Core basics' eight exercises: 23 steps up after the first week, 34 after the second.
        (label, values, numbers), *_ = app.screen.query_one("#doses", TrendRows).rows
        assert (label, values[0], values[-1], numbers) == ("Core b…", 23, 34, "23 → 34")
    store.close()


async def test_no_raise_when_the_check_in_before_says_flare_up(make_app, fake_clock, tmp_path):
    wall = Wall()
    store = store_at(tmp_path, wall)
    for _ in range(3):  # a baseline of 3
        wall.now -= timedelta(days=1)
        store.add_checkin(3, "alone")
    wall.now += timedelta(days=3)
    two_easy_days(store, wall)
    app = make_app({"ranged": RANGED}, store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.press("6")  # three above the baseline: a flare-up day
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.routine.dosing.changes == () and wall_stand(app) == 5.0
        assert "New today" not in cue(app)
    store.close()


# Two ranged exercises, for marking one of them on its own.
TWO = Routine(
    name="Two ranged",
    key="two",
    prepare=2,
    exercises=(
        Exercise("Wall stand", Kind.HOLD, Dose(hold_seconds=5), ranges=Ranges(hold=Span(5, 15, 5))),
        Exercise("Bridge", Kind.HOLD, Dose(hold_seconds=5), ranges=Ranges(hold=Span(5, 15, 5))),
    ),
)


async def test_the_summary_marks_one_exercise_too_hard_while_the_routine_was_too_easy(
        make_app, fake_clock, tmp_path):
    from tui.screens.mark_exercises import MarkExercisesModal

    wall = Wall()
    store = store_at(tmp_path, wall)
    for day in range(2):  # "too easy" on two days; the bridge marked too hard on the second
        app = make_app({"two": TWO}, store=store, start="two")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await finish(app, pilot, fake_clock)
            await pilot.press("2")  # the check-in after
            await pilot.press("e")  # the whole routine: too easy
            await pilot.pause()
            assert isinstance(app.screen, SummaryScreen)
            if day == 1:
                await pilot.press("m")
                await pilot.pause()
                assert isinstance(app.screen, MarkExercisesModal)
                await pilot.press("down", "h", "escape")
                await pilot.pause()
                assert isinstance(app.screen, SummaryScreen)
        wall.now += timedelta(days=1)
    (mark,) = kinds(store, "exercise_answer")
    assert (mark["exercise"], mark["answer"]) == ("Bridge", "hard")
    levels = store.progress_inputs("two")
    from tui.engine.progress.progression import decide

    decision = decide(TWO, levels.stored, levels.since, levels.checkins, levels.today)
    # The wall stand goes up on the routine's two "too easy" days; the bridge, marked too
    # hard, does not (it is at the bottom of its range already, so it stays there).
    assert decision.levels == {"Wall stand": Level(hold=10.0), "Bridge": Level(hold=5.0)}
    assert [(c.name, c.why) for c in decision.changes] == [("Wall stand", "up")]
    store.close()

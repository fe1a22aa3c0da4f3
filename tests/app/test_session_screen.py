"""The workout screen driven by keys and a fake clock: timing, every binding, modals, summary, bells.

Time moves only through the fake clock: `fake_clock.advance(s)`, `app.tick()`, `await pilot.pause()`.
"""

from __future__ import annotations

import math

import pytest
from textual.content import Content
from textual.widgets import Static

from tui.engine.care.signs import TIERS
from tui.services.cues import Cues
from tui.engine.routine.model import BreathPattern, Dose, Exercise, Kind, Position, Routine, Tempo
from tui.engine.routine.plan import StepKind
from tui.screens.advice import HelpModal, StopIfModal
from tui.screens.confirm import ConfirmModal
from tui.screens.home import HomeScreen
from tui.screens.session import SessionScreen
from tui.screens.summary import SummaryScreen
from tui.widgets.big_time import BigTime
from tui.widgets.breath_pacer import BreathPacer
from tui.widgets.rep_counter import RepCounter
from tui.engine.routine import session as engine
from tests.app.drive import advance

SIZE = (80, 24)
KEY = "test-routine"
LITERAL_CUE = "Keep [brackets] and [bold]x[/] literal"

# Plan of ROUTINE (index: step):
#  0 prepare 3 s | 1 Side plank left 20 s | 2 switch 2 s | 3 Side plank right 20 s
#  4 rest between sets 5 s | 5 Side plank left set 2 | 6 switch | 7 Side plank right set 2
#  8 transition 6 s (onto back) | 9 Bridge: 3 tempo reps of 2+1+2 s = 15 s | 10 rest 4 s
# 11 Curl-up: 3 tapped reps | 12 rest 4 s | 13 Belly breathing: 2 breaths of 2+3 s = 10 s
ROUTINE = Routine(
    name="Test routine",
    key=KEY,
    prepare=3,
    rest=4,
    switch_sides=2,
    transition=6,
    stop_if=("Routine-wide warning.",),
    exercises=(
        Exercise(
            "Side plank", Kind.HOLD, Dose(hold_seconds=20, sets=2, set_rest=5),
            cue=LITERAL_CUE, position=Position.SIDE_LYING, sides=True,
            stop_if=("Sharp pain in the hip.",), easier=Dose(hold_seconds=10, sets=1),
        ),
        Exercise("Bridge", Kind.REPS, Dose(reps=3), cue="Lift your hips.",
                 position=Position.ON_BACK, tempo=Tempo(2, 1, 2)),
        Exercise("Curl-up", Kind.REPS, Dose(reps=3), cue="A small lift.", position=Position.ON_BACK),
        Exercise("Belly breathing", Kind.HOLD, Dose(hold_breaths=2), position=Position.ON_BACK,
                 breath=BreathPattern(2, 0, 3)),
    ),
)
STEPS = 14
PLANK_LEFT, SWITCH, PLANK_RIGHT, SET_REST = 1, 2, 3, 4
TRANSITION, BRIDGE, CURL_UP, BREATHING = 8, 9, 11, 13


def routines() -> dict[str, Routine]:
    return {KEY: ROUTINE}


async def press(pilot, *keys: str) -> None:
    """Press keys; Pilot waits for the app to be idle after each one."""
    await pilot.press(*keys)


def big_text(app) -> str:
    return app.screen.query_one(BigTime).text


def static_text(app, selector: str) -> str:
    """What the widget draws (its render), as plain text."""
    visual = app.screen.query_one(selector).render()
    assert isinstance(visual, Content)
    return visual.plain


def step_index(app) -> int:
    assert app.session is not None
    return app.session.index


async def goto(app, pilot, index: int) -> None:
    """Skip forward (the `n` command, without the key round trip) until step `index` is current."""
    while step_index(app) < index:
        app.command(engine.next_step)
    await pilot.pause()
    assert step_index(app) == index


# -- a whole routine ------------------------------------------------------------


async def test_desk_break_runs_start_to_summary_on_the_fake_clock(make_app, fake_clock, shipped):
    app = make_app(start="desk-break")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.session is not None
        steps = app.session.plan.steps
        assert big_text(app) == "0:05"  # prepare: 5s
        for index, step in enumerate(steps):
            assert step_index(app) == index
            assert app.session.step == step
            assert step.duration is not None  # desk break has no tapped reps
            # Half-way through, the clock shows the rest of the step rounded up.
            await advance(app, pilot, fake_clock, step.duration / 2)
            assert big_text(app) == _mss(step.duration - step.duration / 2)
            await advance(app, pilot, fake_clock, step.duration / 2)
        assert app.session is None
        assert isinstance(app.screen, SummaryScreen)
        result = app.screen.result
        assert result.completed
        assert result.done == tuple(ex.name for ex in shipped["desk-break"].exercises)
        assert result.skipped == ()
        assert result.elapsed == pytest.approx(sum(s.duration for s in steps))


def _mss(seconds: float) -> str:
    """m:ss rounded up, written out here rather than borrowed from the app."""
    whole = math.ceil(round(seconds, 6))
    return f"{whole // 60}:{whole % 60:02d}"


async def test_custom_routine_with_sides_sets_tempo_taps_and_breaths_to_summary(make_app, fake_clock):
    app = make_app(routines(), start=KEY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert len(app.session.plan.steps) == STEPS
        assert big_text(app) == "0:03"
        await advance(app, pilot, fake_clock, 3)
        # Sides and sets: left, switch, right, rest between sets, left, switch, right.
        expected = [
            (PLANK_LEFT, StepKind.HOLD, "left", 1, 20),
            (SWITCH, StepKind.SWITCH, "right", 1, 2),
            (PLANK_RIGHT, StepKind.HOLD, "right", 1, 20),
            (SET_REST, StepKind.REST, None, 2, 5),
            (5, StepKind.HOLD, "left", 2, 20),
            (6, StepKind.SWITCH, "right", 2, 2),
            (7, StepKind.HOLD, "right", 2, 20),
            (TRANSITION, StepKind.TRANSITION, None, 1, 6),
        ]
        for index, kind, side, set_no, seconds in expected:
            step = app.session.step
            assert (step_index(app), step.kind, step.side, step.set_no) == (index, kind, side, set_no)
            assert big_text(app) == f"0:{seconds:02d}"
            if kind is StepKind.HOLD:
                title = static_text(app, "#title")
                assert f"{side} side" in title and f"set {set_no} of 2" in title
            await advance(app, pilot, fake_clock, seconds)

        # Tempo reps: 3 reps of lift 2, hold 1, lower 2.
        assert step_index(app) == BRIDGE
        counter = app.screen.query_one(RepCounter)
        assert counter.display
        assert counter.drawing.phase == "lift" and counter.drawing.done == 0
        await advance(app, pilot, fake_clock, 3.5)  # rep 1, lowering
        assert counter.drawing.phase == "lower"
        await advance(app, pilot, fake_clock, 2)  # rep 2, lifting
        assert counter.drawing.phase == "lift" and counter.drawing.done == 1
        await advance(app, pilot, fake_clock, 15 - 5.5)
        assert step_index(app) == BRIDGE + 1  # rest
        await advance(app, pilot, fake_clock, 4)

        # Tapped reps: the clock waits for Enter.
        assert step_index(app) == CURL_UP
        await advance(app, pilot, fake_clock, 600)
        assert step_index(app) == CURL_UP
        assert big_text(app) == "1"  # the rep under way, as "Rep 1 of 3" says
        for n in (1, 2):
            await press(pilot, "enter")
            assert app.session.taps == n
            assert big_text(app) == str(n + 1)
        await press(pilot, "enter")
        assert step_index(app) == CURL_UP + 1
        await advance(app, pilot, fake_clock, 4)

        # Breath-counted hold: the pacer shows while the breaths run.
        assert step_index(app) == BREATHING
        pacer = app.screen.query_one(BreathPacer)
        assert pacer.display
        assert pacer.drawing.phase == "inhale" and pacer.drawing.breaths == 2
        await advance(app, pilot, fake_clock, 6)
        assert pacer.drawing.breath == 2
        await advance(app, pilot, fake_clock, 4)

        assert app.session is None
        assert isinstance(app.screen, SummaryScreen)
        result = app.screen.result
        assert result.completed
        assert result.done == ("Side plank", "Bridge", "Curl-up", "Belly breathing")
        assert result.skipped == () and result.easier == ()


# -- clock and pause ------------------------------------------------------------


async def test_big_time_shows_m_ss_after_advancing(make_app, fake_clock):
    app = make_app(routines(), start=KEY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await advance(app, pilot, fake_clock, 3)
        assert big_text(app) == "0:20"
        await advance(app, pilot, fake_clock, 0.4)
        assert big_text(app) == "0:20"  # rounded up: 19.6 s left
        await advance(app, pilot, fake_clock, 7.6)
        assert big_text(app) == "0:12"
        for _ in range(5):
            await press(pilot, "plus")  # 62 s left
        assert big_text(app) == "1:02"


async def test_space_pauses_freezes_time_and_resumes(make_app, fake_clock):
    app = make_app(routines(), start=KEY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await advance(app, pilot, fake_clock, 3 + 5)  # 15 s left of the left side
        screen = app.screen
        big = screen.query_one(BigTime)
        assert big.text == "0:15"
        await press(pilot, "space")
        assert app.session.paused
        assert screen.has_class("-paused") and big.has_class("-paused")
        assert "PAUSED" in static_text(app, "#status")
        await advance(app, pilot, fake_clock, 3600)
        assert step_index(app) == PLANK_LEFT
        assert big.text == "0:15"
        await press(pilot, "space")
        assert not app.session.paused
        assert not screen.has_class("-paused") and not big.has_class("-paused")
        assert "PAUSED" not in static_text(app, "#status")
        await advance(app, pilot, fake_clock, 5)
        assert big.text == "0:10"


# -- navigation and adjusting ---------------------------------------------------


async def test_n_skips_p_goes_back_r_restarts(make_app, fake_clock):
    app = make_app(routines(), start=KEY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await advance(app, pilot, fake_clock, 3)
        assert step_index(app) == PLANK_LEFT
        await press(pilot, "n")
        assert step_index(app) == SWITCH
        assert app.session.skipped == {0}
        await press(pilot, "right")
        assert step_index(app) == PLANK_RIGHT
        # Back goes to the previous exercise step, passing over the side switch.
        await press(pilot, "p")
        assert step_index(app) == PLANK_LEFT
        assert big_text(app) == "0:20"
        await press(pilot, "n", "n")
        await press(pilot, "left")
        assert step_index(app) == PLANK_LEFT
        # Restart: the same step from the top.
        await advance(app, pilot, fake_clock, 12)
        assert big_text(app) == "0:08"
        await press(pilot, "r")
        assert step_index(app) == PLANK_LEFT
        assert big_text(app) == "0:20"
        assert app.session.ends_at - fake_clock.now == pytest.approx(20)


async def test_plus_and_minus_adjust_timed_tempo_and_tapped_steps(make_app, fake_clock):
    app = make_app(routines(), start=KEY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await advance(app, pilot, fake_clock, 3)
        # Timed hold: ten seconds a press, both keys for "more".
        await press(pilot, "plus")
        assert big_text(app) == "0:30"
        await press(pilot, "equals_sign")
        assert big_text(app) == "0:40"
        await press(pilot, "minus")
        await press(pilot, "minus")
        assert big_text(app) == "0:20"
        # Tempo reps: one rep (5 s) a press.
        await goto(app, pilot, BRIDGE)
        counter = app.screen.query_one(RepCounter)
        assert counter.drawing.total == 3
        await press(pilot, "plus")
        assert counter.drawing.total == 4
        assert app.session.ends_at - app.services.clocks.mono() == pytest.approx(20)
        assert big_text(app) == "LIFT 2"  # a tempo step's big figure is what to do now
        await press(pilot, "minus")
        await press(pilot, "minus")
        assert counter.drawing.total == 2
        assert app.session.ends_at - app.services.clocks.mono() == pytest.approx(10)
        # Tapped reps: one rep a press.
        await goto(app, pilot, CURL_UP)
        assert app.session.target == 3
        await press(pilot, "plus")
        assert app.session.target == 4 and counter.drawing.total == 4
        await press(pilot, "minus")
        assert app.session.target == 3


# -- tapped reps ----------------------------------------------------------------


async def test_enter_counts_tapped_reps_and_moves_on_at_the_target(make_app, fake_clock):
    app = make_app(routines(), start=KEY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await goto(app, pilot, CURL_UP)
        counter = app.screen.query_one(RepCounter)
        assert app.screen.check_action("rep", ()) is True
        assert counter.drawing.tap and counter.drawing.done == 0
        assert app.session.ends_at is None
        await press(pilot, "enter")
        await press(pilot, "enter")
        assert app.session.taps == 2 and counter.drawing.done == 2
        assert step_index(app) == CURL_UP
        await press(pilot, "enter")
        assert step_index(app) == CURL_UP + 1
        assert app.session.done >= {2}


async def test_rep_binding_is_disabled_on_steps_that_are_not_tapped(make_app, fake_clock):
    app = make_app(routines(), start=KEY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        seen = set()
        while step_index(app) < CURL_UP:
            seen.add(app.session.step.kind)
            assert app.screen.check_action("rep", ()) is None
            before = (step_index(app), app.session.taps)
            await press(pilot, "enter")
            assert (step_index(app), app.session.taps) == before
            app.command(engine.next_step)
        assert seen == {StepKind.PREPARE, StepKind.HOLD, StepKind.SWITCH, StepKind.REST,
                        StepKind.TRANSITION, StepKind.REPS}
        assert app.screen.check_action("rep", ()) is True
        await goto(app, pilot, BREATHING)
        assert app.screen.check_action("rep", ()) is None


# -- easier ---------------------------------------------------------------------


async def test_e_makes_the_exercise_easier_and_a_new_app_remembers(make_app, fake_clock, tmp_path):
    app = make_app(routines(), start=KEY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await advance(app, pilot, fake_clock, 3)
        assert app.screen.check_action("easier", ()) is True
        assert "easier" not in static_text(app, "#title")
        await press(pilot, "e")
        assert app.session.plan.easier == {0}
        step = app.session.step
        assert step.easier and step.title == "Side plank" and step.duration == 10
        assert "easier" in static_text(app, "#title").split("  ·  ")
        assert big_text(app) == "0:10"
        # The easier dose has one set: left, switch, right, then the transition.
        assert len(app.session.plan.steps) == STEPS - 4
        # `e` stays on: pressed again it puts the normal dose back (tests/app/test_choices_undone.py).
        assert app.screen.check_action("easier", ()) is True
    assert (tmp_path / "data" / "easier.json").is_file()

    again = make_app(routines(), start=KEY)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.session.plan.easier == {0}
        first_work = again.session.plan.steps[PLANK_LEFT]
        assert first_work.easier and first_work.duration == 10


async def test_easier_is_not_remembered_when_remember_is_off(make_app, fake_clock):
    app = make_app(routines(), start=KEY, remember=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "e")
        assert app.session.plan.easier == {0}
    again = make_app(routines(), start=KEY)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.session.plan.easier == frozenset()


# -- modals ---------------------------------------------------------------------


async def test_s_opens_the_safety_modal_and_escape_closes_it(make_app, fake_clock):
    app = make_app(routines(), start=KEY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await advance(app, pilot, fake_clock, 3)
        await press(pilot, "s")
        modal = app.screen
        assert isinstance(modal, StopIfModal)
        text = "\n".join(s.render().plain for s in modal.query(Static))
        assert "Stop or ease off Side plank if" in text
        assert "Sharp pain in the hip." in text
        assert "Routine-wide warning." in text
        for tier in TIERS:
            for sign in tier.signs:
                assert sign.text in text
        # The emergency tier first, in capitals: it stands apart without colour.
        assert text.index("GO TO AN EMERGENCY DEPARTMENT NOW") < text.index("See a doctor within a day")
        await press(pilot, "escape")
        assert isinstance(app.screen, SessionScreen)
        assert app.session is not None and step_index(app) == PLANK_LEFT


async def test_help_lists_every_key_of_the_workout(make_app, fake_clock):
    app = make_app(routines(), start=KEY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "question_mark")
        modal = app.screen
        assert isinstance(modal, HelpModal)
        text = " ".join(" ".join(s.render().plain for s in modal.query(Static)).split())
        shown = {"space": "Pause or resume", "n, →": "Next step", "p, ←": "Back one step (set, side)",
                 "r": "Restart this step", "+, =": "10 s more (a breath or rep)",
                 "-": "10 s less (a breath or rep)", "enter": "Count a rep",
                 "e": "Easier on/off", "s": "When to stop", "j": "Jump to exercise",
                 "k": "Keep the old dose", "?, f1": "This help",
                 "q, esc": "Leave the routine", "ctrl+p": "Command palette", "ctrl+q": "Quit lumbar"}
        for keys, description in shown.items():
            assert f"{keys} {description}" in text, keys
        # Every binding on the screen is in that table.
        assert len(SessionScreen.BINDINGS) == len(shown) - 2
        await press(pilot, "escape")
        assert isinstance(app.screen, SessionScreen)
        await press(pilot, "f1")
        assert isinstance(app.screen, HelpModal)


# -- leaving --------------------------------------------------------------------


async def test_q_asks_before_leaving_and_n_keeps_the_routine_running(make_app, fake_clock):
    app = make_app(routines(), start=KEY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await advance(app, pilot, fake_clock, 3)
        await press(pilot, "q")
        assert isinstance(app.screen, ConfirmModal)
        assert app.session.paused  # nothing runs on while the question is open
        await press(pilot, "n")
        assert isinstance(app.screen, SessionScreen)
        assert app.session is not None and not app.session.paused
        await advance(app, pilot, fake_clock, 5)
        assert big_text(app) == "0:15"
        await press(pilot, "escape")
        assert isinstance(app.screen, ConfirmModal)
        await press(pilot, "y")
        assert isinstance(app.screen, HomeScreen)
        assert app.session is None


async def test_ctrl_q_at_home_exits(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app._exit  # exit() was called, no question asked
        assert not isinstance(app.screen, ConfirmModal)
    assert app.return_code == 0


async def test_ctrl_q_mid_routine_asks_first(make_app):
    app = make_app(routines(), start=KEY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "ctrl+q")
        assert isinstance(app.screen, ConfirmModal)
        assert not app._exit
        await press(pilot, "n")
        assert isinstance(app.screen, SessionScreen)
        assert not app.session.paused


# -- summary --------------------------------------------------------------------


async def test_summary_lists_done_skipped_and_easier(make_app, fake_clock):
    app = make_app(routines(), start=KEY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await advance(app, pilot, fake_clock, 3)
        await press(pilot, "e")  # Side plank easier: 10 s a side, one set
        await advance(app, pilot, fake_clock, 10 + 2 + 10)
        assert step_index(app) == TRANSITION - 4
        await press(pilot, "n")  # skip the transition
        await press(pilot, "n")  # skip the Bridge
        await advance(app, pilot, fake_clock, 4)
        await press(pilot, "enter", "enter", "enter")  # Curl-up
        await press(pilot, "n")  # skip the rest
        await advance(app, pilot, fake_clock, 10)  # Belly breathing
        assert isinstance(app.screen, SummaryScreen)
        result = app.screen.result
        assert result.done == ("Side plank", "Curl-up", "Belly breathing")
        assert result.skipped == ("Bridge",)
        assert result.easier == ("Side plank",)
        lines = static_text(app, "#summary-lines").splitlines()
        assert "Done              3: Side plank, Curl-up, Belly breathing" in lines
        assert "Skipped           1: Bridge" in lines
        assert "Made easier       1: Side plank" in lines
        await press(pilot, "enter")
        assert isinstance(app.screen, HomeScreen)


# -- bells ----------------------------------------------------------------------


async def test_one_bell_per_step_change(make_app, fake_clock):
    bells: list[int] = []
    app = make_app(routines(), start=KEY, cues=Cues(bell=lambda: bells.append(step_index(app))))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert bells == [0]  # the first step
        await advance(app, pilot, fake_clock, 1)
        await advance(app, pilot, fake_clock, 1.5)
        assert bells == [0]  # no bell inside a step
        await advance(app, pilot, fake_clock, 0.5)
        assert bells == [0, PLANK_LEFT]
        await press(pilot, "n")
        await press(pilot, "n")
        assert bells == [0, PLANK_LEFT, SWITCH, SWITCH, PLANK_RIGHT]  # switch sides rings twice
        await press(pilot, "space")
        await press(pilot, "plus")
        await press(pilot, "space")
        assert len(bells) == 5  # pause and adjust are not step changes
        await goto(app, pilot, CURL_UP)
        count = len(bells)
        await press(pilot, "enter", "enter")
        assert len(bells) == count  # taps within the step
        await press(pilot, "enter")
        assert bells[count:] == [CURL_UP + 1]
        await advance(app, pilot, fake_clock, 4)
        assert bells[count:] == [CURL_UP + 1, BREATHING]


# -- markup ---------------------------------------------------------------------


async def test_cue_with_square_brackets_is_shown_literally(make_app, fake_clock):
    app = make_app(routines(), start=KEY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await advance(app, pilot, fake_clock, 3)
        visual = app.screen.query_one("#cue").render()
        assert isinstance(visual, Content)
        assert visual.plain == f"(side lying)  {LITERAL_CUE}"
        assert not visual.spans  # "[bold]" did not become a style


# -- bugs -----------------------------------------------------------------------

SHORT = Routine(
    name="Short", key="short", prepare=2,
    exercises=(Exercise("Knee hug", Kind.HOLD, Dose(hold_seconds=5)),),
)


@pytest.mark.parametrize("key", ["question_mark", "s"])
async def test_help_and_safety_pause_the_routine_then_it_ends_in_summary_then_home(make_app, fake_clock, key):
    app = make_app({"short": SHORT}, start="short")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, key)
        assert isinstance(app.screen, (HelpModal, StopIfModal))
        # Reading the advice costs no exercise time: nothing runs by unseen.
        await advance(app, pilot, fake_clock, 600)
        assert app.session is not None and app.session.paused and app.session.index == 0
        await press(pilot, "escape")
        assert not app.session.paused
        await advance(app, pilot, fake_clock, 2 + 5)
        assert app.session is None
        assert isinstance(app.screen, SummaryScreen)
        # No modal is left underneath the summary; a workout started by `lumbar run` is the
        # base screen and stays there, inert, with no session behind it.
        assert not any(isinstance(s, (HelpModal, StopIfModal)) for s in app.screen_stack)
        assert not any(isinstance(s, SessionScreen) for s in app.screen_stack[1:])
        # ...so Enter on the summary goes straight back to the routine list.
        await press(pilot, "enter")
        assert isinstance(app.screen, HomeScreen)


# Regression: 'no' used to resume a routine the user had paused (fixed in b5c2308).
@pytest.mark.parametrize("key", ["q", "ctrl+q"])
async def test_no_to_leaving_keeps_a_paused_routine_paused(make_app, fake_clock, key):
    app = make_app(routines(), start=KEY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await advance(app, pilot, fake_clock, 3 + 5)
        await press(pilot, "space")
        assert app.session.paused
        await press(pilot, key)
        assert isinstance(app.screen, ConfirmModal)
        await press(pilot, "n")
        assert isinstance(app.screen, SessionScreen)
        assert app.session.paused
        await advance(app, pilot, fake_clock, 60)
        assert big_text(app) == "0:15"


def screen_lines(app) -> list[str]:
    """The text of every row as composited on the terminal."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


@pytest.mark.parametrize("key", ["q", "ctrl+q"])
async def test_the_leave_question_is_readable(make_app, fake_clock, key):
    app = make_app(routines(), start=KEY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, key)
        modal = app.screen
        assert isinstance(modal, ConfirmModal)
        question, hint = modal.query(Static)
        assert question.region.width >= len(modal.question) // 2
        assert hint.region.width > 0
        text = "\n".join(screen_lines(app))
        assert "routine?" in text
        assert "y / Enter: yes" in text


@pytest.mark.parametrize("index", [0, SWITCH], ids=["get-ready", "switch-sides"])
async def test_safety_on_a_pause_step_names_the_coming_exercise_and_its_warnings(make_app, fake_clock, index):
    app = make_app(routines(), start=KEY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await goto(app, pilot, index)
        assert not app.session.step.kind.is_work
        await press(pilot, "s")
        modal = app.screen
        assert isinstance(modal, StopIfModal)
        text = "\n".join(s.render().plain for s in modal.query(Static))
        assert "Sharp pain in the hip." in text
        assert "Routine-wide warning." in text
        assert "Stop or ease off Side plank if" in text


async def test_the_workout_stays_visible_behind_the_safety_modal(make_app, fake_clock):
    app = make_app(routines(), start=KEY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await advance(app, pilot, fake_clock, 3)
        await press(pilot, "s")
        assert isinstance(app.screen, StopIfModal)
        assert app.screen.styles.background.a < 1
        # The workout's status line (above the modal's box) still shows through.
        assert "Test routine" in app.export_screenshot().replace("&#160;", " ")

"""Where the user is in a routine, read from the mat: the exercise and round, not the step;
a finished round said on screen and with a cue; a long name gives way to the position."""

from __future__ import annotations

from dataclasses import replace

from textual.widgets import Static

from tui.services.cues import Cue
from tui.engine.routine import session as engine
from tui.screens.session import SessionScreen
from tui.widgets.clamped_text import ClampedText


def status(app) -> str:
    return str(app.screen.query_one("#status", Static).render())


class Bells:
    """Cues that record which cue each moment asked for (the shell makes one play() call)."""

    def __init__(self) -> None:
        self.said: list[tuple[str, object]] = []
        self.voice = False

    def play(self, cue: Cue, words: str = "") -> None:
        self.said.append((cue.value, words))

    def close(self) -> None:
        pass


async def test_header_names_the_exercise_and_round_not_the_step(make_app):
    app = make_app(start="core-basics")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = status(app)
        assert "exercise 1 of 8" in text and "round 1 of 3" in text
        assert "step" not in text
        app.command(engine.next_step)  # prepare → knee to chest
        app.command(engine.next_step)
        await pilot.pause()
        assert "exercise 1 of 8" in status(app)


async def test_round_done_is_on_screen_with_its_own_cue(make_app, shipped):
    bells = Bells()
    app = make_app(start="core-basics", cues=bells)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        steps = app.session.plan.steps
        first_of_two = next(i for i, s in enumerate(steps) if s.round_no == 2)
        while app.session.index < first_of_two:
            app.command(engine.next_step)
        await pilot.pause()
        assert app.screen.query_one("#title", ClampedText).text.startswith("Round 1 done")
        rounds = [words for kind, words in bells.said if kind == Cue.ROUND.value]
        assert len(rounds) == 1 and str(rounds[0]).startswith("Round 1 done")
        app.command(engine.next_step)
        await pilot.pause()
        assert "Round 1 done" not in app.screen.query_one("#title", ClampedText).text


async def test_a_long_name_is_cut_and_the_position_stays_at_60x20(make_app, shipped):
    long = replace(shipped["core-basics"], name="A routine whose name goes on and on " * 3)
    app = make_app({"long": long}, start="long")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        text = status(app)
        assert text.endswith("exercise 1 of 8  ·  round 1 of 3")
        assert "…" in text and len(text) <= 58
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert len(status(app)) > 60


async def test_a_tempo_rep_shows_the_rep_big_and_the_routines_phase_word(make_app, fake_clock):
    from tui.widgets.big_time import BigTime
    from tui.widgets.rep_counter import RepCounter

    app = make_app(start="strengthening-trio")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        while app.session.step.title != "Vacuum" or not app.session.step.kind.is_work:
            app.command(engine.next_step)
        await pilot.pause()
        fake_clock.advance(13 + 1)  # one 2-5-4-2 rep done, one second into drawing in
        app.tick()
        await pilot.pause()
        assert app.screen.query_one(BigTime).text == "DRAW IN 1"  # what to do now, in the routine's words
        drawing = app.screen.query_one(RepCounter).drawing
        assert drawing.word == "draw in" and drawing.seconds == 1
        fake_clock.advance(2)  # into the hold
        app.tick()
        await pilot.pause()
        assert app.screen.query_one(RepCounter).drawing.word == "hold"
        assert app.screen.query_one(BigTime).text == "HOLD 4"
        assert app.screen.query_one(RepCounter).drawing.done == 1  # rep 2 of the set, under it


def test_summary_lists_wrap_under_their_values_not_the_labels():
    from tui.screens.summary import LabelledRows

    rows = LabelledRows([("Done", "8: " + ", ".join(f"Exercise number {i}" for i in range(8))),
                         ("Pauses left out", "7 s")])
    lines = rows.lines(60)
    assert len(lines) > 2
    column = len("Pauses left out") + 3
    assert lines[0].startswith("Done" + " " * (column - 4) + "8: ")
    for line in lines[1:-1]:
        assert line[:column].strip() == "" and line[column] != " "


async def test_j_jumps_to_any_exercise_with_the_routine_paused_meanwhile(make_app):
    from tui.screens.jump import JumpModal

    app = make_app(start="core-basics")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, JumpModal)
        assert app.session.paused
        await pilot.press("down", "down", "enter")  # 1. Knee to chest → 3. Glute bridge
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.session.step.title == "Glute bridge" and not app.session.paused
        assert "exercise 3 of 8" in status(app)
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.session.step.title == "Glute bridge" and not app.session.paused


async def test_notices_cover_nothing_that_moves(make_app):
    from tui.widgets.big_time import BigTime
    from tui.widgets.breath_pacer import BreathPacer
    from tui.widgets.rep_counter import RepCounter

    app = make_app(start="core-basics")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        while app.session.step.title != "Glute bridge":
            app.command(engine.next_step)
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        toasts = list(app.screen.query("Toast"))
        assert toasts
        moving = [w.region for kind in (BigTime, RepCounter, BreathPacer) for w in app.screen.query(kind)]
        for toast in toasts:
            assert not any(toast.region.overlaps(region) for region in moving if region.area)

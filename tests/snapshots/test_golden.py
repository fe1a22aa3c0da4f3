"""Golden screens at 80x24: a hold, a tempo rep, the breath pacer, a rest, the summary, the
moment a round ends, the last seconds under NO_COLOR; and a long cue at the documented
minimum, 60x20 (the cut cue's sign, the key bar that fits).

Each app runs on the fake clock with no heartbeat, so what is drawn depends only on how far
`run_before` moves the clock. Regenerate with `pytest tests/snapshots --snapshot-update` and look
at every changed SVG before accepting it.
"""

from __future__ import annotations

from tui.engine.routine.model import BreathPattern, Dose, Exercise, Kind, Position, Routine, Tempo
from tui.engine.routine import easier
from tui.engine.routine import session as engine

from tests.snapshots.routines import HOLD
from tests.snapshots.routines import history_store

SIZE = (80, 24)

TEMPO = Routine(
    name="Golden tempo",
    key="golden-tempo",
    prepare=5,
    exercises=(
        Exercise("Glute bridge", Kind.REPS, Dose(reps=8, sets=2, set_rest=30), tempo=Tempo(2, 1, 3),
                 position=Position.ON_BACK, cue="Squeeze your glutes and lift your hips, then lower slowly.",
                 pose="bridge"),
    ),
)

BREATH = Routine(
    name="Golden breath",
    key="golden-breath",
    prepare=5,
    exercises=(
        Exercise("Belly breathing", Kind.HOLD, Dose(hold_breaths=6), breath=BreathPattern(4, 0, 6),
                 position=Position.ON_BACK, cue="One hand on your belly. Let it rise as you breathe in."),
    ),
)

REST = Routine(
    name="Golden rest",
    key="golden-rest",
    prepare=5,
    rest=45,
    exercises=(
        Exercise("Cat-cow", Kind.REPS, Dose(reps=10), position=Position.HANDS_AND_KNEES, tempo=Tempo(2, 0, 2)),
        Exercise("Bird dog", Kind.HOLD, Dose(hold_seconds=10), position=Position.HANDS_AND_KNEES, sides=True),
    ),
)

SUMMARY = Routine(
    name="Golden summary",
    key="golden-summary",
    prepare=5,
    exercises=(
        Exercise("Pelvic tilt", Kind.HOLD, Dose(hold_seconds=20), easier=Dose(hold_seconds=10)),
        Exercise("Curl-up", Kind.REPS, Dose(reps=5)),
        Exercise("Side plank", Kind.HOLD, Dose(hold_seconds=20)),
    ),
)

ROUNDS = Routine(
    name="Golden rounds",
    key="golden-rounds",
    prepare=5,
    rest=10,
    rounds=3,
    round_rest=30,
    exercises=(
        Exercise("Pelvic tilt", Kind.HOLD, Dose(hold_seconds=10), position=Position.ON_BACK),
        Exercise("Vacuum", Kind.REPS, Dose(reps=3), position=Position.ON_BACK, tempo=Tempo(2, 5, 4, 2, ("draw in", "hold", "let go", "rest")),
                 cue="Draw your belly button toward your spine, hold, then let go slowly.", pose="vacuum"),
    ),
)

LONG_CUE = Routine(
    name="Golden long cue",
    key="golden-long-cue",
    prepare=5,
    exercises=(
        Exercise("Supine hip rotation", Kind.HOLD, Dose(hold_seconds=30), sides=True, position=Position.ON_BACK,
                 cue="Lie on your back with both knees bent and feet flat. Let one knee cross slowly to the "
                     "other side while both shoulders stay on the floor. Breathe out as the knee lowers. "
                     "Stop at once if you feel tingling or pain running down the leg."),
        Exercise("Knee hug with a long name that does not fit the next line", Kind.HOLD, Dose(hold_seconds=20)),
    ),
)


def runner(app, fake_clock, *steps):
    """A `run_before` that plays `steps`: numbers move the fake clock (then tick), functions run engine commands."""

    async def run_before(pilot) -> None:
        await pilot.pause()
        for step in steps:
            if callable(step):
                app.command(step)
            else:
                fake_clock.advance(step)
                app.tick()
            await pilot.pause()

    return run_before


def start(make_app, routine: Routine):
    return make_app({routine.key: routine}, start=routine.key, remember=False)


def test_hold_mid_countdown(snap_compare, make_app, fake_clock):
    app = start(make_app, HOLD)
    # 5 s to get ready, then 12.4 s into the 30 s left side: 0:18 on the clock.
    assert snap_compare(app, terminal_size=SIZE, run_before=runner(app, fake_clock, 5, 12.4))


def test_tempo_rep_lowering(snap_compare, make_app, fake_clock):
    app = start(make_app, TEMPO)
    # Rep 3 of 8 (each is lift 2 + hold 1 + lower 3 = 6 s): 12 + 4.5 s in, half-way down.
    assert snap_compare(app, terminal_size=SIZE, run_before=runner(app, fake_clock, 5, 16.5))


def test_tempo_rep_lifting(snap_compare, make_app, fake_clock):
    app = start(make_app, TEMPO)
    # Rep 3 of 8: 12 + 1 s in, half-way up: the figure's hips half-way to the top.
    assert snap_compare(app, terminal_size=SIZE, run_before=runner(app, fake_clock, 5, 13))


def test_tempo_rep_lifting_at_200x50(snap_compare, make_app, fake_clock):
    app = start(make_app, TEMPO)
    assert snap_compare(app, terminal_size=(200, 50), run_before=runner(app, fake_clock, 5, 13))


def test_tempo_rep_holding_at_200x50(snap_compare, make_app, fake_clock):
    app = start(make_app, TEMPO)
    # Rep 3 of 8: 12 + 2.5 s in, the hold at the top: the hips up in line with the knees.
    assert snap_compare(app, terminal_size=(200, 50), run_before=runner(app, fake_clock, 5, 14.5))


def test_breath_pacer_mid_inhale(snap_compare, make_app, fake_clock):
    app = start(make_app, BREATH)
    # Breath 2 of 6 (4 in + 6 out): 10 + 2 s in, half-way through the in-breath.
    assert snap_compare(app, terminal_size=SIZE, run_before=runner(app, fake_clock, 5, 12))


def test_rest_between_exercises(snap_compare, make_app, fake_clock):
    app = start(make_app, REST)
    # Cat-cow takes 40 s; then 15 s into the 45 s rest.
    assert snap_compare(app, terminal_size=SIZE, run_before=runner(app, fake_clock, 5, 40, 15))


def test_summary(snap_compare, make_app, fake_clock):
    app = start(make_app, SUMMARY)
    run_before = runner(
        app, fake_clock,
        5, 4, easier.make_easier, 6,  # the pelvic tilt made easier: 10 s
        engine.tap, engine.tap, engine.tap, engine.tap, engine.tap,  # five curl-ups
        engine.next_step,  # the side plank skipped
    )
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_history(snap_compare, make_app):
    """The history screen at 80x24 on a fixed data set."""
    store = history_store()
    routines = {r.key: r for r in (HOLD, TEMPO, SUMMARY)}
    app = make_app(routines, store=store, opens_history=True)
    assert snap_compare(app, terminal_size=SIZE)


def test_history_scrolled_to_the_goals(snap_compare, make_app):
    """The history screen's end at 80x24: the goals and the latest PEG under the pain lines."""
    store = history_store()
    routines = {r.key: r for r in (HOLD, TEMPO, SUMMARY)}
    app = make_app(routines, store=store, opens_history=True)

    async def run_before(pilot) -> None:
        await pilot.pause()
        pilot.app.screen.query_one("#history").scroll_end(animate=False)
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_long_cue_at_the_minimum_size(snap_compare, make_app, fake_clock):
    app = start(make_app, LONG_CUE)
    # 5 s to get ready, then 10 s into the left side: the cue cut after three lines.
    assert snap_compare(app, terminal_size=(60, 20), run_before=runner(app, fake_clock, 5, 10))


def test_ice_past_halfway(snap_compare, make_app):
    """A running ice application at 80x24: ICE in words and colour, big digits, the skin
    check (it is past halfway), the advice, the safety lines."""
    from datetime import datetime, timedelta, timezone

    from tui.engine.clock import FakeClock

    real = FakeClock(50_000.0)
    noon = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)
    app = make_app(real_clock=real, wall=lambda: noon, opens_care=("ice", 20, noon - timedelta(hours=5)))

    async def run_before(pilot) -> None:
        await pilot.pause()
        real.advance(10 * 60 + 30)  # 9:30 left
        app.tick()
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_round_done(snap_compare, make_app, fake_clock):
    app = start(make_app, ROUNDS)
    # Get ready 5, pelvic tilt 10, rest 10, vacuum 3 x 13 = 39: round 1 is over; 4 s
    # into the rest before round 2.
    assert snap_compare(app, terminal_size=SIZE, run_before=runner(app, fake_clock, 5, 10, 10, 39, 4))


def test_tempo_rep_with_the_routines_phase_words(snap_compare, make_app, fake_clock):
    app = start(make_app, ROUNDS)
    # Rep 2 of the vacuum (13 s a rep): 13 + 1 s in, half-way through drawing in.
    assert snap_compare(app, terminal_size=(100, 30), run_before=runner(app, fake_clock, 5, 10, 10, 14))


def test_last_seconds_under_no_color(snap_compare, make_app, fake_clock, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = start(make_app, HOLD)
    # 5 s to get ready, then 27.5 s into the 30 s left side: 0:03, the last three seconds.
    assert snap_compare(app, terminal_size=SIZE, run_before=runner(app, fake_clock, 5, 27.5))


def test_break_prompt(snap_compare, make_app):
    """The desk-break prompt at 80x24 over the routine list: what to do and why, the offer
    with the snoozes left, its keys; the status line above says the break is due."""
    from datetime import datetime, timezone

    from tui.engine.clock import FakeClock
    from tui.services.settings.current import Settings

    real = FakeClock(50_000.0)
    # No heads-up: its toast would sit over the screen for a few real seconds.
    settings = Settings(work_hours="00:00-23:59", break_heads_up_seconds=0,
                        work_days=("mon", "tue", "wed", "thu", "fri", "sat", "sun"))
    app = make_app(real_clock=real, wall=lambda: datetime(2026, 11, 30, 10, 0, tzinfo=timezone.utc),
                   break_settings=settings, breaks_at_start=(True, 60.0))

    async def run_before(pilot) -> None:
        await pilot.pause()
        real.advance(60)
        app.tick()
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)

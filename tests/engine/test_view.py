"""Read-only views of a session, and the end-of-routine summary."""

from __future__ import annotations

import pytest

from tui.engine.routine import session as S
from tui.engine.routine import easier as E
from tui.engine.routine.model import BREATH_PRESETS, Dose, Position, Tempo
from tui.engine.routine.plan import StepKind, plan
from tui.engine.routine.view import SessionView, Summary, describe, summary, view

from .factories import T0, breath_hold, hold, routine, tap_reps, tempo_reps


def test_hold_view() -> None:
    p = plan(routine(hold("Bridge", 30, position=Position.ON_BACK, cue="Squeeze",
                          stop_if=("pain",), easier=Dose(hold_seconds=15)),
                     hold("Plank", 20), prepare=10, rest=5))
    s, _ = S.start(p, T0)
    s, _ = S.advance(s, T0 + 17.5)
    v = view(s, T0 + 17.5)
    assert (v.index, v.count, v.kind, v.title, v.cue) == (1, 4, StepKind.HOLD, "Bridge", "Squeeze")
    assert (v.position, v.side, v.set_no, v.sets, v.round_no, v.rounds) == (
        Position.ON_BACK, None, 1, 1, 1, 1)
    assert (v.remaining, v.duration) == (22.5, 30)
    assert (v.rep, v.reps, v.tap, v.tempo_phase, v.breath_phase, v.breath_no) == (
        None, None, False, None, None, None)
    assert v.next_title == "Rest"
    assert v.routine_left == 22.5 + 5 + 20
    assert v.progress == pytest.approx(1 - 47.5 / 65)
    assert (v.paused, v.finished, v.stop_if, v.easier, v.has_easier, v.exercise) == (
        False, False, ("pain",), False, True, 0)


def test_view_remaining_reads_the_given_now_not_the_last_advance() -> None:
    p = plan(routine(hold("A", 30), prepare=0))
    s, _ = S.start(p, T0)
    assert view(s, T0 + 12).remaining == 18
    assert view(s, T0 + 99).remaining == 0


def test_breath_counted_hold_view() -> None:
    p = plan(routine(breath_hold("Breathe", 5, breath=BREATH_PRESETS["box"]), prepare=0))
    s, _ = S.start(p, T0)
    s, _ = S.advance(s, T0 + 16 + 9)  # breath 2: exhale, 1 s in
    v = view(s, T0 + 25)
    assert (v.breath_no, v.breaths) == (2, 5)
    assert (v.breath_phase, v.breath_fraction, v.breath_left) == ("exhale", 0.25, 3)
    assert (v.remaining, v.duration) == (55, 80)
    assert v.rep is None and v.tempo_phase is None


def test_breath_hold_view_last_moment_stays_on_last_breath() -> None:
    p = plan(routine(breath_hold("Breathe", 2, breath=BREATH_PRESETS["relaxing"]), prepare=0))
    s, _ = S.start(p, T0)
    v = view(s, T0 + 19.999)
    assert (v.breath_no, v.breaths, v.breath_phase) == (2, 2, "exhale")


def test_timed_hold_with_breath_has_phase_but_no_count() -> None:
    p = plan(routine(hold("A", 30), prepare=0, breath=BREATH_PRESETS["relaxing"]))
    s, _ = S.start(p, T0)
    v = view(s, T0 + 12)
    assert (v.breath_phase, v.breath_fraction, v.breath_left) == ("inhale", 0.5, 2)
    assert (v.breath_no, v.breaths) == (None, None)


def test_tempo_reps_view() -> None:
    p = plan(routine(tempo_reps("Lift", 5, Tempo(2, 1, 2, 1)), prepare=0))
    s, _ = S.start(p, T0)
    v = view(s, T0 + 6 * 2 + 3.5)  # rep 3, lowering, 0.5 s in
    assert (v.rep, v.reps, v.tempo_phase, v.tempo_fraction) == (3, 5, "lower", 0.25)
    assert (v.remaining, v.tap) == (14.5, False)
    s, _ = S.adjust(s, T0 + 15.5, +1)
    assert view(s, T0 + 15.5).reps == 6


def test_tap_reps_view() -> None:
    p = plan(routine(tap_reps("Squeeze", 10), hold("B", 20), prepare=0))
    s, _ = S.start(p, T0)
    s, _ = S.tap(s, T0 + 2)
    s, _ = S.tap(s, T0 + 4)
    v = view(s, T0 + 5)
    assert (v.rep, v.reps, v.tap, v.remaining, v.duration) == (2, 10, True, None, None)
    assert v.tempo_phase is None
    assert v.routine_left == 8 * 3.0 + 20
    assert v.progress == pytest.approx(1 - 44 / 50)


def test_next_title_uses_describe() -> None:
    p = plan(routine(hold("Stretch", 20, sides=True), hold("Plank", 10, sets=2, set_rest=5),
                     prepare=3))
    titles = [describe(step) for step in p.steps]
    assert titles == ["Get ready", "Stretch (left)", "Switch to the right side", "Stretch (right)",
                      "Plank", "Rest between sets", "Plank"]
    s, _ = S.start(p, T0)
    nexts = []
    for _ in p.steps:
        nexts.append(view(s, s.clock).next_title)
        s, _ = S.next_step(s, s.clock + 1)
    assert nexts == titles[1:] + [None]


def test_progress_runs_from_zero_to_one() -> None:
    p = plan(routine(hold("A", 30), hold("B", 20), prepare=10, rest=5))
    s, _ = S.start(p, T0)
    v = view(s, T0)
    assert (v.routine_left, v.progress) == (65, 0.0)
    s, _ = S.advance(s, T0 + 39.999)
    assert view(s, T0 + 39.999).progress == pytest.approx(39.999 / 65)
    s, _ = S.advance(s, T0 + 64.5)
    assert view(s, T0 + 64.5).routine_left == 0.5
    s, _ = S.advance(s, T0 + 65)
    v = view(s, T0 + 65)
    assert (v.finished, v.progress, v.routine_left) == (True, 1.0, 0.0)


def test_paused_view_is_frozen() -> None:
    p = plan(routine(hold("A", 30), prepare=0))
    s, _ = S.start(p, T0)
    s, _ = S.pause(s, T0 + 10)
    v = view(s, T0 + 500)
    assert (v.paused, v.remaining) == (True, 20)
    assert view(s, T0 + 900) == v


def test_finished_view() -> None:
    p = plan(routine(hold("A", 3), prepare=0))
    s, _ = S.start(p, T0)
    s, _ = S.advance(s, T0 + 10)
    assert view(s, T0 + 10) == SessionView(1, 1, StepKind.REST, "Done", finished=True, progress=1.0)


def test_summary_done_skipped_easier_and_times() -> None:
    p = plan(routine(hold("A", 30, easier=Dose(hold_seconds=15)), hold("B", 20), hold("C", 10),
                     prepare=10))
    s, _ = S.start(p, T0)
    s, _ = E.make_easier(s, T0 + 1)          # A at 15 s
    s, _ = S.advance(s, T0 + 20)             # A under way
    s, _ = S.pause(s, T0 + 20)
    s, _ = S.resume(s, T0 + 140)             # 120 s paused
    s, _ = S.advance(s, T0 + 145)            # A done at 145, B started
    s, _ = S.next_step(s, T0 + 150)          # skip B
    s, _ = S.advance(s, T0 + 1000)           # C done at 160
    assert s.finished_at == T0 + 160
    assert summary(s, T0 + 5000) == Summary(
        routine="Test routine", elapsed=160, active=40, done=("A", "C"), skipped=("B",),
        easier=("A",), completed=True, worked=True)


def test_summary_of_unfinished_session() -> None:
    p = plan(routine(hold("A", 30), hold("B", 20), prepare=0))
    s, _ = S.start(p, T0)
    s, _ = S.advance(s, T0 + 35)
    assert summary(s, T0 + 35) == Summary(
        routine="Test routine", elapsed=35, active=35, done=("A",), skipped=(), easier=(),
        completed=False, worked=True)


def test_summary_with_every_exercise_skipped_is_not_completed() -> None:
    p = plan(routine(hold("A", 30), hold("B", 20), prepare=0))
    s, _ = S.start(p, T0)
    s, _ = S.next_step(s, T0 + 1)
    s, _ = S.next_step(s, T0 + 2)
    assert s.finished
    sm = summary(s, T0 + 3)
    assert (sm.done, sm.skipped, sm.completed, sm.worked) == ((), ("A", "B"), False, False)


def test_summary_when_finished_early() -> None:
    p = plan(routine(hold("A", 30), hold("B", 20), prepare=0))
    s, _ = S.start(p, T0)
    s, _ = S.advance(s, T0 + 35)
    s, _ = S.finish(s, T0 + 40)
    sm = summary(s, T0 + 100)
    assert (sm.elapsed, sm.active, sm.done, sm.completed) == (40, 40, ("A",), False)


def test_summary_active_excludes_a_pause_open_at_finish() -> None:
    p = plan(routine(hold("A", 100), prepare=0))
    s, _ = S.start(p, T0)
    s, _ = S.pause(s, T0 + 10)
    s, _ = S.finish(s, T0 + 310)
    sm = summary(s, T0 + 400)
    assert (sm.elapsed, sm.active) == (310, 10)


def test_summary_active_excludes_a_pause_open_when_skipping_the_last_step() -> None:
    p = plan(routine(hold("A", 100), prepare=0))
    s, _ = S.start(p, T0)
    s, _ = S.pause(s, T0 + 10)
    s, _ = S.next_step(s, T0 + 310)
    assert s.finished
    sm = summary(s, T0 + 400)
    assert (sm.elapsed, sm.active) == (310, 10)

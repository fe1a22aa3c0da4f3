"""The session state machine, driven by explicit `now` values."""

from __future__ import annotations

import pytest

from tui.engine.routine import session as S
from tui.engine.routine import easier as E
from tui.engine.events import (
    BreathPhaseChanged, Countdown, RepCounted, SessionFinished, SideSwitched, StepEnded,
    StepStarted, TempoPhaseChanged,
)
from tui.engine.routine.model import BREATH_PRESETS, Dose, Tempo
from tui.engine.routine.plan import StepKind, plan
from tui.engine.routine.view import view

from .factories import T0, breath_hold, hold, rest, routine, tap_reps, tempo_reps


def remaining(s: S.Session, now: float) -> float | None:
    return view(s, now).remaining


# A routine for the plain timing tests: prepare 10, A 30, rest 5, B 20 (steps 0..3).
BASIC = plan(routine(hold("A", 30), hold("B", 20), prepare=10, rest=5))


def started(p=BASIC, now: float = T0) -> S.Session:
    s, _ = S.start(p, now)
    return s


# --- start, deadlines, countdown ---------------------------------------------------------


def test_start_emits_step_started_at_now() -> None:
    s, events = S.start(BASIC, T0)
    assert events == (StepStarted(T0, 0, BASIC.steps[0]),)
    assert (s.index, s.started_at, s.ends_at, s.began_at, s.clock) == (0, T0, T0 + 10, T0, T0)
    assert not s.finished and not s.paused


def test_remaining_comes_from_the_deadline() -> None:
    s = started()
    s, _ = S.advance(s, T0 + 3.25)
    assert s.ends_at == T0 + 10
    assert remaining(s, T0 + 3.25) == 6.75
    s, _ = S.advance(s, T0 + 9.5)
    assert remaining(s, T0 + 9.5) == 0.5
    s, events = S.advance(s, T0 + 10)
    assert events == (StepStarted(T0 + 10, 1, BASIC.steps[1]),)
    assert (s.index, s.started_at, s.ends_at) == (1, T0 + 10, T0 + 40)
    assert remaining(s, T0 + 10) == 30


def test_countdown_events_at_exact_times() -> None:
    s = started()
    s, events = S.advance(s, T0 + 6.999)
    assert events == ()
    s, events = S.advance(s, T0 + 7)
    assert events == (Countdown(T0 + 7, 3),)
    s, events = S.advance(s, T0 + 7.999)
    assert events == ()
    s, events = S.advance(s, T0 + 9.5)
    assert events == (Countdown(T0 + 8, 2), Countdown(T0 + 9, 1))
    s, events = S.advance(s, T0 + 9.999)
    assert events == ()
    s, events = S.advance(s, T0 + 10)
    assert events == (StepStarted(T0 + 10, 1, BASIC.steps[1]),)


def test_countdown_in_one_jump_is_stamped_with_its_own_moments() -> None:
    s = started()
    s, events = S.advance(s, T0 + 10.5)
    assert events == (
        Countdown(T0 + 7, 3), Countdown(T0 + 8, 2), Countdown(T0 + 9, 1),
        StepStarted(T0 + 10, 1, BASIC.steps[1]),
    )


def test_short_step_counts_down_only_inside_itself() -> None:
    p = plan(routine(hold("A", 2), prepare=0))
    s, events = S.start(p, T0)
    s, events = S.advance(s, T0 + 5)
    assert events == (Countdown(T0 + 1, 1), StepEnded(T0 + 2, 0, p.steps[0], "done", 2.0, None),
                      SessionFinished(T0 + 2))
    assert s.finished_at == T0 + 2


# --- pause / resume ----------------------------------------------------------------------


@pytest.mark.parametrize("gap", [0.5, 7.25, 3600.0, 8 * 3600.0])
def test_pause_freezes_remaining_and_resume_shifts_deadline(gap: float) -> None:
    s = started()
    s, _ = S.advance(s, T0 + 4)
    s, events = S.pause(s, T0 + 4)
    assert events == () and s.paused and s.paused_at == T0 + 4
    assert remaining(s, T0 + 4 + gap) == 6
    s, events = S.advance(s, T0 + 4 + gap)
    assert events == ()
    assert remaining(s, T0 + 4 + gap) == 6
    s, events = S.resume(s, T0 + 4 + gap)
    assert events == ()
    assert not s.paused
    assert s.ends_at == T0 + 10 + gap
    assert s.started_at == T0 + gap
    assert s.paused_total == gap
    s, events = S.advance(s, T0 + 10 + gap)
    assert events == (Countdown(T0 + 7 + gap, 3), Countdown(T0 + 8 + gap, 2),
                      Countdown(T0 + 9 + gap, 1), StepStarted(T0 + 10 + gap, 1, BASIC.steps[1]))


def test_advance_while_paused_emits_nothing_even_past_the_deadline() -> None:
    s = started()
    s, _ = S.pause(s, T0 + 1)
    for now in (T0 + 7, T0 + 9.5, T0 + 10, T0 + 500):
        s, events = S.advance(s, now)
        assert events == ()
    assert (s.index, s.ends_at, s.clock) == (0, T0 + 10, T0 + 500)


def test_toggle_pause() -> None:
    s = started()
    s, _ = S.toggle_pause(s, T0 + 2)
    assert s.paused_at == T0 + 2
    s, _ = S.toggle_pause(s, T0 + 5)
    assert not s.paused and s.ends_at == T0 + 13


def test_pause_twice_keeps_first_pause_moment() -> None:
    s = started()
    s, _ = S.pause(s, T0 + 2)
    s, _ = S.pause(s, T0 + 6)
    assert s.paused_at == T0 + 2


# --- navigation --------------------------------------------------------------------------


def test_next_step_starts_the_next_step_now_and_marks_skipped_work() -> None:
    s = started()
    s, events = S.next_step(s, T0 + 2)
    assert events == (StepStarted(T0 + 2, 1, BASIC.steps[1]),)
    assert s.skipped == frozenset()  # prepare is not work
    s, events = S.next_step(s, T0 + 3)
    assert events == (StepEnded(T0 + 3, 1, BASIC.steps[1], "skipped", 1.0, None),
                      StepStarted(T0 + 3, 2, BASIC.steps[2]))
    assert s.skipped == frozenset({0})
    assert s.done == frozenset()
    assert s.ends_at == T0 + 8


def test_next_step_from_last_step_finishes() -> None:
    s = started()
    for now in (T0 + 1, T0 + 2, T0 + 3):
        s, _ = S.next_step(s, now)
    s, events = S.next_step(s, T0 + 4)
    assert events == (StepEnded(T0 + 4, 3, BASIC.steps[3], "skipped", 1.0, None),
                      SessionFinished(T0 + 4))
    assert s.finished_at == T0 + 4 and s.index == 4 and s.step is None
    s, events = S.next_step(s, T0 + 5)
    assert events == ()


def test_next_step_while_paused_stays_paused() -> None:
    s = started()
    s, _ = S.pause(s, T0 + 2)
    s, events = S.next_step(s, T0 + 30)
    assert events == (StepStarted(T0 + 30, 1, BASIC.steps[1]),)
    assert s.paused_at == T0 + 30
    assert remaining(s, T0 + 100) == 30


def test_previous_step_skips_pauses_back_to_last_work_step() -> None:
    s = started()
    s, _ = S.advance(s, T0 + 45)  # in the rest before B (40..45) -> at B start
    assert s.index == 3
    s, events = S.previous_step(s, T0 + 50)
    assert events == (StepStarted(T0 + 50, 1, BASIC.steps[1]),)
    assert s.ends_at == T0 + 80
    s, _ = S.advance(s, T0 + 82)  # into the rest
    assert s.index == 2
    s, events = S.previous_step(s, T0 + 82)
    assert events == (StepStarted(T0 + 82, 1, BASIC.steps[1]),)


def test_previous_step_from_first_work_step_goes_to_start() -> None:
    s = started()
    s, _ = S.advance(s, T0 + 15)
    s, events = S.previous_step(s, T0 + 15)
    assert events == (StepStarted(T0 + 15, 0, BASIC.steps[0]),)


def test_restart_step_resets_the_deadline() -> None:
    s = started()
    s, _ = S.advance(s, T0 + 25)
    s, _ = S.adjust(s, T0 + 25, +1)
    s, events = S.restart_step(s, T0 + 25)
    assert events == (StepStarted(T0 + 25, 1, BASIC.steps[1]),)
    assert (s.started_at, s.ends_at) == (T0 + 25, T0 + 55)


# --- adjust ------------------------------------------------------------------------------


def test_adjust_timed_step_by_ten_seconds() -> None:
    s = started()
    s, _ = S.advance(s, T0 + 15)  # A: 25 s left
    s, events = S.adjust(s, T0 + 15, +1)
    assert events == () and s.ends_at == T0 + 50
    s, _ = S.adjust(s, T0 + 15, -1)
    s, _ = S.adjust(s, T0 + 15, -1)
    assert s.ends_at == T0 + 30
    assert remaining(s, T0 + 15) == 15


@pytest.mark.parametrize(("left", "after"), [(25.0, 15.0), (10.5, 1.0), (5.0, 1.0), (1.0, 1.0),
                                             (0.4, 0.4)])
def test_adjust_minus_never_ends_a_timed_step(left: float, after: float) -> None:
    s = started()
    now = T0 + 40 - left  # A ends at T0+40
    s, _ = S.advance(s, now)
    s, _ = S.adjust(s, now, -1)
    assert s.ends_at - now == pytest.approx(after, abs=1e-9)
    s, events = S.advance(s, now)
    assert events == () and s.index == 1


def test_adjust_while_paused_counts_from_the_pause() -> None:
    s = started()
    s, _ = S.pause(s, T0 + 4)
    s, _ = S.adjust(s, T0 + 100, +1)
    assert remaining(s, T0 + 200) == 16
    s, _ = S.resume(s, T0 + 300)
    assert s.ends_at == T0 + 316


BOX5 = plan(routine(breath_hold("Breathe", 5, breath=BREATH_PRESETS["box"]), prepare=0))


def test_adjust_breath_hold_by_one_breath() -> None:
    s = started(BOX5)
    assert s.ends_at == T0 + 80
    s, _ = S.adjust(s, T0, +1)
    assert s.ends_at == T0 + 96
    assert view(s, T0).breaths == 6
    s, _ = S.adjust(s, T0, -1)
    s, _ = S.adjust(s, T0, -1)
    assert s.ends_at == T0 + 64
    assert view(s, T0).breaths == 4


def test_adjust_breath_hold_minus_lets_current_breath_finish() -> None:
    s = started(BOX5)
    s, _ = S.advance(s, T0 + 40)  # half way through breath 3
    for _ in range(4):
        s, _ = S.adjust(s, T0 + 40, -1)
    assert s.ends_at == T0 + 48
    s, events = S.advance(s, T0 + 48)
    assert events[-1] == SessionFinished(T0 + 48)


def test_adjust_breath_hold_minus_at_start_keeps_one_breath() -> None:
    s = started(BOX5)
    for _ in range(10):
        s, _ = S.adjust(s, T0, -1)
    assert s.ends_at == T0 + 16


TEMPO = plan(routine(tempo_reps("Lift", 5, Tempo(2, 1, 2, 1)), prepare=0))


def test_adjust_tempo_reps_by_one_rep() -> None:
    s = started(TEMPO)
    assert s.ends_at == T0 + 30
    s, _ = S.adjust(s, T0 + 1, +1)
    assert s.ends_at == T0 + 36
    assert view(s, T0 + 1).reps == 6
    s, _ = S.adjust(s, T0 + 1, -1)
    s, _ = S.adjust(s, T0 + 1, -1)
    assert s.ends_at == T0 + 24
    s, _ = S.advance(s, T0 + 13)  # rep 3 under way
    for _ in range(5):
        s, _ = S.adjust(s, T0 + 13, -1)
    assert s.ends_at == T0 + 18


def test_tempo_reps_emit_phases_and_rep_counts() -> None:
    p = plan(routine(tempo_reps("Lift", 2, Tempo(2, 1, 2)), prepare=0))
    s, _ = S.start(p, T0)
    s, events = S.advance(s, T0 + 20)
    assert events == (
        TempoPhaseChanged(T0 + 2, "hold", 1),
        TempoPhaseChanged(T0 + 3, "lower", 1),
        RepCounted(T0 + 5, 1, 2),
        TempoPhaseChanged(T0 + 5, "lift", 2),
        TempoPhaseChanged(T0 + 7, "hold", 2),
        Countdown(T0 + 7, 3),
        TempoPhaseChanged(T0 + 8, "lower", 2),
        Countdown(T0 + 8, 2),
        Countdown(T0 + 9, 1),
        RepCounted(T0 + 10, 2, 2),
        StepEnded(T0 + 10, 0, p.steps[0], "done", 10.0, 2),
        SessionFinished(T0 + 10),
    )


def test_breath_hold_emits_phase_changes() -> None:
    p = plan(routine(breath_hold("B", 2, breath=BREATH_PRESETS["relaxing"]), prepare=0))
    s, _ = S.start(p, T0)
    s, events = S.advance(s, T0 + 30)
    assert events == (
        BreathPhaseChanged(T0 + 4, "exhale", 1),
        BreathPhaseChanged(T0 + 10, "inhale", 2),
        BreathPhaseChanged(T0 + 14, "exhale", 2),
        Countdown(T0 + 17, 3), Countdown(T0 + 18, 2), Countdown(T0 + 19, 1),
        StepEnded(T0 + 20, 0, p.steps[0], "done", 20.0, 2),
        SessionFinished(T0 + 20),
    )


# --- tapped reps -------------------------------------------------------------------------

TAPS = plan(routine(hold("A", 10), tap_reps("Squeeze", 3), hold("C", 10), prepare=0))


def on_tap_step() -> S.Session:
    s = started(TAPS)
    s, _ = S.advance(s, T0 + 10)
    assert s.is_tap and s.target == 3 and s.ends_at is None
    return s


def test_adjust_tap_reps_changes_target_never_below_taps_plus_one() -> None:
    s = on_tap_step()
    s, _ = S.adjust(s, T0 + 11, +1)
    assert s.target == 4
    for _ in range(5):
        s, _ = S.adjust(s, T0 + 11, -1)
    assert s.target == 1
    s, _ = S.adjust(s, T0 + 11, +1)
    s, _ = S.adjust(s, T0 + 11, +1)
    s, _ = S.tap(s, T0 + 12)
    s, _ = S.tap(s, T0 + 13)
    assert (s.taps, s.target) == (2, 3)
    s, _ = S.adjust(s, T0 + 14, -1)
    assert (s.taps, s.target, s.index) == (2, 3, 1)


def test_tap_counts_and_moves_on_at_target() -> None:
    s = on_tap_step()
    s, events = S.tap(s, T0 + 100)
    assert events == (RepCounted(T0 + 100, 1, 3),)
    s, events = S.tap(s, T0 + 101)
    assert events == (RepCounted(T0 + 101, 2, 3),)
    assert s.index == 1 and s.done == frozenset({0})
    s, events = S.tap(s, T0 + 102.5)
    assert events == (RepCounted(T0 + 102.5, 3, 3),
                      StepEnded(T0 + 102.5, 1, TAPS.steps[1], "done", 92.5, 3),
                      StepStarted(T0 + 102.5, 2, TAPS.steps[2]))
    assert s.done == frozenset({0, 1})
    assert (s.index, s.taps, s.target, s.ends_at) == (2, 0, None, T0 + 112.5)


def test_tap_ignored_while_paused() -> None:
    s = on_tap_step()
    s, _ = S.pause(s, T0 + 11)
    before = s
    s, events = S.tap(s, T0 + 11)
    assert events == () and s == before


def test_tap_ignored_on_non_tap_step() -> None:
    s = started(TAPS)
    s, _ = S.advance(s, T0 + 3)
    before = s
    s, events = S.tap(s, T0 + 3)
    assert events == () and s == before


def test_time_stands_still_on_tap_step() -> None:
    s = on_tap_step()
    s, events = S.advance(s, T0 + 10_000)
    assert events == () and s.index == 1


# --- finish ------------------------------------------------------------------------------


def test_finish_ends_now() -> None:
    s = started()
    s, events = S.finish(s, T0 + 12)
    assert events == (Countdown(T0 + 7, 3), Countdown(T0 + 8, 2), Countdown(T0 + 9, 1),
                      StepStarted(T0 + 10, 1, BASIC.steps[1]),
                      StepEnded(T0 + 12, 1, BASIC.steps[1], "skipped", 2.0, None),
                      SessionFinished(T0 + 12))
    assert (s.finished_at, s.index, s.step) == (T0 + 12, 4, None)
    s2, events = S.finish(s, T0 + 20)
    assert events == () and s2 == s
    s3, events = S.advance(s, T0 + 30)
    assert events == () and s3 == s


def test_running_to_the_end_finishes_at_the_last_deadline() -> None:
    s = started()
    s, events = S.advance(s, T0 + 1000)
    assert events[-1] == SessionFinished(T0 + 65)
    assert s.finished_at == T0 + 65
    assert s.done == frozenset({0, 1}) and s.skipped == frozenset()


# --- easier ------------------------------------------------------------------------------

EASY = plan(routine(hold("A", 60, easier=Dose(hold_seconds=30)), hold("B", 20),
                    prepare=10, rest=5))


def test_make_easier_on_current_step_keeps_elapsed_time() -> None:
    s = started(EASY)
    s, _ = S.advance(s, T0 + 15)  # 5 s into A
    s, events = E.make_easier(s, T0 + 15)
    assert events == ()
    assert s.plan.easier == frozenset({0})
    assert (s.index, s.started_at, s.ends_at) == (1, T0 + 10, T0 + 40)
    assert s.step.duration == 30 and s.step.easier
    assert remaining(s, T0 + 15) == 25


def test_make_easier_from_pause_targets_the_upcoming_exercise() -> None:
    s = started(EASY)
    s, _ = S.advance(s, T0 + 3)
    assert E.easier_target(s) == 0
    s, events = E.make_easier(s, T0 + 3)
    assert events == ()
    assert (s.index, s.step.kind, s.ends_at) == (0, StepKind.PREPARE, T0 + 10)
    assert s.plan.steps[1].duration == 30
    s, _ = S.advance(s, T0 + 10)
    assert s.ends_at == T0 + 40


def test_make_easier_while_paused_keeps_paused() -> None:
    s = started(EASY)
    s, _ = S.pause(s, T0 + 20)
    s, events = E.make_easier(s, T0 + 50)
    assert events == () and s.paused_at == T0 + 20
    assert remaining(s, T0 + 90) == 20


def test_make_easier_no_op_without_easier_or_when_already_easier() -> None:
    s = started(EASY)
    s, _ = S.advance(s, T0 + 80)  # in B, which has no easier dose
    assert s.step.title == "B"
    assert E.easier_target(s) is None
    s2, events = E.make_easier(s, T0 + 80)
    assert events == () and s2 == s

    s = started(EASY)
    s, _ = S.advance(s, T0 + 12)
    s, _ = E.make_easier(s, T0 + 12)
    assert E.easier_target(s) is None
    s2, events = E.make_easier(s, T0 + 12)
    assert events == () and s2 == s


def test_make_easier_on_tempo_reps_keeps_rep_under_way() -> None:
    # Tempo 5 reps of 6 s, easier 3 reps: at 13 s (rep 3 under way) the step now ends at 18 s.
    p = plan(routine(tempo_reps("Lift", 5, Tempo(2, 1, 2, 1), easier=Dose(reps=3)), hold("B", 20),
                     prepare=0))
    s = started(p)
    s, _ = S.advance(s, T0 + 13)
    s, events = E.make_easier(s, T0 + 13)
    assert events == ()
    assert s.ends_at == T0 + 18 and view(s, T0 + 13).reps == 3


# --- sides -------------------------------------------------------------------------------


def test_side_switched_when_switch_step_starts() -> None:
    p = plan(routine(hold("Stretch", 20, sides=True), prepare=0, switch_sides=5))
    s, _ = S.start(p, T0)
    s, events = S.advance(s, T0 + 20)
    assert events[-2:] == (StepStarted(T0 + 20, 1, p.steps[1]), SideSwitched(T0 + 20, "right"))
    s, events = S.advance(s, T0 + 25)
    assert SideSwitched not in {type(e) for e in events}
    assert events[-1] == StepStarted(T0 + 25, 2, p.steps[2])


def test_side_switched_back_to_left_between_sets() -> None:
    p = plan(routine(hold("Lunge", 10, sets=2, sides=True), prepare=0, switch_sides=5))
    s, events = S.advance(S.start(p, T0)[0], T0 + 1000)
    assert [(e.at, e.side) for e in events if isinstance(e, SideSwitched)] == [
        (T0 + 10, "right"), (T0 + 25, "left"), (T0 + 40, "right")]


# --- time discipline ---------------------------------------------------------------------


def test_now_going_backwards_is_ignored() -> None:
    s = started()
    s, _ = S.advance(s, T0 + 8.5)
    for earlier in (T0 + 8.4, T0, T0 - 100):
        s2, events = S.advance(s, earlier)
        assert events == () and s2 == s


def test_same_now_twice_is_idempotent() -> None:
    s = started()
    for now in (T0 + 7, T0 + 10, T0 + 40, T0 + 65):
        s, _ = S.advance(s, now)
        s2, events = S.advance(s, now)
        assert events == () and s2 == s


def test_rest_exercise_counts_down_and_is_not_work() -> None:
    p = plan(routine(hold("A", 5), rest("Breather", 10), prepare=0))
    s, _ = S.start(p, T0)
    s, events = S.advance(s, T0 + 100)
    assert [e for e in events if isinstance(e, StepStarted)] == [
        StepStarted(T0 + 5, 1, p.steps[1])]
    assert s.done == frozenset({0}) and s.finished_at == T0 + 15


# --- regressions: edge cases that were once wrong ---


def test_tap_after_finishing_on_a_tap_step_is_ignored() -> None:
    p = plan(routine(tap_reps("Squeeze", 2), prepare=0))
    s, _ = S.start(p, T0)
    s, _ = S.tap(s, T0 + 1)
    s, events = S.tap(s, T0 + 2)
    assert events[-1] == SessionFinished(T0 + 2)
    before = s
    s, events = S.tap(s, T0 + 3)
    assert events == ()
    assert s.taps == before.taps


def test_tap_after_finish_on_a_tap_step_is_ignored() -> None:
    p = plan(routine(tap_reps("Squeeze", 5), prepare=0))
    s, _ = S.start(p, T0)
    s, _ = S.finish(s, T0 + 1)
    s, events = S.tap(s, T0 + 2)
    assert events == ()


def test_make_easier_past_the_easier_length_ends_the_step_now() -> None:
    p = plan(routine(hold("A", 60, easier=Dose(hold_seconds=30)), hold("B", 30), prepare=0,
                     rest=10))
    s, _ = S.start(p, T0)
    s, _ = S.advance(s, T0 + 50)
    s, events = E.make_easier(s, T0 + 50)
    # A (at its easier 30 s) is over: it ends now and the 10 s rest starts now, in full.
    assert events == (StepEnded(T0 + 50, 0, s.plan.steps[0], "easier", 50.0, None),
                      StepStarted(T0 + 50, 1, s.plan.steps[1]))
    assert (s.index, s.ends_at) == (1, T0 + 60)


def test_make_easier_on_a_set_the_easier_dose_lacks_moves_on() -> None:
    easier = Dose(hold_seconds=20, sets=2, set_rest=10)
    p = plan(routine(hold("A", 20, sets=3, set_rest=10, easier=easier), hold("B", 30), prepare=0))
    s, _ = S.start(p, T0)
    s, _ = S.advance(s, T0 + 65)  # set 3 of A under way (started at 60)
    assert (s.step.title, s.step.set_no) == ("A", 3)
    s, events = E.make_easier(s, T0 + 65)
    # Sets 1 and 2 are done and the easier dose has no set 3: A is complete, B starts now.
    assert s.step.title == "B"
    assert events == (StepEnded(T0 + 65, 4, p.steps[4], "easier", 5.0, None),
                      StepStarted(T0 + 65, 3, s.plan.steps[3]))


def test_make_easier_on_tap_step_already_past_easier_target_moves_on() -> None:
    p = plan(routine(tap_reps("Squeeze", 10, easier=Dose(reps=5)), hold("B", 30), prepare=0))
    s, _ = S.start(p, T0)
    for i in range(6):
        s, _ = S.tap(s, T0 + 1 + i)
    s, events = E.make_easier(s, T0 + 7)
    assert s.index == 1
    assert events == (StepEnded(T0 + 7, 0, s.plan.steps[0], "easier", 7.0, 6),
                      StepStarted(T0 + 7, 1, s.plan.steps[1]))


def test_breath_hold_emits_no_phase_change_at_its_end() -> None:
    p = plan(routine(breath_hold("Breathe", 3, breath=BREATH_PRESETS["resonance"]), prepare=0))
    s, _ = S.start(p, T0)
    s, events = S.advance(s, T0 + 100)
    breaths = [e for e in events if isinstance(e, BreathPhaseChanged)]
    assert [(e.phase, e.breath) for e in breaths] == [
        ("exhale", 1), ("inhale", 2), ("exhale", 2), ("inhale", 3), ("exhale", 3)]

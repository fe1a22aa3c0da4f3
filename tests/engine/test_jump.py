"""Jumping to any exercise from inside a routine."""

from __future__ import annotations

from tui.engine.routine import session as E
from tui.engine.events import StepEnded, StepStarted
from tui.engine.routine.jump import first_step, jump_to
from tui.engine.routine.model import Dose, Exercise, Kind, Position, Routine
from tui.engine.routine.plan import plan

ROUTINE = Routine(
    name="Jumps", key="jumps", prepare=5, rest=10, rounds=2,
    exercises=(
        Exercise("A", Kind.HOLD, Dose(hold_seconds=20), position=Position.ON_BACK),
        Exercise("B", Kind.HOLD, Dose(hold_seconds=20), position=Position.ON_BACK, sides=True),
        Exercise("C", Kind.REPS, Dose(reps=5), position=Position.ON_BACK),
    ),
)


def started():
    s, _ = E.start(plan(ROUTINE), 0.0)
    return s


def test_forward_jump_starts_the_exercise_and_skips_the_one_under_way():
    s = started()
    s, _ = E.advance(s, 5.0)  # A under way
    s, events = jump_to(s, 8.0, 2)
    assert s.step.title == "C" and s.step.round_no == 1
    assert [type(e) for e in events] == [StepEnded, StepStarted]
    assert events[0].outcome == "skipped" and 0 in s.skipped


def test_backward_jump_stays_in_the_round():
    s = started()
    while s.step.title != "C" or s.step.round_no != 2:
        s, _ = E.next_step(s, 1.0)
    s, events = jump_to(s, 2.0, 1)
    assert s.step.title == "B" and s.step.side == "left" and s.step.round_no == 2
    assert s.index == first_step(s, 1)


def test_jump_to_where_it_is_changes_nothing():
    s = started()
    s, _ = E.advance(s, 6.0)
    again, events = jump_to(s, 6.0, 0)
    assert again == s and events == ()


def test_a_session_taken_up_at_a_step_starts_there_paused_with_the_earlier_exercises_done():
    from tui.engine.routine.jump import start_at

    steps = plan(ROUTINE)
    index = next(i for i, step in enumerate(steps.steps) if step.kind.is_work and step.exercise == 1)
    s, events = start_at(steps, index, 100.0)
    assert s.index == index and s.paused and s.paused_at == 100.0
    assert s.done == frozenset({0}) and events[0].index == index
    later, _ = E.advance(s, 500.0)
    assert later.index == index, "paused: time does not move it"
    resumed, _ = E.resume(later, 500.0)
    assert resumed.ends_at is not None and resumed.ends_at > 500.0


def test_taking_up_a_step_outside_the_plan_is_refused():
    import pytest

    from tui.engine.routine.jump import start_at

    steps = plan(ROUTINE)
    with pytest.raises(ValueError):
        start_at(steps, len(steps.steps), 0.0)

"""Where a round ends, with and without a rest between rounds; and the view's place words."""

from __future__ import annotations

import pytest

from tui.engine.routine import session as E
from tui.engine.routine.model import Dose, Exercise, Kind, Position, Routine
from tui.engine.routine.plan import plan
from tui.engine.routine.view import finished_round, view


def routine(round_rest: float, rest: float) -> Routine:
    return Routine(
        name="R", key="r", prepare=5, rest=rest, rounds=3, round_rest=round_rest,
        exercises=(
            Exercise("A", Kind.HOLD, Dose(hold_seconds=10), position=Position.ON_BACK),
            Exercise("Breather", Kind.REST, Dose(), rest_seconds=5),
            Exercise("B", Kind.HOLD, Dose(hold_seconds=10), position=Position.ON_BACK),
        ),
    )


@pytest.mark.parametrize(("round_rest", "rest"), [(30, 10), (0, 0)])
def test_each_round_but_the_last_is_marked_once(round_rest, rest):
    steps = plan(routine(round_rest, rest)).steps
    marks = [(i, finished_round(steps, i)) for i in range(len(steps)) if finished_round(steps, i)]
    assert [n for _, n in marks] == [1, 2]
    for i, n in marks:
        assert steps[i - 1].round_no == n and steps[i].round_no == n + 1
    assert finished_round(steps, 0) is None and finished_round(steps, len(steps)) is None


def test_view_counts_exercises_without_rests():
    s, _ = E.start(plan(routine(30, 10)), 0.0)
    while s.step.title != "B":
        s, _ = E.next_step(s, 0.0)
    v = view(s, 0.0)
    assert (v.exercise_no, v.exercises) == (2, 2)

"""Planning: a routine expands into the flat list of steps a session walks."""

from __future__ import annotations

import pytest

from tui.engine.routine.model import BREATH_PRESETS, DEFAULT_BREATH, BreathPattern, Dose, Position, Tempo
from tui.engine.routine.plan import TAP_REP_ESTIMATE, Plan, StepKind, plan

from .factories import breath_hold, hold, rest, routine, tap_reps, tempo_reps


def rows(p: Plan) -> list[tuple[object, ...]]:
    """Each step as (kind, title, duration, exercise, side, set_no, round_no)."""
    return [
        (s.kind.value, s.title, s.duration, s.exercise, s.side, s.set_no, s.round_no)
        for s in p.steps
    ]


def test_prepare_step_comes_first_with_position_cue() -> None:
    p = plan(routine(hold("Bridge", 30, position=Position.ON_BACK), prepare=10))
    first = p.steps[0]
    assert (first.kind, first.title, first.duration, first.exercise) == (
        StepKind.PREPARE, "Get ready", 10, 0)
    assert first.position is Position.ON_BACK
    assert first.cue == "Lie on your back. First: Bridge"
    assert rows(p)[1:] == [("hold", "Bridge", 30, 0, None, 1, 1)]


def test_prepare_cue_without_position_and_skips_leading_rest() -> None:
    p = plan(routine(rest("Settle", 20), hold("Plank", 30), prepare=5))
    assert p.steps[0].cue == "First: Plank"
    assert p.steps[0].position is None


def test_sides_expand_left_then_right_with_switch_pause() -> None:
    p = plan(routine(hold("Stretch", 20, sides=True, cue="Reach long."), prepare=0, switch_sides=5))
    assert rows(p) == [
        ("hold", "Stretch", 20, 0, "left", 1, 1),
        ("switch", "Switch sides", 5, 0, "right", 1, 1),
        ("hold", "Stretch", 20, 0, "right", 1, 1),
    ]
    # A pause shows how to do what comes next, so it can be read ahead.
    assert p.steps[1].cue == "Reach long."


def test_sets_have_set_rest_between() -> None:
    p = plan(routine(hold("Plank", 20, sets=3, set_rest=15, cue="Brace."), prepare=0))
    assert rows(p) == [
        ("hold", "Plank", 20, 0, None, 1, 1),
        ("rest", "Rest between sets", 15, 0, None, 2, 1),
        ("hold", "Plank", 20, 0, None, 2, 1),
        ("rest", "Rest between sets", 15, 0, None, 3, 1),
        ("hold", "Plank", 20, 0, None, 3, 1),
    ]
    assert [s.sets for s in p.steps] == [3] * 5
    assert p.steps[1].cue == p.steps[2].cue == "Brace."


def test_sets_are_outer_and_sides_inner() -> None:
    p = plan(routine(hold("Lunge", 20, sets=2, set_rest=15, sides=True), prepare=0))
    assert rows(p) == [
        ("hold", "Lunge", 20, 0, "left", 1, 1),
        ("switch", "Switch sides", 5, 0, "right", 1, 1),
        ("hold", "Lunge", 20, 0, "right", 1, 1),
        ("rest", "Rest between sets", 15, 0, None, 2, 1),
        ("hold", "Lunge", 20, 0, "left", 2, 1),
        ("switch", "Switch sides", 5, 0, "right", 2, 1),
        ("hold", "Lunge", 20, 0, "right", 2, 1),
    ]


def test_sides_without_set_rest_switch_back_from_right_to_left() -> None:
    p = plan(routine(hold("Lunge", 20, sets=2, sides=True, cue="Hips square."), prepare=0, switch_sides=4))
    assert rows(p) == [
        ("hold", "Lunge", 20, 0, "left", 1, 1),
        ("switch", "Switch sides", 4, 0, "right", 1, 1),
        ("hold", "Lunge", 20, 0, "right", 1, 1),
        ("switch", "Switch sides", 4, 0, "left", 2, 1),
        ("hold", "Lunge", 20, 0, "left", 2, 1),
        ("switch", "Switch sides", 4, 0, "right", 2, 1),
        ("hold", "Lunge", 20, 0, "right", 2, 1),
    ]
    assert p.steps[3].cue == p.steps[4].cue != ""


def test_sets_without_sides_or_set_rest_run_back_to_back() -> None:
    p = plan(routine(hold("Plank", 20, sets=2), prepare=0))
    assert rows(p) == [("hold", "Plank", 20, 0, None, 1, 1), ("hold", "Plank", 20, 0, None, 2, 1)]


@pytest.mark.parametrize(("rest_s", "round_rest", "between"), [(5, 60, 60), (5, 2, 5), (0, 30, 30)])
def test_rounds_repeat_with_round_rest(rest_s: float, round_rest: float, between: float) -> None:
    p = plan(routine(hold("A", 30), hold("B", 20), prepare=0, rest=rest_s, rounds=2,
                     round_rest=round_rest))
    rest_rows = [("rest", "Rest", rest_s, 1, None, 1, 1)] if rest_s else []
    rest_rows2 = [("rest", "Rest", rest_s, 1, None, 1, 2)] if rest_s else []
    assert rows(p) == [
        ("hold", "A", 30, 0, None, 1, 1),
        *rest_rows,
        ("hold", "B", 20, 1, None, 1, 1),
        ("rest", "Rest before round 2", between, 0, None, 1, 2),
        ("hold", "A", 30, 0, None, 1, 2),
        *rest_rows2,
        ("hold", "B", 20, 1, None, 1, 2),
    ]
    assert {s.rounds for s in p.steps} == {2}


def test_transition_when_position_changes_absorbs_rest() -> None:
    p = plan(routine(
        hold("A", 30, position=Position.ON_BACK),
        hold("B", 30, position=Position.ON_BACK),
        hold("C", 30, position=Position.ON_FRONT, cue="Chin down."),
        hold("D", 30),  # no position: stays on the front, no transition
        hold("E", 30, position=Position.STANDING),
        prepare=10, rest=5, transition=12,
    ))
    assert rows(p) == [
        ("prepare", "Get ready", 10, 0, None, 1, 1),
        ("hold", "A", 30, 0, None, 1, 1),
        ("rest", "Rest", 5, 1, None, 1, 1),
        ("hold", "B", 30, 1, None, 1, 1),
        ("transition", "Lie on your front", 12, 2, None, 1, 1),
        ("hold", "C", 30, 2, None, 1, 1),
        ("rest", "Rest", 5, 3, None, 1, 1),
        ("hold", "D", 30, 3, None, 1, 1),
        ("transition", "Stand up", 12, 4, None, 1, 1),
        ("hold", "E", 30, 4, None, 1, 1),
    ]
    assert p.steps[4].position is Position.ON_FRONT
    assert p.steps[4].cue == p.steps[5].cue != ""


def test_transition_takes_the_longer_of_rest_and_transition() -> None:
    p = plan(routine(hold("A", 30, position=Position.ON_BACK),
                     hold("B", 30, position=Position.SEATED), prepare=0, rest=25, transition=10))
    assert rows(p) == [
        ("hold", "A", 30, 0, None, 1, 1),
        ("transition", "Sit down", 25, 1, None, 1, 1),
        ("hold", "B", 30, 1, None, 1, 1),
    ]


def test_transition_between_rounds_uses_round_rest() -> None:
    p = plan(routine(hold("A", 30, position=Position.ON_BACK),
                     hold("B", 30, position=Position.STANDING),
                     prepare=0, rounds=2, round_rest=40, transition=10))
    assert rows(p) == [
        ("hold", "A", 30, 0, None, 1, 1),
        ("transition", "Stand up", 10, 1, None, 1, 1),
        ("hold", "B", 30, 1, None, 1, 1),
        ("transition", "Lie on your back", 40, 0, None, 1, 2),
        ("hold", "A", 30, 0, None, 1, 2),
        ("transition", "Stand up", 10, 1, None, 1, 2),
        ("hold", "B", 30, 1, None, 1, 2),
    ]


def test_no_routine_rest_around_a_rest_exercise() -> None:
    p = plan(routine(hold("A", 30), rest("Breather", 60), hold("B", 30), prepare=0, rest=5))
    assert rows(p) == [
        ("hold", "A", 30, 0, None, 1, 1),
        ("rest", "Breather", 60, 1, None, 1, 1),
        ("hold", "B", 30, 2, None, 1, 1),
    ]


@pytest.mark.parametrize(
    ("ex_breath", "routine_breath", "expected", "seconds"),
    [
        (BREATH_PRESETS["box"], BREATH_PRESETS["4-7-8"], BREATH_PRESETS["box"], 5 * 16),
        (None, BREATH_PRESETS["4-7-8"], BREATH_PRESETS["4-7-8"], 5 * 19),
        (None, None, DEFAULT_BREATH, 5 * 10),
        (BreathPattern(1.5, 0.25, 2.25), None, BreathPattern(1.5, 0.25, 2.25), 5 * 4.0),
    ],
)
def test_breath_counted_hold_duration(ex_breath: BreathPattern | None,
                                      routine_breath: BreathPattern | None,
                                      expected: BreathPattern, seconds: float) -> None:
    p = plan(routine(breath_hold("Breathe", 5, breath=ex_breath), prepare=0,
                     breath=routine_breath))
    (step,) = p.steps
    assert step.duration == seconds
    assert step.breath == expected
    assert step.breaths == 5
    assert (step.kind, step.reps, step.tempo) == (StepKind.HOLD, None, None)


def test_default_breath_is_relaxing() -> None:
    assert DEFAULT_BREATH == BreathPattern(4, 0, 6, 0, name="relaxing")


def test_timed_hold_shows_routine_breath_but_keeps_its_seconds() -> None:
    (step,) = plan(routine(hold("A", 45), prepare=0, breath=BREATH_PRESETS["box"])).steps
    assert (step.duration, step.breath, step.breaths) == (45, BREATH_PRESETS["box"], None)


def test_tempo_reps_duration_is_reps_times_cycle() -> None:
    tempo = Tempo(2, 1, 2.5, 0.5)
    (step,) = plan(routine(tempo_reps("Lift", 8, tempo), prepare=0,
                           breath=BREATH_PRESETS["box"])).steps
    assert (step.kind, step.duration, step.reps, step.tempo) == (StepKind.REPS, 48.0, 8, tempo)
    assert step.breath is None
    assert step.planned == 48.0


def test_tap_reps_have_no_duration_and_an_estimate() -> None:
    (step,) = plan(routine(tap_reps("Squeeze", 12), prepare=0)).steps
    assert TAP_REP_ESTIMATE == 3.0
    assert (step.kind, step.duration, step.reps, step.tempo) == (StepKind.REPS, None, 12, None)
    assert step.planned == 36.0


def test_total_sums_planned_durations() -> None:
    p = plan(routine(
        hold("A", 30, sides=True),  # 30 + 5 + 30
        tempo_reps("B", 4, Tempo(2, 0, 2)),  # 16
        tap_reps("C", 10),  # 30 (estimate)
        breath_hold("D", 3, breath=BREATH_PRESETS["box"]),  # 48
        prepare=10, rest=7, switch_sides=5,  # rest x3 = 21
    ))
    assert p.total == 10 + 65 + 7 + 16 + 7 + 30 + 7 + 48
    assert p.total == sum(s.planned for s in p.steps)


def test_easier_set_uses_easier_dose() -> None:
    r = routine(hold("A", 60, sets=3, set_rest=10, easier=Dose(hold_seconds=30, sets=2, set_rest=20)),
                hold("B", 40), prepare=0)
    normal = plan(r)
    easy = plan(r, frozenset({0}))
    assert easy.easier == frozenset({0})
    assert rows(easy) == [
        ("hold", "A", 30, 0, None, 1, 1),
        ("rest", "Rest between sets", 20, 0, None, 2, 1),
        ("hold", "A", 30, 0, None, 2, 1),
        ("hold", "B", 40, 1, None, 1, 1),
    ]
    assert [s.easier for s in easy.steps] == [True, True, True, False]
    assert [s.has_easier for s in easy.steps] == [True, True, True, False]
    assert [s.easier for s in normal.steps] == [False] * 6
    assert [s.has_easier for s in normal.steps] == [True] * 5 + [False]


def test_zero_prepare_transition_and_switch_give_no_such_steps() -> None:
    p = plan(routine(hold("A", 20, sides=True, position=Position.ON_BACK),
                     hold("B", 20, position=Position.STANDING),
                     prepare=0, switch_sides=0, transition=0))
    assert rows(p) == [
        ("hold", "A", 20, 0, "left", 1, 1),
        ("hold", "A", 20, 0, "right", 1, 1),
        ("hold", "B", 20, 1, None, 1, 1),
    ]


def test_step_keys_are_unique() -> None:
    p = plan(routine(hold("A", 20, sets=2, sides=True), hold("B", 20, sets=2, set_rest=5),
                     rounds=2, round_rest=30, rest=5))
    keys = [s.key for s in p.steps]
    assert len(keys) == len(set(keys))


def test_stop_if_combines_exercise_and_routine() -> None:
    from tui.engine.routine.model import Routine

    r = Routine("r", (hold("A", 20, stop_if=("sharp pain",)),), prepare=0, stop_if=("numbness",))
    assert plan(r).steps[0].stop_if == ("sharp pain", "numbness")

"""StepEnded: one event per attempt at a work step, whatever ends it, at any tick size."""

from __future__ import annotations

import random

import pytest

from tui.engine.routine import easier as E
from tui.engine.routine import session as S
from tui.engine.events import SessionFinished, StepEnded
from tui.engine.routine.model import BREATH_PRESETS, Dose, Tempo
from tui.engine.routine.plan import plan

from .factories import T0, breath_hold, drive, hold, routine, signatures, tap_reps, tempo_reps
from .granularity import SHAPES, STRATEGIES


def ends(events) -> list[StepEnded]:
    return [e for e in events if isinstance(e, StepEnded)]


@pytest.mark.parametrize("shape", SHAPES)
def test_every_work_step_ends_once_done_with_its_planned_time(shape: str) -> None:
    p = SHAPES[shape]
    _, events = drive(p, STRATEGIES["random"](p))
    got = ends(events)
    work = [i for i, step in enumerate(p.steps) if step.kind.is_work]
    assert [e.index for e in got] == work
    for e in got:
        step = p.steps[e.index]
        assert e.step == step and e.outcome == "done"
        assert e.actual_seconds == pytest.approx(step.duration, abs=1e-3)
        assert e.count == (step.breaths or (step.reps if step.tempo else None))
    # The last one comes just before the end, at the same moment.
    assert isinstance(events[-1], SessionFinished) and events[-2] == got[-1]
    assert got[-1].at == events[-1].at


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_commands_give_the_same_step_ends_at_any_tick_size(strategy: str) -> None:
    """Pause, skip, restart and easier at fixed moments; the ticks in between vary."""
    p = SHAPES["mixed"]
    script = {T0 + 12: S.pause, T0 + 40: S.resume, T0 + 55: S.next_step, T0 + 70: S.restart_step,
              T0 + 95: S.previous_step, T0 + 130: S.next_step}

    def run(moments: list[float]) -> list:
        s, out = S.start(p, T0)
        out = list(out)
        pending = sorted(script)
        for now in sorted(set(moments) | set(script)):
            while pending and pending[0] <= now:
                at = pending.pop(0)
                s, ev = script[at](s, at)
                out += ev
            s, ev = S.advance(s, now)
            out += ev
        s, ev = S.advance(s, T0 + 10_000)
        return out + list(ev)

    reference = run([T0 + 10_000])
    assert signatures(ends(run(STRATEGIES[strategy](p)))) == signatures(ends(reference))
    assert {e.outcome for e in ends(reference)} == {"done", "skipped"}


def test_pauses_are_not_work_time() -> None:
    p = plan(routine(hold("A", 30), prepare=0))
    s, _ = S.start(p, T0)
    s, _ = S.pause(s, T0 + 10)
    s, _ = S.resume(s, T0 + 110)
    s, events = S.advance(s, T0 + 500)
    assert ends(events) == [StepEnded(T0 + 130, 0, p.steps[0], "done", 30.0, None)]


def test_skipping_while_paused_counts_up_to_the_pause() -> None:
    p = plan(routine(hold("A", 30), hold("B", 30), prepare=0))
    s, _ = S.start(p, T0)
    s, _ = S.pause(s, T0 + 12)
    s, events = S.next_step(s, T0 + 300)
    assert ends(events) == [StepEnded(T0 + 300, 0, p.steps[0], "skipped", 12.0, None)]


def test_a_skipped_tempo_step_counts_the_reps_finished() -> None:
    p = plan(routine(tempo_reps("Lift", 5, Tempo(2, 1, 2)), hold("B", 10), prepare=0))
    s, _ = S.start(p, T0)
    s, events = S.next_step(s, T0 + 12)  # two reps of 5 s done, the third under way
    (e,) = ends(events)
    assert (e.outcome, e.actual_seconds, e.count) == ("skipped", 12.0, 2)


def test_a_skipped_breath_hold_counts_whole_breaths_even_at_a_boundary() -> None:
    p = plan(routine(breath_hold("B", 4, breath=BREATH_PRESETS["relaxing"]), prepare=0))
    s, _ = S.start(p, T0)
    s, events = S.next_step(s, T0 + 20)  # exactly two breaths of 10 s
    assert ends(events)[0].count == 2


def test_tapped_reps_end_with_the_taps() -> None:
    p = plan(routine(tap_reps("Squeeze", 3), prepare=0))
    s, _ = S.start(p, T0)
    s, _ = S.tap(s, T0 + 4)
    s, events = S.next_step(s, T0 + 9)
    assert ends(events) == [StepEnded(T0 + 9, 0, p.steps[0], "skipped", 9.0, 1)]


def test_restart_and_back_abandon_the_attempt_without_an_end() -> None:
    p = plan(routine(hold("A", 10), hold("B", 10), prepare=0))
    s, _ = S.start(p, T0)
    s, events = S.restart_step(s, T0 + 4)
    assert ends(events) == []
    s, events = S.advance(s, T0 + 14)  # A again from T0 + 4, in full
    assert ends(events) == [StepEnded(T0 + 14, 0, p.steps[0], "done", 10.0, None)]
    s, events = S.previous_step(s, T0 + 16)  # B abandoned, back to A
    assert ends(events) == []
    s, events = S.advance(s, T0 + 100)
    assert [(e.index, e.at) for e in ends(events)] == [(0, T0 + 26), (1, T0 + 36)]


def test_leaving_ends_the_step_under_way_as_skipped_and_nothing_after() -> None:
    p = plan(routine(hold("A", 10), hold("B", 10), prepare=0, rest=5))
    s, _ = S.start(p, T0)
    s, events = S.leave(s, T0 + 13)  # A done at 10, now in the rest
    assert [e.index for e in ends(events)] == [0]
    assert not any(isinstance(e, SessionFinished) for e in events)
    assert s.finished
    assert S.leave(s, T0 + 20) == (s, ())
    s, _ = S.start(p, T0)
    s, events = S.leave(s, T0 + 4)
    assert ends(events) == [StepEnded(T0 + 4, 0, p.steps[0], "skipped", 4.0, None)]


def test_made_easier_steps_end_as_easier() -> None:
    p = plan(routine(hold("A", 60, easier=Dose(hold_seconds=20)), hold("B", 10), prepare=0))
    s, _ = S.start(p, T0)
    s, events = E.make_easier(s, T0 + 5)
    assert ends(events) == []
    s, events = S.advance(s, T0 + 100)
    got = ends(events)
    assert [(e.index, e.outcome, e.actual_seconds) for e in got] == [(0, "easier", 20.0), (1, "done", 10.0)]
    # Remembered from last time: the plan starts easier, and the step ends as easier too.
    _, events = drive(plan(p.routine, frozenset({0})), [T0 + 100])
    assert ends(events)[0].outcome == "easier"


def test_random_commands_end_only_work_steps_in_time_order() -> None:
    p = SHAPES["mixed"]
    rng = random.Random(3)
    commands = [S.pause, S.resume, S.next_step, S.restart_step, S.previous_step, S.tap, E.make_easier]
    s, _ = S.start(p, T0)
    now, seen = T0, []
    while not s.finished:
        now += rng.uniform(0, 6)
        s, events = rng.choice(commands)(s, now)
        seen += ends(events)
    seen += ends(S.leave(s, now + 1)[1])
    for e in seen:
        assert e.step.kind.is_work and e.actual_seconds >= 0
    assert all(a.at <= b.at for a, b in zip(seen, seen[1:]))

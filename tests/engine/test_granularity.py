"""Granularity invariance: how often `advance` is called must not change what happens.

A shell's heartbeat fires late, skips ticks, or stops while the laptop sleeps. The engine
stamps each event with the moment it belongs to, so 0.1 s ticks, 1 s ticks, random ticks and
one giant jump must all produce the same events and the same end state.
"""

from __future__ import annotations

import random

import pytest

from tui.engine.routine import session as S
from tui.engine.events import SessionFinished, StepStarted
from tui.engine.routine.plan import plan

from .factories import T0, drive, hold, routine, signatures, tap_reps
from .granularity import SHAPES, STRATEGIES, giant_step, random_steps

@pytest.mark.parametrize("shape", SHAPES)
def test_same_events_and_end_state_at_any_granularity(shape: str) -> None:
    p = SHAPES[shape]
    results = {name: drive(p, moments(p)) for name, moments in STRATEGIES.items()}
    ref_state, ref_events = results["giant"]
    assert ref_state.finished
    assert ref_state.finished_at == pytest.approx(T0 + p.total, abs=1e-6)
    assert [e.index for e in ref_events if isinstance(e, StepStarted)] == list(range(len(p.steps)))
    assert isinstance(ref_events[-1], SessionFinished)
    expected = signatures(ref_events)
    for name, (state, events) in results.items():
        assert signatures(events) == expected, name
        assert state.finished_at == pytest.approx(ref_state.finished_at, abs=1e-6), name
        assert state.done == ref_state.done, name
        assert state.skipped == ref_state.skipped == frozenset(), name
        assert state.index == len(p.steps), name


@pytest.mark.parametrize("shape", SHAPES)
def test_events_are_in_time_order(shape: str) -> None:
    p = SHAPES[shape]
    _, events = drive(p, random_steps(p))
    ats = [e.at for e in events]
    assert ats == sorted(ats)


def test_granularity_with_a_pause_in_the_middle() -> None:
    p = SHAPES["mixed"]

    def run(moments: list[float]) -> tuple[S.Session, list[object]]:
        s, events = S.start(p, T0)
        out = list(events)
        paused = resumed = False
        for now in moments:
            if not paused and now >= T0 + 47.3:
                s, ev = S.pause(s, T0 + 47.3)
                out += ev
                paused = True
            if not resumed and now >= T0 + 147.3:
                s, ev = S.resume(s, T0 + 147.3)
                out += ev
                resumed = True
            s, ev = S.advance(s, now)
            out += ev
        return s, out

    horizon = p.total + 200
    fine = [T0 + i * 0.1 for i in range(1, int(horizon * 10))]
    coarse = [T0 + 47.3, T0 + 147.3, T0 + horizon]
    s1, e1 = run(fine)
    s2, e2 = run(coarse)
    assert signatures(e1) == signatures(e2)
    assert s1.finished_at == pytest.approx(T0 + p.total + 100, abs=1e-6)
    assert s2.finished_at == pytest.approx(s1.finished_at, abs=1e-6)
    assert s1.paused_total == s2.paused_total == pytest.approx(100)


@pytest.mark.parametrize("shape", SHAPES)
def test_suspend_for_eight_hours_crosses_every_remaining_step_once(shape: str) -> None:
    p = SHAPES[shape]
    mid = T0 + p.total / 2
    s, before = drive(p, [T0 + i * 0.5 for i in range(1, int((mid - T0) / 0.5))])
    s, after = S.advance(s, mid + 8 * 3600)
    assert s.finished and s.finished_at == pytest.approx(T0 + p.total, abs=1e-6)
    ats = [e.at for e in after]
    assert ats == sorted(ats)
    assert all(e.at <= T0 + p.total + 1e-6 for e in after)
    # Together with what came before, exactly the giant-step sequence: nothing twice, nothing lost.
    _, reference = drive(p, giant_step(p))
    assert signatures(before) + signatures(after) == signatures(reference)
    started = [e.index for e in after if isinstance(e, StepStarted)]
    assert started == list(range(started[0], len(p.steps)))
    assert [type(e) for e in after].count(SessionFinished) == 1


def test_tap_reps_stop_time_until_tapped() -> None:
    p = plan(routine(hold("A", 10), tap_reps("Squeeze", 2), hold("C", 10), prepare=0))
    s, events = drive(p, [T0 + i for i in range(1, 500)])
    assert s.index == 1 and s.is_tap and not s.finished
    assert events[-1] == StepStarted(T0 + 10, 1, p.steps[1])
    s, events = S.tap(s, T0 + 600)
    s, events = S.tap(s, T0 + 601)
    assert events[-1] == StepStarted(T0 + 601, 2, p.steps[2])
    s, events = S.advance(s, T0 + 8 * 3600)
    assert s.finished_at == T0 + 611

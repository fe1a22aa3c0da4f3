"""When the shell next ticks: just after the shown second changes, never on a fixed grid."""

from __future__ import annotations

import pytest

from tests.engine.factories import T0, breath_hold, hold, routine, tap_reps
from tui.engine.routine import session as S
from tui.engine.cadence import SLACK, animated, next_delay
from tui.engine.routine.model import BreathPattern
from tui.engine.routine.plan import plan


def started(*exercises):
    return S.start(plan(routine(*exercises, prepare=0)), T0)[0]


@pytest.mark.parametrize(("into", "wait"), [(0.0, 1.0), (0.25, 0.75), (0.999, 0.001), (4.5, 0.5)])
def test_a_countdown_wakes_just_after_its_next_whole_second(into, wait):
    s = started(hold("A", 10))
    assert next_delay(s, T0 + into) == pytest.approx(wait + SLACK)


def test_the_last_wake_lands_just_past_the_deadline():
    s = started(hold("A", 10))
    delay = next_delay(s, T0 + 9.5)
    s, events = S.advance(s, T0 + 9.5 + delay)
    assert s.index == 1 or s.finished
    assert delay == pytest.approx(0.5 + SLACK)


def test_fractional_phases_tick_on_their_own_grid():
    # Phase seconds (inhale 2.5 s) change at 0.5 s into the step, before the step's own second.
    s = started(breath_hold("B", 3, breath=BreathPattern(2.5, 0, 2.5)))
    assert animated(s)
    assert next_delay(s, T0) == pytest.approx(0.5 + SLACK)


def test_nothing_to_wait_for_while_paused_or_counting_taps():
    s = started(hold("A", 10))
    paused, _ = S.pause(s, T0 + 1)
    assert next_delay(paused, T0 + 5) is None
    assert not animated(paused)
    taps = started(tap_reps("T", 5))
    assert next_delay(taps, T0) is None
    assert not animated(taps)


def test_a_plain_hold_is_not_animated():
    assert not animated(started(hold("A", 10)))

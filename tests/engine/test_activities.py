"""Several activities at once: one advance, events merged in time order, one wake-up."""

from __future__ import annotations

import random

import pytest

from tui.engine import activities as A
from tui.engine.routine import session as S
from tui.engine.care import thermal as T
from tui.engine.cadence import SLACK
from tui.engine.events import (
    AlarmRang, ApplicationEnded, RoundOffered, SessionFinished, SkinCheckDue, StepStarted,
)
from tui.engine.routine.plan import plan

from .factories import T0, drive, hold, routine, signatures

#: The real clock reads differently from the workout clock, as it does in life.
R0 = 50_000.0
OFFSET = R0 - T0
MIN = 60.0

PLAN = plan(routine(hold("A", 30), hold("B", 45, sides=True), hold("C", 40), prepare=10,
                    rest=5))
ICE_AT = 20.0
"""The ice goes on 20 s into the routine: 1 minute on, 1 minute of skin rest."""
ACK = ICE_AT + MIN + 35
"""Taken off 35 s after its end: two alarms by then."""
STOP = ICE_AT + 40
"""Or stopped early, past halfway."""
END = 260.0


def at(x: float) -> A.Now:
    """Both clocks, `x` seconds after the routine started (no suspend)."""
    return A.Now(mono=T0 + x, real=R0 + x)


def fresh() -> A.Activities:
    agg = A.add(A.Activities(), "routine", A.SESSION, S.start(PLAN, T0)[0])
    return A.add(agg, "ice", T.DRIVER, T.start("ice", R0 + ICE_AT, length=MIN, rest=MIN))


def run(agg, moments, commands=()):
    pending = sorted(commands, key=lambda c: c[0])
    out = []
    for x in moments:
        while pending and pending[0][0] <= x:
            cx, name, fn, *args = pending.pop(0)
            agg, happened = A.command(agg, name, fn, at(cx), *args)
            out += happened
        agg, happened = A.advance(agg, at(x))
        out += happened
    return agg, out


def steps(dt: float) -> list[float]:
    n = int(round(END / dt, 6))
    return [i * dt for i in range(1, n + 1)]


def random_steps() -> list[float]:
    rng, out, x = random.Random(1), [], 0.0
    while (x := x + rng.uniform(0.01, 7)) < END:
        out.append(x)
    return out + [END]


def keyed(happened) -> list[tuple[object, ...]]:
    return [(h.activity, round(h.real, 6)) + tuple(signatures([h.event])) for h in happened]


def of(happened, name: str):
    return [h.event for h in happened if h.activity == name]


ACKED = [(ACK, "ice", T.acknowledge)]
STOPPED = [(STOP, "ice", T.stop_early, "skin very white")]


def test_an_application_finishes_in_the_middle_of_a_routine_in_time_order():
    agg, happened = run(fresh(), steps(1.0), ACKED)
    reals = [h.real for h in happened]
    assert reals == sorted(reals)
    ice = of(happened, "ice")
    assert [type(e) for e in ice] == [SkinCheckDue, AlarmRang, AlarmRang, ApplicationEnded,
                                      RoundOffered]
    assert [e.at - R0 for e in ice] == [50, 80, 110, ACK, ACK + MIN]
    # Interleaved: routine steps start before, between and after the ice events.
    order = [h.activity for h in happened]
    first_ice, last_ice = order.index("ice"), len(order) - 1 - order[::-1].index("ice")
    assert "routine" in order[:first_ice] and "routine" in order[first_ice:last_ice]
    assert "routine" in order[last_ice:]
    # Each activity's events are exactly what it gives on its own; only the merge is new.
    started = len(S.start(PLAN, T0)[1])  # `fresh` keeps the started state, not its events
    _, alone = drive(PLAN, [T0 + x for x in steps(1.0)])
    assert signatures(of(happened, "routine")) == signatures(alone[started:])
    assert isinstance(of(happened, "routine")[-1], SessionFinished)
    # Mono events are placed on the real timeline by the clocks' offset.
    starts = [h for h in happened if isinstance(h.event, StepStarted)]
    assert all(h.real == pytest.approx(h.event.at + OFFSET) for h in starts)
    assert T.finished(A.get(agg, "ice")) and A.get(agg, "routine").finished


STRATEGIES = {"0.1s": lambda: steps(0.1), "1s": lambda: steps(1.0), "random": random_steps,
              "giant": lambda: [END]}


@pytest.mark.parametrize("name", STRATEGIES)
def test_same_merged_events_at_any_granularity_when_stopped_early(name):
    _, ref = run(fresh(), STRATEGIES["giant"](), STOPPED)
    agg, happened = run(fresh(), STRATEGIES[name](), STOPPED)
    assert keyed(happened) == keyed(ref)
    # Off 40 s after it went on, within its first minute: a mis-key, so no skin rest follows.
    assert [type(e) for e in of(ref, "ice")] == [SkinCheckDue, ApplicationEnded]


@pytest.mark.parametrize("name", ["0.1s", "1s", "random"])
def test_same_merged_events_at_any_fine_granularity_with_the_alarm(name):
    _, ref = run(fresh(), STRATEGIES["1s"](), ACKED)
    _, happened = run(fresh(), STRATEGIES[name](), ACKED)
    assert keyed(happened) == keyed(ref)


def test_a_giant_step_keeps_every_routine_event_and_every_record():
    _, fine = run(fresh(), steps(1.0), ACKED)
    _, giant = run(fresh(), [ACK, END], ACKED)
    assert keyed(h for h in giant if h.activity == "routine") == \
        keyed(h for h in fine if h.activity == "routine")
    records = (ApplicationEnded, RoundOffered)
    assert keyed(h for h in giant if isinstance(h.event, records)) == \
        keyed(h for h in fine if isinstance(h.event, records))
    # Only the cue that is current when the shell looks: the latest alarm, no skin check.
    cues = [h.event for h in giant if isinstance(h.event, (AlarmRang, SkinCheckDue))]
    assert cues == [AlarmRang(R0 + ICE_AT + MIN + 30, 2)]
    reals = [h.real for h in giant]
    assert reals == sorted(reals)


def test_advance_is_idempotent_and_ignores_time_going_back():
    agg, _ = A.advance(fresh(), at(70))
    again, happened = A.advance(agg, at(70))
    assert happened == () and again == agg
    back, happened = A.advance(agg, at(30))
    assert happened == () and back == agg


def test_equal_moments_keep_the_order_the_activities_were_added():
    # The ice ends (real) exactly when the routine's first exercise starts (mono T0 + 10).
    ice = T.start("ice", R0 + 10 - MIN, length=MIN)
    session = S.start(PLAN, T0)[0]
    a = A.add(A.add(A.Activities(), "routine", A.SESSION, session), "ice", T.DRIVER, ice)
    b = A.add(A.add(A.Activities(), "ice", T.DRIVER, ice), "routine", A.SESSION, session)
    a, _ = A.advance(a, at(9.5))
    b, _ = A.advance(b, at(9.5))
    _, first = A.advance(a, at(10))
    _, second = A.advance(b, at(10))
    assert [type(h.event) for h in first] == [StepStarted, AlarmRang]
    assert [type(h.event) for h in second] == [AlarmRang, StepStarted]
    assert first[0].real == first[1].real == R0 + 10


def test_a_suspend_rings_one_alarm_and_leaves_the_routine_where_it_was():
    agg, before = A.advance(fresh(), at(30))
    # Three hours asleep: the real clock counts them, the workout clock does not.
    wake = A.Now(mono=T0 + 30.4, real=R0 + 30.4 + 3 * 3600)
    agg, happened = A.advance(agg, wake)
    # The ice ended at 80 s; the latest 30 s slot before 30.4 s + 3 h is 80 s + 358 x 30 s.
    assert of(happened, "ice") == [AlarmRang(R0 + 80 + 358 * 30, T.MAX_LEVEL)]
    assert of(happened, "routine") == []
    assert A.get(agg, "routine").clock == T0 + 30.4
    assert min(h.real for h in happened) >= max(h.real for h in before)
    assert A.view(agg, "ice", wake).ended_ago == "ended 2 h 59 min ago"


def test_commands_advance_everything_first_and_come_after_what_was_due():
    agg, _ = A.advance(fresh(), at(5))
    agg, happened = A.command(agg, "routine", S.pause, at(45))
    assert happened and all(h.real <= R0 + 45 for h in happened)
    assert A.get(agg, "routine").paused
    assert of(happened, "ice") == []  # its halfway is at 50 s
    agg, happened = A.command(agg, "ice", T.stop_early, at(55), "numb")
    assert [type(h.event) for h in happened] == [SkinCheckDue, ApplicationEnded]
    assert happened[-1].event.reason == "numb" and happened[-1].real == R0 + 55
    with pytest.raises(KeyError, match="no running activity named 'heat'"):
        A.command(agg, "heat", T.acknowledge, at(60))


def test_add_remove_and_names():
    agg = fresh()
    assert A.names(agg) == ("routine", "ice")
    with pytest.raises(ValueError, match="'ice' is already running"):
        A.add(agg, "ice", T.DRIVER, T.start("heat", R0))
    agg = A.remove(agg, "ice")
    assert A.names(agg) == ("routine",) and A.get(agg, "ice") is None
    assert A.remove(agg, "ice") == agg
    assert A.view(agg, "ice", at(0)) is None


def test_views_for_a_status_line():
    agg, _ = A.advance(fresh(), at(20 + 12.5))
    views = dict(A.views(agg, at(32.5)))
    assert views["ice"].line == "0:48 left" and views["ice"].label == "Ice"
    assert views["routine"].title == "A"
    assert A.animated(agg, "routine") is False and A.animated(agg, "ice") is False


# --- the wake-up -------------------------------------------------------------------------


def test_nothing_running_means_no_wake_up():
    assert A.wake_delay(A.Activities(), at(0)) is None
    assert A.next_deadline(A.Activities(), at(0)) is None


def test_a_routine_wakes_the_shell_at_its_next_event():
    agg = A.add(A.Activities(), "routine", A.SESSION, S.start(PLAN, T0)[0])
    agg, _ = A.advance(agg, at(3.25))
    assert A.wake_delay(agg, at(3.25)) == pytest.approx(0.75 + SLACK)
    assert A.next_deadline(agg, at(3.25)) == pytest.approx(T0 + 4 + SLACK)
    paused, _ = A.command(agg, "routine", S.pause, at(3.5))
    assert A.wake_delay(paused, at(3.5)) is None


def test_a_real_clock_deadline_far_away_still_wakes_the_shell_every_second():
    agg = A.add(A.Activities(), "ice", T.DRIVER, T.start("ice", R0))
    agg, _ = A.advance(agg, at(0.2))
    assert A.wake_delay(agg, at(0.2)) == A.SUSPEND_CHECK == 1.0
    # On screen, its countdown asks for the next whole second.
    assert A.wake_delay(agg, at(0.2), visible=["ice"]) == pytest.approx(0.8 + SLACK)


def test_with_a_real_clock_timer_the_shell_waits_for_the_real_deadline_itself():
    ice = A.add(A.Activities(), "ice", T.DRIVER, T.start("ice", R0))
    ice, _ = A.advance(ice, at(0.2))
    mono, real = A.wake_times(ice, at(0.2))
    # No SUSPEND_CHECK: the skin check at 10 minutes is armed on the real clock.
    assert mono is None and real == pytest.approx(T.DRIVER.deadline(A.get(ice, "ice")))
    assert real - at(0.2).real > 5 * MIN
    assert A.wake_times(ice, at(0.2), visible=["ice"])[1] == pytest.approx(at(0.2).real + 0.8 + SLACK)
    both = A.add(ice, "routine", A.SESSION, S.start(PLAN, T0)[0])
    both, _ = A.advance(both, at(3.25))
    mono, real = A.wake_times(both, at(3.25))
    assert mono == pytest.approx(0.75 + SLACK)  # the routine's next second, on the loop
    assert real == pytest.approx(T.DRIVER.deadline(A.get(both, "ice")))
    assert A.wake_times(A.Activities(), at(0)) == (None, None)


def test_the_earliest_of_all_wins_and_a_due_deadline_is_now():
    agg, _ = A.advance(fresh(), at(49.6))
    # The skin check is due at 50 s on the real clock: 0.4 s away.
    assert A.wake_delay(agg, at(49.6)) == pytest.approx(0.4)
    assert A.wake_delay(agg, at(50.0)) == 0.0


def test_no_wake_up_once_everything_has_finished():
    agg, _ = run(fresh(), [END], ACKED)
    agg, _ = A.advance(agg, at(END + 10 * MIN))
    assert A.wake_delay(agg, at(END + 10 * MIN), visible=A.names(agg)) is None



def test_the_break_schedule_runs_in_the_aggregate() -> None:
    # The break schedule plugs into the aggregate like the other activities: its prompt
    # comes out of the aggregate's advance, on the real clock, at the schedule's moment.
    from tui.engine import activities as A
    from tui.engine.breaks import schedule as breaks
    from tui.engine.events import BreakDue

    from .breakcase import BERLIN, at, schedule

    start = at(BERLIN, 2026, 3, 2, 8, 30)
    state, _ = breaks.start(schedule(), start)
    agg = A.add(A.Activities(), "breaks", breaks.DRIVER, state)
    due = at(BERLIN, 2026, 3, 2, 9, 20)
    agg, happened = A.advance(agg, A.Now(mono=0.0, real=due))
    prompts = [h for h in happened if isinstance(h.event, BreakDue)]
    assert [h.event.at for h in prompts] == [due]


def test_put_replaces_in_place_or_adds_at_the_end() -> None:
    from tui.engine import activities as A
    from tui.engine.care import thermal

    agg = A.put(A.Activities(), "ice", thermal.DRIVER, thermal.start("ice", 0.0))
    agg = A.put(agg, "heat", thermal.DRIVER, thermal.start("heat", 0.0))
    agg = A.put(agg, "ice", thermal.DRIVER, thermal.start("ice", 5.0))
    assert A.names(agg) == ("ice", "heat") and A.get(agg, "ice").started_at == 5.0

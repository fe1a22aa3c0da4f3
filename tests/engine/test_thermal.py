"""Ice and heat: advice, one application from start to the offer of another round, restore."""

from __future__ import annotations

import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.engine.care import thermal as T
from tui.engine.care.episode import Episode, advice
from tui.engine.events import AlarmRang, ApplicationEnded, RoundOffered, SkinCheckDue

from .factories import signatures

#: Real-clock start: not zero, so a forgotten offset shows up.
R0 = 50_000.0
MIN = 60.0
HOUR = 3600.0


def run(a: T.Application, moments, commands=()):
    """Advance to each moment in turn; `commands` are (moment, fn, *args) run on the way."""
    pending = sorted(commands, key=lambda c: c[0])
    out = []
    for now in moments:
        while pending and pending[0][0] <= now:
            at, fn, *args = pending.pop(0)
            a, events = fn(a, at, *args)
            out += events
        a, events = T.advance(a, now)
        out += events
    for at, fn, *args in pending:
        a, events = fn(a, at, *args)
        out += events
    return a, out


def steps(start: float, end: float, dt: float) -> list[float]:
    """Moments every `dt` after `start`, up to and including `end`."""
    n = int(round((end - start) / dt, 6))
    return [start + i * dt for i in range(1, n + 1)] + [end]


def random_steps(start: float, end: float, most: float = 7.0) -> list[float]:
    rng, out, now = random.Random(0), [], start
    while (now := now + rng.uniform(0.01, most)) < end:
        out.append(now)
    return out + [end]


# --- advice ----------------------------------------------------------------------------


@pytest.mark.parametrize(("hours", "kind"), [(0, "ice"), (2, "ice"), (36, "ice"), (47.9, "ice"),
                                             (48, "heat"), (24 * 7, "heat")])
def test_ice_in_the_first_48_hours_then_heat(hours, kind):
    got, reason = advice(Episode(R0), R0 + hours * HOUR)
    assert got == kind
    assert "48 hours" in reason and "\n" not in reason


def test_the_users_choice_wins_and_the_reason_says_what_is_usual():
    kind, reason = advice(Episode(R0), R0 + 3 * 24 * HOUR, choice="ice")
    assert kind == "ice"
    assert "your choice" in reason and "heat" in reason
    assert advice(Episode(R0), R0 + HOUR, choice="ice")[0] == "ice"


def test_a_start_in_the_future_counts_as_just_started():
    assert advice(Episode(R0 + HOUR), R0)[0] == "ice"


def test_advice_refuses_an_unknown_choice():
    with pytest.raises(ValueError, match="'ice' or 'heat'"):
        advice(Episode(R0), R0, choice="warm")


# --- one whole application ---------------------------------------------------------------


def test_a_whole_application_skin_check_alarm_rest_and_a_second_round():
    assert (T.start("ice", R0).length, T.start("ice", R0).rest) == (15 * MIN, 20 * MIN)  # the defaults
    a = T.start("ice", R0, length=20 * MIN)
    ack = R0 + 20 * MIN + 45
    a, events = run(a, steps(R0, R0 + 45 * MIN, 1.0), [(ack, T.acknowledge)])
    assert events == [
        SkinCheckDue(R0 + 10 * MIN, "ice"),
        AlarmRang(R0 + 20 * MIN, 1),
        AlarmRang(R0 + 20 * MIN + 30, 2),
        ApplicationEnded(ack, "ice", R0, ack, 20 * MIN, "finished", None),
        RoundOffered(ack + 20 * MIN, "ice"),
    ]
    assert T.finished(a) and T.deadline(a) is None
    assert T.view(a, R0 + HOUR).phase is T.Phase.DONE

    # Another round, heat this time and shorter: the same path again.
    second_at = R0 + HOUR
    b = T.start("heat", second_at, length=5 * MIN, rest=5 * MIN)
    b, events = run(b, steps(second_at, second_at + 12 * MIN, 0.5),
                    [(second_at + 5 * MIN + 1, T.acknowledge)])
    assert [type(e) for e in events] == [SkinCheckDue, AlarmRang, ApplicationEnded, RoundOffered]
    assert events[0].at == second_at + 2.5 * MIN and events[0].kind == "heat"
    assert events[2].outcome == "finished" and events[2].kind == "heat"
    assert events[3].at == second_at + 5 * MIN + 1 + 5 * MIN


def test_the_view_through_the_phases():
    a = T.start("heat", R0, length=10 * MIN, rest=4 * MIN)
    v = T.view(a, R0 + 2 * MIN)
    assert (v.phase, v.remaining, v.skin_check, v.line) == (T.Phase.ON, 8 * MIN, False, "8:00 left")
    assert v.progress == pytest.approx(0.2) and v.label == "Heat"
    assert T.view(a, R0 + 5 * MIN).skin_check
    a, _ = T.advance(a, R0 + 10 * MIN + 95)
    v = T.view(a, R0 + 10 * MIN + 95)
    assert (v.phase, v.level, v.remaining) == (T.Phase.ALARM, 4, None)
    assert v.overdue == pytest.approx(95) and v.ended_ago == "ended 1 min 35 s ago"
    assert v.line == "ended 1 min 35 s ago: take it off now"
    a, _ = T.acknowledge(a, R0 + 12 * MIN)
    v = T.view(a, R0 + 13 * MIN)
    assert (v.phase, v.remaining, v.line) == (T.Phase.REST, 3 * MIN, "skin rest, 3:00 left")
    assert v.progress == pytest.approx(0.25)


def test_the_skin_check_names_what_to_look_for():
    assert set(T.SKIN_SIGNS) == {"numb", "very white or waxy", "bright red", "blistered"}


def test_the_alarm_repeats_louder_until_acknowledged_and_its_level_is_capped():
    a = T.start("ice", R0, length=2 * MIN)
    end = R0 + 2 * MIN
    a, events = run(a, steps(R0, end + 10 * MIN, 1.0))
    alarms = [e for e in events if isinstance(e, AlarmRang)]
    assert [e.at for e in alarms] == [end + k * 30 for k in range(21)]
    assert [e.level for e in alarms] == [1, 2, 3, 4] + [T.MAX_LEVEL] * 17
    a, events = T.acknowledge(a, end + 10 * MIN + 3)
    assert [type(e) for e in events] == [ApplicationEnded]
    a, events = run(a, steps(end + 10 * MIN + 3, end + 20 * MIN, 1.0))
    assert not any(isinstance(e, AlarmRang) for e in events)


def test_acknowledge_does_nothing_while_the_pack_is_still_in_its_time():
    a = T.start("ice", R0, length=20 * MIN)
    b, events = T.acknowledge(a, R0 + 5 * MIN)
    assert events == () and b.phase is T.Phase.ON and b.off_at is None


# --- stopping early ----------------------------------------------------------------------


def test_stop_early_records_the_reason_and_starts_the_skin_rest():
    a = T.start("heat", R0, length=20 * MIN, rest=10 * MIN)
    stop = R0 + 12 * MIN
    a, events = run(a, steps(R0, R0 + HOUR, 1.0), [(stop, T.stop_early, "  skin bright red ")])
    assert events == [
        SkinCheckDue(R0 + 10 * MIN, "heat"),
        ApplicationEnded(stop, "heat", R0, stop, 20 * MIN, "stopped", "skin bright red"),
        RoundOffered(stop + 10 * MIN, "heat"),
    ]
    assert T.view(a, stop + MIN).stopped == "skin bright red"


def test_taken_off_within_its_first_minute_it_starts_no_skin_rest():
    """A mis-key (on, then off at once) must not block the next round for the skin rest."""
    a = T.start("ice", R0, length=15 * MIN, rest=20 * MIN)
    a, events = T.stop_early(a, R0 + 40, "taken off early")
    assert events == (ApplicationEnded(R0 + 40, "ice", R0, R0 + 40, 15 * MIN, "stopped", "taken off early"),)
    assert a.phase is T.Phase.DONE
    assert not T.view(a, R0 + 41).rested  # the screen must not say it rested
    b = T.start("ice", R0, length=15 * MIN, rest=20 * MIN)
    b, _ = T.stop_early(b, R0 + 61, "taken off early")
    assert b.phase is T.Phase.REST  # past the first minute: the skin rests as usual
    b, _ = T.advance(b, R0 + 61 + 20 * MIN)
    assert T.view(b, b.clock).rested


def test_stop_early_needs_a_reason_and_only_acts_while_on():
    a = T.start("ice", R0, length=2 * MIN)
    with pytest.raises(ValueError, match="needs a reason"):
        T.stop_early(a, R0 + 10, "  ")
    a, _ = T.advance(a, R0 + 3 * MIN)
    b, events = T.stop_early(a, R0 + 3 * MIN, "numb")
    assert events == () and b == a


# --- jumps, idempotence, time going back -------------------------------------------------


def test_a_three_hour_jump_past_the_end_rings_one_alarm_and_no_old_cues():
    a = T.start("heat", R0, length=20 * MIN)
    a, early = T.advance(a, R0 + 5 * MIN)
    assert early == ()
    wake = R0 + 20 * MIN + 2 * HOUR + 45 * MIN + 10
    a, events = T.advance(a, wake)
    assert events == (AlarmRang(R0 + 20 * MIN + 2 * HOUR + 45 * MIN, T.MAX_LEVEL),)
    v = T.view(a, wake)
    assert v.ended_ago == "ended 2 h 45 min ago" and v.level == T.MAX_LEVEL
    # The alarm goes on from there, at the current level, until taken off.
    a, events = T.advance(a, wake + 25)
    assert events == (AlarmRang(R0 + 20 * MIN + 2 * HOUR + 45 * MIN + 30, T.MAX_LEVEL),)
    a, events = T.acknowledge(a, wake + 30)
    assert events == (ApplicationEnded(wake + 30, "heat", R0, wake + 30, 20 * MIN, "finished",
                                       None),)


def test_a_jump_over_halfway_that_is_still_on_gives_the_skin_check():
    a = T.start("ice", R0, length=20 * MIN)
    a, events = T.advance(a, R0 + 19 * MIN)
    assert events == (SkinCheckDue(R0 + 10 * MIN, "ice"),)


def test_advance_is_idempotent_and_ignores_time_going_back():
    a = T.start("ice", R0, length=2 * MIN)
    for now in (R0 + 60, R0 + 120, R0 + 150.5):
        a, first = T.advance(a, now)
        assert first
        b, again = T.advance(a, now)
        assert again == () and b == a
        c, back = T.advance(a, now - 40)
        assert back == () and c == a
    a, _ = T.acknowledge(a, R0 + 151)
    b, events = T.acknowledge(a, R0 + 151)
    assert events == () and b == a


def test_events_carry_their_own_moment_and_come_in_order():
    a = T.start("ice", R0, length=4 * MIN, rest=MIN)
    _, events = run(a, random_steps(R0, R0 + 20 * MIN), [(R0 + 5 * MIN + 7, T.acknowledge)])
    ats = [e.at for e in events]
    assert ats == sorted(ats)
    assert all(e.at in {R0 + 2 * MIN, R0 + 5 * MIN + 7, R0 + 6 * MIN + 7}
               or (e.at - (R0 + 4 * MIN)) % 30 == 0 for e in events)


# --- granularity -------------------------------------------------------------------------


STOP = R0 + 15 * MIN
ACK = R0 + 20 * MIN + 100
END = R0 + 90 * MIN
STRATEGIES = {
    "0.1s": lambda: steps(R0, END, 0.1),
    "1s": lambda: steps(R0, END, 1.0),
    "random": lambda: random_steps(R0, END),
    "giant": lambda: [END],
}


@pytest.mark.parametrize("name", STRATEGIES)
def test_stopped_early_same_events_at_any_granularity(name):
    a = T.start("heat", R0, length=20 * MIN)
    ref_state, ref = run(a, STRATEGIES["giant"](), [(STOP, T.stop_early, "too hot")])
    state, events = run(a, STRATEGIES[name](), [(STOP, T.stop_early, "too hot")])
    assert signatures(events) == signatures(ref)
    assert [type(e) for e in ref] == [SkinCheckDue, ApplicationEnded, RoundOffered]
    assert state == ref_state


@pytest.mark.parametrize("name", ["0.1s", "1s", "random"])
def test_alarm_then_acknowledged_same_events_at_any_fine_granularity(name):
    a = T.start("ice", R0, length=20 * MIN)
    ref_state, ref = run(a, STRATEGIES["1s"](), [(ACK, T.acknowledge)])
    state, events = run(a, STRATEGIES[name](), [(ACK, T.acknowledge)])
    assert signatures(events) == signatures(ref)
    assert [e.level for e in ref if isinstance(e, AlarmRang)] == [1, 2, 3, 4]
    assert state == ref_state


def test_one_giant_step_to_the_acknowledgement_keeps_the_records_and_only_the_current_cue():
    a = T.start("ice", R0, length=20 * MIN)
    fine_state, fine = run(a, STRATEGIES["1s"](), [(ACK, T.acknowledge)])
    state, events = run(a, [ACK, END], [(ACK, T.acknowledge)])
    records = (ApplicationEnded, RoundOffered)
    assert signatures(e for e in events if isinstance(e, records)) == \
        signatures(e for e in fine if isinstance(e, records))
    # Half-way passed while nobody looked, and the pack is past its end: the skin check
    # is out of date; of four alarm repeats, the current one rings.
    assert events[0] == AlarmRang(R0 + 20 * MIN + 90, 4)
    assert not any(isinstance(e, SkinCheckDue) for e in events)
    assert state == fine_state


# --- deadlines and the shown second ------------------------------------------------------


def test_deadlines_walk_through_every_event_moment():
    a = T.start("ice", R0, length=2 * MIN, rest=MIN)
    seen = []
    while (due := T.deadline(a)) is not None and len(seen) < 6:
        seen.append(due)
        a, events = T.advance(a, due)
        assert events, due
        if isinstance(events[-1], AlarmRang) and events[-1].level == 3:
            a, _ = T.acknowledge(a, due + 0.5)
    assert seen == [R0 + 60, R0 + 120, R0 + 150, R0 + 180, R0 + 180.5 + 60]


@pytest.mark.parametrize(("into", "wait"), [(0.0, 1.0), (0.25, 0.75), (59.5, 0.5)])
def test_the_shown_second_changes_on_the_whole_second(into, wait):
    a = T.start("heat", R0, length=2 * MIN)
    from tui.engine.cadence import SLACK
    assert T.next_change(a, R0 + into) == pytest.approx(wait + SLACK)
    # Counting up after the end: "ended 12 s ago".
    assert T.next_change(a, R0 + 2 * MIN + 12.25) == pytest.approx(0.75 + SLACK)


def test_nothing_changes_once_rested():
    a = T.start("ice", R0, length=MIN, rest=MIN)
    a, _ = T.acknowledge(a, R0 + MIN + 1)
    a, _ = T.advance(a, R0 + 3 * MIN)
    assert T.next_change(a, R0 + 3 * MIN) is None and T.deadline(a) is None


# --- bounds ------------------------------------------------------------------------------


@pytest.mark.parametrize("length", [0, 59.9, 20 * MIN + 1, 45 * MIN, -MIN, math.nan, math.inf])
def test_lengths_outside_one_to_twenty_minutes_are_refused(length):
    with pytest.raises(ValueError, match=r"an application lasts 1 to 20 minutes.*never more than 20"):
        T.start("ice", R0, length=length)


@pytest.mark.parametrize("rest", [0, 30, 181 * MIN])
def test_skin_rests_outside_their_bounds_are_refused(rest):
    with pytest.raises(ValueError, match="the skin rest lasts 1 to 180 minutes"):
        T.start("ice", R0, rest=rest)


def test_the_bounds_themselves_are_allowed_and_unknown_kinds_refused():
    assert T.start("ice", R0, length=MIN, rest=MIN).length == MIN
    assert T.start("heat", R0, length=20 * MIN, rest=120 * MIN).rest == 120 * MIN
    with pytest.raises(ValueError, match="kind must be 'ice' or 'heat', not 'hot'"):
        T.start("hot", R0)


# --- restore -----------------------------------------------------------------------------


@pytest.mark.parametrize("at", [30, 9 * MIN, 10 * MIN + 1, 19 * MIN + 59.5])
def test_restored_while_on_it_shows_the_same_time_left(at):
    live, _ = run(T.start("ice", R0, length=20 * MIN), steps(R0, R0 + at, 1.0) + [R0 + at])
    restored, events = T.restore("ice", R0, 20 * MIN, R0 + at)
    assert T.view(restored, R0 + at) == T.view(live, R0 + at)
    assert T.view(restored, R0 + at).remaining == pytest.approx(20 * MIN - at)
    # In the second half the skin check comes again, as a reminder; nothing else.
    assert events == ((SkinCheckDue(R0 + 10 * MIN, "ice"),) if at >= 10 * MIN else ())


def test_restored_after_the_end_rings_once_and_says_how_long_ago():
    now = R0 + 20 * MIN + 2 * HOUR + 45 * MIN + 5
    a, events = T.restore("heat", R0, 20 * MIN, now)
    assert events == (AlarmRang(R0 + 20 * MIN + 2 * HOUR + 45 * MIN, T.MAX_LEVEL),)
    assert T.view(a, now).ended_ago == "ended 2 h 45 min ago"
    a, events = T.acknowledge(a, now + 1)
    assert events[0].outcome == "finished" and events[0].ended_at == now + 1


def test_restored_during_the_skin_rest_and_after_it():
    off = R0 + 21 * MIN
    a, events = T.restore("ice", R0, 20 * MIN, off + 5 * MIN, rest=20 * MIN, off_at=off)
    assert events == () and T.view(a, off + 5 * MIN).remaining == 15 * MIN
    a, events = T.restore("ice", R0, 20 * MIN, off + 25 * MIN, rest=20 * MIN, off_at=off)
    assert events == (RoundOffered(off + 20 * MIN, "ice"),) and T.finished(a)


def test_restored_after_stopping_early_keeps_the_reason():
    off = R0 + 7 * MIN
    a, events = T.restore("heat", R0, 20 * MIN, off + MIN, off_at=off, reason="numb")
    assert events == ()
    v = T.view(a, off + MIN)
    assert (v.phase, v.stopped, v.remaining) == (T.Phase.REST, "numb", 19 * MIN)


def test_restore_refuses_what_cannot_have_happened():
    with pytest.raises(ValueError, match="before it was put on"):
        T.restore("ice", R0, 20 * MIN, R0 + HOUR, off_at=R0 - 1)
    with pytest.raises(ValueError, match="off_at"):
        T.restore("ice", R0, 20 * MIN, R0 + HOUR, reason="numb")
    with pytest.raises(ValueError, match="1 to 20 minutes"):
        T.restore("ice", R0, 40 * MIN, R0 + HOUR)


# --- any way of looking ------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(gaps=st.lists(st.floats(0.01, 900), min_size=1, max_size=60),
       ack_after=st.floats(0, 3 * 3600))
def test_any_way_of_looking_gives_the_same_records_and_at_most_one_alarm_per_look(gaps, ack_after):
    a = T.start("heat", R0, length=10 * MIN, rest=5 * MIN)
    ack = R0 + 10 * MIN + ack_after
    moments, now = [], R0
    for gap in gaps:
        now += gap
        moments.append(now)
    looks, acked = [], False
    for m in moments + [ack + 6 * MIN]:
        if not acked and ack <= m:
            a, got = T.acknowledge(a, ack)
            acked = True
            looks.append(got)
        a, got = T.advance(a, m)
        looks.append(got)
    events = [e for got in looks for e in got]
    assert [e for e in events if isinstance(e, (ApplicationEnded, RoundOffered))] == [
        ApplicationEnded(ack, "heat", R0, ack, 10 * MIN, "finished", None),
        RoundOffered(ack + 5 * MIN, "heat"),
    ]
    # Each look rings at most one alarm, on a 30 s slot after the end, never louder than due.
    for got in looks:
        alarms = [e for e in got if isinstance(e, AlarmRang)]
        assert len(alarms) <= 1
        for e in alarms:
            k = round((e.at - (R0 + 10 * MIN)) / T.ALARM_EVERY)
            assert e.at == pytest.approx(R0 + 10 * MIN + k * T.ALARM_EVERY)
            assert e.level == min(k + 1, T.MAX_LEVEL) and e.at <= ack
    ats = [e.at for e in events]
    assert ats == sorted(ats)


# --- how often: ice every 2 hours, heat 3 times a day ------------------------------------


@pytest.mark.parametrize(("kind", "length", "rest", "expected"), [
    ("ice", 15 * MIN, 20 * MIN, 105 * MIN),   # the next ice 2 hours after this one began
    ("ice", 20 * MIN, 20 * MIN, 100 * MIN),
    ("ice", 15 * MIN, 110 * MIN, 110 * MIN),  # a longer skin rest setting still counts
    ("heat", 15 * MIN, 20 * MIN, 20 * MIN),   # heat: the skin rest alone
])
def test_the_rest_after_ice_lasts_until_two_hours_after_its_start(kind, length, rest, expected):
    assert T.round_rest(kind, length, rest, 120 * MIN) == expected
    assert T.round_rest("ice", 1 * MIN, 200 * MIN, 180 * MIN) == T.MAX_REST


def test_heat_three_times_a_day():
    assert [T.heat_left(n, 3) for n in range(5)] == [3, 2, 1, 0, 0]

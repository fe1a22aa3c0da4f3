"""The break schedule against the clock: daylight saving, suspend, the real-clock offset,
how often it is called, time going back, and rebuilding it after a restart."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from tui.engine.breaks import schedule as B
from tui.engine.events import (
    BreakDue, BreakHeadsUp, BreakSnoozed, BreakTaken, WorkHoursEnded, WorkHoursStarted,
)

from .breakcase import (
    ALL_WEEK, BERLIN, NEW_YORK, Act, at, drive, every_deadline, named, only, schedule, wall,
)
from .factories import signatures

HOUR = 3600.0


def mon(h: int, mi: int = 0, s: float = 0.0) -> float:
    return at(BERLIN, 2026, 3, 2, h, mi, s)


def started(now: float = mon(8, 30), sch: B.Schedule | None = None, offset: float = 0.0,
            ) -> B.Breaks:
    return B.start(sch or schedule(), now, offset)[0]


# --- daylight saving -------------------------------------------------------------------

#: The four change days of 2026 (all Sundays): spring forward, fall back.
CHANGES = [
    pytest.param(BERLIN, date(2026, 3, 29), -1, id="berlin-spring"),
    pytest.param(BERLIN, date(2026, 10, 25), +1, id="berlin-fall"),
    pytest.param(NEW_YORK, date(2026, 3, 8), -1, id="new-york-spring"),
    pytest.param(NEW_YORK, date(2026, 11, 1), +1, id="new-york-fall"),
]


def _offset_hours(zone: ZoneInfo, day: date, h: int) -> float:
    moment = datetime.combine(day, time(h), tzinfo=zone)
    delta = moment.utcoffset()
    assert delta is not None
    return delta.total_seconds() / HOUR


@pytest.mark.parametrize("zone, day, change", CHANGES)
def test_a_change_day_moves_neither_working_hours_nor_prompts(zone: ZoneInfo, day: date,
                                                              change: int) -> None:
    # The test spans the change: the UTC offset differs on either side of it.
    assert _offset_hours(zone, day, 12) - _offset_hours(zone, day, 0) == -change
    before = day - timedelta(days=1)
    sch = schedule(zone, days=ALL_WEEK)
    start = datetime.combine(before, time(8), tzinfo=zone).timestamp()
    end = datetime.combine(day + timedelta(days=1), time(18), tzinfo=zone).timestamp()
    _, events = every_deadline(B.start(sch, start)[0], end, on_due=B.skip)
    expected_prompts = [f"{h:02d}:{m:02d}:00" for h in range(9, 17) for m in (0, 20, 40)][1:]
    for d in (before, day, day + timedelta(days=1)):
        tag = d.strftime("%a")
        mine = [(n, w[4:]) for n, w in named(events, zone) if w.startswith(tag)]
        assert mine[0] == ("WorkHoursStarted", "09:00:00")
        assert mine[-1] == ("WorkHoursEnded", "17:00:00")
        assert [w for n, w in mine if n == "BreakDue"] == expected_prompts
        assert [w for n, w in mine if n == "BreakHeadsUp"] == [
            f"{w[:3]}{int(w[3:5]) - 1:02d}:30" if w[3:5] != "00" else f"{int(w[:2]) - 1:02d}:59:30"
            for w in expected_prompts]
        dues = [e.at for e in only(events, BreakDue) if wall(zone, e.at).startswith(tag)]
        assert {b - a for a, b in zip(dues, dues[1:])} == {1200.0}
    # Same wall times, so the real moments of the Monday prompts moved by the change.
    first = [e.at for e in only(events, BreakDue)]
    assert first[23] - first[0] == 24 * HOUR + change * HOUR


@pytest.mark.parametrize("zone, day, change", CHANGES)
def test_a_night_span_over_the_change_keeps_every_interval_1200_real_seconds(
        zone: ZoneInfo, day: date, change: int) -> None:
    saturday = day - timedelta(days=1)
    sch = schedule(zone, start=time(22), end=time(6), days=frozenset({saturday.weekday()}))
    start = datetime.combine(saturday, time(21), tzinfo=zone).timestamp()
    end = datetime.combine(day, time(7), tzinfo=zone).timestamp()
    _, events = every_deadline(B.start(sch, start)[0], end, on_due=B.skip)
    seen = named(events, zone)
    assert seen[0] == ("WorkHoursStarted", "Sat 22:00:00")
    assert seen[-1] == ("WorkHoursEnded", "Sun 06:00:00")
    dues = [e.at for e in only(events, BreakDue)]
    assert {b - a for a, b in zip(dues, dues[1:])} == {1200.0}
    # Eight wall hours are seven real ones in spring, nine in the fall: 20 or 26 prompts.
    span = only(events, WorkHoursEnded)[0].at - only(events, WorkHoursStarted)[0].at
    assert span == (8 + change) * HOUR
    assert len(dues) == 3 * (8 + change) - 1


def test_an_interval_across_spring_forward_is_20_real_minutes_shown_as_80_on_the_wall() -> None:
    sch = schedule(BERLIN, start=time(22), end=time(6), days=ALL_WEEK)
    s = started(at(BERLIN, 2026, 3, 29, 1, 40), sch)
    _, events = B.advance(s, at(BERLIN, 2026, 3, 29, 3, 30))
    assert named(only(events, BreakDue), BERLIN) == [("BreakDue", "Sun 03:00:00")]
    assert only(events, BreakDue)[0].at - s.clock == 1200


def test_an_interval_across_fall_back_is_20_real_minutes_though_the_wall_says_minus_40() -> None:
    sch = schedule(NEW_YORK, start=time(22), end=time(6), days=ALL_WEEK)
    s = started(at(NEW_YORK, 2026, 11, 1, 1, 50), sch)  # the first 01:50 (daylight time)
    _, events = B.advance(s, s.clock + 1500)
    assert named(only(events, BreakDue), NEW_YORK) == [("BreakDue", "Sun 01:10:00")]
    assert only(events, BreakDue)[0].at - s.clock == 1200


# --- suspend ------------------------------------------------------------------------------


def test_a_suspend_across_a_break_counts_as_the_break_and_nothing_fires_inside_it() -> None:
    s, _ = B.advance(started(), mon(9, 15))
    s, events = B.suspended(s, mon(9, 15), mon(9, 40))
    assert events == (BreakTaken(mon(9, 15), "suspend"),)
    s, seen = B.advance(s, mon(9, 40))
    assert seen == ()
    s, events = B.advance(s, mon(10, 1))
    assert named(events, BERLIN) == [("BreakHeadsUp", "Mon 09:59:30"), ("BreakDue", "Mon 10:00:00")]
    c = B.view(s, mon(10, 1)).counts
    assert (c.taken, c.natural) == (1, 1)


def test_a_short_suspend_is_plain_elapsed_time_and_delivers_what_fell_inside() -> None:
    s, _ = B.advance(started(), mon(9, 19))
    s, events = B.suspended(s, mon(9, 19), mon(9, 20, 30))
    assert events == ()
    _, events = B.advance(s, mon(9, 20, 30))
    assert named(events, BERLIN) == [("BreakHeadsUp", "Mon 09:19:30"), ("BreakDue", "Mon 09:20:00")]


def test_a_suspend_exactly_a_break_long_counts() -> None:
    s, _ = B.advance(started(), mon(9, 19))
    _, events = B.suspended(s, mon(9, 19), mon(9, 21))
    assert events == (BreakTaken(mon(9, 19), "suspend"),)


def test_a_suspend_over_an_open_prompt_takes_the_break() -> None:
    s, _ = B.advance(started(), mon(9, 25))
    s, events = B.suspended(s, mon(9, 25), mon(9, 35))
    assert only(events, BreakTaken)
    s, _ = B.advance(s, mon(9, 35))
    assert B.view(s, mon(9, 35)).status == "working" and s.due == mon(9, 55)


def test_a_night_suspend_closes_the_day_and_work_counts_from_the_wake() -> None:
    s, _ = B.advance(started(), mon(16, 55))
    s, events = B.suspended(s, mon(16, 55), at(BERLIN, 2026, 3, 3, 9, 5))
    s, more = B.advance(s, at(BERLIN, 2026, 3, 3, 9, 30))
    assert named(events + more, BERLIN) == [
        ("BreakTaken", "Mon 16:55:00"), ("WorkHoursEnded", "Mon 17:00:00"),
        ("WorkHoursStarted", "Tue 09:00:00"), ("BreakHeadsUp", "Tue 09:24:30"),
        ("BreakDue", "Tue 09:25:00")]


def test_a_morning_suspend_into_working_hours_holds_work_until_the_wake() -> None:
    s = started(mon(8))
    s, events = B.suspended(s, mon(8, 30), mon(9, 30))
    assert events == ()  # not a working break: work had not started
    _, events = B.advance(s, mon(9, 51))
    assert named(events, BERLIN) == [("WorkHoursStarted", "Mon 09:00:00"),
                                     ("BreakHeadsUp", "Mon 09:49:30"), ("BreakDue", "Mon 09:50:00")]


@pytest.mark.parametrize("setup", ["meeting", "pause", "routine"])
def test_a_suspend_leaves_meetings_pauses_and_routines_their_own_course(setup: str) -> None:
    s, _ = B.advance(started(), mon(9, 10))
    if setup == "meeting":
        s, _ = B.meeting(s, mon(9, 10), mon(9, 40))
    elif setup == "pause":
        s, _ = B.pause(s, mon(9, 10))
    else:
        s, _ = B.start_break(s, mon(9, 10))
    after, events = B.suspended(s, mon(9, 15), mon(9, 35))
    assert events == () and after == B.advance(s, mon(9, 15))[0]


def test_a_suspend_reported_late_counts_only_what_is_left_of_it() -> None:
    s, _ = B.advance(started(), mon(9, 15))
    s, _ = B.advance(s, mon(9, 19))  # the shell advanced before it reported the sleep
    _, events = B.suspended(s, mon(9, 15), mon(9, 20))
    assert events == ()


# --- the real clock and the wall clock ----------------------------------------------------


def test_a_real_clock_with_an_offset_gives_the_same_day_as_the_epoch() -> None:
    boot = 5000.25
    offset = mon(8, 30) - boot
    _, plain = every_deadline(started(), mon(18), on_due=B.snooze)
    _, shifted = every_deadline(started(boot, offset=offset), mon(18) - offset, on_due=B.snooze)
    assert named(shifted, BERLIN, offset) == named(plain, BERLIN)
    assert [e.at + offset - p.at for e, p in zip(shifted, plain)] == pytest.approx(
        [0.0] * len(plain), abs=1e-5)


def test_setting_the_wall_clock_moves_working_hours_but_not_the_interval() -> None:
    s, _ = B.advance(started(), mon(10, 5))
    due = s.due
    # The wall clock is set an hour ahead: 10:05 real-time is now read as 11:05.
    s, events = B.set_offset(s, mon(10, 5), HOUR)
    assert events == () and s.due == due
    _, events = B.advance(s, mon(17))
    assert named(events, BERLIN, HOUR)[-1] == ("WorkHoursEnded", "Mon 17:00:00")
    assert only(events, WorkHoursEnded)[0].at == mon(16)


def test_setting_the_wall_clock_past_the_end_of_the_day_ends_it_at_once() -> None:
    s, _ = B.advance(started(), mon(16, 30))
    s, events = B.set_offset(s, mon(16, 30), 2 * HOUR)
    assert events == (WorkHoursEnded(mon(16, 30)),)
    s, events = B.set_offset(s, mon(16, 40), 9 * HOUR)  # into Tuesday 01:40
    assert events == () and B.view(s, mon(16, 40)).counts.day == date(2026, 3, 3)


def test_an_awkward_offset_never_stalls_on_an_edge() -> None:
    offset = 1_772_000_000.123456789
    s = started(mon(8, 59, 59.9) - offset, offset=offset)
    s, events = B.advance(s, mon(17, 1) - offset)
    assert isinstance(events[0], WorkHoursStarted)
    assert events[0].at + offset == pytest.approx(mon(9), abs=1e-5)
    assert len(only(events, BreakDue)) == 1 and len(only(events, WorkHoursEnded)) == 1


# --- granularity, idempotence, time going back ----------------------------------------------


def _script() -> list[Act]:
    """Two and a half busy hours: every command at a fixed moment."""
    return [
        Act(mon(9, 20, 3.3), B.snooze), Act(mon(9, 25, 10), B.snooze),
        Act(mon(9, 30, 20), B.snooze), Act(mon(9, 30, 21), B.start_break),
        Act(mon(9, 32, 40.7), B.end_break), Act(mon(9, 40), B.pause),
        Act(mon(9, 45, 0.5), B.resume), Act(mon(10, 4, 50), B.meeting, (mon(10, 34, 50),)),
        Act(mon(10, 40, 30), B.break_taken, (True,)),
        Act(mon(10, 45), B.suspended, (mon(10, 49),), asleep_until=mon(10, 49)),
        Act(mon(11, 9, 59), B.skip), Act(mon(11, 12), B.suspended, (mon(11, 13),),
                                         asleep_until=mon(11, 13)),
    ]


START, END = mon(8, 50), mon(11, 20)


def _run(steps: list[float]) -> tuple[B.Breaks, list[tuple[object, ...]]]:
    s, events = drive(started(START), steps, _script())
    return s, signatures(events)


def _grid(dt: float) -> list[float]:
    n = int((END - START) / dt)
    return [START + k * dt for k in range(1, n + 1)] + [END]


def test_the_scripted_morning_gives_the_expected_events() -> None:
    s, events = drive(started(START), [END], _script())
    seen = [(n, w[4:]) for n, w in named(events, BERLIN)]
    assert seen[:6] == [("WorkHoursStarted", "09:00:00"), ("BreakHeadsUp", "09:19:30"),
                        ("BreakDue", "09:20:00"), ("BreakSnoozed", "09:20:03.300000"),
                        ("BreakHeadsUp", "09:24:33.300000"), ("BreakDue", "09:25:03.300000")]
    names = [n for n, _ in seen]
    assert names.count("BreakRefused") == 1 and names.count("BreakTaken") == 3
    c = B.view(s, END).counts
    assert (c.taken, c.natural, c.snoozed, c.skipped, c.meeting) == (3, 2, 2, 1, 1800.0)


@pytest.mark.parametrize("dt", [0.1, 1.0, 7.3, 60.0])
def test_granularity_does_not_change_events_or_the_end_state(dt: float) -> None:
    reference = _run([END])
    assert _run(_grid(dt)) == reference


@pytest.mark.parametrize("seed", range(5))
def test_random_steps_give_the_same_events(seed: int) -> None:
    rng = random.Random(seed)
    steps, t = [], START
    while t < END:
        t += rng.choice([rng.uniform(0, 0.5), rng.uniform(0, 30), rng.uniform(0, 900)])
        steps.append(min(t, END))
    assert _run(steps) == _run([END])


def test_a_whole_week_in_one_step_or_deadline_by_deadline_is_the_same() -> None:
    end = mon(8, 30) + 7 * 24 * HOUR
    one, big = B.advance(started(), end)
    many, small = every_deadline(started(), end)
    assert one == many and signatures(big) == signatures(small)
    assert len(only(big, BreakDue)) == 5  # an unanswered prompt stays open all day


def test_advance_is_idempotent_for_equal_now() -> None:
    s = started()
    for t in (mon(9), mon(9, 19, 30), mon(9, 20), mon(9, 20, 0.5)):
        s, _ = B.advance(s, t)
        again, events = B.advance(s, t)
        assert again == s and events == ()


def test_commands_deliver_what_they_make_due_so_a_repeat_advance_is_quiet() -> None:
    s, _ = B.advance(started(), mon(9, 21))
    s, _ = B.pause(s, mon(9, 21))
    s, events = B.resume(s, mon(9, 30))
    assert events == (BreakDue(mon(9, 30), 2),)
    assert B.advance(s, mon(9, 30)) == (s, ())


def test_now_going_back_is_ignored_and_commands_act_at_the_latest_moment() -> None:
    s, _ = B.advance(started(), mon(9, 20, 30))
    assert B.advance(s, mon(9, 10)) == (s, ())
    s2, events = B.snooze(s, mon(9, 10))
    assert events == (BreakSnoozed(mon(9, 20, 30), mon(9, 25, 30), 1),)
    assert s2.due == mon(9, 25, 30) and s2.clock == mon(9, 20, 30)


def test_next_deadline_is_never_in_the_past() -> None:
    s = started()
    t = mon(8, 30)
    while t < mon(18):
        d = B.next_deadline(s, t)
        assert d > t
        s, _ = B.advance(s, d)
        t = d
    assert B.deadline(s) > s.clock


# --- restoring from the store -----------------------------------------------------------------


def _kept(s: B.Breaks, offset: float = 0.0) -> dict[str, object]:
    """What a store keeps: the next break (wall time), snoozes in a row, today's counts."""
    v = B.view(s, s.clock)
    nxt = None if s.due is None else s.due + offset
    if v.status == "due":
        nxt = s.clock + offset
    return {"next_break": nxt, "snoozes": s.snoozes, "counts": v.counts}


def test_restore_rebuilds_a_running_day_that_then_runs_the_same() -> None:
    s, _ = B.advance(started(), mon(9, 20))
    s, _ = B.snooze(s, mon(9, 20, 5))
    s, _ = B.skip(s, mon(9, 24, 50))
    s, _ = B.advance(s, mon(10))
    s, _ = B.snooze(s, mon(10, 4, 45))
    s, _ = B.advance(s, mon(10, 6))
    r, events = B.restore(schedule(), mon(10, 6), **_kept(s))  # type: ignore[arg-type]
    assert events == ()
    assert B.view(r, mon(10, 6)) == B.view(s, mon(10, 6))
    _, after = every_deadline(s, mon(17, 30), on_due=B.snooze)
    _, after_r = every_deadline(r, mon(17, 30), on_due=B.snooze)
    assert signatures(after_r) == signatures(after)


def test_restore_with_the_next_break_past_prompts_at_once_without_heads_up() -> None:
    counts = B.Counts(date(2026, 3, 2), taken=3)
    r, events = B.restore(schedule(), mon(11), next_break=mon(10, 50), snoozes=1, counts=counts)
    assert events == (BreakDue(mon(11), 1),)
    assert B.view(r, mon(11)).counts == counts


def test_restore_drops_a_next_break_from_an_earlier_day_with_its_snoozes() -> None:
    sunday_counts = B.Counts(date(2026, 3, 1), skipped=4)
    r, events = B.restore(schedule(), mon(10), next_break=mon(10) - 20 * HOUR, snoozes=2,
                          counts=sunday_counts)
    assert events == () and r.due == mon(10, 20) and r.snoozes == 0
    assert B.view(r, mon(10)).counts == B.Counts(date(2026, 3, 2))


def test_restore_clamps_a_next_break_too_far_ahead() -> None:
    r, _ = B.restore(schedule(), mon(10), next_break=mon(15))
    assert r.due == mon(10, 20)


def test_restore_outside_working_hours_waits_for_work() -> None:
    r, events = B.restore(schedule(), mon(7), next_break=mon(7, 10), snoozes=1)
    assert events == () and not r.on_duty
    _, events = B.advance(r, mon(9, 21))
    assert only(events, BreakDue) == [BreakDue(mon(9, 20), 2)]


def test_restore_a_meeting_that_resumes_by_itself_and_a_pause() -> None:
    r, _ = B.restore(schedule(), mon(10), next_break=mon(10, 12), meeting_ends=mon(10, 30))
    assert B.view(r, mon(10)).status == "meeting"
    _, events = B.advance(r, mon(10, 43))
    assert named(events, BERLIN) == [("MeetingEnded", "Mon 10:30:00"),
                                     ("BreakHeadsUp", "Mon 10:41:30"), ("BreakDue", "Mon 10:42:00")]
    p, _ = B.restore(schedule(), mon(10), paused_left=400.0)
    v = B.view(p, mon(11))
    assert (v.status, v.left) == ("paused", 400.0)


def test_restore_on_the_real_clock_takes_wall_times_from_the_store() -> None:
    boot, offset = 777.0, mon(10) - 777.0
    r, _ = B.restore(schedule(), boot, offset, next_break=mon(10, 12), snoozes=1)
    assert r.due == boot + 720 and r.snoozes == 1


def test_heads_up_stamps_are_on_the_clock_they_were_given() -> None:
    s, events = B.advance(started(), mon(9, 19, 30))
    assert events[-1] == BreakHeadsUp(mon(9, 19, 30), mon(9, 20))

"""The break schedule over a working day, on fake epoch seconds (offset 0) in Berlin.

Monday 2 March 2026, working hours 09:00-17:00 Monday to Friday, a break every 20 minutes,
heads-up 30 s, snooze 5 minutes at most twice in a row, a break 2 minutes long.
"""

from __future__ import annotations

from datetime import date, time

import pytest

from tui.engine.breaks import schedule as B
from tui.engine.breaks import view as breakview
from tui.engine.events import (
    BreakDue, BreakHeadsUp, BreakRefused, BreakSkipped, BreakSnoozed, BreakTaken,
    MeetingEnded, MeetingStarted,
)
from tui.engine.breaks.workhours import Hours

from .breakcase import ALL_WEEK, BERLIN, at, every_deadline, named, only, schedule


def mon(h: int, mi: int = 0, s: float = 0.0) -> float:
    return at(BERLIN, 2026, 3, 2, h, mi, s)


SCHEDULE = schedule()


def started(now: float = mon(8, 30), sch: B.Schedule = SCHEDULE) -> B.Breaks:
    s, events = B.start(sch, now)
    assert events == ()
    return s


def to(s: B.Breaks, now: float) -> tuple[B.Breaks, list[tuple[str, str]]]:
    s, events = B.advance(s, now)
    return s, named(events, BERLIN)


# --- the plain day ---------------------------------------------------------------------


def test_first_break_one_interval_after_work_starts_with_heads_up_30_s_before() -> None:
    s = started()
    assert B.view(s, mon(8, 30)).status == "off"
    assert B.view(s, mon(8, 30)).starts_in == 1800
    s, seen = to(s, mon(9, 25))
    assert seen == [("WorkHoursStarted", "Mon 09:00:00"), ("BreakHeadsUp", "Mon 09:19:30"),
                    ("BreakDue", "Mon 09:20:00")]
    v = B.view(s, mon(9, 25))
    assert (v.status, v.remaining, v.snoozes_left) == ("due", 0.0, 2)


def test_heads_up_carries_the_prompt_time_and_the_prompt_the_snoozes_left() -> None:
    s, events = B.advance(started(), mon(9, 20))
    assert only(events, BreakHeadsUp) == [BreakHeadsUp(mon(9, 19, 30), mon(9, 20))]
    assert only(events, BreakDue) == [BreakDue(mon(9, 20), 2)]


def test_a_whole_day_skipping_each_prompt_prompts_every_20_minutes_until_17() -> None:
    s, events = every_deadline(started(), mon(18), on_due=B.skip)
    prompts = [w for n, w in named(events, BERLIN) if n == "BreakDue"]
    expected = [f"Mon {9 + m // 60:02d}:{m % 60:02d}:00" for m in range(20, 8 * 60, 20)]
    assert prompts == expected and len(prompts) == 23
    heads = [w for n, w in named(events, BERLIN) if n == "BreakHeadsUp"]
    assert heads == [_minus_30(p) for p in prompts]
    assert named(events, BERLIN)[-1] == ("WorkHoursEnded", "Mon 17:00:00")
    assert B.view(s, mon(18)).counts.skipped == 23


def _minus_30(text: str) -> str:
    day, hms = text.split()
    h, m, _ = (int(x) for x in hms.split(":"))
    m -= 1
    if m < 0:
        h, m = h - 1, 59
    return f"{day} {h:02d}:{m:02d}:30"


def test_view_counts_down_in_real_seconds_and_shows_heads_up() -> None:
    s, _ = B.advance(started(), mon(9, 5))
    v = B.view(s, mon(9, 5))
    assert (v.status, v.remaining, v.left, v.label) == ("working", 900.0, 900.0, "Stretch break")
    s, _ = B.advance(s, mon(9, 19, 45))
    v = B.view(s, mon(9, 19, 45))
    assert (v.status, v.remaining) == ("heads-up", 15.0)


def test_next_change_lands_just_after_the_next_whole_minute_while_minutes_are_left() -> None:
    s, _ = B.advance(started(), mon(9, 5, 0.25))
    # 899.75 s left shows as "15 min" until 840 s are left: one wake-up a minute.
    assert B.next_change(s, mon(9, 5, 0.25)) == pytest.approx(59.75 + 0.001)
    assert breakview.minutes_shown(899.75) == 15 and breakview.minutes_shown(840.0) == 14
    # 90 s left shows as "2 min" until the last minute, which counts in seconds.
    assert B.next_change(s, mon(9, 18, 30)) == pytest.approx(30 + 0.001)
    assert B.next_change(s, mon(9, 19, 0.5)) == pytest.approx(0.5 + 0.001)
    s, _ = B.pause(s, mon(9, 6))
    assert B.next_change(s, mon(9, 6)) is None


def test_a_long_heads_up_counts_in_seconds() -> None:
    s = started(sch=schedule(heads_up=120))
    s, _ = B.advance(s, mon(9, 18, 0.25))  # 119.75 s left, in the heads-up
    assert B.view(s, mon(9, 18, 0.25)).status == "heads-up"
    assert B.next_change(s, mon(9, 18, 0.25)) == pytest.approx(0.75 + 0.001)


def test_a_meeting_and_the_wait_for_work_change_once_a_minute() -> None:
    s, _ = B.advance(started(), mon(9, 5))
    s, _ = B.meeting(s, mon(9, 5), mon(9, 35, 30))
    assert B.next_change(s, mon(9, 5)) == pytest.approx(30 + 0.001)
    s, _ = B.advance(started(), mon(16, 59, 59))
    evening, _ = B.advance(s, mon(17, 0, 30))
    assert B.view(evening, mon(17, 0, 30)).status == "off"
    # Work starts at 09:00 tomorrow: 15h59m30s away, shown as minutes.
    assert B.next_change(evening, mon(17, 0, 30)) == pytest.approx(30 + 0.001)


def test_starting_mid_span_counts_one_interval_from_now() -> None:
    s = started(mon(10, 7, 12))
    assert s.on_duty and s.due == mon(10, 27, 12)
    _, seen = to(s, mon(10, 30))
    assert seen == [("BreakHeadsUp", "Mon 10:26:42"), ("BreakDue", "Mon 10:27:12")]


def test_the_open_prompt_stays_until_answered_and_fires_once() -> None:
    s, _ = B.advance(started(), mon(9, 20))
    s, events = B.advance(s, mon(9, 50))
    assert events == ()
    assert B.view(s, mon(9, 50)).status == "due"


# --- snooze and skip ---------------------------------------------------------------------


def test_snoozes_postpone_five_minutes_with_their_own_heads_up_and_the_third_is_refused() -> None:
    s, _ = B.advance(started(), mon(9, 20))
    s, events = B.snooze(s, mon(9, 20, 10))
    assert events == (BreakSnoozed(mon(9, 20, 10), mon(9, 25, 10), 1),)
    s, seen = to(s, mon(9, 25, 10))
    assert seen == [("BreakHeadsUp", "Mon 09:24:40"), ("BreakDue", "Mon 09:25:10")]
    assert B.view(s, mon(9, 25, 10)).snoozes_left == 1
    s, events = B.snooze(s, mon(9, 25, 20))
    assert only(events, BreakSnoozed) == [BreakSnoozed(mon(9, 25, 20), mon(9, 30, 20), 2)]
    s, events = B.advance(s, mon(9, 31))
    assert only(events, BreakDue) == [BreakDue(mon(9, 30, 20), 0)]
    before, _ = B.advance(s, mon(9, 31, 5))
    s, events = B.snooze(s, mon(9, 31, 5))
    assert events == (BreakRefused(mon(9, 31, 5), "snooze", "limit"),)
    assert s == before
    assert B.view(s, mon(9, 31, 5)).counts.snoozed == 2


def test_skip_is_counted_restarts_the_interval_and_the_snooze_row() -> None:
    s, _ = B.advance(started(), mon(9, 20))
    s, _ = B.snooze(s, mon(9, 20))
    s, _ = B.snooze(s, mon(9, 25))
    s, events = B.skip(s, mon(9, 30, 30))
    assert named(events, BERLIN) == [("BreakHeadsUp", "Mon 09:29:30"), ("BreakDue", "Mon 09:30:00"),
                                     ("BreakSkipped", "Mon 09:30:30")]
    assert events[-1] == BreakSkipped(mon(9, 30, 30))
    assert s.due == mon(9, 50, 30)
    v = B.view(s, mon(9, 31))
    assert (v.counts.skipped, v.counts.snoozed, v.snoozes_left) == (1, 2, 2)
    s, _ = B.advance(s, mon(9, 50, 30))
    s, events = B.snooze(s, mon(9, 50, 30))
    assert only(events, BreakSnoozed)


def test_snooze_and_skip_are_refused_when_no_break_is_near() -> None:
    s, _ = B.advance(started(), mon(9, 10))
    for fn, name in ((B.snooze, "snooze"), (B.skip, "skip")):
        after, events = fn(s, mon(9, 10))
        assert events == (BreakRefused(mon(9, 10), name, "not-due"),)
        assert after == s


def test_snooze_in_the_heads_up_postpones_from_now() -> None:
    s, _ = B.advance(started(), mon(9, 19, 40))
    s, events = B.snooze(s, mon(9, 19, 40))
    assert events == (BreakSnoozed(mon(9, 19, 40), mon(9, 24, 40), 1),)
    _, seen = to(s, mon(9, 30))
    assert seen == [("BreakHeadsUp", "Mon 09:24:10"), ("BreakDue", "Mon 09:24:40")]


def test_max_snoozes_zero_means_no_snooze_at_all() -> None:
    s, events = B.advance(started(sch=schedule(max_snoozes=0)), mon(9, 20))
    assert only(events, BreakDue) == [BreakDue(mon(9, 20), 0)]
    _, events = B.snooze(s, mon(9, 20))
    assert events == (BreakRefused(mon(9, 20), "snooze", "limit"),)


# --- routines and natural breaks -----------------------------------------------------------


def test_a_routine_mid_interval_holds_every_prompt_and_counts_once_when_it_ends() -> None:
    s, _ = B.advance(started(), mon(9, 10))
    s, events = B.start_break(s, mon(9, 10))
    assert events == ()
    s, events = B.advance(s, mon(11))
    assert events == ()
    assert B.view(s, mon(11)).status == "in-break"
    s, events = B.start_break(s, mon(11))
    assert events == () and B.view(s, mon(11)).counts.taken == 0
    s, events = B.end_break(s, mon(11, 3))
    assert events == (BreakTaken(mon(11, 3), "routine"),)
    assert B.view(s, mon(11, 3)).counts.taken == 1
    s, events = B.end_break(s, mon(11, 4))
    assert events == () and B.view(s, mon(11, 4)).counts.taken == 1
    _, seen = to(s, mon(11, 30))
    assert seen == [("BreakHeadsUp", "Mon 11:22:30"), ("BreakDue", "Mon 11:23:00")]


def test_starting_the_routine_from_the_prompt_closes_it_and_resets_the_snoozes() -> None:
    s, _ = B.advance(started(), mon(9, 20))
    s, _ = B.snooze(s, mon(9, 20))
    s, _ = B.advance(s, mon(9, 25))
    s, events = B.start_break(s, mon(9, 25, 5))
    assert events == () and B.view(s, mon(9, 25, 5)).status == "in-break"
    s, events = B.end_break(s, mon(9, 27, 5))
    assert events == (BreakTaken(mon(9, 27, 5), "routine"),)
    s, events = B.advance(s, mon(9, 47, 5))
    assert only(events, BreakDue) == [BreakDue(mon(9, 47, 5), 2)]


def test_a_routine_outside_working_hours_is_not_counted_and_end_break_is_harmless() -> None:
    s = started(mon(7))
    s, events = B.start_break(s, mon(7, 30))
    assert events == () and B.view(s, mon(7, 30)).counts.taken == 0
    s, events = B.end_break(s, mon(7, 40))
    s, more = B.end_break(s, mon(7, 41))
    assert events == () and more == ()
    _, seen = to(s, mon(9, 21))
    assert seen[-1] == ("BreakDue", "Mon 09:20:00")


def test_a_desk_break_with_every_exercise_skipped_counts_as_skipped_through() -> None:
    s, _ = B.advance(started(), mon(9, 20))
    s, _ = B.start_break(s, mon(9, 20, 5))
    s, events = B.end_break(s, mon(9, 20, 30), skipped=True)
    assert events == (BreakSkipped(mon(9, 20, 30), "through"),)
    c = B.view(s, mon(9, 21)).counts
    assert (c.taken, c.skipped) == (0, 1)
    assert s.due == mon(9, 40, 30)


def test_an_unanswered_skip_says_so() -> None:
    s, _ = B.advance(started(), mon(9, 20))
    _, events = B.skip(s, mon(9, 22), "unanswered")
    assert events == (BreakSkipped(mon(9, 22), "unanswered"),)


def test_a_snooze_is_never_longer_than_the_interval() -> None:
    sch = schedule(every=60.0, snooze=300.0, heads_up=0.0)
    assert sch.snooze == 60.0
    s, _ = B.start(sch, mon(9))
    s, _ = B.advance(s, mon(9, 1))
    s, events = B.snooze(s, mon(9, 1))
    assert only(events, BreakSnoozed)[0].until == mon(9, 2)


def test_a_routine_running_when_work_starts_holds_the_first_prompt_until_it_ends() -> None:
    s, _ = B.start_break(started(mon(8, 50)), mon(8, 55))
    s, seen = to(s, mon(9, 30))
    assert seen == [("WorkHoursStarted", "Mon 09:00:00")]
    s, _ = B.end_break(s, mon(9, 30))
    assert s.due == mon(9, 50)


def test_natural_break_restarts_the_interval_and_is_counted_as_natural() -> None:
    s, _ = B.advance(started(), mon(9, 19, 50))
    s, events = B.break_taken(s, mon(9, 19, 50), natural=True)
    assert events == (BreakTaken(mon(9, 19, 50), "natural"),)
    _, seen = to(s, mon(9, 40))
    assert seen == [("BreakHeadsUp", "Mon 09:39:20"), ("BreakDue", "Mon 09:39:50")]
    c = B.view(s, mon(9, 20)).counts
    assert (c.taken, c.natural) == (1, 1)


def test_natural_break_closes_an_open_prompt() -> None:
    s, _ = B.advance(started(), mon(9, 25))
    s, _ = B.break_taken(s, mon(9, 30), natural=True)
    assert B.view(s, mon(9, 30)).status == "working" and s.due == mon(9, 50)


@pytest.mark.parametrize("setup", ["off-duty", "meeting", "pause", "routine"])
def test_natural_break_is_ignored_when_sitting_still_is_no_break(setup: str) -> None:
    s, _ = B.advance(started(), mon(9, 10))
    if setup == "off-duty":
        s, _ = B.advance(s, mon(18))
    elif setup == "meeting":
        s, _ = B.meeting(s, mon(9, 10), mon(10))
    elif setup == "pause":
        s, _ = B.pause(s, mon(9, 10))
    else:
        s, _ = B.start_break(s, mon(9, 10))
    before = B.view(s, s.clock).counts
    after, events = B.break_taken(s, s.clock, natural=True)
    assert events == () and B.view(after, s.clock).counts == before


def test_a_break_reported_by_hand_during_a_pause_counts_and_restarts_the_interval() -> None:
    s, _ = B.advance(started(), mon(9, 15))
    s, _ = B.pause(s, mon(9, 15))
    s, events = B.break_taken(s, mon(9, 18))
    assert events == (BreakTaken(mon(9, 18), "manual"),)
    s, _ = B.resume(s, mon(10))
    assert s.due == mon(10, 20)


# --- pause and meetings ----------------------------------------------------------------


def test_pause_and_resume_keep_the_time_already_worked() -> None:
    s, _ = B.advance(started(), mon(9, 10))
    s, events = B.pause(s, mon(9, 10))
    assert events == ()
    v = B.view(s, mon(10))
    assert (v.status, v.left, v.remaining) == ("paused", 600.0, None)
    s, events = B.advance(s, mon(11))
    assert events == ()
    s, _ = B.resume(s, mon(11))
    _, seen = to(s, mon(11, 15))
    assert seen == [("BreakHeadsUp", "Mon 11:09:30"), ("BreakDue", "Mon 11:10:00")]


def test_pausing_an_open_prompt_brings_it_back_at_resume() -> None:
    s, _ = B.advance(started(), mon(9, 21))
    s, _ = B.pause(s, mon(9, 21))
    s, events = B.resume(s, mon(9, 40))
    assert events == (BreakDue(mon(9, 40), 2),)


def test_a_meeting_just_before_a_break_holds_it_and_resumes_by_itself() -> None:
    s, _ = B.advance(started(), mon(9, 19, 50))
    s, events = B.meeting(s, mon(9, 19, 50), mon(9, 49, 50))
    assert events == (MeetingStarted(mon(9, 19, 50), mon(9, 49, 50)),)
    v = B.view(s, mon(9, 30))
    assert (v.status, v.resumes_in, v.left, v.counts.meeting) == ("meeting", 1190.0, 10.0, 610.0)
    s, events = B.advance(s, mon(9, 55))
    # No second heads-up: it came before the meeting. The 10 s worked before still count.
    assert events == (MeetingEnded(mon(9, 49, 50), 1800.0, False), BreakDue(mon(9, 50), 2))
    assert B.view(s, mon(9, 55)).counts.meeting == 1800.0


def test_a_meeting_long_before_the_break_gets_a_heads_up_after_it() -> None:
    s, _ = B.advance(started(), mon(9, 10))
    s, _ = B.meeting(s, mon(9, 10), mon(10, 10))
    _, seen = to(s, mon(10, 30))
    assert seen == [("MeetingEnded", "Mon 10:10:00"), ("BreakHeadsUp", "Mon 10:19:30"),
                    ("BreakDue", "Mon 10:20:00")]


def test_a_meeting_ten_seconds_before_the_heads_up_keeps_those_ten_seconds() -> None:
    s, _ = B.advance(started(), mon(9, 19, 20))
    s, _ = B.meeting(s, mon(9, 19, 20), mon(9, 49, 20))
    _, seen = to(s, mon(9, 51))
    assert seen == [("MeetingEnded", "Mon 09:49:20"), ("BreakHeadsUp", "Mon 09:49:30"),
                    ("BreakDue", "Mon 09:50:00")]


def test_meeting_until_a_wall_time_and_ended_early() -> None:
    s, _ = B.advance(started(), mon(9, 5))
    until = B.meeting_until(s, mon(9, 5), time(14, 30))
    assert until == mon(14, 30)
    assert B.meeting_until(s, mon(9, 5), time(8, 0)) == at(BERLIN, 2026, 3, 3, 8)
    s, _ = B.meeting(s, mon(9, 5), until)
    s, events = B.resume(s, mon(9, 50))
    assert events == (MeetingEnded(mon(9, 50), 2700.0, True),)
    assert s.due == mon(10, 5)


def test_a_meeting_over_an_open_prompt_closes_it_and_it_returns_after() -> None:
    s, _ = B.advance(started(), mon(9, 21))
    s, _ = B.meeting(s, mon(9, 21), mon(10, 21))
    s, events = B.advance(s, mon(10, 30))
    assert named(events, BERLIN) == [("MeetingEnded", "Mon 10:21:00"), ("BreakDue", "Mon 10:21:00")]


def test_a_new_meeting_or_a_pause_ends_the_one_under_way() -> None:
    s, _ = B.advance(started(), mon(9, 5))
    s, _ = B.meeting(s, mon(9, 5), mon(9, 35))
    s, events = B.meeting(s, mon(9, 15), mon(10, 15))
    assert events == (MeetingEnded(mon(9, 15), 600.0, True), MeetingStarted(mon(9, 15), mon(10, 15)))
    s, events = B.pause(s, mon(9, 45))
    assert events == (MeetingEnded(mon(9, 45), 1800.0, True),)
    assert B.view(s, mon(11)).counts.meeting == 2400.0
    s, events = B.advance(s, mon(10, 20))
    assert events == ()


def test_a_meeting_must_end_after_it_starts() -> None:
    s, _ = B.advance(started(), mon(9, 5))
    with pytest.raises(ValueError, match="after it starts"):
        B.meeting(s, mon(9, 5), mon(9, 5))


def test_meeting_choices_are_30_60_90_minutes() -> None:
    assert B.MEETING_MINUTES == (30, 60, 90)


# --- working hours -----------------------------------------------------------------------


def test_just_before_the_end_of_the_day_no_heads_up_for_a_break_that_will_not_come() -> None:
    s, _ = B.advance(started(), mon(16, 40))
    s, _ = B.skip(s, mon(16, 40))
    s, seen = to(s, mon(17, 30))
    assert seen == [("WorkHoursEnded", "Mon 17:00:00")]
    v = B.view(s, mon(17, 30))
    assert (v.status, v.remaining, v.starts_in) == ("off", None, 15.5 * 3600)


def test_a_prompt_due_on_the_last_moment_of_the_day_never_fires() -> None:
    s = started(mon(16, 40))
    _, seen = to(s, mon(17, 1))
    assert seen == [("WorkHoursEnded", "Mon 17:00:00")]


def test_an_open_prompt_is_withdrawn_at_the_end_of_the_day_and_tomorrow_starts_afresh() -> None:
    s, _ = B.advance(started(mon(16, 30)), mon(16, 50))
    s, _ = B.snooze(s, mon(16, 50))
    s, _ = B.advance(s, mon(16, 55))
    s, seen = to(s, at(BERLIN, 2026, 3, 3, 9, 30))
    assert seen == [("WorkHoursEnded", "Mon 17:00:00"), ("WorkHoursStarted", "Tue 09:00:00"),
                    ("BreakHeadsUp", "Tue 09:19:30"), ("BreakDue", "Tue 09:20:00")]
    assert B.view(s, s.clock).snoozes_left == 2


def test_no_day_off_event_on_the_weekend_and_monday_starts_at_nine() -> None:
    fri = at(BERLIN, 2026, 3, 6, 16, 50)
    s = started(fri)
    sat_noon = at(BERLIN, 2026, 3, 7, 12)
    s, seen = to(s, sat_noon)
    assert seen == [("WorkHoursEnded", "Fri 17:00:00")]
    v = B.view(s, sat_noon)
    assert (v.status, v.starts_in) == ("off", at(BERLIN, 2026, 3, 9, 9) - sat_noon)
    assert B.next_deadline(s, sat_noon) == at(BERLIN, 2026, 3, 8, 0)  # a new day's counts
    s, seen = to(s, at(BERLIN, 2026, 3, 9, 9, 21))
    assert seen == [("WorkHoursStarted", "Mon 09:00:00"), ("BreakHeadsUp", "Mon 09:19:30"),
                    ("BreakDue", "Mon 09:20:00")]


def test_no_working_days_means_nothing_ever_fires() -> None:
    s = started(sch=schedule(days=frozenset()))
    s, events = B.advance(s, mon(8, 30) + 14 * 86400)
    assert events == ()
    v = B.view(s, s.clock)
    assert (v.status, v.starts_in) == ("off", None)


def test_counts_start_again_at_local_midnight() -> None:
    s, _ = B.advance(started(), mon(9, 20))
    s, _ = B.skip(s, mon(9, 20))
    s, _ = B.advance(s, mon(23, 59))
    assert B.view(s, mon(23, 59)).counts.skipped == 1
    s, _ = B.advance(s, at(BERLIN, 2026, 3, 3, 0, 0))
    c = B.view(s, s.clock).counts
    assert (c.day, c.skipped) == (date(2026, 3, 3), 0)


def test_a_night_span_runs_across_midnight_and_belongs_to_the_day_it_starts() -> None:
    night = schedule(start=time(22), end=time(6), days=frozenset({0}))  # Monday night only
    s = started(mon(21), night)
    s, events = every_deadline(s, at(BERLIN, 2026, 3, 4, 7), on_due=B.skip)
    seen = named(events, BERLIN)
    assert seen[0] == ("WorkHoursStarted", "Mon 22:00:00")
    assert seen[-1] == ("WorkHoursEnded", "Tue 06:00:00")
    prompts = [e.at for e in only(events, BreakDue)]
    assert len(prompts) == 23 and {b - a for a, b in zip(prompts, prompts[1:])} == {1200.0}
    assert ("BreakDue", "Tue 00:00:00") in seen
    assert not any(w.startswith("Tue 2") or w.startswith("Wed") for _, w in seen)


def test_a_whole_day_span_every_day_runs_on_without_a_daily_restart() -> None:
    always = schedule(start=time(0), end=time(0), days=ALL_WEEK)
    s = started(mon(23, 50), always)
    _, events = B.advance(s, at(BERLIN, 2026, 3, 3, 0, 15))
    assert named(events, BERLIN) == [("BreakHeadsUp", "Tue 00:09:30"), ("BreakDue", "Tue 00:10:00")]


# --- settings ----------------------------------------------------------------------------


@pytest.mark.parametrize("field, value", [
    ("every", 0), ("every", -5.0), ("every", float("nan")), ("snooze", 0),
    ("break_length", float("inf")), ("heads_up", -1), ("max_snoozes", -1), ("max_snoozes", 1.5),
])
def test_schedule_rejects_out_of_range_settings(field: str, value: float) -> None:
    with pytest.raises(ValueError, match=field):
        B.Schedule(**{field: value})


@pytest.mark.parametrize("kw, word", [
    ({"days": frozenset({7})}, "days"), ({"start": "09:00"}, "start"),
    ({"end": time(17, tzinfo=BERLIN)}, "end"), ({"zone": "Europe/Berlin"}, "zone"),
])
def test_hours_reject_what_they_cannot_use(kw: dict[str, object], word: str) -> None:
    with pytest.raises(ValueError, match=word):
        Hours(**kw)  # type: ignore[arg-type]


def test_the_defaults_are_the_issue_numbers() -> None:
    sch = B.Schedule()
    assert (sch.every, sch.heads_up, sch.snooze, sch.max_snoozes, sch.break_length) == (
        1200.0, 30.0, 300.0, 2, 120.0)
    assert (sch.hours.start, sch.hours.end, sch.hours.days) == (time(9), time(17), frozenset(range(5)))
    assert B.CLOCK == "real" and not B.finished(started())


def test_no_heads_up_when_it_is_off_or_longer_than_the_interval() -> None:
    for sch in (schedule(every=20, heads_up=0), schedule(every=20, heads_up=30)):
        _, events = B.advance(started(mon(9, 5), sch), mon(9, 5, 25))
        assert not only(events, BreakHeadsUp) and only(events, BreakDue)


def test_a_wall_clock_jump_into_off_hours_withdraws_the_prompt_and_is_quiet_that_day() -> None:
    s, _ = B.advance(started(), mon(9, 20))
    assert s.prompt
    # The wall clock is set 9 hours ahead (a wrong time zone put right): 18:20 local.
    jump = 9 * 3600.0
    s, events = B.set_offset(s, mon(9, 20, 5), s.offset + jump)
    assert [type(e).__name__ for e in events] == ["WorkHoursEnded"]
    assert not s.prompt and B.view(s, mon(9, 20, 5)).status != "due"
    assert not B.due_or_near(s)
    # Nothing more that (local) day: the next morning's 09:00 is 00:00 on this clock.
    _, events = B.advance(s, mon(23, 59))
    assert events == ()
    _, events = B.advance(s, mon(23, 59) + 20 * 60)
    assert [type(e).__name__ for e in events] == ["WorkHoursStarted"]

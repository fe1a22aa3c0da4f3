"""The break schedule: a prompt to stand and stretch every 20 minutes of work.

Every `every` seconds of work (20 minutes: docs/sources.md, "Desk breaks") a heads-up comes
`heads_up` seconds early, then the break prompt (`BreakDue`): the shell offers the routine
(`start_break`), a snooze (at most `max_snoozes` in a row) or a skip. Starting any routine
counts as a break and holds every prompt until `end_break`; the next interval starts then.

Clocks. `now` is the real clock: seconds that keep counting while the laptop sleeps
(`CLOCK_BOOTTIME` on Linux), so intervals are elapsed real seconds, never differences of
wall times, and neither a daylight-saving change nor the user setting the wall clock
stretches or shrinks one. Working hours, though, belong to the wall clock, so the state
keeps `offset`, the UTC epoch minus the real clock, which the shell reads once at start
and passes again through `set_offset` when the wall clock is set. Working-hour edges and
local midnights are found from `now + offset` through `zoneinfo` (tui.engine.breaks.workhours)
and kept in the state as real-clock moments. Tests can use the epoch itself, offset 0.
This keeps one `now` per call, as every activity has, and still never reads a clock.

Suspend. The shell reports it (`suspended(state, start, until)`); `advance` never guesses
from a jump in `now`. A shell that waits for the next deadline calls rarely, so a long gap
is normal and says nothing about sleep; one giant step must also give the same events as
many small ones. The shell measures sleep exactly, as the real clock's gain over the
monotonic one, and reports it before advancing past it. A sleep of at least
`break_length` is a break taken when it began (if one was due or counting) and no work
counts until the wake; a shorter one is plain elapsed time.

Shape of session.py: the state keeps deadlines and the latest `now`; `advance` is
idempotent for equal `now`, ignores `now` going back, crosses any number of deadlines in one
call and stamps each event with its own moment; commands advance to `now` first, then act
at `state.clock`, then deliver anything due at that very moment. Times are seconds.
"""

from __future__ import annotations

from typing import Final

from dataclasses import replace
from datetime import time

from tui.engine.activities import Driver
from tui.engine.breaks.state import (
    Breaks, Counts, Schedule, counting, cross, duty, end_hold, fresh, next_boundary, quiet,
    set_at,
)
from tui.engine.breaks.view import LABEL, BreaksView, next_change, view
from tui.engine.breaks.events import BreakRefused, BreakSkipped, BreakSnoozed, BreakTaken, MeetingStarted
from tui.engine.events import Event
from tui.engine.breaks.workhours import EDGE, local_date, next_midnight, next_wall, span_at

Events = tuple[Event, ...]
Result = tuple[Breaks, Events]

#: The activity clock this schedule runs on: real seconds, suspend included.
CLOCK: Final = "real"
#: The meeting lengths offered on one key (minutes; issue 11).
MEETING_MINUTES = (30, 60, 90)

__all__ = [
    "Breaks", "BreaksView", "CLOCK", "Counts", "LABEL", "MEETING_MINUTES", "Schedule",
    "advance", "break_taken", "deadline", "due_or_near", "end_break", "finished", "meeting",
    "meeting_until", "next_change", "next_deadline", "pause", "restore", "resume", "set_offset",
    "skip", "snooze", "start", "start_break", "suspended", "view",
]


def start(schedule: Schedule, now: float, offset: float = 0.0) -> Result:
    """A new schedule at `now` (real clock); `offset` = UTC epoch minus real clock.

    Inside working hours the first break comes one interval after `now`; outside, one
    interval after work starts. No events: nothing has happened yet.
    """
    zone = schedule.hours.zone
    epoch = now + offset
    s = Breaks(schedule, offset, clock=now, on_duty=False, edge=None,
               midnight=next_midnight(zone, epoch) - offset,
               counts=Counts(local_date(zone, epoch + EDGE)))
    s, _ = duty(s, now)  # already at work is where it starts, not news
    return s, ()


def advance(s: Breaks, now: float) -> Result:
    """Move to `now`, crossing every deadline on the way; events in time order.

    Emits BreakHeadsUp, BreakDue, MeetingEnded (a meeting's own end), WorkHoursStarted and
    WorkHoursEnded; the counts start again at each local midnight without an event.
    """
    if now < s.clock:
        return s, ()
    events: list[Event] = []
    while True:
        t, kind = next_boundary(s)
        if t > now:
            break
        s, happened = cross(replace(s, clock=max(s.clock, t)), kind, t)
        events += happened
    return replace(s, clock=now), tuple(events)


def deadline(s: Breaks) -> float:
    """The next moment `advance` changes the state: an event, or a midnight for the counts."""
    return next_boundary(s)[0]


def next_deadline(s: Breaks, now: float) -> float:
    """The first deadline after `now` (real clock), as if advanced there first."""
    return deadline(advance(s, now)[0])


def finished(s: Breaks) -> bool:
    """Never: the schedule runs until the shell stops it."""
    return False


# --- commands ------------------------------------------------------------------------


def snooze(s: Breaks, now: float) -> Result:
    """Put off a due (or imminent) break by `schedule.snooze` seconds.

    Refused, with a `BreakRefused` event and the state otherwise unchanged, when no break is
    due or in its heads-up ("not-due"), or after `max_snoozes` in a row ("limit").
    """
    s, events = advance(s, now)
    t, sch = s.clock, s.schedule
    reason = "not-due" if not due_or_near(s) else (
        "limit" if s.snoozes >= sch.max_snoozes else None)
    if reason is not None:
        return s, events + (BreakRefused(t, "snooze", reason),)
    row = s.snoozes + 1
    s = set_at(s, t, prompt=False, left=sch.snooze, warned=quiet(sch, sch.snooze), snoozes=row,
               counts=replace(s.counts, snoozed=s.counts.snoozed + 1))
    return _flush(s, events + (BreakSnoozed(t, t + sch.snooze, row),))


def skip(s: Breaks, now: float, how: str = "prompt") -> Result:
    """Skip a due (or imminent) break: counted, and a new interval starts now. `how`:
    "prompt" when someone answered, "unanswered" when nobody did in time."""
    s, events = advance(s, now)
    t = s.clock
    if not due_or_near(s):
        return s, events + (BreakRefused(t, "skip", "not-due"),)
    s = fresh(s, t, prompt=False, snoozes=0, counts=replace(s.counts, skipped=s.counts.skipped + 1))
    return _flush(s, events + (BreakSkipped(t, how),))


def start_break(s: Breaks, now: float) -> Result:
    """A routine (or a desk break) started: no prompts until `end_break`, which the shell
    calls however it ends (finished, left, crashed on restart). It is counted at its end,
    when it is known whether anything was done; only one begun in working hours counts."""
    s, events = advance(s, now)
    if s.in_break:
        return s, events
    return set_at(s, s.clock, in_break=True, prompt=False, break_counts=s.on_duty), events


def end_break(s: Breaks, now: float, skipped: bool = False, how: str = "routine") -> Result:
    """The break is over: counted as taken (`how`), or as skipped ("through") when
    `skipped` (every exercise of it was skipped); the next interval starts now."""
    s, events = advance(s, now)
    if not s.in_break:
        return s, events
    t, counts = s.clock, s.counts
    if s.break_counts:
        if skipped:
            counts = replace(counts, skipped=counts.skipped + 1, through=counts.through + 1)
            events += (BreakSkipped(t, "through"),)
        else:
            counts = replace(counts, taken=counts.taken + 1)
            events += (BreakTaken(t, how),)
    return _flush(fresh(s, t, in_break=False, break_counts=False, snoozes=0, counts=counts),
                  events)


def break_taken(s: Breaks, now: float, natural: bool = False) -> Result:
    """A break that already happened: `natural` when the session was idle or locked for at
    least `break_length` (call it when the user is back), else one the user reports.

    Counted in working hours only, never during a routine (that is already a break), and a
    natural one never while reminders are paused or in a meeting (sitting still is not a
    break then). The next interval starts now.
    """
    s, events = advance(s, now)
    t = s.clock
    if not s.on_duty or s.in_break or (natural and s.hold is not None):
        return s, events
    counts = replace(s.counts, taken=s.counts.taken + 1, natural=s.counts.natural + int(natural))
    s = fresh(s, t, prompt=False, snoozes=0, counts=counts)
    return _flush(s, events + (BreakTaken(t, "natural" if natural else "manual"),))


def pause(s: Breaks, now: float) -> Result:
    """Hold every reminder until `resume`; the time already worked is kept."""
    s, events = advance(s, now)
    if s.hold == "pause":
        return s, events
    s, ended = end_hold(s, s.clock)
    return set_at(s, s.clock, hold="pause", hold_since=s.clock, prompt=False), events + ended


def resume(s: Breaks, now: float) -> Result:
    """End a pause or a meeting; counting goes on from the time already worked."""
    s, events = advance(s, now)
    s, ended = end_hold(s, s.clock)
    return _flush(s, events + ended)


def meeting(s: Breaks, now: float, until: float) -> Result:
    """Nothing prompts until `until` (real clock), then reminders resume by themselves.

    Time worked before the meeting still counts. Replaces a pause or an earlier meeting.
    Raises ValueError if `until` is not after now.
    """
    s, events = advance(s, now)
    t = s.clock
    if not until > t:
        raise ValueError(f"a meeting must end after it starts: until={until} <= now={t}")
    s, ended = end_hold(s, t)
    s = set_at(s, t, hold="meeting", hold_until=until, hold_since=t, meeting_mark=t, prompt=False)
    return s, events + ended + (MeetingStarted(t, until),)


def meeting_until(s: Breaks, now: float, at: time) -> float:
    """The real-clock moment the wall clock next shows `at` after `now` ("until 14:30")."""
    return next_wall(s.schedule.hours.zone, max(now, s.clock) + s.offset, at) - s.offset


def suspended(s: Breaks, now: float, until: float) -> Result:
    """The machine slept from `now` to `until` (real clock). Report it on waking, before
    anything advances past `now`: the moment the sleep began is the `now` of this command.

    A sleep of at least `break_length` is a break taken at `now` (when one was counting or
    due, in working hours) and no work counts until `until`. A shorter one changes nothing:
    real time counts, suspend included. Pauses, meetings and routines keep their own course.
    """
    s, events = advance(s, now)
    t = s.clock
    if until - t < s.schedule.break_length or s.hold is not None or s.in_break:
        return s, events
    counts = s.counts
    if s.on_duty:
        counts = replace(counts, taken=counts.taken + 1, natural=counts.natural + 1)
        events += (BreakTaken(t, "suspend"),)
    s = fresh(s, t, hold="asleep", hold_until=until, prompt=False, snoozes=0, counts=counts)
    return s, events


def set_offset(s: Breaks, now: float, offset: float) -> Result:
    """The wall clock was set: working hours and midnights move, intervals do not."""
    s, events = advance(s, now)
    t = s.clock
    zone = s.schedule.hours.zone
    day = local_date(zone, t + offset + EDGE)
    s = replace(s, offset=offset, midnight=next_midnight(zone, t + offset) - offset)
    if day != s.counts.day:
        s = replace(s, counts=Counts(day), meeting_mark=t if s.hold == "meeting" else None)
    s, changed = duty(s, t)
    return _flush(s, events + changed)


def restore(schedule: Schedule, now: float, offset: float = 0.0, *,
            next_break: float | None = None, snoozes: int = 0, counts: Counts | None = None,
            meeting_ends: float | None = None, paused_left: float | None = None) -> Result:
    """Rebuild the schedule after a restart from what the store keeps.

    next_break and meeting_ends are UTC epoch seconds (the store's stamps). The next break
    is kept if it belongs to the working span under way (a past one is due at once, a snooze
    included, so no heads-up); from an earlier span it is dropped with the snoozes, and the
    first break comes one interval after `now`. `counts` are kept if they are today's.
    `paused_left` (seconds of work left) restores a pause, `meeting_ends` a meeting still on.
    """
    s, _ = start(schedule, now, offset)
    t, sch = s.clock, schedule
    if counts is not None and counts.day == s.counts.day:
        s = replace(s, counts=counts)
    span = span_at(sch.hours, t + offset)
    if s.on_duty and span is not None and next_break is not None \
            and next_break >= span[0] - EDGE:
        left = min(max(next_break - offset - t, 0.0), max(sch.every, sch.snooze))
        s = set_at(s, t, left=left, warned=quiet(sch, left),
                   snoozes=max(0, min(snoozes, sch.max_snoozes)))
    if paused_left is not None:
        s = set_at(s, t, hold="pause", hold_since=t, left=min(max(paused_left, 0.0), sch.every))
    elif meeting_ends is not None and meeting_ends - offset > t:
        s = set_at(s, t, hold="meeting", hold_until=meeting_ends - offset, hold_since=t,
                   meeting_mark=t)
    return _flush(s, ())


# --- inside -------------------------------------------------------------------------------


def due_or_near(s: Breaks) -> bool:
    """A break is due, or in its heads-up: what snooze and skip act on (and what a
    notification about it stands for)."""
    return s.prompt or (counting(s) and s.due is not None
                        and s.due - s.clock <= s.schedule.heads_up and s.warned)


def _flush(s: Breaks, events: Events) -> Result:
    """Deliver what a command made due at its own moment (a resume with no work left)."""
    s, more = advance(s, s.clock)
    return s, events + more


DRIVER = Driver(clock=CLOCK, advance=advance, deadline=deadline, next_change=next_change,
                view=view, finished=finished)
"""How the activity aggregate moves the break schedule (see tui/engine/activities.py)."""

"""What a screen or the status line shows of the break schedule: a read-only snapshot."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Literal

from tui.engine.breaks.state import Breaks, Counts
from tui.engine.cadence import SLACK, _to_next_second
from tui.engine.frozen import frozen

LABEL = "Stretch break"
#: A wait longer than this is shown in whole minutes (seconds).
MINUTE = 60.0

Status = Literal["off", "working", "heads-up", "due", "in-break", "paused", "meeting"]


@frozen
class BreaksView:
    status: Status
    remaining: float | None
    """Seconds to the next prompt while work counts (0 while due); None otherwise."""
    left: float
    """Seconds of work left before the next break (kept through pauses and meetings)."""
    snoozes_left: int
    counts: Counts
    """Today's counts, the meeting under way included."""
    resumes_in: float | None = None
    """In a meeting: seconds until reminders come back by themselves."""
    starts_in: float | None = None
    """Outside working hours: seconds until work starts; None with no working days."""
    label: str = LABEL


def view(s: Breaks, now: float) -> BreaksView:
    t = max(now, s.clock)
    counts = s.counts
    if s.hold == "meeting" and s.meeting_mark is not None:
        counts = replace(counts, meeting=counts.meeting + t - s.meeting_mark)
    left = max(0.0, s.due - t) if s.due is not None else s.left
    snoozes_left = max(0, s.schedule.max_snoozes - s.snoozes)
    status: Status
    remaining = resumes_in = starts_in = None
    if s.in_break or s.hold == "asleep":
        status = "in-break"
    elif s.hold == "pause":
        status = "paused"
    elif s.hold == "meeting":
        status, resumes_in = "meeting", max(0.0, (s.hold_until or t) - t)
    elif not s.on_duty:
        status = "off"
        starts_in = None if s.edge is None else max(0.0, s.edge - t)
    elif s.prompt:
        status, remaining = "due", 0.0
    else:
        remaining = left
        status = "heads-up" if s.warned and left <= s.schedule.heads_up else "working"
    return BreaksView(status, remaining, left, snoozes_left, counts, resumes_in, starts_in)


def next_change(s: Breaks, now: float) -> float | None:
    """Seconds until a countdown on screen changes; None if still.

    A wait of minutes is shown in whole minutes ("in 14 min", rounded up) and only the
    last minute, or a heads-up, in seconds ("in 0:25"): so waiting for a break wakes the
    shell once a minute, not once a second (issue 11: waiting costs nothing).
    """
    v = view(s, now)
    seconds = v.status == "heads-up"
    waits = [
        _to_next_second(x) if x <= MINUTE or (seconds and x == v.remaining) else _to_next_minute(x)
        for x in (v.remaining, v.resumes_in, v.starts_in) if x is not None and x > 0
    ]
    if not waits:
        return None
    return min(waits) + SLACK


def minutes_shown(remaining: float) -> int:
    """The whole minutes a wait of `remaining` seconds (over a minute) shows: rounded up."""
    return math.ceil(round(remaining / MINUTE, 9))


def _to_next_minute(remaining: float) -> float:
    """Time until the minutes shown drop by one, or the last minute starts (seconds)."""
    return remaining - (minutes_shown(remaining) - 1) * MINUTE

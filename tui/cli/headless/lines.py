"""The headless scheduler's log: one line per event, for `journalctl --user` or a terminal."""

from __future__ import annotations

from datetime import datetime, tzinfo

from tui.engine.breaks.events import (
    BreakDue, BreakHeadsUp, BreakRefused, BreakSkipped, BreakSnoozed, BreakTaken, MeetingEnded,
    MeetingStarted, WorkHoursEnded, WorkHoursStarted,
)
from tui.engine.events import Event

TAKEN = {
    "routine": "stretch break taken (a routine)",
    "natural": "stretch break taken (away from the desk)",
    "suspend": "stretch break taken (the computer slept)",
    "manual": "stretch break taken",
}


SKIPPED = {
    "unanswered": "stretch break skipped (nobody answered)",
    "through": "stretch break skipped (every exercise skipped)",
}


def clock_time(real: float, offset: float, zone: tzinfo | None) -> str:
    """HH:MM on the local wall clock of the real-clock moment `real` (offset: UTC - real).

    Rounded to the second first: a moment set for 18:00 comes back a rounding error
    early after the offset is taken off and added again (or a few microseconds early
    when two offsets read at different instants meet), and truncating that said 17:59."""
    return datetime.fromtimestamp(round(real + offset), zone).strftime("%H:%M")


def describe(event: Event, offset: float, zone: tzinfo | None) -> str | None:
    """What happened, in a few words, without the time; None for events not worth a line."""
    if isinstance(event, BreakHeadsUp):
        return f"stretch break in {event.due - event.at:.0f} s"
    if isinstance(event, BreakDue):
        return "stretch break due"
    if isinstance(event, BreakTaken):
        return TAKEN.get(event.how, "stretch break taken")
    if isinstance(event, BreakSnoozed):
        return f"stretch break snoozed until {clock_time(event.until, offset, zone)}"
    if isinstance(event, BreakSkipped):
        return SKIPPED.get(event.how, "stretch break skipped")
    if isinstance(event, MeetingStarted):
        return f"meeting: no reminders until {clock_time(event.until, offset, zone)}"
    if isinstance(event, MeetingEnded):
        return f"meeting over after {event.seconds / 60:.0f} min"
    if isinstance(event, WorkHoursStarted):
        return "working hours start"
    if isinstance(event, WorkHoursEnded):
        return "working hours over"
    if isinstance(event, BreakRefused):
        return None
    return None


def line(event: Event, offset: float, zone: tzinfo | None) -> str | None:
    """`HH:MM what happened`, or None."""
    text = describe(event, offset, zone)
    return None if text is None else f"{clock_time(event.at, offset, zone)} {text}"

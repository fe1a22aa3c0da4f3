"""The break schedule's settings, counts and state, and the transitions everything shares.

While work counts toward the next break the state holds its deadline (`due`, real clock);
while it does not (outside working hours, paused, in a meeting, in a routine, while the
prompt is open) it holds the work left (`left`, seconds). `set_at` is the only way fields
that decide this change, so the two never disagree. `duty` and `end_hold` are the changes
that both a deadline and a command can make; `next_boundary` and `cross` find and cross the
next deadline of any kind (breaks.advance loops over them). Standard library only.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date
from typing import Any, Literal

from tui.engine.breaks.events import BreakDue, BreakHeadsUp, MeetingEnded, WorkHoursEnded, WorkHoursStarted
from tui.engine.events import Event
from tui.engine.breaks.workhours import EDGE, Hours, local_date, next_midnight, span_at, under_way
from tui.engine.frozen import frozen

MINUTE = 60.0
#: Get up about every 20 minutes (docs/sources.md, "Desk breaks").
DEFAULT_EVERY = 20 * MINUTE
#: Heads-up, snooze and its limit: issue 11 ("30 seconds before", "5 minutes", "at most
#: twice in a row").
DEFAULT_HEADS_UP = 30.0
DEFAULT_SNOOZE = 5 * MINUTE
DEFAULT_MAX_SNOOZES = 2
#: How long away counts as a break: the shipped desk break, "two minutes on your feet".
DEFAULT_BREAK = 2 * MINUTE

Hold = Literal["pause", "meeting", "asleep"]


@frozen
class Schedule:
    """The settings of the schedule; seconds throughout. Raises ValueError when out of range."""

    every: float = DEFAULT_EVERY
    """Work between breaks."""
    heads_up: float = DEFAULT_HEADS_UP
    """How long before a break the heads-up comes; 0 for none."""
    snooze: float = DEFAULT_SNOOZE
    max_snoozes: int = DEFAULT_MAX_SNOOZES
    """Snoozes allowed in a row; a break taken or skipped starts the row again."""
    break_length: float = DEFAULT_BREAK
    """A sleep at least this long counts as a break."""
    hours: Hours = Hours()

    def __post_init__(self) -> None:
        for name, low in (("every", 0.0), ("snooze", 0.0), ("break_length", 0.0)):
            value = getattr(self, name)
            if not (isinstance(value, (int, float)) and math.isfinite(value) and value > low):
                raise ValueError(f"breaks: {name} must be a number of seconds above 0, "
                                 f"got {value!r}")
        if not (isinstance(self.heads_up, (int, float)) and 0 <= self.heads_up < math.inf):
            raise ValueError(f"breaks: heads_up must be 0 or more seconds, got {self.heads_up!r}")
        if not isinstance(self.max_snoozes, int) or self.max_snoozes < 0:
            raise ValueError(f"breaks: max_snoozes must be a whole number, 0 or more, "
                             f"got {self.max_snoozes!r}")
        # A snooze longer than the interval would put a break off past the next one:
        # `--every 1m` snoozes for a minute.
        if self.snooze > self.every:
            object.__setattr__(self, "snooze", self.every)


@frozen
class Counts:
    """One local day's breaks, as the view and the store show them."""

    day: date
    taken: int = 0
    """Breaks taken, natural ones included."""
    natural: int = 0
    """Of those, idle, locked or asleep for at least a break's length."""
    snoozed: int = 0
    skipped: int = 0
    through: int = 0
    """Of the skipped, desk breaks started and left with every exercise skipped."""
    meeting: float = 0.0
    """Seconds in meeting pauses."""


@frozen
class Breaks:
    schedule: Schedule
    offset: float
    """UTC epoch seconds minus real-clock seconds: how wall time is found."""
    clock: float
    """The latest `now` seen (real clock)."""
    on_duty: bool
    """Inside working hours."""
    edge: float | None
    """When working hours next start or end; None with no working days."""
    midnight: float
    """The next local midnight, when the counts start again."""
    counts: Counts
    due: float | None = None
    """The next prompt, while work counts; else None."""
    left: float = 0.0
    """Seconds of work left, while work does not count."""
    since: float = 0.0
    """When work last started counting toward `due` (a heads-up never comes before it)."""
    warned: bool = False
    """The heads-up for this break is done (or there is no room for one)."""
    prompt: bool = False
    """The break prompt is open."""
    in_break: bool = False
    """A routine (or a started desk break) is under way."""
    break_counts: bool = False
    """The break under way began in working hours: its end is counted (taken or skipped)."""
    hold: Hold | None = None
    hold_until: float | None = None
    """A meeting's end, or the wake after a long sleep."""
    hold_since: float | None = None
    meeting_mark: float | None = None
    """Meeting time is counted into `counts` up to here (moves on at midnight)."""
    snoozes: int = 0
    """Snoozes in a row."""


def counting(s: Breaks) -> bool:
    """Work counts toward the next break now."""
    return s.on_duty and s.hold is None and not s.in_break and not s.prompt


def quiet(schedule: Schedule, left: float) -> bool:
    """No heads-up for an interval this short (or with heads-ups off)."""
    return schedule.heads_up <= 0 or left <= schedule.heads_up


def set_at(s: Breaks, t: float, **changes: Any) -> Breaks:
    """Apply `changes` at moment `t`, moving between `due` and `left` as counting starts or
    stops. A `left` among the changes starts a new count from `t`."""
    if "left" in changes:
        left = changes["left"]
    elif counting(s) and s.due is not None:
        left = max(0.0, s.due - t)
    else:
        left = s.left
    new = replace(s, **changes)
    if not counting(new):
        return replace(new, due=None, left=left)
    if counting(s) and "left" not in changes:
        return new
    return replace(new, due=t + left, left=left, since=t)


def fresh(s: Breaks, t: float, **changes: Any) -> Breaks:
    """A whole interval from `t` (after a break, a skip, the start of work)."""
    every = s.schedule.every
    return set_at(s, t, left=every, warned=quiet(s.schedule, every), **changes)


def duty(s: Breaks, t: float) -> tuple[Breaks, tuple[Event, ...]]:
    """Match working hours at `t`: start or end them, and find the next edge."""
    epoch = t + s.offset
    span = span_at(s.schedule.hours, epoch)
    on = under_way(span, epoch)
    edge = None if span is None else (span[1] if on else span[0]) - s.offset
    s = replace(s, edge=edge)
    if on == s.on_duty:
        return s, ()
    if on:
        # The first break of the day comes one interval after work starts.
        return fresh(s, t, on_duty=True, prompt=False, snoozes=0), (WorkHoursStarted(t),)
    return set_at(s, t, on_duty=False, prompt=False), (WorkHoursEnded(t),)


def end_hold(s: Breaks, t: float, early: bool = True) -> tuple[Breaks, tuple[Event, ...]]:
    """End a pause, a meeting (counting its time) or a sleep at `t`; `early`: by the user."""
    if s.hold is None:
        return s, ()
    events: tuple[Event, ...] = ()
    counts = s.counts
    if s.hold == "meeting" and s.hold_since is not None:
        mark = s.meeting_mark if s.meeting_mark is not None else t
        counts = replace(counts, meeting=counts.meeting + max(0.0, t - mark))
        events = (MeetingEnded(t, t - s.hold_since, early),)
    s = set_at(s, t, hold=None, hold_until=None, hold_since=None, meeting_mark=None,
               counts=counts)
    return s, events


def next_boundary(s: Breaks) -> tuple[float, str]:
    """The next boundary (real clock) and its kind; equal moments in this order: a new day first, then
    working hours, the end of a hold, the heads-up and the prompt."""
    found = [(s.midnight, 0, "midnight")]
    if s.edge is not None:
        found.append((s.edge, 1, "edge"))
    if s.hold_until is not None:
        found.append((s.hold_until, 2, "hold"))
    if counting(s) and s.due is not None:
        if not s.warned:
            found.append((max(s.due - s.schedule.heads_up, s.since), 3, "heads-up"))
        found.append((s.due, 4, "due"))
    t, _, kind = min(found)
    return t, kind


def cross(s: Breaks, kind: str, t: float) -> tuple[Breaks, tuple[Event, ...]]:
    """Cross the boundary `kind` at `t` (from `next_boundary`): the state after it, and its events."""
    sch = s.schedule
    if kind == "midnight":
        zone = sch.hours.zone
        s = replace(s, counts=Counts(local_date(zone, t + s.offset + EDGE)),
                    midnight=next_midnight(zone, t + s.offset) - s.offset,
                    meeting_mark=t if s.hold == "meeting" else None)
        return s, ()
    if kind == "edge":
        return duty(s, t)
    if kind == "hold":
        return end_hold(s, t, early=False)
    assert s.due is not None
    if kind == "heads-up":
        # No heads-up for a break that working hours end before, or one due this instant.
        tell = s.due > t and (s.edge is None or s.due < s.edge - EDGE)
        return replace(s, warned=True), (BreakHeadsUp(t, s.due),) if tell else ()
    s = set_at(s, t, prompt=True, warned=True)
    return s, (BreakDue(t, max(0, sch.max_snoozes - s.snoozes)),)

"""The plan's reminders as an activity on the real clock: one deadline, the next reminder.

The pure state of tui.engine.plan.reminders' rules: what was answered today, what is
snoozed, and the moment of the next reminder (`due`, real clock), found once per change so
that `advance` between reminders costs a comparison. Like the break schedule
(tui/engine/breaks/schedule.py), `offset` is the UTC epoch minus the real clock, and dates
and times of day come from `zone`; `now` is always passed in.

The days done are a snapshot the shell gives (`refresh`), read again from the history
just before a reminder falls due, so a routine done in another lumbar silences it.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import field, replace
from datetime import date, datetime, timezone, tzinfo
from typing import Final

from tui.engine.activities import Driver
from tui.engine.events import Event
from tui.engine.frozen import frozen
from tui.engine.plan.model import Plan
from tui.engine.plan.reminders import Reminder, next_reminder

CLOCK: Final = "real"
#: Two moments this close (seconds) are the same: the epoch and the real clock are joined
#: by adding a float offset, so a reminder's moment can come back a rounding error late.
EDGE = 1e-6
#: Snooze length and snoozes in a row: the desk break's (tui.engine.breaks.state).
SNOOZE = 5 * 60.0
MAX_SNOOZES = 2


@frozen
class ReminderDue(Event):
    """Time for a planned routine (`reminder.kind` "routine") or the review notice."""

    reminder: Reminder
    snoozes_left: int


@frozen
class ReminderAnswered(Event):
    """The open reminder was answered: "started", "snoozed" or "skipped"."""

    routine: str
    what: str
    until: float | None = None
    """A snooze's end (real clock)."""


@frozen
class PlanReminders:
    plan: Plan
    zone: tzinfo
    offset: float
    """UTC epoch seconds minus real-clock seconds."""
    clock: float
    """The latest `now` seen (real clock)."""
    snooze: float = SNOOZE
    max_snoozes: int = MAX_SNOOZES
    done: Mapping[str, frozenset[date]] = field(default_factory=dict)
    handled: Mapping[str, date] = field(default_factory=dict)
    """The day each routine's reminder last came ("" for the review)."""
    snoozed: Mapping[str, float] = field(default_factory=dict)
    """A snoozed reminder's end, UTC epoch seconds, by routine."""
    snoozes: Mapping[str, int] = field(default_factory=dict)
    """Snoozes in a row, by routine."""
    open: Reminder | None = None
    """The reminder shown and not answered yet."""
    due: float | None = None
    """When the next reminder comes (real clock); None when none is within reach."""
    next: Reminder | None = None


def _local(s: PlanReminders, real: float) -> datetime:
    return datetime.fromtimestamp(real + s.offset, s.zone)


def _found(s: PlanReminders) -> PlanReminders:
    """`s` with its next reminder found again (after any change)."""
    snoozed = {k: datetime.fromtimestamp(v, s.zone) for k, v in s.snoozed.items()}
    found = next_reminder(s.plan, _local(s, s.clock), s.done, s.handled, snoozed)
    if found is None:
        return replace(s, due=None, next=None)
    return replace(s, due=max(s.clock, found.at.timestamp() - s.offset), next=found)


def start(plan: Plan, now: float, offset: float, zone: tzinfo = timezone.utc, *,
          done: Mapping[str, Collection[date]] | None = None,
          handled: Mapping[str, date] | None = None, snoozed: Mapping[str, float] | None = None,
          snooze: float = SNOOZE, max_snoozes: int = MAX_SNOOZES) -> PlanReminders:
    """The reminders at `now` (real clock), with what was answered and snoozed before a
    restart (`snoozed`: UTC epoch seconds)."""
    return _found(PlanReminders(
        plan, zone, offset, now, snooze, max_snoozes,
        {k: frozenset(v) for k, v in (done or {}).items()}, dict(handled or {}),
        dict(snoozed or {})))


def advance(s: PlanReminders, now: float) -> tuple[PlanReminders, tuple[Event, ...]]:
    """Move to `now`; a ReminderDue for each reminder whose moment came, in order."""
    if now < s.clock:
        return s, ()
    events: list[Event] = []
    while s.due is not None and s.due <= now + EDGE and s.next is not None:
        r, at = s.next, s.due
        handled = {**s.handled, r.routine: r.day}
        snoozed = {k: v for k, v in s.snoozed.items() if k != r.routine}
        left = max(0, s.max_snoozes - s.snoozes.get(r.routine, 0)) if r.kind == "routine" else 0
        s = _found(replace(s, clock=at, handled=handled, snoozed=snoozed,
                           open=r if r.kind == "routine" else s.open))
        events.append(ReminderDue(at, r, left))
    return replace(s, clock=now), tuple(events)


def deadline(s: PlanReminders) -> float | None:
    return s.due


def refresh(s: PlanReminders, now: float, done: Mapping[str, Collection[date]],
            plan: Plan | None = None) -> tuple[PlanReminders, tuple[Event, ...]]:
    """New days done (and a plan read again): the next reminder found again. A reminder
    open for a routine now done is closed without an event."""
    frozen = {k: frozenset(v) for k, v in done.items()}
    s = replace(s, done=frozen, plan=plan or s.plan, clock=max(s.clock, now))
    if s.open is not None and s.open.day in frozen.get(s.open.routine, frozenset()):
        s = replace(s, open=None)
    return _found(s), ()


def answer(s: PlanReminders, now: float, what: str) -> tuple[PlanReminders, tuple[Event, ...]]:
    """Answer the open reminder: "started", "skipped", or "snoozed" (refused, with no
    event, past `max_snoozes` in a row). Nothing happens with no reminder open."""
    s, events = advance(s, now)
    r = s.open
    if r is None or (what == "snoozed" and s.snoozes.get(r.routine, 0) >= s.max_snoozes):
        return s, events
    if what == "snoozed":
        until = s.clock + s.snooze
        s = replace(s, open=None, snoozed={**s.snoozed, r.routine: until + s.offset},
                    snoozes={**s.snoozes, r.routine: s.snoozes.get(r.routine, 0) + 1})
        return _found(s), events + (ReminderAnswered(s.clock, r.routine, what, until),)
    s = replace(s, open=None, snoozes={k: v for k, v in s.snoozes.items() if k != r.routine})
    return _found(s), events + (ReminderAnswered(s.clock, r.routine, what),)


def _none(s: PlanReminders, now: float) -> None:
    return None


DRIVER = Driver(clock=CLOCK, advance=advance, deadline=deadline, next_change=_none, view=_none,
                finished=lambda s: False)
"""How the activity aggregate moves the reminders; their view is None (no status line)."""

"""Ice and heat at home: one application with its skin check, alarm and skin rest.

The numbers come from content.md (home care, seeds 003 and 004): ice or heat, off after
about 20 minutes to let the skin rest ("up to 20 minutes each time"); which of the two
suits now is episode.py's question. What the halfway skin check looks for (numb, very
white or waxy, bright red, blistered) is standard first-aid advice, also in content.md.

An application runs on the real clock (seconds, suspend included: `tui.clocks.boottime`),
so a pack on a sleeping laptop still ends on time. It has the shape of session.py: the
state keeps deadlines and the latest `now`; `advance` is idempotent for equal `now`,
ignores `now` going back, and crosses any number of deadlines in one call; commands
advance to `now` first.

    on ──(halfway: SkinCheckDue)──(end: AlarmRang 1, 2, 3... every ALARM_EVERY s)
       └─ stop_early(reason) ─┐          └─ acknowledge ─┐
                              └─ ApplicationEnded ───────┴─ skin rest ─ RoundOffered ─ done

Records and cues. Records (ApplicationEnded, RoundOffered) are emitted exactly once, in
order, however `advance` is called. Cues ask the user to act now, and one that is already
out of date when the engine looks is not replayed: the skin check only while the
application is still on, and of several alarm repeats falling in one step only the latest
rings, at its level. So a laptop that slept three hours past the end gets one alarm, not
360. Steps shorter than ALARM_EVERY and than half the application give every cue.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from enum import Enum
from typing import Literal

from .activities import Driver
from .cadence import SLACK, _to_next_second
from .events import AlarmRang, ApplicationEnded, Event, RoundOffered, SkinCheckDue
from .timefmt import clock_text, duration_text

Kind = Literal["ice", "heat"]
KINDS: tuple[Kind, ...] = ("ice", "heat")
Events = tuple[Event, ...]
Result = tuple["Application", Events]

MINUTE = 60.0
#: Default length of one application: "about 20 minutes" (content.md).
DEFAULT_LENGTH = 20 * MINUTE
#: Allowed lengths. Upper: "up to 20 minutes each time" (content.md, seed 003); longer
#: risks the skin. Lower: one minute, the shortest run that is still an application (and
#: lets a person try the whole flow quickly).
MIN_LENGTH, MAX_LENGTH = 1 * MINUTE, 20 * MINUTE
#: Skin rest after an application: as long as a default application, "to let the skin
#: rest" (content.md gives no length; 20 minutes off is the usual first-aid rhythm).
DEFAULT_REST = 20 * MINUTE
#: Allowed skin rests: from one minute (to try the flow) to two hours (past that it is a
#: new session, not a rest between rounds).
MIN_REST, MAX_REST = 1 * MINUTE, 120 * MINUTE
#: The alarm repeats this often (seconds) until acknowledged...
ALARM_EVERY = 30.0
#: ...one level louder each time, up to this level (1 = the first ring at the end).
MAX_LEVEL = 5
#: What the halfway skin check looks for (content.md, standard first-aid advice).
SKIN_SIGNS = ("numb", "very white or waxy", "bright red", "blistered")
LABELS = {"ice": "Ice", "heat": "Heat"}


class Phase(str, Enum):
    ON = "on"
    """The pack is on; counting down to the planned end."""
    ALARM = "alarm"
    """Past the planned end and not yet taken off: the alarm repeats."""
    REST = "rest"
    """Off; the skin rests."""
    DONE = "done"
    """Rested; another round is offered."""


@dataclass(frozen=True)
class Application:
    """One ice or heat application, from putting it on to the offer of another round.

    Every time is on the real clock, in seconds.
    """

    kind: Kind
    started_at: float
    length: float
    """Planned time on the skin."""
    rest: float
    """Skin rest after it comes off."""
    clock: float
    """The latest `now` seen; time never runs backwards past it."""
    off_at: float | None = None
    """When it came off (acknowledged at the alarm, or stopped early); None while on."""
    reason: str | None = None
    """Why it was stopped early; None if it ran its length (or is still on)."""

    @property
    def ends_at(self) -> float:
        return self.started_at + self.length

    @property
    def half_at(self) -> float:
        return self.started_at + self.length / 2

    @property
    def rest_ends_at(self) -> float | None:
        return None if self.off_at is None else self.off_at + self.rest

    def phase_at(self, t: float) -> Phase:
        if self.off_at is None:
            return Phase.ON if t < self.ends_at else Phase.ALARM
        assert self.rest_ends_at is not None
        return Phase.REST if t < self.rest_ends_at else Phase.DONE

    @property
    def phase(self) -> Phase:
        return self.phase_at(self.clock)


def start(kind: str, now: float, length: float = DEFAULT_LENGTH,
          rest: float = DEFAULT_REST) -> Application:
    """Put a pack on at `now` (real clock). `length` and `rest` in seconds.

    Raises ValueError for an unknown kind, or a length or rest outside its bounds.
    """
    check_kind(kind)
    _check_range("an application", length, MIN_LENGTH, MAX_LENGTH,
                  "content.md: up to 20 minutes each time")
    _check_range("the skin rest", rest, MIN_REST, MAX_REST, "")
    return Application(kind, now, float(length), float(rest), now)  # type: ignore[arg-type]


def advance(a: Application, now: float) -> Result:
    """Move to `now` (real clock, seconds): the events due since the last look, in order.

    Idempotent for equal `now`; an earlier `now` is ignored. See the module docstring for
    which cues a long jump drops.
    """
    if now <= a.clock:
        return a, ()
    before, events = a.clock, []
    if a.off_at is None:
        if before < a.half_at <= now < a.ends_at:
            events.append(SkinCheckDue(a.half_at, a.kind))
        k = _last_alarm(a, now)
        if k is not None and _alarm_at(a, k) > before:
            events.append(AlarmRang(_alarm_at(a, k), min(k + 1, MAX_LEVEL)))
    else:
        rest_end = a.rest_ends_at
        assert rest_end is not None
        if before < rest_end <= now:
            events.append(RoundOffered(rest_end, a.kind))
    return replace(a, clock=now), tuple(events)


def acknowledge(a: Application, now: float) -> Result:
    """Taken off at the alarm: recorded as finished, and the skin rest begins.

    Only while the alarm rings; at any other time nothing changes (a pack still in its
    time is taken off with `stop_early`).
    """
    a, events = advance(a, now)
    if a.phase is not Phase.ALARM:
        return a, events
    return _off(a, None), events + (_ended(a, "finished", None),)


def stop_early(a: Application, now: float, reason: str) -> Result:
    """Taken off before its time, for `reason` ("skin numb"...): recorded as stopped.

    Only while on; at any other time nothing changes. Raises ValueError for an empty reason.
    """
    why = reason.strip()
    if not why:
        raise ValueError("stopping early needs a reason (what the skin showed, or why)")
    a, events = advance(a, now)
    if a.phase is not Phase.ON:
        return a, events
    return _off(a, why), events + (_ended(a, "stopped", why),)


def restore(kind: str, started_at: float, length: float, now: float, *,
            rest: float = DEFAULT_REST, off_at: float | None = None,
            reason: str | None = None) -> Result:
    """Rebuild an application from what the store keeps, as it stands at `now`.

    `started_at`, `off_at` (when it came off: acknowledged or stopped early, None while
    on) and `now` on the real clock, in seconds: the shell converts stored wall times with
    `real_now - (wall_now - wall_then)`. A `reason` means it was stopped early. The events
    are those due at `now` with no backlog: past the end and not taken off, one alarm at
    the current level; in the second half, the skin check again, as a reminder.

    Raises ValueError for the same bounds as `start`, a `reason` without `off_at`, or an
    `off_at` before the start.
    """
    a = start(kind, started_at, length, rest)
    if off_at is not None:
        if off_at < started_at:
            raise ValueError("an application cannot come off before it was put on")
        why = None if reason is None else reason.strip() or None
        a = replace(a, off_at=off_at, reason=why, clock=max(started_at, off_at))
    elif reason is not None:
        raise ValueError("a stopped application needs the moment it came off (off_at)")
    return advance(a, now)


def deadline(a: Application) -> float | None:
    """The next moment (real clock) at which `advance` may emit an event; None when done."""
    phase = a.phase
    if phase is Phase.ON:
        return a.half_at if a.clock < a.half_at else a.ends_at
    if phase is Phase.ALARM:
        k = _last_alarm(a, a.clock)
        return _alarm_at(a, 0 if k is None else k + 1)
    return a.rest_ends_at if phase is Phase.REST else None


def next_change(a: Application, now: float) -> float | None:
    """Seconds until the view's shown second next changes (slack included); None when still."""
    t = max(now, a.clock)
    phase = a.phase_at(t)
    if phase is Phase.ON:
        return _to_next_second(a.ends_at - t) + SLACK
    if phase is Phase.ALARM:
        return 1.0 - math.fmod(t - a.ends_at, 1.0) + SLACK
    if phase is Phase.REST:
        assert a.rest_ends_at is not None
        return _to_next_second(a.rest_ends_at - t) + SLACK
    return None


def finished(a: Application) -> bool:
    return a.phase is Phase.DONE


@dataclass(frozen=True)
class ThermalView:
    kind: Kind
    label: str
    """"Ice" or "Heat"."""
    phase: Phase
    remaining: float | None
    """Seconds left on the skin (ON) or of the skin rest (REST); None otherwise."""
    length: float
    progress: float
    """0..1 through the application (ON) or the rest (REST); 1 in ALARM and DONE."""
    skin_check: bool = False
    """Past halfway and still on: show what to look for (SKIN_SIGNS)."""
    level: int = 0
    """Alarm level now (1..MAX_LEVEL) while it rings; 0 otherwise."""
    overdue: float = 0.0
    """Seconds since the planned end while the alarm rings."""
    ended_ago: str | None = None
    """While the alarm rings: "ended 2 h 45 min ago"."""
    stopped: str | None = None
    """Why it was stopped early."""
    line: str = ""
    """One line for a status bar: "12:40 left", "ended 3 min ago: take it off now"."""


def view(a: Application, now: float) -> ThermalView:
    t = max(now, a.clock)
    phase = a.phase_at(t)
    base = dict(kind=a.kind, label=LABELS[a.kind], phase=phase, length=a.length,
                stopped=a.reason)
    if phase is Phase.ON:
        left = a.ends_at - t
        return ThermalView(**base, remaining=left, progress=_fraction(t - a.started_at, a.length),
                           skin_check=t >= a.half_at, line=f"{clock_text(left)} left")
    if phase is Phase.ALARM:
        overdue = t - a.ends_at
        ago = "ended just now" if overdue < 1 else f"ended {duration_text(math.floor(overdue))} ago"
        k = _last_alarm(a, t)
        level = min((k or 0) + 1, MAX_LEVEL)  # k is set once past the end
        return ThermalView(**base, remaining=None, progress=1.0, level=level, overdue=overdue,
                           ended_ago=ago, line=f"{ago}: take it off now")
    if phase is Phase.REST:
        assert a.off_at is not None and a.rest_ends_at is not None
        left = a.rest_ends_at - t
        return ThermalView(**base, remaining=left, progress=_fraction(t - a.off_at, a.rest),
                           line=f"skin rest, {clock_text(left)} left")
    return ThermalView(**base, remaining=None, progress=1.0, line="rested: another round?")


DRIVER = Driver(clock="real", advance=advance, deadline=deadline, next_change=next_change,
                view=view, finished=finished)


def _alarm_at(a: Application, k: int) -> float:
    return a.ends_at + k * ALARM_EVERY


def _last_alarm(a: Application, t: float) -> int | None:
    """Index of the latest alarm moment at or before `t`; None before the end."""
    if t < a.ends_at:
        return None
    k = math.floor((t - a.ends_at) / ALARM_EVERY)
    # Division can land a hair either side of a slot: settle it on the exact moments.
    while _alarm_at(a, k + 1) <= t:
        k += 1
    while k > 0 and _alarm_at(a, k) > t:
        k -= 1
    return k


def _off(a: Application, reason: str | None) -> Application:
    return replace(a, off_at=a.clock, reason=reason)


def _ended(a: Application, outcome: str, reason: str | None) -> ApplicationEnded:
    return ApplicationEnded(a.clock, a.kind, a.started_at, a.clock, a.length, outcome, reason)


def _fraction(part: float, whole: float) -> float:
    return min(1.0, max(0.0, part / whole)) if whole > 0 else 1.0


def check_kind(kind: str) -> None:
    """Raises ValueError unless `kind` is "ice" or "heat"."""
    if kind not in KINDS:
        raise ValueError(f"kind must be 'ice' or 'heat', not {kind!r}")


def _check_range(what: str, seconds: float, low: float, high: float, source: str) -> None:
    if not (isinstance(seconds, (int, float)) and low <= seconds <= high):
        shown = f"{seconds / MINUTE:g} min" if isinstance(seconds, (int, float)) else repr(seconds)
        why = f" ({source})" if source else ""
        raise ValueError(f"{what} lasts {low / MINUTE:g} to {high / MINUTE:g} minutes, "
                         f"not {shown}{why}")

"""Ice and heat at home: one application with its skin check, alarm and skin rest.

The numbers are in docs/sources.md, "Ice and heat": ice or heat for 15 minutes by default
and never more than 20 at a time, then the skin rests; which of the two suits now is
episode.py's question. What the halfway skin check looks for (numb, very white or waxy,
bright red, blistered) is from the NHS leaflets on the safe use of cold and heat.

An application runs on the real clock (seconds, suspend included: `tui.services.clocks.boottime`),
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

from dataclasses import replace

from tui.engine.activities import Driver
from tui.engine.care.events import AlarmRang, ApplicationEnded, RoundOffered, SkinCheckDue
from tui.engine.events import Event
from tui.engine.care.thermal_state import (
    ALARM_EVERY, DEFAULT_LENGTH, DEFAULT_REST, KINDS, LABELS, MAX_LENGTH, MAX_LEVEL, MAX_REST,
    MIN_LENGTH, MIN_REST, MINUTE, SKIN_SIGNS, Application, Kind, Phase, alarm_at, last_alarm,
)
from tui.engine.care.thermal_view import ThermalView, next_change, view

__all__ = [
    "ALARM_EVERY", "DEFAULT_LENGTH", "DEFAULT_REST", "DRIVER", "KINDS", "LABELS", "MAX_LENGTH",
    "MAX_LEVEL", "MAX_REST", "MIN_LENGTH", "MIN_REST", "SKIN_SIGNS", "Application", "Kind",
    "Phase", "ThermalView", "acknowledge", "advance", "check_kind", "deadline", "finished",
    "heat_left", "next_change", "restore", "round_rest", "start", "stop_early", "view",
]

#: An application taken off sooner than this (seconds) was a mis-key: no skin rest follows
#: (lumbar's own choice: docs/sources.md, "Ice and heat").
MIS_KEY = 60.0

Events = tuple[Event, ...]
Result = tuple[Application, Events]


def start(kind: str, now: float, length: float = DEFAULT_LENGTH,
          rest: float = DEFAULT_REST) -> Application:
    """Put a pack on at `now` (real clock). `length` and `rest` in seconds.

    Raises ValueError for an unknown kind, or a length or rest outside its bounds.
    """
    check_kind(kind)
    _check_range("an application", length, MIN_LENGTH, MAX_LENGTH,
                  "never more than 20 minutes at a time")
    _check_range("the skin rest", rest, MIN_REST, MAX_REST, "")
    return Application(kind, now, float(length), float(rest), now)  # type: ignore[arg-type]


def round_rest(kind: str, length: float, rest: float, ice_every: float) -> float:
    """The skin rest after an application of `length` seconds: at least `rest`, and after
    ice long enough that the next one starts `ice_every` seconds after this one began (cold
    at most every 2-3 hours: docs/sources.md, "Ice and heat"); at most MAX_REST."""
    if kind == "ice":
        rest = max(rest, ice_every - length)
    return min(max(rest, MIN_REST), MAX_REST)


def heat_left(done_today: int, per_day: int) -> int:
    """Heat applications still sensible today after `done_today` of them, with at most
    `per_day` a day (up to three times a day: docs/sources.md, "Ice and heat")."""
    return max(0, per_day - done_today)


def advance(a: Application, now: float) -> Result:
    """Move to `now` (real clock, seconds): the events due since the last look, in order.

    Idempotent for equal `now`; an earlier `now` is ignored. See the module docstring for
    which cues a long jump drops.
    """
    if now <= a.clock:
        return a, ()
    before = a.clock
    events: list[Event] = []
    if a.off_at is None:
        if before < a.half_at <= now < a.ends_at:
            events.append(SkinCheckDue(a.half_at, a.kind))
        k = last_alarm(a, now)
        if k is not None and alarm_at(a, k) > before:
            events.append(AlarmRang(alarm_at(a, k), min(k + 1, MAX_LEVEL)))
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
    Taken off within its first `MIS_KEY` seconds it starts no skin rest (a mis-key).

    Only while on; at any other time nothing changes. Raises ValueError for an empty reason.
    """
    why = reason.strip()
    if not why:
        raise ValueError("stopping early needs a reason (what the skin showed, or why)")
    a, events = advance(a, now)
    if a.phase is not Phase.ON:
        return a, events
    if a.clock - a.started_at < MIS_KEY:
        # Off within its first minute: a mis-key, not an application the skin must rest from.
        a = replace(a, rest=0.0)
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
        a = replace(a, off_at=off_at, reason=why, clock=max(started_at, off_at),
                    rest=0.0 if why is not None and off_at - started_at < MIS_KEY else a.rest)
    elif reason is not None:
        raise ValueError("a stopped application needs the moment it came off (off_at)")
    return advance(a, now)


def deadline(a: Application) -> float | None:
    """The next moment (real clock) at which `advance` may emit an event; None when done."""
    phase = a.phase
    if phase is Phase.ON:
        return a.half_at if a.clock < a.half_at else a.ends_at
    if phase is Phase.ALARM:
        k = last_alarm(a, a.clock)
        return alarm_at(a, 0 if k is None else k + 1)
    return a.rest_ends_at if phase is Phase.REST else None


def finished(a: Application) -> bool:
    return a.phase is Phase.DONE


DRIVER = Driver(clock="real", advance=advance, deadline=deadline, next_change=next_change,
                view=view, finished=finished)


def _off(a: Application, reason: str | None) -> Application:
    return replace(a, off_at=a.clock, reason=reason)


def _ended(a: Application, outcome: str, reason: str | None) -> ApplicationEnded:
    return ApplicationEnded(a.clock, a.kind, a.started_at, a.clock, a.length, outcome, reason)


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

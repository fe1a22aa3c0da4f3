"""Builders and a driver for the break-schedule tests: wall times in, readable events out."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from tui.engine.breaks import schedule as B
from tui.engine.events import Event
from tui.engine.breaks.workhours import Hours

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
ALL_WEEK = frozenset(range(7))


def at(zone: ZoneInfo, y: int, mo: int, d: int, h: int, mi: int = 0, s: float = 0.0) -> float:
    """Epoch seconds of a wall time (fold=0)."""
    return datetime(y, mo, d, h, mi, tzinfo=zone).timestamp() + s


def wall(zone: ZoneInfo, epoch: float) -> str:
    """'Mon 09:20:00' for an epoch moment; fractions shown only when there are some."""
    moment = datetime.fromtimestamp(epoch, zone)
    text = moment.strftime("%a %H:%M:%S")
    return text if moment.microsecond == 0 else f"{text}.{moment.microsecond:06d}"


def schedule(zone: ZoneInfo = BERLIN, start: time = time(9), end: time = time(17),
             days: frozenset[int] = frozenset(range(5)), **kw: Any) -> B.Schedule:
    return B.Schedule(hours=Hours(start=start, end=end, days=days, zone=zone), **kw)


def named(events: Iterable[Event], zone: ZoneInfo, offset: float = 0.0) -> list[tuple[str, str]]:
    """(event class, local wall time) pairs: the shape most tests compare."""
    return [(type(e).__name__, wall(zone, e.at + offset)) for e in events]


def only(events: Iterable[Event], *kinds: type) -> list[Event]:
    return [e for e in events if isinstance(e, kinds)]


Command = Callable[..., tuple[B.Breaks, tuple[Event, ...]]]


@dataclass(frozen=True)
class Act:
    """A command at a moment: `fn(state, moment, *args)`."""

    moment: float
    fn: Command
    args: tuple[Any, ...] = ()
    asleep_until: float | None = field(default=None)
    """For `suspended`: no heartbeat runs between `moment` and this."""


def drive(s: B.Breaks, steps: Iterable[float], script: Iterable[Act] = (),
          ) -> tuple[B.Breaks, list[Event]]:
    """Advance through `steps` and run the script's commands at their moments, in time order.

    Steps falling inside a reported sleep are dropped: a sleeping machine calls nothing.
    """
    acts = sorted(script, key=lambda a: a.moment)
    asleep = [(a.moment, a.asleep_until) for a in acts if a.asleep_until is not None]
    moments = sorted(t for t in steps
                     if not any(lo < t < hi for lo, hi in asleep))  # type: ignore[operator]
    events: list[Event] = []
    i = 0
    for t in moments:
        while i < len(acts) and acts[i].moment <= t:
            s, happened = acts[i].fn(s, acts[i].moment, *acts[i].args)
            events += happened
            i += 1
        s, happened = B.advance(s, t)
        events += happened
    for act in acts[i:]:
        s, happened = act.fn(s, act.moment, *act.args)
        events += happened
    return s, events


def every_deadline(s: B.Breaks, until: float, on_due: Command | None = None,
                   ) -> tuple[B.Breaks, list[Event]]:
    """Advance deadline by deadline, as a shell with one timer does, up to `until`;
    `on_due(state, moment)` answers each prompt the moment it appears."""
    events: list[Event] = []
    while True:
        t = B.deadline(s)
        if t > until:
            break
        s, happened = B.advance(s, t)
        events += happened
        if on_due is not None and any(type(e).__name__ == "BreakDue" for e in happened):
            s, answered = on_due(s, t)
            events += answered
    s, happened = B.advance(s, until)
    return s, events + list(happened)

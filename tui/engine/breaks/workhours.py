"""Working hours on the local wall clock, as moments on the UTC timeline.

Breaks count real elapsed seconds, but *when* they may fire is a matter of the wall clock:
"09:00 to 17:00, Monday to Friday" means 09:00 as the clock on the wall shows it that day,
whatever its daylight-saving offset. So the edges of a working span are computed here from
the local date through a `tzinfo` (a `zoneinfo.ZoneInfo` in practice), and returned as UTC
epoch seconds; the break schedule turns them into its own clock. Nothing here reads a clock.

A span runs from `start` to `end` on the same day; an `end` at or before `start` runs past
midnight into the next day (a night shift), so `start == end` is a whole day. A span belongs
to the day it starts on: `days` picks those days (Monday is 0, as `date.weekday()`).

A wall time that does not exist (skipped by a spring-forward change) or exists twice (fall
back) is read as `datetime` reads it with fold=0 (PEP 495): a skipped 02:30 is 03:30 new
time, a doubled 01:30 is the first one.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone, tzinfo

from tui.engine.frozen import frozen

#: Two moments this close (seconds) are the same edge. The schedule maps its own clock to
#: the epoch by adding a float offset, so an edge can come back a rounding error early.
EDGE = 1e-6
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
"""The days as the work_days setting spells them, Monday first (index = weekday())."""
_DAY = timedelta(days=1)


@frozen
class Hours:
    """When breaks may fire: a wall-clock span on some weekdays, in one time zone."""

    start: time = time(9, 0)
    """Local wall time the working span begins (naive `time`)."""
    end: time = time(17, 0)
    """Local wall time it ends; at or before `start`: the next day."""
    days: frozenset[int] = frozenset(range(5))
    """Weekdays a span starts on, Monday = 0 ... Sunday = 6; default Monday to Friday."""
    zone: tzinfo = timezone.utc
    """The user's zone: a `zoneinfo.ZoneInfo`, so daylight saving follows the local rules."""

    def __post_init__(self) -> None:
        for name in ("start", "end"):
            value = getattr(self, name)
            if not isinstance(value, time) or value.tzinfo is not None:
                raise ValueError(f"working hours: {name} must be a local time without a zone, "
                                 f"got {value!r}")
        bad = sorted(d for d in self.days if not isinstance(d, int) or not 0 <= d <= 6)
        if bad:
            raise ValueError(f"working hours: days are 0 (Monday) to 6 (Sunday), got {bad}")
        if not isinstance(self.zone, tzinfo):
            raise ValueError(f"working hours: zone must be a tzinfo, got {self.zone!r}")


def local_date(zone: tzinfo, epoch: float) -> date:
    """The date on the wall clock at `epoch` (UTC seconds)."""
    return datetime.fromtimestamp(epoch, zone).date()


def wall(zone: tzinfo, day: date, at: time) -> float:
    """Epoch seconds of wall time `at` on `day` in `zone` (fold=0, see the module docstring)."""
    return datetime.combine(day, at, tzinfo=zone).timestamp()


def span_on(hours: Hours, day: date) -> tuple[float, float] | None:
    """(start, end) epoch seconds of the span starting on `day`; None on a day off."""
    if day.weekday() not in hours.days:
        return None
    start = wall(hours.zone, day, hours.start)
    end_day = day if hours.end > hours.start else day + _DAY
    end = wall(hours.zone, end_day, hours.end)
    # A span shorter than the hour a spring-forward change skips can vanish that night.
    return (start, end) if end > start else None


def span_at(hours: Hours, epoch: float) -> tuple[float, float] | None:
    """The span under way at `epoch`, else the next one to start; None with no working days.

    A span is under way from its start (inclusive) to its end (exclusive), both within
    `EDGE`. Consecutive spans never overlap, so the first one by date that is not over is
    the answer; a week and a day ahead covers every choice of days.
    """
    if not hours.days:
        return None
    today = local_date(hours.zone, epoch)
    for k in range(-1, 9):
        span = span_on(hours, today + k * _DAY)
        if span is not None and span[1] - EDGE > epoch:
            return span
    return None


def under_way(span: tuple[float, float] | None, epoch: float) -> bool:
    return span is not None and span[0] - EDGE <= epoch < span[1] - EDGE


def next_midnight(zone: tzinfo, epoch: float) -> float:
    """Epoch seconds of the first local midnight after `epoch` (a new day for the counts)."""
    return wall(zone, local_date(zone, epoch + EDGE) + _DAY, time(0, 0))


def next_wall(zone: tzinfo, epoch: float, at: time) -> float:
    """Epoch seconds when the wall clock next shows `at` after `epoch` ("until 14:30")."""
    day = local_date(zone, epoch)
    moment = wall(zone, day, at)
    return moment if moment > epoch + EDGE else wall(zone, day + _DAY, at)

"""Every time phrase lumbar reads, in one grammar: `ice --since`, `breaks --every`,
`report --since` and the question the care screen asks.

A *length* is one or more number-and-unit parts, such as ``90s``, ``20m``, ``1h30m``,
``2d``, ``3w`` or ``2mo``, optionally followed by ``ago``. Units, in full or short:
``s`` (sec, second), ``m`` (min, minute), ``h`` (hr, hour), ``d`` (day), ``w`` (wk, week)
and ``mo`` (month); ``m`` is always minutes and ``mo`` always months. A bare number is
minutes. Months are calendar months (the same day of the month, or its last day) and must
be whole; the other parts may have decimals (``1.5h``).

A *moment* is a length back from now, ``now``, a date (``2026-11-29``), a date and time
(``2026-11-29 18:00``, local unless it names an offset) or a clock time (``18:00``: today,
or yesterday when that is still to come). A moment before the year 2000 or in the future is
refused, and so is a length too large to count back.

Every refusal is a ValueError whose message is one line saying what was expected.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time, timedelta, timezone

#: Each spelling of a unit and the unit it is.
UNITS = {
    **dict.fromkeys(("s", "sec", "secs", "second", "seconds"), "s"),
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes"), "m"),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), "h"),
    **dict.fromkeys(("d", "day", "days"), "d"),
    **dict.fromkeys(("w", "wk", "wks", "week", "weeks"), "w"),
    **dict.fromkeys(("mo", "month", "months"), "mo"),
}
SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
EARLIEST = datetime(2000, 1, 1, tzinfo=timezone.utc)
"""No moment before this is taken: lumbar did not exist, and it is surely a typing slip."""
#: A moment up to this far ahead is "now" (two clocks a few seconds apart).
SLACK = timedelta(minutes=1)
EXAMPLES = "36h, 2d, 90m, now, or a date and time such as 2026-11-29 18:00"

_PART = re.compile(r"(\d{1,12}(?:\.\d{1,6})?)\s*([a-z]+)?", re.IGNORECASE)
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})")


class Length:
    """A length as typed: whole calendar ``months`` and ``seconds`` (a float)."""

    __slots__ = ("months", "seconds")

    def __init__(self, months: int, seconds: float) -> None:
        self.months, self.seconds = months, seconds

    def __repr__(self) -> str:
        return f"Length(months={self.months}, seconds={self.seconds})"

    def back_from(self, now: datetime) -> datetime:
        """``now`` less this length. ValueError when that is before EARLIEST."""
        earliest = EARLIEST.astimezone(now.tzinfo) if now.tzinfo else EARLIEST.replace(tzinfo=None)
        if self.months > (now.year - 1999) * 12 or self.seconds > (now - earliest).total_seconds():
            raise ValueError("that reaches back before the year 2000")
        moment = months_back(now, self.months) - timedelta(seconds=self.seconds)
        if moment < earliest:
            raise ValueError("that reaches back before the year 2000")
        return moment


def months_back(moment: datetime, months: int) -> datetime:
    """``moment`` on the same day ``months`` calendar months earlier (or that month's last day)."""
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    following = date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    last = (following - timedelta(days=1)).day
    return moment.replace(year=year, month=month + 1, day=min(moment.day, last))


def parse_length(text: str) -> Length | None:
    """The length ``text`` names; None when it is not written as one (a date, say).

    Raises ValueError for a length written wrongly: an unknown unit (with a did-you-mean),
    a unit twice, decimal months, or a number too large to count.
    """
    raw = text.strip().lower()
    if raw.endswith("ago"):
        raw = raw[:-3].rstrip()
    if not raw or not raw[0].isdigit() or ":" in raw or raw.count("-") or raw.count("/"):
        return None
    months, seconds, at = 0, 0.0, 0
    seen: set[str] = set()
    while at < len(raw):
        match = _PART.match(raw, at)
        if match is None:
            return None
        number, unit = match.group(1), match.group(2)
        if unit is None and (seen or match.end() < len(raw.rstrip())):
            return None
        canonical = UNITS.get(unit or "m")
        if canonical is None:
            raise ValueError(f"{text.strip()!r}: {unit!r} is not a unit; {_did_you_mean(unit or '')}")
        if canonical in seen:
            raise ValueError(f"{text.strip()!r} names {canonical!r} twice")
        seen.add(canonical)
        if canonical == "mo":
            if "." in number:
                raise ValueError(f"months must be whole, not {number}; use weeks or days for less")
            months = int(number)
        else:
            seconds += float(number) * SECONDS[canonical]
        at = match.end()
        while at < len(raw) and raw[at].isspace():
            at += 1
    if not math.isfinite(seconds):
        raise ValueError(f"{text.strip()!r} is too large to count")
    return Length(months, seconds)


def _did_you_mean(unit: str) -> str:
    from difflib import get_close_matches

    close = get_close_matches(unit, list(UNITS), n=1, cutoff=0.5)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return hint + "units are s, m (minutes), h, d, w and mo (months)"


def parse_since(text: str, now: datetime) -> datetime:
    """The moment ``text`` names (see the module docstring), as an aware time in ``now``'s zone.

    Args:
        text: as typed, such as "36h", "2d ago", "now", "2026-11-29 18:00" or "18:00".
        now: the aware local time now.

    Raises:
        ValueError: one line saying what was expected, for anything else, a moment in the
            future, before the year 2000, or a length too large to count back.
    """
    raw = text.strip()
    if raw.lower() in ("now", "just now"):
        return now
    length = parse_length(raw)
    if length is not None:
        try:
            return length.back_from(now)
        except ValueError as error:
            raise ValueError(f"{raw!r}: {error}; {EXAMPLES}") from None
    moment = _absolute(raw, now)
    if moment < EARLIEST:
        raise ValueError(f"{raw!r} is before the year 2000; {EXAMPLES}")
    if moment > now + SLACK:
        raise ValueError(f"{raw!r} is in the future; when did the pain or injury start?")
    return moment.astimezone(now.tzinfo)


def _absolute(raw: str, now: datetime) -> datetime:
    clock = _CLOCK.fullmatch(raw)
    if clock:
        hour, minute = int(clock.group(1)), int(clock.group(2))
        if hour < 24 and minute < 60:
            moment = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
            return moment - timedelta(days=1) if moment > now else moment
    try:
        moment = datetime.fromisoformat(raw.replace(" ", "T", 1) if " " in raw else raw)
    except ValueError:
        raise ValueError(f"cannot read {raw!r} as a time; expected {EXAMPLES}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=now.tzinfo)
    return moment


#: The shortest and longest break interval `--every` takes (seconds): ten seconds to try
#: the prompt out, eight hours for one break a working day.
EVERY_RANGE = (10.0, 8 * 3600.0)


def parse_every(text: str) -> float:
    """A break interval for `lumbar breaks --every`: a length such as "1m", "90s", "1.5h"
    or a bare number of minutes ("20"). Returns seconds.

    Raises:
        ValueError: naming what was expected, for anything else or a length outside
            EVERY_RANGE.
    """
    shown = text.strip()
    try:
        length = parse_length(text)
    except ValueError as error:
        raise ValueError(f"--every {error}") from None
    if length is None or "ago" in shown.lower():
        raise ValueError(f"--every takes a length such as 20 (minutes), 1m or 90s, not {shown!r}")
    low, high = EVERY_RANGE
    if length.months or not low <= length.seconds <= high:
        raise ValueError(f"--every must be from {low:g} seconds to {high / 3600:g} hours, not {shown!r}")
    return length.seconds


PERIOD_HELP = "3d, 2w, 1mo (days, weeks, months back from today) or a date such as 2026-11-01"


def parse_period(text: str, today: date) -> date:
    """The first day of a report period ending ``today``: a length back from today (whole
    days at least: "3d", "2w", "1mo") or a date from 2000 on, not after today.

    Raises ValueError, starting "--since", saying what was expected; ``1m`` (a minute) gets
    a did-you-mean for ``1mo``.
    """
    shown = text.strip()
    try:
        length = parse_length(shown)
    except ValueError as error:
        raise ValueError(f"--since {error}; use {PERIOD_HELP}") from None
    if length is not None:
        if not length.months and length.seconds < SECONDS["d"]:
            hint = ""
            if re.fullmatch(r"\d+\s*m", shown.lower()):
                hint = f" (did you mean {shown.lower().rstrip('m').strip()}mo, months?)"
            raise ValueError(f"--since {shown!r} is less than a day{hint}; use {PERIOD_HELP}")
        try:
            start = length.back_from(datetime.combine(today, time(), tzinfo=timezone.utc))
        except ValueError as error:
            raise ValueError(f"--since {shown!r}: {error}; use {PERIOD_HELP}") from None
        return start.date()
    try:
        day = date.fromisoformat(shown)
    except ValueError:
        raise ValueError(f"--since {shown!r} is not a period or a date; expected {PERIOD_HELP}") from None
    if day > today:
        raise ValueError(f"--since {shown}: that date is after today ({today.isoformat()})")
    if day < EARLIEST.date():
        raise ValueError(f"--since {shown}: that is before the year 2000; use {PERIOD_HELP}")
    return day

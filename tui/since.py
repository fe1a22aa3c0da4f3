"""When the pain or injury started, as a person types it: "36h", "2d", "now", a date and time.

Used by `lumbar ice --since ...` and by the question the care screen asks once per episode.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

_AGO = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(m|min|h|d)\s*(?:ago)?\s*$", re.IGNORECASE)
_UNITS = {"m": 60, "min": 60, "h": 3600, "d": 86400}
EXAMPLES = "36h, 2d, 90m, now, or a date and time such as 2026-11-29 18:00"


def parse_since(text: str, now: datetime) -> datetime:
    """The moment `text` names, as an aware time in `now`'s zone.

    Args:
        text: "36h" (hours ago), "2d", "90m", "now", "2026-11-29 18:00", "2026-11-29",
            or "18:00" (today, or yesterday if that is still to come).
        now: the aware local time now.

    Raises:
        ValueError: with a message naming what was expected, for anything else or a
            moment in the future.
    """
    raw = text.strip()
    if raw.lower() in ("now", "just now", "0"):
        return now
    match = _AGO.match(raw)
    if match:
        moment = now - timedelta(seconds=float(match.group(1)) * _UNITS[match.group(2).lower()])
    else:
        moment = _absolute(raw, now)
    if moment > now + timedelta(minutes=1):
        raise ValueError(f"{raw!r} is in the future; when did the pain or injury start?")
    return moment


def _absolute(raw: str, now: datetime) -> datetime:
    if re.fullmatch(r"\d{1,2}:\d{2}", raw):
        hour, minute = map(int, raw.split(":"))
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


_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h)?\s*$", re.IGNORECASE)
_DURATION_UNITS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600}
#: The shortest and longest break interval `--every` takes (seconds): ten seconds to try
#: the prompt out, eight hours for one break a working day.
EVERY_RANGE = (10.0, 8 * 3600.0)


def parse_every(text: str) -> float:
    """A break interval as typed for `lumbar breaks --every`: "1m", "90s", "1.5h", or a bare
    number of minutes ("20"). Returns seconds.

    Raises:
        ValueError: naming what was expected, for anything else or a length outside
            EVERY_RANGE.
    """
    match = _DURATION.match(text)
    if not match:
        raise ValueError(f"--every takes a length such as 20 (minutes), 1m or 90s, not {text.strip()!r}")
    seconds = float(match.group(1)) * _DURATION_UNITS[(match.group(2) or "m").lower()]
    low, high = EVERY_RANGE
    if not low <= seconds <= high:
        raise ValueError(f"--every must be from {low:g} seconds to {high / 3600:g} hours, not {text.strip()!r}")
    return seconds

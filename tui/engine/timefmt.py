"""How times are written on screen; shared by widgets, the CLI and tests."""

from __future__ import annotations

import math


def countdown_seconds(remaining: float) -> int:
    """Whole seconds shown for ``remaining`` seconds: rounded up, so 0 appears only at the end."""
    # A hair of float noise (2.0000000001) must not show as 3.
    return max(0, math.ceil(round(remaining, 6)))


def clock_text(remaining: float) -> str:
    """`m:ss` (or `h:mm:ss`) for a countdown with ``remaining`` seconds left (rounded up)."""
    total = countdown_seconds(remaining)
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes}:{seconds:02d}"


def duration_text(seconds: float) -> str:
    """A planned length of ``seconds`` for lists: `45 s`, `2 min 10 s`, `12 min`, `1 h 5 min`."""
    total = int(round(seconds))
    if total < 60:
        return f"{total} s"
    minutes, secs = divmod(total, 60)
    if minutes < 10:
        return f"{minutes} min {secs} s" if secs else f"{minutes} min"
    # Past ten minutes the seconds are noise: round to whole minutes before splitting hours.
    minutes = (total + 30) // 60
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    return f"{minutes} min"

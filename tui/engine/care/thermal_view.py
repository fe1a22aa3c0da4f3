"""What a screen or the status line shows of an ice or heat application: a read-only snapshot."""

from __future__ import annotations

import math
from typing import TypedDict

from tui.engine.cadence import SLACK, _to_next_second
from tui.engine.care.thermal_state import LABELS, MAX_LEVEL, Application, Kind, Phase, fraction, last_alarm
from tui.engine.frozen import frozen
from tui.engine.timefmt import clock_text, duration_text


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


@frozen
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
    rested: bool = True
    """Once done: the skin had its rest (False after a mis-key, which needs none)."""


class _Common(TypedDict):
    """The fields of ThermalView every phase sets alike."""

    kind: Kind
    label: str
    phase: Phase
    length: float
    stopped: str | None


def view(a: Application, now: float) -> ThermalView:
    t = max(now, a.clock)
    phase = a.phase_at(t)
    base = _Common(kind=a.kind, label=LABELS[a.kind], phase=phase, length=a.length,
                   stopped=a.reason)
    if phase is Phase.ON:
        left = a.ends_at - t
        return ThermalView(**base, remaining=left, progress=fraction(t - a.started_at, a.length),
                           skin_check=t >= a.half_at, line=f"{clock_text(left)} left")
    if phase is Phase.ALARM:
        overdue = t - a.ends_at
        ago = "ended just now" if overdue < 1 else f"ended {duration_text(math.floor(overdue))} ago"
        k = last_alarm(a, t)
        level = min((k or 0) + 1, MAX_LEVEL)  # k is set once past the end
        return ThermalView(**base, remaining=None, progress=1.0, level=level, overdue=overdue,
                           ended_ago=ago, line=f"{ago}: take it off now")
    if phase is Phase.REST:
        assert a.off_at is not None and a.rest_ends_at is not None
        left = a.rest_ends_at - t
        return ThermalView(**base, remaining=left, progress=fraction(t - a.off_at, a.rest),
                           line=f"skin rest, {clock_text(left)} left")
    if a.rest <= 0:  # taken off within its first minute (a mis-key): no rest was needed
        return ThermalView(**base, remaining=None, progress=1.0, rested=False,
                           line="taken off at once: start again?")
    return ThermalView(**base, remaining=None, progress=1.0, line="rested: another round?")

"""An ice or heat application's state and numbers: what thermal.py moves and thermalview.py shows.

Every time is on the real clock, in seconds (see thermal.py). Standard library only.
"""

from __future__ import annotations

import math
from enum import Enum
from typing import Literal

from tui.engine.frozen import frozen

Kind = Literal["ice", "heat"]
KINDS: tuple[Kind, ...] = ("ice", "heat")

MINUTE = 60.0
#: Default length of one application: 15 minutes, the top of the NHS leaflets' 10-15
#: (docs/sources.md, "Ice and heat").
DEFAULT_LENGTH = 15 * MINUTE
#: Allowed lengths. Upper: never more than 20 minutes at a time (docs/sources.md, "Ice and heat"); longer
#: risks the skin. Lower: one minute, the shortest run that is still an application (and
#: lets a person try the whole flow quickly).
MIN_LENGTH, MAX_LENGTH = 1 * MINUTE, 20 * MINUTE
#: Skin rest after an application, "to let the skin
#: rest" (the seeds give no length; lumbar's own choice: docs/sources.md, "Ice and heat").
DEFAULT_REST = 20 * MINUTE
#: Allowed skin rests: from one minute (to try the flow) to three hours (the longest wait
#: before the next ice, with ice_every_minutes at its top; past that it is a new session).
MIN_REST, MAX_REST = 1 * MINUTE, 180 * MINUTE
#: The alarm repeats this often (seconds) until acknowledged...
ALARM_EVERY = 30.0
#: ...one level louder each time, up to this level (1 = the first ring at the end).
MAX_LEVEL = 5
#: What the halfway skin check looks for (docs/sources.md, "Ice and heat").
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


@frozen
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


def alarm_at(a: Application, k: int) -> float:
    return a.ends_at + k * ALARM_EVERY


def last_alarm(a: Application, t: float) -> int | None:
    """Index of the latest alarm moment at or before `t`; None before the end."""
    if t < a.ends_at:
        return None
    k = math.floor((t - a.ends_at) / ALARM_EVERY)
    # Division can land a hair either side of a slot: settle it on the exact moments.
    while alarm_at(a, k + 1) <= t:
        k += 1
    while k > 0 and alarm_at(a, k) > t:
        k -= 1
    return k


def fraction(part: float, whole: float) -> float:
    return min(1.0, max(0.0, part / whole)) if whole > 0 else 1.0

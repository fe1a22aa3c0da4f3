"""Events of an ice or heat application (tui/engine/care/thermal.py).

Apart from the session's events (tui/engine/events.py) so that a start that never puts a
pack on does not build their classes.
"""

from __future__ import annotations

from tui.engine.events import Event
from tui.engine.frozen import frozen


@frozen
class SkinCheckDue(Event):
    """Halfway through an ice or heat application: time to look at the skin."""

    kind: str
    """"ice" or "heat"."""


@frozen
class AlarmRang(Event):
    """The application's time is up and it is still on: ring, louder as `level` grows."""

    level: int
    """1 at the planned end, one more each repeat, capped (thermal.MAX_LEVEL)."""


@frozen
class ApplicationEnded(Event):
    """An ice or heat application came off: what the history keeps of it.

    `at` and the times below are on the real clock (seconds, suspend included).
    """

    kind: str
    started_at: float
    ended_at: float
    planned: float
    """Planned length in seconds."""
    outcome: str
    """"finished" (ran its length, taken off at the alarm) or "stopped" (taken off early)."""
    reason: str | None = None
    """Why it was stopped early; None when it ran its length."""


@frozen
class RoundOffered(Event):
    """The skin has rested: another round may start."""

    kind: str

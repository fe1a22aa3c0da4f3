"""Events of the desk-break schedule (tui/engine/breaks/schedule.py).

Their moments are on the real clock (seconds, suspend included), like everything in that
module. Apart from the session's events (tui/engine/events.py) so that a start without the
break scheduler does not build their classes.
"""

from __future__ import annotations

from tui.engine.events import Event
from tui.engine.frozen import frozen


@frozen
class BreakHeadsUp(Event):
    """A break is coming: the prompt follows at `due`."""

    due: float


@frozen
class BreakDue(Event):
    """Time for a break: prompt to start the routine, snooze or skip."""

    snoozes_left: int
    """Snoozes still allowed in a row; 0 means the prompt offers only start and skip."""


@frozen
class BreakTaken(Event):
    """A break counted; the next interval starts from its end."""

    how: str
    """"routine" (a routine ended), "natural" (idle or locked), "suspend", "manual" (a
    break the user reports, or a started break whose length passed)."""


@frozen
class BreakSnoozed(Event):
    until: float
    """When the prompt comes back."""
    in_row: int
    """Snoozes in a row, this one included."""


@frozen
class BreakSkipped(Event):
    how: str = "prompt"
    """"prompt" (answered), "unanswered" (nobody answered in time), "through" (a desk break
    in which every exercise was skipped)."""


@frozen
class BreakRefused(Event):
    """A snooze or skip that was not done; the schedule is unchanged."""

    command: str
    """"snooze" or "skip"."""
    reason: str
    """"limit" (snoozed too often in a row) or "not-due" (no break is due or coming)."""


@frozen
class MeetingStarted(Event):
    until: float
    """When reminders come back by themselves."""


@frozen
class MeetingEnded(Event):
    seconds: float
    """How long the meeting pause lasted."""
    early: bool
    """Ended by the user (resume, pause, a new meeting) rather than by its own end."""


@frozen
class WorkHoursStarted(Event):
    pass


@frozen
class WorkHoursEnded(Event):
    """Working hours are over: any open break prompt is withdrawn."""

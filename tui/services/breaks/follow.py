"""A second lumbar's view of a break schedule that another process runs.

Only one scheduler runs per user (tui/services/breaks/lock.py). Another lumbar with breaks on shows
the holder's countdown and today's counts all the same, rebuilt from what the holder keeps
in the store (`break_state`, `breaks_today`, through `BreakKeeper.begin`), and never
prompts, notifies or writes: its activity runs on `FOLLOW`, the engine's driver with every
event dropped. The shell rebuilds the state whenever its view changes (`stale`), so a
snooze, a skip or a meeting in the holder shows here within that time. When the holder
ends, the lock's waiter hands the schedule over and this lumbar runs it itself. No Textual.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from tui.engine.breaks import schedule as breaks
from tui.engine.activities import Driver
from tui.engine.breaks.state import Breaks, set_at
from tui.engine.breaks.view import minutes_shown

#: Longest time between two readings of the store while following (seconds): the
#: countdown shows whole minutes, so its view changes at least this often anyway.
REFRESH = 60.0
#: The same while a break is due or under way: the holder's prompt is answered there, or
#: its routine ends, and this view should follow within a few seconds (a small read of the
#: store each time).
DUE_REFRESH = 5.0


def _advance(state: Breaks, now: float) -> tuple[Breaks, tuple[()]]:
    return breaks.advance(state, now)[0], ()


def _refresh(state: Breaks) -> float:
    return DUE_REFRESH if state.prompt or state.in_break else REFRESH


def _deadline(state: Breaks) -> float:
    """The schedule's own next change, or the next reading of the store, if sooner."""
    return min(breaks.deadline(state), state.clock + _refresh(state))


FOLLOW = Driver(clock=breaks.CLOCK, advance=_advance, deadline=_deadline,
                next_change=breaks.next_change, view=breaks.view, finished=breaks.finished)
"""The break schedule as another process runs it: the same view, no events."""


class BreakFollower:
    """Rebuilds the holder's schedule from the store; never writes or notifies.

    Args:
        keeper: a BreakKeeper with the store (its notifier is never used here).
        holder: the pid of the process that schedules, when known (for the status).
    """

    def __init__(self, keeper: Any, holder: int | None = None) -> None:
        self.keeper = keeper
        self.holder = holder
        self._schedule = keeper.schedule
        self.read_at: float | None = None
        """When the store was last read (real clock)."""
        self.shown: Any = None
        """The view the last rebuild gave, to tell when it changed."""

    def state(self, real_now: float) -> Breaks:
        """The holder's schedule at `real_now` (real clock), as the store has it now."""
        # The holder's interval, which its own --every may have set.
        saved = _saved(self.keeper.store)
        every = _saved_every(saved)
        self.keeper.schedule = (self._schedule if every is None
                                else replace(self._schedule, every=every))
        state, _ = self.keeper.begin(real_now)  # a break found due is the holder's to prompt
        state, _ = breaks.advance(state, real_now)  # ...and shows as due here at once
        if saved.get("in_break") is True:  # the holder runs a routine: no countdown here
            state = set_at(state, state.clock, in_break=True, prompt=False)
        self.read_at = real_now
        self.shown = breaks.view(state, real_now)
        return state

    def stale(self, state: Breaks, real_now: float) -> bool:
        """Time to read the store again: the view changed since, or REFRESH passed
        (DUE_REFRESH while a break is due)."""
        if self.read_at is None or real_now - self.read_at >= _refresh(state):
            return True
        return _shown(breaks.view(state, real_now)) != _shown(self.shown)


def _saved(store: Any) -> dict[str, Any]:
    try:
        return store.break_state() or {}
    except Exception:  # noqa: BLE001 - no saved state (or an older store): the settings' own
        return {}


def _saved_every(saved: dict[str, Any]) -> float | None:
    every = saved.get("every")
    if isinstance(every, (int, float)) and not isinstance(every, bool) and every > 0:
        return float(every)
    return None


def _shown(view: Any) -> tuple:
    """What the status line shows of a view: its status, whole minutes left, counts."""
    if view is None:
        return ()
    left = view.remaining if view.remaining is not None else view.left
    return (view.status, minutes_shown(left), view.counts, view.snoozes_left)

"""What the break schedule does outside the engine: rows, notifications, the saved state.

Shared by the App (tui/app/breaks/modes.py) and the headless runner: both begin the schedule
here (`begin`, which restores what the store kept after a restart), move it themselves,
and after every advance or command hand the new state and its events to `handle`. The
engine (tui.engine.breaks.schedule) stays pure; the keeper is the edge that writes. No Textual.

Restart: the store keeps one JSON value (`save_break_state`), written only when what it
says changes, so a steady countdown costs no writes: while work counts, the next break is
a fixed moment; in a pause, the work left; in a meeting, the moment it ends.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from tui.engine.breaks import schedule as breaks
from tui.engine.breaks.state import Breaks, Counts, Schedule
from tui.engine.breaks.events import (
    BreakDue, BreakHeadsUp, BreakSkipped, BreakSnoozed, BreakTaken, MeetingEnded, MeetingStarted,
    WorkHoursEnded,
)
from tui.engine.events import Event
from tui.engine.breaks.workhours import EDGE, local_date

# The prompt's words are tui.engine.breaks.words' (one place for every sentence of it).
from tui.engine.breaks.words import HEADS_UP_TITLE, PROMPT_TITLE, WHY, due_offer, heads_up_body


def local_now() -> datetime:
    """The aware local time now (tui.services.clocks.wall)."""
    from tui.services.clocks import wall

    return wall()


#: Events that answer a break: its notification has done its work.
ANSWERS = (BreakSnoozed, BreakSkipped, BreakTaken, MeetingStarted, WorkHoursEnded)
#: What the break's notification is about: a heads-up, then its "due", replace each other,
#: and the notification is closed once the break is answered anywhere.
KEY = "break"


def due_notice(snoozes_left: int, snooze_minutes: float) -> tuple[str, str]:
    """(title, body) of the notification when a break is due: what to do, what lumbar offers."""
    return (PROMPT_TITLE, f"{WHY} {due_offer(snoozes_left, snooze_minutes)}")


def due_buttons(snoozes_left: int, snooze_minutes: float) -> tuple[tuple[str, str], ...]:
    """The due notification's buttons, as (request, label) (tui.engine.breaks.words)."""
    from tui.engine.breaks.words import due_buttons as buttons

    return buttons(snoozes_left, snooze_minutes)


def due_notification(snoozes_left: int, snooze_minutes: float) -> Any:
    """The Notice for a due break: buttons where the desktop has them, else the keys."""
    from tui.services.notify import Notice

    title, body = due_notice(snoozes_left, snooze_minutes)
    keys = body[len(WHY):].strip()
    return Notice(title, WHY, "critical", key=KEY, keys=keys,
                  actions=due_buttons(snoozes_left, snooze_minutes))


def heads_up_notice(seconds: float) -> tuple[str, str]:
    """(title, body) of the heads-up `seconds` before a break."""
    return (HEADS_UP_TITLE, heads_up_body(seconds))


class BreakKeeper:
    """Begins the schedule, and keeps the store and the notifications in step with it.

    Args:
        schedule: the settings of the schedule (`Settings.schedule()`).
        store: the history store (tui.services.store.Store, or the tests' FakeStore); None keeps
            nothing and restores nothing.
        notifier: tui.services.notify.Notifier; None sends nothing.
        wall: the aware local time now; only its difference from the real clock is used.
    """

    def __init__(self, schedule: Schedule, *, store: Any = None, notifier: Any = None,
                 wall: Callable[[], datetime] = local_now) -> None:
        self.schedule = schedule
        self.store = store
        self.notifier = notifier
        self.wall = wall
        self.pid = os.getpid()
        self._last: dict[str, Any] | None = None
        """What was saved last, without its "saved" stamp (unchanged: nothing written)."""
        self._shown = False
        """A notification about the coming or due break is on the desktop."""

    def begin(self, real_now: float) -> tuple[Breaks, tuple[Event, ...]]:
        """The schedule at `real_now` (real clock): restored from the store when it kept one.

        The next break, the snoozes in a row and today's counts come back (a break whose
        time passed while lumbar was closed is due at once: its BreakDue is returned); a
        pause or a meeting still under way goes on. Without a store, a new schedule.
        """
        offset = self.wall().timestamp() - real_now
        if self.store is None:
            return breaks.start(self.schedule, real_now, offset)
        zone = self.schedule.hours.zone
        day = local_date(zone, real_now + offset + EDGE)
        saved = _quietly(getattr(self.store, "break_state", None)) or {}
        today = _quietly(getattr(self.store, "breaks_today", None), day) or {}
        counts = Counts(day, taken=int(today.get("taken", 0)), natural=int(today.get("natural", 0)),
                        snoozed=int(today.get("snoozed", 0)), skipped=int(today.get("skipped", 0)),
                        through=int(today.get("through", 0)),
                        meeting=float(today.get("meeting", 0.0)))
        return breaks.restore(
            self.schedule, real_now, offset, next_break=_number(saved.get("next_break")),
            snoozes=int(_number(saved.get("snoozes")) or 0), counts=counts,
            meeting_ends=_number(saved.get("meeting_ends")),
            paused_left=_number(saved.get("paused_left")))

    def handle(self, state: Breaks, events: Iterable[Event]) -> None:
        """A row for each break, snooze, skip and meeting; a notification for each heads-up
        and due break; then the state saved if it changed. Never raises: a failing store
        or notifier must not stop the schedule."""
        answered = False
        for event in events:
            try:
                self._row(event)
                self._notify(event)
            except Exception:  # noqa: BLE001 - the store and notifier report their own failures
                pass
            if isinstance(event, ANSWERS):
                answered = self._shown
            elif isinstance(event, (BreakHeadsUp, BreakDue)):
                answered = False
        if self._shown and not state.prompt and (answered or not breaks.due_or_near(state)):
            # Answered here or in a door, taken, held for a meeting, or the day's work is
            # over: a critical notification would otherwise stay on the desktop for good.
            self._shown = False
            withdraw = getattr(self.notifier, "withdraw", None)
            if withdraw is not None:
                withdraw(KEY)
        saved = self.saved(state)
        kept = {k: v for k, v in saved.items() if k != "saved"}
        save = getattr(self.store, "save_break_state", None)
        if save is None or kept == self._last:
            return
        try:
            save(saved)
            self._last = kept
        except Exception:  # noqa: BLE001
            pass

    def saved(self, state: Breaks) -> dict[str, Any]:
        """What `save_break_state` gets for `state` (UTC epoch seconds; see the store's API).

        next_break: the next prompt while work counts (the moment the prompt opened while
        it is open); in a meeting, its end plus the work left, so a restart mid-meeting
        never prompts the moment it ends; None while paused, off duty or in a routine (a
        routine that was running when lumbar stopped is over: the interval starts again).
        """
        o, hold = state.offset, state.hold
        next_break: float | None = None
        if state.on_duty and not state.in_break:
            if hold is None:
                next_break = (state.due if state.due is not None else state.clock + state.left) + o
            elif hold == "meeting" and state.hold_until is not None:
                next_break = state.hold_until + state.left + o
        return {
            "next_break": next_break,
            "snoozes": state.snoozes,
            "paused_left": state.left if hold == "pause" else None,
            "meeting_ends": state.hold_until + o if hold == "meeting" and state.hold_until is not None else None,
            "every": state.schedule.every,
            "in_break": state.in_break,  # for a lumbar that follows: "on a break", not a countdown
            "pid": self.pid,
            "saved": state.clock + o,
        }

    def _row(self, event: Event) -> None:
        if self.store is None:
            return
        if isinstance(event, BreakTaken):
            self.store.record_break("taken", event.how)
        elif isinstance(event, BreakSnoozed):
            self.store.record_break("snoozed")
        elif isinstance(event, BreakSkipped):
            self.store.record_break("skipped", event.how)
        elif isinstance(event, MeetingEnded):
            self.store.record_break("meeting", None, event.seconds)

    def _notify(self, event: Event) -> None:
        if self.notifier is None:
            return
        from tui.services.notify import Notice

        if isinstance(event, BreakHeadsUp):
            self.notifier.send(Notice(*heads_up_notice(event.due - event.at), key=KEY))
            self._shown = True
        elif isinstance(event, BreakDue):
            self.notifier.send(due_notification(event.snoozes_left, self.schedule.snooze / 60))
            self._shown = True


def _quietly(fn: Callable[..., Any] | None, *args: Any) -> Any:
    """A store read that must not stop the schedule from starting (the store reports its
    own failures); None for a store without it (one older than the breaks table)."""
    if fn is None:
        return None
    try:
        return fn(*args)
    except Exception:  # noqa: BLE001
        return None


def _number(value: Any) -> float | None:
    """A saved number, or None for anything else (a hand-edited or older saved state)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)

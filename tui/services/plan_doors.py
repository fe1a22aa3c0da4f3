"""The plan's reminder through the doors onto the break scheduler (tui/services/breaks/door.py):
what the scheduler tells them and how it takes their answer. No I/O, no clock, no Textual.

News, to every door: `{"changed": true, "reminder": SHOWN}` when a routine's reminder
opens, and `{"changed": true, "reminder": null}` once it is answered anywhere (a door, the
scheduler's own prompt, the notification's buttons). SHOWN is what the door's prompt needs,
worded by the scheduler, which knows the plan and the routines' names:
`{"routine": key, "day": "YYYY-MM-DD", "title": str, "body": str, "note": str,
"snoozes_left": int}`.

Request, from a door: `{"do": "plan", "what": "started" | "snoozed" | "skipped",
"routine": key}`; the routine names the reminder answered, so an answer to one that was
answered meanwhile (or replaced by the next) is refused rather than applied to another.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from tui.engine.events import Event
from tui.engine.plan import schedule as plan_schedule
from tui.engine.plan import words
from tui.engine.plan.schedule import PlanReminders, ReminderAnswered, ReminderDue
from tui.services.breaks.requests import Answer

#: The request's name.
REQUEST = "plan"
#: What a door may answer (the prompt's Start, Snooze, Skip today).
ANSWERS = ("started", "snoozed", "skipped")


def shown(state: PlanReminders | None, now: float, name: Callable[[str], str] | None = None) -> dict[str, Any] | None:
    """The open reminder as a door shows it, or None: none open, or one of an earlier day
    (left open overnight, it is no longer worth a prompt). `now` is the real clock; `name`
    gives a routine's name from its key (default the key)."""
    if state is None or state.open is None:
        return None
    r = state.open
    today = datetime.fromtimestamp(now + state.offset, state.zone).date()
    if r.day != today:
        return None
    title = (name or str)(r.routine)
    return {
        "routine": r.routine,
        "day": r.day.isoformat(),
        "title": words.reminder_title(title),
        "body": words.reminder_body(state.plan, state.plan.entry(r.routine)),
        "note": state.plan.note,
        "snoozes_left": max(0, state.max_snoozes - state.snoozes.get(r.routine, 0)),
    }


def news(state: PlanReminders | None, now: float, name: Callable[[str], str] | None = None) -> dict[str, Any]:
    """The message every door gets when the open reminder changed (see the module docstring)."""
    return {"changed": True, "reminder": shown(state, now, name)}


def touches(events: Iterable[Event]) -> bool:
    """The events opened a routine's reminder or answered one: the doors hear of it."""
    return any((isinstance(e, ReminderDue) and e.reminder.kind == "routine")
               or isinstance(e, ReminderAnswered) for e in events)


def apply(state: PlanReminders | None, now: float, args: dict[str, Any],
          ) -> tuple[PlanReminders | None, tuple[Event, ...], Answer]:
    """A door's answer to the open reminder at `now` (real clock): the new state, its
    events (ReminderAnswered among them when done) and the answer. Never raises."""
    if state is None:
        return state, (), Answer(False, "No plan is in use: there is no reminder to answer.")
    what = args.get("what")
    if what not in ANSWERS:
        return state, (), Answer(False, f"Unknown answer {what!r}: expected one of {', '.join(ANSWERS)}.")
    state, moved = plan_schedule.advance(state, now)  # judged on the reminders as they are now
    if state.open is None or state.open.routine != args.get("routine"):
        return state, moved, Answer(False, "That reminder was answered already.")
    new, events = plan_schedule.answer(state, now, str(what))
    if not any(isinstance(e, ReminderAnswered) for e in events):
        return new, moved + events, Answer(False, "No snoozes left in a row: start it or skip it today.")
    return new, moved + events, Answer(True)

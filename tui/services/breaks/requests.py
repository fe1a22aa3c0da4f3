"""What a door (another lumbar, a notification button) may ask of the break scheduler.

Only the process that holds the scheduler lock moves the schedule. Every other way in (a
second lumbar in a terminal, a browser page from `lumbar serve`, a button on the desktop
notification) sends it a request by name; `apply` turns that into the engine's command and
says, in one line, why a request that cannot apply was not done. Pure apart from the
words: no I/O, no clock, no Textual.

Requests (`do`, then its arguments):
- "start": a desk break or routine started in the door (no prompts until "end");
- "end" (`skipped`: bool): it ended; skipped when nothing of it was done;
- "snooze", "skip": answer the due break;
- "meeting" (`until`: UTC epoch seconds): hold reminders until then;
- "pause", "resume": hold reminders, or end a pause or a meeting early;
- "taken": a break the user took away from lumbar.
"""

from __future__ import annotations

from typing import Any, Callable

from tui.engine.breaks import schedule as breaks
from tui.engine.breaks.events import BreakRefused
from tui.engine.breaks.state import Breaks
from tui.engine.events import Event
from tui.engine.frozen import frozen

#: Every request a scheduler answers.
NAMES = ("start", "end", "snooze", "skip", "meeting", "pause", "resume", "taken")


@frozen
class Answer:
    """What the scheduler says back: done, or not and why (one line for a person)."""

    ok: bool
    say: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "say": self.say}


def command(do: str, args: dict[str, Any], state: Breaks) -> tuple[Callable[..., Any], tuple[Any, ...]] | str:
    """The engine command and its arguments after `now` for request `do`, or why not."""
    if do == "start":
        return breaks.start_break, ()
    if do == "end":
        return breaks.end_break, (bool(args.get("skipped", False)),)
    if do == "snooze":
        return breaks.snooze, ()
    if do == "skip":
        return breaks.skip, ()
    if do == "pause":
        return breaks.pause, ()
    if do == "resume":
        return breaks.resume, ()
    if do == "taken":
        return breaks.break_taken, ()
    if do == "meeting":
        until = args.get("until")
        if isinstance(until, bool) or not isinstance(until, (int, float)):
            return "A meeting needs the time it ends."
        return breaks.meeting, (float(until) - state.offset,)
    return f"Unknown request {do!r}: expected one of {', '.join(NAMES)}."


def refusal(events: tuple[Event, ...], state: Breaks) -> str | None:
    """Why the command that gave `events` did nothing, in one line; None if it did."""
    from tui.engine.breaks.words import refused_text

    for event in events:
        if isinstance(event, BreakRefused):
            return refused_text(event.command, event.reason)
    return None


def precheck(do: str, state: Breaks) -> str | None:
    """Why a request cannot apply to `state` before trying it (the engine would do nothing
    and say nothing); None when it may."""
    if do in ("pause", "meeting", "taken", "snooze", "skip") and not state.on_duty:
        return "Outside working hours there are no break reminders to hold or answer."
    if do == "resume" and state.hold not in ("pause", "meeting"):
        return "Reminders are not paused and no meeting is on: nothing to resume."
    if do == "taken" and state.in_break:
        return "A break is under way already."
    return None


def apply(state: Breaks, now: float, do: str, args: dict[str, Any] | None = None,
          ) -> tuple[Breaks, tuple[Event, ...], Answer]:
    """Carry out request `do` at `now` (real clock); the new state, its events and the
    answer. Never raises: a request that cannot apply leaves the state as it was."""
    state, moved = breaks.advance(state, now)  # judged on the schedule as it is now
    why = precheck(do, state)
    if why is not None:
        return state, moved, Answer(False, why)
    found = command(do, args or {}, state)
    if isinstance(found, str):
        return state, moved, Answer(False, found)
    fn, extra = found
    try:
        new, events = fn(state, now, *extra)
    except ValueError:
        return state, moved, Answer(False, "That meeting would end before it starts: give a later time.")
    why = refusal(events, new)
    return new, moved + events, Answer(why is None, why or "")

"""The break schedule in words: the status line, the prompt, its notification and toasts,
and the breaks panel. Every sentence a person reads about a break prompt is here, so
changing its wording touches this module only (the prompt's screen is tui/screens/breaks.py,
its notification tui/services/breaks/keeper.py, its toasts tui/app/breaks/prompt.py).

The engine's view (tui.engine.breaks.view) gives seconds; this turns them into what a
person reads, with wall times where a moment is meant ("meeting until 14:30"). A wait
of more than a minute is whole minutes, rounded up (the engine wakes the screen once a
minute for it); the last minute and a heads-up count in seconds. No Textual.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from tui.engine.breaks.view import MINUTE, BreaksView, minutes_shown
from tui.engine.frozen import frozen


#: What a desk break is for, in lumbar's words (docs/sources.md, "Desk breaks": we sit bent
#: forward all day, so stand and stretch the other way, backwards, and the legs too).
WHY = "Stand up, lean back gently to stretch the other way, then stretch your legs."
#: The prompt's title, and its notification's.
PROMPT_TITLE = "Time to stand up and stretch"
#: The heads-up's title, as a toast and as a notification.
HEADS_UP_TITLE = "Stretch break soon"
#: Said when a break is taken with no break routine to start.
COUNTED_AS_BREAK = "Counted as a break. Stand up and stretch backwards for two minutes."


def heads_up_toast(seconds: float) -> str:
    """The heads-up toast `seconds` before a break."""
    return f"Stretch break in {seconds:.0f} s: finish what you are typing, then stand up."


def heads_up_body(seconds: float) -> str:
    """The heads-up notification's body `seconds` before a break."""
    return f"In {seconds:.0f} seconds: finish what you are typing, then stand up."


def due_offer(snoozes_left: int, snooze_minutes: float) -> str:
    """What the due notification offers in lumbar: "In lumbar: start the desk break, ..."."""
    offer = (f"snooze {span_text(snooze_minutes)} or skip" if snoozes_left > 0
             else "or skip (no more snoozes in a row)")
    return f"In lumbar: start the desk break, {offer}."


def due_buttons(snoozes_left: int, snooze_minutes: float) -> tuple[tuple[str, str], ...]:
    """The due notification's buttons, as (request, label): start, snooze while snoozes are
    left, skip. Each is the request of the same name (tui/services/breaks/requests.py)."""
    snooze = ((("snooze", f"Snooze {span_text(snooze_minutes)}"),) if snoozes_left > 0 else ())
    return (("start", "Start the break"), *snooze, ("skip", "Skip"))


def prompt_offer(routine: str, snoozes_left: int, snooze_minutes: float) -> str:
    """The prompt's line under WHY: what Enter starts and what a snooze does."""
    if snoozes_left > 0:
        return (f"Enter starts {routine}. A snooze puts it off "
                f"{span_text(snooze_minutes)}; {snoozes_left} left in a row.")
    return f"Enter starts {routine}. No snoozes left in a row: take it or skip it."


def prompt_refused(max_snoozes: int) -> str:
    """The prompt's line when a snooze is refused at the limit."""
    times = {1: "once", 2: "twice"}.get(max_snoozes, f"{max_snoozes} times")
    return (f"Not snoozed: this break was put off {times} in a row already. "
            "Take it now (Enter), or skip it (k).")


@frozen
class BreakWords:
    """The schedule as the status line shows it (tui.widgets.activity_line.describe)."""

    label: str
    line: str


def wait_text(seconds: float, in_seconds: bool = False) -> str:
    """"14 min" while more than a minute is left, else "0:25" (seconds rounded up)."""
    if seconds > MINUTE and not in_seconds:
        return f"{minutes_shown(seconds)} min"
    whole = max(0, math.ceil(round(seconds, 9)))
    return f"{whole // 60}:{whole % 60:02d}"


def span_text(minutes: float) -> str:
    """A snooze's length for people: "5 min", "1.5 min", or "20 s" under a minute."""
    if minutes < 1:
        return f"{round(minutes * 60):d} s"
    return f"{round(minutes, 1):g} min"


def at_text(moment: datetime, now: datetime) -> str:
    """"14:30" today, "Mon 09:00" on another day. The moment is taken to the nearest
    second first: one rebuilt from two clocks may land a hair before the minute it means."""
    moment = (moment + timedelta(microseconds=500_000)).replace(microsecond=0)
    return moment.strftime("%H:%M") if moment.date() == now.date() else moment.strftime("%a %H:%M")


def status_text(v: BreaksView, now: datetime) -> str:
    """What the status line says after "Stretch break · ": "in 14 min", "due now"..."""
    if v.status in ("working", "heads-up") and v.remaining is not None:
        return "in " + wait_text(v.remaining, v.status == "heads-up")
    if v.status == "due":
        return "due now"
    if v.status == "in-break":
        return "on a break"
    if v.status == "paused":
        return "reminders paused"
    if v.status == "meeting" and v.resumes_in is not None:
        return "meeting until " + at_text(now + timedelta(seconds=v.resumes_in), now)
    if v.starts_in is not None:
        return "after work starts " + at_text(now + timedelta(seconds=v.starts_in), now)
    return "no working days set"


def counts_text(v: BreaksView) -> str:
    """Today's counts in one line: "3 taken (1 natural) · 1 snoozed · 0 skipped · 30 min in meetings"."""
    c = v.counts
    taken = f"{c.taken} taken" + (f" ({c.natural} natural)" if c.natural else "")
    skipped = f"{c.skipped} skipped" + (f" ({c.through} skipped through)" if c.through else "")
    return (f"{taken} · {c.snoozed} snoozed · {skipped} · "
            f"{round(c.meeting / MINUTE)} min in meetings")


def days_text(days: tuple[str, ...]) -> str:
    """"every day", "Monday to Friday", or the days as written ("on mon wed fri")."""
    from tui.engine.breaks.workhours import DAYS

    if tuple(days) == DAYS:
        return "every day"
    if tuple(days) == DAYS[:5]:
        return "Monday to Friday"
    return "on " + " ".join(days)


def rule_text(every: float, hours: tuple[str, tuple[str, ...]] | None = None) -> str:
    """The schedule in one line: "Every 20 min of work, 09:00-17:00 Monday to Friday.".

    `every` in seconds; `hours` the settings' (work_hours, work_days), None to leave out.
    """
    text = f"Every {every / 60:g} min of work" if every >= 60 else f"Every {every:g} s of work"
    if hours is not None:
        text += f", {hours[0]} {days_text(hours[1])}"
    return text + "."


#: What a toast says once a request is done (here, or by the scheduler for a door).
DONE = {
    "skip": "Skipped (counted). The next stretch break comes one interval from now.",
    "pause": "Break reminders paused: press b, then p, to resume.",
    "resume": "Break reminders are back; the time worked before the pause counts.",
}


def snoozed_text(back: datetime, now: datetime) -> str:
    return f"Snoozed: the break comes back at {at_text(back, now)}."


def meeting_text(until: datetime, now: datetime) -> str:
    return f"Meeting: no break reminders until {at_text(until, now)}."


def door_done(what: str, state: object, now: datetime) -> str:
    """The toast for request `what` carried out by the scheduler, from its schedule as read
    again (`state`, tui.engine.breaks.state.Breaks, or None); "" for none."""
    if what in DONE:
        return DONE[what]
    due = getattr(state, "due", None)
    clock = getattr(state, "clock", None)
    if what == "snooze" and due is not None and clock is not None:
        return snoozed_text(now + timedelta(seconds=due - clock), now)
    until = getattr(state, "hold_until", None)
    if what == "meeting" and until is not None and clock is not None:
        return meeting_text(now + timedelta(seconds=until - clock), now)
    return ""


def refused_text(command: str, reason: str) -> str:
    """Why a snooze or skip was not done, in one line (the engine's BreakRefused)."""
    if reason == "limit":
        return "No more snoozes in a row: take the break or skip it."
    return f"No break is due now: nothing to {command}."


def event_toast(event: object, now: datetime) -> str:
    """The toast a break event gives in the lumbar that schedules ("" for none); `now` is
    the local time the event is read at."""
    from tui.engine.breaks.events import (
        BreakRefused, BreakSkipped, BreakSnoozed, BreakTaken, MeetingEnded, MeetingStarted,
    )

    at = getattr(event, "at", 0.0)
    if isinstance(event, BreakRefused):
        return refused_text(event.command, event.reason)
    if isinstance(event, BreakSnoozed):
        return snoozed_text(now + timedelta(seconds=event.until - at), now)
    if isinstance(event, BreakSkipped):
        return {"prompt": DONE["skip"],
                "through": "Nothing of it was done: counted as a break skipped."}.get(event.how, "")
    if isinstance(event, BreakTaken) and event.how in ("natural", "suspend"):
        return "You were away long enough: counted as a break taken."
    if isinstance(event, MeetingStarted):
        return meeting_text(now + timedelta(seconds=event.until - at), now)
    if isinstance(event, MeetingEnded) and not event.early:
        return "The meeting pause is over: break reminders are back."
    return ""

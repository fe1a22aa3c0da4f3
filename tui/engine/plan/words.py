"""The plan in words: adherence, the next planned session, the review. Pure; dates and
times are passed in."""

from __future__ import annotations

from datetime import date

from tui.engine.plan.adherence import Adherence
from tui.engine.plan.model import DAYS, Entry, Plan


def adherence_text(a: Adherence, window_first: date | None = None) -> str:
    """"9 of 12 planned sessions in 4 weeks" (see `done_text` and `span_text`)."""
    done = done_text(a)
    return f"{done} {span_text(a, window_first)}" if a.planned else done


def done_text(a: Adherence) -> str:
    """"9 of 12 planned sessions"; before anything was planned, why nothing counts yet."""
    if a.weeks == 0:
        return f"the plan starts {a.first:%a %-d %b}"
    if a.planned == 0:
        return f"no session planned yet since {a.first:%-d %b}"
    return f"{a.done} of {a.planned} planned session{'s' if a.planned != 1 else ''}"


def span_text(a: Adherence, window_first: date | None = None) -> str:
    """"in 4 weeks", or "since 2 Nov" when the plan began after `window_first` (the first
    day the window would have counted)."""
    if window_first is not None and a.first > window_first:
        return f"since {a.first:%-d %b}"
    return f"in {a.weeks} week{'s' if a.weeks != 1 else ''}"


def days_text(entry: Entry) -> str:
    """"mon wed fri" or "3 days a week" (or "every day")."""
    if entry.weekdays is None:
        return f"{entry.per_week} day{'s' if entry.per_week != 1 else ''} a week"
    if len(entry.weekdays) == 7:
        return "every day"
    return " ".join(DAYS[d] for d in sorted(entry.weekdays))


def entry_text(entry: Entry, name: str) -> str:
    """"Core basics: mon wed fri at 18:00"."""
    at = f" at {entry.at:%H:%M}" if entry.at is not None else ""
    return f"{name}: {days_text(entry)}{at}"


def review_text(plan: Plan, today: date) -> str | None:
    """"Review with Sam Okafor on Mon 14 Dec (in 3 days)", or None without a review date."""
    when = review_when(plan, today)
    if when is None:
        return None
    who = f" with {plan.set_by}" if plan.set_by else ""
    return f"Review{who} on {when}"


def review_when(plan: Plan, today: date) -> str | None:
    """"Mon 14 Dec (in 3 days)" ("today", "tomorrow", "passed"); None without a review date."""
    if plan.review is None:
        return None
    left = (plan.review - today).days
    when = ("today" if left == 0 else "tomorrow" if left == 1 else f"in {left} days" if left > 1
            else "passed")
    return f"{plan.review:%a %-d %b} ({when})"


def planned_text(name: str, entry: Entry, day: date, today: date) -> str:
    """"Planned today: Core basics at 18:00", "Next planned: Core basics, Fri 27 Nov at 18:00"."""
    at = f" at {entry.at:%H:%M}" if entry.at is not None else ""
    if day == today:
        return f"Planned today: {name}{at}"
    when = "tomorrow" if (day - today).days == 1 else f"{day:%a %-d %b}"
    return f"Next planned: {name}, {when}{at}"


def reminder_title(name: str) -> str:
    """The reminder's title: "Time for Core basics"."""
    return f"Time for {name}"


def reminder_body(plan: Plan, entry: Entry | None) -> str:
    """"On your plan: mon wed fri at 18:00." with who set it, when known."""
    if entry is None:
        return "On your plan."
    at = f" at {entry.at:%H:%M}" if entry.at is not None else ""
    who = f" (set by {plan.set_by})" if plan.set_by else ""
    return f"On your plan{who}: {days_text(entry)}{at}."


def reminder_keys(snoozes_left: int, snooze_minutes: float) -> str:
    """What to press in lumbar, for a notification without buttons."""
    snooze = f", s snoozes {snooze_minutes:g} min" if snoozes_left else ""
    return f"In lumbar: Enter starts it{snooze}, k skips it today."


def reminder_buttons(snoozes_left: int, snooze_minutes: float) -> tuple[tuple[str, str], ...]:
    """The notification's buttons as (action, label): snooze while snoozes are left, skip."""
    snooze = (("snooze", f"Snooze {snooze_minutes:g} min"),) if snoozes_left else ()
    return snooze + (("skip", "Skip today"),)


REVIEW_TITLE = "Plan review soon"

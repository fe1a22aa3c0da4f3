"""The plan's reminders in an App that schedules the desk breaks: the same timer, notifier
and store as the breaks (tui/services/plan_reminders.py), and a prompt over any screen.

Runs as the activity PLAN on the real clock, begun with the break schedule when this App
holds the scheduler lock; its view is None, so it adds nothing to the status line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tui.engine import activities as act

if TYPE_CHECKING:
    from tui.app.breaks.controller import BreaksController
    from tui.engine.events import Event

#: The activity's name (the App routes its events by it).
PLAN = "plan"


def begin(part: BreaksController, schedule: Any) -> None:
    """Start the reminders here, from the plan file and what the store kept; nothing
    without a usable plan (a plan with problems is said once)."""
    from tui.engine.plan.schedule import DRIVER
    from tui.services.plan_reminders import PlanKeeper

    host = part.host
    config, services = host.config, host.services
    names = {key: r.name for key, r in config.routines.items()}
    keeper = PlanKeeper(store=services.store, notifier=services.notifier, wall=services.clocks.wall,
                        path=config.plan, routines=names, snooze=schedule.snooze,
                        max_snoozes=schedule.max_snoozes, zone=schedule.hours.zone)
    state = keeper.begin(host.now().real)
    if keeper.problems:
        host.notify("The plan has problems and is not used: `lumbar check --plan` says which.",
                    severity="warning", timeout=8)
    if state is None:
        return
    part.plan_keeper = keeper
    host.activities = act.put(host.activities, PLAN, DRIVER, state)


def before_tick(part: BreaksController) -> None:
    """The days done read again when a reminder is about to fall due."""
    keeper, host = part.plan_keeper, part.host
    state = act.get(host.activities, PLAN)
    if keeper is None or state is None:
        return
    from tui.engine.plan.schedule import DRIVER

    host.activities = act.put(host.activities, PLAN, DRIVER, keeper.before(state, host.now().real))


def keep(part: BreaksController, events: list[Event], how: str = "prompt") -> None:
    """Rows, notifications and the saved state for the reminders' events; every door
    told when a reminder opened or was answered, and an answered one's prompt closed here."""
    state = act.get(part.host.activities, PLAN)
    if part.plan_keeper is not None and state is not None:
        part.plan_keeper.handle(state, events, how)
    from tui.services.plan_doors import touches

    if touches(events):
        from tui.app.breaks import plan_doors

        part.doors.say(plan_doors.news(part))
        if state is not None and state.open is None:
            plan_doors.close_prompts(part)


def on_event(part: BreaksController, event: Event) -> None:
    """A reminder due: the prompt over whatever is open, and the bell; the review: a toast."""
    from tui.engine.plan import words
    from tui.engine.plan.schedule import ReminderDue

    host, keeper = part.host, part.plan_keeper
    state = act.get(host.activities, PLAN)
    if not isinstance(event, ReminderDue) or keeper is None or state is None:
        return
    r = event.reminder
    if r.kind == "review":
        host.notify(words.review_text(state.plan, r.day) or "", title=words.REVIEW_TITLE, timeout=15)
        return
    if host.routine.session is not None:
        host.notify(f"{words.reminder_title(keeper.name(r.routine))}, after this one.", timeout=10)
        return
    from tui.screens.plan_reminder import PlanReminderPrompt

    host.push_screen(PlanReminderPrompt(
        words.reminder_title(keeper.name(r.routine)),
        words.reminder_body(state.plan, state.plan.entry(r.routine)), state.plan.note,
        event.snoozes_left, lambda what: answer(part, what), about=r.routine))
    cues = host.services.cues
    if cues is not None:
        cues.bell()


def answer(part: BreaksController, what: str, how: str = "prompt") -> None:
    """Answer the open reminder ("started", "snoozed", "skipped"); "started" starts its
    routine (with the check-in before, as from the list)."""
    from tui.engine.plan import schedule as plan_schedule

    host = part.host
    state = act.get(host.activities, PLAN)
    if state is None or state.open is None:
        return
    routine = state.open.routine
    host.activities, happened = act.command(host.activities, PLAN, plan_schedule.answer, host.now(), what)
    events = [h.event for h in happened if h.activity == PLAN]
    keep(part, events, how)
    host.heartbeat.arm()
    said = _said(part, routine, events)
    if said:
        host.notify(said, timeout=6)
    if what == "started" and routine in host.config.routines and host.routine.session is None:
        host.routine.start_routine(routine)


def _said(part: BreaksController, routine: str, events: list[Event]) -> str | None:
    """A snooze or skip in words, so the prompt closing is not the only sign it was heard:
    "Mini: reminded again at 18:05." or "Mini skipped for today."."""
    from datetime import datetime

    from tui.engine.plan.schedule import ReminderAnswered

    state = act.get(part.host.activities, PLAN)
    name = part.plan_keeper.name(routine) if part.plan_keeper is not None else routine
    for event in events:
        if not isinstance(event, ReminderAnswered) or event.routine != routine:
            continue
        if event.what == "snoozed" and event.until is not None and state is not None:
            at = datetime.fromtimestamp(event.until + state.offset, state.zone)
            return f"{name}: reminded again at {at:%H:%M}."
        if event.what == "skipped":
            return f"{name} skipped for today."
    return None

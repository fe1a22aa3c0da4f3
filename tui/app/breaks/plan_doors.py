"""The plan's reminder through the doors (tui/services/plan_doors.py has the messages).

While this App schedules, every door hears when a routine's reminder opens and when it is
answered, wherever that was (a door, the prompt here, the notification's buttons), and a
door's answer is carried out here as the prompt's. While this App follows another
scheduler, it shows the reminder that scheduler sends, in the same prompt as the one that
schedules, and sends the answer back; Start also starts the routine here, with the
check-in before it. Nothing here polls: the socket wakes the door only when the
scheduler speaks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tui.engine import activities as act

if TYPE_CHECKING:
    from tui.app.breaks.controller import BreaksController

# --- while this App schedules ----------------------------------------------------------------


def news(part: BreaksController) -> dict[str, Any]:
    """What every door is told of the open reminder now."""
    from tui.app.breaks.plan import PLAN
    from tui.services import plan_doors

    keeper = part.plan_keeper
    state = act.get(part.host.activities, PLAN)
    return plan_doors.news(state, part.host.now().real, keeper.name if keeper is not None else None)


def greet(part: BreaksController) -> dict[str, Any] | None:
    """For a door that connects: the reminder open today, or None."""
    said = news(part)
    return said if said["reminder"] is not None else None


def request(part: BreaksController, args: dict[str, Any]) -> dict[str, Any]:
    """A door's answer to the open reminder, carried out here; kept as the prompt's (how
    "prompt"), the notification closed, every door told (tui/app/breaks/plan.py `keep`)."""
    from tui.app.breaks.plan import PLAN
    from tui.services import plan_doors
    from tui.services.breaks.requests import Answer

    host = part.host
    if act.get(host.activities, PLAN) is None:
        return plan_doors.apply(None, host.now().real, args)[2].to_json()
    answers: list[Answer] = []

    def run(state: Any, now: float) -> Any:
        new, events, answer = plan_doors.apply(state, now, args)
        answers.append(answer)
        return new, events

    host.activities, happened = act.command(host.activities, PLAN, run, host.now())
    host.route(happened)
    return answers[0].to_json()


def close_prompts(part: BreaksController) -> None:
    """The reminder was answered somewhere: its prompt here closes."""
    from tui.screens.plan_reminder import PlanReminderPrompt

    for screen in list(part.host.screen_stack):
        if isinstance(screen, PlanReminderPrompt):
            screen.withdraw()


# --- while this App follows another scheduler ----------------------------------------------


def heard(part: BreaksController, shown: dict[str, Any] | None) -> None:
    """The scheduler opened a reminder (`shown`, tui/services/plan_doors.py) or it was
    answered (None): the prompt here opens, with the bell, or closes. During a routine
    a toast says it comes after, as in the scheduler."""
    from tui.screens.plan_reminder import PlanReminderPrompt

    host = part.host
    if shown is None:
        close_prompts(part)
        return
    key = str(shown.get("routine", ""))
    title = str(shown.get("title", ""))
    if any(isinstance(s, PlanReminderPrompt) and s.about == key for s in host.screen_stack):
        return  # told again (a door that reconnects): shown already
    close_prompts(part)
    if host.routine.session is not None:
        host.notify(f"{title}, after this one.", timeout=10)
        return
    left = shown.get("snoozes_left")
    host.push_screen(PlanReminderPrompt(
        title, str(shown.get("body", "")), str(shown.get("note") or ""),
        left if isinstance(left, int) and not isinstance(left, bool) else 0,
        lambda what: answer(part, key, what), about=key))
    cues = host.services.cues
    if cues is not None:
        cues.bell()


def answer(part: BreaksController, key: str, what: str) -> None:
    """Send the answer to the scheduler, which keeps it; once done, Start runs the routine
    here (with the check-in before it, as from the list). A refusal is said in one line."""
    from tui.services import plan_doors

    host = part.host

    def then() -> None:
        if what == "started" and key in host.config.routines and host.routine.session is None:
            host.routine.start_routine(key)

    part.doors.ask(plan_doors.REQUEST, then, what=what, routine=key)

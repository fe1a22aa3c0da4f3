"""What the desk breaks show and do on screen: toasts for the schedule's events, the
prompt over any screen with the bell, a break taken now, and the pause toggle.

The words are tui.engine.breaks.words'; the screens are tui.screens.breaks'.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tui.engine import activities as act
from tui.engine.activities import BREAKS

if TYPE_CHECKING:
    from tui.app.breaks.controller import BreaksController
    from tui.engine.events import Event


def on_event(part: BreaksController, event: Event) -> None:
    """What a break event does on screen: a toast, the prompt, the bell."""
    from tui.engine.breaks.events import BreakDue, BreakHeadsUp, BreakRefused
    from tui.engine.breaks.words import HEADS_UP_TITLE, event_toast, heads_up_toast

    host = part.host
    if isinstance(event, BreakHeadsUp):
        host.notify(heads_up_toast(event.due - event.at), title=HEADS_UP_TITLE, timeout=10)
    elif isinstance(event, BreakDue):
        open_prompt(part)
        cues = host.services.cues
        if cues is not None:
            cues.bell()  # without cues, the notifier's bell channel rang
    elif isinstance(event, BreakRefused) and event.reason == "limit" and open_prompt_screen(part):
        open_prompt_screen(part).refused()  # said on the prompt itself, where the key was pressed
    elif text := event_toast(event, host.services.clocks.wall()):
        host.notify(text, timeout=8 if isinstance(event, BreakRefused) else 6)
    if host.screen_stack:  # a routine's end while the App shuts down
        host.refresh_bindings()


def open_prompt_screen(part: BreaksController) -> Any:
    """The break prompt on the screen stack, or None."""
    from tui.screens.breaks import BreakPrompt

    return next((s for s in part.host.screen_stack if isinstance(s, BreakPrompt)), None)


def open_prompt(part: BreaksController) -> None:
    """The break prompt over whatever is on top, once."""
    if open_prompt_screen(part) is not None:
        return
    from tui.screens.breaks import BreakPrompt

    state = part.state
    if state is None:
        return
    sch = state.schedule
    part.host.push_screen(BreakPrompt(part, _routine_name(part), sch.snooze / 60, sch.max_snoozes))


def _routine_key(part: BreaksController) -> str | None:
    key = part.settings().break_routine
    return key if key in part.host.config.routines else None


def _routine_name(part: BreaksController) -> str:
    key = _routine_key(part)
    return part.host.config.routines[key].name if key is not None else "a break"


def take_break(part: BreaksController) -> None:
    """Start the break routine now (it counts as a break: see `routine_changed`).

    No check-in before or after it: asked every 20 minutes, the question would be
    nagging, and a two-minute stretch says little about the back's trend.
    """
    routine = part.host.routine
    key = _routine_key(part)
    if routine.session is not None:
        return  # a routine is under way: that is the break already
    if key is None:
        # No routine to offer (break_routine names none that loaded): the break still counts.
        from tui.engine.breaks import schedule as breaks
        from tui.engine.breaks.words import COUNTED_AS_BREAK

        part.command(breaks.break_taken)
        part.host.notify(COUNTED_AS_BREAK, timeout=8)
        return
    routine.start(key, None)
    routine.quiet_session = routine.recorder.session_id


def toggle_pause(part: BreaksController) -> None:
    """Pause the reminders, or resume them when paused; a toast says which was done."""
    from tui.engine.breaks import schedule as breaks

    host = part.host
    v = act.view(host.activities, BREAKS, host.now())
    was_paused = v is not None and v.status == "paused"
    part.command(breaks.resume if was_paused else breaks.pause)
    after = act.view(host.activities, BREAKS, host.now())
    if after is None or (after.status == "paused") == was_paused:
        return  # not done here (another lumbar schedules, and said so)
    from tui.engine.breaks.words import DONE

    host.notify(DONE["resume" if was_paused else "pause"], timeout=6)

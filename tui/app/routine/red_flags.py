"""When the app asks the red-flag check, and what it does with the answers.

Asked on the first start (until answered once), when a new episode of pain starts, and after
a flare (tui.engine.care.redflags.due and is_flare); the setting red_flag_check turns the last two
off. The routine, if one runs, is paused under the check. Answers become a history row;
"not now" records nothing, so the first check comes back at the next start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from tui.engine.care import redflags

if TYPE_CHECKING:
    from tui.app.routine.controller import RoutineController


def ask(part: RoutineController, trigger: str, then: Callable[[], None] | None = None) -> bool:
    """Show the check for `trigger` ("first", "episode" or "flare") when it is due, then run
    `then` (at once when it is not due, or after the person went on). Returns whether the
    check was shown. Without a history store the answers cannot be kept, but the signs
    are still shown."""
    from tui.screens.redflags import Answered, RedFlagModal

    app, store = part.host, part.store
    if part.red_flags_due:
        trigger = "first"  # the first check is still owed: it is asked as such, whatever came first
    showing = any(isinstance(screen, RedFlagModal) for screen in app.screen_stack)
    # The first start's answer is the launcher's (it asked the store before the app ran).
    due = part.red_flags_due if trigger == "first" else redflags.due(trigger, True, app.config.red_flag_check)
    if showing or not due:
        if then is not None:
            then()
        return False

    def answered(result: Answered | None) -> bool:
        if result is None:
            app.notify("Not now: lumbar asks again next time.", timeout=5)
        else:
            part.red_flags_due = False
            if store is not None:
                store.record_red_flags(trigger, result.answers, result.choice)
            if result.choice == "stopped":
                app.exit()
                return False
            if result.outcome == "clear":
                app.notify("Thank you. Press ? any time to see the warning signs.", timeout=5)
        if then is not None:
            then()
        return True

    part.pause_for(RedFlagModal(trigger), answered)  # type: ignore[arg-type]
    return True


def after_new_episode(part: RoutineController, then: Callable[[], None]) -> None:
    """Once a new episode of pain was set (ice/heat `n`, `--since`), ask the check first."""
    care = part.host.care
    if care.episode_changed:
        care.episode_changed = False
        ask(part, "episode", then)
    else:
        then()


def flare(part: RoutineController, after: int, usual: float | None, then: Callable[[], None]) -> None:
    """After a routine: when `after` (0..10) is a flare against the `usual` level, the
    check comes before the advice (`then`)."""
    if redflags.is_flare(after, usual):
        ask(part, "flare", then)
    else:
        then()

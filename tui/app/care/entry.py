"""The ways onto ice and heat: the entry that asks what it must first, the ice/heat screen
brought to the top, and the alarm over whatever is on screen."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from tui.engine.activities import CARE

if TYPE_CHECKING:
    from tui.app.care.controller import CareController


def open_care(care: CareController, kind: str | None = None, minutes: float | None = None,
              since: datetime | None = None) -> None:
    """The ice/heat entry (`lumbar ice`, `lumbar care`, the home key): ask when it started
    (once per episode), then which (when `kind` is None), then start. An application
    already running is shown instead."""
    from tui.app.care.precaution import ask_first
    from tui.app.care.rounds import heat_used_up, rest_left, skin_rest_ends
    from tui.app.routine.red_flags import after_new_episode
    from tui.engine.care import thermal
    from tui.screens.care_ask import ChoiceModal, EpisodeModal

    host = care.host
    if since is not None:
        care.set_episode(since)
    care.restore()  # one still on or resting from an earlier run comes first
    running = care.application
    if running is not None and running.phase is thermal.Phase.ALARM:
        return  # the alarm is on screen (restore opened it): taking it off comes first
    if (running is not None and running.phase is thermal.Phase.REST and kind not in (None, running.kind)
            and host.now().real >= skin_rest_ends(care, running)):
        care.end()  # the other kind waits only for the skin, not for the ice spacing
        running = None
    if running is not None and running.phase is not thermal.Phase.DONE:
        show_care(care)  # on or resting: the skin comes first
        if running.phase is thermal.Phase.REST:
            host.notify(rest_left(care, kind), timeout=8)
        return

    def begin(chosen: str | None) -> None:
        if not chosen:
            cancelled()
            return
        used_up = heat_used_up(care) if chosen == "heat" else ""
        if used_up:
            host.notify(used_up, timeout=8)
            cancelled()
            return

        def go() -> None:
            show_care(care)
            care.start(chosen, minutes)

        ask_first(care, chosen, go, cancelled)

    def cancelled() -> None:
        # `lumbar ice` opens on an empty ice/heat screen: a cancelled question leaves it.
        if care.application is None and getattr(host.screen, "shows", None) == CARE:
            host.go_home()

    def known(ok: bool | None = True) -> None:
        if not ok:
            cancelled()
            return
        after_new_episode(host.routine, choose)

    def choose() -> None:
        if kind is not None:
            begin(kind)
            return
        advice = care.advice()
        assert advice is not None
        host.push_screen(ChoiceModal(*advice), begin)

    if care.episode() is None:
        host.push_screen(EpisodeModal(care, care.wall), known)
    else:
        known()


def show_care(care: CareController) -> None:
    """Bring the ice/heat screen to the top: back down to it, or a new one."""
    from tui.screens.care import CareScreen

    host = care.host
    stack = host.screen_stack
    if isinstance(stack[-1], CareScreen):
        return
    if any(isinstance(s, CareScreen) for s in stack):
        while not isinstance(host.screen, CareScreen):
            host.pop_screen()
    else:
        host.push_screen(CareScreen(care))


def open_alarm(care: CareController) -> None:
    """Show the alarm over whatever is on screen, once (the routine pauses under it)."""
    from tui.screens.care import AlarmModal

    host = care.host
    if any(isinstance(s, AlarmModal) for s in host.screen_stack):
        return
    session = host.routine.session
    running = session is not None and not session.paused

    def silenced(_: object) -> bool:
        # The user is up taking the pack off: the routine waits for them, not the alarm.
        if running:
            host.notify("The routine stays paused: press space when you are back.", timeout=8)
        return False

    host.routine.pause_for(AlarmModal(care), silenced)

"""What logind (tui/services/logind.py, Linux) tells a scheduling App: a session idle or
locked for at least a break's length is a natural break when the user is back;
PrepareForSleep gives the moment a suspend began, so the sleep the scheduling mode
measures is placed exactly (tui/app/breaks/modes.py). Without logind, nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.app.breaks.controller import BreaksController


def listen(part: BreaksController) -> None:
    """Start hearing logind, once, when the clocks are the system's."""
    host = part.host
    clocks = host.services.clocks
    if part.logind is not None or not clocks.system_real:
        return  # fake clocks (tests) have no logind moments to match
    try:
        from tui.services.away import Away
        from tui.services.logind import Logind
    except ImportError:
        return
    part.away = Away(clocks.real, clocks.mono)
    part.logind = Logind()
    host.run_worker(part.logind.start(lambda idle, since: heard_idle(part, idle, since),
                                      lambda going, at: heard_sleep(part, going, at)),
                    exit_on_error=False)


def heard_idle(part: BreaksController, idle: bool, since: float) -> None:
    """logind: the session went idle (or came back) at `since` (real clock, seconds)."""
    state, away = part.state, part.away
    if away is None:
        return
    gone = away.idle(idle, since)
    if state is not None and gone is not None and gone >= state.schedule.break_length:
        from tui.engine.breaks import schedule as breaks

        # As a Textual callback, as the heartbeat's own wake-ups run.
        part.host.call_next(part.command, breaks.break_taken, True)


def heard_sleep(part: BreaksController, going: bool, at: float) -> None:
    """logind: a suspend begins (`going`) or ended, at `at` (real clock, seconds)."""
    if part.away is not None:
        part.away.sleep(going, at)
    if not going:
        part.host.call_next(part.host.tick)

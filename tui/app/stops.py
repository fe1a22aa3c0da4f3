"""What the app does when the terminal stops, continues or ends it (the signals are caught
in tui/app/terminal.py): the routine pauses first, everything is drawn again, and it says so."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, Protocol

from textual.app import SuspendNotSupported

from tui.app.host import Host
from tui.engine.routine import session as engine

if TYPE_CHECKING:
    from tui.app.routine.controller import RoutineController


class StopsHost(Host, Protocol):
    """What stopping needs of the App beyond `Host`: the `routine` to pause, and Textual's
    suspend, redraw and exit."""

    routine: RoutineController

    def suspend(self) -> AbstractContextManager[Any]: ...

    def refresh(self, *, layout: bool = False) -> Any: ...

    def exit(self, result: Any = None, return_code: int = 0) -> None: ...


class Stops:
    """The App's side of tui.app.terminal.SignalHandlers (their `Host`), and ctrl+z.

    Args:
        host: the App (StopsHost).
    """

    def __init__(self, host: StopsHost) -> None:
        from tui.app.terminal import SignalHandlers

        self.host = host
        self.signals = SignalHandlers(self)
        """The signal handlers, which call back here (installed only when `config.signals`)."""
        self.paused_by_stop = False
        """The routine was paused by the stop: say so once back."""

    def stop_to_shell(self) -> None:
        """ctrl+z or SIGTSTP: pause the routine, hand the terminal back, stop until `fg`."""
        host, routine = self.host, self.host.routine
        self.paused_by_stop = self._pause_running(routine.clock())
        session = routine.session
        paused = " (the routine is paused)" if session is not None and not session.finished else ""
        try:
            self.signals.stop_here(host.suspend, f"lumbar is stopped{paused}; type fg to go back to it.")
        except SuspendNotSupported:
            host.notify("lumbar cannot be suspended in this terminal.", severity="warning")

    def continued(self, planned: bool) -> None:
        """Back from a stop: terminal modes restored, everything drawn again, and said so.

        A stop lumbar did not ask for (SIGSTOP, then SIGCONT) is noticed only now: the
        routine pauses at the last moment lumbar saw it run, and the terminal, which the
        shell may have reset meanwhile, is set up afresh.
        """
        host = self.host
        if not planned:
            session = host.routine.session
            self.paused_by_stop = session is not None and self._pause_running(session.clock)
            try:
                with host.suspend():
                    pass
            except SuspendNotSupported:
                pass
        # Textual redraws only what changed, and the terminal's screen may be blank.
        host.refresh(layout=True)
        if self.paused_by_stop:
            self.paused_by_stop = False
            host.notify("Paused while lumbar was stopped. Press space to resume.", timeout=8)

    def _pause_running(self, now: float) -> bool:
        """Pause at `now` (workout clock, seconds) if a routine is running; whether it was."""
        routine = self.host.routine
        session = routine.session
        if session is None or session.paused or session.finished:
            return False
        routine.session, events = engine.pause(session, now)
        self.host.after(events)
        return True

    def end_by_signal(self, signum: int) -> None:
        """SIGTERM, SIGHUP or SIGINT: leave as quitting does, with the signal's exit status."""
        from tui.app.terminal import exit_status

        self.host.exit(return_code=exit_status(signum))

    def abandon(self) -> None:
        """The last thing done before a forced exit: remove temporary files."""
        cues = self.host.services.cues
        if cues is not None:
            cues.close()

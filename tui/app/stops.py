"""What the app does when the terminal stops, continues or ends it (the signals are caught
in tui/app/terminal.py): the routine pauses first, everything is drawn again, and it says so."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import SuspendNotSupported

from tui.engine.routine import session as engine

if TYPE_CHECKING:
    from tui.app.app import LumbarApp


class Stops:
    """LumbarApp's side of tui.app.terminal.SignalHandlers (its `Host`), and ctrl+z; a mixin,
    so each method names the app as its `self`."""

    def action_suspend(self: LumbarApp) -> None:
        self.stop_to_shell()

    def stop_to_shell(self: LumbarApp) -> None:
        """ctrl+z or SIGTSTP: pause the routine, hand the terminal back, stop until `fg`."""
        self._paused_by_stop = self._pause_running(self.clock())
        paused = " (the routine is paused)" if self.session is not None and not self.session.finished else ""
        try:
            self.terminal_signals.stop_here(self.suspend, f"lumbar is stopped{paused}; type fg to go back to it.")
        except SuspendNotSupported:
            self.notify("lumbar cannot be suspended in this terminal.", severity="warning")

    def continued(self: LumbarApp, planned: bool) -> None:
        """Back from a stop: terminal modes restored, everything drawn again, and said so.

        A stop lumbar did not ask for (SIGSTOP, then SIGCONT) is noticed only now: the
        routine pauses at the last moment lumbar saw it run, and the terminal, which the
        shell may have reset meanwhile, is set up afresh.
        """
        if not planned:
            session = self.session
            self._paused_by_stop = session is not None and self._pause_running(session.clock)
            try:
                with self.suspend():
                    pass
            except SuspendNotSupported:
                pass
        # Textual redraws only what changed, and the terminal's screen may be blank.
        self.refresh(layout=True)
        if self._paused_by_stop:
            self._paused_by_stop = False
            self.notify("Paused while lumbar was stopped. Press space to resume.", timeout=8)

    def _pause_running(self: LumbarApp, now: float) -> bool:
        """Pause at `now` if a routine is running; whether it was."""
        if self.session is None or self.session.paused or self.session.finished:
            return False
        self.session, events = engine.pause(self.session, now)
        self._after(events)
        return True

    def end_by_signal(self: LumbarApp, signum: int) -> None:
        """SIGTERM, SIGHUP or SIGINT: leave as quitting does, with the signal's exit status."""
        from tui.app.terminal import exit_status

        self.exit(return_code=exit_status(signum))

    def abandon(self: LumbarApp) -> None:
        """The last thing done before a forced exit: remove temporary files."""
        if self.cues is not None:
            self.cues.close()

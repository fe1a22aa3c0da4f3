"""The app's life in a real terminal: signals that end it, stopping and continuing, ctrl+z.

Textual restores the terminal only when the app exits through its own loop, so SIGTERM and
SIGHUP (whose default action kills the process where it stands) become a normal exit here.
Textual's driver also catches SIGTSTP and SIGCONT itself, in plain signal handlers; on a
SIGCONT that follows a SIGSTOP (which no program can catch) it starts application mode a
second time over the running one and draws nothing. Both are replaced by handlers that run
on the event loop, and every stop goes through the public `App.suspend()`.

Only public APIs of Textual and the standard library are used; nothing here imports Textual.
"""

from __future__ import annotations

import asyncio
import os
import signal
from typing import Callable, Protocol

#: Signals that end lumbar the way quitting does: terminal restored, temporary files removed.
ENDING = (signal.SIGTERM, signal.SIGHUP)


def exit_status(signum: int) -> int:
    """The status a shell reports for a process ended by `signum` (128 + the number)."""
    return 128 + signum


class Host(Protocol):
    """What the handlers need from the app (LumbarApp provides it)."""

    def end_by_signal(self, signum: int) -> None: ...

    def stop_to_shell(self) -> None: ...

    def continued(self, planned: bool) -> None: ...

    def abandon(self) -> None: ...


class SignalHandlers:
    """Installs and removes the loop's handlers for one app run (Unix only).

    Args:
        host: receives each signal on the event loop, never inside a signal handler.
    """

    def __init__(self, host: Host) -> None:
        self.host = host
        self.ending = 0
        """How many ending signals have arrived: a second one means the exit hangs."""
        self.stopped = False
        """A SIGCONT lumbar did not ask for arrived and is not handled yet."""
        self._loop: asyncio.AbstractEventLoop | None = None
        self._installed: list[int] = []
        self._cont_before: object = None

    def install(self) -> None:
        loop = asyncio.get_running_loop()
        self._loop = loop
        for signum in ENDING:
            loop.add_signal_handler(signum, self._on_ending, signum)
            self._installed.append(signum)
        if hasattr(signal, "SIGTSTP"):
            loop.add_signal_handler(signal.SIGTSTP, self.host.stop_to_shell)
            self._installed.append(signal.SIGTSTP)
            # Not a loop handler: the loop runs its overdue timers (the heartbeat) before
            # it reads the signal, and that tick would count the stopped time as exercise.
            # This flag is set before any of them runs; the heartbeat checks it first.
            self._cont_before = signal.signal(signal.SIGCONT, self._on_cont)

    def remove(self) -> None:
        if self._loop is None:
            return
        for signum in self._installed:
            self._loop.remove_signal_handler(signum)
        self._installed.clear()
        if self._cont_before is not None:
            signal.signal(signal.SIGCONT, self._cont_before)  # type: ignore[arg-type]
            self._cont_before = None
        self._loop = None

    def _on_cont(self, signum: int, frame: object) -> None:
        self.stopped = True
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self.deliver)

    def deliver(self) -> None:
        """Tell the app about an unasked stop, once, whoever notices first."""
        if self.stopped:
            self.stopped = False
            self.host.continued(False)

    def _on_ending(self, signum: int) -> None:
        self.ending += 1
        if self.ending == 1:
            self.host.end_by_signal(signum)
        else:
            # The orderly exit did not finish: remove what can be removed and go.
            self.host.abandon()
            os._exit(exit_status(signum))

    def stop_here(self, suspend: Callable[[], object]) -> None:
        """Stop the process as ctrl+z in a shell would, with the terminal handed back.

        Args:
            suspend: the app's `suspend` context manager factory (`App.suspend`).

        The process stops inside the `with` block; the shell's `fg` continues it, and the
        block's end puts the app's terminal modes back. Where nothing can continue it (an
        orphaned process group ignores SIGTSTP) this returns at once.
        """
        loop = self._loop
        own = signal.SIGTSTP in self._installed and loop is not None
        with suspend():  # type: ignore[attr-defined]
            if own:
                # Our own stop must not look like a SIGCONT from outside, and SIGTSTP must
                # take its default action (stop) rather than call back into the loop.
                loop.remove_signal_handler(signal.SIGTSTP)  # type: ignore[union-attr]
                signal.signal(signal.SIGCONT, signal.SIG_DFL)
            try:
                os.kill(os.getpid(), signal.SIGTSTP)
            finally:
                if own:
                    signal.signal(signal.SIGCONT, self._on_cont)
                    loop.add_signal_handler(signal.SIGTSTP, self.host.stop_to_shell)  # type: ignore[union-attr]
        self.host.continued(True)

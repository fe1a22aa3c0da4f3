"""The app's life in a real terminal: signals that end it, stopping and continuing, ctrl+z.

Textual restores the terminal only when the app exits through its own loop, so SIGTERM,
SIGHUP and SIGINT (whose default actions end the process where it stands) become a normal
exit here, with a forced one behind it should that hang. Textual's driver also catches
SIGTSTP and SIGCONT itself; on a SIGCONT that follows a SIGSTOP (which no program can
catch) it starts application mode a second time over the running one and draws nothing.
Both are replaced here, and every stop goes through the public `App.suspend()`.

Only public APIs of Textual and the standard library are used; nothing here imports Textual."""

from __future__ import annotations

import asyncio
import os
import select
import signal
import sys
import threading
import time
from typing import Callable, Protocol

#: Signals that end lumbar the way quitting does: terminal restored, temporary files removed.
#: (SIGINT only comes from outside: in the app ctrl+c is a key.)
ENDING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name))


#: How long a lumbar continued in the background waits for the signal that ended it while
#: stopped (WAIT_STEPS x WAIT_STEP seconds): only a `bg` with no kill waits it out whole.
WAIT_STEPS = 100
WAIT_STEP = 0.002


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
    """Installs and removes the app's signal handlers for one run (Unix only).

    SIGTERM, SIGHUP, SIGINT and SIGCONT get plain handlers that only note the signal and
    hand over to the event loop; SIGTSTP gets a loop handler. The plain ones matter twice: the loop
    runs overdue timers (the heartbeat) before it reads a signal, and that tick would
    count stopped time as exercise; and a signal that ends lumbar while it is stopped
    must be seen the moment the process continues, before the terminal is taken back.

    Args:
        host: receives each signal on the event loop, never inside a signal handler
            (`abandon` excepted: it runs wherever a forced exit starts).
    """

    def __init__(self, host: Host) -> None:
        self.host = host
        self.grace: float | None = None
        """Seconds an ending signal waits for the orderly exit before lumbar leaves anyway,
        files removed: a closed terminal can block Textual's writes for ever. None: no
        limit (tests, whose process must not be ended)."""
        self._watchdog: threading.Timer | None = None
        self.ending_signal: int | None = None
        """The first ending signal, as soon as it arrives."""
        self.stopped = False
        """A SIGCONT lumbar did not ask for arrived and is not handled yet."""
        self._loop: asyncio.AbstractEventLoop | None = None
        self._before: dict[int, object] = {}
        self._tstp = False
        self._wake: int | None = None
        """The write end of the pipe that ends the hangup watch (see `watch_terminal`)."""
        self._hung_up = False
        """The hangup watch ended lumbar (a SIGHUP after it is the same hangup)."""

    def install(self) -> None:
        self._loop = asyncio.get_running_loop()
        for signum in ENDING:
            self._before[signum] = signal.signal(signum, self._on_ending_signal)
        if hasattr(signal, "SIGTSTP"):
            self._loop.add_signal_handler(signal.SIGTSTP, self.host.stop_to_shell)
            self._tstp = True
            self._before[signal.SIGCONT] = signal.signal(signal.SIGCONT, self._on_cont)
        stdin = sys.__stdin__
        if stdin is not None and hasattr(select, "poll") and os.isatty(stdin.fileno()):
            self.watch_terminal(stdin.fileno())

    def watch_terminal(self, fd: int) -> None:
        """End lumbar as SIGHUP does when the terminal on `fd` hangs up (is closed).

        On a hangup the kernel signals only the session's leader. When that is a parent
        that does not pass SIGHUP on (`make run`, a wrapper script), lumbar never hears it:
        it stayed alive with the history open, and Textual's input thread spun on the ended
        terminal at 50-90 % of a core, for good. A thread blocked in poll() on the terminal
        with no events asked for wakes only for a hangup or an error, so waiting costs
        nothing. `remove` ends it.
        """
        read_end, self._wake = os.pipe()
        thread = threading.Thread(target=self._watch, args=(fd, read_end), name="lumbar-hangup",
                                  daemon=True)
        thread.start()

    def _watch(self, fd: int, read_end: int) -> None:
        poller = select.poll()
        poller.register(fd, 0)  # POLLHUP, POLLERR and POLLNVAL are always reported
        poller.register(read_end, select.POLLIN)
        try:
            while True:
                for ready, mask in poller.poll():
                    if ready == read_end or mask & select.POLLNVAL:
                        return  # removed; or a terminal poll() cannot watch (macOS)
                    if mask & (select.POLLHUP | select.POLLERR):
                        if self.ending_signal is None:  # else the SIGHUP itself came first
                            self._hung_up = True
                            self._on_ending_signal(signal.SIGHUP, None)
                        return
        finally:
            os.close(read_end)

    def remove(self) -> None:
        if self._wake is not None:
            try:
                os.write(self._wake, b"x")
            except BrokenPipeError:
                pass  # the watch has already ended (it heard the hangup)
            os.close(self._wake)
            self._wake = None
        if self._loop is None:
            return
        if self._tstp:
            self._loop.remove_signal_handler(signal.SIGTSTP)
            self._tstp = False
        for signum, before in self._before.items():
            signal.signal(signum, before)  # type: ignore[arg-type]
        self._before.clear()
        self._loop = None

    def _on_ending_signal(self, signum: int, frame: object) -> None:
        if self.ending_signal is not None:
            if signum == signal.SIGHUP and self._hung_up:
                return  # the same hangup, heard by the watch first (lumbar leads its session)
            self._force(signum)  # a second one: the orderly exit did not finish
        self.ending_signal = signum
        if self.grace is not None:
            # A thread, not the event loop: the loop itself may be what is blocked.
            self._watchdog = threading.Timer(self.grace, self._force, (signum,))
            self._watchdog.daemon = True
            self._watchdog.start()
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self.host.end_by_signal, signum)

    def _force(self, signum: int) -> None:
        self.host.abandon()
        os._exit(exit_status(signum))

    def disarm(self) -> None:
        """The app has ended: no forced exit after all."""
        if self._watchdog is not None:
            self._watchdog.cancel()
            self._watchdog = None

    def _on_cont(self, signum: int, frame: object) -> None:
        self.stopped = True
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self.deliver)

    def deliver(self) -> None:
        """Tell the app about an unasked stop, once, whoever notices first."""
        if self.stopped:
            self.stopped = False
            self.host.continued(False)

    def stop_here(self, suspend: Callable[[], object], note: str = "") -> None:
        """Stop the process as ctrl+z in a shell would, with the terminal handed back.

        Args:
            suspend: the app's `suspend` context manager factory (`App.suspend`).
            note: a line for the shell's screen, above its prompt, saying how to come back.

        The process stops inside the `with` block; the shell's `fg` continues it, and the
        block's end puts the app's terminal modes back. Where nothing can continue it (an
        orphaned process group ignores SIGTSTP) this returns at once.
        """
        own = self._tstp and self._loop is not None
        with suspend():  # type: ignore[attr-defined]
            if own:
                # Our own stop must not look like a SIGCONT from outside, and SIGTSTP must
                # take its default action (stop) rather than call back into the loop.
                self._loop.remove_signal_handler(signal.SIGTSTP)  # type: ignore[union-attr]
                signal.signal(signal.SIGCONT, signal.SIG_DFL)
            if note:
                # None only where Python started without a stderr; then nothing to tell.
                if sys.__stderr__ is not None:
                    sys.__stderr__.write(note + "\n")
                    sys.__stderr__.flush()
            try:
                os.kill(os.getpid(), signal.SIGTSTP)
                self._ended_while_stopped()
            finally:
                if own:
                    signal.signal(signal.SIGCONT, self._on_cont)
                    self._loop.add_signal_handler(signal.SIGTSTP, self.host.stop_to_shell)  # type: ignore[union-attr]
        self.host.continued(True)

    def _ended_while_stopped(self) -> None:
        # `kill %1` sends SIGTERM, then SIGCONT to continue in the background. The terminal
        # is the shell's again: taking it back from the background would only stop lumbar
        # once more, so leave now, with the temporary files removed. Another thread may be
        # the one the kernel hands the SIGTERM to, and then its handler can come a moment
        # after this thread goes on (about one kill in six in tests/e2e/test_signals.py
        # left lumbar stopped again): in the background, wait for it a little.
        for _ in range(WAIT_STEPS):
            if self.ending_signal is not None or self._in_foreground():
                break
            time.sleep(WAIT_STEP)  # a handler runs as soon as its signal has come
        if self.ending_signal is not None:
            self._force(self.ending_signal)

    def _in_foreground(self) -> bool:
        """True when lumbar's process group holds its terminal (or there is none to ask)."""
        stdin = sys.__stdin__
        try:
            return stdin is None or os.tcgetpgrp(stdin.fileno()) == os.getpgrp()
        except (OSError, ValueError):
            return True

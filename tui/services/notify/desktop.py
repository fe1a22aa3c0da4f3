"""The desktop channel: desktop-notifier (D-Bus on Linux, native on macOS and Windows).

desktop-notifier is asyncio-only, and importing it plus building its backend takes
60-180 ms here (dbus-fast's compiled modules), longer than a frame. So the channel
runs it on one worker thread with its own event loop, started at the first notice:
`send` only schedules a coroutine there and returns in well under a millisecond,
whether or not the caller has a loop (the Textual app, the headless scheduler and
`lumbar notify-test` all call it the same way). The outcome is handed back on the
caller's loop when it had one (`call_soon_threadsafe`), else on the worker thread.

Failures, measured with dbus-fast 5.2 and desktop-notifier 6.2:
- no session bus: InvalidAddressError ($DBUS_SESSION_BUS_ADDRESS unset, no $DISPLAY)
  or FileNotFoundError / ConnectionRefusedError (a stale address), in under 1 ms;
- a bus with nobody serving org.freedesktop.Notifications: DBusError ServiceUnknown, ~2 ms;
- a server that answers with an error: DBusError carrying its text;
- a server that never answers: dbus-fast waits forever, so every delivery is bounded
  by `timeout` (2 s by default; a live server answers in a few ms).
desktop-notifier catches the error of the Notify call itself and only logs it, so the
channel learns of it from that log record (`_Capture`) and from the notification's
`on_dispatched` callback, which runs only once the server has accepted it.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import threading
from typing import Any, Callable, Coroutine

from tui.services.clocks import monotonic
from tui.services.notify.notice import Notice, Outcome, Report

_FAILURES: contextvars.ContextVar[list[BaseException] | None] = contextvars.ContextVar(
    "lumbar_notify_failures", default=None)


class _Capture(logging.Handler):
    """Keeps the exception desktop-notifier logs for the delivery that caused it.

    Each delivery runs as its own task, so a context variable ties the record to it.
    Being a handler on that logger also keeps Python's last-resort handler from
    printing the traceback on standard error, which is the app's screen.
    """

    def emit(self, record: logging.LogRecord) -> None:
        box = _FAILURES.get()
        if box is not None and record.exc_info and record.exc_info[1] is not None:
            box.append(record.exc_info[1])


_CAPTURE = _Capture(logging.WARNING)


def _quiet_library_logs() -> None:
    logger = logging.getLogger("desktop_notifier")
    if _CAPTURE not in logger.handlers:
        logger.addHandler(_CAPTURE)
    dbus_logger = logging.getLogger("dbus_fast")
    if not dbus_logger.handlers:
        dbus_logger.addHandler(logging.NullHandler())


class Unavailable(Exception):
    """The channel cannot work here; the message says why, for a person."""


def describe(exc: BaseException) -> str:
    """One short reason for a failed delivery."""
    if isinstance(exc, Unavailable):
        return str(exc)
    if isinstance(exc, ImportError):
        return "desktop-notifier is not installed"
    try:
        from dbus_fast.errors import DBusError, InvalidAddressError
    except ImportError:  # not on Linux: no D-Bus types to recognise
        DBusError = InvalidAddressError = ()  # type: ignore[assignment,misc]
    if isinstance(exc, InvalidAddressError):
        return "no D-Bus session bus: $DBUS_SESSION_BUS_ADDRESS is not set"
    if isinstance(exc, DBusError):
        if exc.type in ("org.freedesktop.DBus.Error.ServiceUnknown",
                        "org.freedesktop.DBus.Error.NameHasNoOwner"):
            return "no notification server on the D-Bus session bus"
        return f"the notification server refused it: {exc.text}"
    if isinstance(exc, OSError):
        return f"cannot reach the D-Bus session bus: {exc.strerror or exc}"
    return f"{type(exc).__name__}: {exc}"


def _on_callers_loop(report: Report) -> Report:
    try:
        caller = asyncio.get_running_loop()
    except RuntimeError:
        return report

    def deliver(outcome: Outcome) -> None:
        try:
            caller.call_soon_threadsafe(report, outcome)
        except RuntimeError:  # the caller's loop has closed meanwhile
            report(outcome)

    return deliver


class DesktopChannel:
    """Desktop notifications through desktop-notifier, bounded and off the caller's loop.

    Args:
        app_name: the name the notification server shows.
        timeout: seconds one delivery may take before it counts as failed.
        retry_after: seconds after a failure during which notices fail at once with
            the same reason instead of opening another bus connection (each failed
            attempt leaves one behind inside desktop-notifier).
        clock: monotonic seconds, for the retry delay; tests pass a fake one.
    """

    name = "desktop"
    label = "desktop notification"

    def __init__(self, app_name: str = "lumbar", *, timeout: float = 2.0,
                 retry_after: float = 60.0, clock: Callable[[], float] = monotonic) -> None:
        self.app_name = app_name
        self.timeout = timeout
        self.retry_after = retry_after
        self._clock = clock
        self._guard = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._closed = False
        self._notifier: Any = None  # desktop_notifier.DesktopNotifier, made on the worker
        self._serial: asyncio.Lock | None = None
        self._failed: tuple[float, str] | None = None

    def send(self, notice: Notice, report: Report) -> None:
        deliver = _on_callers_loop(report)
        failed = self._failed
        if failed is not None and self._clock() - failed[0] < self.retry_after:
            deliver(self._outcome(False, failed[1]))
            return
        self._submit(self._deliver(notice, deliver), deliver)

    def prepare(self) -> None:
        """Start the worker and import desktop-notifier there now, so the first notice
        does not pay for it. Returns at once; call it when the app is idle (the import
        competes for the GIL: 8-40 ms of loop delay measured on a busy 2-core machine)."""
        self._submit(self._load(), lambda outcome: None)

    async def _load(self) -> None:
        try:
            self._make_notifier()
        except ImportError:  # reported by the first notice
            pass

    def _make_notifier(self) -> Any:
        if self._notifier is None:
            _quiet_library_logs()
            from desktop_notifier import DesktopNotifier

            # No icon: the default one is the Python logo.
            self._notifier = DesktopNotifier(app_name=self.app_name, app_icon=None)
        return self._notifier

    def close(self) -> None:
        """Stop the worker; a delivery still in flight is cancelled. Waits at most 1 s."""
        with self._guard:
            self._closed = True
            loop, thread = self._loop, self._thread
            self._loop = self._thread = None
        if loop is not None and thread is not None:
            loop.call_soon_threadsafe(loop.stop)
            thread.join(timeout=1.0)

    def _outcome(self, ok: bool, detail: str = "") -> Outcome:
        return Outcome(self.name, self.label, ok, detail)

    def _submit(self, work: Coroutine[Any, Any, None], deliver: Report) -> None:
        with self._guard:
            if self._closed:
                work.close()
                deliver(self._outcome(False, "the notifier is closed"))
                return
            if self._loop is None:
                self._loop = asyncio.new_event_loop()
                self._thread = threading.Thread(target=self._run, args=(self._loop,),
                                                name="lumbar-desktop-notify", daemon=True)
                self._thread.start()
            asyncio.run_coroutine_threadsafe(work, self._loop)

    @staticmethod
    def _run(loop: asyncio.AbstractEventLoop) -> None:
        asyncio.set_event_loop(loop)
        try:
            loop.run_forever()
            pending = asyncio.all_tasks(loop)
            for task in pending:
                task.cancel()
            loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        finally:
            loop.close()

    async def _deliver(self, notice: Notice, deliver: Report) -> None:
        try:
            # Loading the library is not the server's time: keep it outside the bound.
            self._make_notifier()
            await asyncio.wait_for(self._show(notice), self.timeout)
        except TimeoutError:
            outcome = self._outcome(False, f"no answer within {self.timeout:g} s")
        except Exception as exc:  # every failure is soft: reported, never raised
            outcome = self._outcome(False, describe(exc))
        else:
            outcome = self._outcome(True)
        self._failed = None if outcome.ok else (self._clock(), outcome.detail)
        deliver(outcome)

    async def _show(self, notice: Notice) -> None:
        if self._serial is None:
            self._serial = asyncio.Lock()
        # One at a time: the first delivery connects, later ones reuse the connection.
        async with self._serial:
            notifier = self._make_notifier()
            from desktop_notifier import Notification, Urgency

            # Real backends always list some capability; desktop-notifier's stand-in
            # for unsupported systems (macOS outside an app bundle) lists none.
            if not await notifier.get_capabilities():
                raise Unavailable("no notification centre that desktop-notifier can use here")
            failures: list[BaseException] = []
            accepted: list[bool] = []
            token = _FAILURES.set(failures)
            try:
                await notifier.send_notification(Notification(
                    notice.title, notice.body,
                    urgency=Urgency.Critical if notice.urgency == "critical" else Urgency.Normal,
                    on_dispatched=lambda: accepted.append(True),
                ))
            finally:
                _FAILURES.reset(token)
            if not accepted:
                if failures:
                    raise failures[0]
                raise Unavailable("the notification server did not accept it")

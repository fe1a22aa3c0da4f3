"""One line on every screen while history rows wait to be saved: how many, and why.

The store keeps rows in memory while history.db cannot be written (tui/services/store/journal.py).
Nothing may look saved that is not in the file, so while any row waits the full screen on
top shows this line, and the store is asked to try again every RETRY_SECONDS. The store
says when the count changes (``on_pending``), so nothing wakes while all is saved.
"""

from __future__ import annotations

from typing import Any

from textual.screen import ModalScreen

from tui.widgets.activity_line import TopLine

#: How often waiting rows are tried again, in seconds.
RETRY_SECONDS = 30.0


def waiting_text(pending: int, problem: str | None) -> str:
    """The line for ``pending`` waiting rows (0: none, the empty string)."""
    if pending <= 0:
        return ""
    rows = "1 entry waits" if pending == 1 else f"{pending} entries wait"
    why = f" ({problem})" if problem else ""
    return f"Not saved yet: {rows}{why}; lumbar keeps trying and keeps them if you quit."


class WaitingLine(TopLine):
    DEFAULT_CSS = """
    WaitingLine {
        background: $error 25%;
        color: $text-error;
    }
    """


def watch(app: Any, store: Any) -> None:
    """Start the line for ``app`` and its history ``store`` (None: nothing). Call in the
    app's loop (``on_mount``): the store may report from another thread."""
    import asyncio

    if store is None:
        return
    loop = asyncio.get_running_loop()
    store.on_pending = lambda _count: loop.call_soon_threadsafe(show, app, store)
    app.screen_change_signal.subscribe(app, lambda _: app.call_next(show, app, store))
    show(app, store)


def retry(app: Any, store: Any) -> None:
    store.retry()
    show(app, store)


def show(app: Any, store: Any) -> None:
    """Put the line on the full screen on top (under any modal), or hide it; keep the
    retry timer running exactly while rows wait."""
    text = waiting_text(store.pending, getattr(store, "problem", None))
    timer = getattr(app, "_waiting_retry", None)
    if text and timer is None:
        app._waiting_retry = app.set_interval(RETRY_SECONDS, lambda: retry(app, store), name="waiting-retry")
    elif not text and timer is not None:
        timer.stop()
        app._waiting_retry = None
    screen = next((s for s in reversed(app.screen_stack) if not isinstance(s, ModalScreen)), None)
    if screen is None:
        return
    found = screen.query(WaitingLine)
    if found:
        found.first().say(text)
    elif text:
        line = WaitingLine()
        screen.mount(line)
        line.say(text)

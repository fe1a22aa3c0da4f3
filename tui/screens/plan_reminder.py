"""The plan's reminder over whatever is open: start the routine, snooze it, or skip it today."""

from __future__ import annotations

from typing import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.widgets.key_bar import KeyBar
from tui.widgets.keys import keys


class PlanReminderPrompt(ModalScreen[None]):
    DEFAULT_CSS = """
    PlanReminderPrompt { align: center middle; }
    PlanReminderPrompt .plan-reminder {
        width: 64; max-width: 90%; height: auto;
        border: round $accent; background: $surface; padding: 1 2;
    }
    PlanReminderPrompt .title { text-style: bold; }
    """

    BINDINGS = [
        Binding(keys("enter", "t"), "answer('started')", "Start", key_display="enter", id="plan.start"),
        Binding(keys("s"), "answer('snoozed')", "Snooze", key_display="s", id="plan.snooze"),
        Binding(keys("k"), "answer('skipped')", "Skip today", key_display="k", id="plan.skip"),
        Binding(keys("escape"), "close", "Later", key_display="esc", id="plan.later"),
    ]

    def __init__(self, title: str, body: str, note: str, snoozes_left: int,
                 answer: Callable[[str], None], about: str = "") -> None:
        """Args:
            title, body, note: the reminder's words and the plan's note (shown as written).
            snoozes_left: 0 greys the snooze key.
            answer: called with "started", "snoozed" or "skipped".
            about: the routine's key the reminder is for (a door tells one from the next).
        """
        super().__init__()
        self.title_text, self.body, self.note = title, body, note
        self.snoozes_left = snoozes_left
        self.answer = answer
        self.about = about
        self._gone = False
        """Dismissed already, or to be as soon as it is on top again (`withdraw`)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="plan-reminder"):
            yield Static(self.title_text, classes="title", markup=False)
            yield Static(self.body, markup=False)
            if self.note:
                yield Static(f"Note: {self.note}", markup=False)
            yield KeyBar(("plan.start", "plan.snooze", "plan.skip", "plan.later"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "answer" and parameters == ("snoozed",) and not self.snoozes_left:
            return None  # shown grey: no snoozes left in a row
        return True

    def action_answer(self, what: str) -> None:
        self._close()
        self.answer(what)

    def action_close(self) -> None:
        """Later: the reminder stays open (the notification's buttons still answer it)."""
        self._close()

    def withdraw(self) -> None:
        """Answered elsewhere: close now if on top, else as soon as it is (dismissing
        pops the top screen, which would be another's)."""
        if self._gone:
            return
        if self.app.screen is self:
            self._close()
        else:
            self._stale = True

    _stale = False
    """Answered elsewhere while another screen was over it."""

    def on_screen_resume(self) -> None:
        if self._stale:
            self._close()

    def _close(self) -> None:
        if not self._gone:
            self._gone = True
            self.dismiss(None)

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
                 answer: Callable[[str], None]) -> None:
        """Args:
            title, body, note: the reminder's words and the plan's note (shown as written).
            snoozes_left: 0 greys the snooze key.
            answer: called with "started", "snoozed" or "skipped".
        """
        super().__init__()
        self.title_text, self.body, self.note = title, body, note
        self.snoozes_left = snoozes_left
        self.answer = answer

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
        self.dismiss(None)
        self.answer(what)

    def action_close(self) -> None:
        """Later: the reminder stays open (the notification's buttons still answer it)."""
        self.dismiss(None)

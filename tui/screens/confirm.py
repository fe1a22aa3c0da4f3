"""A yes/no question."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.widgets.key_bar import KeyBar
from tui.widgets.keys import keys
from tui.widgets.touch import in_page


class ConfirmModal(ModalScreen[bool]):
    DEFAULT_CSS = """
    ConfirmModal { align: center middle; }
    .confirm {
        width: 64;
        max-width: 90%;
        height: auto;
        border: round $warning;
        background: $surface;
        padding: 1 2;
    }
    """
    """A framed question in the middle; parsed when first asked."""

    BINDINGS = [
        Binding(keys("y", "enter"), "answer(True)", "Yes", key_display="y", id="confirm.yes"),
        Binding(keys("n", "escape", "q"), "answer(False)", "No", key_display="n", id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="confirm"):
            yield Static(self.question, markup=False)
            if in_page(self):
                yield KeyBar(("confirm.yes", "confirm.no"))  # buttons: a phone has no y or n
            else:
                yield Static("y / Enter: yes     n / Esc: no", classes="hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

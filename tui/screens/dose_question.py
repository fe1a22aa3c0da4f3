"""After a finished routine: was it too easy, about right, or too hard? One key, skippable.

The answer is what moves the dose (tui.engine.progress.progression): two "too easy" answers on
different days raise it one step at the next start, "too hard" lowers it.
"""

from __future__ import annotations



from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.widgets.keys import keys
from tui.widgets.key_bar import KeyBar
from tui.widgets.touch import in_page


#: Key, answer stored, words on screen.
CHOICES = (("e", "easy", "too easy"), ("a", "right", "about right"), ("h", "hard", "too hard"))


class DoseQuestionModal(ModalScreen["str | None"]):
    """Dismisses with "easy", "right" or "hard", or None when skipped."""

    DEFAULT_CSS = """
    DoseQuestionModal { align: center middle; }
    .dose-question {
        width: 52;
        max-width: 100%;
        height: auto;
        border: round $primary;
        background: $surface;
        padding: 0 2;
    }
    .dose-question #dose-choices { margin-top: 1; }
    DoseQuestionModal.-waiting .dose-question { display: none; }
    """
    """A framed question in the middle, like the check-in; hidden while a check-in or its
    advice is shown over it (it waits underneath, so it comes after them)."""

    BINDINGS = [
        *(Binding(keys(key), f"answer('{answer}')", words, key_display=key, id=f"dose.{answer}") for key, answer, words in CHOICES),
        Binding(keys("escape", "s"), "skip", "Skip", key_display="esc", id="dose.skip"),
    ]
    """One key each; Esc or s skips."""

    def __init__(self, routine_name: str) -> None:
        """Args:
            routine_name: the routine just finished (user text, shown without markup).
        """
        super().__init__()
        self.routine_name = routine_name

    def compose(self) -> ComposeResult:
        with Vertical(classes="dose-question"):
            yield Static("How was that?", classes="heading")
            yield Static(self.routine_name, id="dose-routine", markup=False)
            yield Static("\n".join(f"{key}  {words}" for key, _, words in CHOICES), id="dose-choices",
                         markup=False)
            yield Static("Esc or s: skip. lumbar adds to the exercises after two "
                         "'too easy' days, and eases off after 'too hard'.", classes="hint")
            if in_page(self):
                yield KeyBar()  # buttons: a phone has no keys

    def on_screen_suspend(self) -> None:
        self.add_class("-waiting")

    def on_screen_resume(self) -> None:
        self.remove_class("-waiting")

    def action_answer(self, answer: str) -> None:
        self.dismiss(answer)

    def action_skip(self) -> None:
        self.dismiss(None)

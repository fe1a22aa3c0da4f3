"""After a routine: mark single exercises too easy or too hard. The routine-wide answer
("How was that?") stays the default for every exercise not marked here."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.widgets.keys import keys

WORDS = {"easy": "too easy", "hard": "too hard"}


class MarkExercisesModal(ModalScreen[None]):
    """The routine's ranged exercises; `e` or `h` marks the highlighted one, Esc closes.
    Each mark goes to the store at once (through `marks.mark`)."""

    DEFAULT_CSS = """
    MarkExercisesModal { align: center middle; }
    MarkExercisesModal > Vertical {
        width: 60; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    MarkExercisesModal OptionList { height: auto; max-height: 12; margin-top: 1; }
    """

    BINDINGS = [
        Binding(keys("e"), "mark('easy')", "Too easy", key_display="e"),
        Binding(keys("h"), "mark('hard')", "Too hard", key_display="h"),
        Binding(keys("escape", "q"), "dismiss", "Done", key_display="esc"),
    ]

    def __init__(self, names: list[str], marks: Any) -> None:
        """Args:
            names: the ranged exercises of the routine just ended (user text, no markup).
            marks: where each mark goes at once (tui.services.store.dosing.Dosing: `mark`).
        """
        super().__init__()
        self.names = names
        self.marks = marks
        self.marked: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Mark single exercises", classes="heading")
            yield Static("Your answer for the whole routine counts for the others.", markup=False)
            # Content, not a str: names are user text, shown without markup.
            yield OptionList(*(Option(Content(name), id=str(i)) for i, name in enumerate(self.names)))
            yield Static("e: too easy   h: too hard   Esc: done", classes="hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def action_mark(self, answer: str) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return
        name = self.names[options.highlighted]
        self.marks.mark(name, answer)
        self.marked[name] = answer
        options.replace_option_prompt_at_index(options.highlighted, Content(f"{name}  ·  {WORDS[answer]}"))
        self.notify(f"Marked: {name} {WORDS[answer]}.", timeout=3)

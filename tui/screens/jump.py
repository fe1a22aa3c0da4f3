"""The list of a routine's exercises, to jump to one from inside it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from tui.screens.host import RoutinePart


def choose_exercise(part: RoutinePart) -> None:
    """Open the list with the routine paused; the exercise chosen starts, and the routine
    carries on (Esc carries on where it was)."""
    from tui.engine.routine.easier import current_exercise
    from tui.engine.routine.jump import jump_to
    from tui.engine.routine.model import Kind

    session = part.session
    if session is None:
        return
    exercises = [(i, ex.name) for i, ex in enumerate(session.plan.routine.exercises) if ex.kind is not Kind.REST]

    def chosen(exercise: object) -> bool:
        if isinstance(exercise, int):
            part.command(jump_to, exercise)
        return True

    part.pause_for(JumpModal(exercises, current_exercise(session)), chosen)


class JumpModal(ModalScreen["int | None"]):
    """Pick an exercise: dismissed with its index into the routine's exercises, or None."""

    DEFAULT_CSS = """
    JumpModal { align: center middle; }
    .jump {
        width: 64;
        max-width: 90%;
        height: auto;
        max-height: 90%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    .jump OptionList { height: auto; max-height: 1fr; }
    """
    """A framed list in the middle; parsed when first opened."""

    BINDINGS = [Binding("escape,q", "dismiss(None)", "Close", key_display="esc")]

    def __init__(self, exercises: list[tuple[int, str]], current: int | None) -> None:
        """Args:
            exercises: (index into the routine's exercises, name), in routine order.
            current: the exercise under way (highlighted first), if any.
        """
        super().__init__()
        self.exercises = exercises
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="jump"):
            yield Static("Jump to an exercise", classes="heading")
            options = [Option(f"{n}. {name}", id=str(index)) for n, (index, name) in enumerate(self.exercises, 1)]
            yield OptionList(*options)
            yield Static("Enter: jump   Esc: back", classes="hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        if self.current is not None:
            options.highlighted = next((i for i, (index, _) in enumerate(self.exercises) if index == self.current), 0)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id) if event.option.id is not None else None)

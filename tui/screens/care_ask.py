"""The questions before ice or heat: when did it start (once per episode), which, and
before an episode's first pack, whether anything means asking a professional first."""

from __future__ import annotations

from datetime import datetime
from typing import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.screens.host import CarePart
from tui.services.since import EXAMPLES, parse_since

_FRAME = """
    {name} { align: center middle; }
    {name} > Vertical {
        width: 66; max-width: 95%; height: auto;
        border: round $primary; background: $surface; padding: 0 2;
    }
    {name} .title { text-style: bold; margin-top: 1; }
    {name} .hint { color: $text-muted; margin-bottom: 1; }
"""


class EpisodeModal(ModalScreen[bool]):
    """When did the pain or injury start? Dismissed with True once the answer is stored."""

    DEFAULT_CSS = _FRAME.replace("{name}", "EpisodeModal")
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, part: CarePart, wall: Callable[[], datetime]) -> None:
        """Args:
            part: the App's ice and heat part, which keeps the answer.
            wall: the aware local time now ("yesterday 18:00" is read from it).
        """
        super().__init__()
        self.part = part
        self.wall = wall

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("When did this pain or injury start?", classes="title", markup=False)
            yield Static("Ice suits the first 48 hours, heat the days after. lumbar asks once and "
                         "remembers it until you start a new episode (n on the ice/heat screen).",
                         markup=False)
            yield Input(placeholder=EXAMPLES, id="since")
            yield Static(f"For example {EXAMPLES}. Esc: cancel.", classes="hint", id="since-hint",
                         markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        try:
            started = parse_since(event.value, self.wall())
        except ValueError as error:
            self.query_one("#since-hint", Static).update(str(error))
            return
        self.part.set_episode(started)
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)


class ChoiceModal(ModalScreen["str | None"]):
    """Ice or heat, with the episode's advice; the person's choice wins."""

    DEFAULT_CSS = _FRAME.replace("{name}", "ChoiceModal")
    BINDINGS = [
        Binding("i", "choose('ice')", "Ice"),
        Binding("h", "choose('heat')", "Heat"),
        Binding("enter", "choose('')", "As advised"),
        Binding("escape,q", "cancel", "Cancel"),
    ]

    def __init__(self, advised: str, why: str) -> None:
        super().__init__()
        self.advised = advised
        self.why = why

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Ice or heat?", classes="title", markup=False)
            yield Static(self.why, markup=False)
            yield Static(f"i: ice     h: heat     Enter: {self.advised}     Esc: cancel",
                         classes="hint", markup=False)

    def action_choose(self, kind: str) -> None:
        self.dismiss(kind or self.advised)

    def action_cancel(self) -> None:
        self.dismiss(None)


#: Who should ask a health professional before cold or heat (docs/sources.md, "Ice and heat").
PRECAUTION = {
    "ice": "Is the skin where the pack goes numb or broken, or do you have poor circulation, "
           "diabetes or Raynaud's?",
    "heat": "Is the skin where the pack goes numb or broken, or do you have poor circulation "
            "or diabetes?",
}


class PrecautionModal(ModalScreen["tuple[bool, str | None] | None"]):
    """One yes/no before an episode's first ice or heat. Dismissed with (False, None) for
    no; after yes, (True, "went on") on g or (True, "stopped") on q; None on Esc (not now)."""

    DEFAULT_CSS = _FRAME.replace("{name}", "PrecautionModal")
    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n", "answer(False)", "No"),
        Binding("escape", "cancel", "Not now"),
        Binding("g", "choose('went on')", "Use it anyway"),
        Binding("q", "choose('stopped')", "Not now"),
    ]

    def __init__(self, kind: str) -> None:
        super().__init__()
        self.kind = kind
        self.said_yes = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"Before the first {self.kind} of this episode", classes="title", markup=False)
            yield Static(PRECAUTION[self.kind], id="precaution-text", markup=False)
            yield Static("y: yes     n: no     Esc: not now", id="precaution-keys", classes="hint",
                         markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return (action == "choose") == self.said_yes or action == "cancel"

    def action_answer(self, yes: bool) -> None:
        if not yes:
            self.dismiss((False, None))
            return
        self.said_yes = True
        self.query_one("#precaution-text", Static).update(
            f"Then please ask a doctor, nurse or physiotherapist before using {self.kind} there: "
            "it can harm skin that cannot feel it, or that heals slowly.")
        self.query_one("#precaution-keys", Static).update(f"g: use {self.kind} anyway     q: not now")
        self.refresh_bindings()

    def action_choose(self, choice: str) -> None:
        self.dismiss((True, choice))

    def action_cancel(self) -> None:
        self.dismiss(None)

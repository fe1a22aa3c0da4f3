"""Modals with safety advice and help: "stop if" for the exercise, and all keys."""

from __future__ import annotations

from typing import Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..advice import DISCLAIMER, SEE_A_DOCTOR
from ..keys import shown_keys


def _bullets(lines: Iterable[str]) -> str:
    return "\n".join(f"• {line}" for line in lines)


class _Advice(ModalScreen[None]):
    DEFAULT_CSS = """
    _Advice { align: center middle; }
    .advice {
        width: 90%;
        max-width: 90;
        height: auto;
        max-height: 90%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    """
    """A framed box in the middle; parsed when a modal is first opened."""

    BINDINGS = [Binding("escape,q,enter,space", "dismiss", "Close", key_display="esc")]

    def body(self) -> Iterable[Static]:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="advice"):
            yield from self.body()
            yield Static("Press Esc to go back.", classes="hint")


class StopIfModal(_Advice):
    """What should make the user stop this exercise, plus the general warning signs."""

    def __init__(self, exercise: str, stop_if: tuple[str, ...]) -> None:
        super().__init__()
        self.exercise = exercise
        self.stop_if = stop_if

    def body(self) -> Iterable[Static]:
        yield Static(f"Stop {self.exercise} if…", classes="heading", markup=False)
        own = self.stop_if or ("It hurts, or your pain gets worse.",)
        yield Static(_bullets(own), markup=False)
        yield Static("See a doctor if you have", classes="heading")
        yield Static(_bullets(SEE_A_DOCTOR), markup=False)


class HelpModal(_Advice):
    """Every key of the screen it was opened from, the warning signs, and the disclaimer."""

    def __init__(self, bindings: Iterable[Binding | tuple[str, ...]]) -> None:
        super().__init__()
        self.bindings = [b for b in bindings if isinstance(b, Binding)]

    def body(self) -> Iterable[Static]:
        yield Static("Keys", classes="heading")
        cells = [
            f"{', '.join(_key_name(k) for k in shown_keys(b.key)):<9} {b.tooltip or b.description}"
            for b in self.bindings
        ]
        cells += [f"{'ctrl+p':<9} Command palette", f"{'ctrl+q':<9} Quit lumbar"]
        # Two columns, so keys and warning signs fit on an 80x24 screen together.
        half = (len(cells) + 1) // 2
        rows = [f"{left:<38}{right}".rstrip() for left, right in zip(cells[:half], cells[half:] + [""])]
        yield Static("\n".join(rows), markup=False)
        yield Static("See a doctor if you have", classes="heading")
        yield Static(_bullets(SEE_A_DOCTOR), markup=False)
        yield Static(DISCLAIMER, classes="disclaimer", markup=False)


def _key_name(key: str) -> str:
    names = {"question_mark": "?", "equals_sign": "=", "plus": "+", "minus": "-", "right": "→",
             "left": "←", "escape": "esc"}
    return names.get(key, key)

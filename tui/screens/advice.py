"""Modals with safety advice and help: "stop if" for the exercise, and all keys."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.engine.care.advice import DISCLAIMER
from tui.widgets.signs_view import EmergencyBox, after_emergency
from tui.widgets.key_hints import KeyHint

if TYPE_CHECKING:
    from textual.geometry import Size


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
    .advice > .close {
        dock: bottom;
        margin-top: 0;
        background: $surface;
    }
    .disclaimer { margin-top: 1; color: $text-muted; }
    """
    """A framed box in the middle; parsed when a modal is first opened."""

    BINDINGS = [Binding("escape,q,enter,space", "dismiss", "Close", key_display="esc")]

    def body(self) -> Iterable[Static]:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="advice"):
            # Docked, so it stays in view however far a long text scrolls.
            yield Static("Esc: back  ·  ↑ ↓: scroll", classes="hint close")
            yield from self.body()


class StopIfModal(_Advice):
    """The step's title and cue in full, what should make the user stop this exercise, what
    should make them stop the whole routine, and the warning signs in their three tiers."""

    def __init__(self, exercise: str, stop_if: tuple[str, ...], *, title: str = "", cue: str = "",
                 routine_stop_if: tuple[str, ...] = ()) -> None:
        """Args:
            exercise: the exercise's name.
            stop_if: the step's reasons to stop: the exercise's own, then the routine's
                (as the plan builds them).
            title: the workout screen's title line, which may be cut there.
            cue: the cue as the workout screen shows it, which may be cut there.
            routine_stop_if: the routine-wide reasons, shown under their own heading.
        """
        super().__init__()
        self.exercise = exercise
        self.stop_if = stop_if
        self.title = title
        self.cue = cue
        self.routine_stop_if = routine_stop_if

    def body(self) -> Iterable[Static]:
        # The signs that cannot wait come first here too, even on a short screen, where the
        # rest may need scrolling; the less urgent tiers follow the exercise's own reasons.
        yield EmergencyBox()
        if self.title or self.cue:
            yield Static(self.title or self.exercise, classes="heading", markup=False)
            yield Static(self.cue, markup=False)
        # Shipped items are conditions that finish this sentence ("… if a move makes your
        # back pain worse"), some with what to change instead of stopping.
        whole = tuple(line for line in self.routine_stop_if if line in self.stop_if)
        own = tuple(line for line in self.stop_if if line not in whole)
        if own or not whole:
            yield Static(f"Stop or ease off {self.exercise} if", classes="heading", markup=False)
            yield Static(_bullets(own or ("It hurts, or your pain gets worse.",)), markup=False)
        if whole:
            yield Static("Stop or ease off this routine if", classes="heading")
            yield Static(_bullets(whole), markup=False)
        yield from after_emergency()


class HelpModal(_Advice):
    """Every key of the screen it was opened from, the warning signs in their three tiers
    (emergency first), and the disclaimer."""

    def __init__(self, keys: Iterable[KeyHint]) -> None:
        """Args:
            keys: the screen's keys as bound now (``key_hints(screen)``, keymap applied).
        """
        super().__init__()
        self.keys = list(keys)

    def body(self) -> Iterable[Static]:
        yield EmergencyBox()  # above the keys: in view on any screen, without scrolling
        yield Static("Keys", classes="heading")
        yield KeyTable([(", ".join(hint.keys), _APP_WORDS.get(hint.id or "", hint.tooltip))
                        for hint in self.keys])
        yield from after_emergency()
        yield Static(DISCLAIMER, classes="disclaimer", markup=False)


class KeyTable(Static):
    """Lines of "key  what it does", in two columns where they fit side by side (so keys
    and warning signs fit an 80x24 screen together), else one, where a long description
    wraps under itself, not under the keys."""

    DEFAULT_CSS = "KeyTable { height: auto; }"
    #: Cells taken by the key column ("ctrl+q" and "?, f1" fit, with a space after).
    KEYS = 10

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self.cells = [f"{keys:<{self.KEYS - 1}} {words}" for keys, words in pairs]
        super().__init__("\n".join(self.cells), markup=False)
        self.pairs = pairs

    def rows(self, width: int) -> list[str]:
        """The table laid out for ``width`` cells."""
        half = (len(self.cells) + 1) // 2
        left, right = self.cells[:half], self.cells[half:]
        column = max(map(cell_len, left), default=0) + 1
        if right and column + max(map(cell_len, right)) <= width:
            return [(cell + " " * (column - cell_len(cell)) + other).rstrip()
                    for cell, other in zip(left, right + [""])]
        rows: list[str] = []
        for cell in self.cells:
            rows += _hanging(cell, width, self.KEYS)
        return rows

    def render(self) -> Content:
        return Content("\n".join(self.rows(self.content_size.width)))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.rows(width))


#: The App's keys say what they do from any screen.
_APP_WORDS = {"app.quit": "Quit lumbar"}


def _hanging(cell: str, width: int, indent: int) -> list[str]:
    """``cell`` wrapped to ``width`` cells, the lines after the first indented by ``indent``."""
    if cell_len(cell) <= width or width <= indent + 8:
        return [cell]
    lines, line = [], ""
    for word in cell.split(" "):
        if line and cell_len(line) + 1 + cell_len(word) > width:
            lines.append(line.rstrip())
            line = " " * indent
        line = f"{line} {word}" if line.strip() else line + word
    return lines + [line.rstrip()]

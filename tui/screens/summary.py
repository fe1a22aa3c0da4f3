"""The end of a routine: how long it took and what was done, skipped or made easier."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from ..keys import keys
from ..widgets.key_bar import KeyBar
from ..engine.timefmt import duration_text
from ..engine.view import Summary


class SummaryScreen(Screen[None]):
    DEFAULT_CSS = """
    #summary { padding: 1 2; }
    """
    """Parsed when a routine first ends, not at start-up."""

    BINDINGS = [
        Binding(keys("enter", "escape"), "home", "Back to routines", key_display="enter", id="summary.home"),
        Binding(keys("q"), "app.quit", "Quit", key_display="q", id="summary.quit"),
    ]

    def __init__(self, result: Summary) -> None:
        super().__init__()
        self.result = result

    def compose(self) -> ComposeResult:
        r = self.result
        heading = "Well done." if r.completed else "Stopped early."
        with Vertical(id="summary"):
            yield Static(heading, classes="heading")
            yield Static(r.routine, id="summary-routine", markup=False)
            lines = [f"Total time    {duration_text(r.elapsed)}"]
            if r.elapsed - r.active >= 1:
                lines.append(f"Moving        {duration_text(r.active)}")
            lines.append(f"Done          {_names(r.done)}")
            lines.append(f"Skipped       {_names(r.skipped)}")
            lines.append(f"Made easier   {_names(r.easier)}")
            yield Static("\n".join(lines), id="summary-lines", markup=False)
            yield Static("Press Enter for the routine list.", classes="hint")
        yield KeyBar()

    def action_home(self) -> None:
        self.app.go_home()  # type: ignore[attr-defined]


def _names(names: tuple[str, ...]) -> str:
    if not names:
        return "none"
    return f"{len(names)}: " + ", ".join(names)

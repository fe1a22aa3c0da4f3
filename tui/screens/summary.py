"""The end of a routine: how long it took and what was done, skipped or made easier."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.content import Content
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from tui.widgets.keys import keys
from tui.widgets.key_bar import KeyBar
from tui.engine.timefmt import duration_text
from tui.engine.routine.view import Summary
from tui.screens.host import shell
from tui.widgets.touch import on_touch

if TYPE_CHECKING:
    from textual.geometry import Size

    from tui.engine.routine.model import Routine


class SummaryScreen(Screen[None]):
    DEFAULT_CSS = """
    #summary { padding: 1 2; }
    """
    """Parsed when a routine first ends, not at start-up."""

    BINDINGS = [
        Binding(keys("enter", "escape"), "home", "Back to routines", key_display="enter", id="summary.home"),
        Binding(keys("m"), "mark", "Mark exercises", key_display="m", id="summary.mark",
                tooltip="Mark single exercises too easy or too hard"),
        Binding(keys("q"), "app.quit", "Quit", key_display="q", id="summary.quit"),
    ]

    def __init__(self, result: Summary, routine: Routine | None = None, marks: Any = None) -> None:
        """Args:
            result: the routine's summary.
            routine: the routine just ended, whose ranged exercises can be marked.
            marks: where marks go (tui.services.store.dosing.Dosing); None: no marking.
        """
        super().__init__()
        self.result = result
        self.routine = routine
        self.marks = marks

    def compose(self) -> ComposeResult:
        r = self.result
        if not r.worked:
            heading = "Nothing was done: every exercise was skipped."
        else:
            heading = "Well done." if r.completed else "Stopped early."
        with Vertical(id="summary"):
            yield Static(heading, classes="heading")
            yield Static(r.routine, id="summary-routine", markup=False)
            rows = [("Total time", duration_text(r.elapsed))]
            if r.elapsed - r.active >= 1:
                rows.append(("Pauses left out", duration_text(r.active)))
            rows.append(("Done", _names(r.done)))
            rows.append(("Skipped", _names(r.skipped)))
            rows.append(("Made easier", _names(r.easier)))
            yield LabelledRows(rows, id="summary-lines")
            yield Static("Tap Back to routines below for the routine list." if on_touch(self) else
                         "Press Enter for the routine list.", classes="hint")
        yield KeyBar()

    def action_home(self) -> None:
        shell(self).go_home()

    def _ranged(self) -> list[str]:
        """The ranged exercises of the routine just ended, when their marks can be kept."""
        from tui.engine.progress.progression import ranged

        routine, marks = self.routine, self.marks
        if routine is None or marks is None or not marks.can_mark() or not self.result.completed:
            return []
        return list(ranged(routine))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return bool(self._ranged()) if action == "mark" else True

    def action_mark(self) -> None:
        from tui.screens.mark_exercises import MarkExercisesModal

        names = self._ranged()
        if names:
            self.app.push_screen(MarkExercisesModal(names, self.marks))


#: The value column, the same whichever rows are shown ("Pauses left out" and a gap).
LABEL_COLUMN = 18


class LabelledRows(Static):
    """Label and value rows; a value too long for the width wraps under the value column,
    never back under the labels. Its text (``visual``) is the rows unwrapped."""

    DEFAULT_CSS = "LabelledRows { height: auto; }"

    def __init__(self, rows: list[tuple[str, str]], *, id: str | None = None) -> None:
        self.rows = rows
        self.column = LABEL_COLUMN
        super().__init__("\n".join(label.ljust(self.column) + value for label, value in rows),
                         markup=False, id=id)

    def lines(self, width: int) -> list[str]:
        """The rows laid out for ``width`` cells."""
        import textwrap

        out: list[str] = []
        room = max(10, width - self.column)
        for label, value in self.rows:
            parts = textwrap.wrap(value, room) or [""]
            out.append(label.ljust(self.column) + parts[0])
            out.extend(" " * self.column + part for part in parts[1:])
        return out

    def render(self) -> Content:
        return Content("\n".join(self.lines(self.content_size.width)))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))


def _names(names: tuple[str, ...]) -> str:
    if not names:
        return "none"
    return f"{len(names)}: " + ", ".join(names)

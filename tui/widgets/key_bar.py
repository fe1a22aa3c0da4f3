"""KeyBar: the bottom line of keys for the screen it sits on, in one widget.

Textual's Footer builds a widget per key; on the workout screen that cost a noticeable
part of the first frame. This draws the same hints as one line, greys out keys that do
nothing right now (the screen's `check_action`), shows the keys a user keymap bound
(see :mod:`tui.widgets.key_hints`), and redraws when the screen's bindings change.

When the line is too narrow for every key, the least needed go first (the order given
as ``keep``) and a "…" stands where they were; they stay in help and the palette. Help,
quit (ALWAYS) stay on every screen. A screen's ``key_waits(action)`` may grey a
key that still runs, to say what it waits for.

Every key shown is also a button: a click or a tap runs it as if it were pressed. In a
browser page (``App.is_web``: a phone or tablet beside the mat has no keyboard) the bar
turns into rows of three-line buttons, wrapped rather than cut, so every key stays
reachable and each is big enough for a finger.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from textual.content import Content
from textual.events import Click
from textual.widget import Widget

from tui.widgets.key_hints import KeyHint, key_hints

if TYPE_CHECKING:
    from textual.geometry import Size
    from textual.visual import VisualType

MORE = "…"
"""Stands where keys were left out for lack of room."""
ALWAYS = ("help", "quit")
"""Actions never left out, on any screen: the README promises help and quit always stay."""
BUTTON_LINES = 3
"""Lines per row of buttons in the touch layout: 45 px tall on a phone (15 px lines at the
type that gives it 61 columns), 57 px at 16 px type; touch guidelines (Apple's HIG, WCAG
2.5.5) ask 44 px of a target."""

Span = tuple[int, int, int, "KeyHint | None"]
"""Where a hint is drawn: (row, first column, column after it, hint); None for the "…"."""


class KeyBar(Widget):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        width: 1fr;
        background: $footer-background;
        color: $footer-description-foreground;
        text-wrap: nowrap;
        text-overflow: clip;
    }
    KeyBar > .key-bar--key { color: $footer-key-foreground; text-style: bold; }
    KeyBar > .key-bar--off { color: $text-disabled; }
    KeyBar.-touch { height: auto; background: $background; }
    KeyBar > .key-bar--button { background: $primary-muted; }
    """
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--off", "key-bar--button"}

    def __init__(
        self,
        keep: Sequence[str] = (),
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        """Create a KeyBar.

        Args:
            keep: Binding ids, most needed first: on a narrow screen keys are left out
                from the end of this list, after every key not in it (rightmost first).
            name: The name of the widget.
            id: The ID of the widget in the DOM.
            classes: The CSS classes of the widget.
            disabled: Whether the widget is disabled or not.
        """
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self.keep = tuple(keep)

    def on_mount(self) -> None:
        self.set_class(self.app.is_web, "-touch")
        # As buttons the bar's height follows the keys shown; as one line it is fixed.
        self.screen.bindings_updated_signal.subscribe(
            self, lambda _: self.refresh(layout=self.has_class("-touch")))

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def hints(self) -> list[KeyHint]:
        """Every key this screen shows in a bar, in order, whatever the width."""
        # The App's own keys shown on every screen (desk breaks) come after the screen's.
        return [hint for hint in key_hints(self.screen) if hint.show]

    def fitted(self, width: int) -> list[KeyHint | None]:
        """The hints that fit ``width`` cells; None marks where some were left out."""
        hints = self.hints()
        shown = list(range(len(hints)))

        def rank(index: int) -> tuple[int, ...]:
            hint = hints[index]
            if _always(hint):
                return (2, -index)  # last of all, and never (see the loop below)
            if hint.app_level:
                return (0, 1, -index)  # the App's keys (desk breaks): after the screen's extras
            listed = hint.id in self.keep
            # Dropped first: unlisted keys from the right, then the listed ones from the end.
            return (1, -self.keep.index(hint.id)) if listed else (0, -index)

        def line() -> list[KeyHint | None]:
            kept: list[KeyHint | None] = []
            for index, hint in enumerate(hints):
                if index in shown:
                    kept.append(hint)
                elif not kept or kept[-1] is not None:
                    kept.append(None)
            return kept

        for index in sorted(shown, key=rank):
            if _width(line()) <= width or hints[index].id in self.keep[:2] or _always(hints[index]):
                break  # it fits, or only the keys that always stay (help and quit) are left
            shown.remove(index)
        return line()

    def spans(self, width: int) -> list[Span]:
        """Where each shown hint is drawn at ``width`` cells: one line, or rows of buttons."""
        if not self.has_class("-touch"):
            spans: list[Span] = []
            x = 0
            for hint in self.fitted(width):
                cells = len(MORE) if hint is None else _cells(hint)
                spans.append((0, x, x + cells, hint))
                x += cells + 1
            return spans
        # Buttons: a cell of padding either side, a cell between; wrapped, never cut.
        spans = []
        row = x = 0
        for hint in self.hints():
            cells = _cells(hint) + 2
            if x and x + cells > width:
                row, x = row + 1, 0
            spans.append((row, x, x + cells, hint))
            x += cells + 1
        return spans

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        spans = self.spans(width)
        return 1 if not spans else (spans[-1][0] + 1) * (BUTTON_LINES if self.has_class("-touch") else 1)

    def render(self) -> Content:
        key_style = self.get_visual_style("key-bar--key", partial=True)
        off_style = self.get_visual_style("key-bar--off", partial=True)
        touch = self.has_class("-touch")
        # Whole, not partial: a partial style drops an opaque background.
        button = self.get_visual_style("key-bar--button")
        pad = " " if touch else ""
        # A screen may draw a key grey that still runs, to say what it waits for.
        waits = getattr(self.screen, "key_waits", lambda action: False)
        lines: list[list[VisualType | tuple[str, object]]] = []
        blanks: list[list[VisualType | tuple[str, object]]] = []
        # Single spaces, as Textual's compact footer: all workout keys fit in 80 columns.
        for row, start, end, hint in self.spans(self.size.width):
            if row == len(lines):
                lines.append([])
                blanks.append([])
            parts, blank = lines[row], blanks[row]
            if parts:
                parts.append(" ")
                blank.append(" ")
            if hint is None:
                parts.append(MORE)
                continue
            lit = hint.enabled and not waits(hint.action)
            label = Content.assemble(pad, (hint.key, key_style if lit else off_style), " ",
                                     hint.description if lit else (hint.description, off_style),
                                     pad)
            parts.append(label.stylize_before(button) if touch else label)
            blank.append((" " * (end - start), button))
        if not touch:
            return Content.assemble(*(lines[0] if lines else []))  # type: ignore[arg-type]
        # Each row of buttons is three lines, the labels in the middle one and the buttons'
        # background above and below, so the whole block is the target.
        block: list[Content] = []
        for parts, blank in zip(lines, blanks):
            row_blank = Content.assemble(*blank)  # type: ignore[arg-type]
            block += [row_blank, Content.assemble(*parts), row_blank][:BUTTON_LINES]  # type: ignore[arg-type]
        return Content("\n").join(block)

    def hint_at(self, x: int, y: int) -> KeyHint | None:
        """The hint drawn at cell (``x``, ``y``) of this bar, or None."""
        row = y // BUTTON_LINES if self.has_class("-touch") else y
        for span_row, start, end, hint in self.spans(self.size.width):
            if span_row == row and start <= x < end:
                return hint
        return None

    def on_click(self, event: Click) -> None:
        """A click or a tap on a key presses it: the same binding, keymap and checks."""
        hint = self.hint_at(event.x, event.y)
        if hint is None or not hint.enabled:
            return
        event.stop()
        for key, active in self.screen.active_bindings.items():
            if active.binding.action == hint.action and active.binding.id == hint.id:
                self.app.simulate_key(key)
                return


def _always(hint: KeyHint) -> bool:
    """True for a key that stays however narrow the line (see ALWAYS)."""
    return hint.action.rsplit(".", 1)[-1] in ALWAYS


def _cells(hint: KeyHint) -> int:
    """Cells a hint takes in a line: key, a space, description."""
    return Content(hint.key).cell_length + 1 + Content(hint.description).cell_length


def _width(line: list[KeyHint | None]) -> int:
    """Cells ``line`` takes, single spaces between its parts."""
    cells = [len(MORE) if hint is None else _cells(hint) for hint in line]
    return sum(cells) + max(0, len(cells) - 1)

"""KeyBar: the bottom line of keys for the screen it sits on, in one widget.

Textual's Footer builds a widget per key; on the workout screen that cost a noticeable
part of the first frame. This draws the same hints as one line, greys out keys that do
nothing right now (the screen's `check_action`), shows the keys a user keymap bound
(see :mod:`tui.widgets.key_hints`), and redraws when the screen's bindings change.

When the line is too narrow for every key, the least needed go first (the order given
as ``keep``) and a "…" stands where they were; they stay in help and the palette.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from textual.content import Content
from textual.widget import Widget

from tui.widgets.key_hints import KeyHint, key_hints

if TYPE_CHECKING:
    from textual.visual import VisualType

MORE = "…"
"""Stands where keys were left out for lack of room."""


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
    """
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--off"}

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
        self.screen.bindings_updated_signal.subscribe(self, lambda _: self.refresh())

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def hints(self) -> list[KeyHint]:
        """Every key this screen shows in a bar, in order, whatever the width."""
        return [hint for hint in key_hints(self.screen) if hint.show and not hint.app_level]

    def fitted(self, width: int) -> list[KeyHint | None]:
        """The hints that fit ``width`` cells; None marks where some were left out."""
        hints = self.hints()
        shown = list(range(len(hints)))

        def rank(index: int) -> tuple[int, int]:
            hint = hints[index]
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
            if _width(line()) <= width or hints[index].id in self.keep[:2]:
                break  # it fits, or only the first two kept (help and quit) are left
            shown.remove(index)
        return line()

    def render(self) -> Content:
        key_style = self.get_visual_style("key-bar--key", partial=True)
        off_style = self.get_visual_style("key-bar--off", partial=True)
        parts: list[VisualType | tuple[str, object]] = []
        # Single spaces, as Textual's compact footer: all workout keys fit in 80 columns.
        for hint in self.fitted(self.size.width):
            if parts:
                parts.append(" ")
            if hint is None:
                parts.append(MORE)
                continue
            parts += [(hint.key, key_style if hint.enabled else off_style), " ",
                      hint.description if hint.enabled else (hint.description, off_style)]
        return Content.assemble(*parts)  # type: ignore[arg-type]


def _width(line: list[KeyHint | None]) -> int:
    """Cells ``line`` takes, single spaces between its parts."""
    cells = [len(MORE) if hint is None else
             Content(hint.key).cell_length + 1 + Content(hint.description).cell_length for hint in line]
    return sum(cells) + max(0, len(cells) - 1)

"""KeyBar: the bottom line of keys for the screen it sits on, in one widget.

Textual's Footer builds a widget per key; on the workout screen that cost a noticeable
part of the first frame. This draws the same hints as one line, greys out keys that do
nothing right now (the screen's `check_action`), and redraws when the screen's bindings
change.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widget import Widget


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

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, lambda _: self.refresh())

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def hints(self) -> list[tuple[str, str, bool]]:
        """(key, description, enabled) for every binding shown on this screen."""
        screen = self.screen
        hints = []
        for binding in screen.BINDINGS:
            if isinstance(binding, Binding) and binding.show and binding.description:
                enabled = bool(screen.check_action(binding.action, ()))
                hints.append((self.app.get_key_display(binding), binding.description, enabled))
        return hints

    def render(self) -> Content:
        key_style = self.get_visual_style("key-bar--key", partial=True)
        off_style = self.get_visual_style("key-bar--off", partial=True)
        parts: list[str | tuple[str, object]] = []
        # Single spaces, as Textual's compact footer: all workout keys fit in 80 columns.
        for key, description, enabled in self.hints():
            parts += [" " if parts else "", (key, key_style if enabled else off_style), " ",
                      description if enabled else (description, off_style)]
        return Content.assemble(*parts)  # type: ignore[arg-type]

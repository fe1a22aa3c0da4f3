"""Deferred: a widget made and mounted the first time a screen needs it.

Each widget on a screen costs its share of the first frame (style matching twice, compose,
mount and layout: ~1-2 ms each on the workout screen). A widget that most screens never
show (the breath pacer on a routine with no breathing, the rep counter, a message for a
terminal that is too small) is better made when it is first shown.
"""

from __future__ import annotations

from typing import Callable, Generic, TypeVar

from textual.widget import Widget

W = TypeVar("W", bound=Widget)


class Deferred(Generic[W]):
    """Holds a widget that does not exist until `get` is first called.

    Args:
        make: builds the widget (called once).
        place: mounts it where it belongs, e.g. ``lambda w: screen.mount(w, after="#big")``.
            Textual attaches a mounted widget at once, so it can be queried and shown
            straight after; it is composed and drawn with the next refresh.
    """

    def __init__(self, make: Callable[[], W], place: Callable[[W], object]) -> None:
        self._make = make
        self._place = place
        self.widget: W | None = None
        """The widget once made, else None."""

    def get(self) -> W:
        """The widget, made and mounted now if this is the first call."""
        if self.widget is None:
            self.widget = self._make()
            self._place(self.widget)
        return self.widget

    def show(self, shown: bool) -> None:
        """Show or hide it; hiding one never made makes nothing."""
        if shown:
            self.get().display = True
        elif self.widget is not None:
            self.widget.display = False

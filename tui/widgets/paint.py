"""Put part of a widget on screen now: the path for animation frames.

``Widget.refresh`` marks cells dirty and leaves the rest to Textual's idle cycle: a
prompt to the widget, an update message to the screen, a wake of the screen's update
timer and, after the paint, one more wake of that timer for nothing. For a bar that
moves twenty times a second those hops cost more than the drawing: the breath pacer used
4.7 % of a core with ``refresh`` and 3.0-3.4 % painting directly. A frame that moves no
widget and changes no size needs none of them, so :func:`paint_now` hands the cells to
the screen's compositor straight away.

This reaches into Textual's screen internals (the dependency is pinned to 8.x). When
they are not as expected, or when anything else is pending that only the idle cycle
handles properly (a layout, a scroll, a modal on top), it falls back to ``refresh``.
It also falls back when the screen was painted directly less than a display frame ago
(Textual's own limit, 60 a second): ``refresh`` then merges the changes into one paint.
Without that, a clock run fast (the 8-hour benchmark at x480 ticks ~500 times a second)
wrote more than the terminal could take in and stalled the app on its output.
``tests/ui/test_paint.py`` fails if the fast path stops being taken.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from textual import constants

if TYPE_CHECKING:
    from textual.geometry import Region
    from textual.screen import Screen
    from textual.widget import Widget

MIN_INTERVAL = 1 / constants.MAX_FPS
"""Seconds between direct paints of one screen; Textual's update period."""

_painted: WeakKeyDictionary[Screen, float] = WeakKeyDictionary()


def paint_now(widget: Widget, *regions: Region) -> bool:
    """Paint ``regions`` (content coordinates, as for ``refresh``) of ``widget`` at once.

    Returns:
        True if painted directly, False if it fell back to ``widget.refresh`` (or there
        was nothing to paint).
    """
    if not regions:
        return False
    try:
        app = widget.app
        screen = widget.screen
        compositor = screen._compositor
        direct = (
            screen is app.screen
            and not app.is_inline
            and not app._batch_count
            and not (screen._layout_required or screen._scroll_required
                     or screen._repaint_required or screen._recompose_required)
            and not widget._layout_required
            and widget in compositor.visible_widgets
        )
    except Exception:  # noqa: BLE001 - any surprise in the internals means "use the slow path"
        direct = False
    now = time.monotonic()
    if direct and now - _painted.get(screen, -MIN_INTERVAL) < MIN_INTERVAL:
        direct = False  # painted a moment ago: let refresh() merge this into the next paint
    if not direct:
        widget.refresh(*regions)
        return False
    _painted[screen] = now
    offset = widget.content_offset
    widget._repaint_regions.update(region.translate(offset) for region in regions)
    # Whatever else is already waiting to be painted goes out in the same update, as the
    # screen's own timer would do; _compositor_refresh forgets the waiting list.
    dirty = screen._dirty_widgets
    dirty.add(widget)
    compositor.update_widgets(dirty)
    screen._compositor_refresh()
    return True

"""Put part of a widget on screen now: the path for animation frames.

``Widget.refresh`` marks cells dirty and leaves the rest to Textual's idle cycle: a
prompt to the widget, an update message to the screen, a wake of the screen's update
timer and, after the paint, one more wake of that timer for nothing. For a bar that
moves twenty times a second those hops cost more than the drawing: the breath pacer used
4.7 % of a core with ``refresh`` and 3.0-3.4 % painting directly. A frame that moves no
widget and changes no size needs none of them, so :func:`paint_now` hands the cells to
the screen's compositor straight away.

That fast path uses Textual's private screen internals, so every private name lives in
:class:`_Private` and nowhere else in lumbar, and is only ever touched inside a guard:

- The first call probes them all (:func:`probe`). If one is missing or not what this
  module expects (a point release renamed it), direct painting is off for the rest of the
  run, one warning goes to the ``lumbar`` log, and every paint goes through ``refresh``.
- Any exception from the internals later does the same, and that frame is refreshed.
- ``LUMBAR_DIRECT_PAINT=0`` turns the fast path off from the start.

``textual`` is pinned to the minor version the suite passes on (pyproject.toml). The
fallback is also taken, frame by frame, whenever anything else is pending that only the
idle cycle handles properly (a layout, a scroll, a modal on top), and when the screen was
painted directly less than a display frame ago (Textual's own limit, 60 a second):
``refresh`` then merges the changes into one paint. Without that, a clock run fast (the
8-hour benchmark at x480 ticks ~500 times a second) wrote more than the terminal could
take in and stalled the app on its output.

A direct paint goes out when the current callback (a heartbeat) returns, not at once, and
every direct paint of the same screen made in the meantime, within half a display frame,
goes out in the same write: the clock and the progress row change together once a second,
and were two writes (two wakes of the terminal) while a hold counted down. ``tests/app/test_paint.py`` fails if the fast
path stops being taken, and ``tests/app/test_paint_fallback.py`` runs a routine on a copy
of Textual with those names renamed.
"""

from __future__ import annotations

import asyncio
import logging
import os
from typing import TYPE_CHECKING, Callable
from weakref import WeakKeyDictionary

from textual import constants

from tui.services.clocks import monotonic

if TYPE_CHECKING:
    from textual.geometry import Region
    from textual.screen import Screen
    from textual.widget import Widget

MIN_INTERVAL = 1 / constants.MAX_FPS
"""Seconds between direct paints of one screen; Textual's update period."""

JOIN = MIN_INTERVAL / 2
"""A paint this soon after the one waiting to go out goes out with it (one heartbeat's
paints), however recently the screen was last written."""

ENVIRONMENT = "LUMBAR_DIRECT_PAINT"
"""Set to ``0`` (or ``off``, ``no``, ``false``) to paint only through ``refresh``."""

log = logging.getLogger("lumbar.paint")


class _Private:
    """Every private Textual name lumbar uses (Textual 8.2). Each method raises
    (AttributeError, TypeError, ...) when a release has moved one."""

    @staticmethod
    def check(widget: Widget) -> None:
        """Look up every name below on live objects and check its kind.

        Raises:
            TypeError: A name exists but holds something else.
            AttributeError: A name is gone.
        """
        screen, app = widget.screen, widget.app
        flags = (app._batch_count, screen._layout_required, screen._scroll_required,
                 screen._repaint_required, screen._recompose_required, widget._layout_required)
        kinds = (
            (flags, all(isinstance(flag, (bool, int)) for flag in flags)),
            (screen._dirty_widgets, isinstance(screen._dirty_widgets, set)),
            (widget._repaint_regions, isinstance(widget._repaint_regions, set)),
            (screen._compositor_refresh, callable(screen._compositor_refresh)),
            (screen._compositor.update_widgets, callable(screen._compositor.update_widgets)),
            (screen._compositor.visible_widgets, hasattr(screen._compositor.visible_widgets, "__contains__")),
        )
        for value, fits in kinds:
            if not fits:
                raise TypeError(f"unexpected {type(value).__name__}")

    @staticmethod
    def idle(widget: Widget) -> bool:
        """Nothing but this paint is pending on the widget's screen, and it is on view."""
        app, screen = widget.app, widget.screen
        return (
            screen is app.screen
            and not app.is_inline
            and not app._batch_count
            and not (screen._layout_required or screen._scroll_required
                     or screen._repaint_required or screen._recompose_required)
            and not widget._layout_required
            and widget in screen._compositor.visible_widgets
        )

    @staticmethod
    def paint(screen: Screen, widgets: dict[Widget, list[Region]]) -> None:
        """Hand each widget's regions (content coordinates) to the compositor and write
        them out, in one update."""
        dirty = screen._dirty_widgets
        for widget, regions in widgets.items():
            offset = widget.content_offset
            widget._repaint_regions.update(region.translate(offset) for region in regions)
            dirty.add(widget)
        # Whatever else is already waiting to be painted goes out in the same update, as
        # the screen's own timer would do; _compositor_refresh forgets the waiting list.
        screen._compositor.update_widgets(dirty)
        screen._compositor_refresh()


class _State:
    """Whether direct painting is usable in this process, and when each screen was last
    painted directly. One per process: a failed probe holds for the whole run."""

    def __init__(self) -> None:
        self.usable: bool | None = None
        """None until probed; then True, or False for the rest of the run."""
        self.clock: Callable[[], float] = monotonic
        """Seconds, for the once-a-display-frame limit; leave as default unless testing."""
        self.painted: WeakKeyDictionary[Screen, float] = WeakKeyDictionary()
        self.pending: dict[Screen, _Batch] = {}
        """Direct paints waiting for the current callback to return, by screen."""


class _Batch:
    """The direct paints of one screen that go out together, and when the first was made."""

    def __init__(self, opened: float) -> None:
        self.opened = opened
        self.widgets: dict[Widget, list[Region]] = {}

    def add(self, widget: Widget, regions: tuple[Region, ...]) -> None:
        self.widgets.setdefault(widget, []).extend(regions)


_state = _State()


def reset(clock: Callable[[], float] = monotonic) -> None:
    """Forget the probe's verdict and the paint times (tests), and use ``clock``
    (seconds, like ``time.monotonic``) for the display-frame limit."""
    global _state
    _state = _State()
    _state.clock = clock


def enabled() -> bool | None:
    """True once the probe passed, False when the fast path is off, None before the probe."""
    return _state.usable


def probe(widget: Widget) -> bool:
    """Decide, once per run, whether direct painting is usable; later calls return that.

    Returns:
        False when ``LUMBAR_DIRECT_PAINT`` is off or a private name failed its check
        (logged once), else True.
    """
    if _state.usable is None:
        if os.environ.get(ENVIRONMENT, "").strip().lower() in {"0", "off", "no", "false"}:
            _state.usable = False
        else:
            try:
                _Private.check(widget)
            except Exception as error:  # noqa: BLE001 - any surprise means "slow path"
                _switch_off(error)
            else:
                _state.usable = True
    return bool(_state.usable)


def _switch_off(error: BaseException) -> None:
    _state.usable = False
    log.warning("direct painting off for this run: Textual internals differ (%s: %s)",
                type(error).__name__, error)


def paint_now(widget: Widget, *regions: Region) -> bool:
    """Paint ``regions`` (content coordinates, as for ``refresh``) of ``widget`` as soon as
    the current callback returns, in one write with the screen's other direct paints.

    Returns:
        True if it will be painted directly, False if it fell back to ``widget.refresh``
        (or there was nothing to paint).
    """
    if not regions:
        return False
    direct = False
    if probe(widget):
        try:
            direct = _Private.idle(widget)
        except Exception as error:  # noqa: BLE001
            _switch_off(error)
    if direct:
        screen = widget.screen
        now = _state.clock()
        batch = _state.pending.get(screen)
        if batch is not None and now - batch.opened < JOIN:
            batch.add(widget, regions)  # the same heartbeat: the same write
            return True
        if now - _state.painted.get(screen, -MIN_INTERVAL) < MIN_INTERVAL:
            direct = False  # painted a moment ago: let refresh() merge this into the next paint
        elif batch is not None:
            batch.add(widget, regions)
            return True
        else:
            batch = _Batch(now)
            try:
                asyncio.get_running_loop().call_soon(_flush, screen, batch)
            except RuntimeError:  # no event loop running: nothing would write it
                direct = False
            else:
                _state.pending[screen] = batch
                batch.add(widget, regions)
                _state.painted[screen] = now
                return True
    widget.refresh(*regions)
    return False


def _flush(screen: Screen, batch: _Batch) -> None:
    """Write out ``screen``'s waiting direct paints; each widget that can no longer be
    painted directly (a layout, a modal or a removal came first) goes through ``refresh``."""
    if _state.pending.get(screen) is batch:
        del _state.pending[screen]
    widgets = {widget: regions for widget, regions in batch.widgets.items() if widget.is_attached}
    direct = bool(widgets) and _state.usable is True
    if direct:
        try:
            direct = all(widget.screen is screen and _Private.idle(widget) for widget in widgets)
        except Exception as error:  # noqa: BLE001
            _switch_off(error)
            direct = False
    if direct:
        try:
            _Private.paint(screen, widgets)
        except Exception as error:  # noqa: BLE001
            _switch_off(error)
            direct = False
    if not direct:
        for widget, regions in widgets.items():
            widget.refresh(*regions)


def terminal_writer(app: object) -> Callable[[str], None]:
    """A `write(text)` that sends raw bytes (a bell, an OSC notification) to the terminal
    through the app's driver, in order with its frames.

    Textual has no public call for this (`App.bell` itself writes through the private
    driver), so the name is read here, guarded: without a driver (headless, or a
    release that renamed it) the text is dropped, and the notifier's other channels
    still work.
    """

    def write(text: str) -> None:
        driver = getattr(app, "_driver", None)
        if driver is None or getattr(app, "is_headless", False):
            return
        try:
            driver.write(text)
        except Exception as error:  # a renamed or changed driver: never break an alarm
            log.warning("cannot write to the terminal: %s", error)

    return write


def page_writer(app: object) -> Callable[[dict[str, object]], None]:
    """A `tell(news)` that sends lumbar's news to the browser page it is served in, as a
    textual-serve meta packet of type "lumbar" (tui/cli/serve/pages.py passes the known
    keys on to the page's script). Nothing happens outside a browser.

    Textual's web driver has `write_meta` but the App offers no public call to it: the
    private driver is read here, guarded like `terminal_writer`.
    """

    def tell(news: dict[str, object]) -> None:
        driver = getattr(app, "_driver", None)
        write_meta = getattr(driver, "write_meta", None)
        if write_meta is None:
            return
        try:
            write_meta({"type": "lumbar", **news})
        except Exception as error:  # a changed driver: the routine goes on without it
            log.warning("cannot tell the page: %s", error)

    return tell

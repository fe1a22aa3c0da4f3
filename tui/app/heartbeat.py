"""The one heartbeat: every view refreshed, and the next wake-up armed.

A part the App owns (`app.heartbeat`). After each tick or command the App routes what
happened (tui/app/app.py); then every view is refreshed here and the next wake-up armed:
steady frames while the visible screen animates, else one shot for the next visible
change.
"""

from __future__ import annotations

import asyncio
import gc
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from textual.screen import ModalScreen, Screen

from tui.engine import activities as act
from tui.engine.activities import BREAKS, Now
from tui.widgets.activity_line import ActivityLine

if TYPE_CHECKING:
    from textual.timer import Timer

    from tui.app.host import HeartbeatHost
    from tui.services.realtimer import RealTimer


#: While frames run, the oldest generation is collected this often (seconds, real time).
#: Each frame leaves reference cycles behind: a Textual Strip divided into one piece keeps
#: itself in its own cache. They outlive the young collections, and the automatic full
#: collection came once in two minutes of the breath pacer while its memory grew by about
#: 3 MB; collected every 10 s it grows 1.4 MB and levels off. Every 5 s the median RSS over
#: the first 40 s of the breath pacer at 100x30 was 0.1-0.2 MB lower again (39.7 against
#: 39.9 MiB). A collection takes 13-20 ms, under half a frame at 20 fps: every 5 s that is
#: about 0.3 % of a core.
SWEEP = 5.0


class Heartbeat:
    """Refreshing views and arming wake-ups for the App.

    Args:
        host: the App (tui.app.host.HeartbeatHost); the frame interval (s) is its config's
            `heartbeat` (None: tick only when told), sped up by `time_scale`.
    """

    def __init__(self, host: HeartbeatHost) -> None:
        self.host = host
        self.interval = host.config.heartbeat
        self.time_scale = host.config.time_scale
        self._beat: asyncio.TimerHandle | None = None
        self._frames: Timer | None = None
        """A steady frame timer, only while an animation shows."""
        self._sweep: Timer | None = None
        """The collection of the frames' reference cycles (SWEEP), beside the frames."""
        self._realtimer: RealTimer | None = None
        """The CLOCK_BOOTTIME timer for real-clock deadlines, once made (see `_real_timer`)."""
        self._realtimer_tried = False
        self._lines: WeakKeyDictionary[Screen, ActivityLine] = WeakKeyDictionary()
        """The status line mounted on each full screen, once a second activity ran."""

    def show_views(self) -> None:
        """Give each screen that shows an activity (`shows`) its view; the status line the rest.

        The App knows no screen types: a screen declares `shows = "routine"` (a name in
        the running activities) and a `show(view)` method. A screen under a modal still
        gets its view, so it shows the truth behind the modal.
        """
        host = self.host
        now = host.now()
        for screen in host.screen_stack:
            name = getattr(screen, "shows", None)
            if name is not None:
                v = act.view(host.activities, name, now)
                if v is not None:
                    getattr(screen, "show")(v)  # a screen that says what it shows has `show`
        self._status_line(now)

    def screen_changed(self) -> None:
        if self.host.activities.items:
            self._status_line(self.host.now())
            self.arm()

    def _status_line(self, now: Now) -> None:
        # The full screen on top, under any modals: its line stays true behind a prompt.
        host = self.host
        screen = next((s for s in reversed(host.screen_stack) if not isinstance(s, ModalScreen)), None)
        if screen is None:
            return
        line = self._lines.get(screen)
        shown = getattr(screen, "shows", None)
        # An activity whose view is None (the plan's reminders) has nothing to show there;
        # the views are asked for only when another activity runs (cheap at frame rate).
        others = [] if all(a.name == shown for a in host.activities.items) else [
            (name, v) for name, v in act.views(host.activities, now) if name != shown and v is not None]
        if line is None:
            if not others:
                return  # nothing else runs: no line needed yet
            line = self._lines[screen] = ActivityLine()
            screen.mount(line)
        if others:
            # The schedule goes in words (the break's own); the others give their own text.
            line.show(tuple((name, host.breaks.status_view(v) if name == BREAKS else v)
                            for name, v in others))
        else:
            line.show(())  # cheap: at frame rate the routine alone runs

    def arm(self) -> None:
        """Schedule the next tick: one-shot for the next visible change, or steady frames."""
        host = self.host
        shown = getattr(host.screen_stack[-1], "shows", None) if host.screen_stack else None
        interval = self.interval
        if (interval is not None and shown is not None and act.animated(host.activities, shown)
                and host.animation_level != "none"):
            # Re-arming a one-shot timer every frame costs more than the frame itself.
            if self._frames is None:
                self.stop()
                self._frames = host.set_interval(interval / self.time_scale, host.tick, name="frames")
                self._sweep = host.set_interval(SWEEP, self._collect, name="sweep")
            return
        if self._frames is not None:
            self._frames.stop()
            self._frames = None
        if self._sweep is not None:
            self._sweep.stop()
            self._sweep = None
        self.stop()
        if self.interval is None or not host.activities.items:
            return
        # Every activity is visible: on its screen or in the status line.
        now, names = host.now(), act.names(host.activities)
        # A routine alone runs on the workout clock: its timer is the loop's, and the
        # timerfd (ctypes, libc) is not loaded until something runs on the real clock.
        on_real = any(a.driver.clock == "real" for a in host.activities.items)
        timer = self._real_timer() if on_real or self._realtimer is not None else None
        if timer is not None:
            # Real-clock deadlines wait on a CLOCK_BOOTTIME timer that fires on time across a
            # suspend; the loop's timer then serves the routine alone, and nothing polls.
            delay, real_at = act.wake_times(host.activities, now, names)
            if real_at is not None:
                timer.arm(real_at)
        else:
            delay = act.wake_delay(host.activities, now, names)
        if delay is not None:
            # Not set_timer: Textual's one-shot Timer silently drops its callback when its
            # task starts later than its own delay (it "skips" the missed tick, and a
            # one-shot has no next one), which froze fast-clock runs with no heartbeat
            # left. An event-loop handle always fires; call_next runs the tick as a
            # Textual callback, as set_timer itself would.
            loop = asyncio.get_running_loop()
            self._beat = loop.call_later(delay / self.time_scale, host.call_next, host.tick)

    def _collect(self) -> None:
        gc.collect()

    def stop(self) -> None:
        if self._beat is not None:
            self._beat.cancel()
            self._beat = None
        if self._realtimer is not None:
            self._realtimer.cancel()

    def _real_timer(self) -> RealTimer | None:
        """The exact real-clock timer, made on first use; None where there is none (not
        Linux, or clocks that are not the system's: tests and scaled benchmark runs)."""
        if self._realtimer is None and not self._realtimer_tried:
            self._realtimer_tried = True
            if self.host.services.clocks.system_real and self.time_scale == 1.0:
                from tui.services.realtimer import RealTimer

                host = self.host
                timer = RealTimer(asyncio.get_running_loop(), lambda: host.call_next(host.tick))
                if timer.exact:
                    self._realtimer = timer
                else:
                    timer.close()
        return self._realtimer

    def close(self) -> None:
        if self._realtimer is not None:
            self._realtimer.close()
            self._realtimer = None

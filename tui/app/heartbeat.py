"""The one heartbeat and the routing of what it brings: a mixin for LumbarApp.

Every tick reads both clocks once, advances every running activity, and routes what
happened: the routine's events are recorded, traced and sounded in time order, the
others go to their own handlers (tui/app/care/mixin.py). Then every view is refreshed and the next
wake-up armed: steady frames while the visible screen animates, else one shot for the
next visible change.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Iterable

from textual.screen import ModalScreen

from tui.services.clocks import boottime
from tui.engine import activities as act
from tui.engine.activities import Happened, Now
from tui.engine.events import Event, SessionFinished, StepStarted
from tui.engine.routine.view import finished_round
from tui.widgets.activity_line import ActivityLine

if TYPE_CHECKING:
    from tui.app.app import LumbarApp
    from tui.services.realtimer import RealTimer

#: Events older than this when the shell sees them (after a suspend) are not sounded.
STALE_CUE = 1.5
#: The routine's name among the running activities (tui.engine.activities).
ROUTINE = "routine"


class Heartbeat:
    """Ticking, routing and arming; a mixin, so each method names the app as its `self`."""

    _realtimer: RealTimer | None = None
    """The CLOCK_BOOTTIME timer for real-clock deadlines, once made (see `_real_timer`)."""
    _realtimer_tried = False

    def tick(self: LumbarApp) -> None:
        """Read both clocks once, advance every activity, show the result."""
        if self.terminal_signals.stopped:
            self.terminal_signals.deliver()  # before the clock counts the stopped time
        now = self.now()
        slept = self.slept(now)  # a sleep since the last tick goes to the breaks first
        self.activities, happened = act.advance(self.activities, now)
        self._route(slept + happened)

    def _after(self: LumbarApp, events: Iterable[Event], activity: str = ROUTINE) -> None:
        """Route events that one activity's command returned (not yet tagged)."""
        self._route(tuple(Happened(activity, event, event.at) for event in events))

    def _route(self: LumbarApp, happened: Iterable[Happened]) -> None:
        """Record, trace and sound each event in time order, then refresh every view."""
        now = self.clock()
        happened = tuple(happened)
        self.keep_breaks(happened)  # the breaks' rows, notices and saved state
        for item in happened:
            event = item.event
            if item.activity != ROUTINE:
                self.on_activity_event(item.activity, event)
                continue
            # Stored before it is traced: a trace line means the row is already written.
            warning = self.recorder.on_event(event)
            if warning:
                self.notify(warning, severity="warning", timeout=10)
            if self.trace is not None:
                self.trace(event, now)
            self._sound(event, now)
            if isinstance(event, SessionFinished):
                self._finished()
        self.show_views()
        self._arm()

    def show_views(self: LumbarApp) -> None:
        """Give each screen that shows an activity (`shows`) its view; the status line the rest.

        The App knows no screen types: a screen declares `shows = "routine"` (a name in
        the running activities) and a `show(view)` method. A screen under a modal still
        gets its view, so it shows the truth behind the modal.
        """
        now = self.now()
        for screen in self.screen_stack:
            name = getattr(screen, "shows", None)
            if name is not None:
                v = act.view(self.activities, name, now)
                if v is not None:
                    screen.show(v)
        self._status_line(now)

    def _screen_changed(self: LumbarApp) -> None:
        if self.activities.items:
            self._status_line(self.now())
            self._arm()

    def _status_line(self: LumbarApp, now: Now) -> None:
        # The full screen on top, under any modals: its line stays true behind a prompt.
        screen = next((s for s in reversed(self.screen_stack) if not isinstance(s, ModalScreen)), None)
        if screen is None:
            return
        line = self._lines.get(screen)
        if line is None:
            if all(a.name == getattr(screen, "shows", None) for a in self.activities.items):
                return  # nothing else runs: no line needed yet
            line = self._lines[screen] = ActivityLine()
            screen.mount(line)
        shown = getattr(screen, "shows", None)
        if any(a.name != shown for a in self.activities.items):
            line.show(tuple((name, self.status_view(name, v))
                            for name, v in act.views(self.activities, now) if name != shown))
        else:
            line.show(())  # cheap: at frame rate the routine alone runs

    def _arm(self: LumbarApp) -> None:
        """Schedule the next tick: one-shot for the next visible change, or steady frames."""
        shown = getattr(self.screen_stack[-1], "shows", None) if self.screen_stack else None
        frames = (
            self.heartbeat is not None and shown is not None and act.animated(self.activities, shown)
            and self.animation_level != "none"
        )
        if frames:
            # Re-arming a one-shot timer every frame costs more than the frame itself.
            if self._frames is None:
                self._stop_beat()
                self._frames = self.set_interval(self.heartbeat / self.time_scale, self.tick, name="frames")
            return
        if self._frames is not None:
            self._frames.stop()
            self._frames = None
        self._stop_beat()
        if self.heartbeat is None or not self.activities.items:
            return
        # Every activity is visible: on its screen or in the status line.
        now, names = self.now(), act.names(self.activities)
        # A routine alone runs on the workout clock: its timer is the loop's, and the
        # timerfd (ctypes, libc) is not loaded until something runs on the real clock.
        on_real = any(a.driver.clock == "real" for a in self.activities.items)
        timer = self._real_timer() if on_real or self._realtimer is not None else None
        if timer is not None:
            # Real-clock deadlines wait on a CLOCK_BOOTTIME timer that fires on time across a
            # suspend; the loop's timer then serves the routine alone, and nothing polls.
            delay, real_at = act.wake_times(self.activities, now, names)
            if real_at is not None:
                timer.arm(real_at)
        else:
            delay = act.wake_delay(self.activities, now, names)
        if delay is not None:
            # Not set_timer: Textual's one-shot Timer silently drops its callback when its
            # task starts later than its own delay (it "skips" the missed tick, and a
            # one-shot has no next one), which froze fast-clock runs with no heartbeat
            # left. An event-loop handle always fires; call_next runs the tick as a
            # Textual callback, as set_timer itself would.
            loop = asyncio.get_running_loop()
            self._beat = loop.call_later(delay / self.time_scale, self.call_next, self.tick)

    def _stop_beat(self: LumbarApp) -> None:
        if self._beat is not None:
            self._beat.cancel()
            self._beat = None
        if self._realtimer is not None:
            self._realtimer.cancel()

    def _real_timer(self: LumbarApp) -> RealTimer | None:
        """The exact real-clock timer, made on first use; None where there is none (not
        Linux, or clocks that are not the system's: tests and scaled benchmark runs)."""
        if self._realtimer is None and not self._realtimer_tried:
            self._realtimer_tried = True
            if self.real_clock is boottime and self.time_scale == 1.0:
                from tui.services.realtimer import RealTimer

                timer = RealTimer(asyncio.get_running_loop(), lambda: self.call_next(self.tick))
                if timer.exact:
                    self._realtimer = timer
                else:
                    timer.close()
        return self._realtimer

    def _close_real_timer(self: LumbarApp) -> None:
        if self._realtimer is not None:
            self._realtimer.close()
            self._realtimer = None

    def _sound(self: LumbarApp, event: Event, now: float) -> None:
        if self.cues is None or now - event.at > STALE_CUE:
            return
        from tui.services.cues import cue_for

        session = self.session
        done = None
        if isinstance(event, StepStarted) and session is not None:
            done = finished_round(session.plan.steps, event.index)
        cue = cue_for(event, session.step if session is not None else None, done)
        if cue is not None:
            self.cues.play(*cue)

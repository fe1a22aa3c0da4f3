"""Desk breaks in the App: the schedule as an activity, its prompt, panel, keys and words.

A part the App owns (`app.breaks`). The schedule itself is pure (tui.engine.breaks.schedule)
and runs as the activity BREAKS on the real clock; who runs it is the mode, chosen when it
starts (tui/app/breaks/modes.py: `Scheduling` here, or `Following` another lumbar). This
is what the person sees and presses: toasts, the prompt over any screen, the bell, the
panel (b), the meeting pause (m), and a routine started counting as a break. logind
(tui/services/logind.py, Linux) tells a scheduling App of idle and sleep
(tui/app/breaks/logind.py).
"""

from __future__ import annotations

from datetime import time
from typing import TYPE_CHECKING, Any, Callable

from tui.engine import activities as act
from tui.engine.activities import BREAKS, Happened, Now

# The break engine and its events are imported where they are used, not here: `lumbar run`
# without the scheduler never needs them, and importing them cost the first frame.
if TYPE_CHECKING:
    from tui.app.breaks.doors import BreakDoors
    from tui.app.breaks.modes import Following, Scheduling
    from tui.app.host import BreaksHost
    from tui.engine.breaks import schedule as breaks
    from tui.engine.events import Event
    from tui.services.away import Away
    from tui.services.breaks.follow import BreakFollower
    from tui.services.breaks.keeper import BreakKeeper
    from tui.services.breaks.lock import SchedulerLock
    from tui.services.logind import Logind
    from tui.services.plan_reminders import PlanKeeper
    from tui.services.settings.current import Settings


class BreaksController:
    """The desk-break activity (see the module docstring).

    Args:
        host: the App (tui.app.host.BreaksHost); the settings are its config's `break_settings`.
    """

    def __init__(self, host: BreaksHost) -> None:
        self.host = host
        self.mode: Scheduling | Following | None = None
        """Who runs the schedule; None while no schedule is shown."""
        self.asked = False
        """Breaks were asked for here (`lumbar breaks`, breaks_on_start), not only followed."""
        self.lock: SchedulerLock | None = None
        self.seen: Now | None = None
        """Both clocks at the last tick: a sleep shows as the real clock's gain."""
        self.away: Away | None = None
        """Idle and sleep as logind tells them, while this App schedules."""
        self.logind: Logind | None = None
        self._doors: BreakDoors | None = None
        self.plan_keeper: PlanKeeper | None = None
        """The plan's reminders' keeper, while this App schedules and a plan is in use."""

    # -- what runs ------------------------------------------------------------------------

    @property
    def state(self) -> breaks.Breaks | None:
        """The schedule shown here, if any."""
        return act.get(self.host.activities, BREAKS)

    @property
    def keeper(self) -> BreakKeeper | None:
        return getattr(self.mode, "keeper", None)

    @property
    def follower(self) -> BreakFollower | None:
        """Set while another process schedules and this App only shows its schedule."""
        return getattr(self.mode, "follower", None)

    @property
    def doors(self) -> BreakDoors:
        """The doors onto the schedule (tui/app/breaks/doors.py), made on first use."""
        if self._doors is None:
            from tui.app.breaks.doors import BreakDoors

            self._doors = BreakDoors(self)
        return self._doors

    def settings(self) -> Settings:
        from tui.services.settings.current import Settings

        return self.host.config.break_settings or Settings()

    # -- starting -------------------------------------------------------------------------

    def on_mount(self) -> None:
        on, every = self.host.config.breaks_at_start
        if on:
            self.asked = True
            self.start(every)
        elif getattr(self.host.services.store, "path", None) is not None:
            # Another lumbar schedules (the login service, say): be a door onto it, so its
            # prompt shows here and a routine here counts there. One stat, after the frame.
            self.host.call_after_refresh(self._probe)

    def _probe(self) -> None:
        """Look for another scheduler (`doors.probe`) only when the lock file beside the
        history exists: without it nobody holds the lock (`SchedulerLock.holder` reads
        that file), so a routine run with breaks off makes no doors and loads no sockets."""
        path = getattr(self.host.services.store, "path", None)
        if path is None or not hasattr(path, "parent"):
            return
        from tui.services.breaks.lock import NAME

        if (path.parent / NAME).exists():
            self.doors.probe()

    def start(self, every: float | None = None) -> None:
        """Schedule here if no other process does (settings' schedule; `every` seconds
        overrides the interval for this run); else follow it until it ends
        (tui/app/breaks/choose.py)."""
        from tui.app.breaks.choose import start

        start(self, every)

    def scheduler_changed(self) -> None:
        """The scheduler says its schedule changed: read it again now."""
        if self.follower is not None:
            self.follower.read_at = None
            self.host.tick()

    def close(self) -> None:
        """Let another lumbar take over (on exit)."""
        if self._doors is not None:
            self._doors.close()
        if self.logind is not None:
            self.logind.close()
            self.logind = None
        if self.lock is not None:
            self.lock.release()

    # -- commands and what the heartbeat asks ---------------------------------------------

    def command(self, fn: Callable[..., Any], *args: Any) -> None:
        """Run a break command (`breaks.snooze`, `breaks.pause`...) at the current time:
        here, or as a request to the process that schedules."""
        if self.mode is not None:
            self.mode.command(fn, *args)

    def before_tick(self) -> None:
        """A follower reads the scheduler's schedule again when its copy is stale."""
        if self.mode is not None:
            self.mode.tick()

    def slept(self, now: Now) -> tuple[Happened, ...]:
        """Report a sleep since the last tick to the schedule; its events (BreakTaken)."""
        if self.mode is None:
            self.seen = now
            return ()
        return self.mode.slept(now)

    def keep(self, happened: tuple[Happened, ...]) -> None:
        """What the mode does with what just happened (rows, notices; a door's news)."""
        if self.mode is not None:
            self.mode.keep(happened)

    def door_done(self, what: str) -> None:
        """The scheduler did it: say so as it would, from the schedule read again."""
        self.scheduler_changed()
        from tui.engine.breaks.words import door_done

        text = door_done(what, self.state, self.host.services.clocks.wall())
        if text:
            self.host.notify(text, timeout=6)

    def status_view(self, view: Any) -> Any:
        """What the status line is given for the schedule: the schedule in words."""
        from tui.engine.breaks.words import BreakWords, status_text

        return BreakWords(view.label, status_text(view, self.host.services.clocks.wall()))

    def rule(self) -> str:
        """The schedule in one line: "Every 20 min of work, 09:00-17:00 on mon tue wed thu fri."."""
        state = self.state
        if state is None:
            return ""
        from tui.engine.breaks.words import rule_text

        settings = self.host.config.break_settings
        hours = None if settings is None else (settings.work_hours, settings.work_days)
        return rule_text(state.schedule.every, hours)

    def routine_changed(self, running: bool, worked: bool = True) -> None:
        """A routine started (no prompts meanwhile) or ended however it did: counted then,
        as a break taken, or skipped when nothing of it was done (`worked` False)."""
        if running and self._doors is not None:
            self._doors.routine_started()
        if self.state is not None:
            from tui.engine.breaks import schedule as breaks

            if running:
                self.command(breaks.start_break)
            else:
                self.command(breaks.end_break, not worked)

    # -- events ---------------------------------------------------------------------------

    def on_plan_event(self, event: Event, seen: float) -> None:
        """What a plan reminder does on screen (tui/app/breaks/plan.py)."""
        from tui.app.breaks.plan import on_event

        on_event(self, event)

    def on_event(self, event: Event, seen: float) -> None:
        """What a break event does on screen."""
        from tui.app.breaks.prompt import on_event

        on_event(self, event)

    # The prompt, the panel and the keys: tui/app/breaks/prompt.py.

    def prompt(self) -> Any:
        from tui.app.breaks.prompt import open_prompt_screen

        return open_prompt_screen(self)

    def open_prompt(self) -> None:
        from tui.app.breaks.prompt import open_prompt

        open_prompt(self)

    def take_break(self) -> None:
        from tui.app.breaks.prompt import take_break

        take_break(self)

    def snooze(self) -> None:
        from tui.engine.breaks import schedule as breaks

        self.command(breaks.snooze)

    def skip(self) -> None:
        from tui.engine.breaks import schedule as breaks

        self.command(breaks.skip)

    def pause(self) -> None:
        """p: pause the reminders, or resume them when paused (said in a toast)."""
        from tui.app.breaks.prompt import toggle_pause

        toggle_pause(self)

    def resume(self) -> None:
        from tui.engine.breaks import schedule as breaks

        self.command(breaks.resume)

    def keys_on(self) -> bool:
        """b and m work while the scheduler runs, on full screens (a modal answers first)."""
        from textual.screen import ModalScreen

        return self.state is not None and not isinstance(self.host.screen, ModalScreen)

    def panel(self) -> None:
        from tui.screens.breaks import BreaksPanel

        if self.state is not None:
            self.host.routine.pause_for(BreaksPanel(self))  # a routine under it waits, as under every modal

    def meeting(self) -> None:
        """Ask how long the meeting lasts, then hold every reminder until then."""
        from tui.engine.breaks import schedule as breaks
        from tui.screens.breaks import MeetingModal

        if self.state is None:
            return

        def chosen(answer: object) -> bool:
            state = self.state
            if isinstance(answer, (int, float, time)) and state is not None:
                now = self.host.now().real
                until = (breaks.meeting_until(state, now, answer) if isinstance(answer, time)
                         else now + answer)
                self.command(breaks.meeting, until)
            return True

        self.host.routine.pause_for(MeetingModal(self.host.services.clocks.wall), chosen)


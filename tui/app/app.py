"""LumbarApp: owns the clock, the session state and the one heartbeat; routes engine events."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Callable
from weakref import WeakKeyDictionary

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from tui.app.breaks.mixin import BreaksMixin
from tui.app.breaks.owner import BreaksOwner
from tui.app.care.mixin import CareMixin
from tui.services.clocks import boottime
from tui.app.routine.easier import EasierMemory
from tui.engine import activities as act
from tui.engine.routine import session as engine
from tui.engine.activities import Now
from tui.engine.activities import command as act_on
from tui.engine.cadence import FRAME
from tui.engine.events import Event
from tui.services.store.dosing import Dosing
from tui.app.heartbeat import ROUTINE, Heartbeat
from tui.widgets.keys import keys
from tui.app.palette_commands import PaletteCommands
from tui.services.store.recorder import Recorder
from tui.app.routine.flow import RoutineFlow
from tui.screens.session import SessionScreen
from tui.app.stops import Stops

if TYPE_CHECKING:
    import asyncio
    from datetime import datetime

    from textual.timer import Timer

    from tui.services.cues import Cues
    from tui.engine.routine.model import Routine
    from tui.services.notify import Notifier
    from tui.widgets.activity_line import ActivityLine


class LumbarApp(BreaksOwner, BreaksMixin, CareMixin, Stops, RoutineFlow, EasierMemory, Heartbeat, PaletteCommands, App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "lumbar"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit"),
        Binding("ctrl+z", "suspend", "Suspend", show=False, id="app.suspend",
                tooltip="Suspend to shell"),
        # Desk breaks, on every full screen while the scheduler runs (tui/app/breaks/mixin.py).
        Binding(keys("b"), "breaks_panel", "Breaks", key_display="b", id="app.breaks",
                tooltip="Desk breaks: today's counts, pause, a break now"),
        Binding(keys("m"), "meeting", "Meeting", key_display="m", id="app.meeting",
                tooltip="A meeting: no break reminders until it ends"),
    ]

    def __init__(
        self,
        routines: dict[str, Routine],
        *,
        origins: dict[str, str] | None = None,
        start: str | None = None,
        clock: Callable[[], float] = time.monotonic,
        real_clock: Callable[[], float] = boottime,
        heartbeat: float | None = FRAME,
        cues: Cues | None = None,
        notifier: Notifier | None = None,
        remember: bool = True,
        time_scale: float = 1.0,
        trace: Callable[[Event, float], None] | None = None,
        store: object | None = None,
        checkins: bool = True,
        two_week_rule: bool = True,
        opens_history: bool = False,
        signals: bool = False,
        progression_question: bool = True,
        opens_care: tuple[str | None, float | None, datetime | None] | None = None,
    ) -> None:
        """Args:
            routines: validated routines by name.
            origins: where each routine came from, for the home screen.
            start: a routine to start straight away.
            clock: the workout clock; leave as default unless testing.
            real_clock: the clock of ice, heat and breaks, suspend included; leave as
                default unless testing.
            heartbeat: the frame interval for smooth pacing; None to tick only when told (tests).
            cues: sound and speech; None for silence.
            notifier: desktop, terminal and bell notifications (tui.services.notify); None for none.
            remember: save easier choices in the user's data dir.
            time_scale: clock seconds per real second (benchmarks simulate long runs).
            trace: called with each event and the clock when the shell saw it.
            store: the history store (tui.services.store.Store); None keeps no history.
            checkins: ask "how is your back" before and after a routine (needs a store).
            two_week_rule: show the see-a-doctor advice when two weeks bring no improvement.
            opens_history: open on the history screen (`lumbar history`).
            signals: handle SIGTERM, SIGHUP, SIGINT, SIGTSTP and SIGCONT (the real app;
                see tui/app/terminal.py); most tests leave it off and call the targets.
            progression_question: after a finished routine with ranges, ask whether it was
                too easy, about right or too hard (needs a store).
            opens_care: open on ice or heat (`lumbar ice/heat/care`): (kind or None to
                ask, minutes or None for the setting, when the pain started or None).
        """
        self.routines = routines
        self.origins = origins or {}
        self.start_with = start
        self.clock = clock
        self.real_clock = real_clock
        self.heartbeat = heartbeat
        self.cues = cues
        self.notifier = notifier
        self.remember = remember
        self.time_scale = time_scale
        self.trace = trace
        self.store = store
        self.recorder = Recorder(store)
        self.dosing = Dosing(store)
        self.progression_question = progression_question and store is not None
        self.checkins = checkins and store is not None
        self.two_week_rule = two_week_rule
        self.opens_history = opens_history
        self.opens_care = opens_care
        self.red_flags_due = False
        """The first red-flag check is owed: never answered (the launcher asks the store)."""
        self.red_flag_check = False
        """Ask the check again at a new episode and after a flare: the launcher sets it
        from the setting red_flag_check (on by default)."""
        self.activities = act.Activities()
        """Everything running: the routine, an ice or heat application..."""
        self._beat: asyncio.TimerHandle | None = None
        self._frames: Timer | None = None
        """A steady frame timer, only while an animation shows."""
        self._lines: WeakKeyDictionary[Screen, ActivityLine] = WeakKeyDictionary()
        """The status line mounted on each full screen, once a second activity ran."""
        self._palette_resume = False
        """Resume the routine when the palette closes (it was running when opened)."""
        self._palette_open = False
        self.notices: list[str] = []
        """Said once, on start (a missing speech tool, say)."""
        self.broken: dict[str, list[str]] = {}
        """Routines that did not load, by key: their problems, one line each (home screen)."""
        from tui.app.terminal import SignalHandlers

        self.terminal_signals = SignalHandlers(self)
        """The signal handlers (installed only when `signals`)."""
        self._handle_signals = signals
        self._paused_by_stop = False
        super().__init__()

    @property
    def session(self) -> engine.Session | None:
        """The routine under way, if any: one of the running activities."""
        return act.get(self.activities, ROUTINE)

    @session.setter
    def session(self, state: engine.Session | None) -> None:
        old = self.session
        if state is None:
            self.activities = act.remove(self.activities, ROUTINE)
        else:
            self.activities = act.put(self.activities, ROUTINE, act.SESSION, state)
        if (old is not None) != (state is not None):
            # Any routine is a desk break, however it ends; one with nothing done is not.
            self.routine_changed(old is None, worked=old is None or bool(old.done))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("breaks_panel", "meeting"):
            return self.breaks_keys_on()
        return True

    def now(self) -> Now:
        """Both clocks, read together."""
        return Now(self.clock(), self.real_clock())

    def get_default_screen(self) -> Screen:
        # The first screen is the base screen itself: switching away from a blank default
        # cost more of the first frame than anything lumbar draws. `lumbar run` opens on
        # the workout, and the routine list is built only when first needed; a finished
        # workout then stays, inert, under the screens that follow.
        if self.start_with is not None:
            return SessionScreen()
        if self.opens_care is not None:
            from tui.screens.care import CareScreen

            return CareScreen()
        if self.opens_history and self.store is not None:
            from tui.screens.history import HistoryScreen

            return HistoryScreen(self.store)
        from tui.screens.home import HomeScreen

        return HomeScreen(self.routines, self.origins)

    def on_mount(self) -> None:
        if self._handle_signals:
            self.terminal_signals.install()
        for notice in self.notices:
            self.notify(notice, severity="warning", timeout=8)
        if self.store is not None:
            for notice in (self.recorder.new_warning(), *self.store.notes, *self.store.recovered):
                if notice:
                    self.notify(notice, severity="warning", timeout=10)
            from tui.widgets.waiting_line import watch

            watch(self)  # a line on every screen while history rows wait to be saved
        # A new screen on top gets the status line, and the heartbeat follows what it shows.
        self.screen_change_signal.subscribe(self, lambda _: self.call_next(self._screen_changed))
        if self.start_with is not None:
            self._after(self._begin(self.start_with))
        # After the routine began, so an alarm found on restore pauses it under the modal;
        # and after the first frame, which must not wait for the history file.
        self.call_after_refresh(self.restore_care)
        self.call_after_refresh(self._breaks_on_mount)
        if self.opens_care is not None:
            self.open_care(*self.opens_care)
        if self.red_flags_due:  # last, so it is on top: asked before anything else
            from tui.app.routine.red_flags import ask

            ask(self, "first")

    def go_home(self) -> None:
        """Show the routine list: back down the stack if it is there, else in place."""
        from tui.screens.home import HomeScreen

        if any(isinstance(screen, HomeScreen) for screen in self.screen_stack[:-1]):
            while not isinstance(self.screen, HomeScreen):
                self.pop_screen()
        elif len(self.screen_stack) > 1:
            self.switch_screen(HomeScreen(self.routines, self.origins))
        else:
            self.push_screen(HomeScreen(self.routines, self.origins))

    # -- routines -------------------------------------------------------------

    def command(self, act: Callable[..., engine.Result], *args: object) -> None:
        """Run an engine command (`engine.pause`, `easier.make_easier`, ...), then refresh."""
        if self.session is None:
            return
        before = self.session.plan.easier
        self.activities, happened = act_on(self.activities, ROUTINE, act, self.now(), *args)
        if self.remember and self.session.plan.easier != before:
            self._keep_easier(self.session.plan.routine, self.session.plan.easier)
        self._route(happened)

    def action_leave_routine(self) -> None:
        """Back to the routine list, asking first while a routine is under way."""

        def leave() -> None:
            self._stop()
            self.go_home()
            self._check_in_after()

        kept = "The steps you finished stay in your history." if self.store else "Your progress in it is not kept."
        self._confirm_mid_routine(f"Leave this routine? {kept}", leave)

    async def action_quit(self) -> None:
        def quit() -> None:
            self._stop()
            self.exit()

        self._confirm_mid_routine("Quit lumbar in the middle of this routine?", quit)

    def _confirm_mid_routine(self, question: str, then: Callable[[], None]) -> None:
        """Run `then` at once when no routine is under way; otherwise pause and ask first."""
        if self.session is None:
            then()
            return
        from tui.screens.confirm import ConfirmModal

        def answered(yes: object) -> bool:
            if yes:
                then()
            return not yes

        self.pause_for(ConfirmModal(question), answered)

    def pause_for(self, screen: Screen, answered: Callable[[object], bool] | None = None) -> None:
        """Show a modal with the routine paused, so nothing runs by unseen.

        On dismissal the routine resumes, unless the user had paused it already or
        `answered` (given the modal's result) returns False.
        """
        was_paused = self.session is None or self.session.paused
        self.command(engine.pause)

        def closed(result: object) -> None:
            carry_on = answered(result) if answered is not None else True
            if carry_on and not was_paused:
                self.command(engine.resume)

        self.push_screen(screen, closed)

    def on_unmount(self) -> None:
        self._stop()
        self.terminal_signals.remove()
        self._stop_beat()
        self._close_real_timer()
        self.stop_breaks_owner()
        if self.cues is not None:
            self.cues.close()
        if self.notifier is not None:
            self.notifier.close()

"""LumbarApp: owns one part per activity (routine, ice and heat, desk breaks), the
heartbeat, the stops and the palette, and routes between them: keys and actions to the
part that acts, each event to its activity's part (one table), every view refreshed after.
The parts do the work; each sees the App as tui.app.host.Host.
"""

from __future__ import annotations

import gc
from functools import cached_property
from typing import TYPE_CHECKING, Callable, Iterable

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from tui.app.breaks.controller import BreaksController
from tui.app.care.controller import CareController
from tui.app.heartbeat import Heartbeat
from tui.app.routine.controller import RoutineController
from tui.app.stops import Stops
from tui.engine import activities as act
from tui.engine.activities import BREAKS, CARE, ROUTINE, Happened, Now
from tui.widgets.keys import keys

if TYPE_CHECKING:
    from datetime import datetime

    from textual.app import SystemCommand

    from tui.app.config import Config, Services
    from tui.app.measures.controller import MeasuresController
    from tui.app.palette_commands import PaletteCommands
    from tui.engine.events import Event
    from tui.engine.routine import session as engine


class LumbarApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "lumbar"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit"),
        Binding("ctrl+z", "suspend", "Suspend", show=False, id="app.suspend",
                tooltip="Suspend to shell"),
        # Desk breaks, on every full screen while the scheduler runs (tui/app/breaks/).
        Binding(keys("b"), "breaks_panel", "Breaks", key_display="b", id="app.breaks",
                tooltip="Desk breaks: today's counts, pause, a break now"),
        Binding(keys("m"), "meeting", "Meeting", key_display="m", id="app.meeting",
                tooltip="A meeting: no break reminders until it ends"),
        # In a browser page only: its cues are sound and vibration there (serve/web/static/js/cues.js).
        Binding(keys("v"), "page_sound", "Sound", key_display="v", id="app.sound",
                tooltip="Sound and vibration of this page on or off"),
    ]

    def __init__(self, config: Config, services: Services) -> None:
        """Args:
            config: what to do (tui.app.config.Config).
            services: what to do it with: store, notifier, cues, clocks, trace.
        """
        super().__init__()
        self.config = config
        self.services = services
        if services.port is not None:
            services.port.plug(self)  # the bell and the terminal, for cues and notifier
        self.activities = act.Activities()
        """Everything running: the routine, an ice or heat application, the break schedule."""
        self.routine = RoutineController(self)
        self.care = CareController(self)
        self.breaks = BreaksController(self)
        self.heartbeat = Heartbeat(self)
        self.stops = Stops(self)
        self.terminal_signals = self.stops.signals
        """The signal handlers (installed only when `config.signals`)."""
        self.handlers: dict[str, Callable[[Event, float], None]] = {
            ROUTINE: self.routine.on_event,
            CARE: self.care.on_event,
            BREAKS: self.breaks.on_event,
            "plan": self.breaks.on_plan_event,  # tui/app/breaks/plan.py PLAN
        }
        """Where each activity's events go: the one table of routing."""
        self.touch = config.touch
        """Used with a finger (tui/widgets/touch.py): hints name taps, not keys."""
        self.page_sound = True
        """A browser page plays the cues (`v` turns them off there)."""

    # The feature parts that a start may never need are made when first asked for: a
    # start that never opens them loads none of their code.
    @cached_property
    def measures(self) -> MeasuresController:
        """The outcome measures' part (after a routine, or the goals screen): the routine
        list and a routine under way load none of it."""
        from tui.app.measures.controller import MeasuresController

        return MeasuresController(self)

    @cached_property
    def palette(self) -> PaletteCommands:
        """The command palette's part, made when the palette first opens."""
        from tui.app.palette_commands import PaletteCommands

        return PaletteCommands(self)

    # -- clocks and routing ---------------------------------------------------------------

    def now(self) -> Now:
        """Both clocks, read together."""
        clocks = self.services.clocks
        return Now(clocks.mono(), clocks.real())

    def wall(self) -> datetime:
        """The aware local time now."""
        return self.services.clocks.wall()

    @property
    def session(self) -> engine.Session | None:
        """The routine under way, if any (the routine part's)."""
        return self.routine.session

    def command(self, fn: Callable[..., engine.Result], *args: object) -> None:
        """Run an engine command on the routine (`engine.pause`...), then refresh."""
        self.routine.command(fn, *args)

    def tick(self) -> None:
        """Read both clocks once, advance every activity, show the result."""
        self.breaks.before_tick()  # a follower reads the scheduler's schedule first
        if self.terminal_signals.stopped:
            self.terminal_signals.deliver()  # before the clock counts the stopped time
        now = self.now()
        slept = self.breaks.slept(now)  # a sleep since the last tick goes to the breaks first
        self.activities, happened = act.advance(self.activities, now)
        self.route(slept + happened)

    def after(self, events: Iterable[Event], activity: str = ROUTINE) -> None:
        """Route events that one activity's command returned (not yet tagged)."""
        self.route(tuple(Happened(activity, event, event.at) for event in events))

    def route(self, happened: Iterable[Happened]) -> None:
        """Each event, in time order, to its activity's part; then every view refreshed."""
        seen = self.services.clocks.mono()
        happened = tuple(happened)
        self.breaks.keep(happened)  # the breaks' rows, notices and saved state
        for item in happened:
            self.handlers[item.activity](item.event, seen)
        self.heartbeat.show_views()
        self.heartbeat.arm()

    # -- screens --------------------------------------------------------------------------

    def get_default_screen(self) -> Screen:
        # The first screen is the base screen itself: switching away from a blank default
        # cost more of the first frame than anything lumbar draws. `lumbar run` opens on
        # the workout, and the routine list is built only when first needed; a finished
        # workout then stays, inert, under the screens that follow.
        config = self.config
        if config.start is not None:
            from tui.screens.session import SessionScreen

            return SessionScreen(self.routine)
        if config.opens_care is not None:
            from tui.screens.care import CareScreen

            return CareScreen(self.care)
        if config.opens_history and self.services.store is not None:
            from tui.screens.history import HistoryScreen

            return HistoryScreen(self.services.store, self.routine)
        return self._home()

    def _home(self) -> Screen:
        from tui.screens.home import HomeScreen

        return HomeScreen(self.config.routines, self.config.origins, self.routine)

    def on_mount(self) -> None:
        config, store = self.config, self.services.store
        if config.signals:
            self.terminal_signals.install()
        for notice in config.notices:
            self.notify(notice, severity="warning", timeout=8)
        if store is not None:
            from tui.widgets.waiting_line import watch

            watch(self, store)  # a line on every screen while history rows wait to be saved
        # A new screen on top gets the status line, and the heartbeat follows what it shows.
        self.screen_change_signal.subscribe(self, lambda _: self.call_next(self.heartbeat.screen_changed))
        if config.start is not None:
            self.after(self.routine.begin(config.start))
        # After the routine began, so an alarm found on restore pauses it under the modal;
        # and after the first frame, which must not wait for the history file.
        self.call_after_refresh(self.care.restore)
        # `lumbar` pauses the cycle collector while it starts (tui/cli/launch.py): it
        # runs again once the first frame is drawn.
        self.call_after_refresh(gc.enable)
        self.call_after_refresh(self.breaks.on_mount)
        if config.opens_care is not None:
            self.care.open(*config.opens_care)
        plain = config.start is None and config.opens_care is None and not config.opens_history
        # A page that connected again takes up the routine its last lumbar left, at once:
        # the person was in it a moment ago, past the first-start check that lumbar asked.
        resumed = False
        if plain and config.resume:
            from tui.app.routine.resume import offer

            resumed = offer(self.routine, automatic=True)
        if store is not None:
            # Taken up, the routine's own "taken up at" toast says where it stopped; the
            # recovery line ("stopped in step 5 of 9") would say it twice.
            recovered = () if resumed else store.recovered
            for notice in (self.routine.recorder.new_warning(), *store.notes, *recovered):
                if notice:
                    self.notify(notice, severity="warning", timeout=10)
        if self.routine.red_flags_due and not resumed:  # last, so it is on top
            from tui.app.routine.red_flags import ask

            ask(self.routine, "first")
        elif plain and not resumed:
            # A routine an earlier lumbar left: offered once the routine list is drawn.
            from tui.app.routine.resume import offer

            self.call_after_refresh(offer, self.routine, False)

    def go_home(self) -> None:
        """Show the routine list: back down the stack if it is there, else in place."""
        from tui.screens.home import HomeScreen

        if any(isinstance(screen, HomeScreen) for screen in self.screen_stack[:-1]):
            while not isinstance(self.screen, HomeScreen):
                self.pop_screen()
        elif len(self.screen_stack) > 1:
            self.switch_screen(self._home())
        else:
            self.push_screen(self._home())

    def open_care(self, kind: str | None = None, minutes: float | None = None,
                  since: datetime | None = None) -> None:
        """The ice/heat entry (tui/app/care/entry.py)."""
        self.care.open(kind, minutes, since)

    def open_goals(self) -> None:
        """The goals screen (tui/app/measures/)."""
        self.measures.open_goals()

    def goals_on(self) -> bool:
        """Whether goals are kept (setting `goals`, and a history to keep them in)."""
        return self.config.measures.goals and self.services.store is not None

    # -- keys and actions -----------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("breaks_panel", "meeting"):
            return self.breaks.keys_on()
        if action == "page_sound":
            return self.is_web  # False hides it outside a browser
        return True

    def action_page_sound(self) -> None:
        """The page's sound and vibration on or off (a browser page starts with them on;
        the page's first tap or key lets it play)."""
        self.page_sound = not self.page_sound
        if self.services.port is not None:
            self.services.port.tell_page(sound=self.page_sound)
        self.notify("Sound and vibration on." if self.page_sound else "Sound and vibration off.", timeout=3)

    def action_breaks_panel(self) -> None:
        self.breaks.panel()

    def action_meeting(self) -> None:
        self.breaks.meeting()

    def action_suspend(self) -> None:
        self.stops.stop_to_shell()

    def action_leave_routine(self) -> None:
        """Back to the routine list, asking first while a routine is under way."""
        self.routine.leave()

    async def action_quit(self) -> None:
        def quit() -> None:
            self.routine.stop()
            self.exit()

        self.routine.confirm_mid_routine("Quit lumbar in the middle of this routine?", quit)

    def action_command_palette(self) -> None:
        self.palette.open()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        return self.palette.commands(screen, super().get_system_commands(screen))

    def on_unmount(self) -> None:
        # Quitting from a key left the routine already (`action_quit`); anything else that
        # ends lumbar mid-routine leaves it to be taken up.
        self.routine.interrupt()
        self.terminal_signals.remove()
        self.heartbeat.stop()
        self.heartbeat.close()
        self.breaks.close()
        if self.services.cues is not None:
            self.services.cues.close()
        if self.services.notifier is not None:
            self.services.notifier.close()


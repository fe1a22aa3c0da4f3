"""LumbarApp: owns the clock, the session state and the one heartbeat; routes engine events."""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Callable, Iterable
from weakref import WeakKeyDictionary

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import ModalScreen, Screen

from .care import CareMixin
from .clocks import boottime
from .engine import activities as act
from .engine import session as engine
from .engine.activities import Happened, Now
from .engine.activities import command as act_on
from .engine.cadence import FRAME
from .engine.events import Event, SessionFinished, StepStarted
from .engine.plan import plan
from .engine.view import describe, finished_round, summary
from .dosing import Dosing
from .recorder import Recorder
from .screens.session import SessionScreen
from .stops import Stops
from .widgets.activity_line import ActivityLine

if TYPE_CHECKING:
    from datetime import datetime

    from textual.timer import Timer

    from .cues import Cues
    from .engine.model import Routine
    from .notify import Notifier

#: Palette titles where a key's short name would be unclear out of the key bar.
PALETTE_TITLES = {"session.quit": "Leave routine", "session.previous": "Back one step",
                  "session.more": "10 s more", "session.less": "10 s less", "session.stop_if": "When to stop"}

#: Events older than this when the shell sees them (after a suspend) are not sounded.
STALE_CUE = 1.5
#: Seconds of first step a routine gets when its dose changed, to read it and refuse it.
NOTICE_PREPARE = 10.0
#: The routine's name among the running activities (tui.engine.activities).
ROUTINE = "routine"


class LumbarApp(CareMixin, Stops, App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "lumbar"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit"),
        Binding("ctrl+z", "suspend", "Suspend", show=False, id="app.suspend",
                tooltip="Suspend to shell"),
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
            notifier: desktop, terminal and bell notifications (tui.notify); None for none.
            remember: save easier choices in the user's data dir.
            time_scale: clock seconds per real second (benchmarks simulate long runs).
            trace: called with each event and the clock when the shell saw it.
            store: the history store (tui.store.Store); None keeps no history.
            checkins: ask "how is your back" before and after a routine (needs a store).
            two_week_rule: show the see-a-doctor advice when two weeks bring no improvement.
            opens_history: open on the history screen (`lumbar history`).
            signals: handle SIGTERM, SIGHUP, SIGINT, SIGTSTP and SIGCONT (the real app;
                see tui/terminal.py); most tests leave it off and call the targets.
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
        from .terminal import SignalHandlers

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
        if state is None:
            self.activities = act.remove(self.activities, ROUTINE)
        else:
            self.activities = act.put(self.activities, ROUTINE, act.SESSION, state)

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
            from .screens.care import CareScreen

            return CareScreen()
        if self.opens_history and self.store is not None:
            from .screens.history import HistoryScreen

            return HistoryScreen(self.store)
        from .screens.home import HomeScreen

        return HomeScreen(self.routines, self.origins)

    def on_mount(self) -> None:
        if self._handle_signals:
            self.terminal_signals.install()
        for notice in self.notices:
            self.notify(notice, severity="warning", timeout=8)
        if self.store is not None:
            for notice in (self.recorder.new_warning(), *self.store.recovered):
                if notice:
                    self.notify(notice, severity="warning", timeout=10)
        # A new screen on top gets the status line, and the heartbeat follows what it shows.
        self.screen_change_signal.subscribe(self, lambda _: self.call_next(self._screen_changed))
        if self.start_with is not None:
            self._after(self._begin(self.start_with))
        # After the routine began, so an alarm found on restore pauses it under the modal;
        # and after the first frame, which must not wait for the history file.
        self.call_after_refresh(self.restore_care)
        if self.opens_care is not None:
            self.open_care(*self.opens_care)

    def go_home(self) -> None:
        """Show the routine list: back down the stack if it is there, else in place."""
        from .screens.home import HomeScreen

        if any(isinstance(screen, HomeScreen) for screen in self.screen_stack[:-1]):
            while not isinstance(self.screen, HomeScreen):
                self.pop_screen()
        elif len(self.screen_stack) > 1:
            self.switch_screen(HomeScreen(self.routines, self.origins))
        else:
            self.push_screen(HomeScreen(self.routines, self.origins))

    # -- routines -------------------------------------------------------------

    def start_routine(self, key: str) -> None:
        """Start a routine from the list: a check-in first when they are on."""
        if not self.checkins:
            self._start(key, None)
            return
        from .screens.checkin import CheckinModal

        self.push_screen(CheckinModal(f"Before {self.routines[key].name}"),
                         partial(self._start, key))

    def _start(self, key: str, score: int | None) -> None:
        events = self._begin(key, score)
        if score is not None:
            self.recorder.checkin(score, "before")
        self.push_screen(SessionScreen())
        self._after(events)

    def _begin(self, key: str, before: int | None = None) -> tuple[Event, ...]:
        routine = self.routines[key]
        levels = self.dosing.start(routine, before)
        if self.dosing.changes and routine.prepare < NOTICE_PREPARE:
            # The change is announced, and can be refused, on the first step.
            routine = replace(routine, prepare=NOTICE_PREPARE)
        self.session, events = engine.start(plan(routine, self.remembered_easier(routine), levels),
                                            self.clock())
        self.recorder.begin(self.session.plan)
        self.dosing.begun(self.recorder.session_id)
        return events

    def remembered_easier(self, routine: Routine) -> frozenset[int]:
        """Exercises of ``routine`` the user switched to their easier dose, as remembered
        (the history store, else the settings' file); empty when nothing is remembered."""
        if not self.remember:
            return frozenset()
        from .settings import remembered_easier

        stored = self.recorder.easier(routine)
        return remembered_easier(routine) if stored is None else stored

    def forget_easier(self, routine: Routine) -> None:
        """Every exercise of ``routine`` back to its normal dose, next time and after."""
        from .settings import remember_easier

        if not self.recorder.remember_easier(routine, frozenset()):
            if problem := remember_easier(routine, frozenset()):
                self.notify(problem, severity="warning", timeout=10)

    def command(self, act: Callable[..., engine.Result], *args: object) -> None:
        """Run an engine command (`engine.pause`, `easier.make_easier`, ...), then refresh."""
        if self.session is None:
            return
        before = self.session.plan.easier
        self.activities, happened = act_on(self.activities, ROUTINE, act, self.now(), *args)
        if self.remember and self.session.plan.easier != before:
            from .settings import remember_easier

            if not self.recorder.remember_easier(self.session.plan.routine, self.session.plan.easier):
                if problem := remember_easier(self.session.plan.routine, self.session.plan.easier):
                    self.notify(problem, severity="warning", timeout=10)
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

    def _stop(self) -> None:
        """End the routine under way early: the step in progress is recorded as skipped."""
        if self.session is not None:
            _, events = engine.leave(self.session, self.clock())
            self.session = None
            self._after(events)
            self.recorder.end("left")
        self._arm()

    def _check_in_after(self) -> None:
        if self.checkins and self.recorder.session_id is not None:
            from .screens.checkin import after_routine

            after_routine(self)

    def _confirm_mid_routine(self, question: str, then: Callable[[], None]) -> None:
        """Run `then` at once when no routine is under way; otherwise pause and ask first."""
        if self.session is None:
            then()
            return
        from .screens.confirm import ConfirmModal

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

    # -- the heartbeat --------------------------------------------------------

    def tick(self) -> None:
        """Read both clocks once, advance every activity, show the result."""
        if self.terminal_signals.stopped:
            self.terminal_signals.deliver()  # before the clock counts the stopped time
        self.activities, happened = act.advance(self.activities, self.now())
        self._route(happened)

    def _after(self, events: Iterable[Event], activity: str = ROUTINE) -> None:
        """Route events that one activity's command returned (not yet tagged)."""
        self._route(tuple(Happened(activity, event, event.at) for event in events))

    def _route(self, happened: Iterable[Happened]) -> None:
        """Record, trace and sound each event in time order, then refresh every view."""
        now = self.clock()
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

    def show_views(self) -> None:
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

    def _screen_changed(self) -> None:
        if self.activities.items:
            self._status_line(self.now())
            self._arm()

    def _status_line(self, now: Now) -> None:
        screen = self.screen_stack[-1] if self.screen_stack else None
        if screen is None or isinstance(screen, ModalScreen):
            return
        line = self._lines.get(screen)
        if line is None:
            if all(a.name == getattr(screen, "shows", None) for a in self.activities.items):
                return  # nothing else runs: no line needed yet
            line = self._lines[screen] = ActivityLine()
            screen.mount(line)
        shown = getattr(screen, "shows", None)
        if any(a.name != shown for a in self.activities.items):
            line.show(tuple((name, v) for name, v in act.views(self.activities, now) if name != shown))
        else:
            line.show(())  # cheap: at frame rate the routine alone runs

    def _arm(self) -> None:
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
        delay = act.wake_delay(self.activities, self.now(), act.names(self.activities))
        if delay is not None:
            # Not set_timer: Textual's one-shot Timer silently drops its callback when its
            # task starts later than its own delay (it "skips" the missed tick, and a
            # one-shot has no next one), which froze fast-clock runs with no heartbeat
            # left. An event-loop handle always fires; call_next runs the tick as a
            # Textual callback, as set_timer itself would.
            loop = asyncio.get_running_loop()
            self._beat = loop.call_later(delay / self.time_scale, self.call_next, self.tick)

    def _stop_beat(self) -> None:
        if self._beat is not None:
            self._beat.cancel()
            self._beat = None

    def _sound(self, event: Event, now: float) -> None:
        if self.cues is None or now - event.at > STALE_CUE:
            return
        from .cues import cue_for

        session = self.session
        done = None
        if isinstance(event, StepStarted) and session is not None:
            done = finished_round(session.plan.steps, event.index)
        cue = cue_for(event, session.step if session is not None else None, done)
        if cue is not None:
            self.cues.play(*cue)

    def _finished(self) -> None:
        from .screens.summary import SummaryScreen

        assert self.session is not None
        result = summary(self.session, self.clock())
        self.session = None
        self._arm()
        if any(isinstance(screen, SessionScreen) for screen in self.screen_stack):
            # A help or safety modal may be open over the workout: the summary replaces both.
            while not isinstance(self.screen, SessionScreen):
                self.pop_screen()
            if len(self.screen_stack) == 1:
                self.push_screen(SummaryScreen(result))  # the workout is the base screen
            else:
                self.switch_screen(SummaryScreen(result))
        else:
            self.push_screen(SummaryScreen(result))
        if self.progression_question and self.dosing.decision is not None and result.worked:
            from .screens.dose_question import ask

            ask(self)  # under the check-in, so it comes after it (and any advice it leads to)
        self._check_in_after()

    # -- palette --------------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from .widgets.key_hints import key_hints

        for command in super().get_system_commands(screen):
            # Textual's "Quit" beside the workout's read as two of the same; its
            # "Screenshot" saves to a Downloads folder that may not exist. Ours replace them.
            if command.title not in ("Quit", "Screenshot"):
                yield command
        yield SystemCommand("Quit lumbar", "Close lumbar (asks first during a routine)", self.action_quit)
        yield SystemCommand("Screenshot", "Save the screen as an SVG file in lumbar's data folder",
                            self._save_screenshot)
        # The screen's keys as bound now (a user keymap applied), those that do something.
        for hint in key_hints(screen):
            if hint.app_level or not hint.enabled or hint.action == "app.quit":
                continue
            title = PALETTE_TITLES.get(hint.id or "", hint.description)
            callback = partial(screen.run_action, hint.action)
            if hint.id == "session.pause":
                callback = partial(self._palette_pause, callback)
            yield SystemCommand(title, f"{hint.tooltip} (key: {', '.join(hint.keys)})", callback)

    def action_command_palette(self) -> None:
        """The palette (its query capped, see tui/palette.py), with the routine paused while
        it is open, as help and safety do."""
        from .palette import Palette

        if not self.use_command_palette or Palette.is_open(self):
            return
        self._palette_resume = self.session is not None and not self.session.paused
        self._palette_open = True
        self.command(engine.pause)
        self.push_screen(Palette(id="--command-palette"), lambda _: self.call_later(self._palette_closed))

    def _palette_pause(self, toggle: Callable[[], object]) -> object:
        """Pause chosen in the open palette, which has paused already: stay paused, or
        resume on close if it was paused before. Once closed it is the key's action."""
        if not self._palette_open:
            return toggle()
        self._palette_resume = not self._palette_resume
        return None

    def _palette_closed(self) -> None:
        # Either side of the chosen command; one that opened a modal leaves the routine paused.
        self._palette_open = False
        if self._palette_resume and isinstance(self.screen, SessionScreen):
            self.command(engine.resume)
        self._palette_resume = False

    def _save_screenshot(self) -> None:
        from . import paths

        folder = paths.data_dir() / "screenshots"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            saved = self.save_screenshot(path=str(folder))
        except OSError as error:
            self.notify(f"Could not save a screenshot: {error.strerror or error}", severity="error")
            return
        self.notify(f"Screenshot saved: {saved}", timeout=8)

    def on_unmount(self) -> None:
        self._stop()
        self.terminal_signals.remove()
        self._stop_beat()
        if self.cues is not None:
            self.cues.close()
        if self.notifier is not None:
            self.notifier.close()

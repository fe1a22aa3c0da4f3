"""The routine in the App: its start and end, commands, events, and modals over it.

A part the App owns (`app.routine`). The routine itself is pure (tui.engine.routine.session);
this is what the App does around it: the check-in before, the dose (tui.services.store.dosing)
and the easier choices remembered, the history row, the cues and the trace for each event,
and after the end the summary, the progression question and the check-in after. Modals
shown "over" the routine pause it (`pause_for`).
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Callable

from tui.app.routine.easier import EasierMemory
from tui.engine import activities as act
from tui.engine.activities import ROUTINE
from tui.engine.events import SessionFinished, StepStarted
from tui.engine.routine import session as engine
from tui.engine.routine.plan import plan
from tui.engine.routine.view import finished_round, summary
from tui.services.store.dosing import Dosing
from tui.services.store.recorder import Recorder

if TYPE_CHECKING:
    from textual.screen import Screen

    from tui.app.host import RoutineHost
    from tui.engine.events import Event
    from tui.engine.routine.model import Routine
    from tui.engine.routine.plan import Plan
    from tui.services.plan_file import PlanFile

#: Seconds of first step a routine gets when its dose changed, to read it and refuse it.
NOTICE_PREPARE = 10.0
#: Events older than this (seconds) when the shell sees them (after a suspend) are not sounded.
STALE_CUE = 1.5


class RoutineController:
    """The routine activity (see the module docstring).

    Args:
        host: the App (tui.app.host.RoutineHost).
    """

    def __init__(self, host: RoutineHost) -> None:
        self.host = host
        config, services = host.config, host.services
        self.routines = config.routines
        self.broken = config.broken
        """Routines that did not load, by key: their problems, one line each (home screen)."""
        self.store = services.store
        self.recorder = Recorder(services.store)
        self.dosing = Dosing(services.store)
        self.easier = EasierMemory(host, self.recorder)
        self.checkins = config.checkins and services.store is not None
        self.progression_question = config.progression_question and services.store is not None
        self.red_flags_due = config.red_flags_due
        """The first red-flag check is owed: never answered (the launcher asks the store)."""
        self.quiet_session: int | None = None
        """The history row of a desk break started from the schedule: no check-in after it."""
        self.awake = False
        """The page was last told to keep the screen on (a routine running)."""

    # -- the session ----------------------------------------------------------------------

    @property
    def session(self) -> engine.Session | None:
        """The routine under way, if any: one of the running activities."""
        return act.get(self.host.activities, ROUTINE)

    @session.setter
    def session(self, state: engine.Session | None) -> None:
        host, old = self.host, self.session
        if state is None:
            host.activities = act.remove(host.activities, ROUTINE)
        else:
            host.activities = act.put(host.activities, ROUTINE, act.SESSION, state)
        if (old is not None) != (state is not None):
            # Any routine is a desk break, however it ends; one with nothing done is not.
            host.breaks.routine_changed(old is None, worked=old is None or bool(old.done))
        self.tell_awake()

    def tell_awake(self) -> None:
        """In a browser, the phone's screen stays on while a routine runs, not while it is
        paused or over: the page is told when that changes."""
        state = self.session
        running = state is not None and not state.paused and not state.finished
        port = self.host.services.port
        if running != self.awake and port is not None:
            port.tell_page(awake=running)
        self.awake = running

    def clock(self) -> float:
        """The workout clock, seconds."""
        return self.host.services.clocks.mono()

    def command(self, fn: Callable[..., engine.Result], *args: object) -> None:
        """Run an engine command (`engine.pause`, `easier.make_easier`, ...), then refresh."""
        if self.session is None:
            return
        host = self.host
        before = self.session.plan.easier
        host.activities, happened = act.command(host.activities, ROUTINE, fn, host.now(), *args)
        if host.config.remember and self.session.plan.easier != before:
            self.easier.keep(self.session.plan.routine, self.session.plan.easier)
        host.route(happened)
        self.tell_awake()

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

        self.host.push_screen(screen, closed)

    def confirm_mid_routine(self, question: str, then: Callable[[], None]) -> None:
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

    def leave(self) -> None:
        """Back to the routine list, asking first while a routine is under way."""

        def leave() -> None:
            self.stop()
            self.host.go_home()
            self.check_in_after()

        kept = "The steps you finished stay in your history." if self.store else "Your progress in it is not kept."
        self.confirm_mid_routine(f"Leave this routine? {kept}", leave)

    # -- start and end --------------------------------------------------------------------

    def start_routine(self, key: str) -> None:
        """Start a routine from the list: a check-in first when they are on."""
        if not self.checkins:
            self.start(key, None)
            return
        from tui.app.routine.checkins import ask

        ask(self, f"Before {self.routines[key].name}", partial(self.start, key))

    def start(self, key: str, score: int | None, leg: int | None = None) -> None:
        """Start `key` now, after a check-in `score` (0..10) or none, and the leg's `leg`."""
        from tui.screens.session import SessionScreen

        events = self.begin(key, score)
        if score is not None:
            self.recorder.checkin(score, "before", leg)
        self.host.push_screen(SessionScreen(self))
        self.host.after(events)

    def begin(self, key: str, before: int | None = None) -> tuple[Event, ...]:
        """Plan and start `key` (its dose, its easier choices, its history row); its events."""
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

    def stop(self) -> None:
        """End the routine under way early: the step in progress is recorded as skipped."""
        if self.session is not None:
            _, events = engine.leave(self.session, self.clock())
            self.session = None
            self.host.after(events)
            self.recorder.end("left")
        self.host.heartbeat.arm()

    def interrupt(self) -> None:
        """lumbar is ending without being asked to leave the routine (the terminal closed,
        the browser page went): the routine is kept as interrupted, the step in progress
        unrecorded, so the next lumbar can take it up there (tui/app/routine/resume.py)."""
        if self.session is not None:
            self.session = None
            self.recorder.end("interrupted")

    def plan_for(self, key: str) -> Plan | None:
        """The plan `key` would run now (its easier choices and doses); None if unknown."""
        routine = self.routines.get(key)
        if routine is None:
            return None
        return plan(routine, self.remembered_easier(routine), self.dosing.start(routine, None))

    def take_up(self, key: str, session_id: int, index: int) -> bool:
        """Go on with the routine `key` that history row `session_id` holds, at plan step
        `index`, paused; False (nothing done) when its plan no longer has that step."""
        from tui.engine.routine.jump import start_at
        from tui.screens.session import SessionScreen

        steps = self.plan_for(key)
        if steps is None or index >= len(steps.steps):
            return False
        self.session, events = start_at(steps, index, self.clock())
        self.recorder.take_up(steps, session_id)
        self.dosing.begun(session_id)
        self.host.push_screen(SessionScreen(self))
        self.host.after(events)
        return True

    def check_in_after(self) -> None:
        """The check-in after a routine (its advice), then the measures due (after a
        routine in which some exercise was done)."""
        if self.recorder.session_id == self.quiet_session:
            return  # a desk break from the schedule asks nothing (tui/app/breaks/controller.py)
        if self.recorder.session_id is None:
            return
        measures = self.host.measures.after_routine if self.recorder.worked else None
        if self.checkins:
            from tui.app.routine.checkins import after_routine

            after_routine(self, measures)
        elif measures is not None:
            measures()

    def finished(self) -> None:
        from tui.screens.session import SessionScreen
        from tui.screens.summary import SummaryScreen

        host = self.host
        assert self.session is not None
        result = summary(self.session, self.clock())
        self.session = None
        host.heartbeat.arm()
        summary_screen = SummaryScreen(result, self.recorder.routine, self.dosing)
        if any(isinstance(screen, SessionScreen) for screen in host.screen_stack):
            # A help or safety modal may be open over the workout: the summary replaces both.
            while not isinstance(host.screen, SessionScreen):
                host.pop_screen()
            if len(host.screen_stack) == 1:
                host.push_screen(summary_screen)  # the workout is the base screen
            else:
                host.switch_screen(summary_screen)
        else:
            host.push_screen(summary_screen)
        if self.progression_question and self.dosing.decision is not None and result.worked:
            from tui.app.routine.checkins import dose_question

            dose_question(self)  # under the check-in, so it comes after it (and any advice)
        self.check_in_after()

    # -- easier choices -------------------------------------------------------------------

    def remembered_easier(self, routine: Routine) -> frozenset[int]:
        """Exercise indexes of `routine` the user switched to their easier dose, as remembered."""
        return self.easier.remembered(routine)

    def forget_easier(self, routine: Routine) -> None:
        """Every exercise of `routine` back to its normal dose, next time and after."""
        self.easier.keep(routine, frozenset())

    def check_in_alone(self, then: Callable[[], None] | None = None) -> None:
        """A check-in on its own (from the routine list or history); `then` once saved."""
        from tui.app.routine.checkins import alone

        alone(self, then)

    def plan_file(self) -> PlanFile | None:
        """The plan file as it reads now (`config.plan`, else plan.yaml in the config
        folder), checked against the routines found; None when there is none. Read on
        every call: it is asked for when a screen opens, and the file may have changed."""
        from tui.services.plan_file import read_plan

        config = self.host.config
        return read_plan(config.plan, set(config.routines) | set(config.broken))

    # -- events ---------------------------------------------------------------------------

    def on_event(self, event: Event, seen: float) -> None:
        """Record, trace and sound one routine event (`seen`: the workout clock when the
        App saw it); the summary after the last."""
        host = self.host
        # Stored before it is traced: a trace line means the row is already written.
        warning = self.recorder.on_event(event)
        if warning:
            host.notify(warning, severity="warning", timeout=10)
        trace = host.services.trace
        if trace is not None:
            trace(event, seen)
        self._sound(event, seen)
        if isinstance(event, SessionFinished):
            self.finished()

    def _sound(self, event: Event, now: float) -> None:
        cues = self.host.services.cues
        if cues is None or now - event.at > STALE_CUE:
            return
        from tui.services.cues import cue_for

        session = self.session
        done = None
        if isinstance(event, StepStarted) and session is not None:
            done = finished_round(session.plan.steps, event.index)
        cue = cue_for(event, session.step if session is not None else None, done)
        if cue is not None:
            cues.play(*cue)

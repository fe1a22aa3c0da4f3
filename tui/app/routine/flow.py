"""A routine's start and end in LumbarApp: check-in, dose, plan, record, and the summary.

A mixin for LumbarApp, so app.py stays routing. The routine itself is pure
(tui.engine.routine.session); this is what the App does around it: the check-in before, the
dose (tui.services.store.dosing) and the easier choices remembered, the history row, and after the end
the summary, the progression question and the check-in after.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from tui.engine.routine import session as engine
from tui.engine.routine.plan import plan
from tui.engine.routine.view import summary
from tui.screens.session import SessionScreen

if TYPE_CHECKING:
    from tui.app.app import LumbarApp
    from tui.engine.events import Event

#: Seconds of first step a routine gets when its dose changed, to read it and refuse it.
NOTICE_PREPARE = 10.0


class RoutineFlow:
    """Starting and ending routines; a mixin, so each method names the app as its `self`."""

    def start_routine(self: LumbarApp, key: str) -> None:
        """Start a routine from the list: a check-in first when they are on."""
        if not self.checkins:
            self._start(key, None)
            return
        from tui.screens.checkin import CheckinModal

        self.push_screen(CheckinModal(f"Before {self.routines[key].name}"),
                         partial(self._start, key))

    def _start(self: LumbarApp, key: str, score: int | None) -> None:
        events = self._begin(key, score)
        if score is not None:
            self.recorder.checkin(score, "before")
        self.push_screen(SessionScreen())
        self._after(events)

    def _begin(self: LumbarApp, key: str, before: int | None = None) -> tuple[Event, ...]:
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

    def _stop(self: LumbarApp) -> None:
        """End the routine under way early: the step in progress is recorded as skipped."""
        if self.session is not None:
            _, events = engine.leave(self.session, self.clock())
            self.session = None
            self._after(events)
            self.recorder.end("left")
        self._arm()

    def _check_in_after(self: LumbarApp) -> None:
        if self.recorder.session_id == self.quiet_session:
            return  # a desk break from the schedule asks nothing (tui/app/breaks/mixin.py)
        if self.checkins and self.recorder.session_id is not None:
            from tui.screens.checkin import after_routine

            after_routine(self)

    def _finished(self: LumbarApp) -> None:
        from tui.screens.summary import SummaryScreen

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
            from tui.screens.dose_question import ask

            ask(self)  # under the check-in, so it comes after it (and any advice it leads to)
        self._check_in_after()

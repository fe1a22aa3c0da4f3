"""What the workout's keys do: the SessionScreen's actions, and when each one is enabled.

SessionScreen's base class, so the screen module holds its layout and what it shows. The
keys themselves stay in SessionScreen.BINDINGS (Textual reads bindings from screen and
widget classes only); every action asks the App's routine part to run an engine command, or opens a modal
with the routine paused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

from tui.engine.routine import easier
from tui.engine.routine import session as engine
from tui.engine.routine.plan import StepKind
from tui.widgets.clamped_text import ClampedText
from tui.widgets.key_hints import key_hints
from tui.widgets.touch import on_touch

if TYPE_CHECKING:
    from tui.engine.routine.view import SessionView
    from tui.screens.host import RoutinePart


class SessionActions(Screen[None]):
    """The workout's actions, for SessionScreen (which sets the attributes below in its
    ``__init__``); its `check_action` replaces Screen's."""

    part: RoutinePart
    _view: SessionView | None
    _static_key: tuple[object, ...] | None
    _second: tuple[object, ...] | None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        session = self.part.session
        if action == "rep":
            return True if session is not None and session.is_tap else None
        if action == "easier":
            # Enabled past the last exercise only: `e` on one with no easier version says so.
            return True if session is not None and easier.current_exercise(session) is not None else None
        if action == "keep_dose":
            on_first = session is not None and session.step is not None and session.step.kind is StepKind.PREPARE
            return True if on_first and self.part.dosing.changes else None
        return True

    def action_pause(self) -> None:
        self.part.command(engine.toggle_pause)

    def action_next(self) -> None:
        self.part.command(engine.next_step)

    def action_previous(self) -> None:
        self.part.command(engine.previous_step)

    def action_restart(self) -> None:
        self.part.command(engine.restart_step)

    def action_more(self) -> None:
        self.part.command(engine.adjust, 1)

    def action_less(self) -> None:
        self.part.command(engine.adjust, -1)

    def action_rep(self) -> None:
        session = self.part.session
        if session is not None and session.paused:
            # A rep tapped while paused is not counted (the engine ignores it): say so,
            # or the count looks stuck.
            self.app.clear_notifications()
            self.notify("Paused: tap Pause to go on, then Rep for each rep." if on_touch(self) else
                        "Paused: press space to go on, then Enter for each rep.", timeout=4)
            return
        self.part.command(engine.tap)

    def action_easier(self) -> None:
        session = self.part.session
        exercise = easier.current_exercise(session) if session is not None else None
        if session is None or exercise is None:
            return
        name = session.plan.routine.exercises[exercise].name
        if session.plan.routine.exercises[exercise].easier is None:
            self.app.clear_notifications()
            self.notify(f"{name} has no easier version.", timeout=4)
            return
        back = exercise in session.plan.easier
        self.part.command(easier.toggle_easier)
        # One notice at a time, and short: they sit over the title while they last.
        self.app.clear_notifications()
        self.notify(f"{name}: normal dose again" if back else f"{name}: easier (e again to undo)", timeout=4)

    def action_keep_dose(self) -> None:
        self._static_key = self._second = None  # the first screen says it again, without the news
        self.part.command(self.part.dosing.keep)
        self.notify("Keeping the old dose today.", timeout=4)

    def action_stop_if(self) -> None:
        from tui.screens.advice import StopIfModal

        v = self._view
        session = self.part.session
        name = v.title if v else ""
        if v is not None and v.exercise is not None and session is not None:
            # On a pause the advice is about the exercise coming up, not the pause.
            name = session.plan.routine.exercises[v.exercise].name
        # The title and cue in full: on a small screen they may be cut (see _sign_cuts).
        title, cue = (self.query_one(f"#{part}", ClampedText).text for part in ("title", "cue"))
        self.part.pause_for(StopIfModal(name, v.stop_if if v else (), title=title, cue=cue,
                                          routine_stop_if=session.plan.routine.stop_if if session else ()))

    def action_jump(self) -> None:
        from tui.screens.jump import choose_exercise

        choose_exercise(self.part)

    def action_help(self) -> None:
        from tui.screens.advice import HelpModal

        self.part.pause_for(HelpModal(key_hints(self)))

    def action_quit(self) -> None:
        self.part.leave()

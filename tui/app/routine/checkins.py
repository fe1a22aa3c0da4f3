"""The questions around a routine: the check-in after it (and the advice it may lead to),
a check-in on its own, and the progression question. The modals are tui.screens'; when
to ask and where the answers go is here."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from tui.app.routine.controller import RoutineController


def ask(part: RoutineController, when: str, then: Callable[[int | None, int | None], None]) -> None:
    """The check-in modal; `then(back, leg)` with the back's score (None: skipped) and the
    leg's (None: not asked, setting `leg_score` off, or skipped)."""
    from tui.screens.checkin import CheckinModal

    modal = CheckinModal(when, leg=part.host.config.measures.leg)
    part.host.push_screen(modal, lambda score: then(score, modal.leg_score))


def after_routine(part: RoutineController, then: Callable[[], None] | None = None) -> None:
    """Ask how the back is after the routine just ended; show advice if it got worse; then
    `then` (the measures due), after the advice or a skip."""
    from tui.app.routine.red_flags import flare
    from tui.engine.care.pain import RECENT_HOURS, worse_after
    from tui.screens.checkin import PainRoseModal, SorenessNote

    host, recorder = part.host, part.recorder
    routine = recorder.routine
    if routine is None:
        return

    def answered(score: int | None, leg: int | None) -> None:
        if score is None:
            if then is not None:
                then()
            return
        before = recorder.before
        # Read before this answer is saved, or it would be compared with itself.
        recent = None if before is not None else part.store.recent_checkin(RECENT_HOURS)
        usual = part.store.usual_level()
        recorder.checkin(score, "after", leg)
        worse = worse_after(score, before, recent)

        def advise() -> None:
            if worse is None:
                two_week(part, then)
            else:
                note = SorenessNote(routine, worse) if worse.mild else PainRoseModal(routine, worse)
                host.push_screen(note, lambda _: two_week(part, then))

        # A flare asks the red-flag check first (when due), then the advice.
        flare(part, score, usual, advise)

    ask(part, f"After {routine.name}", answered)


def alone(part: RoutineController, then: Callable[[], None] | None = None) -> None:
    """A check-in on its own (from the routine list or history); `then` runs once it is saved."""
    host = part.host
    if part.store is None:
        host.notify("No history is kept, so a check-in cannot be saved.", severity="warning")
        return

    def answered(score: int | None, leg: int | None) -> None:
        if score is not None:
            part.recorder.checkin(score, "alone", leg)
            saved_words(part, score)
            if then is not None:
                then()
            two_week(part)

    ask(part, "A check-in on its own", answered)


def saved_words(part: RoutineController, score: int) -> None:
    """Say the check-in is saved only when it is in the file; else that it waits, and why."""
    store = part.store
    if getattr(store, "pending", 0):
        part.host.notify(f"Not saved yet: {score} of 10 waits ({getattr(store, 'problem', None) or 'history.db cannot be written'}); "
                         "lumbar keeps trying.", severity="warning", timeout=8)
    else:
        part.host.notify(f"Saved: {score} of 10.", timeout=3)


def two_week(part: RoutineController, then: Callable[[], None] | None = None) -> None:
    """Show the two-week advice once when the store's rule says so, then tell the store;
    `then` once it is closed (or at once when there is none)."""
    from tui.engine.measures.impression import words
    from tui.screens.checkin import TwoWeekModal

    store = part.store
    state = store.two_week() if store is not None and part.host.config.two_week_rule else None
    if state is None or not state.advise or state.first_mean is None or state.last_mean is None:
        if then is not None:
            then()
        return
    said = getattr(state, "impression", None)
    part.host.push_screen(TwoWeekModal(state.days, state.first_mean, state.last_mean,
                                       words(said) if said is not None else None),
                          lambda _: then() if then is not None else None)
    store.two_week_shown()


def dose_question(part: RoutineController) -> None:
    """Push the progression question for the routine just finished; the answer goes to the store."""
    from tui.screens.dose_question import DoseQuestionModal

    routine = part.recorder.routine
    if routine is None:
        return

    def answered(answer: str | None) -> None:
        if answer is not None:
            part.dosing.answer(answer)

    part.host.push_screen(DoseQuestionModal(routine.name), answered)

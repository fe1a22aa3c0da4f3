"""Taking up a routine an earlier lumbar left (tui/services/store/resume.py).

On a start with nothing else asked for, a routine interrupted within the hour is offered:
"Resume Core basics at exercise 4 of 8?". Yes goes on from the step after the last one
recorded, paused, on the same history row; no is kept, so it is asked once. A browser page
that lost its connection and connected again (LUMBAR_RESUME=1) takes it up without asking:
the person was in the middle of it a moment ago.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.engine.routine.view import exercise_place

if TYPE_CHECKING:
    from tui.app.routine.controller import RoutineController

TAKEN_UP = "{name}: taken up at {place}, paused. {go_on}"
"""Said when the routine is taken up."""
GO_ON = {False: "Press space to go on.", True: "Tap Pause to go on."}


def offer(part: RoutineController, automatic: bool) -> bool:
    """Offer the interrupted routine, if any; `automatic`: take it up without asking.
    True when it was taken up (automatic only)."""
    store = part.store
    if store is None or part.session is not None or not hasattr(store, "resumable"):
        return False
    found = store.resumable()
    if found is None or found.routine_key not in part.routines:
        return False
    if found.next_index == 0 and not automatic:
        return False  # nothing was done: not worth a question; a page drop still goes on
    routine = part.routines[found.routine_key]
    steps = part.plan_for(found.routine_key)
    # The plan must be the one it ran (same routine file, choices and doses), step for step.
    if steps is None or len(steps.steps) != found.steps or found.next_index >= found.steps:
        return False
    place = exercise_place(steps, found.next_index)
    if place is None:
        return False

    def take_up() -> bool:
        if not part.take_up(found.routine_key, found.session_id, found.next_index):
            return False
        go_on = GO_ON[bool(getattr(part.host, "touch", False))]
        part.host.notify(TAKEN_UP.format(name=routine.name, place=place, go_on=go_on), timeout=8)
        return True

    if automatic:
        return take_up()
    from tui.screens.confirm import ConfirmModal

    def answered(yes: bool | None) -> None:
        if yes:
            take_up()
        else:
            store.decline_resume(found.session_id)

    part.host.push_screen(ConfirmModal(f"Resume {routine.name} at {place}? It stopped "
                                       f"{_ago(part, found.ended)} without being finished."),
                          answered)
    return False


def _ago(part: RoutineController, ended: object) -> str:
    from datetime import datetime

    if not isinstance(ended, datetime):
        return "recently"
    minutes = max(0, round((part.host.services.clocks.wall() - ended).total_seconds() / 60))
    return "a moment ago" if minutes < 1 else f"{minutes} min ago"

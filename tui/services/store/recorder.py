"""Turn a routine's engine events into history-store calls: one row per ended step.

The App owns one Recorder. It is called at step boundaries only (StepEnded, the end of a
routine), never on the frame path, and does nothing when there is no store (`store=None`:
"no history"). No Textual here: it is an edge, like the store it writes to.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal, Protocol

from tui.engine.events import Event, SessionFinished, StepEnded
from tui.engine.routine.plan import Plan, StepKind

if TYPE_CHECKING:
    from tui.engine.routine.model import Routine

from tui.services.store.records import StepRecord, Unit


def step_record(event: StepEnded) -> StepRecord:
    """The store's row for one ended step (planned seconds of tap reps are the estimate)."""
    step = event.step
    unit: Unit
    planned: int | None
    if step.breaths is not None:
        unit, planned = "breaths", step.breaths
    elif step.kind is StepKind.REPS:
        unit, planned = "reps", step.reps
    else:
        unit, planned = "seconds", None
    return StepRecord(
        index=event.index, exercise=step.title, side=step.side, set_no=step.set_no,
        round_no=step.round_no, planned_seconds=step.planned, actual_seconds=event.actual_seconds,
        unit=unit, planned_count=planned, actual_count=event.count, outcome=event.outcome,
    )


class RecordingStore(Protocol):
    """What the recorder needs of the history store (tui.services.store.Store does it all)."""

    def begin_session(self, routine_key: str, routine_name: str, steps: int) -> int: ...
    def record_step(self, session_id: int, step: StepRecord) -> None: ...
    def end_session(self, session_id: int, outcome: Literal["finished", "left", "interrupted"]) -> None: ...
    def reopen_session(self, session_id: int) -> None: ...
    def add_checkin(self, score: int, moment: Literal["before", "after", "alone"],
                    session_id: int | None = None, leg: int | None = None) -> None: ...
    def easier_names(self, routine_key: str) -> frozenset[str]: ...
    def set_easier_names(self, routine_key: str, names: Iterable[str]) -> None: ...


class Recorder:
    """Records routines, steps and check-ins into `store`; every call is a no-op without one."""

    def __init__(self, store: RecordingStore | None) -> None:
        self.store = store
        self.session_id: int | None = None
        """The routine being recorded, then (after it ends) the last one, for its check-in."""
        self.routine: Routine | None = None
        self.open = False
        self.before: int | None = None
        """The check-in given before the current or last routine."""
        self.worked = False
        """Some exercise step of the current routine ended done (or easier), not skipped."""
        self.warned: str | None = None
        """The store's warning last shown, so each one is shown once."""

    def new_warning(self) -> str | None:
        """The store's warning if it is new since last asked (a write failed: disk full...)."""
        warning = getattr(self.store, "warning", None)
        if warning is None or warning == self.warned:
            return None
        self.warned = warning
        return warning

    def begin(self, plan: Plan) -> None:
        self.routine, self.before, self.open, self.session_id = plan.routine, None, False, None
        self.worked = False
        if self.store is None:
            return
        routine = plan.routine
        self.session_id = self.store.begin_session(routine.key, routine.name, len(plan.steps))
        self.open = True

    def take_up(self, plan: Plan, session_id: int) -> None:
        """Record into `session_id` again, an interrupted routine of `plan` taken up
        (tui/services/store/resume.py): its row is opened, not a new one begun."""
        self.routine, self.before, self.open, self.session_id = plan.routine, None, False, None
        self.worked = True  # its earlier steps were done in the lumbar that left it
        if self.store is None:
            return
        self.store.reopen_session(session_id)
        self.session_id, self.open = session_id, True

    def on_event(self, event: Event) -> str | None:
        """Called for every engine event, before it is traced: only step ends and the finish write.

        Returns the store's warning when this write brought a new one, to show once.
        """
        if isinstance(event, StepEnded):
            self.worked = self.worked or event.outcome != "skipped"
            # Open only between a begin with a store and the end: the id is the store's.
            if self.open and self.store is not None and self.session_id is not None:
                self.store.record_step(self.session_id, step_record(event))
                return self.new_warning()
        elif isinstance(event, SessionFinished):
            # Reaching the end with every exercise skipped is leaving, not finishing: it
            # must not count in the streak or the history's "finished".
            self.end("finished" if self.worked else "left")
            return self.new_warning()
        return None

    def end(self, outcome: Literal["finished", "left", "interrupted"]) -> None:
        if self.open:
            self.open = False
            if self.store is not None and self.session_id is not None:
                self.store.end_session(self.session_id, outcome)

    def checkin(self, score: int, moment: Literal["before", "after", "alone"],
                leg: int | None = None) -> None:
        """A back score 0..10 now, and the leg's when it was asked (setting `leg_score`)."""
        if moment == "before":
            self.before = score
        if self.store is not None:
            session = None if moment == "alone" else self.session_id
            if leg is None:
                self.store.add_checkin(score, moment, session)
            else:
                self.store.add_checkin(score, moment, session, leg=leg)

    # -- easier choices, by exercise name so edits to the file do not confuse them ----------

    def easier(self, routine: Routine) -> frozenset[int] | None:
        """Exercises made easier last time; None without a store (the caller falls back)."""
        if self.store is None:
            return None
        names = self.store.easier_names(routine.key)
        return frozenset(i for i, ex in enumerate(routine.exercises) if ex.name in names and ex.easier)

    def remember_easier(self, routine: Routine, indices: frozenset[int]) -> bool:
        """Save the choice; False without a store (the caller falls back)."""
        if self.store is None:
            return False
        self.store.set_easier_names(routine.key, sorted({routine.exercises[i].name for i in indices}))
        return True

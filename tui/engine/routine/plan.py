"""Expand a routine into the flat timeline a session walks through.

Sides, sets and rounds become separate steps here, with the pauses between them
(switch sides, rest between sets, a transition whenever the body position changes),
so the session engine only ever deals with "the current step and its deadline".
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import TYPE_CHECKING, TypedDict

from tui.engine.frozen import frozen
from tui.engine.routine.cycle import breath_phases, cycle_length, tempo_phases
from tui.engine.routine.model import DEFAULT_BREATH, BreathPattern, Exercise, Kind, Position, Routine, Tempo

if TYPE_CHECKING:
    from tui.engine.progress.progression import Level

#: Planned seconds for one tap-counted rep: only for totals, the step waits for taps.
TAP_REP_ESTIMATE = 3.0


class StepKind(str, Enum):
    """What a step of the timeline is: work (a hold, reps) or one of the pauses around it."""

    PREPARE = "prepare"
    HOLD = "hold"
    REPS = "reps"
    REST = "rest"
    SWITCH = "switch"
    TRANSITION = "transition"

    @property
    def is_work(self) -> bool:
        """True for a hold or reps: an exercise under way, not a pause."""
        return self in (StepKind.HOLD, StepKind.REPS)


@frozen
class Step:
    """One entry of the timeline: an exercise on one side, in one set and round, or a pause."""

    kind: StepKind
    title: str
    duration: float | None
    """Seconds; None for tap-counted reps, which end when the reps are in."""
    exercise: int | None = None
    """Index into the routine's exercises (for pauses: the exercise coming up)."""
    side: str | None = None
    """``"left"`` or ``"right"`` for a two-sided exercise (and the side a switch leads to)."""
    set_no: int = 1
    """1-based set, of ``sets``."""
    sets: int = 1
    round_no: int = 1
    """1-based round, of ``rounds``."""
    rounds: int = 1
    reps: int | None = None
    """Reps in the step; None for holds and pauses."""
    tempo: Tempo | None = None
    breaths: int | None = None
    """Set for breath-counted holds."""
    breath: BreathPattern | None = None
    """Pattern the pacer shows, if any."""
    cue: str = ""
    position: Position | None = None
    stop_if: tuple[str, ...] = ()
    easier: bool = False
    """This step runs at the exercise's easier dose."""
    has_easier: bool = False
    """The exercise has an easier dose (in use or not)."""

    @property
    def planned(self) -> float:
        """Seconds the step is expected to take (tapped reps estimated at ``TAP_REP_ESTIMATE`` each)."""
        if self.duration is not None:
            return self.duration
        return (self.reps or 0) * TAP_REP_ESTIMATE

    @property
    def key(self) -> tuple[object, ...]:
        """Identity that survives re-planning at an easier dose."""
        return (self.kind, self.exercise, self.round_no, self.set_no, self.side)


@frozen
class Plan:
    """A routine expanded into steps, with the exercises run at their easier dose."""

    routine: Routine
    steps: tuple[Step, ...]
    easier: frozenset[int] = frozenset()
    """Indices into ``routine.exercises`` planned at their easier dose."""

    @property
    def total(self) -> float:
        """Planned seconds of the whole routine."""
        return sum(step.planned for step in self.steps)


def plan(routine: Routine, easier: frozenset[int] = frozenset(),
         levels: Mapping[str, Level] | None = None) -> Plan:
    """The timeline for `routine`, with the exercises in `easier` at their easier dose.

    Args:
        routine: a loaded routine.
        easier: indices into ``routine.exercises``.
        levels: the current dose of ranged exercises by name (tui.engine.progress.progression); the
            plan's routine carries them, so re-planning from it (making an exercise easier)
            keeps them. None or a missing name: the bottom of the range, as the file reads.

    Returns:
        The plan: a prepare step (if ``routine.prepare``), then each exercise's steps per
        round, set and side, with rests, switches and position changes between them.
    """
    if levels:
        from tui.engine.progress.progression import apply

        routine = apply(routine, levels)
    exercises = [
        ex.with_easier() if i in easier else ex for i, ex in enumerate(routine.exercises)
    ]
    steps: list[Step] = []
    first = _first_position(exercises)
    if routine.prepare > 0:
        steps.append(
            Step(
                StepKind.PREPARE,
                "Get ready",
                routine.prepare,
                exercise=0,
                cue=_prepare_cue(exercises, first),
                position=first,
                stop_if=_advice(routine, exercises),
            )
        )
    # With a prepare step the user gets into position during it; without one, assume ready.
    position = first
    # The pause owed before the next exercise is placed lazily, so a position change can absorb it.
    pending, pending_title = 0.0, "Rest"
    for round_no in range(1, routine.rounds + 1):
        rounds = _Rounds(round_no=round_no, rounds=routine.rounds)
        if round_no > 1:
            pending = max(routine.rest, routine.round_rest)
            pending_title = f"Rest before round {round_no}"
        for index, ex in enumerate(exercises):
            if ex.kind is Kind.REST:
                steps.append(Step(StepKind.REST, ex.name, ex.rest_seconds, exercise=index, cue=ex.cue,
                                  stop_if=routine.stop_if, **rounds))
                pending = 0.0
                continue
            if ex.position is not None and position is not None and ex.position != position:
                # One pause long enough to both rest and change position, not two in a row.
                gap = max(pending, routine.transition)
                if gap > 0:
                    steps.append(
                        Step(StepKind.TRANSITION, ex.position.phrase, gap, exercise=index,
                             cue=ex.cue, position=ex.position, stop_if=ex.stop_if + routine.stop_if,
                             **rounds)
                    )
            elif pending > 0:
                steps.append(Step(StepKind.REST, pending_title, pending, exercise=index, cue=ex.cue,
                                  stop_if=ex.stop_if + routine.stop_if, **rounds))
            position = ex.position or position
            steps.extend(_exercise_steps(routine, ex, index, round_no, index in easier))
            pending, pending_title = routine.rest, "Rest"
    return Plan(routine, tuple(steps), frozenset(easier))


class _Rounds(TypedDict):
    """Where a step falls among the routine's rounds."""

    round_no: int
    rounds: int


class _Common(_Rounds):
    """The fields every step of one exercise shares."""

    exercise: int
    sets: int
    cue: str
    position: Position | None
    stop_if: tuple[str, ...]
    easier: bool
    has_easier: bool


def _exercise_steps(routine: Routine, ex: Exercise, index: int, round_no: int, easier: bool) -> list[Step]:
    dose = ex.dose
    sides: tuple[str | None, ...] = ("left", "right") if ex.sides else (None,)
    breath = ex.breath or routine.breath
    if dose.hold_breaths is not None:
        breath = breath or DEFAULT_BREATH
        duration: float | None = dose.hold_breaths * cycle_length(breath_phases(breath))
    elif ex.kind is Kind.HOLD:
        duration = dose.hold_seconds
    elif ex.tempo is not None:
        breath = None
        duration = (dose.reps or 0) * cycle_length(tempo_phases(ex.tempo))
    else:
        breath = None
        duration = None
    common = _Common(
        exercise=index, sets=dose.sets, round_no=round_no, rounds=routine.rounds,
        cue=ex.cue, position=ex.position, stop_if=ex.stop_if + routine.stop_if,
        easier=easier, has_easier=ex.easier is not None or easier,
    )
    kind = StepKind.HOLD if ex.kind is Kind.HOLD else StepKind.REPS
    steps: list[Step] = []
    for set_no in range(1, dose.sets + 1):
        if set_no > 1:
            if dose.set_rest > 0:
                steps.append(Step(StepKind.REST, "Rest between sets", dose.set_rest, set_no=set_no, **common))
            elif ex.sides and routine.switch_sides > 0:
                steps.append(_switch(routine, ex, sides[0], set_no, common))
        for n, side in enumerate(sides):
            if n > 0 and routine.switch_sides > 0:
                steps.append(_switch(routine, ex, side, set_no, common))
            steps.append(
                Step(kind, ex.name, duration, side=side, set_no=set_no, reps=dose.reps,
                     tempo=ex.tempo if kind is StepKind.REPS else None,
                     breaths=dose.hold_breaths, breath=breath, **common)
            )
    return steps


def _switch(routine: Routine, ex: Exercise, side: str | None, set_no: int, common: _Common) -> Step:
    return Step(StepKind.SWITCH, "Switch sides", routine.switch_sides, side=side,
                set_no=set_no, **common)


def _advice(routine: Routine, exercises: list[Exercise]) -> tuple[str, ...]:
    first = next((ex for ex in exercises if ex.kind is not Kind.REST), None)
    return (first.stop_if if first else ()) + routine.stop_if


def _first_position(exercises: list[Exercise]) -> Position | None:
    for ex in exercises:
        if ex.position is not None:
            return ex.position
    return None


def _prepare_cue(exercises: list[Exercise], position: Position | None) -> str:
    first = next((ex for ex in exercises if ex.kind is not Kind.REST), None)
    if first is None:
        return ""
    if position is None:
        return f"First: {first.name}"
    return f"{position.phrase}. First: {first.name}"

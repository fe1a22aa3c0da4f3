"""Read-only snapshots of a session for rendering, and the end-of-routine summary."""

from __future__ import annotations

from typing import TypedDict

from tui.engine.frozen import frozen
from tui.engine.routine.cycle import breath_phases, phase_at, tempo_phases
from tui.engine.routine.model import Kind, Position
from tui.engine.routine.plan import TAP_REP_ESTIMATE, Plan, Step, StepKind
from tui.engine.routine.session import Session
from tui.engine.routine.step_events import counted


@frozen
class SessionView:
    """Everything the workout screen shows at one moment; times in seconds."""

    index: int
    """0-based current step, of ``count``."""
    count: int
    kind: StepKind
    title: str
    cue: str = ""
    position: Position | None = None
    side: str | None = None
    set_no: int = 1
    sets: int = 1
    round_no: int = 1
    rounds: int = 1
    remaining: float | None = None
    """Seconds left in the step; None while waiting for tapped reps."""
    duration: float | None = None
    """The step's length as it now stands (after any +/-); None for tapped reps."""
    rep: int | None = None
    """Tempo reps: the rep under way; tapped reps: reps done."""
    reps: int | None = None
    tap: bool = False
    tempo_phase: str | None = None
    tempo_fraction: float = 0.0
    """0..1 through the tempo phase."""
    tempo_left: float = 0.0
    """Seconds left in the tempo phase."""
    tempo_word: str | None = None
    """The routine's word for the tempo phase (its ``phases``); None for the usual one."""
    breath_phase: str | None = None
    breath_fraction: float = 0.0
    """0..1 through the breath phase."""
    breath_left: float = 0.0
    """Seconds left in the breath phase."""
    breath_no: int | None = None
    """1-based breath under way, of ``breaths``."""
    breaths: int | None = None
    next_title: str | None = None
    """What comes next (:func:`describe`); None on the last step."""
    routine_left: float = 0.0
    """Planned seconds left in the routine, this step included."""
    progress: float = 0.0
    """0..1 of the routine's planned time done."""
    paused: bool = False
    finished: bool = False
    stop_if: tuple[str, ...] = ()
    easier: bool = False
    has_easier: bool = False
    exercise: int | None = None
    exercise_no: int | None = None
    """1-based place of this (or, on a pause, the coming) exercise among the routine's
    exercises, rests left out; None when the step belongs to none."""
    exercises: int = 0
    """How many exercises the routine has, rests left out."""
    round_done: int | None = None
    """The round just finished, while the first step of the next one runs; else None."""


def describe(step: Step) -> str:
    """One line naming a step, as 'what comes next' shows it."""
    if step.kind.is_work:
        side = f" ({step.side})" if step.side else ""
        return f"{step.title}{side}"
    if step.kind is StepKind.SWITCH and step.side:
        return f"Switch to the {step.side} side"
    return step.title


def finished_round(steps: tuple[Step, ...] | list[Step], index: int) -> int | None:
    """The round that step ``index`` of ``steps`` follows the end of (its first step of a
    new round), or None; the one rule for "Round 1 done" on screen and in the cue."""
    if not 0 < index < len(steps):
        return None
    before, step = steps[index - 1], steps[index]
    return before.round_no if before.round_no < step.round_no else None


class _Counting(TypedDict, total=False):
    """The fields of SessionView that only a counted step (breaths, tempo or tapped reps) sets."""

    rep: int
    reps: int
    tap: bool
    tempo_phase: str
    tempo_fraction: float
    tempo_left: float
    tempo_word: str | None
    breath_phase: str
    breath_fraction: float
    breath_left: float
    breath_no: int
    breaths: int


def view(s: Session, now: float) -> SessionView:
    """What to show of ``s`` at ``now`` (seconds; frozen while paused). Does not advance
    ``s``: call ``advance`` first. A finished session gives a view with ``finished`` set."""
    steps = s.plan.steps
    step = s.step
    if step is None:
        return SessionView(len(steps), len(steps), StepKind.REST, "Done", finished=True, progress=1.0)
    t = s.moment(now)
    elapsed = max(0.0, t - s.started_at)
    remaining = None if s.ends_at is None else max(0.0, s.ends_at - t)
    fields = _Counting()
    if step.kind is StepKind.HOLD and step.breath is not None:
        at = phase_at(breath_phases(step.breath), elapsed)
        fields.update({"breath_phase": at.name, "breath_fraction": at.fraction, "breath_left": at.left})
        if step.breaths is not None:
            total = counted(s, step)
            fields.update({"breath_no": min(at.cycle + 1, total), "breaths": total})
    if step.tempo is not None and s.ends_at is not None:
        at = phase_at(tempo_phases(step.tempo), elapsed)
        total = counted(s, step)
        fields.update({"rep": min(at.cycle + 1, total), "reps": total, "tempo_phase": at.name,
                       "tempo_fraction": at.fraction, "tempo_left": at.left,
                       "tempo_word": step.tempo.word(at.name)})
    elif s.target is not None:
        fields.update({"rep": s.taps, "reps": s.target, "tap": True})
    current_left = remaining if remaining is not None else max(0, (s.target or 0) - s.taps) * TAP_REP_ESTIMATE
    routine_left = current_left + sum(later.planned for later in steps[s.index + 1:])
    planned = s.plan.total
    following = steps[s.index + 1] if s.index + 1 < len(steps) else None
    work = [i for i, ex in enumerate(s.plan.routine.exercises) if ex.kind is not Kind.REST]
    exercise_no = work.index(step.exercise) + 1 if step.exercise in work else None
    round_done = finished_round(steps, s.index)
    return SessionView(
        index=s.index, count=len(steps), kind=step.kind, title=step.title, cue=step.cue,
        position=step.position, side=step.side, set_no=step.set_no, sets=step.sets,
        round_no=step.round_no, rounds=step.rounds, remaining=remaining,
        duration=None if s.ends_at is None else s.ends_at - s.started_at,
        next_title=describe(following) if following else None,
        routine_left=routine_left,
        progress=0.0 if planned <= 0 else min(1.0, max(0.0, 1 - routine_left / planned)),
        paused=s.paused, stop_if=step.stop_if, easier=step.easier,
        has_easier=step.has_easier, exercise=step.exercise,
        exercise_no=exercise_no, exercises=len(work), round_done=round_done,
        **fields,
    )


@frozen
class Summary:
    """The end-of-routine report; times in seconds."""

    routine: str
    elapsed: float
    """Start to finish, pauses included."""
    active: float
    """Start to finish, pauses left out."""
    done: tuple[str, ...]
    """Exercise names with at least one step completed and none skipped."""
    skipped: tuple[str, ...]
    easier: tuple[str, ...]
    """Exercise names run at their easier dose."""
    completed: bool
    """Reached the end rather than being finished early, with some work done."""
    worked: bool
    """At least one exercise step was done (at its dose or easier); False when every one
    was skipped, which counts as leaving the routine, not finishing it."""


def summary(s: Session, now: float) -> Summary:
    """The report for ``s``; ``now`` (seconds) ends it if the session has not finished."""
    end = s.finished_at if s.finished_at is not None else max(now, s.clock)
    open_pause = 0.0 if s.paused_at is None else end - s.paused_at
    names = [ex.name for ex in s.plan.routine.exercises]
    skipped = sorted(s.skipped)
    done = sorted(s.done - s.skipped)
    last = s.plan.steps[-1] if s.plan.steps else None
    worked = bool(s.done)
    completed = worked and s.finished and (last is None or last.exercise is None or last.exercise in s.done | s.skipped)
    return Summary(
        routine=s.plan.routine.name,
        elapsed=end - s.began_at,
        active=end - s.began_at - s.paused_total - open_pause,
        done=tuple(names[i] for i in done),
        skipped=tuple(names[i] for i in skipped),
        easier=tuple(names[i] for i in sorted(s.plan.easier)),
        completed=bool(completed),
        worked=worked,
    )


def exercise_place(p: Plan, index: int) -> str | None:
    """Where step ``index`` of ``p`` stands, as the workout's header says it: "exercise 4 of
    8" (a rest or a get-ready counts as the exercise after it); None past the end or where
    no exercise follows."""
    work = [i for i, ex in enumerate(p.routine.exercises) if ex.kind is not Kind.REST]
    for step in p.steps[index:]:
        if step.exercise in work:
            return f"exercise {work.index(step.exercise) + 1} of {len(work)}"
    return None

"""Flare-up days: switching an exercise to its easier dose in the middle of a session.

The plan is rebuilt with the exercise at its easier dose and the session carries on at
the same step, keeping the time already spent in it.
"""

from __future__ import annotations

from dataclasses import replace

from tui.engine.routine.plan import Plan, Step, StepKind, plan as make_plan
from tui.engine.routine.session import Events, Result, Session, advance, completed, ended, enter


def make_easier(s: Session, now: float) -> Result:
    """Switch the current (or next) exercise to its easier dose for the rest of the routine.

    The step under way keeps the seconds already spent; if that is past the easier
    length it ends now, and if the easier dose has fewer sets the exercise ends.
    Returns ``s`` advanced to ``now`` and unchanged when there is nothing to make easier.
    """
    s, events = advance(s, now)
    exercise = easier_target(s)
    if exercise is None:
        return s, events
    return _replan(s, events, s.plan.easier | {exercise})


def toggle_easier(s: Session, now: float) -> Result:
    """The current (or next) exercise to its easier dose, or back to its normal one.

    Going easier works as :func:`make_easier`; going back keeps the step under way and
    its seconds spent, and lengthens it to the normal dose. Returns ``s`` advanced to
    ``now`` and otherwise unchanged when that exercise has no easier dose.
    """
    s, events = advance(s, now)
    exercise = current_exercise(s)
    if exercise is None or not _has_easier(s, exercise):
        return s, events
    return _replan(s, events, s.plan.easier ^ {exercise})


def current_exercise(s: Session) -> int | None:
    """Index into the routine's exercises of the exercise under way, or (on a pause) the
    one coming up; None past the last one."""
    for step in s.plan.steps[max(s.index, 0):]:
        if step.kind.is_work:
            return step.exercise
    return None


def _has_easier(s: Session, exercise: int) -> bool:
    return s.plan.routine.exercises[exercise].easier is not None


def _replan(s: Session, events: Events, easier: frozenset[int]) -> Result:
    """``s`` carried on at the same step of the plan with ``easier`` at their easier dose."""
    new_plan = make_plan(s.plan.routine, easier)
    current = s.step
    assert current is not None
    index, same = _find(new_plan, current)
    if not same:
        # The step under way no longer exists (fewer sets): that exercise is done.
        gone = ended(s, s.clock, "easier")
        s, entered = enter(completed(replace(s, plan=new_plan)), index, s.clock)
        return s, events + gone + entered
    s = replace(s, plan=new_plan)
    step = new_plan.steps[index]
    t = s.moment(s.clock)
    if step.duration is None:
        target = step.reps if step.kind is StepKind.REPS else None
        s = replace(s, index=index, ends_at=None, target=target)
        if target is not None and s.taps >= target:
            done = ended(s, s.clock)
            s, entered = enter(completed(s), index + 1, s.clock)
            return s, events + done + entered
        return s, events
    # Past the easier length already: the step ends now, not back in time.
    ends_at = max(s.started_at + step.duration, t)
    s = replace(s, index=index, ends_at=ends_at, target=None)
    more: Events = ()
    if not s.paused:
        s, more = advance(s, s.clock)
    return s, events + more


def easier_target(s: Session) -> int | None:
    """Index into the routine's exercises of the one `make_easier` would change (the
    current or next exercise), or None when it has no easier dose or already uses it."""
    for step in s.plan.steps[max(s.index, 0):]:
        if step.kind.is_work:
            ok = step.exercise is not None and step.has_easier and not step.easier
            return step.exercise if ok else None
    return None


def _find(new_plan: Plan, current: Step) -> tuple[int, bool]:
    """The same step in a new plan, or (when it is gone) the step after that exercise."""
    steps = new_plan.steps
    for i, step in enumerate(steps):
        if step.key == current.key:
            return i, True
    last = None
    for i, step in enumerate(steps):
        if step.exercise == current.exercise and step.round_no == current.round_no and step.kind.is_work:
            last = i
    return (len(steps) if last is None else last + 1), False

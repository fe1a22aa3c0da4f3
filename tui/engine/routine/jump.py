"""Jumping to any exercise of a routine from inside it."""

from __future__ import annotations

from dataclasses import replace

from tui.engine.routine.plan import Plan
from tui.engine.routine.session import Result, Session, advance, ended, enter


def first_step(s: Session, exercise: int) -> int | None:
    """Index of the first step of ``exercise`` (an index into the routine's exercises) in
    the current round, else in the first round it appears in; None when it has none."""
    steps = s.plan.steps
    current = s.step
    round_no = current.round_no if current is not None else 1
    work = [i for i, step in enumerate(steps) if step.kind.is_work and step.exercise == exercise]
    same_round = [i for i in work if steps[i].round_no == round_no]
    found = same_round or work
    return found[0] if found else None


def jump_to(s: Session, now: float, exercise: int) -> Result:
    """Advance to ``now``, then start ``exercise`` from its first step (in this round).

    Forward, the exercise under way counts as skipped, as with the next-step command;
    the steps jumped over were never started and are not recorded. Backward works as the
    back command does. Returns ``s`` advanced and otherwise unchanged when ``exercise``
    has no step or is where the session already is.
    """
    s, events = advance(s, now)
    target = first_step(s, exercise)
    if s.finished or target is None or target == s.index:
        return s, events
    step = s.step
    if target > s.index and step is not None:
        events += ended(s, s.clock, "skipped")
        if step.kind.is_work and step.exercise is not None:
            s = replace(s, skipped=s.skipped | {step.exercise})
    s, entered = enter(s, target, s.clock)
    return s, events + entered


def start_at(plan: Plan, index: int, now: float) -> Result:
    """A session that takes ``plan`` up at step ``index``, paused at ``now`` (seconds): a
    routine an earlier lumbar left unfinished. The exercises of the steps before count as
    done (they were, in that lumbar); nothing before ``index`` is entered again.

    Raises ValueError when ``index`` is not a step of ``plan``.
    """
    if not 0 <= index < len(plan.steps):
        raise ValueError(f"step {index} is not in a plan of {len(plan.steps)} steps")
    done = frozenset(step.exercise for step in plan.steps[:index]
                     if step.kind.is_work and step.exercise is not None)
    blank = Session(plan, -1, now, None, now, began_at=now, paused_at=now, done=done)
    return enter(blank, index, now)

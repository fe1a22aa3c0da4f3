"""The session state machine: where we are in a plan, driven by `now` and by commands.

Each step stores its deadline (`ends_at`), never a counter, so remaining time is always
`ends_at - now`. `advance` may be called at any rate: a large jump crosses several steps and
emits every event once, in order, each stamped with the moment it belongs to; `now` going
backwards is ignored. Commands (pause, next, tap...) first advance to `now`, then act.
"""

from __future__ import annotations

import math
from dataclasses import replace

from tui.engine.events import (
    Event, RepCounted, SessionFinished, SideSwitched, StepEnded, StepOutcome, StepStarted,
)
from tui.engine.frozen import frozen
from tui.engine.routine.plan import Plan, Step, StepKind
from tui.engine.routine.step_events import COUNTDOWN, counted, inner_events, unit

Events = tuple[Event, ...]
Result = tuple["Session", Events]
"""What every command returns: the new session and the events it caused, in time order."""

#: What +/- changes on a timed step, in seconds.
ADJUST_SECONDS = 10.0


@frozen
class Session:
    """Where a run of a plan stands. Times are readings of the caller's clock, in seconds."""

    plan: Plan
    index: int
    """Current step; len(steps) once finished."""
    started_at: float
    """When the current step began, shifted forward by pauses."""
    ends_at: float | None
    """Deadline of the current step; None for tap-counted reps."""
    clock: float
    """The latest `now` seen; time never runs backwards past it."""
    began_at: float
    """When the session started."""
    paused_at: float | None = None
    """When the current pause began; None while running."""
    paused_total: float = 0.0
    """Seconds spent paused in closed pauses."""
    taps: int = 0
    """Reps tapped so far in the current step."""
    target: int | None = None
    """Reps to tap in the current step."""
    finished_at: float | None = None
    done: frozenset[int] = frozenset()
    """Exercises with at least one step completed."""
    skipped: frozenset[int] = frozenset()
    """Exercises the user moved past with next."""

    @property
    def finished(self) -> bool:
        """The last step has ended."""
        return self.finished_at is not None

    @property
    def paused(self) -> bool:
        """A pause is open."""
        return self.paused_at is not None

    @property
    def step(self) -> Step | None:
        """The current step; None once finished."""
        steps = self.plan.steps
        return steps[self.index] if self.index < len(steps) else None

    @property
    def is_tap(self) -> bool:
        """The current step counts reps by taps (it has no deadline)."""
        step = self.step
        return step is not None and step.kind is StepKind.REPS and step.duration is None

    def moment(self, now: float) -> float:
        """The time the display should reflect (seconds): frozen while paused, never before
        the latest ``now`` seen."""
        if self.paused_at is not None:
            return self.paused_at
        return max(now, self.clock)


def start(plan: Plan, now: float) -> Result:
    """A new session at the first step of ``plan``, started at ``now`` (seconds)."""
    blank = Session(plan, -1, now, None, now, began_at=now)
    return enter(blank, 0, now)


def advance(s: Session, now: float) -> Result:
    """Move ``s`` to ``now`` (seconds): every step ended by then is left, in order.

    Returns:
        The session at ``now`` and every event up to it, each stamped with its own moment.
        ``now`` before the latest time seen, or a finished session, changes nothing; while
        paused only the clock moves.
    """
    if s.finished or now < s.clock:
        return s, ()
    if s.paused:
        return replace(s, clock=now), ()
    events: list[Event] = []
    while not s.finished and s.ends_at is not None and s.ends_at <= now:
        end = s.ends_at
        events += inner_events(s, s.clock, end)
        step = s.step
        if step is not None and step.tempo is not None and s.target is None:
            reps = counted(s, step)
            events.append(RepCounted(end, reps, reps))
        events += ended(s, end)
        s, entered = enter(completed(s), s.index + 1, end)
        events += entered
    if not s.finished:
        events += inner_events(s, s.clock, now)
        s = replace(s, clock=now)
    return s, tuple(events)


def pause(s: Session, now: float) -> Result:
    """Advance to ``now``, then freeze the current step (a no-op if paused or finished)."""
    s, events = advance(s, now)
    if s.finished or s.paused:
        return s, events
    return replace(s, paused_at=s.clock), events


def resume(s: Session, now: float) -> Result:
    """Advance to ``now``, then end the pause; the step's deadline moves by its length."""
    s, events = advance(s, now)
    if s.paused_at is None:
        return s, events
    gap = s.clock - s.paused_at
    ends_at = None if s.ends_at is None else s.ends_at + gap
    return replace(s, started_at=s.started_at + gap, ends_at=ends_at, paused_at=None,
                   paused_total=s.paused_total + gap), events


def toggle_pause(s: Session, now: float) -> Result:
    """:func:`resume` when paused, else :func:`pause`."""
    return resume(s, now) if s.paused else pause(s, now)


def next_step(s: Session, now: float) -> Result:
    """Advance to ``now``, then go to the next step; an exercise left early counts as skipped."""
    s, events = advance(s, now)
    step = s.step
    if step is None:
        return s, events
    events += ended(s, s.clock, "skipped")
    if step.kind.is_work and step.exercise is not None:
        s = replace(s, skipped=s.skipped | {step.exercise})
    s, entered = enter(s, s.index + 1, s.clock)
    return s, events + entered


def previous_step(s: Session, now: float) -> Result:
    """Back to the previous exercise step (pauses in between are passed over)."""
    s, events = advance(s, now)
    if s.finished:
        return s, events
    target = next((i for i in range(s.index - 1, -1, -1) if s.plan.steps[i].kind.is_work), 0)
    s, entered = enter(s, target, s.clock)
    return s, events + entered


def restart_step(s: Session, now: float) -> Result:
    """Advance to ``now``, then start the current step again from its full length."""
    s, events = advance(s, now)
    if s.finished:
        return s, events
    s, entered = enter(s, s.index, s.clock)
    return s, events + entered


def adjust(s: Session, now: float, direction: int) -> Result:
    """+1 / -1: ten seconds more or less; one breath or rep on counted steps.

    Minus never ends a timed step (at least a second stays) nor cuts the breath or rep
    under way; tapped reps never drop below the reps already done plus one.
    """
    s, events = advance(s, now)
    step = s.step
    if step is None:
        return s, events
    if s.target is not None:
        return replace(s, target=max(s.taps + 1, s.target + direction, 1)), events
    assert s.ends_at is not None
    size = unit(step)
    t = s.moment(now)
    elapsed = t - s.started_at
    duration = s.ends_at - s.started_at
    if size is None:
        remaining = s.ends_at - t
        # Minus never ends a step outright: at least a second (or what is left) remains.
        new_remaining = max(remaining + direction * ADJUST_SECONDS, min(remaining, 1.0))
        return replace(s, ends_at=t + new_remaining), events
    # Counted steps change by whole breaths or reps, and the one under way always finishes.
    floor = max(size, math.ceil(round(elapsed / size, 6)) * size) if elapsed > 0 else size
    new_duration = max(duration + direction * size, floor)
    return replace(s, ends_at=s.started_at + new_duration), events


def tap(s: Session, now: float) -> Result:
    """Count one tapped rep at ``now``; the last one ends the step. Ignored while paused or
    on a step that does not count taps."""
    s, events = advance(s, now)
    if s.finished or s.target is None or s.paused:
        return s, events
    taps, target = s.taps + 1, s.target
    rep = RepCounted(s.clock, taps, target)
    s = replace(s, taps=taps)
    if taps < target:
        return s, events + (rep,)
    done = ended(s, s.clock)
    s, entered = enter(completed(s), s.index + 1, s.clock)
    return s, events + (rep,) + done + entered


def finish(s: Session, now: float) -> Result:
    """End the routine now, as if it had reached its end; the step under way is skipped."""
    s, events = advance(s, now)
    if s.finished:
        return s, events
    return _finish(s, s.clock), events + ended(s, s.clock, "skipped") + (SessionFinished(s.clock),)


def leave(s: Session, now: float) -> Result:
    """Stop the routine without finishing it (the user left or quit).

    The step under way ends as skipped; there is no SessionFinished, since the routine
    was not finished. The returned session is finished, so nothing more is emitted.
    """
    s, events = advance(s, now)
    if s.finished:
        return s, events
    return _finish(s, s.clock), events + ended(s, s.clock, "skipped")


def ended(s: Session, at: float, outcome: StepOutcome | None = None) -> Events:
    """StepEnded for the current step as it stands at `at`, if it is a work step.

    `outcome` None means it ran to its end: "easier" at the easier dose, else "done".
    A step left while paused counts up to the pause: pause time is never work time.
    """
    step = s.step
    if step is None or not step.kind.is_work:
        return ()
    t = at if s.paused_at is None else min(at, s.paused_at)
    elapsed = max(0.0, t - s.started_at)
    if outcome is None:
        outcome = "easier" if step.easier else "done"
    size = unit(step)
    if s.target is not None:
        count: int | None = s.taps
    elif size is None:
        count = None
    elif outcome == "skipped":
        # Whole breaths or reps finished so far; the 1e-9 absorbs float noise at a boundary.
        count = min(counted(s, step), int(elapsed / size + 1e-9))
    else:
        count = counted(s, step)
    return (StepEnded(at, s.index, step, outcome, round(elapsed, 3), count),)


def enter(s: Session, index: int, at: float) -> Result:
    """Start step ``index`` at ``at`` (seconds), or finish when past the last; a pause stays open."""
    steps = s.plan.steps
    paused_at = at if s.paused else None
    if index >= len(steps):
        return _finish(s, at), (SessionFinished(at),)
    step = steps[index]
    ends_at = None if step.duration is None else at + step.duration
    target = step.reps if step.duration is None and step.kind is StepKind.REPS else None
    s = replace(s, index=index, started_at=at, ends_at=ends_at, clock=max(s.clock, at),
                taps=0, target=target, paused_at=paused_at)
    events: list[Event] = [StepStarted(at, index, step)]
    if step.kind is StepKind.SWITCH and step.side is not None:
        events.append(SideSwitched(at, step.side))
    return s, tuple(events)


def _finish(s: Session, at: float) -> Session:
    # A pause still open at the end is pause time, not exercise time.
    open_pause = 0.0 if s.paused_at is None else max(0.0, at - s.paused_at)
    return replace(s, index=len(s.plan.steps), finished_at=at, clock=max(s.clock, at),
                   paused_at=None, paused_total=s.paused_total + open_pause,
                   ends_at=None, target=None, taps=0)


def completed(s: Session) -> Session:
    """``s`` with the current step's exercise marked done (for work steps)."""
    step = s.step
    if step is not None and step.kind.is_work and step.exercise is not None:
        return replace(s, done=s.done | {step.exercise})
    return s

"""Carrying the dose forward: start at the bottom of a range and add as it gets easier.

The seeds prescribe a progression (start with about 5 reps and add as it gets easier; 3 to
5 sets; short holds that grow). A routine file gives ranges (`Ranges`); this module keeps
each ranged exercise's current `Level` inside them and decides, from dates and answers
only, when it moves. It never reads a clock and imports nothing outside the standard
library; the store supplies the history and the app the day.

The rule (also in the README):
- Up one step, for every ranged exercise of the routine, when the latest two or more
  answers since the dose last changed are all "too easy", given on at least two different
  days, none of those routines raised the pain score (after above before), nothing since
  asks for a step down, and today is not a flare-up day.
- Down one step, for every ranged exercise, after a "too hard" answer or a routine that
  raised the pain score by `RISE` or more; for one exercise, when it was made easier
  during a routine. Down wins over up.
- A single exercise marked "too easy" or "too hard" on the summary reads that mark in
  place of the routine's answer for that session; the others keep the routine's.
- One step is reps first, then hold length, then sets (going up): a static stretch's hold
  grows before its sets (docs/sources.md#progression). Down undoes the last of those, so a
  raise and a drop cancel. Never outside the range.
- A flare-up day: a check-in that day at least `FLARE_RISE` points above the mean of the
  check-ins of the `BASELINE_DAYS` days before it. Without earlier check-ins there is no
  baseline, and no day counts as a flare-up.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Literal

from tui.engine.frozen import frozen
from tui.engine.routine.model import Exercise, Ranges, Routine, Span
from tui.engine.timefmt import duration_text

Answer = Literal["easy", "right", "hard"]
ANSWERS: tuple[str, ...] = ("easy", "right", "hard")
"""The after-routine question: too easy, about right, too hard."""

#: A rise of 2 points on the 0-10 scale is a change people notice (Farrar et al., Pain 2001;
#: docs/sources.md#progression).
RISE = 2
#: A check-in this far above the recent mean marks a flare-up day (same source as RISE).
FLARE_RISE = 2
#: How many days before a check-in make its baseline.
BASELINE_DAYS = 14
#: "Too easy" answers, on different days, before a raise.
EASY_DAYS = 2


@frozen
class Level:
    """One exercise's current dose, in its ranged parts only (None where not ranged)."""

    reps: int | None = None
    sets: int | None = None
    hold: float | None = None
    """Seconds."""


@frozen
class Outcome:
    """What one routine session says about its dose (from the store)."""

    day: date
    """The local date it was done."""
    answer: Answer | None = None
    """The after-routine answer; None when skipped or not asked."""
    before: int | None = None
    """Pain check-in before it, 0..10."""
    after: int | None = None
    """Pain check-in after it, 0..10."""
    easier: frozenset[str] = frozenset()
    """Names of exercises made easier during it."""
    marks: tuple[tuple[str, Answer], ...] = ()
    """(exercise name, "easy" or "hard"): single exercises marked on the summary; each wins
    over `answer` for that exercise."""

    def answer_for(self, name: str) -> Answer | None:
        """The answer that counts for the exercise `name`: its own mark, else the routine's."""
        return dict(self.marks).get(name, self.answer)

    @property
    def rise(self) -> int:
        """Pain points gained over the routine (0 without both check-ins)."""
        if self.before is None or self.after is None:
            return 0
        return self.after - self.before


@frozen
class Change:
    """One exercise's dose moving, for the start notice and the store."""

    name: str
    old: Level
    new: Level
    why: Literal["up", "down"]

    def text(self) -> str:
        """'Bridge: 7 reps, up from 6'."""
        return change_text(self.name, self.old, self.new)


@frozen
class Decision:
    levels: dict[str, Level]
    """Every ranged exercise's dose for the coming session, by exercise name."""
    changes: tuple[Change, ...]
    """What moved since last time (empty: nothing to announce)."""
    fitted: tuple[str, ...] = ()
    """Exercises whose stored dose was missing or outside a changed range."""


def ranged(routine: Routine) -> dict[str, Ranges]:
    """The ranged exercises by name (a name given twice shares one dose)."""
    return {ex.name: ex.ranges for ex in routine.exercises if ex.ranges is not None}


def bottom(ranges: Ranges) -> Level:
    """Where a new (or renamed) exercise starts."""
    return Level(
        reps=None if ranges.reps is None else int(ranges.reps.low),
        sets=None if ranges.sets is None else int(ranges.sets.low),
        hold=None if ranges.hold is None else ranges.hold.low,
    )


def fit(ranges: Ranges, stored: Level | None) -> Level:
    """A stored dose made safe for the file as it is now: missing parts start at the
    bottom, values outside a changed range are clamped, off-grid values go down."""
    if stored is None:
        return bottom(ranges)

    def one(span: Span | None, value: float | None) -> float | None:
        if span is None:
            return None
        return span.low if value is None else span.fit(value)

    reps, sets = one(ranges.reps, stored.reps), one(ranges.sets, stored.sets)
    return Level(None if reps is None else int(reps), None if sets is None else int(sets),
                 one(ranges.hold, stored.hold))


_ORDER = ("reps", "hold", "sets")


def step_up(ranges: Ranges, level: Level) -> Level:
    """One step more: reps first, then hold, then sets; `level` itself at the top."""
    for part in _ORDER:
        span: Span | None = getattr(ranges, part)
        value = getattr(level, part)
        if span is not None and value is not None and value + span.step <= span.high + 1e-9:
            return _set(level, part, value + span.step)
    return level


def step_down(ranges: Ranges, level: Level) -> Level:
    """One step less, undoing the last raise: sets first, then hold, then reps."""
    for part in reversed(_ORDER):
        span: Span | None = getattr(ranges, part)
        value = getattr(level, part)
        if span is not None and value is not None and value - span.step >= span.low - 1e-9:
            return _set(level, part, value - span.step)
    return level


def _set(level: Level, part: str, value: float) -> Level:
    if part == "hold":
        return replace(level, hold=value)
    if part == "reps":
        return replace(level, reps=int(round(value)))
    return replace(level, sets=int(round(value)))


def flare_up(day: date, checkins: Iterable[tuple[date, int]]) -> bool:
    """Whether `day` is a flare-up day: a check-in that day `FLARE_RISE` or more above the
    mean of the check-ins in the `BASELINE_DAYS` days before it (no baseline: False)."""
    start = day - timedelta(days=BASELINE_DAYS)
    earlier: list[int] = []
    today: list[int] = []
    for when, score in checkins:
        if when == day:
            today.append(score)
        elif start <= when < day:
            earlier.append(score)
    if not earlier or not today:
        return False
    return max(today) - sum(earlier) / len(earlier) >= FLARE_RISE


def decide(routine: Routine, stored: Mapping[str, Level], since: Sequence[Outcome],
           checkins: Iterable[tuple[date, int]], today: date) -> Decision:
    """The doses for a session starting on `today`.

    Args:
        routine: as loaded now (its ranges may differ from when the doses were stored).
        stored: the last dose of each exercise, by name; a missing name starts at the bottom.
        since: the sessions of this routine since the dose was last decided, oldest first.
        checkins: (local date, score 0..10) pairs covering at least the last
            `BASELINE_DAYS` days and today, for the flare-up test.
        today: the user's local date.
    """
    spans = ranged(routine)
    levels: dict[str, Level] = {}
    fitted: list[str] = []
    for name, ranges in spans.items():
        levels[name] = fit(ranges, stored.get(name))
        if stored.get(name) != levels[name]:
            fitted.append(name)
    # Each exercise reads the sessions with its own mark in place of the routine's answer.
    seen = {name: [replace(o, answer=o.answer_for(name)) for o in since] for name in spans}
    down = {name for name, own in seen.items()
            if any(o.answer == "hard" or o.rise >= RISE or name in o.easier for o in own)}
    # Down wins over up for the whole routine, except where single exercises were marked:
    # a mark speaks for its own exercise only.
    marked = {name for o in since for name, _ in o.marks}
    blocked = any(name not in marked for name in down)
    flare = flare_up(today, checkins)
    changes: list[Change] = []
    for name, ranges in spans.items():
        if name in down:
            changes.append(Change(name, levels[name], step_down(ranges, levels[name]), "down"))
        elif not blocked and not flare and _easy_enough(seen[name]):
            changes.append(Change(name, levels[name], step_up(ranges, levels[name]), "up"))
    moved = tuple(c for c in changes if c.new != c.old)
    for change in moved:
        levels[change.name] = change.new
    return Decision(levels, moved, tuple(fitted))


def _easy_enough(since: Sequence[Outcome]) -> bool:
    """The latest answers are all "too easy", on `EASY_DAYS` days or more, with no pain rise."""
    days: set[date] = set()
    for outcome in reversed(since):
        if outcome.answer is None:
            continue
        if outcome.answer != "easy" or outcome.rise > 0:
            break
        days.add(outcome.day)
    return len(days) >= EASY_DAYS


def apply(routine: Routine, levels: Mapping[str, Level]) -> Routine:
    """The routine with each ranged exercise at its level (others untouched)."""
    if not levels:
        return routine
    return replace(routine, exercises=tuple(_at(ex, levels.get(ex.name)) for ex in routine.exercises))


def _at(ex: Exercise, level: Level | None) -> Exercise:
    if ex.ranges is None or level is None:
        return ex
    dose = ex.dose
    if level.reps is not None:
        dose = replace(dose, reps=level.reps)
    if level.sets is not None:
        dose = replace(dose, sets=level.sets)
    if level.hold is not None:
        dose = replace(dose, hold_seconds=level.hold)
    # The easier variant keeps the numbers the file gives it: a flare-up dose stays low.
    return replace(ex, dose=dose)


def level_text(level: Level) -> str:
    """'7 reps, 3 sets, 10s hold' (ranged parts only)."""
    parts: list[str] = []
    if level.reps is not None:
        parts.append(f"{level.reps} reps")
    if level.sets is not None:
        parts.append(f"{level.sets} sets")
    if level.hold is not None:
        parts.append(f"{duration_text(level.hold)} hold")
    return ", ".join(parts)


def change_text(name: str, old: Level, new: Level) -> str:
    """'Bridge: 7 reps, up from 6'; the part that moved, with its old value."""
    for part, unit in (("reps", "reps"), ("sets", "sets"), ("hold", "hold")):
        before, after = getattr(old, part), getattr(new, part)
        if before is None or after is None or before == after:
            continue
        way = "up" if after > before else "down"
        if part == "hold":
            return f"{name}: {duration_text(after)} hold, {way} from {duration_text(before)}"
        return f"{name}: {after} {unit}, {way} from {before}"
    return f"{name}: {level_text(new)}"


def span_text(span: Span, unit: str) -> str:
    """'5-12 reps', '3-5 sets' or '5-15 s hold' (with a step other than the default) for `lumbar show`."""
    if unit == "hold":
        step = f" (step {span.step:g} s)" if span.step != 5 else ""
        return f"{span.low:g}-{span.high:g} s hold{step}"
    step = f" (step {span.step:g})" if span.step != 1 else ""
    return f"{span.low:g}-{span.high:g} {unit}{step}"

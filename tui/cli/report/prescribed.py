"""What lumbar set for one session of a routine, in sets and reps, seconds or breaths: the
routine file's plan at the dose lumbar decided for that session (grown doses included), so
the report compares what was done with what was asked that day, not with the first dose."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from tui.cli.report.model import Amount
from tui.engine.progress.dose_history import short
from tui.engine.progress.progression import Level
from tui.engine.routine.model import Kind, Routine
from tui.engine.routine.plan import plan
from tui.engine.timefmt import duration_text


class Prescriber:
    """Each session's dose per exercise, from the routine file and the levels in force.

    Plans are cached by routine and levels: a dose changes a few times a month, so ten
    years of sessions make a few hundred plans, not thousands."""

    def __init__(self, catalog: Mapping[str, Routine]) -> None:
        self.catalog = catalog
        self._cache: dict[tuple[str, tuple[tuple[str, Level], ...]], dict[str, Amount]] = {}

    def amounts(self, key: str, levels: Mapping[str, Level]) -> dict[str, Amount] | None:
        """Exercise name -> Amount set for one session; None when the file is not found."""
        routine = self.catalog.get(key)
        if routine is None:
            return None
        cache_key = (key, tuple(sorted(levels.items())))
        found = self._cache.get(cache_key)
        if found is None:
            found = self._cache[cache_key] = per_exercise(routine, levels)
        return found


def per_exercise(routine: Routine, levels: Mapping[str, Level]) -> dict[str, Amount]:
    """Exercise name -> the sets and the reps, seconds or breaths in them, of one session at
    `levels` (a missing name: the bottom of its range, as the file reads)."""
    out: dict[str, Amount] = {}
    for step in plan(routine, levels=dict(levels)).steps:
        if not step.kind.is_work or step.exercise is None:
            continue
        name = routine.exercises[step.exercise].name
        if step.breaths is not None:
            one = Amount(1, breaths=step.breaths)
        elif step.reps is not None:
            one = Amount(1, reps=step.reps)
        else:
            one = Amount(1, seconds=step.duration or 0.0)
        out[name] = out.get(name, Amount()) + one
    return out


def recorded(steps: Iterable[dict[str, Any]]) -> Amount:
    """The Amount in step rows (export form) as they were done: reps counted, seconds held,
    breaths taken; only steps done as set count."""
    total = Amount()
    for s in steps:
        if s["outcome"] != "done":
            continue
        if s["unit"] == "reps":
            total += Amount(1, reps=s["actual_count"] if s["actual_count"] is not None else s["planned_count"] or 0)
        elif s["unit"] == "breaths":
            total += Amount(1, breaths=s["actual_count"] if s["actual_count"] is not None else s["planned_count"] or 0)
        else:
            total += Amount(1, seconds=float(s["actual_seconds"] or 0.0))
    return total


def dose_words(routine: Routine, name: str, first: Mapping[str, Level], last: Mapping[str, Level]) -> str:
    """The dose of exercise `name` as a physiotherapist writes it, at the period's first
    session's levels, with the last one's after an arrow when it grew or shrank:
    "2 sets of 5 → 8 reps at 2-1-2, each side, up to 12 reps"."""
    ex = next((e for e in routine.exercises if e.name == name and e.kind is not Kind.REST), None)
    if ex is None:
        return "not in the file now"
    start, end = first.get(name), last.get(name)
    text = _words(_applied(routine, ex.name, start))
    if start != end and end is not None:
        text += f" → {short(end)}"
    if ex.ranges is not None:
        tops = [f"{s.high:g} {u}" for u, s in (("reps", ex.ranges.reps), ("sets", ex.ranges.sets),
                                                ("s", ex.ranges.hold)) if s is not None]
        text += f", up to {' and '.join(tops)}"
    return text


def _applied(routine: Routine, name: str, level: Level | None):  # -> Exercise
    if level is None:
        return next(e for e in routine.exercises if e.name == name)
    from tui.engine.progress.progression import apply

    return next(e for e in apply(routine, {name: level}).exercises if e.name == name)


def _words(ex) -> str:  # ex: tui.engine.routine.model.Exercise
    d = ex.dose
    if d.hold_breaths is not None:
        what = f"hold {d.hold_breaths} breaths"
    elif ex.kind is Kind.HOLD:
        what = f"hold {duration_text(d.hold_seconds or 0)}"
    else:
        what = f"{d.reps} reps" + (f" at {ex.tempo.lift:g}-{ex.tempo.hold:g}-{ex.tempo.lower:g}"
                                   if ex.tempo else "")
    if d.sets > 1:
        what = f"{d.sets} sets of {what}"
    return what + (", each side" if ex.sides else "")

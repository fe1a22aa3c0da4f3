"""The text commands: list, show and check."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path
from typing import TYPE_CHECKING

from .catalog import Entry, discover, routine_files
from .engine.model import Routine
from .engine.plan import Step, StepKind, plan
from .engine.timefmt import clock_text, duration_text
from .engine.view import describe

if TYPE_CHECKING:
    from .loader import Problem

#: Exit status for bad input (bad routine files, unknown names).
BAD_INPUT = 2


@dataclass
class Catalog:
    entries: dict[str, Entry] = field(default_factory=dict)
    routines: dict[str, Routine] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def load_catalog(folders: list[Path]) -> Catalog:
    """Every routine found, from the cache when its file is unchanged, else parsed."""
    from .routine_cache import RoutineCache

    catalog = Catalog(entries=discover(folders))
    cache = RoutineCache.open()
    for key, entry in catalog.entries.items():
        routine = cache.get(entry.path)
        if routine is None:
            # Only now: importing PyYAML and the loader is most of the cost of a start.
            from .loader import RoutineError, load_routine

            try:
                routine = load_routine(entry.path)
            except RoutineError as error:
                catalog.problems.extend(error.problems)
                continue
            cache.put(entry.path, routine)
        catalog.routines[key] = routine
    cache.save()
    return catalog


def report(problems: list[Problem]) -> int:
    for problem in problems:
        print(problem, file=sys.stderr)
    files = len({p.file for p in problems})
    noun = "problem" if len(problems) == 1 else "problems"
    print(f"lumbar: {len(problems)} {noun} in {files} file{'s' if files != 1 else ''}", file=sys.stderr)
    return BAD_INPUT


def find(catalog: Catalog, name: str) -> Routine | None:
    routine = catalog.routines.get(name)
    if routine is None:
        hint = get_close_matches(name, list(catalog.routines), n=1)
        extra = f"; did you mean '{hint[0]}'?" if hint else "; `lumbar list` shows them all"
        print(f"lumbar: no routine named '{name}'{extra}", file=sys.stderr)
    return routine


def list_routines(catalog: Catalog) -> int:
    rows = []
    for key, routine in catalog.routines.items():
        entry = catalog.entries[key]
        origin = entry.origin if entry.overrides is None else f"{entry.origin} (overrides {entry.overrides})"
        positions = ", ".join(p.label for p in routine.positions)
        rows.append((key, duration_text(plan(routine).total), origin, positions, routine.name))
    if not rows:
        print("No routines found.")
        return 0
    width = max(len(r[0]) for r in rows)
    for key, length, origin, positions, name in rows:
        print(f"{key:<{width}}  {length:>10}  {name}")
        print(f"{'':<{width}}  {'':>10}  {origin}; {positions}")
    return 0


def show(catalog: Catalog, name: str) -> int:
    routine = find(catalog, name)
    if routine is None:
        return BAD_INPUT
    from .dosing import current_levels, dose_lines

    levels = current_levels(routine)
    timeline = plan(routine, levels=levels)
    print(f"{routine.name}: {duration_text(timeline.total)}, {len(timeline.steps)} steps")
    if routine.description:
        print(routine.description)
    if levels:
        print("\nDose now, and the range it grows in:")
        print("\n".join(dose_lines(routine, levels)))
    print()
    at = 0.0
    width = max((len(describe(step)) for step in timeline.steps), default=0)
    for step in timeline.steps:
        print(f"{clock_text(at):>7}  {describe(step):<{width}}  {_length(step):>8}  {_detail(step)}".rstrip())
        at += step.planned
    print(f"{clock_text(at):>7}  Done")
    return 0


def _length(step: Step) -> str:
    return "tap" if step.duration is None else duration_text(step.duration)


def _detail(step: Step) -> str:
    parts: list[str] = []
    if step.kind.is_work and step.sets > 1:
        parts.append(f"set {step.set_no}/{step.sets}")
    if step.rounds > 1 and step.kind.is_work:
        parts.append(f"round {step.round_no}/{step.rounds}")
    if step.breaths is not None and step.breath is not None:
        parts.append(f"{step.breaths} breaths ({step.breath.label})")
    elif step.kind is StepKind.HOLD and step.breath is not None:
        parts.append(f"breathe {step.breath.label}")
    if step.reps is not None:
        pace = "-".join(f"{x:g}" for x in (step.tempo.lift, step.tempo.hold, step.tempo.lower)) if step.tempo else "tap to count"
        parts.append(f"{step.reps} reps, {pace}")
    if step.easier:
        parts.append("easier")
    return "; ".join(parts)


def check(targets: list[Path]) -> int:
    from .loader import RoutineError, load_routine

    files: list[Path] = []
    problems: list[Problem] = []
    for target in targets:
        # A missing path goes to the loader too, which words the error like any other.
        files += routine_files(target) if target.is_dir() else [target]
    for path in files:
        try:
            load_routine(path)
        except RoutineError as error:
            problems.extend(error.problems)
    if problems:
        return report(problems)
    print(f"ok: {len(files)} routine file{'s' if len(files) != 1 else ''}")
    return 0

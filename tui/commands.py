"""The text commands: list, show and check."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path
from typing import TYPE_CHECKING, Mapping

from .catalog import Entry, discover, routine_files
from .cells import cell_len, pad
from .engine.model import BreathPattern, Routine, Tempo
from .engine.plan import Step, StepKind, plan
from .engine.timefmt import clock_text, duration_text
from .engine.view import describe

if TYPE_CHECKING:
    from .engine.progression import Level
    from .loader import Problem

#: Exit status for bad input (bad routine files, unknown names).
BAD_INPUT = 2


#: The loader's own limit (tui.loader.MAX_BYTES; a test holds them equal), kept here so a
#: start from the cache never imports the loader.
ROUTINE_MAX_BYTES = 1024 * 1024


@dataclass
class Catalog:
    entries: dict[str, Entry] = field(default_factory=dict)
    routines: dict[str, Routine] = field(default_factory=dict)
    """The routines that loaded, by key."""
    broken: dict[str, list[Problem]] = field(default_factory=dict)
    """Every problem of each routine that did not load, by key."""
    warnings: list[str] = field(default_factory=list)
    """Folders that could not be read, one line each."""

    @property
    def problems(self) -> list[Problem]:
        return [p for found in self.broken.values() for p in found]


def load_catalog(folders: list[Path]) -> Catalog:
    """Every routine found, from the cache when its content is unchanged, else parsed.

    A routine with problems goes to ``broken`` and the others still load; never raises
    for anything in the files or folders.
    """
    from .routine_cache import RoutineCache, digest
    from .storage import Unreadable, read_bytes

    entries, warnings = discover(folders)
    catalog = Catalog(entries=entries, warnings=warnings)
    cache = RoutineCache.open()
    for key, entry in catalog.entries.items():
        try:
            data = read_bytes(entry.path, ROUTINE_MAX_BYTES)
        except Unreadable:
            data = None  # the loader reads it again and words the problem itself
        mark = digest(data) if data is not None else None
        routine = cache.get(entry.path, mark) if mark is not None else None
        if routine is None:
            # Only now: importing PyYAML and the loader is most of the cost of a start.
            from .loader import RoutineError, load_routine, load_text

            try:
                # The very bytes hashed are the ones parsed, so the cache can never pair a
                # digest with another version of the file.
                routine = load_routine(entry.path) if data is None else load_text(data, str(entry.path))
            except RoutineError as error:
                catalog.broken[key] = error.problems
                continue
            if mark is not None:
                cache.put(entry.path, mark, routine)
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


def warn(catalog: Catalog) -> None:
    """Say on stderr what could not be loaded; the routines that did are still used."""
    for line in catalog.warnings:
        print(line, file=sys.stderr)
    if not catalog.broken:
        return
    for problem in catalog.problems:
        print(problem, file=sys.stderr)
    names = ", ".join(catalog.broken)
    noun = "routine has" if len(catalog.broken) == 1 else "routines have"
    print(f"lumbar: {len(catalog.broken)} {noun} problems and {'is' if len(catalog.broken) == 1 else 'are'} "
          f"left out: {names}", file=sys.stderr)


def find(catalog: Catalog, name: str) -> Routine | None:
    """The routine called ``name`` (its key or its name, in any case), or None after
    saying on stderr why there is none."""
    name = key_for(catalog, name)
    routine = catalog.routines.get(name)
    if routine is None and name in catalog.broken:
        for problem in catalog.broken[name]:
            print(problem, file=sys.stderr)
        print(f"lumbar: routine '{name}' has problems (above); fix them and run it again", file=sys.stderr)
    elif routine is None:
        hint = get_close_matches(name, list(catalog.routines), n=1)
        extra = f"; did you mean '{hint[0]}'?" if hint else "; `lumbar list` shows them all"
        print(f"lumbar: no routine named '{name}'{extra}", file=sys.stderr)
    return routine


def key_for(catalog: Catalog, name: str) -> str:
    """The catalog key ``name`` means: itself when it is one, else the key or routine name
    it equals without case (`DESK-BREAK`, `Desk break`); unchanged when none does."""
    if name in catalog.entries:
        return name
    wanted = name.strip().casefold()
    for key in catalog.entries:
        routine = catalog.routines.get(key)
        if key.casefold() == wanted or (routine is not None and routine.name.casefold() == wanted):
            return key
    return name


def list_routines(catalog: Catalog) -> int:
    rows = []
    for key, entry in catalog.entries.items():
        origin = entry.origin if entry.overrides is None else f"{entry.origin} (overrides {entry.overrides})"
        routine = catalog.routines.get(key)
        if routine is None:
            rows.append((key, "problems", origin, f"not loaded: `lumbar check {entry.path}`", entry.path.name))
            continue
        positions = ", ".join(p.label for p in routine.positions)
        rows.append((key, duration_text(plan(routine).total), origin, positions, routine.name))
    if not rows:
        print("No routines found.")
        return 0
    width = max(cell_len(r[0]) for r in rows)
    for key, length, origin, positions, name in rows:
        print(f"{pad(key, width)}  {length:>10}  {name}")
        print(f"{'':<{width}}  {'':>10}  {origin}; {positions}")
    return 0


def show(catalog: Catalog, name: str) -> int:
    routine = find(catalog, name)
    if routine is None:
        return BAD_INPUT
    from .dosing import current_levels

    print("\n".join(timeline_lines(routine, levels=current_levels(routine))))
    return 0


def timeline_lines(routine: Routine, easier: frozenset[int] = frozenset(),
                   levels: Mapping[str, Level] | None = None) -> list[str]:
    """The routine's expanded timeline as text lines: a heading with its total time, the
    description, each ranged exercise's dose now and its range (``levels``, from the
    history), then each step's start, name, length and detail (``lumbar show``, and the
    routine list's timeline)."""
    from .dosing import dose_lines

    timeline = plan(routine, easier, levels)
    lines = [f"{routine.name}: {duration_text(timeline.total)}, {len(timeline.steps)} steps"]
    if routine.description:
        lines.append(routine.description)
    if levels:
        lines += ["", "Dose now, and the range it grows in:", *dose_lines(routine, levels)]
    lines.append("")
    at = 0.0
    width = max((cell_len(describe(step)) for step in timeline.steps), default=0)
    for step in timeline.steps:
        lines.append(f"{clock_text(at):>7}  {pad(describe(step), width)}  {_length(step):>8}  {_detail(step)}".rstrip())
        at += step.planned
    lines.append(f"{clock_text(at):>7}  Done")
    return lines


def _length(step: Step) -> str:
    return "tap" if step.duration is None else duration_text(step.duration)


def _detail(step: Step) -> str:
    parts: list[str] = []
    if step.kind.is_work and step.sets > 1:
        parts.append(f"set {step.set_no}/{step.sets}")
    if step.rounds > 1 and step.kind.is_work:
        parts.append(f"round {step.round_no}/{step.rounds}")
    if step.breaths is not None and step.breath is not None:
        parts.append(f"{step.breaths} breaths ({breath_text(step.breath)})")
    elif step.kind is StepKind.HOLD and step.breath is not None:
        parts.append(f"breathe {breath_text(step.breath)}")
    if step.reps is not None:
        pace = tempo_text(step.tempo) if step.tempo else "tap to count"
        parts.append(f"{step.reps} reps, {pace}")
    if step.easier:
        parts.append("easier")
    return "; ".join(parts)


def tempo_text(tempo: Tempo) -> str:
    """A tempo as the format writes it: ``2-1-2``, or ``2-5-4-2`` when it has a pause."""
    parts = (tempo.lift, tempo.hold, tempo.lower) + ((tempo.pause,) if tempo.pause else ())
    return "-".join(f"{x:g}" for x in parts)


def breath_text(pattern: BreathPattern) -> str:
    """A breath as a user names it: ``box 4-4-4-4``; a preset named by its own numbers
    (``4-7-8``) once, not twice."""
    label = pattern.label
    return pattern.name if pattern.name and label == f"{pattern.name} {pattern.name}" else label


def check(targets: list[Path]) -> int:
    from .loader import Problem, RoutineError, load_routine

    files: list[Path] = []
    problems: list[Problem] = []
    for target in targets:
        # A missing path goes to the loader too, which words the error like any other.
        try:
            files += routine_files(target) if target.is_dir() else [target]
        except OSError as exc:
            problems.append(Problem(str(target), 0, 0, "", f"cannot read this folder: {exc.strerror or exc}"))
    for path in files:
        if _special(path):  # a pipe or device would make the read wait, or never end
            problems.append(Problem(str(path), 0, 0, "", "cannot read: not a regular file"))
            continue
        try:
            load_routine(path)
        except RoutineError as error:
            problems.extend(error.problems)
    if problems:
        return report(problems)
    print(f"ok: {len(files)} routine file{'s' if len(files) != 1 else ''}")
    return 0


def _special(path: Path) -> bool:
    """True for something that exists but is neither a regular file nor a folder."""
    import stat

    try:
        mode = path.stat().st_mode
    except OSError:
        return False  # missing or unreachable: the loader words it
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))

"""`lumbar list`, `lumbar show` and `lumbar check`: the routines as text."""

from __future__ import annotations

import sys
from difflib import get_close_matches
from pathlib import Path
from typing import TYPE_CHECKING

from tui.services.catalog import Catalog, routine_files
from tui.services.cells import cell_len, pad
from tui.services.timeline import timeline_lines
from tui.engine.routine.model import Routine
from tui.engine.routine.plan import plan
from tui.engine.timefmt import duration_text

if TYPE_CHECKING:
    from tui.services.loader import Problem

#: Exit status for bad input (bad routine files, unknown names).
BAD_INPUT = 2


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
    from tui.services.figure_style import figure_style
    from tui.services.store.dosing import current_levels

    try:
        style = figure_style()
    except ValueError as error:
        print(f"lumbar: {error}", file=sys.stderr)
        return BAD_INPUT
    print("\n".join(timeline_lines(routine, levels=current_levels(routine), figures=style)))
    return 0


#: Files `lumbar check` reads as a plan rather than a routine (tui/services/plan_file.py).
PLAN_NAMES = ("plan.yaml", "plan.yml")


def check(targets: list[Path], plan: bool = False, folders: list[Path] | None = None) -> int:
    """Validate routine files and folders, and plans: a file named plan.yaml (or the plan in
    force, with `plan`) is read as a plan whose routines must exist (shipped, the user's,
    or in `folders`). 0 when all is clean, else every problem on stderr and BAD_INPUT."""
    from tui.services.loader import Problem, RoutineError, load_routine

    files: list[Path] = []
    problems: list[Problem] = []
    plans: list[Path] = []
    if plan:
        from tui.services.plan_file import plan_path

        plans.append(plan_path())
    plans += [t for t in targets if t.name in PLAN_NAMES and not t.is_dir()]
    targets = [t for t in targets if t not in plans]
    for target in targets:
        # A missing path goes to the loader too, which words the error like any other.
        try:
            files += routine_files(target) if target.is_dir() else [target]
        except OSError as exc:
            problems.append(Problem(str(target), 0, 0, "", f"cannot read this folder: {exc.strerror or exc}"))
    plans += [f for f in files if f.name in PLAN_NAMES and f not in plans]
    files = [f for f in files if f.name not in PLAN_NAMES]
    for path in files:
        if _special(path):  # a pipe or device would make the read wait, or never end
            problems.append(Problem(str(path), 0, 0, "", "cannot read: not a regular file"))
            continue
        try:
            load_routine(path)
        except RoutineError as error:
            problems.extend(error.problems)
    if plans:
        problems += _check_plans(plans, folders or [])
    if problems:
        return report(problems)
    said = [f"{len(files)} routine file{'s' if len(files) != 1 else ''}"] if files or not plans else []
    said += [f"{len(plans)} plan{'s' if len(plans) != 1 else ''}"] if plans else []
    print(f"ok: {' and '.join(said)}")
    return 0


def _check_plans(plans: list[Path], folders: list[Path]) -> list[Problem]:
    """Every problem of the plan files: their format, and routines that do not exist."""
    from tui.services.catalog import discover
    from tui.services.loader import Problem, RoutineError
    from tui.services.loader.plan import load_plan

    known, _ = discover(folders)
    problems: list[Problem] = []
    for path in plans:
        if _special(path):
            problems.append(Problem(str(path), 0, 0, "", "cannot read: not a regular file"))
            continue
        try:
            load_plan(path, known)
        except RoutineError as error:
            problems.extend(error.problems)
    return problems


def _special(path: Path) -> bool:
    """True for something that exists but is neither a regular file nor a folder."""
    import stat

    try:
        mode = path.stat().st_mode
    except OSError:
        return False  # missing or unreachable: the loader words it
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))

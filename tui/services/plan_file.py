"""Where the plan lives (plan.yaml beside the user's sessions folder) and reading it so a
bad plan never stops anything: its problems are kept beside a plan of None.

The file is read only when something asks (the history screen, the break scheduler,
`lumbar check`): a start without a plan file never imports the YAML parser for it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from tui.engine.frozen import frozen
from tui.services import paths

if TYPE_CHECKING:
    from tui.engine.plan.model import Plan
    from tui.services.loader import Problem

#: The file's name in the config folder, beside `sessions/`.
NAME = "plan.yaml"


def plan_path() -> Path:
    """`plan.yaml` in the config folder (`~/.config/lumbar/plan.yaml` on Linux;
    LUMBAR_CONFIG_DIR overrides the folder)."""
    return paths.config_dir() / NAME


@frozen
class PlanFile:
    """What reading the plan file gave: the plan, or the problems that keep it unused."""

    path: Path
    plan: Plan | None = None
    problems: tuple[Problem, ...] = field(default_factory=tuple)


def read_plan(path: Path | None = None, routines: Collection[str] | None = None) -> PlanFile | None:
    """The plan file at `path` (default `plan_path()`), or None when there is none.

    `routines`: the routine keys that loaded; a plan naming another is a problem. Never
    raises for anything in the file: its problems come back in `problems`, plan None.
    """
    path = path or plan_path()
    try:
        if not path.exists():
            return None
    except OSError:
        return None
    from tui.services.loader import RoutineError
    from tui.services.loader.plan import load_plan

    try:
        return PlanFile(path, load_plan(path, routines))
    except RoutineError as error:
        return PlanFile(path, None, tuple(error.problems))

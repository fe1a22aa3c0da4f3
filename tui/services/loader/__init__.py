"""Loads routine YAML files into the engine's model, reporting every problem with its place."""

from __future__ import annotations

from pathlib import Path

from tui.engine.routine.model import Routine
from tui.services.loader.build import EASIER_KEYS, EXERCISE_KEYS, REST_KEYS, ROUTINE_KEYS, build_routine
from tui.services.loader.errors import Problem, Reporter, RoutineError
from tui.services.loader.fields import BREATH_KEYS, POSITIONS, PRESETS, TEMPO_KEYS, format_duration, parse_duration
from tui.services.loader.ranges import RANGE_KEYS
from tui.services.loader.source import LOADER, MAX_BYTES, compose, decode, read_file

__all__ = [
    "BREATH_KEYS", "EASIER_KEYS", "EXERCISE_KEYS", "LOADER", "MAX_BYTES", "POSITIONS", "PRESETS",
    "Problem", "RANGE_KEYS", "REST_KEYS", "ROUTINE_KEYS", "RoutineError", "TEMPO_KEYS", "format_duration",
    "load_routine", "load_text", "parse_duration",
]


def _load(data: str | bytes, rep: Reporter, key: str, source: str) -> Routine:
    text = decode(data, rep)
    root = compose(text, rep) if text is not None else None
    routine = build_routine(rep, root, key, source) if root is not None else None
    if rep or routine is None:
        raise rep.error()
    return routine


def load_text(text: str | bytes, source: str) -> Routine:
    """The routine in ``text``; ``source`` names it in messages and gives its key (the stem).

    Raises RoutineError, and only RoutineError, listing every problem found.
    """
    return _load(text, Reporter(source), Path(source).stem, source)


def load_routine(path: Path) -> Routine:
    """The routine in the file at ``path``; raises RoutineError for any problem, unreadable files too."""
    rep = Reporter(str(path))
    data = read_file(Path(path), rep)
    if data is None:
        raise rep.error()
    return _load(data, rep, Path(path).stem, str(path))

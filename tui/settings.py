"""What lumbar remembers between runs: user settings and per-routine easier choices."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from pathlib import Path

from . import paths
from .engine.model import Routine
from .storage import read_json, write_json


@dataclass
class Settings:
    voice: bool = False
    """Speak cues when a speech tool is installed."""
    checkins: bool = True
    """Ask "how is your back right now?" (0-10) before and after a routine."""
    two_week_rule: bool = True
    """Advise seeing a doctor when two weeks of check-ins show no improvement."""
    progression_question: bool = True
    """After a routine with ranges: too easy, about right or too hard? (moves the dose)."""


def load_settings() -> Settings:
    data = read_json(paths.config_dir() / "settings.json", {})
    known = {f.name for f in fields(Settings)}
    if not isinstance(data, dict):
        return Settings()
    values = {k: v for k, v in data.items() if k in known and isinstance(v, bool)}
    return Settings(**values)


def save_settings(settings: Settings) -> None:
    write_json(paths.config_dir() / "settings.json", asdict(settings))


def _easier_file() -> Path:
    return paths.data_dir() / "easier.json"


def remembered_easier(routine: Routine) -> frozenset[int]:
    """Exercises the user made easier last time (by name, so edits to the file do not confuse it)."""
    data = read_json(_easier_file(), {})
    names = data.get(routine.key, []) if isinstance(data, dict) else []
    if not isinstance(names, list):
        return frozenset()
    return frozenset(i for i, ex in enumerate(routine.exercises) if ex.name in names and ex.easier)


def remember_easier(routine: Routine, indices: frozenset[int]) -> None:
    data = read_json(_easier_file(), {})
    if not isinstance(data, dict):
        data = {}
    data[routine.key] = sorted({routine.exercises[i].name for i in indices})
    write_json(_easier_file(), data)

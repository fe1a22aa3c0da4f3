"""What lumbar remembers between runs: user settings and per-routine easier choices.

Neither file is ever a reason to stop: an unreadable one is reported, moved aside and
replaced by defaults (see ``storage.read_state``), and a choice that cannot be saved is
kept until lumbar closes. Each warning is given once per run.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from . import paths
from .engine.model import Routine
from .storage import read_state, write_json, write_state


@dataclass
class Settings:
    voice: bool = False
    """Speak cues when a speech tool is installed."""
    checkins: bool = True
    """Ask "how is your back right now?" (0-10) before and after a routine."""
    two_week_rule: bool = True
    """Advise seeing a doctor when two weeks of check-ins show no improvement."""


_said: set[str] = set()
"""Warnings already given this run."""
_pending: list[str] = []
"""Warnings found where nothing could show them, for the next caller that can."""
_kept: dict[tuple[str, str], list[str]] = {}
"""Easier choices made this run, by (file, routine key): they hold even when not saved."""


def _once(messages: list[str | None]) -> list[str]:
    fresh = [m for m in dict.fromkeys(messages) if m and m not in _said]
    _said.update(fresh)
    return fresh


def _settings_file() -> Path:
    return paths.config_dir() / "settings.json"


def _is_object(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError(f"expected a JSON object, found {type(value).__name__}")
    return value


def read_settings() -> tuple[Settings, list[str]]:
    """The user's settings and any warnings about the file (each given once per run).

    An unreadable file gives the defaults; a known key with the wrong type, or an
    unknown key, is ignored with a warning and the file left for the user to fix.
    """
    path = _settings_file()
    data, problem = read_state(path, {}, _is_object)
    notes: list[str | None] = [problem]
    types = {f.name: f.type for f in fields(Settings)}
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in types:
            hint = get_close_matches(str(key), list(types), n=1)
            notes.append(f"{path}: unknown setting '{key}'" + (f"; did you mean '{hint[0]}'?" if hint else ""))
        elif not isinstance(value, bool):
            notes.append(f"{path}: '{key}' should be true or false; using the default")
        else:
            values[key] = value
    return Settings(**values), _once(notes)


def load_settings() -> Settings:
    """The user's settings; warnings about the file are kept for ``take_warnings``."""
    settings, notes = read_settings()
    _pending.extend(notes)
    return settings


def take_warnings() -> list[str]:
    """Warnings not yet shown (a damaged easier.json found on reading, say)."""
    found = list(_pending)
    _pending.clear()
    return found


def save_settings(settings: Settings) -> None:
    write_json(_settings_file(), asdict(settings))


def _easier_file() -> Path:
    return paths.data_dir() / "easier.json"


def _easier_map(value: Any) -> dict[str, list[str]]:
    for key, names in _is_object(value).items():
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise TypeError(f"'{key}' is not a list of exercise names")
    return value


def _read_easier() -> dict[str, list[str]]:
    data, problem = read_state(_easier_file(), {}, _easier_map)
    _pending.extend(_once([problem]))
    return data


def check_easier() -> list[str]:
    """Read the easier file once so a damaged one is reported (and moved aside) at start."""
    _read_easier()
    return take_warnings()


def remembered_easier(routine: Routine) -> frozenset[int]:
    """Exercises the user made easier last time (by name, so edits to the file do not confuse it).

    Never raises; a warning about the file waits in ``take_warnings``.
    """
    names = _kept.get((str(_easier_file()), routine.key))
    if names is None:
        names = _read_easier().get(routine.key, [])
    return frozenset(i for i, ex in enumerate(routine.exercises) if ex.name in names and ex.easier)


def remember_easier(routine: Routine, indices: frozenset[int]) -> str | None:
    """Save which exercises of ``routine`` are easier now; never raises.

    Returns a warning to show the user, or None: why the choice could not be saved (it
    still holds until lumbar closes), plus any waiting warning. Each is returned once.
    """
    path = _easier_file()
    names = sorted({routine.exercises[i].name for i in indices})
    _kept[(str(path), routine.key)] = names
    data = _read_easier()
    data[routine.key] = names
    why = write_state(path, data)
    failed = f"Could not save the easier choice ({why}); it holds until lumbar closes." if why else None
    return " ".join(take_warnings() + _once([failed])) or None

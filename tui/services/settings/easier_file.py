"""Per-routine easier choices in ``easier.json``, for a lumbar that keeps no history.

With the store (tui/services/store) the choices live there, and the file is imported once. The file
is never a reason to stop: an unreadable one is reported, moved aside and replaced by
defaults (see ``storage.read_state``), and a choice that cannot be saved is kept until
lumbar closes. Warnings go through the settings' once-per-run list.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tui.services import paths
from tui.engine.routine.model import Routine
from tui.services.settings.current import _is_object, _kept, _once, _pending, take_warnings
from tui.services.storage import read_state, write_state


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

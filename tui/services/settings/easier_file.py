"""Per-routine easier choices in ``easier.json``, for a lumbar that keeps no history.

With the store (tui/services/store) the choices live there, and the file is imported once. The file
is never a reason to stop: an unreadable one is reported, moved aside and replaced by
defaults (see ``storage.read_state``), and a choice that cannot be saved is kept until
lumbar closes. Warnings go through the run's memory (tui.services.settings.current.RunMemory),
each once; a caller that passes none gets a fresh memory.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tui.services import paths
from tui.engine.routine.model import Routine
from tui.services.settings.current import RunMemory, _is_object
from tui.services.storage import read_state, write_state


def _easier_file() -> Path:
    return paths.data_dir() / "easier.json"


def _easier_map(value: Any) -> dict[str, list[str]]:
    for key, names in _is_object(value).items():
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise TypeError(f"'{key}' is not a list of exercise names")
    return value


def _read_easier(memory: RunMemory) -> dict[str, list[str]]:
    data, problem = read_state(_easier_file(), {}, _easier_map)
    memory.pending.extend(memory.once([problem]))
    return data


def check_easier(memory: RunMemory | None = None) -> list[str]:
    """Read the easier file once so a damaged one is reported (and moved aside) at start."""
    memory = memory if memory is not None else RunMemory()
    _read_easier(memory)
    return memory.take_warnings()


def remembered_easier(routine: Routine, memory: RunMemory | None = None) -> frozenset[int]:
    """Exercises the user made easier last time (by name, so edits to the file do not confuse it).

    Never raises; a warning about the file waits in the memory's ``take_warnings``.
    """
    memory = memory if memory is not None else RunMemory()
    names = memory.kept.get((str(_easier_file()), routine.key))
    if names is None:
        names = _read_easier(memory).get(routine.key, [])
    return frozenset(i for i, ex in enumerate(routine.exercises) if ex.name in names and ex.easier)


def remember_easier(routine: Routine, indices: frozenset[int],
                    memory: RunMemory | None = None) -> str | None:
    """Save which exercises of ``routine`` are easier now; never raises.

    Returns a warning to show the user, or None: why the choice could not be saved (it
    still holds until lumbar closes), plus any waiting warning. Each is returned once.
    """
    memory = memory if memory is not None else RunMemory()
    path = _easier_file()
    names = sorted({routine.exercises[i].name for i in indices})
    memory.kept[(str(path), routine.key)] = names
    data = _read_easier(memory)
    data[routine.key] = names
    why = write_state(path, data)
    failed = f"Could not save the easier choice ({why}); it holds until lumbar closes." if why else None
    return " ".join(memory.take_warnings() + memory.once([failed])) or None

"""Finding routines: shipped ones, the user's own, and any --sessions folder.

A later source overrides an earlier one with the same name, so a user can copy a shipped
routine into their config dir and change it. A folder that cannot be read is reported
and skipped; the others are still found.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tui.engine.frozen import frozen
from tui.services import paths

if TYPE_CHECKING:
    from tui.engine.routine.model import Routine
    from tui.services.loader import Problem


@frozen
class Entry:
    key: str
    path: Path
    origin: str
    """'shipped', 'user' (config dir) or 'folder' (--sessions)."""
    overrides: str | None = None
    """The origin of the routine this one replaces, if any."""


def routine_files(folder: Path) -> list[Path]:
    """The .yaml and .yml files in ``folder`` (following symlinks), by name.

    Raises OSError when the folder cannot be listed: missing, not a folder, or denied.
    """
    with os.scandir(folder) as listing:
        found = [Path(e.path) for e in listing
                 if e.name.endswith((".yaml", ".yml")) and _is_file(e)]
    return sorted(found)


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def discover(extra: list[Path] | None = None) -> tuple[dict[str, Entry], list[str]]:
    """Every routine file by key, and a warning for each folder that could not be read.

    The user's own folder may be missing without a word; a --sessions folder may not.
    """
    sources = [("shipped", paths.shipped_sessions()), ("user", paths.user_sessions())]
    sources += [("folder", folder) for folder in extra or []]
    found: dict[str, Entry] = {}
    warnings: list[str] = []
    for origin, folder in sources:
        try:
            files = routine_files(folder)
        except FileNotFoundError:
            if origin != "user":
                what = "--sessions folder" if origin == "folder" else "folder of shipped routines"
                warnings.append(f"lumbar: {what} {folder} does not exist; skipped")
            continue
        except OSError as exc:
            warnings.append(f"lumbar: cannot read routines in {folder} ({exc.strerror or exc}); skipped")
            continue
        for path in files:
            earlier = found.get(path.stem)
            found[path.stem] = Entry(path.stem, path, origin, earlier.origin if earlier else None)
    return dict(sorted(found.items())), warnings


#: The loader's own limit (tui.services.loader.MAX_BYTES; a test holds them equal), kept here so a
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
    from tui.services.routine_cache import RoutineCache, digest
    from tui.services.storage import Unreadable, read_bytes

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
            from tui.services.loader import RoutineError, load_routine, load_text

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
    cache.forget_missing()
    cache.save()
    return catalog

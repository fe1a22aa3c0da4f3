"""Finding routines: shipped ones, the user's own, and any --sessions folder.

A later source overrides an earlier one with the same name, so a user can copy a shipped
routine into their config dir and change it. A folder that cannot be read is reported
and skipped; the others are still found.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from . import paths


@dataclass(frozen=True)
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

"""Finding routines: shipped ones, the user's own, and any --sessions folder.

A later source overrides an earlier one with the same name, so a user can copy a shipped
routine into their config dir and change it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import paths

ORIGINS = ("shipped", "user", "folder")


@dataclass(frozen=True)
class Entry:
    key: str
    path: Path
    origin: str
    """'shipped', 'user' (config dir) or 'folder' (--sessions)."""
    overrides: str | None = None
    """The origin of the routine this one replaces, if any."""


def routine_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def discover(extra: list[Path] | None = None) -> dict[str, Entry]:
    sources = [("shipped", paths.shipped_sessions()), ("user", paths.user_sessions())]
    sources += [("folder", folder) for folder in extra or []]
    found: dict[str, Entry] = {}
    for origin, folder in sources:
        for path in routine_files(folder):
            earlier = found.get(path.stem)
            found[path.stem] = Entry(path.stem, path, origin, earlier.origin if earlier else None)
    return dict(sorted(found.items()))

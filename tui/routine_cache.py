"""Routines already checked, kept as JSON so a start-up need not parse YAML again.

Importing PyYAML and the loader and parsing every routine took about 40 ms of each start
(a bare Textual app needs about 270 ms in all), so ``lumbar`` and ``lumbar run`` read
routines from here and only parse a file whose size or modification time changed. An
entry is also dropped when the loader or the model changes, so a new version never
trusts an old reading. Files with problems are never kept: they are parsed, and
reported, every time. ``lumbar check`` always parses.

It is only a cache: anything odd about it (missing, unreadable, another version, a
record that does not rebuild) means the file is parsed as if it were not there.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from . import paths
from .engine.model import BreathPattern, Dose, Exercise, Kind, Position, Ranges, Routine, Span, Tempo
from .storage import write_atomic

FORMAT = 2
"""2: exercises may carry ranges (reps, sets, hold)."""
_CODE = ("loader", "engine/model.py", "schema.json")
"""What decides how a file reads: the loader, the model it builds, the schema."""


def code_stamp() -> str:
    """Changes whenever a file that decides how a routine reads changes."""
    root = Path(__file__).parent
    files: list[Path] = []
    for name in _CODE:
        path = root / name
        files += sorted(path.glob("*.py")) if path.is_dir() else [path]
    marks = [f"{p.name}:{_file_mark(p)}" for p in files if p.exists()]
    return f"{FORMAT}|" + "|".join(marks)


class RoutineCache:
    def __init__(self, path: Path, stamp: str, entries: dict[str, Any]) -> None:
        self.path = path
        self._stamp = stamp
        self._entries = entries
        self._changed = False

    @classmethod
    def open(cls, path: Path | None = None) -> RoutineCache:
        path = path or paths.cache_dir() / "routines.json"
        stamp = code_stamp()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entries = data["routines"] if data.get("stamp") == stamp else {}
            if not isinstance(entries, dict):
                entries = {}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            entries = {}
        return cls(path, stamp, entries)

    def get(self, file: Path) -> Routine | None:
        """The routine read from ``file`` before, if the file has not changed since."""
        entry = self._entries.get(str(file))
        if entry is None:
            return None
        try:
            if entry["file"] != _file_mark(file):
                return None
            return from_record(entry["routine"])
        except (OSError, KeyError, TypeError, ValueError, AttributeError):
            return None

    def put(self, file: Path, routine: Routine) -> None:
        try:
            mark = _file_mark(file)
        except OSError:
            return
        self._entries[str(file)] = {"file": mark, "routine": asdict(routine)}
        self._changed = True

    def save(self) -> None:
        """Write the cache if anything was added (atomically; a failure is ignored)."""
        if not self._changed:
            return
        text = json.dumps({"stamp": self._stamp, "routines": self._entries}, separators=(",", ":"))
        try:
            write_atomic(self.path, text)
        except OSError:
            return
        self._changed = False


def _file_mark(file: Path) -> list[int]:
    stat = file.stat()
    return [stat.st_size, stat.st_mtime_ns]


def from_record(data: dict[str, Any]) -> Routine:
    """A Routine from ``dataclasses.asdict(routine)`` after a JSON round trip."""
    return Routine(**{
        **data,
        "exercises": tuple(_exercise(e) for e in data["exercises"]),
        "breath": _optional(BreathPattern, data["breath"]),
        "stop_if": tuple(data["stop_if"]),
        "tags": tuple(data["tags"]),
    })


def _exercise(data: dict[str, Any]) -> Exercise:
    return Exercise(**{
        **data,
        "kind": Kind(data["kind"]),
        "dose": Dose(**data["dose"]),
        "position": None if data["position"] is None else Position(data["position"]),
        "tempo": _optional(Tempo, data["tempo"]),
        "breath": _optional(BreathPattern, data["breath"]),
        "stop_if": tuple(data["stop_if"]),
        "easier": _optional(Dose, data["easier"]),
        "ranges": _ranges(data["ranges"]),
    })


def _ranges(data: dict[str, Any] | None) -> Ranges | None:
    if data is None:
        return None
    return Ranges(**{part: _optional(Span, value) for part, value in data.items()})


def _optional(kind: Any, data: dict[str, Any] | None) -> Any:
    return None if data is None else kind(**data)

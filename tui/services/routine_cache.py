"""Routines already checked, kept as JSON so a start-up need not parse YAML again.

Importing PyYAML and the loader and parsing every routine took about 40 ms of each start
(a bare Textual app needs about 270 ms in all), so ``lumbar`` and ``lumbar run`` read
routines from here. An entry is keyed on a hash of the very bytes the loader parsed, so a
file saved while it was being read, or edited with its size and time kept (``cp -p``,
``rsync -t``), is never served from an older reading; reading and hashing a routine costs
microseconds where parsing it costs milliseconds. An entry is also dropped when the loader
or the model changes, so a new version never trusts an old reading. Files with problems
are never kept: they are parsed, and reported, every time. ``lumbar check`` always parses.

It is only a cache, read as possibly hostile: a file that is too large, not JSON, nested
too deeply, whose checksum does not match, or a record of the wrong shape or types, means
the routine is parsed as if the cache were not there (and the cache is rewritten).
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict
from pathlib import Path
from typing import Any, Callable

from tui.services import paths
from tui.engine.routine.model import (
    BreathPattern, Dose, Exercise, Kind, Position, Ranges, Routine, Span, Tempo,
)
from tui.services.storage import Unreadable, parse_json, read_bytes, write_atomic

try:
    # hashlib's own BLAKE2 backend: importing hashlib loads OpenSSL too, which cost about
    # 8 ms of every start here.
    from _blake2 import blake2b
except ImportError:  # another Python implementation
    from hashlib import blake2b

FORMAT = 4
"""3: exercises may carry ranges (reps, sets, hold), and records are checked field by field;
4: and a pose (a shipped pose's name, or key poses)."""
#: 500 routines take about 2 MB; a cache far larger than that is not ours.
MAX_CACHE_BYTES = 64 * 1024 * 1024
_CODE = ("services/loader", "engine/routine/model.py", "engine/care/signs.py", "engine/figure/pose.py",
         "engine/figure/names.py")
"""What decides how a file reads: the loader, the model it builds, the shared stop lines, the schema."""


def digest(data: bytes) -> str:
    """A content key for ``data`` (BLAKE2b, 128 bits, hex)."""
    return blake2b(data, digest_size=16).hexdigest()


def code_stamp() -> str:
    """Changes whenever a file that decides how a routine reads changes."""
    root = Path(__file__).resolve().parent.parent  # tui/
    files: list[Path] = []
    for name in _CODE:
        path = root / name
        files += sorted([*path.glob("*.py"), *path.glob("*.json")]) if path.is_dir() else [path]
    marks = [f"{p.name}:{_file_mark(p)}" for p in files if p.exists()]
    return f"{FORMAT}|" + "|".join(marks)


class RoutineCache:
    """Routines by file path and content digest; ``open`` it, ``get``/``put``, then ``save``."""

    def __init__(self, path: Path, stamp: str, entries: dict[str, Any]) -> None:
        self.path = path
        self._stamp = stamp
        self._entries = entries
        self._changed = False
        self._asked: set[str] = set()
        """The files asked for this run; the others are checked for by `forget_missing`."""

    @classmethod
    def open(cls, path: Path | None = None) -> RoutineCache:
        """The cache at ``path`` (default: the user's cache dir); empty when unusable. Never raises."""
        path = path or paths.cache_dir() / "routines.json"
        stamp = code_stamp()
        try:
            entries = _read(path, stamp)
        except (Unreadable, ValueError, TypeError, KeyError, RecursionError):
            entries = {}
        return cls(path, stamp, entries)

    def get(self, file: Path, key: str) -> Routine | None:
        """The routine read from ``file`` before when its content digest was ``key``."""
        self._asked.add(str(file))
        entry = self._entries.get(str(file))
        if not isinstance(entry, dict) or entry.get("digest") != key:
            return None
        try:
            return from_record(entry["routine"])
        except (KeyError, TypeError, ValueError, RecursionError):
            return None

    def put(self, file: Path, key: str, routine: Routine) -> None:
        """Keep ``routine``, parsed from the bytes of ``file`` whose digest is ``key``."""
        self._asked.add(str(file))
        self._entries[str(file)] = {"digest": key, "routine": asdict(routine)}
        self._changed = True

    def forget_missing(self) -> None:
        """Drop the entries of files not asked for this run that are gone from the disk.

        Every start reads the whole cache, so entries for a folder that no longer exists (a
        `--sessions` folder since deleted, a temporary one) would slow every start for good:
        500 of them made the file 2 MB and a start ~20 ms slower. A file still there keeps
        its entry for the next run that reads its folder. Costs one `stat` per entry not
        asked for, which a start that reads the same folders as the last one has none of.
        """
        gone = [name for name in self._entries if name not in self._asked and not Path(name).exists()]
        for name in gone:
            del self._entries[name]
        self._changed = self._changed or bool(gone)

    def save(self) -> None:
        """Write the cache if anything was added (atomically; a failure is ignored)."""
        if not self._changed:
            return
        body = json.dumps(self._entries, separators=(",", ":"))
        head = json.dumps({"stamp": self._stamp, "body": digest(body.encode("utf-8"))})
        try:
            write_atomic(self.path, f"{head}\n{body}")
        except OSError:
            return
        self._changed = False


def _read(path: Path, stamp: str) -> dict[str, Any]:
    """The entries in the cache file, if it is whole and written by this code; else {}."""
    data = read_bytes(path, MAX_CACHE_BYTES)
    if data is None:
        return {}
    head, _, body = data.partition(b"\n")
    header = parse_json(head)
    if not isinstance(header, dict) or header.get("stamp") != stamp or header.get("body") != digest(body):
        return {}
    entries = parse_json(body)
    return entries if isinstance(entries, dict) else {}


def _file_mark(file: Path) -> list[int]:
    stat = file.stat()
    return [stat.st_size, stat.st_mtime_ns]


# -- rebuilding a record, checking every value as the loader would have made it ------------

Check = Callable[[Any], Any]
_NUMBER = (int, float)


def _text(value: Any) -> str:
    if type(value) is not str:
        raise TypeError(f"expected text, found {type(value).__name__}")
    return value


def _seconds(value: Any) -> float:
    # One chained comparison refuses negatives, NaN (false for every comparison) and infinity.
    if type(value) not in _NUMBER or not 0 <= value < math.inf:
        raise ValueError(f"expected a number of seconds, found {value!r}")
    return value


def _count(value: Any) -> int:
    if type(value) is not int or value < 0:
        raise ValueError(f"expected a count, found {value!r}")
    return value


def _flag(value: Any) -> bool:
    if type(value) is not bool:
        raise TypeError(f"expected true or false, found {value!r}")
    return value


def _optional(check: Check) -> Check:
    return lambda value: None if value is None else check(value)


def _texts(value: Any) -> tuple[str, ...]:
    if type(value) is not list:
        raise TypeError(f"expected a list, found {type(value).__name__}")
    return tuple(_text(v) for v in value)


FIELDS: dict[type, tuple[str, ...]] = {}
"""The fields each record check expects, by model class (a test holds them to the model)."""


def _record(cls: type, spec: dict[str, Check]) -> Check:
    FIELDS[cls] = tuple(spec)
    keys, checks = spec.keys(), tuple(spec.items())

    def build(value: Any) -> Any:
        if type(value) is not dict or value.keys() != keys:
            raise ValueError(f"not a {cls.__name__} record")
        return cls(**{name: check(value[name]) for name, check in checks})

    return build


def _member(kind: type) -> Check:
    """An enum member by value; a dict lookup, as Enum(value) costs several times more."""
    members = {m.value: m for m in kind}  # type: ignore[attr-defined]
    return lambda value: members[_text(value)]


_BREATH = _record(BreathPattern, {"inhale": _seconds, "hold": _seconds, "exhale": _seconds,
                                  "hold_out": _seconds, "name": _text})
_TEMPO = _record(Tempo, {"lift": _seconds, "hold": _seconds, "lower": _seconds, "pause": _seconds,
                         "names": _texts})
_DOSE = _record(Dose, {"hold_seconds": _optional(_seconds), "hold_breaths": _optional(_count),
                       "reps": _optional(_count), "sets": _count, "set_rest": _seconds})
_SPAN = _record(Span, {"low": _seconds, "high": _seconds, "step": _seconds})
_RANGES = _record(Ranges, {"reps": _optional(_SPAN), "sets": _optional(_SPAN), "hold": _optional(_SPAN)})
_EXERCISE = _record(Exercise, {
    "name": _text, "kind": _member(Kind), "dose": _DOSE, "cue": _text,
    "position": _optional(_member(Position)), "sides": _flag,
    "tempo": _optional(_TEMPO), "breath": _optional(_BREATH), "stop_if": _texts,
    "easier": _optional(_DOSE), "rest_seconds": _optional(_seconds), "line": _count,
    "ranges": _optional(_RANGES), "pose": lambda value: _pose(value),
})


def _coordinate(value: Any) -> float:
    if type(value) not in _NUMBER or not -math.inf < value < math.inf:
        raise ValueError(f"expected a coordinate, found {value!r}")
    return float(value)


def _point(value: Any) -> tuple[float, float]:
    if type(value) is not list or len(value) != 2:
        raise ValueError(f"expected a point, found {value!r}")
    return _coordinate(value[0]), _coordinate(value[1])


def _pair(value: Any) -> tuple[tuple[float, float], tuple[float, float]]:
    if type(value) is not list or len(value) != 2:
        raise ValueError(f"expected two points, found {value!r}")
    return _point(value[0]), _point(value[1])


def _segments(value: Any) -> tuple[Any, ...]:
    if type(value) is not list:
        raise TypeError(f"expected a list of lines, found {type(value).__name__}")
    return tuple(_pair(v) for v in value)


_MOVES: Check | None = None


def _pose(value: Any) -> Any:
    """A shipped pose's name, or key poses; the figure's model is imported only for the
    second, so a start with shipped poses alone does not load it."""
    global _MOVES
    if value is None:
        return None
    if type(value) is str:
        from tui.engine.figure.names import POSE_NAMES

        if value not in POSE_NAMES:
            raise ValueError(f"not a shipped pose: {value!r}")
        return value
    if _MOVES is None:
        from tui.engine.figure.pose import Moves, Pose

        pose = _record(Pose, {"head": _point, "shoulders": _point, "hips": _point, "knees": _pair,
                              "feet": _pair, "hands": _pair, "elbows": _optional(_pair),
                              "props": _segments,
                              "floor": _flag})
        _MOVES = _record(Moves, {"start": pose, "top": pose, "end": _optional(pose)})
    return _MOVES(value)


def _exercises(value: Any) -> tuple[Exercise, ...]:
    if type(value) is not list or not value:
        raise ValueError("expected a list of exercises")
    return tuple(_EXERCISE(v) for v in value)


_ROUTINE = _record(Routine, {
    "name": _text, "exercises": _exercises, "description": _text, "prepare": _seconds,
    "rest": _seconds, "rounds": _count, "round_rest": _seconds, "breath": _optional(_BREATH),
    "stop_if": _texts, "switch_sides": _seconds, "transition": _seconds, "key": _text,
    "source": _text, "tags": _texts,
})


def from_record(data: Any) -> Routine:
    """A Routine from ``dataclasses.asdict(routine)`` after a JSON round trip.

    Raises ValueError, TypeError or KeyError when any key is missing or extra, or any
    value is not of the type (and sign) the loader gives it.
    """
    return _ROUTINE(data)

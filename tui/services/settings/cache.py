"""settings.yaml as last read, kept as JSON so a start need not import PyYAML for it.

Importing PyYAML and the loader to read a settings.yaml cost about 30 ms of CPU at every
start (measured on the shared development machine; see docs/settings.md), where reading
this cache costs well under 1 ms. Like tui/services/routine_cache.py, the entry is keyed on a hash
of the very bytes that were parsed and on the code that reads them, so an edited file,
or a new lumbar, is always parsed again. Only a clean reading is kept: a file with
problems is parsed, and reported, every time.

It is only a cache, read as possibly hostile: anything unexpected in it (the wrong shape,
a value the reader would never give) means the file is parsed as if it were not there.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from tui.services import paths
from tui.services.routine_cache import code_stamp, digest
from tui.services.settings.spec import BY_NAME, DAYS, MAX_ROUTINE_KEY, NUMBERS, Spec
from tui.services.storage import Unreadable, parse_json, read_bytes, write_atomic

FORMAT = 1
MAX_BYTES = 64 * 1024
_HOURS = re.compile(r"([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d")
_OWN = ("file.py", "spec.py", "cache.py")


def cache_path() -> Path:
    return paths.cache_dir() / "settings-read.json"


def stamp() -> str:
    """Changes whenever the loader or the settings reader changes."""
    root = Path(__file__).parent
    marks = []
    for name in _OWN:
        info = (root / name).stat()
        marks.append(f"{name}:{info.st_size}:{info.st_mtime_ns}")
    return f"{FORMAT}|{code_stamp()}|" + "|".join(marks)


def get(file: Path, data: bytes) -> tuple[dict[str, Any], dict[str, tuple[int, int]], dict[str, int]] | None:
    """(values, places, lines) read from ``data`` before, or None. Never raises."""
    try:
        entry = parse_json(read_bytes(cache_path(), MAX_BYTES) or b"null")
        if (not isinstance(entry, dict) or entry.get("stamp") != stamp() or entry.get("file") != str(file)
                or entry.get("digest") != digest(data)):
            return None
        values, places, lines = entry["values"], entry["places"], entry["lines"]
        if not (isinstance(values, dict) and isinstance(places, dict) and isinstance(lines, dict)
                and values.keys() == places.keys() == lines.keys()):
            return None
        return ({k: _value(BY_NAME[k], v) for k, v in values.items()},
                {k: _position(v) for k, v in places.items()},
                {k: _line(v) for k, v in lines.items()})
    except (Unreadable, KeyError, ValueError, TypeError, OSError, RecursionError):
        return None


def put(file: Path, data: bytes, values: dict[str, Any], places: dict[str, tuple[int, int]],
        lines: dict[str, int]) -> None:
    """Keep a clean reading of ``data``; a failure to write is ignored (it is only a cache)."""
    entry = {"stamp": stamp(), "file": str(file), "digest": digest(data),
             "values": {k: list(v) if isinstance(v, tuple) else v for k, v in values.items()},
             "places": {k: list(v) for k, v in places.items()}, "lines": lines}
    try:
        write_atomic(cache_path(), json.dumps(entry, separators=(",", ":")))
    except OSError:
        pass


def _line(value: Any) -> int:
    if type(value) is not int or value < 1:
        raise ValueError(f"not a line number: {value!r}")
    return value


def _position(value: Any) -> tuple[int, int]:
    if type(value) is not list or len(value) != 2:
        raise ValueError(f"not a position: {value!r}")
    return _line(value[0]), _line(value[1])


def _value(spec: Spec, value: Any) -> Any:
    """``value`` when the reader could have given it for ``spec``; raises ValueError if not."""
    ok = False
    if spec.kind == "flag":
        ok = type(value) is bool
    elif spec.kind in NUMBERS:
        ok = type(value) is int and spec.low <= value <= spec.high
    elif spec.kind == "hours":
        ok = type(value) is str and _HOURS.fullmatch(value) is not None
    elif spec.kind == "days":
        ok = (type(value) is list and 1 <= len(value) <= 7 and all(d in DAYS for d in value)
              and value == sorted(set(value), key=DAYS.index))
        value = tuple(value) if ok else value
    elif spec.kind == "routine":
        ok = type(value) is str and 1 <= len(value) <= MAX_ROUTINE_KEY and value == value.strip()
    if not ok:
        raise ValueError(f"{spec.name}: not a value the reader gives: {value!r}")
    return value

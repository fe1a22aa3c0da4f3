"""Rows still waiting when lumbar quits: kept in a spill file, imported once at the next start.

While history.db cannot be written (a full disk, a held lock, a read-only folder, a newer
schema) rows wait in memory. On quit they go to ``history-waiting.json`` beside the history
(or in the state folder when the data folder cannot be written), 0600 like the rest. The
next start reads it back as one waiting row; when that row is committed, a meta key with
the spill's id is committed with it, so a file left behind by a crash just after that
commit is never imported twice.
"""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from collections.abc import Callable, Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from tui.services.store.records import StepRecord
from tui.services.store.writes import Op

NAME = "history-waiting.json"
FORMAT = 1
#: Where each kind of row holds session or application ids (stand-ins are negative).
_IDS = {"session": (0,), "application": (0,), "step": (0,), "end": (0,), "application_end": (0,),
        "checkin": (2,), "answer": (1,), "doses": (1,), "reopen": (0,)}


def places(data_file: Path) -> list[Path]:
    """Where a spill file may be: beside ``data_file``, then, for the user's own history
    (not a file named by a test or a tool), in the state folder."""
    from tui.services.paths import data_dir, state_dir

    beside = data_file.with_name(NAME)
    if os.path.abspath(data_file) != os.path.abspath(data_dir() / "history.db"):
        return [beside]
    return [beside, state_dir() / NAME]


def count(ops: Iterable[Op]) -> int:
    """Rows in ``ops``, counting each row inside an imported spill."""
    return sum(len(op[1][1]) if op[0] == "spill" else 1 for op in ops)


def flat(ops: Iterable[Op]) -> list[Op]:
    """``ops`` with imported spills opened up into their rows."""
    out: list[Op] = []
    for op in ops:
        out += op[1][1] if op[0] == "spill" else [op]
    return out


def _encode(op: Op) -> list[Any]:
    kind, args, stamp = op
    return [kind, [{"step": asdict(a)} if isinstance(a, StepRecord) else a for a in args], list(stamp)]


def _decode(row: Any) -> Op:
    kind, args, stamp = row
    if not isinstance(kind, str) or not isinstance(args, list) or len(stamp) != 3:
        raise ValueError("not a waiting row")
    decoded = tuple(StepRecord(**a["step"]) if isinstance(a, dict) and "step" in a else a for a in args)
    return kind, decoded, (str(stamp[0]), int(stamp[1]), str(stamp[2]))


def write(ops: list[Op], data_file: Path) -> Path:
    """Write ``ops`` to the first usable place (see ``places``); returns the file written.
    Raises OSError when no place can be written."""
    from tui.services.storage import write_atomic

    text = json.dumps({"lumbar_spill": FORMAT, "id": uuid.uuid4().hex,
                       "rows": [_encode(op) for op in flat(ops)]}) + "\n"
    error: OSError | None = None
    for place in places(data_file):
        try:
            write_atomic(place, text)
            return place
        except OSError as problem:
            error = error or problem
    assert error is not None
    raise error


def keep(ops: list[Op], data_file: Path, problem: str | None, loaded: list[Path]) -> str:
    """Write the rows still waiting at quit (see ``write``) and drop the spill files they
    came from; the one line to say about it (where they are, or that they are lost)."""
    waiting = count(ops)
    rows = "1 entry" if waiting == 1 else f"{waiting} entries"
    try:
        place = write(ops, data_file)
    except OSError as error:
        return (f"{rows} could not be saved ({problem}) nor kept in a file "
                f"({error.strerror or error}); they are lost.")
    remove(p for p in loaded if p != place)
    return f"{rows} could not be saved in history.db ({problem}); kept in {place}, added at the next start."


def read(data_file: Path, next_id: Callable[[], int]) -> tuple[list[Op], list[Path], list[str]]:
    """(one "spill" op per spill file found, the files, problems to say). Stand-in ids of
    the last run are given fresh ones from ``next_id`` so they cannot meet this run's. A
    file that cannot be read is left where it is and named in a problem."""
    ops, files, problems = [], [], []
    for place in places(data_file):
        if not place.is_file():
            continue
        try:
            data = json.loads(place.read_text(encoding="utf-8"))
            rows = [_decode(row) for row in data["rows"]]
            spill_id = str(data["id"])
        except (OSError, ValueError, KeyError, TypeError) as error:
            problems.append(f"{place} holds rows not yet saved but cannot be read ({error}); "
                            "it is left as it is.")
            continue
        fresh: dict[int, int] = {}
        renamed = []
        for kind, args, stamp in rows:
            values = list(args)
            for i in _IDS.get(kind, ()):
                if isinstance(values[i], int) and values[i] < 0:
                    values[i] = fresh.setdefault(values[i], next_id())
            renamed.append((kind, tuple(values), stamp))
        ops.append(("spill", (spill_id, renamed), renamed[0][2] if renamed else ("", 0, "")))
        files.append(place)
    return ops, files, problems


def apply(conn: sqlite3.Connection, op: Op, one: Callable[[Op], None]) -> None:
    """Write a spill's rows with ``one`` unless its id is already recorded; record it."""
    spill_id, rows = op[1]
    key = f"spill_imported:{spill_id}"
    if conn.execute("SELECT 1 FROM meta WHERE key = ?", (key,)).fetchone():
        return
    for row in rows:
        one(row)
    conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (key, op[2][0]))


def remove(files: Iterable[Path]) -> None:
    """Delete imported spill files; one that cannot be deleted is imported no second time."""
    for place in files:
        try:
            os.unlink(place)
        except OSError:
            pass

"""`lumbar export`: every history row to stdout as JSON lines, CSV or one JSON array.

Each row has `kind` (session, step, checkin, easier, dose, answer, application: one ice
or heat, with `treatment` "ice" or "heat"; break: one desk break taken, snoozed or skipped
or a meeting pause, with `what`, `how` and `seconds`; red_flags: one answered red-flag
check, with `trigger`, `outcome`, `choice` and each question's "yes" or "no"; precaution:
the question before an episode's first ice or heat, with `treatment`, `episode`, `answer`
and `choice`; goal: one goal set, with its `goal` key, `text` and `retired`; goal_rating:
`goal` and `score` 0..10; peg: `pain`, `enjoyment`, `activity` and their mean `score`;
impression: the global impression of change, `code` 1..7 and `answer`; measure_skip: a
question skipped, `what`; a checkin's `leg` is the leg-pain score when it was asked) and `at`, ISO
8601 with the local UTC offset of that moment, so scripts can read the history without
knowing the database's tables.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from typing import Any, TextIO

FORMATS = ("jsonl", "csv", "json")

#: CSV columns: the union of every kind's fields; a field a kind lacks is left empty.
COLUMNS = ("kind", "at", "id", "session", "routine", "routine_name", "steps", "ended", "outcome",
           "index", "exercise", "side", "set", "round", "planned_seconds", "actual_seconds",
           "unit", "planned_count", "actual_count", "score", "moment", "names",
           "reps", "sets", "hold_seconds", "why", "answer",
           "treatment", "rest_seconds", "episode", "reason", "what", "how", "seconds",
           "trigger", "choice", "saddle", "bladder", "legs", "injury", "fever", "cancer", "night",
           "leg", "goal", "text", "retired", "pain", "enjoyment", "activity", "code")


def write(rows: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> int:
    """Write `rows` to `out` in `fmt` (one of FORMATS); returns how many were written."""
    rows = list(rows)
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=COLUMNS, restval="", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            flat = {k: ("; ".join(v) if isinstance(v, list) else "" if v is None else v)
                    for k, v in row.items()}
            writer.writerow(flat)
    else:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return len(rows)


def readable_rows(store=None, read=None) -> Any:
    """Every history row (see `tui.services.store.Store.rows`), with any warning about the file said on
    stderr; None, said there too, when the history file cannot be read at all. Shared by
    `lumbar export` and `lumbar report`. `read`: what to read instead, a function of the
    open store (the report reads one period and the two-week rule)."""
    from tui.services.store import open_store

    store = store or open_store()
    try:
        if not store.available:
            print(f"lumbar: cannot read the history: {store.problem}", file=sys.stderr)
            return None
        store.verify(full=False)  # damage that no query has met yet is found here too
        rows = read(store) if read is not None else store.rows()
        for note in (*store.notes, store.warning):  # after reading: what the rows showed
            if note:
                print(f"lumbar: {note}", file=sys.stderr)
        if store.damaged is not None:
            # Never an empty or partial history with exit 0: the next run reads the fresh file.
            print("lumbar: nothing is written this time; run the command again for what was "
                  "recovered.", file=sys.stderr)
            return None
        return rows
    finally:
        store.close()


def run(fmt: str, store=None) -> int:
    """The command: exit 0, or 1 when the history file cannot be read at all."""
    rows = readable_rows(store)
    if rows is None:
        return 1
    write(rows, fmt, sys.stdout)
    sys.stdout.flush()
    return 0

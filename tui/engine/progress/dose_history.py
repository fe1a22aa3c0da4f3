"""The dose over time, by week: what the history screen and the report show beside the pain trend.

Pure functions of dose decisions (local date, routine key, exercise name, level), oldest
first, as the store gives them (Store.dose_rows) or as the export writes them. No Textual.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from tui.engine.routine.model import Ranges
from tui.engine.progress.progression import Level, level_text

Decision = tuple[date, str, str, Level]
"""(local date, routine key, exercise name, level)."""


def from_export(rows: Iterable[dict[str, Any]]) -> list[Decision]:
    """Dose decisions from export rows (kind "dose"), oldest first."""
    return [(date.fromisoformat(r["at"][:10]), r["routine"], r["exercise"],
             Level(r["reps"], r["sets"], r["hold_seconds"]))
            for r in rows if r["kind"] == "dose"]


def by_week(decisions: Sequence[Decision], mondays: Sequence[date]) -> dict[str, dict[str, list[Level | None]]]:
    """For each routine and exercise, its dose at the end of each week (None: not yet decided).

    mondays: the weeks, oldest first. Decisions before the first week carry into it.
    """
    out: dict[str, dict[str, list[Level | None]]] = {}
    ends = [monday + timedelta(days=7) for monday in mondays]
    for day, key, name, level in decisions:
        weeks = out.setdefault(key, {}).setdefault(name, [None] * len(mondays))
        for i, end in enumerate(ends):
            if day < end:
                weeks[i] = level  # decisions come oldest first: the latest before the end wins
    return out


def steps_above(ranges: Ranges, level: Level) -> int:
    """How many steps `level` is above the bottom of `ranges` (0 at the start)."""
    total = 0.0
    for part in ("reps", "sets", "hold"):
        span, value = getattr(ranges, part), getattr(level, part)
        if span is not None and value is not None:
            total += max(0.0, (value - span.low) / span.step)
    return int(round(total))


def change(first: Level | None, last: Level | None) -> str:
    """'5 reps → 9 reps', or the one level when it did not move; '' for none."""
    if last is None:
        return ""
    if first is None or first == last:
        return level_text(last)
    return f"{level_text(first)} → {level_text(last)}"


def short(level: Level | None) -> str:
    """A table cell: '10 reps', '3 × 12 reps', '4 × 15 s' (sets × reps or hold); '-' for none."""
    if level is None:
        return "-"
    if level.reps is not None:
        what = f"{level.reps} reps"
    elif level.hold is not None:
        what = f"{level.hold:g} s"
    else:
        what = ""
    if level.sets is not None:
        return f"{level.sets} × {what}" if what else f"{level.sets} sets"
    return what

"""The report's "Desk breaks by week" section: breaks taken (and of them natural), snoozed
and skipped, and the time in meeting pauses, per week of the period, from the break rows."""

from __future__ import annotations

import textwrap
from collections import Counter
from datetime import date, timedelta
from typing import Any

from tui.cli.report.table import Table
from tui.engine.care import pain

NATURAL = ("natural", "suspend")
"""`how` of a taken break that came by itself (tui.services.store.breaks.NATURAL; no store import here)."""


def weekly(rows: list[dict[str, Any]], since: date, today: date) -> dict[date, Counter]:
    """Per Monday of the period: Counter of "taken", "natural", "snoozed", "skipped" and
    "meeting" (seconds), from export rows of kind "break" dated since..today (local dates)."""
    out: dict[date, Counter] = {}
    for row in rows:
        if row["kind"] != "break":
            continue
        day = date.fromisoformat(row["at"][:10])
        if not since <= day <= today:
            continue
        week = out.setdefault(pain.monday(day), Counter())
        what = row["what"]
        if what == "meeting":
            # Seconds, a float: Counter adds any numbers, though typeshed's holds only ints.
            week["meeting"] += float(row.get("seconds") or 0.0)  # type: ignore[assignment]
            continue
        week[what] += 1
        if what == "taken" and row.get("how") in NATURAL:
            week["natural"] += 1
        if what == "skipped" and row.get("how") == "through":
            week["through"] += 1
    return out


def section(rows: list[dict[str, Any]], since: date, today: date, table: Table) -> list[str]:
    """Markdown lines; empty when the period has no break rows.

    table: the report's table renderer (rows, numeric=columns) -> lines.
    """
    weeks = weekly(rows, since, today)
    if not weeks:
        return []
    first, last = pain.monday(since), pain.monday(today)
    lines: list[tuple[str, ...]] = [("week of", "taken", "natural", "snoozed", "skipped", "meetings")]
    total: Counter = Counter()
    monday = first
    while monday <= last:
        c = weeks.get(monday, Counter())
        total.update(c)
        lines.append((f"{monday:%a} {monday.day} {monday:%b %Y}", *_cells(c)))
        monday += timedelta(weeks=1)
    lines.append(("total", *_cells(total)))
    note = ("Natural: idle, locked or asleep for at least a break's length. Through: a desk "
            "break started and left with every exercise skipped, counted as skipped, not taken. "
            "Meetings: time in meeting pauses, when no break is prompted.")
    return ["## Desk breaks by week", "", *table(lines, numeric=(1, 2, 3, 4, 5)), "",
            textwrap.fill(note, width=88), ""]


def _cells(c: Counter) -> tuple[str, ...]:
    minutes = round(c["meeting"] / 60)
    meetings = f"{minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"{minutes} min"
    skipped = str(c["skipped"]) + (f" ({c['through']} through)" if c["through"] else "")
    return (str(c["taken"]), str(c["natural"]), str(c["snoozed"]), skipped, meetings)

"""The report's "Desk breaks by week" section: breaks taken (and of them natural), snoozed
and skipped, and the time in meeting pauses, per week of the period, from the break rows."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

from tui.cli.report.blocks import Paragraph, Section, Table
from tui.cli.report.model import BreakWeek
from tui.engine.care import pain

NATURAL = ("natural", "suspend")
"""`how` of a taken break that came by itself (tui.services.store.breaks.NATURAL; no store import here)."""


def weeks(rows: list[tuple[date, dict[str, Any]]], since: date, until: date) -> tuple[BreakWeek, ...]:
    """Every week of since..until, oldest first, with its counts from (filed day, export row
    of kind "break") pairs; empty when there are none in the period."""
    out: dict[date, Counter] = {}
    for day, row in rows:
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
    if not out:
        return ()
    found, monday = [], pain.monday(since)
    while monday <= pain.monday(until):
        found.append(BreakWeek(monday, out.get(monday, Counter())))
        monday += timedelta(weeks=1)
    return tuple(found)


def section(found: tuple[BreakWeek, ...]) -> list[Section]:
    """The section, or none when the period has no break rows."""
    if not found:
        return []
    total: Counter = Counter()
    rows = []
    for week in found:
        total.update(week.counts)
        rows.append((f"{week.monday:%a} {week.monday.day} {week.monday:%b %Y}", *_cells(week.counts)))
    rows.append(("total", *_cells(total)))
    note = ("Natural: idle, locked or asleep for at least a break's length. Through: a desk "
            "break started and left with every exercise skipped, counted as skipped, not taken. "
            "Meetings: time in meeting pauses, when no break is prompted.")
    table = Table(("week of", "taken", "natural", "snoozed", "skipped", "meetings"), tuple(rows),
                  numeric=(1, 2, 3, 4, 5), total=True, caption="Desk breaks by week")
    return [Section("Desk breaks by week", (table, Paragraph(note)), key="breaks")]


def _cells(c: Counter) -> tuple[str, ...]:
    minutes = round(c["meeting"] / 60)
    meetings = f"{minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"{minutes} min"
    skipped = str(c["skipped"]) + (f" ({c['through']} through)" if c["through"] else "")
    return (str(c["taken"]), str(c["natural"]), str(c["snoozed"]), skipped, meetings)

"""The history screen's dose lines: how far each routine's doses have grown, week by week,
under the pain lines, drawn the same way (a sparkline and the first and last value)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date

from textual.widget import Widget
from textual.widgets import Static

from tui.engine.progress.dose_history import by_week, steps_above
from tui.engine.routine.model import Routine
from tui.engine.progress.progression import ranged
from tui.widgets.trend_rows import TrendRows

#: Routines with a dose line; the most grown come first.
ROWS = 2


def dose_lines(store: object, routines: Mapping[str, Routine], mondays: Sequence[date]) -> Iterator[Widget]:
    """A heading and one line per routine whose exercises have a dose; nothing without any.

    Each week's value is the steps its ranged exercises stand above the start of their
    ranges, summed (0: everything at the start), at the end of that week.
    """
    read = getattr(store, "dose_rows", None)
    if read is None or not mondays:
        return
    # Only the weeks shown and the dose each exercise had when they began: the screen's
    # cost does not grow with the years kept.
    decisions = [(r.day, r.routine_key, r.exercise, r.level) for r in read(mondays[0], carry=True)]
    weekly = by_week(decisions, mondays)
    rows: list[tuple[int, str, list[int]]] = []
    for key, exercises in weekly.items():
        routine = routines.get(key)
        if routine is None:
            continue
        spans = ranged(routine)
        values: list[int] = []
        for week in range(len(mondays)):
            levels = [(spans[name], weeks[week]) for name, weeks in exercises.items() if name in spans]
            known = [steps_above(r, level) for r, level in levels if level is not None]
            if known:
                values.append(sum(known))
        if values:
            rows.append((values[-1], routine.name, values))
    if not rows:
        return
    yield Static("Dose: steps above the start", classes="heading")
    yield TrendRows([(name if len(name) <= 7 else name[:6] + "…", values,
                      f"{values[0]} → {values[-1]}" if len(values) > 1 else str(values[0]))
                     for _, name, values in sorted(rows, key=lambda r: (-r[0], r[1]))[:ROWS]],
                    id="doses")

"""The report's "Dose by week" section: each ranged exercise's dose, week by week, under the
same weeks' pain means, so a physiotherapist sees the two side by side."""

from __future__ import annotations

import textwrap
from collections import Counter, defaultdict
from datetime import date
from typing import TYPE_CHECKING, Any

from tui.cli.report.table import Table
from tui.engine.progress import dose_history
from tui.engine.care import pain

if TYPE_CHECKING:
    from tui.engine.routine.model import Routine

#: Weeks shown as columns; a longer period shows its last ones.
MAX_WEEKS = 4
ANSWERS = ("easy", "right", "hard")


def section(rows: list[dict[str, Any]], since: date, today: date, catalog: dict[str, Routine],
            table: Table) -> list[str]:
    """Markdown lines; empty when no routine in the history has a dose yet.

    table: the report's table renderer (rows, numeric=columns) -> lines.
    """
    decisions = dose_history.from_export(rows)
    if not decisions:
        return []
    first = pain.monday(since)
    weeks = (pain.monday(today) - first).days // 7 + 1
    means = pain.weekly_means(
        [(date.fromisoformat(r["at"][:10]), float(r["score"]), r["moment"]) for r in rows
         if r["kind"] == "checkin" and since <= date.fromisoformat(r["at"][:10]) <= today],
        today, weeks)[-MAX_WEEKS:]
    decided = [d for d in decisions if d[0] <= today]
    # Weeks before the first dose was set say nothing about it.
    if decided:
        started = pain.monday(decided[0][0])
        while len(means) > 1 and means[0][0] < started:
            means = means[1:]
    mondays = [m for m, _, _ in means]
    doses = dose_history.by_week(decided, mondays)
    answers = _answers(rows, mondays)
    lines = ["## Dose by week", "",
             textwrap.fill("Each exercise with a range, at its dose at the end of each week (sets × reps "
                           "or seconds of hold), under that week's mean pain (0 none, 10 worst "
                           "imaginable) and the after-routine answers.", width=88,
                           break_on_hyphens=False), ""]
    header = ("", *(f"{m:%-d %b}" for m in mondays))
    for key, exercises in sorted(doses.items()):
        routine = catalog.get(key)
        name = routine.name if routine else key
        body = [("pain before", *(_num(b) for _, b, _ in means)),
                ("pain after", *(_num(a) for _, _, a in means)),
                ("easy / right / hard", *("/".join(str(answers[key, m][a]) for a in ANSWERS) for m in mondays))]
        for exercise, levels in exercises.items():
            body.append((exercise, *(dose_history.short(lv) for lv in levels)))
        lines += [f"### {name}", "", *table([header, *body], numeric=tuple(range(1, len(header)))), ""]
    return lines


def _answers(rows: list[dict[str, Any]], mondays: list[date]) -> defaultdict[tuple[str, date], Counter]:
    """Answers per (routine key, week's Monday)."""
    routine_of = {r["id"]: r["routine"] for r in rows if r["kind"] == "session"}
    counts: defaultdict[tuple[str, date], Counter] = defaultdict(Counter)
    for r in rows:
        if r["kind"] == "answer" and r["session"] in routine_of:
            monday = pain.monday(date.fromisoformat(r["at"][:10]))
            if monday in mondays:
                counts[routine_of[r["session"]], monday][r["answer"]] += 1
    return counts


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"

"""The report's "Dose by week" section: each ranged exercise's dose, week by week, under the
same weeks' pain means, so a physiotherapist sees the two side by side."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from tui.cli.report.blocks import Paragraph, Section, Table
from tui.cli.report.model import DoseTable
from tui.engine.care import pain
from tui.engine.progress import dose_history

if TYPE_CHECKING:
    from tui.engine.routine.model import Routine

#: Weeks shown as columns; a longer period shows its last ones.
MAX_WEEKS = 4
ANSWERS = ("easy", "right", "hard")


def tables(dose_rows: list[dict[str, Any]], answer_rows: list[dict[str, Any]],
           sessions: Mapping[int, dict[str, Any]], checkins: list[tuple[date, int, str]],
           since: date, until: date, catalog: Mapping[str, Routine]) -> tuple[DoseTable, ...]:
    """One table per routine with a dose decided by `until`; empty when there is none.

    dose_rows: export rows of kind "dose" (those before the period carry in); answer_rows:
    kind "answer", counted for the period's `sessions` (id -> session row); checkins:
    (filed day, score, moment) of the period."""
    decided = [d for d in dose_history.from_export(dose_rows) if d[0] <= until]
    if not decided:
        return ()
    weeks = (pain.monday(until) - pain.monday(since)).days // 7 + 1
    means = pain.weekly_means(checkins, until, weeks)[-MAX_WEEKS:]
    # Weeks before the first dose was set say nothing about it.
    started = pain.monday(decided[0][0])
    while len(means) > 1 and means[0][0] < started:
        means = means[1:]
    mondays = [m for m, _, _ in means]
    levels = dose_history.by_week(decided, mondays)
    counts: defaultdict[tuple[str, date], Counter] = defaultdict(Counter)
    for r in answer_rows:
        session = sessions.get(r["session"])
        if session is not None:
            counts[session["routine"], pain.monday(date.fromisoformat(r["at"][:10]))][r["answer"]] += 1
    out = []
    for key, exercises in sorted(levels.items()):
        routine = catalog.get(key)
        out.append(DoseTable(
            routine.name if routine else key, tuple(mondays), tuple(b for _, b, _ in means),
            tuple(a for _, _, a in means),
            tuple("/".join(str(counts[key, m][a]) for a in ANSWERS) for m in mondays),
            tuple((name, tuple(found)) for name, found in exercises.items())))
    return tuple(out)


def section(found: tuple[DoseTable, ...]) -> list[Section]:
    """The section, or none when no routine has a dose yet."""
    if not found:
        return []
    parts: list[Section] = []
    for t in found:
        header = ("", *(f"{m:%-d %b}" for m in t.mondays))
        body = [("pain before", *(_num(b) for b in t.before)), ("pain after", *(_num(a) for a in t.after)),
                ("easy / right / hard", *t.answers)]
        body += [(name, *(dose_history.short(lv) for lv in levels)) for name, levels in t.levels]
        parts.append(Section(t.name, (Table(header, tuple(body), numeric=tuple(range(1, len(header))),
                                            caption=f"Dose by week: {t.name}"),), level=3))
    intro = Paragraph("Each exercise with a range, at its dose at the end of each week (sets × reps "
                      "or seconds of hold), under that week's mean pain (0 none, 10 worst "
                      "imaginable) and the after-routine answers.")
    return [Section("Dose by week", (intro, *parts), key="doses")]


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"

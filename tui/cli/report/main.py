"""`lumbar report`: a Markdown summary of a period to bring to a physiotherapist.

Per routine, what its file prescribes against what was done; the pain trend by week; desk
breaks by week; the two-week rule's state. Tables are padded so the text reads as well in a terminal or an
e-mail as rendered.
"""

from __future__ import annotations

import sys
import textwrap
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, tzinfo
from pathlib import Path
from typing import Any

from tui.engine.care import pain
from tui.engine.routine.model import Kind, Routine
from tui.engine.routine.plan import plan
from tui.engine.timefmt import duration_text
from tui.services.since import parse_period

NOT_ADVICE = ("lumbar is an exercise timer, not medical advice. The warning signs below say "
              "when to get help, and how fast.")


@dataclass
class RoutineTotals:
    key: str
    name: str
    outcomes: Counter = field(default_factory=Counter)
    steps: Counter = field(default_factory=Counter)
    """done / skipped / easier."""
    by_exercise: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))

    @property
    def sessions(self) -> int:
        return sum(self.outcomes.values())


@dataclass
class Period:
    since: date
    today: date
    routines: dict[str, RoutineTotals]
    checkins: list[tuple[date, int, str]]
    two_week: pain.TwoWeekState
    active_days: int
    care: Counter = field(default_factory=Counter)
    """Ice and heat applications: (treatment, outcome) -> how many."""


def summarise(rows: list[dict[str, Any]], since: date, today: date, zone: tzinfo | None = None) -> Period:
    """The period's totals from export rows (see Store.rows), each row on the day it is
    filed under in ``zone`` (default: the user's zone now; see tui/services/store/filing.py)."""
    from tui.services.localzone import local_zone
    from tui.services.store.filing import filed_day

    zone = zone or local_zone()
    sessions: dict[int, RoutineTotals] = {}
    routines: dict[str, RoutineTotals] = {}
    days = set()
    all_scores: list[tuple[date, float, str]] = []
    routine_days: set[date] = set()
    episode: date | None = None
    checkins = []
    care: Counter = Counter()
    for row in rows:
        day = filed_day(row["at"], today, zone)
        if row["kind"] == "session":
            routine_days.add(day)
        elif row["kind"] == "application" and row.get("episode"):
            episode = date.fromisoformat(row["episode"][:10])  # the latest episode wins
        if row["kind"] == "checkin" and day <= today:
            all_scores.append((day, float(row["score"]), row["moment"]))
            if day >= since:
                checkins.append((day, row["score"], row["moment"]))
        if row["kind"] == "session" and since <= day <= today:
            totals = routines.setdefault(row["routine"], RoutineTotals(row["routine"], row["routine_name"]))
            totals.name = row["routine_name"]  # the latest name
            totals.outcomes[row["outcome"] or "running"] += 1
            sessions[row["id"]] = totals
            days.add(day)
        elif row["kind"] == "application" and since <= day <= today:
            care[(row["treatment"], row["outcome"] or "on")] += 1
        elif row["kind"] == "step" and row["session"] in sessions:
            totals = sessions[row["session"]]
            totals.steps[row["outcome"]] += 1
            totals.by_exercise[row["exercise"]][row["outcome"]] += 1
    rule = pain.two_week(all_scores, today, episode, routine_days)
    return Period(since, today, routines, checkins, rule, len(days), care)


def render(period: Period, catalog: dict[str, Routine], doses: list[str] | None = None,
           breaks: list[str] | None = None, care: list[str] | None = None) -> str:
    """The report's Markdown; `doses`, `breaks`: report_doses' and report_breaks' sections;
    `care`: report_care's red-flag checks. The warning signs (report_care) come first."""
    from tui.cli.report.care import rule_section, signs_section

    p = period
    span = (p.today - p.since).days + 1
    steps = sum((t.steps for t in p.routines.values()), Counter())
    outcomes = sum((t.outcomes for t in p.routines.values()), Counter())
    before = [s for _, s, m in p.checkins if m != "after"]
    after = [s for _, s, m in p.checkins if m == "after"]
    lines = [f"# lumbar report: {_day(p.since)} to {_day(p.today)}", "",
             _wrap(f"_{NOT_ADVICE}_"), "", *signs_section(), "## Summary", "",
             f"- Routines: {_count(sum(outcomes.values()), 'session')} ({_outcomes(outcomes)}) "
             f"on {p.active_days} of {span} days",
             f"- Steps: {steps['done']} done, {steps['skipped']} skipped, {steps['easier']} made easier",
             f"- Pain check-ins: {len(p.checkins)} (mean before {_mean(before)}, "
             f"after {_mean(after)}; 0 is no pain, 10 the worst imaginable)"]
    for treatment in ("ice", "heat"):
        done = {o: n for (t, o), n in p.care.items() if t == treatment}
        if done:
            n = sum(done.values())
            lines.append(f"- {treatment.capitalize()}: {n} application{'' if n == 1 else 's'} "
                         f"({_outcomes(Counter(done))})")
    lines.append("")
    for key, totals in sorted(p.routines.items(), key=lambda kv: (-kv[1].sessions, kv[0])):
        lines += _routine(totals, catalog.get(key))
    idle = sorted(r.name for k, r in catalog.items() if k not in p.routines)
    if idle:
        lines += [_wrap("Not done in this period: " + ", ".join(idle) + "."), ""]
    lines += _pain_weeks(p) + (doses or []) + (breaks or []) + (care or []) + rule_section(p.two_week)
    return "\n".join(lines).rstrip() + "\n"


def _routine(t: RoutineTotals, routine: Routine | None) -> list[str]:
    lines = [f"## {t.name} ({t.key})", ""]
    prescribed: dict[str, tuple[str, int]] = {}
    if routine is None:
        lines.append("Prescribed: the routine file is no longer found, so only what was done is shown.")
    else:
        timeline = plan(routine)
        work = [s for s in timeline.steps if s.kind.is_work]
        rounds = f" ({routine.rounds} rounds)" if routine.rounds > 1 else ""
        lines.append(f"Prescribed: {len(work)} work steps per session, about "
                     f"{duration_text(timeline.total)}{rounds}.")
        for index, ex in enumerate(routine.exercises):
            if ex.kind is not Kind.REST:
                count = sum(1 for s in work if s.exercise == index)
                prescribed.setdefault(ex.name, (_dose(ex), 0))
                text, before = prescribed[ex.name]
                prescribed[ex.name] = (text, before + count)
    lines += [f"Done: {_count(t.sessions, 'session')} ({_outcomes(t.outcomes)}); steps {t.steps['done']} done, "
              f"{t.steps['skipped']} skipped, {t.steps['easier']} made easier.", ""]
    table = [("exercise", "prescribed per session", "done", "skipped", "easier")]
    names = list(prescribed) + sorted(n for n in t.by_exercise if n not in prescribed)
    for name in names:
        dose, count = prescribed.get(name, ("not in the file now", 0))
        per = f"{dose}: {count} step{'s' if count != 1 else ''}" if name in prescribed else dose
        c = t.by_exercise.get(name, Counter())
        table.append((name, per, str(c["done"]), str(c["skipped"]), str(c["easier"])))
    table.append(("total", "", str(t.steps["done"]), str(t.steps["skipped"]), str(t.steps["easier"])))
    return lines + _table(table, numeric=(2, 3, 4)) + [""]


def _dose(ex) -> str:
    d = ex.dose
    if d.hold_breaths is not None:
        what = f"hold {d.hold_breaths} breaths"
    elif ex.kind is Kind.HOLD:
        what = f"hold {duration_text(d.hold_seconds or 0)}"
    else:
        what = f"{d.reps} reps" + (f" at {ex.tempo.lift:g}-{ex.tempo.hold:g}-{ex.tempo.lower:g}"
                                   if ex.tempo else "")
    if d.sets > 1:
        what = f"{d.sets} sets of {what}"
    what += ", each side" if ex.sides else ""
    if ex.ranges is not None:
        tops = [f"{s.high:g} {u}" for u, s in (("reps", ex.ranges.reps), ("sets", ex.ranges.sets),
                                                ("s", ex.ranges.hold)) if s is not None]
        what = f"{what}, up to {' and '.join(tops)}"
    return what


def _pain_weeks(p: Period) -> list[str]:
    weeks = (pain.monday(p.today) - pain.monday(p.since)).days // 7 + 1
    means = pain.weekly_means(p.checkins, p.today, weeks)
    counts = Counter(pain.monday(d) for d, _, _ in p.checkins)
    table = [("week of", "check-ins", "mean before", "mean after")]
    for monday, before, after in means:
        table.append((_day(monday), str(counts[monday]), _num(before), _num(after)))
    return ["## Pain by week", "", *_table(table, numeric=(1, 2, 3)), "",
            "Before: check-ins before a routine or on their own; after: right after a routine.", ""]


def _table(rows: Sequence[tuple[str, ...]], numeric: tuple[int, ...] = ()) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]

    def cell(i: int, text: str) -> str:
        return text.rjust(widths[i]) if i in numeric else text.ljust(widths[i])

    out = ["| " + " | ".join(cell(i, c) for i, c in enumerate(row)) + " |" for row in rows]
    rule = "|" + "|".join(("-" * (w + 1)) + (":" if i in numeric else "-")
                          for i, w in enumerate(widths)) + "|"
    return [out[0], rule, *out[1:]]


def _outcomes(c: Counter) -> str:
    parts = [f"{c[k]} {k}" for k in ("finished", "left", "interrupted", "running", "stopped", "on")
             if c[k]]
    return ", ".join(parts) or "none"


def _mean(values: list[int]) -> str:
    return f"{sum(values) / len(values):.1f}" if values else "-"


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _wrap(text: str) -> str:
    return textwrap.fill(text, width=88, break_on_hyphens=False)


def _count(n: int, noun: str) -> str:
    """"1 session", "2 sessions"."""
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _day(d: date) -> str:
    return f"{d:%a} {d.day} {d:%b %Y}"


def run(since_text: str, out: Path | None, folders: list[Path], store=None,
        today: date | None = None) -> int:
    """The command: exit 0; 2 for a bad --since; 1 when history or --out cannot be used."""
    from tui.services.clocks import wall
    from tui.services.localzone import local_zone

    today = today or wall().astimezone(local_zone()).date()
    try:
        since = parse_period(since_text, today)
    except ValueError as error:
        print(f"lumbar: {error}", file=sys.stderr)
        return 2
    from tui.cli.routines import report as report_problems
    from tui.services.catalog import load_catalog
    from tui.cli.export import readable_rows
    from tui.cli.report.breaks import section as breaks_section
    from tui.cli.report.doses import section

    catalog = load_catalog(folders)
    if catalog.problems:
        report_problems(catalog.problems)  # shown, but they do not stop the report
    rows = readable_rows(store)
    if rows is None:
        return 1
    doses = section(rows, since, today, catalog.routines, _table)
    from tui.cli.report.care import red_flags_section

    text = render(summarise(rows, since, today), catalog.routines, doses,
                  breaks_section(rows, since, today, _table), red_flags_section(rows, since, today, _table))
    if out is None:
        sys.stdout.write(text)
        return 0
    from tui.services.storage import write_atomic

    try:
        write_atomic(out, text)
    except OSError as error:
        print(f"lumbar: cannot write {out}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"Report written to {out}")
    return 0

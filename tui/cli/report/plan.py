"""The report's plan and adherence: sessions done against those the plan asked for, week
by week over the report's period, so rest days are not missed days. A finished week
counts what each routine asked for that week (tui.engine.plan.days.week_quota) and at
most that many of its days done; the week holding the report's last day is judged as the
history screen judges the week under way (tui.engine.plan.adherence). No plan file, or
one with problems, gives no section."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from tui.cli.report.model import Adherence, PlanWeek
from tui.engine.plan.adherence import adherence
from tui.engine.plan.days import monday, week_quota
from tui.engine.plan.model import Plan
from tui.engine.plan.words import entry_text


def read(store: Any, since: date, until: date, routines: Mapping[str, Any],
         path: Path | None = None) -> Adherence | None:
    """Adherence for `since`..`until` (local days) from the plan file at `path` (default
    plan.yaml in the config folder); None without a usable plan, or before it starts.
    `routines`: the catalog (key to routine), for the routines' names."""
    from tui.services.plan_file import read_plan

    found = read_plan(path, routines)
    if found is None or found.plan is None or not hasattr(store, "done_days"):
        return None
    plan = found.plan
    first = max(since, plan.start)
    if first > until:
        return None
    return Adherence(schedule(plan, routines), weeks(plan, store.done_days(plan.routines, first, until),
                                                     first, until),
                     plan.set_by or None, plan.review, plan.note or None)


def schedule(plan: Plan, routines: Mapping[str, Any]) -> tuple[str, ...]:
    """("Core basics: mon wed fri at 18:00", "Desk break: 2 days a week at 11:00")."""
    return tuple(entry_text(e, getattr(routines.get(e.routine), "name", e.routine))
                 for e in plan.entries)


def weeks(plan: Plan, done: Mapping[str, set[date]], first: date, until: date) -> tuple[PlanWeek, ...]:
    """(Monday, planned, done) for each week touching `first`..`until`."""
    out = []
    week = monday(first)
    while week <= until:
        start, sunday = max(week, first), week + timedelta(days=6)
        if sunday > until:  # the week under way
            a = adherence(plan, done, start, until)
            out.append(PlanWeek(week, a.planned, a.done))
            break
        planned = got = 0
        for entry in plan.entries:
            asked = week_quota(plan, entry, start, sunday)
            did = sum(1 for d in done.get(entry.routine, ()) if start <= d <= sunday)
            planned, got = planned + asked, got + min(asked, did)
        out.append(PlanWeek(week, planned, got))
        week += timedelta(days=7)
    return tuple(out)

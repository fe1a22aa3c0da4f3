"""The history screen's plan lines: adherence against the plan instead of the streak, the
next planned routine and the review.

"Plan: 9 of 12 planned sessions in 4 weeks" counts the days the plan asked for, so a rest
day is never a failure (tui.engine.plan.adherence). A plan file with problems is said in
one line and not used; the rest of the screen is as without a plan.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from tui.engine.plan import adherence as A
from tui.engine.plan import words
from tui.engine.plan.reminders import next_planned

if TYPE_CHECKING:
    from tui.screens.host import RoutinePart


def plan_lines(store: object, part: RoutinePart, today: date) -> str | None:
    """The lines shown in place of the streak, or None when there is no plan file."""
    found = part.plan_file()
    if found is None:
        return None
    plan = found.plan
    if plan is None:
        n = len(found.problems)
        return (f"Plan: not used, {n} problem{'s' if n != 1 else ''} in {found.path.name}\n"
                f"(lumbar check --plan says which)")
    first = A.window(plan, today)  # this week's days done are in it too (next_planned)
    read = getattr(store, "done_days", None)
    done = read(plan.routines, first, today) if read is not None else {}
    figures = A.adherence(plan, done, first, today)
    # Two lines, to fit the left column at 80 wide.
    lines = [f"Plan: {words.done_text(figures)}"]
    if figures.planned:
        lines.append(f"      {words.span_text(figures, A.window_start(today))}")
    names = {key: r.name for key, r in part.routines.items()}
    upcoming = next_planned(plan, today, done)
    if upcoming is not None:
        entry, day = upcoming
        lines.append(words.planned_text(names.get(entry.routine, entry.routine), entry, day, today))
    review = words.review_when(plan, today)
    if review is not None:
        lines.append(f"Review: {review}")
        if plan.set_by:
            lines.append(f"  with {plan.set_by}")
    return "\n".join(lines)

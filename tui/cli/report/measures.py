"""The report's goals, PEG and global impression, read from the store for one period.

Goals: every goal current at some time in the period, each with all its ratings up to the
period's last day (change is measured against a goal's first rating, which may be older
than the period). PEG and impressions: the answers given in the period. A measure never
answered at all gives None (no section); answered before but not in the period, an empty
tuple ("not recorded in this period").
"""

from __future__ import annotations

from datetime import date
from typing import Any

from tui.cli.report.model import Impression, Peg
from tui.engine.measures import goals as psfs

Measures = tuple[tuple[psfs.Goal, ...] | None, psfs.Progress | None, tuple[Peg, ...] | None,
                 tuple[Impression, ...] | None]


def read(store: Any, since: date, until: date) -> Measures:
    """(goals, their progress, PEG answers, impressions) for the period `since`..`until`
    (local days, both included). A store without the measures (an old one) gives Nones."""
    if not hasattr(store, "measures"):
        return None, None, None, None
    kept = []
    ever = store.measures.goals(retired=True)
    for goal in ever:
        if goal.set_on > until or (goal.retired_on is not None and goal.retired_on < since):
            continue
        ratings = tuple(r for r in goal.ratings if r.day <= until)
        kept.append(psfs.Goal(goal.key, goal.text, goal.set_on,
                              goal.retired_on if goal.retired_on and goal.retired_on <= until else None,
                              ratings))
    goals = tuple(kept) if ever else None
    progress = psfs.progress(kept) if kept else None
    pegs = [p for p in store.measures.peg_rows() if p.day <= until]
    peg = tuple(Peg(p.day, p.pain, p.enjoyment, p.activity) for p in pegs if p.day >= since) if pegs else None
    said = [i for i in store.measures.impressions() if i.day <= until]
    impressions = tuple(Impression(i.day, i.code) for i in said if i.day >= since) if said else None
    return goals, progress, peg, impressions

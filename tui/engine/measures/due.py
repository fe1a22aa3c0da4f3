"""When each measure is asked: after a routine, never more than is due.

Pure: callers pass today's local date and the local date of the last answer or skip.
A skip counts as an answer for its period, so a skipped question is not asked again
until the period has passed (docs/sources.md#when-the-measures-are-asked; lumbar's own
choice). Periods count whole local days: asked on a Monday, weekly is due again the next
Monday.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

#: The goals are re-rated, and the PEG asked, once a week.
WEEK_DAYS = 7
#: The global impression is asked every two weeks, and first two weeks after the start.
IMPRESSION_DAYS = 14

GoalsDue = Literal["offer", "rate"]


def _passed(today: date, last: date | None, days: int) -> bool:
    return last is None or (today - last).days >= days


def goals_due(today: date, goals: int, last: date | None) -> GoalsDue | None:
    """"offer" (no goals yet: offer to set them), "rate" (re-rate the goals), or None.

    `goals`: how many current goals there are; `last`: the day of the latest goal rating,
    goal set or goals skip (an offer skipped counts: it comes back a week later)."""
    if not _passed(today, last, WEEK_DAYS):
        return None
    return "rate" if goals else "offer"


def peg_due(today: date, last: date | None) -> bool:
    """The PEG is due: never answered, or the last answer or skip is a week old."""
    return _passed(today, last, WEEK_DAYS)


def impression_due(today: date, start: date | None, last: date | None) -> bool:
    """The global impression is due: two weeks after `start` (the first routine or check-in:
    there must be something to compare with), and two weeks after the last answer or skip."""
    if start is None or (today - start).days < IMPRESSION_DAYS:
        return False
    return _passed(today, last, IMPRESSION_DAYS)

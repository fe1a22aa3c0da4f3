"""Pain check-ins in numbers: the two-week rule and weekly means.

Pure: callers pass local dates and 0..10 scores (the numeric rating scale: 0 no pain, 10
worst imaginable). Nothing here reads a clock or the database.

The two-week rule: with at least 14 days of check-ins, compare the mean score of the first
7 days of the 14 days ending today with the mean of the last 7. A drop of 2 points or more,
or of 30 % or more, is the change people notice as meaningful (Farrar et al., Pain 2001);
less than that is "no improvement", and the seeds say to see a doctor then.

After a routine, `worse_after` decides whether the score calls for the stop-if advice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

#: Days of check-ins the rule needs, and the window it compares (two halves of a week).
WINDOW_DAYS = 14
HALF_DAYS = WINDOW_DAYS // 2
#: A meaningful improvement: this many points down, or this share of the first mean
#: (Farrar et al., Pain 2001: about 2 points or about 30 % on the 0..10 scale).
MIN_DROP_POINTS = 2.0
MIN_DROP_SHARE = 0.30
#: A rise of this many points after a routine calls for a word (lumbar's own choice, in
#: line with the 2-point change: docs/sources.md#check-in-thresholds).
RISE = 2
#: A score this high after a routine (severe pain on the 0..10 scale) shows the stop-if
#: advice and the signs whatever came before (docs/sources.md#check-in-thresholds).
HIGH_AFTER = 8
#: A rise that ends at or below this is ordinary soreness after exercise: a mild note, not
#: the doctor list (docs/sources.md#check-in-thresholds).
MILD_UP_TO = 3
#: How far back (hours) a check-in may be to stand in for a missing "before" one.
RECENT_HOURS = 24


@dataclass(frozen=True)
class Worse:
    """Why a score after a routine calls for a word: the stop-if advice and the signs, or
    (`mild`) a note that some soreness after exercise is common."""

    after: int
    """The score after the routine, 0..10."""
    compared: int | None
    """The score it rose from; None: there was none, and `after` is high on its own."""
    earlier: bool
    """True when `compared` is the latest check-in of the last 24 hours, not this routine's
    "before" one."""
    mild: bool = False
    """A rise that ends at `MILD_UP_TO` or less: the mild note, not the advice."""


def worse_after(after: int, before: int | None, recent: int | None) -> Worse | None:
    """Whether `after` (0..10) calls for a word; None when it does not.

    `before` is this routine's "before" score; without one, `recent` (the latest check-in
    of the last `RECENT_HOURS` hours, taken before `after` was saved) stands in. An `after`
    of `HIGH_AFTER` or more always calls for the advice. Below that, a rise of `RISE` or
    more calls for the advice when it ends above `MILD_UP_TO`, and for the mild note when
    it ends at or below it.
    """
    compared, earlier = (before, False) if before is not None else (recent, recent is not None)
    if after >= HIGH_AFTER:
        return Worse(after, compared, earlier)
    if compared is None or after - compared < RISE:
        return None
    return Worse(after, compared, earlier, mild=after <= MILD_UP_TO)


@dataclass(frozen=True)
class TwoWeekState:
    """Where the two-week rule stands on one day."""

    days: int
    """Days covered by check-ins up to today, first to last, inclusive."""
    first_mean: float | None
    """Mean score (0..10) over the first 7 days of the 14 days ending today; None: no check-in."""
    last_mean: float | None
    """Mean score (0..10) over the last 7 of those days; None: no check-in."""
    improved: bool
    """The mean dropped by >= 2 points or >= 30 % (Farrar et al., Pain 2001)."""
    advise: bool
    """>= 14 days of check-ins, both weeks have scores, not improved, and some pain left."""


def improved(first: float, last: float) -> bool:
    """True when going from mean `first` to mean `last` is a meaningful drop.

    Compared with a small tolerance, so 7.0 -> 4.9 (exactly 30 %) counts whatever the float
    rounding of the means."""
    drop = first - last
    if drop >= MIN_DROP_POINTS - 1e-9:
        return True
    return first > 0 and drop / first >= MIN_DROP_SHARE - 1e-9


def two_week(readings: Iterable[tuple[date, float]], today: date,
             first_day: date | None = None) -> TwoWeekState:
    """The rule's state for `today` from (local date, score) pairs.

    Readings after `today` are ignored. `first_day` is the date of the first check-in ever
    when `readings` holds only recent ones (the store passes just the window); by default
    it is the earliest reading. Advice needs a score in each week, and a last-week mean
    above 0: two weeks without pain need no doctor.
    """
    start = today - timedelta(days=WINDOW_DAYS - 1)
    middle = start + timedelta(days=HALF_DAYS)
    first: list[float] = []
    last: list[float] = []
    earliest, latest = first_day, None
    for day, score in readings:
        if day > today:
            continue
        earliest = day if earliest is None or day < earliest else earliest
        latest = day if latest is None or day > latest else latest
        if start <= day < middle:
            first.append(score)
        elif middle <= day <= today:
            last.append(score)
    days = (latest - earliest).days + 1 if earliest is not None and latest is not None else 0
    first_mean = _mean(first)
    last_mean = _mean(last)
    better = first_mean is not None and last_mean is not None and improved(first_mean, last_mean)
    advise = (days >= WINDOW_DAYS and first_mean is not None and last_mean is not None
              and not better and last_mean > 0)
    return TwoWeekState(days, first_mean, last_mean, better, advise)


def monday(day: date) -> date:
    """The Monday that starts `day`'s week (ISO weeks)."""
    return day - timedelta(days=day.weekday())


def weekly_means(readings: Iterable[tuple[date, float, str]], today: date,
                 weeks: int = 8) -> tuple[tuple[date, float | None, float | None], ...]:
    """(Monday, mean before, mean after) for the `weeks` weeks ending with today's, oldest first.

    `readings` are (local date, score, moment) with moment "before", "after" or "alone".
    A check-in on its own ("alone") is a reading of the back at rest, so it counts with
    "before"; "after" is the score right after a routine. None: no score that week.
    """
    first = monday(today) - timedelta(weeks=weeks - 1)
    before: list[list[float]] = [[] for _ in range(weeks)]
    after: list[list[float]] = [[] for _ in range(weeks)]
    for day, score, moment in readings:
        if day < first or day > today:
            continue
        week = (day - first).days // 7
        (after if moment == "after" else before)[week].append(score)
    return tuple((first + timedelta(weeks=n), _mean(before[n]), _mean(after[n]))
                 for n in range(weeks))


def streak(days: Iterable[date], today: date) -> int:
    """Days in a row with activity, ending today, or yesterday when today has none yet."""
    have = set(days)
    day = today if today in have else today - timedelta(days=1)
    count = 0
    while day in have:
        count += 1
        day -= timedelta(days=1)
    return count


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None

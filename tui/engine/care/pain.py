"""Pain check-ins in numbers: the two-week rule and weekly means.

Pure: callers pass local dates and 0..10 scores (the numeric rating scale: 0 no pain, 10
worst imaginable). Nothing here reads a clock or the database.

The two-week rule (docs/sources.md#the-two-week-rule): compare the start (the first 7 days
of the episode of pain, or of use) with the last 7 days, on daily means of at-rest scores
(before a routine, or a check-in on its own; a score right after a routine measures the
routine). A drop of 2 points or more, or of 30 % or more, is the change people notice as
meaningful (Farrar et al., Pain 2001; Ostelo et al., Spine 2008); less than that, after two
weeks of regular exercise, is "no improvement", and the seeds say to see a doctor then. It
speaks only with enough data: check-ins on 3 days of each of those weeks and routines on 6
of the last 14 days. Measured against the start, someone who improved stays quiet while
the pain stays at or below the improved level.

The global impression of change (tui.engine.measures.impression) stands beside the scores:
when the latest answer of the last 14 days is "much better" or "very much better", the rule
counts it as improved and keeps quiet even if the scores lag (that answer is what the
2-point change was anchored on, Farrar et al. 2001); "much worse" or "very much worse" counts
as not improved even if the scores dropped (lumbar's own choice). The data minimums still
apply either way (docs/sources.md#the-two-week-rule).

After a routine, `worse_after` decides whether the score calls for the stop-if advice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta

from tui.engine.frozen import frozen
from tui.engine.measures.impression import BETTER, WORSE

#: Days from the start the rule needs before it speaks, and the length of each week it compares.
WINDOW_DAYS = 14
HALF_DAYS = WINDOW_DAYS // 2
#: A meaningful improvement: this many points down, or this share of the first mean
#: (Farrar et al., Pain 2001: about 2 points or about 30 % on the 0..10 scale).
MIN_DROP_POINTS = 2.0
MIN_DROP_SHARE = 0.30
#: The data the rule needs to speak: at-rest check-ins on this many days of each week...
MIN_CHECKIN_DAYS = 3
#: ...and a routine on this many of the last 14 days, so that "no improvement" is after
#: regular exercise (lumbar's own choices: docs/sources.md#the-two-week-rule).
MIN_ROUTINE_DAYS = 6
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


@frozen
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


@frozen
class TwoWeekState:
    """Where the two-week rule stands on one day."""

    days: int
    """Days from the start to today, inclusive (0: no at-rest check-in yet)."""
    first_mean: float | None
    """Mean of the daily mean at-rest scores (0..10) in the start week; None: no check-in."""
    last_mean: float | None
    """The same over the last 7 days, today included; None: no check-in."""
    improved: bool
    """The mean dropped by >= 2 points or >= 30 % from the start (Farrar et al., Pain 2001),
    or the global impression said "much better" or more; never after "much worse" or more."""
    advise: bool
    """Enough data, not improved, and some pain left."""
    first_days: int = 0
    """Days with an at-rest check-in in the start week."""
    last_days: int = 0
    """Days with an at-rest check-in in the last 7 days."""
    routine_days: int = 0
    """Days with a routine in the last 14 days, today included."""
    start: date | None = None
    """The first day of the start week: the episode's, else the first at-rest check-in's."""
    impression: int | None = None
    """The global impression (1 very much better .. 7 very much worse) the rule used: the
    latest of the last 14 days, on or after the start; None: none given."""
    scores_improved: bool = False
    """What the scores alone say (`improved` may differ when `impression` overrode them)."""

    @property
    def enough(self) -> bool:
        """Whether there is enough to judge (the rule's data minimums)."""
        return (self.days >= WINDOW_DAYS and self.first_days >= MIN_CHECKIN_DAYS
                and self.last_days >= MIN_CHECKIN_DAYS and self.routine_days >= MIN_ROUTINE_DAYS)


def improved(first: float, last: float) -> bool:
    """True when going from mean `first` to mean `last` is a meaningful drop.

    Compared with a small tolerance, so 7.0 -> 4.9 (exactly 30 %) counts whatever the float
    rounding of the means."""
    drop = first - last
    if drop >= MIN_DROP_POINTS - 1e-9:
        return True
    return first > 0 and drop / first >= MIN_DROP_SHARE - 1e-9


def two_week(readings: Iterable[tuple[date, float, str]], today: date, start: date | None = None,
             routine_days: Iterable[date] = (),
             impressions: Iterable[tuple[date, int]] = ()) -> TwoWeekState:
    """The rule's state for `today`.

    `readings` are (local date, score, moment) with moment "before", "after" or "alone";
    "after" ones and those after `today` are left out. `start` is the episode's first day
    (when the person said when the pain started); without it, or when it comes before
    every check-in, the first at-rest check-in's day. `routine_days` are the local days
    with a routine. Advice needs `TwoWeekState.enough`, no meaningful improvement, and a
    last-week mean above 0: two weeks without pain need no doctor. `impressions` are
    (local date, code 1..7) global impressions of change: the latest of the last 14 days
    that is not before the start overrides the scores when it is clearly better or worse
    (see the module docstring).
    """
    daily: dict[date, list[float]] = {}
    for day, score, moment in readings:
        if moment != "after" and day <= today:
            daily.setdefault(day, []).append(score)
    earliest = min(daily, default=None)
    if start is None or (earliest is not None and start < earliest):
        start = earliest
    if start is None or start > today:
        return TwoWeekState(0, None, None, False, False)
    first_week = [day for day in daily if start <= day < start + timedelta(days=HALF_DAYS)]
    last_week = [day for day in daily if today - timedelta(days=HALF_DAYS - 1) <= day <= today]
    first_mean = _mean([_mean(daily[d]) or 0.0 for d in first_week])
    last_mean = _mean([_mean(daily[d]) or 0.0 for d in last_week])
    fortnight = today - timedelta(days=WINDOW_DAYS - 1)
    routines = len({d for d in routine_days if fortnight <= d <= today})
    scores = first_mean is not None and last_mean is not None and improved(first_mean, last_mean)
    said = latest_impression(impressions, today, start)
    better = True if said in BETTER else False if said in WORSE else scores
    state = TwoWeekState((today - start).days + 1, first_mean, last_mean, better, False,
                         len(first_week), len(last_week), routines, start, said, scores)
    advise = state.enough and not better and last_mean is not None and last_mean > 0
    return replace(state, advise=advise)


def latest_impression(impressions: Iterable[tuple[date, int]], today: date,
                      start: date) -> int | None:
    """The code of the latest impression given in the `WINDOW_DAYS` days ending `today` and
    not before `start`; None when there is none."""
    window = today - timedelta(days=WINDOW_DAYS - 1)
    found: tuple[date, int] | None = None
    for day, code in impressions:
        if max(window, start) <= day <= today and (found is None or day >= found[0]):
            found = (day, code)
    return found[1] if found is not None else None


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

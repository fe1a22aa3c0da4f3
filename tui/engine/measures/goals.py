"""Your goals: the Patient-Specific Functional Scale (Stratford et al., Physiotherapy Canada
1995; docs/sources.md#your-goals-psfs).

Up to three activities the person finds hard because of their back, in their own words,
each rated 0 (cannot do it) to 10 (as able as before the problem). The score is the mean of
the ratings; change is measured against each goal's first rating. A change of 2 points in
the mean, or 3 in one goal, is beyond the scale's measurement error (its published figures)
and is shown as meaningful.

Pure: callers pass the ratings with their local dates.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from tui.engine.frozen import frozen

#: At most this many goals at a time (the scale asks for up to three activities).
MAX_GOALS = 3
#: Longest goal text kept, in characters: a short phrase, one line on a 60-column screen.
MAX_TEXT = 60
#: Lowest and highest rating: 0 cannot do it, 10 as able as before the problem.
LOW, HIGH = 0, 10
#: A meaningful change of the mean of the goals, points (Stratford et al. 1995).
MEAN_CHANGE = 2.0
#: A meaningful change of one goal, points (Stratford et al. 1995).
GOAL_CHANGE = 3

LOW_WORDS = "cannot do it"
HIGH_WORDS = "as able as before"


@frozen
class Rating:
    """One rating of one goal: its local date and 0..10."""

    day: date
    score: int


@frozen
class Goal:
    """A goal and its ratings, oldest first."""

    key: str
    """The goal's stable key (the store's)."""
    text: str
    """The activity in the person's words (user text: shown with markup off)."""
    set_on: date
    retired_on: date | None = None
    ratings: tuple[Rating, ...] = ()

    @property
    def first(self) -> Rating | None:
        return self.ratings[0] if self.ratings else None

    @property
    def latest(self) -> Rating | None:
        return self.ratings[-1] if self.ratings else None

    @property
    def change(self) -> int | None:
        """Latest minus first rating, points; None with fewer than two ratings."""
        if len(self.ratings) < 2:
            return None
        return self.ratings[-1].score - self.ratings[0].score

    @property
    def meaningful(self) -> bool:
        """The change is `GOAL_CHANGE` points or more, up or down."""
        return self.change is not None and abs(self.change) >= GOAL_CHANGE


@frozen
class Progress:
    """The goals' scores on one day."""

    mean: float | None
    """Mean of each current goal's latest rating, 0..10; None: no goal rated yet."""
    first_mean: float | None
    """Mean of the first ratings of the goals rated twice or more; None: none."""
    latest_mean: float | None
    """Mean of the latest ratings of those same goals (the change compares like with like)."""
    since: date | None
    """The earliest first rating among those goals."""
    goals: tuple[Goal, ...]

    @property
    def change(self) -> float | None:
        """`latest_mean` - `first_mean`, points; None when no goal was rated twice."""
        if self.first_mean is None or self.latest_mean is None:
            return None
        return self.latest_mean - self.first_mean

    @property
    def meaningful(self) -> bool:
        """The mean moved by `MEAN_CHANGE` or more, or one goal by `GOAL_CHANGE` or more
        (either way: a drop is as meaningful as a rise)."""
        change = self.change
        if change is not None and abs(change) >= MEAN_CHANGE - 1e-9:
            return True
        return any(goal.meaningful for goal in self.goals)


def progress(goals: Sequence[Goal]) -> Progress:
    """The scores of the current (not retired) goals in `goals`."""
    current = tuple(g for g in goals if g.retired_on is None)
    latest = [g.ratings[-1].score for g in current if g.ratings]
    twice = [g for g in current if len(g.ratings) >= 2]
    return Progress(
        mean=_mean(latest),
        first_mean=_mean([g.ratings[0].score for g in twice]),
        latest_mean=_mean([g.ratings[-1].score for g in twice]),
        since=min((g.ratings[0].day for g in twice), default=None),
        goals=current)


def check_text(text: str) -> str:
    """`text` as a goal keeps it: one line, spaces squeezed. ValueError when empty or longer
    than MAX_TEXT characters."""
    line = " ".join(text.split())
    if not line:
        raise ValueError("a goal needs a few words: what you would like to be able to do")
    if len(line) > MAX_TEXT:
        raise ValueError(f"a goal is at most {MAX_TEXT} characters, not {len(line)}")
    return line


def check_score(score: int) -> int:
    """`score` if it is a whole number 0..10, else ValueError."""
    if isinstance(score, bool) or not isinstance(score, int) or not LOW <= score <= HIGH:
        raise ValueError(f"a rating is a whole number from {LOW} to {HIGH}, not {score!r}")
    return score


def _mean(values: Sequence[int]) -> float | None:
    return sum(values) / len(values) if values else None

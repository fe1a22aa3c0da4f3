"""The outcome measures with plain numbers: goals (PSFS), PEG, the global impression, when
each is due, and the impression's part in the two-week rule (tui/engine/measures/,
tui/engine/care/pain.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tui.engine.care.pain import two_week
from tui.engine.measures import due, goals, impression, peg
from tui.engine.measures.goals import Goal, Rating

DAY = date(2026, 3, 2)  # a Monday


def goal(key: str, *scores: int, retired: bool = False, every: int = 7) -> Goal:
    ratings = tuple(Rating(DAY + timedelta(days=every * n), s) for n, s in enumerate(scores))
    return Goal(key, f"goal {key}", DAY, DAY + timedelta(days=30) if retired else None, ratings)


# -- goals ------------------------------------------------------------------------------------

def test_the_mean_is_of_each_goals_latest_rating() -> None:
    p = goals.progress([goal("a", 2, 4), goal("b", 6), goal("c", 3, 3, 5)])
    assert p.mean == pytest.approx((4 + 6 + 5) / 3)
    # The change compares the goals rated twice or more, first against latest.
    assert p.first_mean == pytest.approx((2 + 3) / 2) and p.latest_mean == pytest.approx((4 + 5) / 2)
    assert p.change == pytest.approx(2.0) and p.since == DAY


def test_a_change_of_two_in_the_mean_is_meaningful() -> None:
    assert goals.progress([goal("a", 2, 4), goal("b", 3, 5)]).meaningful
    # 1.5 points in the mean and no goal moved by 3: not meaningful.
    p = goals.progress([goal("a", 2, 4), goal("b", 3, 4)])
    assert p.change == pytest.approx(1.5) and not p.meaningful


def test_a_change_of_three_in_one_goal_is_meaningful_even_when_the_mean_lags() -> None:
    p = goals.progress([goal("a", 2, 5), goal("b", 5, 4), goal("c", 6, 5)])
    assert p.change == pytest.approx(1 / 3) and p.meaningful
    assert [g.change for g in p.goals] == [3, -1, -1]
    assert [g.meaningful for g in p.goals] == [True, False, False]


def test_a_drop_is_as_meaningful_as_a_rise() -> None:
    p = goals.progress([goal("a", 7, 4)])
    assert p.change == -3 and p.meaningful and p.goals[0].meaningful


def test_retired_goals_and_single_ratings_do_not_count_in_the_change() -> None:
    p = goals.progress([goal("a", 1, 9, retired=True), goal("b", 4)])
    assert p.mean == 4 and p.change is None and not p.meaningful
    assert [g.key for g in p.goals] == ["b"] and p.goals[0].change is None


def test_no_goals_rated_has_no_mean() -> None:
    p = goals.progress([Goal("a", "walk", DAY)])
    assert (p.mean, p.change, p.since, p.meaningful) == (None, None, None, False)


def test_goal_text_is_one_line_of_own_words_within_its_length() -> None:
    assert goals.check_text("  lift   my\tchild ") == "lift my child"
    with pytest.raises(ValueError):
        goals.check_text("   ")
    with pytest.raises(ValueError):
        goals.check_text("x" * (goals.MAX_TEXT + 1))
    assert goals.check_text("x" * goals.MAX_TEXT)


@pytest.mark.parametrize("bad", [-1, 11, 2.5, True, "3"])
def test_a_rating_is_a_whole_number_from_0_to_10(bad: object) -> None:
    with pytest.raises(ValueError):
        goals.check_score(bad)  # type: ignore[arg-type]


# -- PEG ----------------------------------------------------------------------------------------

def test_the_peg_score_is_the_mean_of_its_three_answers() -> None:
    assert peg.score(6, 3, 3) == 4.0
    assert peg.score(0, 0, 0) == 0.0 and peg.score(10, 10, 10) == 10.0
    assert peg.score(5, 4, 4) == pytest.approx(13 / 3)
    assert peg.KEYS == ("pain", "enjoyment", "activity")


@pytest.mark.parametrize("bad", [(11, 0, 0), (0, -1, 0), (0, 0, 1.5)])
def test_peg_answers_are_whole_numbers_from_0_to_10(bad: tuple) -> None:
    with pytest.raises(ValueError):
        peg.score(*bad)


# -- the global impression ----------------------------------------------------------------------

def test_the_impression_has_seven_answers_from_very_much_better_to_very_much_worse() -> None:
    assert len(impression.CHOICES) == 7
    assert impression.words(1) == "very much better" and impression.words(4) == "no change"
    assert impression.words(7) == "very much worse"
    with pytest.raises(ValueError):
        impression.words(0)
    with pytest.raises(ValueError):
        impression.words(8)


# -- when each is due -------------------------------------------------------------------------------

def test_goals_are_offered_without_goals_and_re_rated_weekly() -> None:
    assert due.goals_due(DAY, 0, None) == "offer"
    assert due.goals_due(DAY, 2, None) == "rate"
    assert due.goals_due(DAY, 2, DAY) is None                       # rated today
    assert due.goals_due(DAY, 2, DAY - timedelta(days=6)) is None    # six days ago
    assert due.goals_due(DAY, 2, DAY - timedelta(days=7)) == "rate"  # a week ago
    # A skipped offer counts for the week too.
    assert due.goals_due(DAY, 0, DAY - timedelta(days=3)) is None
    assert due.goals_due(DAY, 0, DAY - timedelta(days=7)) == "offer"


def test_the_peg_is_weekly_and_a_skip_counts_as_an_answer() -> None:
    assert due.peg_due(DAY, None)
    assert not due.peg_due(DAY, DAY)
    assert not due.peg_due(DAY, DAY - timedelta(days=6))
    assert due.peg_due(DAY, DAY - timedelta(days=7))


def test_the_impression_waits_two_weeks_from_the_start_then_every_two_weeks() -> None:
    assert not due.impression_due(DAY, None, None)                            # nothing to compare
    assert not due.impression_due(DAY, DAY - timedelta(days=13), None)
    assert due.impression_due(DAY, DAY - timedelta(days=14), None)
    assert not due.impression_due(DAY, DAY - timedelta(days=40), DAY - timedelta(days=13))
    assert due.impression_due(DAY, DAY - timedelta(days=40), DAY - timedelta(days=14))


# -- the impression in the two-week rule -----------------------------------------------------------

TODAY = date(2026, 3, 31)
EVERY_DAY = [TODAY - timedelta(days=n) for n in range(14)]


def fortnight(first: float, last: float) -> list[tuple[date, float, str]]:
    return [(TODAY - timedelta(days=13 - n), first if n < 7 else last, "before") for n in range(14)]


def test_much_better_keeps_the_rule_quiet_when_the_scores_lag() -> None:
    scores_only = two_week(fortnight(6, 5), TODAY, None, EVERY_DAY)
    assert scores_only.advise and not scores_only.improved
    for code in impression.BETTER:
        state = two_week(fortnight(6, 5), TODAY, None, EVERY_DAY, [(TODAY - timedelta(days=1), code)])
        assert state.improved and not state.advise and not state.scores_improved
        assert state.impression == code


def test_much_worse_counts_as_not_improving_even_when_the_scores_dropped() -> None:
    assert two_week(fortnight(6, 3), TODAY, None, EVERY_DAY).improved
    for code in impression.WORSE:
        state = two_week(fortnight(6, 3), TODAY, None, EVERY_DAY, [(TODAY, code)])
        assert not state.improved and state.advise and state.scores_improved


@pytest.mark.parametrize("code", [3, 4, 5])
def test_the_middle_answers_leave_it_to_the_scores(code: int) -> None:
    assert two_week(fortnight(6, 5), TODAY, None, EVERY_DAY, [(TODAY, code)]).advise
    assert not two_week(fortnight(6, 3), TODAY, None, EVERY_DAY, [(TODAY, code)]).advise


def test_only_the_latest_impression_of_the_last_fourteen_days_counts() -> None:
    old = (TODAY - timedelta(days=14), 1)       # outside the window
    assert two_week(fortnight(6, 5), TODAY, None, EVERY_DAY, [old]).advise
    newer = [(TODAY - timedelta(days=10), 1), (TODAY - timedelta(days=2), 6)]
    state = two_week(fortnight(6, 5), TODAY, None, EVERY_DAY, newer)
    assert state.impression == 6 and state.advise
    # Given before the start (an earlier episode), it says nothing of this one.
    start = TODAY - timedelta(days=13)
    before = [(start - timedelta(days=1), 1)]
    assert two_week(fortnight(6, 5), TODAY, start, EVERY_DAY, before).impression is None


def test_the_data_minimums_still_apply_with_an_impression() -> None:
    few = two_week(fortnight(6, 5), TODAY, None, EVERY_DAY[:3], [(TODAY, 7)])
    assert not few.enough and not few.advise

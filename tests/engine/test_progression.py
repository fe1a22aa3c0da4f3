"""The progression rule over simulated weeks: up, hold, down, the range's ends, a flare-up
day, and a routine file edited between sessions. Pure: dates in, doses out."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tui.engine.routine.model import Ranges, Span
from tui.engine.routine.plan import StepKind, plan
from tui.engine.progress.progression import (
    Level, Outcome, bottom, change_text, decide, fit, flare_up, step_down, step_up,
)
from tui.services.loader import load_text

ROUTINE = """\
name: Core
exercises:
  - name: Bridge
    position: on-back
    reps: 5-12
    sets: 2-3
  - name: Wall stand
    position: standing
    hold: 5s-15s
  - name: Tilt
    position: on-back
    reps: 5
"""
DAY = date(2026, 3, 2)
BRIDGE = Ranges(reps=Span(5, 12, 1), sets=Span(2, 3, 1))


def routine(text: str = ROUTINE):
    return load_text(text, "core.yaml")


def easy(day: date, before: int | None = None, after: int | None = None) -> Outcome:
    return Outcome(day, "easy", before, after)


def test_a_new_routine_starts_at_the_bottom_and_nothing_is_announced() -> None:
    d = decide(routine(), {}, (), (), DAY)
    assert d.levels == {"Bridge": Level(reps=5, sets=2), "Wall stand": Level(hold=5.0)}
    assert d.changes == ()
    assert set(d.fitted) == {"Bridge", "Wall stand"}


def test_two_easy_days_raise_every_ranged_exercise_one_step() -> None:
    start = {"Bridge": Level(5, 2), "Wall stand": Level(hold=5.0)}
    d = decide(routine(), start, (easy(DAY), easy(DAY + timedelta(days=1))), (), DAY + timedelta(days=2))
    assert d.levels == {"Bridge": Level(6, 2), "Wall stand": Level(hold=10.0)}
    assert [c.text() for c in d.changes] == ["Bridge: 6 reps, up from 5",
                                             "Wall stand: 10 s hold, up from 5 s"]


@pytest.mark.parametrize(
    "since",
    [
        (easy(DAY), easy(DAY)),  # the same day twice
        (easy(DAY),),
        (easy(DAY), Outcome(DAY + timedelta(days=1), "right")),  # the latest is not "too easy"
        (easy(DAY), easy(DAY + timedelta(days=1), before=2, after=3)),  # pain rose
    ],
    ids=["same-day", "one", "latest-right", "pain-rose"],
)
def test_not_enough_to_raise(since: tuple[Outcome, ...]) -> None:
    start = {"Bridge": Level(7, 2), "Wall stand": Level(hold=10.0)}
    d = decide(routine(), start, since, (), DAY + timedelta(days=2))
    assert d.changes == () and d.levels == start


def test_skipped_questions_do_not_break_a_run_of_easy_answers() -> None:
    since = (easy(DAY), Outcome(DAY + timedelta(days=1)), easy(DAY + timedelta(days=2)))
    assert decide(routine(), {"Bridge": Level(5, 2)}, since, (), DAY + timedelta(days=3)).changes


@pytest.mark.parametrize(
    ("outcome", "bridge", "wall"),
    [
        (Outcome(DAY, "hard"), Level(6, 2), 5.0),
        (Outcome(DAY, "right", before=3, after=5), Level(6, 2), 5.0),
        (Outcome(DAY, "easy", easier=frozenset({"Wall stand"})), Level(7, 2), 5.0),
    ],
    ids=["too-hard", "pain-rise-2", "made-easier"],
)
def test_a_step_back_down(outcome: Outcome, bridge: Level, wall: float) -> None:
    start = {"Bridge": Level(7, 2), "Wall stand": Level(hold=10.0)}
    d = decide(routine(), start, (easy(DAY - timedelta(days=1)), outcome), (), DAY + timedelta(days=1))
    assert d.levels == {"Bridge": bridge, "Wall stand": Level(hold=wall)}
    assert all(c.why == "down" for c in d.changes)


def test_a_pain_rise_of_one_only_blocks_a_raise() -> None:
    start = {"Bridge": Level(7, 2)}
    d = decide(routine(), start, (Outcome(DAY, "right", before=3, after=4),), (), DAY)
    assert d.levels["Bridge"] == Level(7, 2)


def test_reps_first_then_hold_then_sets_and_never_past_the_top() -> None:
    """A static stretch's hold grows before its sets (docs/sources.md#progression)."""
    ranges = Ranges(reps=Span(5, 6, 1), sets=Span(2, 3, 1), hold=Span(5, 10, 5))
    level = bottom(ranges)
    seen = [level]
    for _ in range(5):
        level = step_up(ranges, level)
        seen.append(level)
    assert seen == [Level(5, 2, 5.0), Level(6, 2, 5.0), Level(6, 2, 10.0), Level(6, 3, 10.0),
                    Level(6, 3, 10.0), Level(6, 3, 10.0)]
    # Down undoes the raises in reverse, and stops at the bottom.
    for expected in reversed(seen[:4]):
        assert level == expected
        level = step_down(ranges, level)
    assert level == Level(5, 2, 5.0)


def test_at_the_top_nothing_moves_and_nothing_is_announced() -> None:
    top = {"Bridge": Level(12, 3), "Wall stand": Level(hold=15.0)}
    d = decide(routine(), top, (easy(DAY), easy(DAY + timedelta(days=1))), (), DAY + timedelta(days=2))
    assert d.changes == () and d.levels == top
    bottom_ = {"Bridge": Level(5, 2), "Wall stand": Level(hold=5.0)}
    assert decide(routine(), bottom_, (Outcome(DAY, "hard"),), (), DAY).changes == ()


def test_a_flare_up_day() -> None:
    week = [(DAY - timedelta(days=n), 3) for n in range(1, 8)]
    assert not flare_up(DAY, week + [(DAY, 4)])
    assert flare_up(DAY, week + [(DAY, 5)])
    assert not flare_up(DAY, [(DAY, 9)])  # no baseline yet
    assert not flare_up(DAY, [(DAY - timedelta(days=15), 1), (DAY, 9)])  # too old to count
    start = {"Bridge": Level(5, 2), "Wall stand": Level(hold=5.0)}
    since = (easy(DAY - timedelta(days=2)), easy(DAY - timedelta(days=1)))
    assert decide(routine(), start, since, week + [(DAY, 6)], DAY).changes == ()
    assert decide(routine(), start, since, week + [(DAY, 4)], DAY).changes
    # A flare-up never stops a step down.
    hard = since + (Outcome(DAY, "hard"),)
    assert decide(routine(), {"Bridge": Level(8, 2)}, hard, week + [(DAY, 6)], DAY).levels["Bridge"] == Level(7, 2)


def test_an_edited_routine_file() -> None:
    stored = {"Bridge": Level(11, 3), "Wall stand": Level(hold=15.0)}
    edited = ROUTINE.replace("reps: 5-12", "reps: 5-8").replace("sets: 2-3", "sets: 2").replace(
        "name: Wall stand", "name: Wall lean").replace("hold: 5s-15s", "hold: {from: 10s, to: 30s, step: 10s}")
    d = decide(routine(edited), stored, (), (), DAY)
    # Clamped into the new range; the sets are no longer ranged; the renamed one starts low.
    assert d.levels == {"Bridge": Level(reps=8), "Wall lean": Level(hold=10.0)}
    assert set(d.fitted) == {"Bridge", "Wall lean"} and d.changes == ()
    assert fit(Ranges(reps=Span(5, 11, 2)), Level(reps=8)) == Level(reps=7)  # onto the grid, downward


def test_a_simulated_fortnight() -> None:
    """Easy every day for ten days, then one "too hard": 5 reps climb, then one step back."""
    r = routine()
    stored: dict[str, Level] = {}
    since: list[Outcome] = []
    reps = []
    for n in range(14):
        today = DAY + timedelta(days=n)
        d = decide(r, stored, tuple(since), (), today)
        if d.changes or d.fitted:
            stored, since = dict(d.levels), []
        reps.append(stored["Bridge"].reps)
        since.append(Outcome(today, "hard" if n == 10 else "easy", 2, 2))
    assert reps == [5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 9, 9, 10]


def test_the_plan_uses_the_dose() -> None:
    steps = plan(routine(), levels={"Bridge": Level(9, 3), "Wall stand": Level(hold=15.0)}).steps
    bridge = [s for s in steps if s.kind is StepKind.REPS and s.title == "Bridge"]
    assert [s.reps for s in bridge] == [9, 9, 9]
    assert [s.duration for s in steps if s.title == "Wall stand"] == [15.0]
    tilt = [s for s in steps if s.title == "Tilt"]
    assert [s.reps for s in tilt] == [5]


def test_change_text() -> None:
    assert change_text("Bridge", Level(6, 2), Level(7, 2)) == "Bridge: 7 reps, up from 6"
    assert change_text("Bridge", Level(12, 2), Level(12, 3)) == "Bridge: 3 sets, up from 2"
    assert change_text("Bridge", Level(12, 3), Level(12, 2)) == "Bridge: 2 sets, down from 3"


def test_a_single_exercise_marked_on_the_summary_speaks_for_itself_only() -> None:
    start = {"Bridge": Level(7, 2), "Wall stand": Level(hold=10.0)}
    # The routine "about right" twice, the wall stand marked too easy both times: it alone goes up.
    since = tuple(Outcome(DAY + timedelta(days=n), "right", marks=(("Wall stand", "easy"),)) for n in range(2))
    d = decide(routine(), start, since, (), DAY + timedelta(days=2))
    assert [(c.name, c.why) for c in d.changes] == [("Wall stand", "up")]
    # The routine "too easy" twice, the bridge marked too hard once: the bridge goes down,
    # the wall stand still goes up.
    since = (easy(DAY), Outcome(DAY + timedelta(days=1), "easy", marks=(("Bridge", "hard"),)))
    d = decide(routine(), start, since, (), DAY + timedelta(days=2))
    assert sorted((c.name, c.why) for c in d.changes) == [("Bridge", "down"), ("Wall stand", "up")]
    # Without marks, "too hard" for the routine still moves every exercise down.
    d = decide(routine(), start, (Outcome(DAY, "hard"),), (), DAY + timedelta(days=1))
    assert sorted((c.name, c.why) for c in d.changes) == [("Bridge", "down"), ("Wall stand", "down")]

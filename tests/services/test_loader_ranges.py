"""Ranges of reps, sets and holds: the forms that read, and exact messages for bad ones."""

from __future__ import annotations

import pytest

from tui.engine.routine.model import Dose, Ranges, Span
from tui.services.loader import RoutineError, load_text

HEAD = "lumbar: 1\nname: Ranges\nexercises:\n  - name: Bridge\n    position: on-back\n"


def one(body: str):
    return load_text(HEAD + body, "r.yaml").exercises[0]


@pytest.mark.parametrize(
    ("body", "dose", "ranges"),
    [
        ("    reps: 5-12\n", Dose(reps=5), Ranges(reps=Span(5, 12, 1))),
        ("    reps: {from: 5, to: 11, step: 2}\n", Dose(reps=5), Ranges(reps=Span(5, 11, 2))),
        ("    reps: 8\n    sets: 3-5\n", Dose(reps=8, sets=3), Ranges(sets=Span(3, 5, 1))),
        ("    hold: 5s-15s\n", Dose(hold_seconds=5), Ranges(hold=Span(5, 15, 5))),
        ("    hold: {from: 10s, to: 1m, step: 10s}\n", Dose(hold_seconds=10), Ranges(hold=Span(10, 60, 10))),
        ("    hold: 5-5\n", Dose(hold_seconds=5), Ranges(hold=Span(5, 5, 5))),
    ],
)
def test_good_ranges(body: str, dose: Dose, ranges: Ranges) -> None:
    exercise = one(body)
    assert exercise.dose == dose
    assert exercise.ranges == ranges


def test_plain_numbers_have_no_ranges() -> None:
    assert one("    reps: 5\n    sets: 2\n").ranges is None
    assert one("    hold: 4 breaths\n").ranges is None


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("    reps: 12-5\n", "r.yaml:6:11: exercise 1 (exercises[0].reps): expected a range from low to high; found from 12 to 5"),
        ("    reps: {from: 5, to: 12, step: 2}\n",
         "r.yaml:6:35: exercise 1 (exercises[0].reps): expected a step that goes evenly from 5 to 12; found step 2"),
        ("    hold: 5s-12s\n",
         "r.yaml:6:11: exercise 1 (exercises[0].hold): expected a step that goes evenly from 5s to 12s; found step 5s (the default)"),
        ("    reps: 0-12\n", "r.yaml:6:11: exercise 1 (exercises[0].reps): expected reps from 1 to 100; found 0 in '0-12'"),
        ("    reps: 5\n    sets: 2-30\n", "r.yaml:7:11: exercise 1 (exercises[0].sets): expected sets from 1 to 20; found 30 in '2-30'"),
        ("    hold: 5s-20m\n", "r.yaml:6:11: exercise 1 (exercises[0].hold): expected holds from 1s to 10m; found 20m in '5s-20m'"),
        ("    hold: 3-5 breaths\n",
         "r.yaml:6:11: exercise 1 (exercises[0].hold): expected one breath count; ranges are for timed holds; found '3-5 breaths'"),
        ("    reps: {from: 5, to: 101}\n",
         "r.yaml:6:25: exercise 1 (exercises[0].reps.to): expected a whole number from 1 to 100; found 101"),
        ("    reps: {to: 12}\n",
         "r.yaml:6:11: exercise 1 (exercises[0].reps): missing required key 'from' (a range is {from, to, step})"),
        ("    reps: {from: 5, to: 12, by: 2}\n",
         "r.yaml:6:29: exercise 1 (exercises[0].reps): unknown key 'by'; expected one of from, to, step"),
    ],
)
def test_bad_ranges(body: str, message: str) -> None:
    with pytest.raises(RoutineError) as info:
        load_text(HEAD + body, "r.yaml")
    assert str(info.value) == message


def test_check_reports_a_bad_range(tmp_path, capsys) -> None:
    from tui.cli.routines import check

    path = tmp_path / "r.yaml"
    path.write_text(HEAD + "    reps: 12-5\n", encoding="utf-8")
    assert check([path]) == 2
    err = capsys.readouterr().err
    assert f"{path}:6:11: exercise 1 (exercises[0].reps): expected a range from low to high; found from 12 to 5" in err

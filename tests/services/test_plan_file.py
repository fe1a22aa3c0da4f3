"""plan.yaml: the format read, and every problem with its file:line:column, field and a did-you-mean."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from tui.services.loader import RoutineError
from tui.services.loader.plan import plan_text
from tui.services.plan_file import plan_path, read_plan

ROUTINES = ("core-basics", "walking-posture", "desk-break")

GOOD = """\
lumbar: 1
start: 2026-11-02
review: 2026-12-14
set_by: Sam Okafor, physiotherapist
note: Three days a week; walk on the others.
time: "18:00"
routines:
  - routine: core-basics
    days: [mon, wed, fri]
  - routine: walking-posture
    days: 2
    time: 08:00
  - routine: desk-break
    days: daily
"""


def problems(text: str) -> list[str]:
    with pytest.raises(RoutineError) as caught:
        plan_text(text, "plan.yaml", ROUTINES)
    return [str(p) for p in caught.value.problems]


def test_a_whole_plan_reads_with_its_defaults_and_overrides() -> None:
    plan = plan_text(GOOD, "plan.yaml", ROUTINES)
    assert (plan.start, plan.review, plan.set_by) == (date(2026, 11, 2), date(2026, 12, 14),
                                                      "Sam Okafor, physiotherapist")
    core, walk, desk = plan.entries
    assert (core.weekdays, core.per_week, core.at, core.line) == (frozenset({0, 2, 4}), 3, time(18, 0), 8)
    # An unquoted 08:00 is read as written, not as YAML 1.1's sexagesimal number.
    assert (walk.weekdays, walk.per_week, walk.at) == (None, 2, time(8, 0))
    assert (desk.weekdays, desk.per_week) == (frozenset(range(7)), 7)


def test_each_problem_has_its_place_the_field_and_what_was_expected() -> None:
    text = GOOD.replace("2026-11-02", "2026-11-31").replace("[mon, wed, fri]", "[mon, wendsday, fri]")
    text = text.replace("days: 2", "days: 9").replace("time: 08:00", "time: 8pm")
    assert problems(text) == [
        "plan.yaml:2:8: start: expected a date like 2026-11-02 (YYYY-MM-DD); found '2026-11-31', "
        "which is no day of the calendar",
        "plan.yaml:9:17: routines[0].days[1]: expected a day: mon, tue, wed, thu, fri, sat, sun; "
        "found 'wendsday'; did you mean 'wed'?",
        "plan.yaml:11:11: routines[1].days: expected days a week (1 to 7), 'daily', or a list of "
        "days like [mon, wed, fri]; found 9",
        "plan.yaml:12:11: routines[1].time: expected a time of day like 18:00 (HH:MM, 24-hour "
        "clock); found '8pm'",
    ]


def test_an_unknown_routine_or_key_gets_a_did_you_mean() -> None:
    text = GOOD.replace("routine: core-basics", "routine: core-basic").replace("set_by:", "physio:")
    assert problems(text) == [
        "plan.yaml:4:1: unknown key 'physio'; did you mean 'set_by'?",
        "plan.yaml:8:14: routines[0].routine: expected a routine lumbar has; found 'core-basic'; "
        "did you mean 'core-basics'?",
    ]


def test_missing_keys_duplicates_and_a_review_before_the_start() -> None:
    text = "start: 2026-11-02\nreview: 2026-10-01\nroutines:\n  - routine: core-basics\n" \
           "    days: [mon, mon]\n  - days: 3\n"
    assert problems(text) == [
        "plan.yaml:2:9: review: expected a date on or after the start (2026-11-02); found 2026-10-01",
        "plan.yaml:5:17: routines[0].days[1]: 'mon' is given twice",
        "plan.yaml:6:5: routines[1]: missing required key 'routine'",
    ]
    assert problems("routines: []\n") == [
        "plan.yaml:1:1: missing required key 'start'",
        "plan.yaml:1:11: routines: expected a list of 1 to 20 routines, each with 'routine' and "
        "'days'; found no items",
    ]
    twice = "start: 2026-11-02\nroutines:\n  - {routine: core-basics, days: 3}\n" \
            "  - {routine: core-basics, days: [mon]}\n"
    assert problems(twice) == [
        "plan.yaml:4:5: routines[1].routine: the routine 'core-basics' is planned twice, first on "
        "line 3; give it one entry"]


def test_an_empty_or_wrong_file_says_what_a_plan_is() -> None:
    assert problems("") == ["plan.yaml:1:1: expected a plan mapping with 'start' and 'routines'; "
                            "the file is empty"]
    assert problems("- a list\n") == ["plan.yaml:1:1: expected a plan mapping with 'start' and "
                                      "'routines'; found a list"]


def test_read_plan_never_raises_and_is_none_without_a_file(tmp_path: Path) -> None:
    assert read_plan(tmp_path / "plan.yaml") is None
    bad = tmp_path / "plan.yaml"
    bad.write_text("start: soon\nroutines: [{routine: core-basics, days: 3}]\n")
    found = read_plan(bad, ROUTINES)
    assert found is not None and found.plan is None
    assert [p.path for p in found.problems] == ["start"]
    assert plan_path().name == "plan.yaml" and plan_path().parent.name == "config"


def test_the_sample_plan_in_the_docs_is_a_valid_plan() -> None:
    sample = Path(__file__).resolve().parents[2] / "docs" / "plan-sample.yaml"
    plan = plan_text(sample.read_bytes(), str(sample), ROUTINES)
    assert plan.routines == ("core-basics", "walking-posture")


def test_days_written_without_brackets_get_the_list_to_write() -> None:
    # A common slip: the right days on one line, read by YAML as one word.
    for written in ("mon wed fri", "'Monday, Wednesday, Friday'"):
        assert problems(GOOD.replace("[mon, wed, fri]", written)) == [
            f"plan.yaml:9:11: routines[0].days: expected a list of days in brackets; found "
            f"'{written.strip(chr(39))}'; did you mean [mon, wed, fri]?"]
    # One bad word among them is not that slip: the general message, without a guess.
    assert problems(GOOD.replace("[mon, wed, fri]", "mon wedn fri")) == [
        "plan.yaml:9:11: routines[0].days: expected a day: mon, tue, wed, thu, fri, sat, sun; "
        "found 'mon wedn fri'"]

"""The red-flag rules (tui/engine/care/redflags.py), their rows in the store, export and report,
`lumbar red-flags` with and without --none, and the first start the launcher decides."""

from __future__ import annotations

import io
from datetime import date, timezone

import pytest

from tui.engine.care.redflags import KEYS, QUESTIONS, decode, due, encode, is_flare, outcome
from tui.engine.care.signs import EMERGENCY, URGENT


def yes(*keys: str) -> dict[str, bool]:
    return {key: key in keys for key in KEYS}


def test_seven_questions_four_emergency_then_three_urgent():
    assert [q.tier for q in QUESTIONS] == [EMERGENCY] * 4 + [URGENT] * 3
    assert len(set(KEYS)) == 7


@pytest.mark.parametrize("keys, expected", [
    ((), "clear"),
    (("bladder",), "emergency"),
    (("saddle", "fever"), "emergency"),
    (("night",), "urgent"),
    (("fever", "cancer"), "urgent"),
    (("injury",), "emergency"),
])
def test_the_outcome_is_the_most_urgent_tier_answered_yes(keys, expected):
    assert outcome(yes(*keys)) == expected


def test_answers_are_stored_as_one_letter_each_and_read_back():
    answers = yes("legs", "night")
    assert encode(answers) == "nnynnny"
    assert decode("nnynnny") == answers
    for bad in ("nny", "nnynnnx", ""):
        with pytest.raises(ValueError):
            decode(bad)


@pytest.mark.parametrize("after, usual, flare", [
    (8, None, True), (8, 8.0, True), (10, 9.5, True),  # 8 or more, whatever the usual level
    (7, None, False), (7, 6.0, False),
    (5, 3.0, True), (5, 3.5, False), (6, 4.0, True),   # 2 or more above the usual level
])
def test_a_flare_is_8_or_more_or_2_above_the_usual_level(after, usual, flare):
    assert is_flare(after, usual) is flare


def test_the_first_start_asks_until_answered_and_the_setting_turns_only_the_recurring_asks_off():
    assert due("first", answered_before=False, recurring=False)
    assert not due("first", answered_before=True, recurring=True)
    for trigger in ("episode", "flare"):
        assert due(trigger, answered_before=True, recurring=True)
        assert not due(trigger, answered_before=True, recurring=False)


# -- the store, export and report ------------------------------------------------------


def test_rows_are_in_the_history_export_and_report(tmp_path):
    from tui.cli.export import write
    from tui.cli.report.main import render
    from tui.services.store import open_store

    store = open_store(tmp_path / "history.db")
    assert not store.red_flags_answered()
    store.record_red_flags("first", yes("bladder"), "went on")
    store.record_red_flags("flare", yes())
    store.record_red_flags("later", yes())  # not a trigger: dropped, not raised
    assert store.red_flags_answered()
    rows = [r for r in store.rows() if r["kind"] == "red_flags"]
    store.close()
    assert [(r["trigger"], r["outcome"], r["choice"], r["bladder"]) for r in rows] == [
        ("first", "emergency", "went on", "yes"), ("flare", "clear", None, "no")]
    out = io.StringIO()
    write(rows, "csv", out)
    assert "red_flags" in out.getvalue() and ",went on," in out.getvalue()
    day = date.fromisoformat(rows[0]["at"][:10])
    section = render(rows, None, day, day, {}, day, timezone.utc).split("## Red-flag checks")[1]
    assert "bladder or bowel trouble" in section
    assert "yes to an emergency sign" in section and "went on" in section


def test_the_usual_level_comes_from_at_rest_check_ins(tmp_path):
    from tui.services.store import open_store

    store = open_store(tmp_path / "history.db")
    assert store.usual_level() is None
    store.add_checkin(2, "before")
    store.add_checkin(4, "alone")
    store.add_checkin(9, "after")
    assert store.usual_level() == 3
    store.close()


# -- lumbar red-flags ------------------------------------------------------------------


def test_none_records_no_to_every_question_now(capsys):
    from tui.cli.main import main
    from tui.services.store import open_store

    assert main(["red-flags", "--none"]) == 0
    assert "no to every question" in capsys.readouterr().out
    store = open_store()
    (row,) = [r for r in store.rows() if r["kind"] == "red_flags"]
    store.close()
    assert row["trigger"] == "none" and row["outcome"] == "clear"


def test_the_prompts_take_y_or_n_ask_again_otherwise_and_show_the_tier(tmp_path):
    from tui.cli.red_flags import run
    from tui.services.store import open_store

    store = open_store(tmp_path / "history.db")
    out = io.StringIO()
    assert run(False, store, io.StringIO("n\nperhaps\nYes\nn\nn\nn\nn\nn\n"), out) == 0
    said = out.getvalue()
    assert "Please type y or n" in said and "7 of 7" in said
    assert "GO TO AN EMERGENCY DEPARTMENT NOW" in said and "Recorded in your history" in said
    store = open_store(tmp_path / "history.db")
    (row,) = [r for r in store.rows() if r["kind"] == "red_flags"]
    store.close()
    assert (row["trigger"], row["bladder"], row["outcome"]) == ("command", "yes", "emergency")


def test_input_that_ends_early_records_nothing_and_exits_1(tmp_path, capsys):
    from tui.cli.red_flags import run
    from tui.services.store import open_store

    store = open_store(tmp_path / "history.db")
    assert run(False, store, io.StringIO("n\nn\n"), io.StringIO()) == 1
    assert "nothing recorded" in capsys.readouterr().err
    store = open_store(tmp_path / "history.db")
    assert not store.red_flags_answered()
    store.close()


def test_a_yes_before_the_input_ends_still_gets_its_advice(tmp_path):
    from tui.cli.red_flags import run
    from tui.services.store import open_store

    out = io.StringIO()
    assert run(False, open_store(tmp_path / "history.db"), io.StringIO("y\n"), out) == 1
    assert "GO TO AN EMERGENCY DEPARTMENT NOW" in out.getvalue()


def test_the_real_first_start_asks_and_after_none_it_does_not(monkeypatch):
    from tui.cli.main import main

    apps = []
    monkeypatch.setattr("tui.cli.launch.run", lambda app, **options: apps.append(app) or 0)
    assert main([]) == 0
    assert apps[-1].config.red_flags_due is True and apps[-1].config.red_flag_check is True
    assert main(["red-flags", "--none"]) == 0
    assert main([]) == 0
    assert apps[-1].config.red_flags_due is False


def test_export_columns_hold_every_red_flag_field():
    from tui.cli.export import COLUMNS

    assert {"trigger", "choice", *KEYS} <= set(COLUMNS)

"""`lumbar export` and `lumbar report`: what they print comes from the rows, all of them."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from tui.cli.main import main
from tui.services.catalog import load_catalog
from tui.engine.care.pain import two_week
from tui.engine.routine.plan import plan
from tui.cli.report.main import run as report_run
from tui.services.since import parse_period as parse_since
from tui.services.store import StepRecord, open_store

from .walls import BERLIN_WINTER, Wall

TODAY = date(2026, 3, 20)
OUTCOMES = ("done", "done", "done", "skipped", "easier", "done", "done")


def fill(db: Path, wall: Wall) -> None:
    """Twenty days of two shipped routines, with steps of every outcome, one left early,
    one interrupted, check-ins before and after."""
    routines = load_catalog([]).routines
    store = open_store(db, wall=wall)
    start = datetime(2026, 3, 1, 7, 0, tzinfo=BERLIN_WINTER)
    n = 0
    for day in range(20):
        for key in ("desk-break",) + (("walking-posture",) if day % 3 == 0 else ()):
            wall.now = start + timedelta(days=day, hours=2 * len(key) % 7)
            routine = routines[key]
            work = [(i, s) for i, s in enumerate(plan(routine).steps) if s.kind.is_work]
            sid = store.begin_session(key, routine.name, len(work))
            store.add_checkin((day * 7 + len(key)) % 9, "before", sid)
            stop = len(work) // 2 if day in (4, 11) else len(work)
            for i, s in work[:stop]:
                n += 1
                wall.advance(seconds=30)
                store.record_step(sid, StepRecord(i, routine.exercises[s.exercise].name, s.side,
                                                  s.set_no, s.round_no, s.planned, s.planned, "seconds",
                                                  None, None, OUTCOMES[n % len(OUTCOMES)]))
            store.end_session(sid, "left" if day == 4 else "interrupted" if day == 11 else "finished")
            store.add_checkin((day * 5) % 8, "after", sid)
    store.add_checkin(3, "alone")
    store.close()


@pytest.fixture
def filled(db: Path, wall: Wall) -> Path:
    fill(db, wall)
    return db


def sql(db: Path, query: str, *args) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(query, args).fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "json"])
def test_export_writes_every_row_with_kind_and_time(filled: Path, fmt: str, capsys) -> None:
    assert main(["export", "--format", fmt]) == 0
    out = capsys.readouterr().out
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.splitlines()]
    elif fmt == "json":
        rows = json.loads(out)
    else:
        rows = list(csv.DictReader(io.StringIO(out)))
    kinds = {k: sum(1 for r in rows if r["kind"] == k) for k in ("session", "step", "checkin")}
    assert kinds == {k: sql(filled, f"SELECT count(*) FROM {t}")[0][0]
                     for k, t in (("session", "sessions"), ("step", "steps"), ("checkin", "checkins"))}
    for row in rows:
        at = datetime.fromisoformat(row["at"])
        assert at.utcoffset() == timedelta(hours=1)
    times = [datetime.fromisoformat(r["at"]) for r in rows]
    assert times == sorted(times)


def report_text(db: Path, wall: Wall, since: str = "2w", folders=()) -> str:
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert report_run(since, None, list(folders), store=open_store(db, wall=wall), today=TODAY) == 0
    return buffer.getvalue()


def numbers(pattern: str, text: str) -> tuple[int, ...]:
    match = re.search(pattern, text)
    assert match, pattern
    return tuple(int(g) for g in match.groups())


def test_report_totals_equal_the_rows(filled: Path, wall: Wall) -> None:
    text = report_text(filled, wall)
    since = (TODAY - timedelta(weeks=2)).isoformat()
    sessions = sql(filled, "SELECT count(*), count(DISTINCT day) FROM sessions WHERE day >= ?", since)[0]
    assert numbers(r"Routines: (\d+) sessions .* on (\d+) of 15 days", text) == sessions
    steps = dict(sql(filled, "SELECT t.outcome, count(*) FROM steps t JOIN sessions s ON s.id = t.session_id "
                             "WHERE s.day >= ? GROUP BY t.outcome", since))
    assert numbers(r"Steps: (\d+) done, (\d+) skipped, (\d+) made easier", text) == (
        steps["done"], steps["skipped"], steps["easier"])
    assert numbers(r"Pain check-ins: (\d+)", text) == sql(
        filled, "SELECT count(*) FROM checkins WHERE day >= ?", since)[0]
    for key, name in (("desk-break", "Desk break"), ("walking-posture", "Walking-posture reset")):
        section = re.split(r"\n##+ ", text.split(f"### {name} ({key})")[1])[0]
        by_outcome = dict(sql(filled, "SELECT outcome, count(*) FROM sessions WHERE day >= ? AND "
                                      "routine_key = ? GROUP BY outcome", since, key))
        assert numbers(r"Done: (\d+) sessions", section) == (sum(by_outcome.values()),)
        done_line = next(line for line in section.split("\n\n") if line.startswith("Done:"))
        for outcome, count in by_outcome.items():
            assert f"{count} {outcome}" in done_line
        per = dict(sql(filled, "SELECT t.outcome, count(*) FROM steps t JOIN sessions s ON s.id = "
                               "t.session_id WHERE s.day >= ? AND s.routine_key = ? GROUP BY t.outcome",
                       since, key))
        rows = [[c.strip() for c in line.split("|")[1:-1]] for line in section.splitlines()
                if line.startswith("| ") and not line.startswith("| exercise")]
        total = rows.pop()
        assert total[0] == "total" and int(total[3]) == per.get("done", 0)
        for outcome, words in (("easier", "made easier"), ("skipped", "skipped")):
            if per.get(outcome):
                assert f"{per[outcome]} {words}" in total[6]
        # The exercise rows add up to the total row, and what was set to what was done or not.
        assert sum(int(r[3]) for r in rows) == int(total[3])
        assert int(total[2]) == int(total[3]) + sum(int(n) for n in re.findall(r"(\d+) ", total[6]))
    scores = [(date.fromisoformat(d), float(s), m) for d, s, m in sql(filled, "SELECT day, score, moment FROM checkins")]
    routine_days = [date.fromisoformat(d) for (d,) in sql(filled, "SELECT DISTINCT day FROM sessions")]
    state = two_week(scores, TODAY, None, routine_days)
    assert state.days >= 14 and state.first_mean is not None and state.last_mean is not None
    assert f"mean {state.first_mean:.1f} in the first week, {state.last_mean:.1f} in the last" in text


def test_report_shows_what_the_file_prescribes(filled: Path, wall: Wall) -> None:
    text = report_text(filled, wall, "3d")
    work = [s for s in plan(load_catalog([]).routines["desk-break"]).steps if s.kind.is_work]
    assert f"Prescribed: {len(work)} work steps per session at the starting dose" in text
    assert "Not done in this period:" in text and "Breathing" in text
    assert "## Walking-posture reset" in text  # done 19 March, inside three days


def test_report_keeps_working_without_the_routine_file(filled: Path, wall: Wall) -> None:
    conn = sqlite3.connect(filled)
    conn.execute("UPDATE sessions SET routine_key = 'gone' WHERE routine_key = 'desk-break'")
    conn.commit()
    conn.close()
    text = report_text(filled, wall)
    assert "### Desk break (gone)" in text and "no longer found" in text


@pytest.mark.parametrize(("text", "expected"), [
    ("3d", date(2026, 3, 28)), ("2w", date(2026, 3, 17)), ("1mo", date(2026, 2, 28)),
    ("13mo", date(2025, 2, 28)), ("2 months", date(2026, 1, 31)), ("2026-01-05", date(2026, 1, 5)), (" 1W ", date(2026, 3, 24)),
])
def test_since_values(text: str, expected: date) -> None:
    assert parse_since(text, date(2026, 3, 31)) == expected


@pytest.mark.parametrize("bad", ["", "2", "w", "0d", "2y", "-3d", "2026-13-01", "2027-01-01", "yesterday",
                                 "1m", "1999-12-31", "99999999999d", "30000mo", "1.5mo"])
def test_bad_since_is_a_clear_error_and_exit_2(bad: str, capsys) -> None:
    assert main(["report", f"--since={bad}"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("lumbar: --since") and ("2w" in err or "after today" in err)


def test_report_out_is_written_whole(filled: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "reports" / "back.md"
    assert main(["report", "--since", "1mo", "--out", str(out)]) == 0
    assert out.read_text().startswith("# lumbar report: ")
    assert [p.name for p in out.parent.iterdir()] == ["back.md"]  # no temporary file left
    assert str(out) in capsys.readouterr().out


def test_report_on_an_unusable_history_says_why(data_dir: Path, capsys) -> None:
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    data_dir.write_text("")
    assert main(["report"]) == 1
    assert main(["export"]) == 1
    err = capsys.readouterr().err
    assert err.count("lumbar: cannot read the history: ") == 2 and "is not a folder" in err


def test_a_broken_routine_file_is_shown_but_does_not_stop_the_report(filled: Path, tmp_path: Path,
                                                                      capsys) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "broken.yaml").write_text("lumbar: 1\nname: Broken\nexercises: nope\n")
    assert main(["report", "--sessions", str(mine)]) == 0
    captured = capsys.readouterr()
    assert "broken.yaml" in captured.err
    assert captured.out.startswith("# lumbar report: ")

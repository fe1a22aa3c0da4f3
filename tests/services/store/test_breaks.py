"""Desk breaks in the store: a row per event, today's counts, the scheduler's saved state."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from tui.cli.export import write
from tui.services.store import open_store

from .walls import Wall


def a_day(store, wall: Wall) -> None:
    """Three taken (one natural, one after a suspend), two snoozes, a skip, 45 min of meetings."""
    for what, how, seconds in (("taken", "routine", None), ("snoozed", None, None),
                               ("snoozed", None, None), ("taken", "natural", None),
                               ("skipped", "prompt", None), ("meeting", None, 1800.0),
                               ("taken", "suspend", None), ("meeting", None, 900.0)):
        wall.advance(minutes=20)
        store.record_break(what, how, seconds)


def test_breaks_are_rows_and_today_counts_them(db: Path, wall: Wall) -> None:
    store = open_store(db, wall=wall)
    assert store.breaks_today() == {"taken": 0, "natural": 0, "snoozed": 0, "skipped": 0, "through": 0,
                                     "meeting": 0.0}
    a_day(store, wall)
    today = wall.now.date()
    expected = {"taken": 3, "natural": 2, "snoozed": 2, "skipped": 1, "through": 0, "meeting": 2700.0}
    assert store.breaks_today() == expected
    wall.advance(days=1)
    store.record_break("taken", "manual")
    assert store.breaks_today()["taken"] == 1  # a new local day starts from nothing
    assert store.breaks_today(today) == expected
    store.close()
    # They survive a restart: the counts are the rows'.
    again = open_store(db, wall=wall)
    assert again.breaks_today(today) == expected
    again.close()
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT what, how, seconds, utc_offset FROM breaks ORDER BY id LIMIT 2").fetchall() == [
        ("taken", "routine", None, 3600), ("snoozed", None, None, 3600)]
    conn.close()


def test_a_desk_break_skipped_through_counts_as_skipped_everywhere(db: Path, wall: Wall) -> None:
    import contextlib

    from tui.cli.report.main import run as report_run

    store = open_store(db, wall=wall)
    store.record_break("taken", "routine")
    wall.advance(minutes=20)
    store.record_break("skipped", "through")
    assert store.breaks_today()["skipped"] == 1 and store.breaks_today()["through"] == 1
    assert store.breaks_today()["taken"] == 1
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert report_run("1w", None, [], store=store, today=wall.now.date()) == 0
    section = buffer.getvalue().split("## Desk breaks by week")[1]
    assert "| 1 (1 through) |" in section.replace("  ", " ") or "1 (1 through)" in section


def test_the_local_day_decides_which_day_a_break_counts_for(db: Path, wall: Wall) -> None:
    wall.now = wall.now.replace(hour=23, minute=50)
    store = open_store(db, wall=wall)
    store.record_break("taken", "routine")
    wall.advance(minutes=20)  # 00:10 local, still the day before in UTC
    store.record_break("skipped", "unanswered")
    assert store.breaks_today()["skipped"] == 1 and store.breaks_today()["taken"] == 0
    assert store.breaks_today(wall.now.date() - timedelta(days=1))["taken"] == 1
    store.close()


def test_break_rows_wait_in_memory_while_the_file_cannot_be_used(data_dir: Path, wall: Wall) -> None:
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    data_dir.write_text("not a folder")
    store = open_store(data_dir / "history.db", wall=wall)
    store.record_break("taken", "routine")
    store.record_break("meeting", None, 600)
    store.save_break_state({"next_break": 1.5e9, "snoozes": 1})
    assert store.pending == 3
    # Reads answer from what waits.
    assert store.breaks_today()["taken"] == 1 and store.breaks_today()["meeting"] == 600.0
    assert store.break_state() == {"next_break": 1.5e9, "snoozes": 1}
    data_dir.unlink()
    store.record_break("snoozed")  # finds the folder usable and writes it all
    assert store.pending == 0
    store.close()
    again = open_store(data_dir / "history.db", wall=wall)
    assert again.breaks_today() == {"taken": 1, "natural": 0, "snoozed": 1, "skipped": 0, "through": 0,
                                    "meeting": 600.0}
    assert again.break_state() == {"next_break": 1.5e9, "snoozes": 1}
    again.close()


def test_a_bad_break_never_raises_and_never_blocks_later_rows(db: Path, wall: Wall) -> None:
    store = open_store(db, wall=wall)
    store.record_break("napped")  # not one of the four: dropped, not raised
    store.record_break("meeting", None, "long")  # type: ignore[arg-type]
    store.record_break("taken", "routine")
    assert store.pending == 0
    assert store.breaks_today()["taken"] == 1 and store.breaks_today()["meeting"] == 0.0
    store.save_break_state({"next_break": object()})  # not JSON: the old state is kept
    assert store.break_state() is None
    store.close()


def test_break_state_is_replaced_whole_and_survives_a_restart(db: Path, wall: Wall) -> None:
    store = open_store(db, wall=wall)
    assert store.break_state() is None
    first = {"next_break": 1773131400.0, "snoozes": 2, "paused_left": None, "meeting_ends": None,
             "every": 1200.0, "pid": 4242, "saved": 1773130200.0}
    store.save_break_state(first)
    store.save_break_state({**first, "snoozes": 0, "paused_left": 300.0})
    store.close()
    again = open_store(db, wall=wall)
    assert again.break_state() == {**first, "snoozes": 0, "paused_left": 300.0}
    again.close()


@pytest.mark.parametrize("value", ["{not json", "[1, 2]", "null"])
def test_an_unreadable_break_state_is_said_once_and_reads_as_none(db: Path, wall: Wall, value: str) -> None:
    open_store(db, wall=wall).close()
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO meta (key, value) VALUES ('breaks.state', ?)", (value,))
    conn.commit()
    conn.close()
    store = open_store(db, wall=wall)
    assert store.break_state() is None
    assert store.warning and "break" in store.warning
    store.warning = None
    assert store.break_state() is None
    assert store.warning is None  # said once
    store.save_break_state({"snoozes": 1})  # a new save replaces the damaged value
    assert store.break_state() == {"snoozes": 1}
    store.close()


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "json"])
def test_breaks_are_exported(db: Path, wall: Wall, fmt: str) -> None:
    store = open_store(db, wall=wall)
    a_day(store, wall)
    rows = store.rows()
    store.close()
    out = io.StringIO()
    write(rows, fmt, out)
    text = out.getvalue()
    if fmt == "jsonl":
        back = [json.loads(line) for line in text.splitlines()]
    elif fmt == "json":
        back = json.loads(text)
    else:
        back = list(csv.DictReader(io.StringIO(text)))
    breaks = [r for r in back if r["kind"] == "break"]
    assert len(breaks) == 8
    first, meeting = breaks[0], breaks[5]
    assert first["at"] == "2026-03-10T08:50:00+01:00"
    assert (first["what"], first["how"]) == ("taken", "routine")
    assert meeting["what"] == "meeting"
    assert float(meeting["seconds"]) == 1800.0
    if fmt != "csv":
        assert first["seconds"] is None and meeting["how"] is None


def test_report_break_totals_equal_the_rows(db: Path, wall: Wall) -> None:
    """Three weeks and a day of breaks, one week without any: every cell of the report's
    breaks table is the rows' count for that week, and the total row their sum."""
    import contextlib
    import re
    from datetime import date

    from tui.cli.report.main import run as report_run

    store = open_store(db, wall=wall)
    start = wall.now  # Tuesday 10 March 2026, 08:30
    for day in range(22):
        if 6 <= day < 13:
            continue  # the week of Monday 16 March away
        wall.now = start + timedelta(days=day)
        for k in range(day % 5 + 1):
            wall.advance(minutes=25)
            what = ("taken", "snoozed", "taken", "skipped", "meeting")[k]
            how = {"taken": "natural" if day % 2 else "routine", "skipped": "prompt"}.get(what)
            store.record_break(what, how, 1500.0 + day if what == "meeting" else None)
    today = (start + timedelta(days=21)).date()
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert report_run("3w", None, [], store=store, today=today) == 0
    text = buffer.getvalue()
    section = text.split("## Desk breaks by week")[1].split("\n## ")[0]
    table = {m[0]: [c.strip() for c in m[1:]] for m in re.findall(
        r"^\| (\w{3} \d+ \w{3} \d{4}|total) +\| +(\d+) \| +(\d+) \| +(\d+) \| +(\d+) \| +([^|]+?) \|$",
        section, re.M)}
    since = today - timedelta(weeks=3)
    conn = sqlite3.connect(db)

    def week(monday: date | None) -> list[str]:
        where = "day >= ? AND day <= ?"
        args = (since.isoformat(), today.isoformat())
        if monday is not None:
            where += " AND day >= ? AND day < ?"
            args += (monday.isoformat(), (monday + timedelta(days=7)).isoformat())
        n = dict(conn.execute(f"SELECT what, count(*) FROM breaks WHERE {where} GROUP BY what", args).fetchall())
        natural = conn.execute(f"SELECT count(*) FROM breaks WHERE {where} AND what = 'taken' AND how IN "
                               "('natural', 'suspend')", args).fetchone()[0]
        seconds = conn.execute(f"SELECT total(seconds) FROM breaks WHERE {where} AND what = 'meeting'",
                               args).fetchone()[0]
        minutes = round(seconds / 60)
        meetings = f"{minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"{minutes} min"
        return [str(n.get("taken", 0)), str(natural), str(n.get("snoozed", 0)), str(n.get("skipped", 0)), meetings]

    mondays = [date(2026, 2, 23) + timedelta(weeks=w) for w in range(6)]
    shown = [m for m in mondays if f"{m:%a} {m.day} {m:%b %Y}" in table]
    assert shown == [m for m in mondays if m >= since - timedelta(days=since.weekday()) and m <= today]
    for monday in shown:
        assert table[f"{monday:%a} {monday.day} {monday:%b %Y}"] == week(monday), monday
    assert table["total"] == week(None)
    assert table["total"][0] != "0" and any(table[f"{m:%a} {m.day} {m:%b %Y}"][0] == "0" for m in shown)
    conn.close()
    store.close()

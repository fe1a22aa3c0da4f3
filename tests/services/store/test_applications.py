"""Ice and heat applications in the store: begun, ended, found again, exported, reported."""

from __future__ import annotations

import io
import json
from datetime import date, datetime, timedelta, timezone

from tui.cli import export
from tui.cli.report import main as report
from tui.services.store import open_store


def test_an_application_is_open_until_it_comes_off_and_survives_a_reopen(db, wall) -> None:
    store = open_store(db, wall=wall)
    aid = store.begin_application("ice", 1200, 1200, None)
    store.close()
    store = open_store(db, wall=wall)
    last = store.last_application()
    assert last is not None and last["id"] == aid and last["outcome"] is None
    assert last["kind"] == "ice" and last["planned"] == 1200 and last["start"] == wall.now
    wall.advance(minutes=7)
    store.end_application(aid, "stopped", "skin numb")
    last = store.last_application()
    assert last["outcome"] == "stopped" and last["reason"] == "skin numb"
    assert last["ended"] == wall.now
    assert store.applications_today() == 1
    store.close()


def test_the_episode_is_remembered_until_a_new_one(db, wall) -> None:
    store = open_store(db, wall=wall)
    assert store.episode() is None
    started = wall.now - timedelta(hours=36)
    store.set_episode(started)
    store.close()
    store = open_store(db, wall=wall)
    assert store.episode() == started
    store.set_episode(wall.now)
    assert store.episode() == wall.now
    store.close()


def test_applications_are_exported_and_in_the_history_and_report(db, wall) -> None:
    store = open_store(db, wall=wall)
    store.set_episode(wall.now - timedelta(hours=2))
    first = store.begin_application("ice", 1200, 1200, "2026-03-10 05:30:00.000000")
    wall.advance(minutes=20)
    store.end_application(first, "finished")
    wall.advance(minutes=30)
    second = store.begin_application("heat", 600, 1200, None)
    wall.advance(minutes=3)
    store.end_application(second, "stopped", "very white or waxy")
    rows = [r for r in store.rows() if r["kind"] == "application"]
    assert [(r["treatment"], r["outcome"], r["reason"]) for r in rows] == [
        ("ice", "finished", None), ("heat", "stopped", "very white or waxy")]
    assert rows[0]["at"] == "2026-03-10T08:30:00+01:00" and rows[0]["ended"] == "2026-03-10T08:50:00+01:00"
    out = io.StringIO()
    export.write(store.rows(), "csv", out)
    assert "application,2026-03-10T08:30:00+01:00" in out.getvalue()
    data = store.history()
    assert [(k, o) for _, k, o, _ in data.today_applications] == [("ice", "finished"), ("heat", "stopped")]
    since, until = date(2026, 3, 1), date(2026, 3, 10)
    text = report.render(store.rows(since, until), None, since, until, {}, until, wall.now.tzinfo)
    assert "- Ice: 1 application (1 finished)" in text
    assert "- Heat: 1 application (1 stopped)" in text
    assert "| ice  |         20 |          20 | taken off at the alarm" in text
    assert "| heat |          3 |          10 | stopped early: very white or waxy" in text
    json.dumps(store.rows())  # every field serialises
    store.close()

"""The session log's leg pain: beside the back's score where a leg score was given."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from tests.fourweeks import ZONE, Wall, catalog
from tui.cli.report.main import render
from tui.services.store import open_store

DAY = date(2026, 3, 2)


def _report(data: Path, legs: tuple[int | None, int | None]) -> str:
    wall = Wall(datetime(2026, 3, 2, 18, 0, tzinfo=ZONE))
    store = open_store(data / "history.db", wall=wall)
    try:
        sid = store.begin_session("core-basics", "Core basics", 8)
        store.add_checkin(5, "before", sid, leg=legs[0])
        wall.at(0, 18, 20)
        store.end_session(sid, "finished")
        store.add_checkin(4, "after", sid, leg=legs[1])
        return render(store.rows(DAY, DAY), None, DAY, DAY, catalog(), DAY, ZONE, "markdown")
    finally:
        store.close()


def _log_lines(text: str) -> list[str]:
    start = text.index("Sessions, day by day")
    return [line for line in text[start:].splitlines() if line.startswith("|")][:3]


def test_leg_scores_stand_beside_the_back_in_its_cells(tmp_path: Path) -> None:
    text = _report(tmp_path, (3, 2))
    head, _, row = _log_lines(text)
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert [c.strip() for c in head.strip("|").split("|")][-2:] == ["pain before", "pain after"]
    assert cells[-2:] == ["5, leg 3", "4, leg 2"]
    assert '"leg" beside it is the pain down the leg' in " ".join(text.split())


def test_a_leg_score_given_only_after_is_shown_only_after(tmp_path: Path) -> None:
    _, _, row = _log_lines(_report(tmp_path, (None, 2)))
    assert [c.strip() for c in row.strip("|").split("|")][-2:] == ["5", "4, leg 2"]


def test_without_leg_scores_the_log_says_nothing_of_legs(tmp_path: Path) -> None:
    text = _report(tmp_path, (None, None))
    _, _, row = _log_lines(text)
    assert [c.strip() for c in row.strip("|").split("|")][-2:] == ["5", "4"]
    assert "down the leg" not in " ".join(text.split())

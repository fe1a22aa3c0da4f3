"""`lumbar show` of a ranged routine: each exercise's dose now and its range, and the
timeline at that dose; without any history the dose is the bottom of each range."""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tui.cli.main import main
from tui.engine.progress.progression import Level
from tui.services.store import open_store

ROUTINE = """\
lumbar: 1
name: Ranged
prepare: 0
exercises:
  - name: Bridge
    position: on-back
    reps: 5-12
    sets: {from: 2, to: 4}
  - name: Wall stand
    position: standing
    hold: 5s-15s
  - name: Tilt
    position: on-back
    hold: 4s
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "routines"
    path.mkdir()
    (path / "ranged.yaml").write_text(ROUTINE, encoding="utf-8")
    return path


def test_show_without_history_gives_the_bottom_of_each_range(folder: Path, capsys) -> None:
    assert main(["show", "ranged", "--sessions", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "Dose now, and the range it grows in:\n" in out
    assert "  Bridge      5 reps, 2 sets  range 5-12 reps, 2-4 sets\n" in out
    assert "  Wall stand  5 s hold        range 5-15 s hold\n" in out
    assert "Tilt  " not in out.split("Dose now")[1].split("\n\n")[0]  # not ranged, not listed
    assert not (Path(os.environ["LUMBAR_DATA_DIR"]) / "history.db").exists()  # show creates nothing


def test_show_gives_the_stored_dose_and_plans_with_it(folder: Path, capsys) -> None:
    wall = lambda: datetime(2026, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=1)))  # noqa: E731
    store = open_store(Path(os.environ["LUMBAR_DATA_DIR"]) / "history.db", wall=wall)
    sid = store.begin_session("ranged", "Ranged", 3)
    store.set_doses("ranged", sid, [("Bridge", Level(9, 3), "up"), ("Wall stand", Level(hold=20.0), "up")])
    store.close()
    assert main(["show", "ranged", "--sessions", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "  Bridge      9 reps, 3 sets  range 5-12 reps, 2-4 sets\n" in out
    # 20 s is past the range the file gives now: shown, and planned, at its top.
    assert "  Wall stand  15 s hold       range 5-15 s hold\n" in out
    assert "9 reps, tap to count" in out and "set 3/3" in out
    assert any(line.split()[1:] == ["Wall", "stand", "15", "s"] for line in out.splitlines())


def test_the_question_setting_reads_from_settings_json() -> None:
    import json

    from tui.services.settings.current import Settings, load_settings

    assert Settings().progression_question is True
    config = Path(os.environ["LUMBAR_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text(json.dumps({"progression_question": False}), encoding="utf-8")
    assert load_settings().progression_question is False

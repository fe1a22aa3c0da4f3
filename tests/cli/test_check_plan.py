"""`lumbar check` on a plan: exit 0 when clean, 2 with file:line:column messages, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.cli.main import main
from tui.services.plan_file import plan_path

PLAN = "start: 2026-11-02\ntime: '18:00'\nroutines:\n  - routine: core-basics\n    days: [mon, wed, fri]\n"


def write_plan(text: str) -> Path:
    path = plan_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_check_plan_reads_the_plan_in_force(capsys: pytest.CaptureFixture[str]) -> None:
    write_plan(PLAN)
    assert main(["check", "--plan"]) == 0
    assert capsys.readouterr().out == "ok: 1 plan\n"


def test_a_bad_plan_exits_2_with_its_place_and_a_did_you_mean(capsys: pytest.CaptureFixture[str]) -> None:
    path = write_plan(PLAN.replace("core-basics", "core-basic").replace("wed", "wen"))
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"{path}:4:14: routines[0].routine: expected a routine lumbar has; found 'core-basic'; "
        "did you mean 'core-basics'?",
        f"{path}:5:17: routines[0].days[1]: expected a day: mon, tue, wed, thu, fri, sat, sun; "
        "found 'wen'; did you mean 'wed'?",
        "lumbar: 2 problems in 1 file",
    ]


def test_a_plan_in_a_checked_folder_is_read_as_a_plan_beside_the_routines(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "plan.yaml").write_text(PLAN.replace("core-basics", "stretch"))
    (folder / "stretch.yaml").write_text("name: Stretch\nexercises:\n  - {name: Reach, position: standing, hold: 10s}\n")
    # The routine in the folder is known to the plan when the folder is given with --sessions.
    assert main(["check", "--sessions", str(folder), str(folder)]) == 0
    assert capsys.readouterr().out == "ok: 1 routine file and 1 plan\n"
    assert main(["check", str(folder)]) == 2
    assert "expected a routine lumbar has; found 'stretch'" in capsys.readouterr().err


def test_check_plan_without_a_plan_file_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--plan"]) == 2
    assert "plan.yaml: cannot read" in capsys.readouterr().err

"""`lumbar report` on a fixed four weeks (tests/fourweeks.py), Markdown and HTML, compared
byte for byte with the golden files in tests/cli/golden/.

After a change to the report, regenerate them with

    LUMBAR_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/cli/test_report_golden.py

and read the diff (and the HTML page in a browser) before committing them.
"""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from tests import fourweeks
from tui.cli.main import main

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch):
    """The process's zone fixed, as the two-week rule reads the episode's day in it."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(("fmt", "name"), [("markdown", "report-four-weeks.md"),
                                           ("html", "report-four-weeks.html")])
def test_the_four_weeks_report_matches_its_golden_file(tmp_path: Path, utc, fmt: str, name: str) -> None:
    text = fourweeks.report(tmp_path, fmt)
    golden = GOLDEN / name
    if os.environ.get("LUMBAR_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), (
        f"{name} changed; see this module's docstring to regenerate it")


def test_the_command_writes_a_private_html_file(tmp_path: Path, utc, monkeypatch, capsys) -> None:
    """`--format html --output FILE` with a period of dates: one file, mode 0600 even over an
    older file that was readable by others, and no temporary file left beside it."""
    data = Path(os.environ["LUMBAR_DATA_DIR"])
    data.mkdir(parents=True, exist_ok=True)
    fourweeks.fill(data).close()
    out = tmp_path / "reports" / "back.html"
    out.parent.mkdir()
    out.write_text("old")
    out.chmod(0o644)
    assert main(["report", "--since", "4w", "--until", "2026-03-29", "--format", "html",
                 "--output", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    # Four weeks back from --until's day, not from today.
    assert "<h1>lumbar report: Sun 1 Mar 2026 to Sun 29 Mar 2026</h1>" in text
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in out.parent.iterdir()] == ["back.html"]
    assert str(out) in capsys.readouterr().out


@pytest.mark.parametrize(("args", "says"), [
    (["--until", "29 March"], "--until '29 March' is not a date"),
    (["--until", "2099-01-01"], "after today"),
    (["--since", "2026-04-01", "--until", "2026-03-29"], "--since 2026-04-01 is after --until 2026-03-29"),
])
def test_a_bad_period_is_refused_with_exit_2(args: list[str], says: str, capsys) -> None:
    assert main(["report", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("lumbar: --") and says in err

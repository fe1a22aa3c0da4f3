"""Done when: over a simulated fortnight a new user's core basics grows from 5 reps toward
12 while the answers say "too easy", drops back on "too hard", and the report shows it."""

from __future__ import annotations

from pathlib import Path

from tests.fortnight import ANSWERS, fortnight


def test_a_fortnight_of_core_basics(tmp_path: Path) -> None:
    reps, report = fortnight(tmp_path)
    assert ANSWERS[10] == "hard"
    assert reps == [5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 9, 9, 10]
    lines = report.splitlines()
    section = lines[lines.index("## Dose by week"):]
    assert any(line.replace(" ", "").endswith("|2Mar|9Mar|") for line in section)
    row = next(line for line in section if line.startswith("| Pelvic tilt "))
    assert [cell.strip() for cell in row.split("|")[2:4]] == ["8 reps", "10 reps"]
    answers = next(line for line in section if line.startswith("| easy / right / hard"))
    assert [cell.strip() for cell in answers.split("|")[2:4]] == ["7/0/0", "6/0/1"]
    # Prescribed and done on the same basis: each session at the dose lumbar set that day.
    row = next(line for line in lines if line.startswith("| Pelvic tilt ") and "→" in line)
    cells = [cell.strip() for cell in row.split("|")[1:-1]]
    assert cells[1] == "5 reps → 10 reps, up to 12 reps"
    assert cells[2:6] == ["42", "42", f"{3 * sum(reps)} reps", f"{3 * sum(reps)} reps"]

"""`lumbar list` and `lumbar show` line their columns up in terminal cells, whatever the script."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.cli.main import main
from tui.services.cells import cell_len, pad

WIDE = """\
lumbar: 1
name: {name}
exercises:
  - name: 橋のポーズ
    position: on-back
    hold: 10
  - name: Bridge 🌉
    position: on-back
    hold: 20
  - name: Plank
    position: on-front
    hold: 30
"""


@pytest.mark.parametrize(("text", "cells"), [
    ("Plank", 5), ("橋のポーズ", 10), ("Bridge 🌉", 9), ("ｆｕｌｌ", 8), ("e\u0301", 1),
    ("\u2764\ufe0f", 2), ("a\u200bb", 2), ("", 0),
], ids=["ascii", "japanese", "emoji", "fullwidth", "combining", "emoji-selector", "zero-width", "empty"])
def test_cell_len(text: str, cells: int) -> None:
    assert cell_len(text) == cells
    assert cell_len(pad(text, 12)) == max(12, cells)


def user_routine(stem: str, name: str) -> None:
    folder = Path(os.environ["LUMBAR_CONFIG_DIR"]) / "sessions"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{stem}.yaml").write_text(WIDE.format(name=name), encoding="utf-8")


def test_list_columns_line_up_in_cells(capsys: pytest.CaptureFixture[str]) -> None:
    user_routine("橋", "Bridge 🌉 routine")
    user_routine("🌉-bridges", "橋のポーズ")
    assert main(["list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    firsts, seconds = lines[0::2], lines[1::2]
    assert any(line.startswith("橋 ") for line in firsts) and any("🌉-bridges" in line for line in firsts)
    # The name column starts at the same cell on every row, after the key and the length.
    name_at = {cell_len(line.rsplit("  ", 1)[0]) + 2 for line in firsts}
    assert len(name_at) == 1, firsts
    assert {cell_len(line) - cell_len(line.lstrip()) for line in seconds} == name_at, seconds


def test_show_columns_line_up_in_cells(capsys: pytest.CaptureFixture[str]) -> None:
    user_routine("wide", "Wide")
    assert main(["show", "wide"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines()
            if line.startswith(" ") and not line.endswith("Done")]
    assert len(rows) == 5 and any("橋のポーズ" in row for row in rows) and any("🌉" in row for row in rows)
    # Every step here has no detail column, so each row ends where the length column ends.
    assert len({cell_len(row) for row in rows}) == 1, rows

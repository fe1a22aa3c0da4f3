"""What the report's sections are given to lay out their tables (main._table is one)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class Table(Protocol):
    """Rows of cells to Markdown table lines; the ``numeric`` columns align right."""

    def __call__(self, rows: Sequence[tuple[str, ...]], numeric: tuple[int, ...] = ()) -> list[str]: ...

"""Fixtures for the store tests: a wall clock at a fixed moment, and the data dir (helpers: walls.py)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from tests.services.store.walls import BERLIN_WINTER, Wall

@pytest.fixture
def wall() -> Wall:
    return Wall(datetime(2026, 3, 10, 8, 30, tzinfo=BERLIN_WINTER))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """The data dir the autouse fixture points LUMBAR_DATA_DIR at (not created yet)."""
    return tmp_path / "data"


@pytest.fixture
def db(data_dir: Path) -> Path:
    return data_dir / "history.db"

"""Every real lumbar started here finds the red-flag check answered (tests/conftest.py)."""

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _answered(red_flags_answered: None) -> None:
    return None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test here runs the real lumbar in tmux or as a process:
    marked `terminal`, which `make test-fast` leaves out."""
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.terminal)

"""Every real lumbar started here finds the red-flag check answered (tests/conftest.py)."""

import pytest


@pytest.fixture(autouse=True)
def _answered(red_flags_answered: None) -> None:
    return None

"""Widget tests start, as UI tests do, with direct painting unprobed and on the fake clock."""

from __future__ import annotations

import pytest

from tui.widgets import paint


@pytest.fixture(autouse=True)
def fresh_paint(fake_clock):
    paint.reset(clock=fake_clock)
    yield
    paint.reset()

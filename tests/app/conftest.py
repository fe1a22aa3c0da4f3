"""Every UI test starts with direct painting unprobed and timed by the test's fake clock."""

from __future__ import annotations

import pytest

from tui.widgets import paint


@pytest.fixture(autouse=True)
def fresh_paint(fake_clock):
    """Direct painting's per-run state (the probe's verdict, the display-frame limit) reset,
    on the fake clock, and reset again afterwards so no test leaves it switched off."""
    paint.reset(clock=fake_clock)
    yield
    paint.reset()

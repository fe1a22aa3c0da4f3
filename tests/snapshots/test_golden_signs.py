"""Golden screens of the red-flag check and of the emergency tier it leads to, at 80x24 and
at the documented minimum, 60x20, under NO_COLOR: the frame and the capitals must carry the
urgency without colour. Regenerate with `pytest tests/snapshots --snapshot-update` and look
at every changed SVG before accepting it."""

from __future__ import annotations

import pytest

from tests.fakes import FakeStore
from tests.snapshots.routines import HOLD

SIZES = [(80, 24), (60, 20)]


def first_start(make_app, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app({HOLD.key: HOLD}, store=FakeStore(), checkins=False, remember=False, red_flags_due=True)
    return app


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_red_flag_check(snap_compare, make_app, monkeypatch, size):
    """The first question, over the routine list."""
    assert snap_compare(first_start(make_app, monkeypatch), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_emergency_tier_after_a_yes(snap_compare, make_app, monkeypatch, size):
    """Yes to new bladder trouble: the emergency tier, framed, and the keys to go on or stop."""
    app = first_start(make_app, monkeypatch)

    async def run_before(pilot) -> None:
        await pilot.pause()
        for key in "ny" + "n" * 5:
            await pilot.press(key)
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)

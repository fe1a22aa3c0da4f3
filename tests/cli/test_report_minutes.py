"""The session log's minutes: a session of a few seconds is not shown as 0 minutes."""

from __future__ import annotations

from tui.cli.report.layout import _minutes


def test_a_session_under_a_minute_reads_as_less_than_one():
    assert [_minutes(m) for m in (0.0, 0.2, 0.5, 0.99, 1.0, 1.4, 16.6)] == ["<1", "<1", "<1", "<1", "1", "1", "17"]

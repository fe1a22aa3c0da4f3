"""The headless log's times: the minute a moment was set for, never the one before."""

from __future__ import annotations

from datetime import UTC, datetime

from tui.cli.headless.lines import clock_time


def test_a_moment_a_rounding_error_early_still_reads_as_its_minute() -> None:
    six = datetime(2026, 12, 25, 18, 0, tzinfo=UTC).timestamp()
    offset = six - 12345.678901  # UTC minus a real clock, as the scheduler keeps it
    # Two offsets read microseconds apart: the moment lands just before 18:00.
    assert clock_time(six - offset - 3e-6, offset, UTC) == "18:00"
    assert clock_time(six - offset + 59.4, offset, UTC) == "18:00"
    assert clock_time(six - offset - 31, offset, UTC) == "17:59"

"""How times are written."""

from __future__ import annotations

import pytest

from tui.engine.timefmt import clock_text, countdown_seconds, duration_text


@pytest.mark.parametrize(
    ("remaining", "text"),
    [
        (0, "0:00"),
        (-3, "0:00"),
        (0.2, "0:01"),
        (0.9999999, "0:01"),
        (1, "0:01"),
        (1.00001, "0:02"),
        (2.0000000001, "0:02"),
        (1.9999999999, "0:02"),
        (9.5, "0:10"),
        (59, "0:59"),
        (59.5, "1:00"),
        (60, "1:00"),
        (61, "1:01"),
        (599.1, "10:00"),
        (3599, "59:59"),
        (3599.5, "1:00:00"),
        (3600, "1:00:00"),
        (3661, "1:01:01"),
        (36000 + 59, "10:00:59"),
    ],
)
def test_clock_text(remaining: float, text: str) -> None:
    assert clock_text(remaining) == text


def test_countdown_seconds_rounds_up_but_ignores_float_noise() -> None:
    assert [countdown_seconds(x) for x in (0, 0.001, 2.0000000001, 2.000001, 2.5)] == [0, 1, 2, 3, 3]
    assert countdown_seconds(0.1 + 0.2 + 2.7) == 3  # 3.0000000000000004


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0 s"),
        (45, "45 s"),
        (59.4, "59 s"),
        (59.6, "1 min"),
        (60, "1 min"),
        (90, "1 min 30 s"),
        (130, "2 min 10 s"),
        (599, "9 min 59 s"),
        (600, "10 min"),
        (629, "10 min"),
        (630, "11 min"),
        (720, "12 min"),
        (3600, "1 h"),
        (3900, "1 h 5 min"),
        (7200, "2 h"),
    ],
)
def test_duration_text(seconds: float, text: str) -> None:
    assert duration_text(seconds) == text


def test_duration_text_rounding_up_to_an_hour() -> None:
    assert duration_text(3590) == "1 h"

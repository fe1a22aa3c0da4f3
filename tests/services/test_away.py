"""Absences from the clocks and logind's news."""

from __future__ import annotations

from tui.services.away import Away


class Clocks:
    def __init__(self) -> None:
        self.r, self.m = 1000.0, 10.0

    def real(self) -> float:
        return self.r

    def mono(self) -> float:
        return self.m


def test_a_suspend_is_the_real_clocks_gain_counted_once():
    c = Clocks()
    away = Away(c.real, c.mono)
    c.r += 100
    c.m += 100
    assert away.slept() is None  # awake: both clocks moved together
    c.r += 3600  # asleep: only the real clock moves
    c.r += 30
    c.m += 30
    assert away.slept() == (1100.0 + 30, 1100.0 + 30 + 3600)  # taken as late as it can be
    assert away.slept() is None


def test_logind_gives_the_start():
    c = Clocks()
    away = Away(c.real, c.mono)
    away.sleep(True, 1005.0)
    c.r += 5 + 600
    c.m += 5
    assert away.slept() == (1005.0, 1605.0)
    assert away.asleep_since is None


def test_idle_returns_how_long_the_user_was_away_when_back():
    c = Clocks()
    away = Away(c.real, c.mono)
    assert away.idle(True, 990.0) is None
    assert away.idle(True, 995.0) is None  # still away: the first moment counts
    c.r += 200
    assert away.idle(False, 0.0) == 210.0
    assert away.idle(False, 0.0) is None

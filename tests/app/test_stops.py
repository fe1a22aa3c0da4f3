"""Signals, stops and exit status, on the Pilot-driven app (the real terminal is in tests/e2e).

SIGCONT and SIGTERM are sent to this very process: with the app's handlers installed they
only reach the app's event loop. SIGTSTP is never sent here (it would stop the test run).
"""

from __future__ import annotations

import os
import signal

import pytest

from tui.engine.routine.model import Dose, Exercise, Kind, Position, Routine
from tui.cli.launch import run
from tui.screens.session import SessionScreen
from tests.app.drive import advance
from tests.app.terminal import VirtualTerminal, truth

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGTSTP"), reason="Unix signals")

SIZE = (80, 24)
KEY = "plank"
ROUTINE = Routine(name="Plank", key=KEY, prepare=3, rest=4, exercises=(
    Exercise("Plank", Kind.HOLD, Dose(hold_seconds=30), position=Position.ON_FRONT),
    Exercise("Bridge", Kind.HOLD, Dose(hold_seconds=30), position=Position.ON_BACK),
))


class ClosedCues:
    """Records only whether its temporary files were removed."""

    def __init__(self) -> None:
        self.closed = 0

    def play(self, *args: object) -> None:
        pass

    def close(self) -> None:
        self.closed += 1


def remaining(app) -> float:
    return app.screen._view.remaining


async def test_sigcont_from_outside_pauses_where_lumbar_stopped_and_says_so(make_app, fake_clock):
    app = make_app({KEY: ROUTINE}, start=KEY, signals=True)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await advance(app, pilot, fake_clock, 10)  # 3 s get-ready, 7 s into the plank
        assert remaining(app) == pytest.approx(23)
        fake_clock.advance(60)  # stopped (SIGSTOP) for a minute...
        os.kill(os.getpid(), signal.SIGCONT)  # ...then continued
        app.tick()  # the overdue heartbeat runs before the loop reads the signal
        await pilot.pause()
        assert app.session.paused
        assert app.session.index == 1 and remaining(app) == pytest.approx(23)
        assert "PAUSED" in str(app.screen.query_one("#status").visual)
        assert any("Paused while lumbar was stopped" in n.message for n in app._notifications)
        notices = len(app._notifications)
        os.kill(os.getpid(), signal.SIGCONT)  # already paused: no second notice
        await pilot.pause()
        await pilot.pause()
        assert len(app._notifications) == notices


async def test_the_handlers_go_when_the_app_ends(make_app):
    before = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGHUP, signal.SIGCONT, signal.SIGTSTP)}
    app = make_app({KEY: ROUTINE}, start=KEY, signals=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert signal.getsignal(signal.SIGTERM) != before[signal.SIGTERM]
    after = {s: signal.getsignal(s) for s in before}
    assert after[signal.SIGCONT] == before[signal.SIGCONT]
    for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGTSTP):
        assert after[signum] in (signal.SIG_DFL, before[signum])


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT], ids=["TERM", "HUP", "INT"])
async def test_an_ending_signal_exits_like_quitting_with_its_status(make_app, signum):
    cues = ClosedCues()
    app = make_app({KEY: ROUTINE}, start=KEY, signals=True, cues=cues)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert signal.getsignal(signum) not in (signal.SIG_DFL, signal.SIG_IGN)
        os.kill(os.getpid(), signum)
        for _ in range(50):
            if app.return_code is not None:
                break
            await pilot.pause()
    assert app.return_code == 128 + signum
    assert cues.closed >= 1


async def test_ctrl_z_pauses_the_routine_first(make_app, fake_clock):
    app = make_app({KEY: ROUTINE}, start=KEY)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await advance(app, pilot, fake_clock, 5)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.session.paused
        # A headless run cannot stop; a real terminal is tested in tests/e2e/test_signals.py.
        assert any("cannot be suspended" in n.message for n in app._notifications)


async def test_back_from_a_stop_everything_is_drawn_again(make_app, fake_clock, monkeypatch):
    app = make_app({KEY: ROUTINE}, start=KEY)
    async with app.run_test(size=SIZE) as pilot:
        screen = VirtualTerminal(app)
        screen.attach(monkeypatch)
        await advance(app, pilot, fake_clock, 5)
        app.refresh()
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert screen.lines() == truth(app)
        # The terminal lost what was on it (the shell drew its prompt, or a blank screen).
        screen.rows = [[" "] * SIZE[0] for _ in range(SIZE[1])]
        app.stops.continued(True)
        await pilot.pause()
        await pilot.pause()
        assert screen.lines() == truth(app)
        assert any(line.strip() for line in screen.lines()[:3])


class Crashing(Exception):
    pass


def test_a_crash_inside_the_app_gives_a_non_zero_exit_status(make_app, capsys):
    app = make_app({KEY: ROUTINE}, start=KEY)

    def tick() -> None:
        raise Crashing("a fault in the heartbeat")

    app.tick = tick
    assert run(app, headless=True, size=SIZE) == 1


def test_a_normal_exit_is_status_zero(make_app):
    app = make_app({KEY: ROUTINE}, start=KEY)
    app.tick = app.exit  # the workout's first heartbeat quits
    assert run(app, headless=True, size=SIZE) == 0

"""Moving a Pilot-driven app through time: the fake clock, then one heartbeat."""

from __future__ import annotations

from tests.app.terminal import VirtualTerminal, truth


async def advance(app, pilot, fake_clock, seconds: float) -> None:
    fake_clock.advance(seconds)
    app.tick()
    await pilot.pause()


async def resize(pilot, width: int, height: int) -> None:
    """Resize, then let Textual's resize debounce deliver the event to the screens."""
    await pilot.resize_terminal(width, height)
    for _ in range(50):
        if pilot.app.screen.size == (width, height):
            break
        await pilot.pause()
    await pilot.pause()
    assert pilot.app.screen.size == (width, height)


async def run_routine(app, pilot, fake_clock, monkeypatch, frame: float = 1 / 20) -> tuple[int, list[str]]:
    """Frames of ``frame`` seconds to the routine's end; every frame the terminal must match
    a full redraw. Returns the number of frames and every row the terminal showed."""
    term = VirtualTerminal(app)
    term.attach(monkeypatch)
    app.screen.refresh()
    await pilot.pause()
    frames, seen = 0, set()
    while app.session is not None and frames < 4000:
        fake_clock.advance(frame)
        app.tick()
        await pilot.pause()
        frames += 1
        bad = [(y, a, b) for y, (a, b) in enumerate(zip(term.lines(), truth(app))) if a != b]
        assert not bad, f"frame {frames}: {bad[:3]}"
        seen.update(term.lines())
    return frames, sorted(seen)

"""Direct painting is an optimisation, never a dependency: without it a routine runs and
draws exactly as with it.

The last test copies the installed Textual, renames the private names
``tui.widgets.paint`` uses (as a point release might), and runs the shipped breathing
routine on that copy in a fresh interpreter.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import textual

from tests.app.drive import run_routine
from tests.engine.factories import breath_hold, routine
from tui.engine.routine.model import BreathPattern
from tui.widgets import breath_pacer, paint
from tui.widgets.breath_pacer import BreathPacer

ROOT = Path(__file__).resolve().parents[2]
KEY = "fallback-test"
ROUTINE = routine(
    breath_hold("Box breathing", 2, breath=BreathPattern(2, 1, 2, 1)),
    breath_hold("Slow breathing", 2, breath=BreathPattern(3, 0, 3)),
    prepare=2, transition=0, rest=0,
)
RENAMED = ("_compositor_refresh", "_dirty_widgets", "_repaint_regions")


def spy_paints(monkeypatch) -> list[bool]:
    taken: list[bool] = []
    original = paint.paint_now

    def spy(widget, *regions):
        taken.append(original(widget, *regions))
        return taken[-1]

    monkeypatch.setattr(breath_pacer, "paint_now", spy)
    return taken


async def test_a_failed_probe_turns_direct_painting_off_for_the_run(make_app, fake_clock, monkeypatch, caplog):
    def renamed(widget):
        raise AttributeError("'SessionScreen' object has no attribute '_dirty_widgets'")

    monkeypatch.setattr(paint._Private, "check", staticmethod(renamed))
    app = make_app({KEY: ROUTINE}, start=KEY)
    with caplog.at_level(logging.WARNING, logger="lumbar"):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            taken = spy_paints(monkeypatch)
            frames, seen = await run_routine(app, pilot, fake_clock, monkeypatch)
            assert app.session is None
    assert frames > 200 and taken and not any(taken)
    assert paint.enabled() is False
    assert any("Breathe in" in row for row in seen) and any("breath 2 of 2" in row for row in seen)
    warnings = [r for r in caplog.records if r.name.startswith("lumbar")]
    assert len(warnings) == 1 and "_dirty_widgets" in warnings[0].getMessage()


async def test_internals_failing_mid_run_fall_back_for_good(make_app, fake_clock, monkeypatch, caplog):
    """The probe passed, then a paint raised: that frame is refreshed and the run goes on."""
    calls = []

    def broken(widget, regions):
        calls.append(1)
        raise TypeError("update_widgets() takes 1 positional argument")

    monkeypatch.setattr(paint._Private, "paint", staticmethod(broken))
    app = make_app({KEY: ROUTINE}, start=KEY)
    with caplog.at_level(logging.WARNING, logger="lumbar"):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            frames, _ = await run_routine(app, pilot, fake_clock, monkeypatch)
    assert app.session is None
    assert calls == [1], "tried once, then never again"
    assert paint.enabled() is False
    assert len([r for r in caplog.records if r.name.startswith("lumbar")]) == 1


async def test_the_environment_variable_turns_it_off_without_a_warning(make_app, fake_clock, monkeypatch, caplog):
    monkeypatch.setenv(paint.ENVIRONMENT, "0")
    app = make_app({KEY: ROUTINE}, start=KEY)
    with caplog.at_level(logging.WARNING, logger="lumbar"):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            taken = spy_paints(monkeypatch)
            for _ in range(60):
                fake_clock.advance(1 / 20)
                app.tick()
                await pilot.pause()
            assert app.screen.query_one(BreathPacer).display
    assert taken and not any(taken)
    assert paint.enabled() is False
    assert caplog.records == []


async def test_reset_turns_it_back_on(make_app, fake_clock, monkeypatch) -> None:
    monkeypatch.setenv(paint.ENVIRONMENT, "0")
    app = make_app({KEY: ROUTINE}, start=KEY)
    async with app.run_test(size=(80, 24)) as pilot:
        fake_clock.advance(2)  # past the prepare step: the pacer is mounted when first shown
        app.tick()
        await pilot.pause()
        pacer = app.screen.query_one(BreathPacer)
        assert paint.probe(pacer) is False
        monkeypatch.delenv(paint.ENVIRONMENT)
        assert paint.probe(pacer) is False, "sticky for the run"
        paint.reset(clock=fake_clock)
        assert paint.probe(pacer) is True


SCRIPT = '''
import asyncio, json, logging, sys
import textual
from tests.app.terminal import truth
from tests.app_values import lumbar_app
from tui.engine.clock import FakeClock
from tui.widgets import paint

warnings = []
handler = logging.Handler()
handler.emit = lambda record: warnings.append(record.getMessage())
logging.getLogger("lumbar").addHandler(handler)


class Patch:
    def setattr(self, target, name, value):
        setattr(target, name, value)


async def main():
    from pathlib import Path
    from tests.app.drive import run_routine
    from tui.services.loader import load_routine
    clock = FakeClock()
    paint.reset(clock=clock)
    routine = load_routine(Path("sessions/breathing.yaml"))
    app = lumbar_app({"breathing": routine}, start="breathing", clock=clock, heartbeat=None, remember=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        frames, seen = await run_routine(app, pilot, clock, Patch(), frame=0.25)
        end = truth(app)
    print(json.dumps({"textual": textual.__file__, "frames": frames, "seen": seen, "end": end,
                      "enabled": paint.enabled(), "warnings": warnings, "finished": app.session is None}))

asyncio.run(main())
'''


def test_the_shipped_breathing_routine_runs_on_a_textual_whose_private_names_moved(tmp_path: Path) -> None:
    copy = tmp_path / "site" / "textual"
    shutil.copytree(Path(textual.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    renames = dict.fromkeys(RENAMED, 0)
    for path in copy.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for name in RENAMED:
            text, count = re.subn(rf"\b{name}\b", f"{name}_moved", text)
            renames[name] += count
        path.write_text(text, encoding="utf-8")
    assert all(renames.values()), renames  # each name was really there to rename

    env = {**os.environ, "PYTHONPATH": f"{copy.parent}:{ROOT}", "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["textual"].startswith(str(copy))
    assert report["finished"] and report["frames"] > 1000  # about five minutes in 1/4 s frames
    assert report["enabled"] is False
    assert len(report["warnings"]) == 1 and "_dirty_widgets" in report["warnings"][0]
    seen = " ".join(report["seen"])
    assert "Breathe in" in seen and "Breathe out" in seen and "Hold empty" in seen
    assert "breath 6 of 6" in seen and "breath 12 of 12" in seen
    end = " ".join(report["end"])
    assert "Well done." in end and "Breathing" in end, end

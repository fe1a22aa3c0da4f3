"""The bare Textual reference app: the least a Textual program can do for each scenario.

It runs under the project's own Python and Textual, so a ratio against it measures what
lumbar adds on top of the framework, not the framework itself.

    python bench/bare_app.py idle      one Digits widget, no timers (the idle floor)
    python bench/bare_app.py tick1hz   a Digits counting down once a second (set_interval)
    python bench/bare_app.py bar20     a bar widget redrawn 20 times a second

Every mode shows MARKER, which the first-frame probe waits for.
"""

from __future__ import annotations

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Digits, Static

MODES = ("idle", "tick1hz", "bar20")
MARKER = "bare textual reference"


class Bar(Static):
    """A full-width bar whose length follows a triangle wave, like a breath pacer."""

    def __init__(self) -> None:
        super().__init__("", id="bar")
        self.frame = 0

    def step(self) -> None:
        self.app.ticks.count += 1  # type: ignore[attr-defined]
        self.frame += 1
        width = max(self.size.width, 1)
        # 100 frames per swell-and-shrink: 5 s at 20 fps, about one breath.
        phase = self.frame % 100
        length = round(width * (phase if phase < 50 else 100 - phase) / 50)
        self.update("█" * length)


class BareApp(App[None]):
    CSS = "Digits { width: auto; } #bar { height: 3; }"

    def __init__(self, mode: str) -> None:
        super().__init__()
        self.mode = mode
        self.left = 600
        self.ticks = _ticks()

    def compose(self) -> ComposeResult:
        yield Static(MARKER)
        yield Digits("10:00", id="digits")
        if self.mode == "bar20":
            yield Bar()

    def on_mount(self) -> None:
        if self.mode == "tick1hz":
            self.set_interval(1, self.tick)
        elif self.mode == "bar20":
            self.set_interval(1 / 20, self.query_one(Bar).step)

    def tick(self) -> None:
        self.ticks.count += 1
        self.left = max(self.left - 1, 0)
        self.query_one(Digits).update(f"{self.left // 60:02d}:{self.left % 60:02d}")


def _ticks():
    """The same SIGUSR1 tick counter lumbar runs under (bench/probe.py), loaded by path
    because this file runs as a script, outside the bench package. Without BENCH_TICKS
    (first-frame runs) nothing extra is imported."""
    import os

    if not os.environ.get("BENCH_TICKS"):
        from types import SimpleNamespace

        return SimpleNamespace(count=0)
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_probe", Path(__file__).with_name("probe.py"))
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.Ticks()


def main() -> None:
    mode = sys.argv[1] if len(sys.argv) > 1 else "idle"
    if mode not in MODES:
        raise SystemExit(f"usage: bare_app.py {{{'|'.join(MODES)}}}")
    BareApp(mode).run()


if __name__ == "__main__":
    main()

"""Count a program's frames from outside without changing it.

`python -m bench.probe ARGS...` is the `lumbar` command with one addition: every call of
`LumbarApp.tick` (the heartbeat) is counted. The bare reference app counts its own
updates the same way. On SIGUSR1 the process appends "<monotonic> <count>" to the file
named by BENCH_TICKS, so the bench reads the tick rate over exactly its CPU window.
Counting costs one integer add per tick, far below what the window can resolve.
"""

from __future__ import annotations

import os
import signal
import sys
import time


class Ticks:
    """A counter that writes itself to $BENCH_TICKS when the process gets SIGUSR1."""

    def __init__(self) -> None:
        self.count = 0
        self.path = os.environ.get("BENCH_TICKS")
        if self.path:
            signal.signal(signal.SIGUSR1, self._dump)

    def _dump(self, *_: object) -> None:
        with open(self.path, "a", encoding="utf-8") as out:  # type: ignore[arg-type]
            out.write(f"{time.monotonic()} {self.count}\n")


def read_rate(path: str) -> float:
    """Ticks per second between the first and last dump in ``path``; nan if fewer than two."""
    try:
        rows = [tuple(map(float, line.split())) for line in open(path, encoding="utf-8") if line.strip()]
    except FileNotFoundError:
        return float("nan")
    if len(rows) < 2 or rows[-1][0] <= rows[0][0]:
        return float("nan")
    return (rows[-1][1] - rows[0][1]) / (rows[-1][0] - rows[0][0])


def main() -> int:
    ticks = Ticks()
    from tui.app.app import LumbarApp

    original = LumbarApp.tick

    def tick(self: LumbarApp) -> None:
        ticks.count += 1
        original(self)

    LumbarApp.tick = tick  # type: ignore[method-assign]
    from tui.cli.main import main as lumbar

    return lumbar(sys.argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())

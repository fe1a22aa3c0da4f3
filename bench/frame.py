"""First frame: time from asking tmux to start a program until its known text is on screen.

All four programs are timed by the same loop (spawn, then capture the pane every ~5 ms),
so the probe's own overhead is the same in every figure and cancels in the ratios.
Runs are interleaved (A B C D, A B C D, ...) after one untimed warm-up round, so a
cold disk cache or a busy moment does not land on one program only.
"""

from __future__ import annotations

import statistics

from .targets import Target, first_frame_targets
from .tmux import Server


def first_frames(server: Server, runs: int, log=print) -> dict[str, dict[str, object]]:
    """Median first-frame time in ms per target, with every run kept for the JSON."""
    targets = first_frame_targets()
    times: dict[str, list[float]] = {key: [] for key in targets}
    first = 0 if runs > 1 else 1  # a single (smoke) run skips the warm-up round
    for round_no in range(first, runs + 1):
        for key, target in targets.items():
            seconds = _once(server, target)
            if round_no > 0:  # round 0 warms the disk cache and is not kept
                times[key].append(seconds * 1000)
        if round_no > 0:
            log(f"  first frame round {round_no}/{runs}: "
                + ", ".join(f"{k} {v[-1]:.0f} ms" for k, v in times.items()))
    return {
        key: {"label": targets[key].label, "median_ms": statistics.median(ms), "runs_ms": ms}
        for key, ms in times.items()
    }


def _once(server: Server, target: Target) -> float:
    pane = server.spawn(target.argv, target.env)
    try:
        return pane.wait_for(target.marker)
    finally:
        pane.close()

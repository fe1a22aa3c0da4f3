"""The benchmark code still runs: `python -m bench --smoke` end to end, in seconds.

Benchmarks are not part of `make test` (they take minutes); this only checks that every
part of bench/ still works against the current app and writes the JSON it promises.
The figures of a smoke run mean nothing, so nothing here judges them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_smoke(tmp_path: Path, *only: str) -> dict:
    out = tmp_path / "smoke.json"
    args = [sys.executable, "-m", "bench", "--smoke", "--json", str(out)]
    if only:
        args += ["--only", *only]
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "history screen" in done.stdout
    return json.loads(out.read_text())


def test_offline_parts_write_the_promised_json(tmp_path: Path) -> None:
    results = run_smoke(tmp_path, "loader", "history", "breaks", "report")
    assert set(results) >= {"meta", "first_frame", "usage", "timer", "loader", "history",
                            "rows", "budgets"}
    assert results["loader"]["ratio"] > 0
    assert results["breaks"]["headless"]["exit_code"] == 0  # SIGTERM stopped it cleanly
    assert results["breaks"]["day"]["prompts"] >= 10 and results["breaks"]["day"]["taken"] == ["suspend"]
    history = results["history"]
    assert history.get("skipped") == "no history store in this build" or history["full_ms"] > 0
    report = results["report"]
    assert report["full_ms"] > 0 and report["empty_ms"] > 0 and report["all_sessions_logged"] == report["sessions"]
    assert {b["name"] for b in results["budgets"]} >= {
        "first frame of `lumbar run` <= 1.3x bare Textual", "hold countdown CPU <= bare 1 Hz Textual and < termdown",
        "waiting CPU <= bare idle + 0.05 points", "breath pacer <= 4 % of a core at >= 20 fps",
        "tempo step with the figure moving <= 4 % of a core at >= 20 fps (the breath pacer's budget)",
        "RSS <= 40 MiB", "timer end error <= 5 ms (real) after 20 min",
        "headless break scheduler <= 0.05 % of a core",
        "break prompts <= 50 ms late over a simulated 8-hour day with a suspend",
        "`lumbar report` (two weeks) with ten years of data in < 1 s"}


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_terminal_parts_measure_the_real_app(tmp_path: Path) -> None:
    results = run_smoke(tmp_path, "frame", "idle", "timer")
    frames = results["first_frame"]
    assert {"lumbar_home", "lumbar_run", "bare"} <= set(frames)
    assert all(f["median_ms"] > 0 for f in frames.values())
    idle = results["usage"]["idle"]
    assert idle["lumbar"]["cpu_pct"] >= 0 and idle["lumbar"]["rss_mib"] > 0
    assert idle["bare"]["rss_mib"] > 0
    for key in ("real_2min", "sim_20min", "sim_8h"):
        timer = results["timer"][key]
        assert "error" not in timer, timer
        assert timer["steps_ended"] >= 1 and "end_error_real_ms" in timer

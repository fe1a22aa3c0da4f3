"""`python -m bench`: measure lumbar beside a bare Textual app and termdown, in one run.

Prints a table (scenario, lumbar, reference, ratio, budget, PASS/FAIL) and writes the raw
figures to bench/results/latest.json. Exits 1 when any budget fails or errors, after
printing everything. `--smoke` shrinks every window so the whole path runs in seconds
(for tests/bench/test_bench_smoke.py); its figures mean nothing and its budgets are not enforced.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
import traceback
from dataclasses import asdict
from pathlib import Path
from typing import Any, Callable

from . import report, timing
from .targets import RESULTS, have_termdown
from .tmux import Server, have_tmux
from .usage import Window, measure, scenarios

PARTS = ("frame", "idle", "hold", "breath", "tempo", "timer", "breaks", "loader", "history", "report",
         "store", "browser")
#: Time scale of the simulated working day of the breaks part: 8 h 10 min in about a
#: minute, as the simulated 8-hour routine; a smoke run only checks the code path.
DAY_SCALE = {"full": 480.0, "smoke": 48000.0}
#: Real hold, simulated 20 minutes, simulated 8 hours: time scale of each.
#: (routine, scale) for the real hold, simulated 20 minutes and simulated 8 hours. A smoke run
#: only checks the code path, so its "8 hours" is the 2-minute routine, fast.
TIMERS = {
    "full": {"real_2min": ("bench-2min", 1.0), "sim_20min": ("bench-20min", 20.0),
             "sim_8h": ("bench-8h", 480.0)},
    "smoke": {"real_2min": ("bench-2min", 120.0), "sim_20min": ("bench-20min", 480.0),
              "sim_8h": ("bench-2min", 120.0)},
}


def parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    p.add_argument("--window", type=float, default=60.0, help="seconds of each CPU/RSS window (60)")
    p.add_argument("--runs", type=int, default=15, help="first-frame rounds (15)")
    p.add_argument("--only", nargs="+", choices=PARTS, metavar="NAME",
                   help=f"run only these parts: {', '.join(PARTS)}")
    p.add_argument("--smoke", action="store_true", help="tiny windows, one run: checks the code runs")
    p.add_argument("--json", type=Path, help="where to write results (bench/results/latest.json)")
    return p.parse_args(argv)


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def attempt(what: str, fn: Callable[[], Any]) -> Any:
    """Run one measurement; a crash is recorded as {"error": ...} and the bench goes on."""
    log(f"- {what}")
    try:
        return fn()
    except Exception as exc:  # noqa: BLE001 - one broken scenario must not hide the rest
        traceback.print_exc(file=sys.stderr)
        return {"error": f"{type(exc).__name__}: {exc}"}


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    only = set(args.only or PARTS)
    if args.smoke:
        window, runs, timers = Window(0.5, 0.2, 0.25, 0.2), 1, TIMERS["smoke"]
        loader_args = (40, 1, 1)
    else:
        window, runs, timers = Window(args.window), args.runs, TIMERS["full"]
        loader_args = (500, 5, 3)
    skipped = {"skipped": "not selected"}
    results: dict[str, Any] = {
        "meta": {"started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "smoke": args.smoke,
                 "window_s": window.seconds, "runs": runs, "python": platform.python_version(),
                 "machine": platform.platform(), "cpus": _cpus(), "textual": _version("textual"),
                 "termdown": have_termdown(), "tmux": have_tmux()},
        "first_frame": skipped, "usage": {k: skipped for k in ("idle", "hold", "breath", "tempo")},
        "timer": {k: skipped for k in ("real_2min", "sleep_loop", "sim_20min", "sim_8h")},
        "loader": skipped, "history": skipped, "report": skipped, "store": skipped, "browser": skipped,
        "breaks": {k: skipped for k in ("waiting", "headless", "day", "doors")},
    }
    started = time.monotonic()
    from .breaks import BREAKS_ENV
    from .targets import LUMBAR_ENV, red_flags_answered, routines_read

    for env in (LUMBAR_ENV, BREAKS_ENV):
        red_flags_answered(env)
        routines_read(env)
    if have_tmux():
        with Server() as server:
            _terminal_parts(server, only, window, runs, timers, results)
    else:
        log("tmux not found: first frame, CPU/RSS and timer parts skipped")
        no_tmux = {"skipped": "tmux not installed"}
        results["first_frame"] = no_tmux
        results["usage"] = {k: no_tmux for k in results["usage"]}
        results["timer"] = {k: no_tmux for k in results["timer"]}
        results["breaks"]["waiting"] = results["breaks"]["doors"] = no_tmux
    if "breaks" in only:
        from .breaks import headless_cpu, prompt_lateness

        results["breaks"]["headless"] = attempt(
            f"headless break scheduler waiting: {window.seconds:g} s window",
            lambda: headless_cpu(window.seconds, window.warmup))
        scale = DAY_SCALE["smoke" if args.smoke else "full"]
        results["breaks"]["day"] = attempt(
            f"break prompts over a simulated working day with a suspend (x{scale:g})",
            lambda: prompt_lateness(scale))
    if "loader" in only:
        from .loading import bench_loader

        results["loader"] = attempt("loader on generated routine files", lambda: bench_loader(*loader_args))
    if "store" in only:
        from .store import bench_store

        results["store"] = attempt("history store: one step write",
                                   lambda: bench_store(200 if args.smoke else 2000))
    if "history" in only:
        from .history import bench_history

        years, passes = (0.05, 1) if args.smoke else (10, 15)
        results["history"] = attempt(f"history screen with {years:g} years of data",
                                     lambda: bench_history(years, passes))
    if "report" in only:
        from .reporting import bench_report

        years, passes = (0.05, 1) if args.smoke else (10, 7)
        results["report"] = attempt(f"lumbar report with {years:g} years of data",
                                    lambda: bench_report(years, passes))
    if "browser" in only:
        from .browser import bench_browser, missing

        why = missing()
        if why:
            log(f"browser first frame skipped: {why}")
            results["browser"] = {"skipped": why}
        else:
            import tempfile

            with tempfile.TemporaryDirectory(prefix="lumbar-bench-chromium-") as profile:
                results["browser"] = attempt(f"first frame in Chromium, {runs} runs each",
                                             lambda: bench_browser(runs, Path(profile), log))
    results["meta"]["seconds"] = round(time.monotonic() - started, 1)

    rows, budgets = report.build(results)
    results["rows"], results["budgets"] = rows, budgets
    print(report.table(rows))
    failed = [b["name"] for b in budgets if b["result"] in ("FAIL", "ERROR")]
    out = args.json or RESULTS / ("smoke.json" if args.smoke else "latest.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"\n{len(budgets) - len(failed)} of {len(budgets)} budgets pass; "
          f"results in {out}; took {results['meta']['seconds']:.0f} s")
    if args.smoke:
        print("(smoke run: figures are not meaningful and budgets are not enforced)")
        return 0
    for name in failed:
        print(f"FAILED: {name}")
    return 1 if failed else 0


def _terminal_parts(server: Server, only: set[str], window: Window, runs: int,
                    timers: dict[str, tuple[str, float]], results: dict[str, Any]) -> None:
    from .frame import first_frames

    if "frame" in only:
        results["first_frame"] = attempt(f"first frame, {runs} runs each",
                                         lambda: first_frames(server, runs, log))
    real_routine, real_scale = timers["real_2min"]
    # The real 2-minute hold is a hold countdown too: when the window fits inside it, its CPU
    # and RSS are the hold scenario's figure, which saves a separate minute.
    merge = ("timer" in only and "hold" in only
             and window.warmup + window.seconds + window.visible + 5 < 120 / real_scale)
    for part in ("idle", "hold", "breath", "tempo"):
        if part not in only:
            continue
        results["usage"][part] = {}
        targets = scenarios()[part]
        for role, target in targets.items():
            if part == "hold" and role == "lumbar" and merge:
                continue  # measured during the real 2-minute hold below
            results["usage"][part][role] = attempt(
                f"{target.label}: {window.seconds:g} s window",
                lambda: asdict(measure(server, target, window)))
    if "breaks" in only:
        results["breaks"]["waiting"] = _breaks_waiting(server, window)
        from .doors import bench_doors

        results["breaks"]["doors"] = attempt(
            f"a door onto the headless scheduler: 20 answers, then {window.seconds:g} s waiting",
            lambda: bench_doors(server, window.seconds, window.warmup, window.rss_every))
    if "timer" not in only:
        return
    loop = timing.SleepLoop(round(120 / real_scale))
    loop.start()

    def real_hold() -> dict[str, Any]:
        errors, usage = timing.run(server, real_routine, real_scale, window if merge else None,
                                   "lumbar hold countdown (real 2-min hold)")
        if usage is not None:
            results["usage"]["hold"]["lumbar"] = asdict(usage)
        return errors

    results["timer"]["real_2min"] = attempt(f"real 2-minute hold (x{real_scale:g})", real_hold)
    loop.join()
    results["timer"]["sleep_loop"] = {"seconds": loop.seconds, "drift_ms": loop.drift_ms}
    for key in ("sim_20min", "sim_8h"):
        routine, scale = timers[key]
        results["timer"][key] = attempt(f"{routine} at x{scale:g}",
                                        lambda: timing.run(server, routine, scale)[0])


def _breaks_waiting(server: Server, window: Window) -> dict[str, Any]:
    """The App with the scheduler on, waiting for a break, and the bare idle app, one after
    the other in this run."""
    from .breaks import waiting_pair, waiting_targets

    targets = waiting_targets()
    if targets is None:
        return {"skipped": "`lumbar breaks` is not in this build"}
    return attempt(f"{' and '.join(t.label for t in targets.values())}, at once: "
                   f"{window.seconds:g} s window",
                   lambda: waiting_pair(server, targets, window.seconds, window.warmup, window.rss_every))


def _cpus() -> int | None:
    import os

    return os.cpu_count()


def _version(name: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return None


if __name__ == "__main__":
    raise SystemExit(main())

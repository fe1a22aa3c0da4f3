"""The hold-countdown budget is judged against references measured in the same run."""

from __future__ import annotations

import pytest

from bench.report import HOLD_BUDGET, build


def usage(cpu: float) -> dict:
    return {"cpu_pct": cpu, "rss_mib": 30.0, "ticks_per_s": 1.0, "visible_per_s": 1.0, "window_s": 20.0}


def hold_verdict(lumbar: float, bare: float, termdown: float | None) -> tuple[str, list[dict]]:
    hold = {"lumbar": usage(lumbar), "bare": usage(bare)}
    if termdown is not None:
        hold["termdown"] = usage(termdown)
    rows, budgets = build({"usage": {"hold": hold}})
    budget = next(b for b in budgets if b["name"] == HOLD_BUDGET)
    return budget["result"], rows


@pytest.mark.parametrize(("lumbar", "bare", "termdown", "result"), [
    (0.47, 0.53, 0.50, "PASS"),  # the run where 0.4x termdown failed with lumbar unchanged
    (0.47, 0.53, 1.60, "PASS"),  # the same lumbar where termdown costs 3x more
    (0.60, 0.53, 1.60, "FAIL"),  # above the bare 1 Hz Textual app
    (0.50, 0.53, 0.50, "FAIL"),  # not below termdown
    (0.47, 0.53, None, "SKIP"),  # termdown not installed: not judged
])
def test_hold_budget(lumbar, bare, termdown, result):
    verdict, rows = hold_verdict(lumbar, bare, termdown)
    assert verdict == result
    # The termdown ratio is printed whatever the verdict.
    vs_termdown = next(r for r in rows if r["scenario"] == "CPU: hold countdown vs termdown")
    assert vs_termdown["ratio"] == ("—" if termdown is None else f"{lumbar / termdown:.2f}x")


def frame(ms: float) -> dict:
    return {"label": "", "median_ms": ms, "runs_ms": [ms * 0.98, ms, ms * 1.02]}


def test_the_termdown_first_frame_row_shows_termdowns_time():
    ff = {"lumbar_home": frame(250.0), "lumbar_run": frame(300.0), "bare": frame(240.0),
          "termdown": frame(120.0)}
    rows, _ = build({"first_frame": ff})
    row = next(r for r in rows if r["scenario"] == "first frame: termdown (reference)")
    assert row["lumbar"] == "120 ms"
    assert row["reference"] == "lumbar run 300 ms"
    assert row["ratio"] == "lumbar run 2.50x"


def test_the_termdown_first_frame_row_without_termdown():
    ff = {"lumbar_home": frame(250.0), "lumbar_run": frame(300.0), "bare": frame(240.0)}
    rows, _ = build({"first_frame": ff})
    row = next(r for r in rows if r["scenario"] == "first frame: termdown (reference)")
    assert row["lumbar"] == "not run" and row["ratio"] == "—"


def waiting(results: dict) -> tuple[str, list[dict]]:
    rows, budgets = build(results)
    return next(b for b in budgets if b["name"] == "waiting CPU <= bare idle + 0.05 points")["result"], rows


def test_waiting_is_judged_with_the_scheduler_on_when_it_was_measured():
    idle = {"idle": {"lumbar": usage(0.50), "bare": usage(0.45)}}
    on = {"lumbar": usage(0.52), "bare": usage(0.44)}
    verdict, rows = waiting({"usage": idle, "breaks": {"waiting": on}})
    assert verdict == "FAIL"  # +0.08 with the scheduler on, though the home idle is +0.05
    assert any(r["scenario"].startswith("CPU: waiting for a break") for r in rows)
    verdict, _ = waiting({"usage": idle, "breaks": {"waiting": {"skipped": "not in this build"}}})
    assert verdict == "PASS"  # judged on the idle routine list


@pytest.mark.parametrize(("cpu", "code", "result"), [(0.0, 0, "PASS"), (0.06, 0, "FAIL"), (0.0, 1, "FAIL")])
def test_headless_budget(cpu, code, result):
    head = {"cpu_pct": cpu, "rss_mib": 30.0, "window_s": 20.0, "exit_code": code}
    _, budgets = build({"breaks": {"headless": head}})
    assert next(b for b in budgets if b["name"] == "headless break scheduler <= 0.05 % of a core")["result"] == result


@pytest.mark.parametrize(("late", "result"), [(3.0, "PASS"), (50.5, "FAIL")])
def test_lateness_budget(late, result):
    day = {"scale": 480.0, "simulated_h": 8.2, "prompts": 18, "heads_ups": 18, "suspend": "12:10-13:00",
           "exact_timer": True, "max_late_ms": late, "median_late_ms": 0.3}
    rows, budgets = build({"breaks": {"day": day}})
    budget = next(b for b in budgets if b["name"].startswith("break prompts <= 50 ms late"))
    assert budget["result"] == result
    assert any("x480; clocks scaled, asleep 12:10-13:00" in r["scenario"] for r in rows)

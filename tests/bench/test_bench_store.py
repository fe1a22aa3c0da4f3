"""The store's bench scenario still runs (its figures are not judged here)."""

from __future__ import annotations

from bench.report import build
from bench.store import bench_store


def test_step_write_scenario_runs_and_reports_a_row() -> None:
    result = bench_store(50)
    assert result["writes"] == 50 and result["warning"] is None
    assert 0 < result["p50_ms"] <= result["p99_ms"] <= result["max_ms"]
    rows, _ = build({"store": result})
    (row,) = [r for r in rows if r["scenario"].startswith("store: one step write")]
    assert row["lumbar"].endswith(" ms")

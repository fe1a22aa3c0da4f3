"""Turn the raw results into table rows and budget verdicts.

Each budget is one function of the results: it returns the figure, the ratio it is judged
by, and PASS or FAIL. A scenario that did not run gives SKIP (not selected, or termdown
missing) or ERROR (it crashed); ERROR counts as a failure, SKIP does not.
"""

from __future__ import annotations

import math
import statistics
from typing import Any

HISTORY_BUDGET_MS = 200.0
REPORT_BUDGET_MS = 1000.0
REPORT_BUDGET = f"`lumbar report` (two weeks) with ten years of data in < {REPORT_BUDGET_MS / 1000:g} s"
WAITING = "waiting (home screen idle; `lumbar breaks` not in this build)"
WAITING_BREAKS = "waiting for a break (lumbar breaks, scheduler on)"
HEADLESS_BUDGET = "headless break scheduler <= 0.05 % of a core"
DOOR_BUDGET = "a door onto the headless scheduler, waiting: CPU <= bare idle + 0.05 points"
ANSWER_BUDGET = "a door's answer carried out by the scheduler: p95 <= 1000 ms over 20"
LATENESS_BUDGET = "break prompts <= 50 ms late over a simulated 8-hour day with a suspend"
HOLD_BUDGET = "hold countdown CPU <= bare 1 Hz Textual and < termdown"
TEMPO_BUDGET = "tempo step with the figure moving <= 4 % of a core at >= 20 fps (the breath pacer's budget)"


def _get(results: dict[str, Any], *path: str) -> Any:
    node: Any = results
    for key in path:
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
        if not _ok(node):  # a skipped or failed part stands for everything below it
            return node
    return node


def paired_ratio(ff: Any, key: str, reference: str) -> float | None:
    """Median over rounds of (key's time / reference's time in the same round).

    The rounds interleave the programs, so a slow moment of the machine lands on both
    halves of a pair; the median of the pairs is steadier than a ratio of medians."""
    if not _ok(ff) or not (_ok(ff.get(key)) and _ok(ff.get(reference))):
        return None
    pairs = [a / b for a, b in zip(ff[key]["runs_ms"], ff[reference]["runs_ms"]) if b > 0]
    return statistics.median(pairs) if pairs else None


def _ok(node: Any) -> bool:
    return isinstance(node, dict) and "error" not in node and "skipped" not in node


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f} ms"


def _pct(u: dict | None) -> str:
    if not _ok(u):
        return _missing(u)
    text = f"{u['cpu_pct']:.2f} %"
    if not math.isnan(u.get("ticks_per_s", math.nan)):
        text += f" @ {u['ticks_per_s']:.1f} ticks/s"
    return text + f", {u['rss_mib']:.1f} MiB"


def _missing(node: Any) -> str:
    if isinstance(node, dict) and "error" in node:
        return "ERROR"
    if isinstance(node, dict) and "skipped" in node:
        return f"skipped ({node['skipped']})"
    return "not run"


def _verdict(passed: bool | None, *nodes: Any) -> str:
    if any(isinstance(n, dict) and "error" in n for n in nodes):
        return "ERROR"
    if passed is None:
        return "SKIP"
    return "PASS" if passed else "FAIL"


def build(results: dict[str, Any]) -> tuple[list[dict[str, str]], list[dict[str, Any]]]:
    """(table rows, budgets) from the results dictionary that becomes the JSON file."""
    rows: list[dict[str, str]] = []
    budgets: list[dict[str, Any]] = []

    def row(scenario: str, lumbar: str, reference: str = "—", ratio: str = "—",
            budget: str = "—", verdict: str = "") -> None:
        rows.append({"scenario": scenario, "lumbar": lumbar, "reference": reference,
                     "ratio": ratio, "budget": budget, "result": verdict})

    def judge(name: str, figure: float | None, limit: float, ratio: float | None,
              passed: bool | None, *nodes: Any) -> str:
        verdict = _verdict(passed, *nodes)
        budgets.append({"name": name, "figure": figure, "limit": limit, "ratio": ratio,
                        "result": verdict})
        return verdict

    # -- first frame -------------------------------------------------------------------
    ff = results.get("first_frame")
    med = {k: v["median_ms"] for k, v in ff.items() if _ok(v)} if _ok(ff) else {}
    bare, home, run, td = (med.get(k) for k in ("bare", "lumbar_home", "lumbar_run", "termdown"))
    ratio = paired_ratio(ff, "lumbar_run", "bare")
    home_ratio = paired_ratio(ff, "lumbar_home", "bare")
    row("first frame: lumbar (home)", _ms(home), f"bare Textual {_ms(bare)}",
        f"{home_ratio:.2f}x" if home_ratio else "—")
    verdict = judge("first frame of `lumbar run` <= 1.3x bare Textual", run, 1.3, ratio,
                    None if ratio is None else ratio <= 1.3, ff)
    row("first frame: lumbar run desk-break", _ms(run), f"bare Textual {_ms(bare)}",
        f"{ratio:.2f}x" if ratio else "—", "<= 1.3x bare", verdict)
    # termdown's own first frame, beside `lumbar run`'s (it printed lumbar's time here).
    td_ratio = paired_ratio(ff, "lumbar_run", "termdown")
    row("first frame: termdown (reference)", _ms(td) if td is not None else _missing(
        ff.get("termdown") if _ok(ff) else ff), f"lumbar run {_ms(run)}",
        f"lumbar run {td_ratio:.2f}x" if td_ratio else "—")

    br = results.get("browser")
    bare_ms = br["bare"]["median_ms"] if _ok(br) and _ok(br.get("bare")) else None
    lumbar_ms = br["lumbar"]["median_ms"] if _ok(br) and _ok(br.get("lumbar")) else None
    br_ratio = paired_ratio(br, "lumbar", "bare")
    verdict = judge("first frame in Chromium <= 1.3x bare Textual served the same way", lumbar_ms, 1.3,
                    br_ratio, None if br_ratio is None else br_ratio <= 1.3, br)
    row("first frame in Chromium: lumbar serve (routine list)",
        _ms(lumbar_ms) if _ok(br) else _missing(br), f"bare Textual served the same way {_ms(bare_ms)}",
        f"{br_ratio:.2f}x" if br_ratio else "—", "<= 1.3x bare", verdict)
    back = br.get("reconnect") if _ok(br) else None
    back_ms = back["median_ms"] if _ok(back) else None
    verdict = judge("a dropped page shows its routine taken up within 2 s", back_ms, 2000, None,
                    None if back_ms is None else back_ms <= 2000, br)
    row("browser: connection dropped mid-routine, routine taken up", _ms(back_ms) if back_ms else _missing(back or br),
        budget="<= 2000 ms", verdict=verdict)

    # -- CPU and RSS ---------------------------------------------------------------------
    idle_l, idle_b = _get(results, "usage", "idle", "lumbar"), _get(results, "usage", "idle", "bare")
    wait = _get(results, "breaks", "waiting")
    wait_l, wait_b = _get(results, "breaks", "waiting", "lumbar"), _get(results, "breaks", "waiting", "bare")
    # Waiting for a break is judged with the scheduler on (`lumbar breaks`); a build without
    # that command is judged on the idle routine list, as before the scheduler existed.
    measured = _ok(wait) or (isinstance(wait, dict) and "error" in wait)
    judged_l, judged_b = (wait_l, wait_b) if measured else (idle_l, idle_b)
    diff = judged_l["cpu_pct"] - judged_b["cpu_pct"] if _ok(judged_l) and _ok(judged_b) else None
    verdict = judge("waiting CPU <= bare idle + 0.05 points", diff, 0.05, None,
                    None if diff is None else diff <= 0.05, judged_l, judged_b)
    row(f"CPU: {WAITING_BREAKS if measured else WAITING}", _pct(judged_l), f"bare idle {_pct(judged_b)}",
        "—" if diff is None else f"{diff:+.2f} pts", "<= bare + 0.05 pts", verdict)
    if measured and _ok(idle_l):
        idle_diff = idle_l["cpu_pct"] - idle_b["cpu_pct"] if _ok(idle_b) else None
        row("CPU: home screen idle, no scheduler", _pct(idle_l), f"bare idle {_pct(idle_b)}",
            "—" if idle_diff is None else f"{idle_diff:+.2f} pts")
    head = _get(results, "breaks", "headless")
    ok = _ok(head)
    verdict = judge(HEADLESS_BUDGET, head["cpu_pct"] if ok else None, 0.05, None,
                    head["cpu_pct"] <= 0.05 and head["exit_code"] == 0 if ok else None, head)
    row("CPU: lumbar breaks --headless, waiting", f"{head['cpu_pct']:.3f} %, {head['rss_mib']:.1f} MiB"
        if ok else _missing(head), budget="<= 0.05 % of a core", verdict=verdict)
    doors = _get(results, "breaks", "doors")
    door_l, door_b = _get(doors, "waiting", "door"), _get(doors, "waiting", "bare")
    diff = door_l["cpu_pct"] - door_b["cpu_pct"] if _ok(door_l) and _ok(door_b) else None
    verdict = judge(DOOR_BUDGET, diff, 0.05, None, None if diff is None else diff <= 0.05,
                    doors, door_l, door_b)
    row("CPU: lumbar breaks as a door, waiting", _pct(door_l) if _ok(door_l) else _missing(doors),
        f"bare idle {_pct(door_b)}" if _ok(door_b) else "—",
        "—" if diff is None else f"{diff:+.2f} pts", "<= bare + 0.05 pts", verdict)
    answers = _get(doors, "answers")
    ok = _ok(answers)
    verdict = judge(ANSWER_BUDGET, answers["p95_ms"] if ok else None, 1000.0, None,
                    answers["p95_ms"] <= 1000.0 if ok else None, doors, answers)
    row("breaks: a door's answer, carried out", f"p95 {answers['p95_ms']:.1f} ms, max "
        f"{answers['max_ms']:.1f} ms (of {answers['count']})" if ok else _missing(doors),
        budget="p95 <= 1000 ms", verdict=verdict)

    # The hold budget is judged against what lumbar can reach on any machine: the bare
    # 1 Hz Textual app (same Python, same Textual) and termdown, both measured in this run.
    # termdown's own cost moves ~3x between machines (1.6 % on one, 0.50 % on another), so
    # a fixed fraction of it failed on a faster machine with lumbar unchanged; its ratio is
    # still printed, as a figure.
    hold_l, hold_t = _get(results, "usage", "hold", "lumbar"), _get(results, "usage", "hold", "termdown")
    hold_b = _get(results, "usage", "hold", "bare")
    to_bare = hold_l["cpu_pct"] / hold_b["cpu_pct"] if _ok(hold_l) and _ok(hold_b) and hold_b["cpu_pct"] else None
    to_termdown = (hold_l["cpu_pct"] / hold_t["cpu_pct"]
                   if _ok(hold_l) and _ok(hold_t) and hold_t["cpu_pct"] else None)
    passed = None if to_bare is None or to_termdown is None else to_bare <= 1.0 and to_termdown < 1.0
    verdict = judge(HOLD_BUDGET, hold_l["cpu_pct"] if _ok(hold_l) else None, 1.0, to_bare, passed,
                    hold_l, hold_b, hold_t)
    row("CPU: hold countdown (1 Hz)", _pct(hold_l), f"bare 1 Hz Digits {_pct(hold_b)}",
        f"{to_bare:.2f}x" if to_bare is not None else "—", "<= 1x bare 1 Hz and < 1x termdown", verdict)
    row("CPU: hold countdown vs termdown", _pct(hold_l), f"termdown {_pct(hold_t)}",
        f"{to_termdown:.2f}x" if to_termdown is not None else "—", "< 1x (part of the row above)")

    br_l, br_b = _get(results, "usage", "breath", "lumbar"), _get(results, "usage", "breath", "bare")
    ok = _ok(br_l)
    # A 1/20 s interval counted over a window reads 19.99x; 19.9 still means 20 a second.
    passed = (br_l["cpu_pct"] <= 4.0 and br_l["ticks_per_s"] >= 19.9) if ok else None
    verdict = judge("breath pacer <= 4 % of a core at >= 20 fps", br_l["cpu_pct"] if ok else None,
                    4.0, None, passed, br_l)
    ratio = br_l["cpu_pct"] / br_b["cpu_pct"] if ok and _ok(br_b) and br_b["cpu_pct"] else None
    row("CPU: breath pacer", _pct(br_l), f"bare bar 20 fps {_pct(br_b)}",
        f"{ratio:.2f}x" if ratio is not None else "—", "<= 4 % at >= 20 fps", verdict)
    if ok:
        row("  visible screen changes/s (pacer | bar)", f"{br_l['visible_per_s']:.1f}/s",
            f"{br_b['visible_per_s']:.1f}/s" if _ok(br_b) else "—")

    te_l, te_b = _get(results, "usage", "tempo", "lumbar"), _get(results, "usage", "tempo", "bare")
    ok = _ok(te_l)
    passed = (te_l["cpu_pct"] <= 4.0 and te_l["ticks_per_s"] >= 19.9) if ok else None
    verdict = judge(TEMPO_BUDGET, te_l["cpu_pct"] if ok else None, 4.0, None, passed, te_l)
    ratio = te_l["cpu_pct"] / te_b["cpu_pct"] if ok and _ok(te_b) and te_b["cpu_pct"] else None
    row("CPU: tempo step, figure moving", _pct(te_l), f"bare bar 20 fps {_pct(te_b)}",
        f"{ratio:.2f}x" if ratio is not None else "—", "<= 4 % at >= 20 fps", verdict)

    lumbar_rss = {k: _get(results, "usage", k, "lumbar") for k in ("idle", "hold", "breath")}
    rss = [u["rss_mib"] for u in lumbar_rss.values() if _ok(u)]
    refs = [f"{k} {u['rss_mib']:.1f}" for k, u in (("termdown", hold_t), ("bare", idle_b)) if _ok(u)]
    top = max(rss) if rss else None
    verdict = judge("RSS <= 40 MiB", top, 40.0, None, None if top is None else top <= 40.0,
                    *lumbar_rss.values())
    row("RSS: lumbar, largest median over scenarios", "—" if top is None else f"{top:.1f} MiB",
        ", ".join(refs) + " MiB" if refs else "—", f"{top / hold_t['rss_mib']:.2f}x termdown"
        if top and _ok(hold_t) else "—", "<= 40 MiB", verdict)

    # -- timers --------------------------------------------------------------------------
    timer = results.get("timer") or {}
    real, naive = timer.get("real_2min"), _get(results, "timer", "sleep_loop")
    row("timer: real 2-min hold, end error", _timer(real),
        f"asyncio.sleep(1) loop {naive['drift_ms']:+.0f} ms over {naive['seconds']} s"
        if _ok(naive) and naive.get("drift_ms") is not None else "—")
    sim = timer.get("sim_20min")
    figure = abs(sim["end_error_real_ms"]) if _ok(sim) else None
    verdict = judge("timer end error <= 5 ms (real) after 20 min", figure, 5.0, None,
                    None if figure is None else figure <= 5.0, sim)
    row(f"timer: simulated 20 min (x{sim['scale']:g}), end error" if _ok(sim)
        else "timer: simulated 20 min, end error", _timer(sim), budget="<= 5 ms real", verdict=verdict)
    day = timer.get("sim_8h")
    row(f"timer: simulated 8 h (x{day['scale']:g}), end error" if _ok(day)
        else "timer: simulated 8 h, end error", _timer(day))

    day = _get(results, "breaks", "day")
    ok = _ok(day) and day.get("max_late_ms") is not None
    verdict = judge(LATENESS_BUDGET, day["max_late_ms"] if ok else None, 50.0, None,
                    day["max_late_ms"] <= 50.0 if ok else None, day)
    if ok:
        how = "timerfd on CLOCK_BOOTTIME" if day["exact_timer"] else "call_later fallback"
        row(f"breaks: every prompt of a simulated {day['simulated_h']:.1f} h day (x{day['scale']:g}; "
            f"clocks scaled, asleep {day['suspend']})",
            f"max {day['max_late_ms']:.1f} ms real, median {day['median_late_ms']:.1f} ms",
            f"{day['prompts']} prompts + {day['heads_ups']} heads-ups; {how}",
            budget="<= 50 ms real", verdict=verdict)
    else:
        row("breaks: prompts over a simulated 8 h day with a suspend", _missing(day),
            budget="<= 50 ms real", verdict=verdict)

    # -- loader and history ---------------------------------------------------------------
    ld = results.get("loader")
    if _ok(ld):
        row(f"loader: {ld['files']} routine files", f"{ld['loader_ms']:.0f} ms "
            f"({ld['loader_per_file_ms']:.2f} ms/file)", f"{ld['yaml_loader']} {ld['yaml_ms']:.0f} ms",
            f"{ld['ratio']:.2f}x")
        if "list_ms" in ld:
            row(f"loader: `lumbar list` with {ld['files']} extra files, first start", f"{ld['list_ms']:.0f} ms",
                f"`lumbar list` shipped only {ld['list_shipped_ms']:.0f} ms",
                f"{ld['list_ms'] / ld['list_shipped_ms']:.2f}x")
        if "list_cached_ms" in ld:
            row(f"loader: `lumbar list` with {ld['files']} extra files, cached", f"{ld['list_cached_ms']:.0f} ms",
                f"`lumbar list` shipped only {ld['list_shipped_ms']:.0f} ms",
                f"{ld['list_cached_ms'] / ld['list_shipped_ms']:.2f}x")
    else:
        row("loader: 500 routine files", _missing(ld))
    hi = results.get("history")
    ok = _ok(hi)
    verdict = judge(f"history screen opens in <= {HISTORY_BUDGET_MS:g} ms with ten years of data",
                    hi["full_ms"] if ok else None, HISTORY_BUDGET_MS, hi["ratio"] if ok else None,
                    hi["full_ms"] <= HISTORY_BUDGET_MS if ok else None, hi)
    if ok:
        breaks = f", {hi['breaks']} breaks" if hi.get("breaks") else ""
        row(f"history screen: {hi['days'] / 365:g} years ({hi['sessions']} routines{breaks})",
            f"{hi['full_ms']:.0f} ms (query {hi['history_ms']:.0f} ms)",
            f"empty database {hi['empty_ms']:.0f} ms", f"{hi['ratio']:.2f}x",
            f"<= {HISTORY_BUDGET_MS:g} ms", verdict)
    else:
        row("history screen: ten years of data", _missing(hi), budget=f"<= {HISTORY_BUDGET_MS:g} ms",
            verdict=verdict)
    rp = results.get("report")
    ok = _ok(rp)
    verdict = judge(REPORT_BUDGET, rp["full_ms"] if ok else None, REPORT_BUDGET_MS, rp["ratio"] if ok else None,
                    rp["full_ms"] < REPORT_BUDGET_MS if ok else None, rp)
    if ok:
        row(f"report: two weeks, {rp['days'] / 365:g} years kept ({rp['sessions']} routines)",
            f"{rp['full_ms']:.0f} ms", f"empty database {rp['empty_ms']:.0f} ms", f"{rp['ratio']:.2f}x",
            f"< {REPORT_BUDGET_MS:g} ms", verdict)
        row(f"report: all {rp['days'] / 365:g} years (figure)", f"{rp['all_ms']:.0f} ms",
            f"two weeks {rp['full_ms']:.0f} ms", f"{rp['all_ms'] / rp['full_ms']:.1f}x")
        row("report: two weeks as HTML (figure)", f"{rp['html_ms']:.0f} ms")
    else:
        row("report: ten years of data", _missing(rp), budget=f"< {REPORT_BUDGET_MS:g} ms", verdict=verdict)
    st = results.get("store")
    row("store: one step write (p50, p99)", f"{st['p50_ms']:.2f} ms, {st['p99_ms']:.2f} ms"
        if _ok(st) else _missing(st))
    return rows, budgets


def _timer(t: Any) -> str:
    if not _ok(t):
        return _missing(t)
    text = f"{t['end_error_real_ms']:+.1f} ms real"
    if t["scale"] != 1:
        text += f" ({t['end_error_clock_ms']:+.0f} ms clock)"
    return text + f"; max |err| {t['max_abs_real_ms']:.1f} ms over {t['steps_ended']} step ends"


def table(rows: list[dict[str, str]]) -> str:
    """A plain-text table that stays readable in a terminal and in a log."""
    heads = {"scenario": "scenario", "lumbar": "lumbar", "reference": "reference",
             "ratio": "ratio", "budget": "budget", "result": "result"}
    keys = list(heads)
    widths = {k: max(len(heads[k]), *(len(r[k]) for r in rows)) for k in keys}
    line = lambda r: "  ".join(r[k].ljust(widths[k]) for k in keys).rstrip()  # noqa: E731
    rule = "  ".join("-" * widths[k] for k in keys)
    return "\n".join([line(heads), rule, *(line(r) for r in rows)])

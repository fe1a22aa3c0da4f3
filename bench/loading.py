"""The routine loader on many files, against the bare YAML parse of the same bytes.

500 valid, varied routines (holds, breath counts, reps with and without tempo, sides, sets,
rests, easier variants, rounds) are generated from a fixed seed, so every run loads the
same files. The figure that matters is the ratio: what checking and building a routine
costs on top of libyaml reading it.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import yaml

from .targets import LUMBAR, LUMBAR_ENV

POSITIONS = ["standing", "seated", "kneeling", "on-back", "on-front", "hands-and-knees", "side-lying"]
BREATHS = ["box", "4-7-8", "relaxing", "resonance", "4-2-6", "{inhale: 3, exhale: 5}"]
WORDS = "gentle slow steady easy calm long deep careful small wide".split()


def routine_text(rng: random.Random, n: int) -> str:
    """One valid routine in the documented format; ``n`` only varies the name."""
    lines = ["lumbar: 1", f"name: Generated routine {n}",
             f"description: {' '.join(rng.choices(WORDS, k=rng.randint(3, 20)))}",
             f"prepare: {rng.choice(['0', '5s', '10s'])}", f"rest: {rng.randint(0, 30)}s",
             f"rounds: {rng.randint(1, 3)}", f"tags: [{', '.join(rng.sample(WORDS, 3))}]"]
    if rng.random() < 0.5:
        lines.append(f"breath: {rng.choice(BREATHS)}")
    if rng.random() < 0.3:
        lines += ["stop_if:", "  - Pain that runs down a leg.", "  - Numbness or tingling."]
    lines.append("exercises:")
    for i in range(rng.randint(1, 12)):
        kind = rng.choice(["hold", "breaths", "reps", "tempo", "rest"])
        if kind == "rest":
            lines.append(f"  - rest: {rng.randint(5, 60)}s")
            continue
        lines += [f"  - name: Move {i}", f"    position: {rng.choice(POSITIONS)}",
                  f"    cue: {' '.join(rng.choices(WORDS, k=rng.randint(1, 30)))}"]
        if kind == "hold":
            lines += [f"    hold: {rng.randint(0, 2)}m{rng.randint(1, 59)}s",
                      "    easier: {hold: 10s}"]
        elif kind == "breaths":
            lines += [f"    hold: {rng.randint(1, 20)} breaths", f"    breath: {rng.choice(BREATHS)}"]
        else:
            lines += [f"    reps: {rng.randint(1, 20)}", f"    sets: {rng.randint(1, 4)}",
                      f"    set_rest: {rng.randint(0, 30)}s", "    easier: {reps: 1}"]
            if kind == "tempo":
                lines.append(f"    tempo: {rng.choice(['2-1-2', '1-0-1', '3-2-3-1'])}")
        if rng.random() < 0.4:
            lines.append("    sides: true")
    return "\n".join(lines) + "\n"


def generate(folder: Path, count: int, seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    paths = []
    for n in range(count):
        path = folder / f"gen-{n:04d}.yaml"
        path.write_text(routine_text(rng, n), encoding="utf-8")
        paths.append(path)
    return paths


def _best_of(passes: int, fn) -> float:
    """Median seconds of ``passes`` calls: the files are cached after the first."""
    times = []
    for _ in range(passes):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_loader(count: int = 500, passes: int = 5, end_to_end: int = 3) -> dict[str, object]:
    from tui.services.loader import load_routine

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with tempfile.TemporaryDirectory(prefix="lumbar-bench-routines-") as tmp:
        paths = generate(Path(tmp), count)
        for path in paths:  # every generated file must be valid, or the figure means nothing
            load_routine(path)
        ours = _best_of(passes, lambda: [load_routine(p) for p in paths])
        bare = _best_of(passes, lambda: [yaml.load(p.read_bytes(), Loader=loader) for p in paths])
        result: dict[str, object] = {
            "files": count, "loader_ms": ours * 1000, "loader_per_file_ms": ours * 1000 / count,
            "yaml_ms": bare * 1000, "yaml_loader": loader.__name__, "ratio": ours / bare,
        }
        if end_to_end:
            # The 500 files' warm cache is kept apart: in the shared one it would weigh on
            # every later scenario's start (and on "shipped only" here).
            warm = tempfile.mkdtemp(dir=tmp, prefix="cache-")

            def lumbar_list(*extra: str, cold: bool = False) -> None:
                env = {**_environ(), **LUMBAR_ENV}
                if cold:  # an empty cache: every file is parsed, as on a first start
                    env["LUMBAR_CACHE_DIR"] = tempfile.mkdtemp(dir=tmp, prefix="cache-")
                elif extra:
                    env["LUMBAR_CACHE_DIR"] = warm
                subprocess.run([LUMBAR, *extra, "list"], check=True, capture_output=True, env=env)

            result["list_ms"] = _best_of(end_to_end, lambda: lumbar_list("--sessions", tmp, cold=True)) * 1000
            lumbar_list("--sessions", tmp)  # fills the cache for the next figure
            result["list_cached_ms"] = _best_of(end_to_end, lambda: lumbar_list("--sessions", tmp)) * 1000
            result["list_shipped_ms"] = _best_of(end_to_end, lumbar_list) * 1000
    return result


def _environ() -> dict[str, str]:
    import os

    return dict(os.environ)

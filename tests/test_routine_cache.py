"""Routines kept as JSON: read back equal, refreshed when the file or the code changes,
never kept when broken, and never a reason to fail."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

import pytest

from tui import routine_cache
from tui.commands import load_catalog
from tui.loader import load_text
from tui.routine_cache import from_record

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "routine-format.md"

EVERYTHING = """\
lumbar: 1
name: Everything
description: Each field the format has.
tags: [core, evening]
prepare: 5
rest: 3
rounds: 2
round_rest: 20
switch_sides: 4
transition: 6
breath: box
stop_if: Pain that spreads.
exercises:
  - name: Side plank
    position: side-lying
    hold: 20
    sides: true
    sets: 2
    set_rest: 10
    cue: Keep [brackets] literal.
    stop_if: [Hip pain., Dizziness.]
    easier: {hold: 10, sets: 1}
  - name: Bridge
    position: on-back
    reps: 5
    tempo: 2-1-2-1
  - name: Curl-up
    position: on-back
    reps: {from: 3, to: 9, step: 2}
  - name: Wall sit
    position: standing
    hold: 10s-30s
    sets: 2-3
  - name: Belly breathing
    position: seated
    hold: 4 breaths
    breath: 4-2-6
  - rest: 30
    name: Stretch out
"""


@pytest.mark.parametrize("path", sorted((ROOT / "sessions").glob("*.yaml")), ids=lambda p: p.stem)
def test_shipped_routines_read_back_equal(path: Path) -> None:
    routine = load_text(path.read_text(encoding="utf-8"), str(path))
    assert from_record(json.loads(json.dumps(asdict(routine)))) == routine


def test_every_field_reads_back_equal() -> None:
    routine = load_text(EVERYTHING, "everything.yaml")
    assert routine.tags and routine.breath and routine.exercises[0].easier  # the sample covers them
    assert routine.exercises[2].ranges and routine.exercises[3].ranges
    assert from_record(json.loads(json.dumps(asdict(routine)))) == routine
    spec = re.search(r"```yaml\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)
    assert spec
    documented = load_text(spec.group(1), "core-basics.yaml")
    assert from_record(json.loads(json.dumps(asdict(documented)))) == documented


def user_routine(text: str, name: str = "mine") -> Path:
    folder = Path(os.environ["LUMBAR_CONFIG_DIR"]) / "sessions"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: Path):
        raise AssertionError(f"{path} was parsed; the cache should have had it")

    monkeypatch.setattr("tui.loader.load_routine", refuse)


def test_a_second_start_reads_every_routine_from_the_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    user_routine(EVERYTHING)
    first = load_catalog([])
    assert not first.problems and "mine" in first.routines
    no_parsing(monkeypatch)
    second = load_catalog([])
    assert second.routines == first.routines


def test_a_changed_file_is_parsed_again(monkeypatch: pytest.MonkeyPatch) -> None:
    path = user_routine(EVERYTHING)
    load_catalog([])
    path.write_text(EVERYTHING.replace("name: Everything", "name: Changed"), encoding="utf-8")
    assert load_catalog([]).routines["mine"].name == "Changed"


def test_a_broken_file_is_reported_every_time_and_never_kept() -> None:
    user_routine("name: Broken\nexercises:\n  - name: Plank\n    hold: 10 parsecs\n")
    for _ in range(2):
        catalog = load_catalog([])
        assert "mine" not in catalog.routines
        assert any("hold" in str(problem) for problem in catalog.problems)


def test_new_code_does_not_trust_an_old_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    user_routine(EVERYTHING)
    load_catalog([])
    monkeypatch.setattr(routine_cache, "code_stamp", lambda: "another version")
    calls: list[Path] = []
    import tui.loader

    original = tui.loader.load_routine
    monkeypatch.setattr("tui.loader.load_routine", lambda path: calls.append(path) or original(path))
    load_catalog([])
    assert any(path.stem == "mine" for path in calls)


@pytest.mark.parametrize("content", ["", "{not json", '{"stamp": 1, "routines": []}', "[1, 2]",
                                     '{"stamp": "%s", "routines": {"x": 1}}'])
def test_a_damaged_cache_is_ignored_and_rewritten(content: str) -> None:
    user_routine(EVERYTHING)
    cache = Path(os.environ["LUMBAR_CACHE_DIR"]) / "routines.json"
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(content.replace("%s", routine_cache.code_stamp()), encoding="utf-8")
    catalog = load_catalog([])
    assert catalog.routines["mine"].name == "Everything" and not catalog.problems
    assert "mine.yaml" in cache.read_text(encoding="utf-8")


def test_a_record_that_does_not_rebuild_is_parsed_instead(monkeypatch: pytest.MonkeyPatch) -> None:
    path = user_routine(EVERYTHING)
    load_catalog([])
    cache_file = Path(os.environ["LUMBAR_CACHE_DIR"]) / "routines.json"
    data = json.loads(cache_file.read_text(encoding="utf-8"))
    data["routines"][str(path)]["routine"]["exercises"][0]["kind"] = "cartwheel"
    cache_file.write_text(json.dumps(data), encoding="utf-8")
    assert load_catalog([]).routines["mine"].exercises[0].kind.value == "hold"


def test_an_unwritable_cache_is_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("LUMBAR_CACHE_DIR", str(blocker / "cache"))
    user_routine(EVERYTHING)
    assert load_catalog([]).routines["mine"].name == "Everything"
    assert load_catalog([]).routines["mine"].name == "Everything"


def test_a_warm_start_never_imports_yaml(tmp_path: Path) -> None:
    """What the cache is for: the parser and PyYAML stay out of a start."""
    env = {**os.environ, "LUMBAR_CONFIG_DIR": str(tmp_path / "config"),
           "LUMBAR_DATA_DIR": str(tmp_path / "data"), "LUMBAR_CACHE_DIR": str(tmp_path / "cache")}
    code = ("import sys; from tui.commands import load_catalog; c = load_catalog([]); "
            "print(len(c.routines), 'yaml' in sys.modules, 'tui.loader' in sys.modules)")
    runs = [subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                           text=True, check=True).stdout.split() for _ in range(2)]
    assert runs[0][1:] == ["True", "True"], "the first start parses"
    assert runs[1][1:] == ["False", "False"] and runs[1][0] == runs[0][0]

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

from tui.services import routine_cache
from tui.services.catalog import load_catalog
from tui.services.loader import load_text
from tui.services.routine_cache import from_record

ROOT = Path(__file__).resolve().parents[2]
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
    def refuse(*args: object):
        raise AssertionError(f"{args[-1]} was parsed; the cache should have had it")

    monkeypatch.setattr("tui.services.loader.load_routine", refuse)
    monkeypatch.setattr("tui.services.loader.load_text", refuse)


def record_parsing(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The sources the loader parses from now on."""
    import tui.services.loader

    calls: list[str] = []
    by_path, by_text = tui.services.loader.load_routine, tui.services.loader.load_text
    monkeypatch.setattr("tui.services.loader.load_routine", lambda path: calls.append(str(path)) or by_path(path))
    monkeypatch.setattr("tui.services.loader.load_text",
                        lambda text, source: calls.append(source) or by_text(text, source))
    return calls


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
    calls = record_parsing(monkeypatch)
    load_catalog([])
    assert any(Path(source).stem == "mine" for source in calls)


def cache_file() -> Path:
    return Path(os.environ["LUMBAR_CACHE_DIR"]) / "routines.json"


def read_cache() -> dict:
    head, _, body = cache_file().read_text(encoding="utf-8").partition("\n")
    return json.loads(body)


def write_cache(entries: dict) -> None:
    """A cache file whose header and checksum are right, holding ``entries``."""
    body = json.dumps(entries)
    head = json.dumps({"stamp": routine_cache.code_stamp(), "body": routine_cache.digest(body.encode())})
    cache_file().write_text(f"{head}\n{body}", encoding="utf-8")


@pytest.mark.parametrize("content", [
    "", "{not json", '{"stamp": 1, "routines": []}', "[1, 2]", '{"stamp": "%s", "routines": {"x": 1}}',
    '{"stamp": "%s", "body": "0"}\n{}', "[" * 100_000, '{"stamp": "%s", "body": "0"}\n' + "[" * 100_000,
    "\x00" * 64, "\ud800 not UTF-8",
], ids=["empty", "not-json", "old-format", "list", "old-records", "bad-checksum", "deep", "deep-body",
        "zeros", "surrogate"])
def test_a_damaged_cache_is_ignored_and_rewritten(content: str) -> None:
    user_routine(EVERYTHING)
    cache = cache_file()
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(content.replace("%s", routine_cache.code_stamp()).encode("utf-8", "surrogatepass"))
    catalog = load_catalog([])
    assert catalog.routines["mine"].name == "Everything" and not catalog.problems
    assert "mine.yaml" in cache.read_text(encoding="utf-8")


def test_a_cache_larger_than_its_cap_is_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    user_routine(EVERYTHING)
    load_catalog([])
    monkeypatch.setattr(routine_cache, "MAX_CACHE_BYTES", cache_file().stat().st_size - 1)
    calls = record_parsing(monkeypatch)
    assert load_catalog([]).routines["mine"].name == "Everything"
    assert any(Path(source).stem == "mine" for source in calls)


@pytest.mark.parametrize("kind", ["directory", "fifo"])
def test_a_cache_that_is_not_a_file_never_blocks(kind: str) -> None:
    user_routine(EVERYTHING)
    cache = cache_file()
    cache.parent.mkdir(parents=True, exist_ok=True)
    if kind == "directory":
        cache.mkdir()
    else:
        os.mkfifo(cache)  # reading a pipe nobody writes to would wait for ever
    import threading

    names: list[str] = []

    def load_twice() -> None:
        names.extend(load_catalog([]).routines["mine"].name for _ in range(2))

    worker = threading.Thread(target=load_twice, daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive(), "reading the cache hung"
    assert names == ["Everything", "Everything"]


TAMPERINGS = {
    "unknown-kind": lambda r: r["exercises"][0].update(kind="cartwheel"),
    "name-not-text": lambda r: r.update(name=123),
    "negative-seconds": lambda r: r.update(prepare=-1),
    "seconds-as-text": lambda r: r.update(prepare="10"),
    "seconds-not-finite": lambda r: r.update(rest=float("nan")),
    "sets-as-float": lambda r: r["exercises"][0]["dose"].update(sets=2.5),
    "flag-as-number": lambda r: r["exercises"][0].update(sides=1),
    "extra-key": lambda r: r.update(extra=1),
    "missing-key": lambda r: r.pop("description"),
    "stop-if-not-texts": lambda r: r.update(stop_if=[1]),
    "no-exercises": lambda r: r.update(exercises=[]),
    "exercise-not-a-record": lambda r: r["exercises"].__setitem__(0, ["hold"]),
    "breath-extra-key": lambda r: r["breath"].update(depth=1),
}


@pytest.mark.parametrize("tamper", TAMPERINGS.values(), ids=TAMPERINGS.keys())
def test_a_record_that_is_not_what_the_loader_makes_is_parsed_instead(tamper) -> None:
    path = user_routine(EVERYTHING)
    original = load_catalog([]).routines["mine"]
    entries = read_cache()
    tamper(entries[str(path)]["routine"])
    write_cache(entries)
    assert load_catalog([]).routines["mine"] == original


def test_the_record_checks_cover_every_field_of_the_model() -> None:
    import dataclasses

    for cls, names in routine_cache.FIELDS.items():
        assert set(names) == {f.name for f in dataclasses.fields(cls)}, cls.__name__
    assert len(routine_cache.FIELDS) == 7  # Routine, Exercise, Dose, Tempo, BreathPattern, Ranges, Span


def test_an_edit_that_keeps_size_and_time_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """`cp -p` and `rsync -t` keep the time; the same size is easy with a one-letter change."""
    path = user_routine(EVERYTHING)
    assert load_catalog([]).routines["mine"].name == "Everything"
    before = path.stat()
    path.write_text(EVERYTHING.replace("name: Everything", "name: Everythinx"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    assert load_catalog([]).routines["mine"].name == "Everythinx"


def test_a_file_saved_during_parsing_is_never_cached_with_the_old_content(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The save lands between the read and the cache write: the cache must hold what was parsed,
    under the digest of what was parsed, so the next start reads the new content."""
    path = user_routine(EVERYTHING)
    import tui.services.loader

    parse = tui.services.loader.load_text

    def save_meanwhile(text, source):
        routine = parse(text, source)
        if source == str(path):
            path.write_text(EVERYTHING.replace("name: Everything", "name: Saved later"), encoding="utf-8")
        return routine

    monkeypatch.setattr("tui.services.loader.load_text", save_meanwhile)
    assert load_catalog([]).routines["mine"].name == "Everything"
    monkeypatch.setattr("tui.services.loader.load_text", parse)
    assert load_catalog([]).routines["mine"].name == "Saved later"


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
    code = ("import sys; from tui.services.catalog import load_catalog; c = load_catalog([]); "
            "print(len(c.routines), 'yaml' in sys.modules, 'tui.services.loader' in sys.modules)")
    runs = [subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                           text=True, check=True).stdout.split() for _ in range(2)]
    assert runs[0][1:] == ["True", "True"], "the first start parses"
    assert runs[1][1:] == ["False", "False"] and runs[1][0] == runs[0][0]


def test_key_poses_of_a_file_read_back_equal() -> None:
    text = (
        "name: Own poses\nexercises:\n  - name: Squat\n    position: standing\n    reps: 5\n"
        "    tempo: 2-0-2\n    pose:\n"
        "      start: {head: [0, 29], shoulders: [0, 25], hips: [0, 16], knees: [0, 8], feet: [0, 0], hands: [1, 15]}\n"
        "      top: {head: [2, 21], shoulders: [1, 17], hips: [-4, 9], knees: [[3, 9], [2, 9]], feet: [0, 0],"
        " hands: [8, 17], elbows: [5, 16], floor: false}\n"
    )
    routine = load_text(text, "own.yaml")
    assert routine.exercises[0].pose is not None and not isinstance(routine.exercises[0].pose, str)
    assert from_record(json.loads(json.dumps(asdict(routine)))) == routine


def test_a_pose_name_that_is_not_shipped_is_not_trusted() -> None:
    record = json.loads(json.dumps(asdict(load_text(EVERYTHING, "everything.yaml"))))
    record["exercises"][0]["pose"] = "cartwheel"
    with pytest.raises(ValueError):
        from_record(record)


def test_a_folder_since_deleted_leaves_the_cache(tmp_path: Path) -> None:
    """Every start reads the whole cache: a --sessions folder that is gone must not weigh
    on it for good; a folder still there keeps its entries for the next run that reads it."""
    gone, kept = tmp_path / "gone", tmp_path / "kept"
    for folder in (gone, kept):
        folder.mkdir()
        (folder / "extra.yaml").write_text(EVERYTHING, encoding="utf-8")
    load_catalog([gone])
    load_catalog([kept])
    assert {str(gone / "extra.yaml"), str(kept / "extra.yaml")} <= set(read_cache())
    (gone / "extra.yaml").unlink()
    gone.rmdir()
    load_catalog([])
    names = set(read_cache())
    assert str(gone / "extra.yaml") not in names
    assert str(kept / "extra.yaml") in names


def test_a_start_that_finds_nothing_gone_does_not_rewrite_the_cache(tmp_path: Path) -> None:
    user_routine(EVERYTHING)
    load_catalog([])
    before = cache_file().stat().st_mtime_ns
    os.utime(cache_file(), ns=(before - 10**9, before - 10**9))
    load_catalog([])
    assert cache_file().stat().st_mtime_ns == before - 10**9

"""settings.yaml: each setting's good and bad forms, a broken file left untouched, the
settings.json fallback, `lumbar config` and its schema."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import asdict, fields
from datetime import time, timezone
from pathlib import Path
from typing import Any

import pytest

from tui.services.settings import current as settings
from tui.cli.main import main
from tui.cli.config import init_text, schema_text
from tui.services.settings.current import (RunMemory, Settings, check_break_routine, read_settings,
                                           settings_in_force)
from tui.services.settings.spec import SPECS, json_schema

ROOT = Path(__file__).resolve().parents[2]


def config(name: str = "settings.yaml") -> Path:
    return Path(os.environ["LUMBAR_CONFIG_DIR"]) / name


def write(text: str | bytes, name: str = "settings.yaml") -> Path:
    path = config(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


GOOD: list[tuple[str, str, Any]] = [
    ("voice: true", "voice", True),
    ("checkins: no", "checkins", False),
    ("two_week_rule: false", "two_week_rule", False),
    ("red_flag_check: false", "red_flag_check", False),
    ("progression_question: off", "progression_question", False),
    ("goals: false", "goals", False),
    ("peg: off", "peg", False),
    ("impression: no", "impression", False),
    ("leg_score: true", "leg_score", True),
    ("ice_heat_minutes: 15", "ice_heat_minutes", 15),
    ("ice_heat_minutes: 1", "ice_heat_minutes", 1),
    ("ice_heat_minutes: 20m", "ice_heat_minutes", 20),
    ("ice_heat_minutes: 600s", "ice_heat_minutes", 10),
    ("skin_rest_minutes: 120", "skin_rest_minutes", 120),
    ("skin_rest_minutes: 1h30m", "skin_rest_minutes", 90),
    ("ice_every_minutes: 3h", "ice_every_minutes", 180),
    ("heat_per_day: 1", "heat_per_day", 1),
    ("break_every_minutes: 5", "break_every_minutes", 5),
    ("break_every_minutes: 45m", "break_every_minutes", 45),
    ("break_heads_up_seconds: 0", "break_heads_up_seconds", 0),
    ("break_heads_up_seconds: 1m", "break_heads_up_seconds", 60),
    ("break_heads_up_seconds: 300", "break_heads_up_seconds", 300),
    ("snooze_minutes: 60", "snooze_minutes", 60),
    ("max_snoozes: 0", "max_snoozes", 0),
    ("max_snoozes: 10", "max_snoozes", 10),
    ('work_hours: "08:30-16:30"', "work_hours", "08:30-16:30"),
    ("work_hours: 9:00 - 17:30", "work_hours", "09:00-17:30"),
    ("work_hours: 22:00-06:00", "work_hours", "22:00-06:00"),
    ("work_days: [sat, Sun]", "work_days", ("sat", "sun")),
    ("work_days: [friday, Monday]", "work_days", ("mon", "fri")),
    ("work_days: wed", "work_days", ("wed",)),
    ("work_days:\n  - tue\n  - thu", "work_days", ("tue", "thu")),
    ("break_routine: breathing", "break_routine", "breathing"),
    ("breaks_on_start: true", "breaks_on_start", True),
    ("break_command: [foot, lumbar, run, desk-break]", "break_command",
     ("foot", "lumbar", "run", "desk-break")),
    ("break_command: kitty --title 'desk break' lumbar run desk-break", "break_command",
     ("kitty", "--title", "desk break", "lumbar", "run", "desk-break")),
    ("break_command: []", "break_command", ()),
    ("serve_pages: 1", "serve_pages", 1),
    ("serve_pages: 16", "serve_pages", 16),
]


@pytest.mark.parametrize(("text", "name", "value"), GOOD, ids=[g[0] for g in GOOD])
def test_a_good_value_is_used_and_said_to_come_from_its_line(text: str, name: str, value: Any) -> None:
    write("# mine\n" + text + "\n")
    loaded = settings_in_force()
    assert loaded.problems == []
    assert getattr(loaded.settings, name) == value
    assert loaded.origins[name] == "settings.yaml:2"
    others = {f.name for f in fields(Settings)} - {name}
    assert all(loaded.origins[o] == "default" for o in others)


def test_every_setting_has_a_good_case() -> None:
    assert {name for _, name, _ in GOOD} == {f.name for f in fields(Settings)}


MINUTES = "expected a whole number of minutes from {}, or a duration like 20m; found {}"
BAD: list[tuple[str, str]] = [
    ("voice: 1", "1:8: voice: expected true or false; found 1"),
    ('checkins: "yes"', "1:11: checkins: expected true or false; found 'yes'"),
    ("two_week_rule: [true]", "1:16: two_week_rule: expected true or false; found a list"),
    ("red_flag_check: maybe", "1:17: red_flag_check: expected true or false; found 'maybe'"),
    ("progression_question:", "1:22: progression_question: expected true or false; found nothing"),
    ("goals: 3", "1:8: goals: expected true or false; found 3"),
    ("peg: weekly", "1:6: peg: expected true or false; found 'weekly'"),
    ("impression: []", "1:13: impression: expected true or false; found a list"),
    ("leg_score: 1", "1:12: leg_score: expected true or false; found 1"),
    ("ice_heat_minutes: 25", "1:19: ice_heat_minutes: " + MINUTES.format("1 to 20", "25")),
    ("ice_heat_minutes: 0", "1:19: ice_heat_minutes: " + MINUTES.format("1 to 20", "0")),
    ("ice_heat_minutes: 12.5", "1:19: ice_heat_minutes: " + MINUTES.format("1 to 20", "12.5")),
    ("ice_heat_minutes: 90s", "1:19: ice_heat_minutes: " + MINUTES.format("1 to 20", "'90s'")),
    ("ice_heat_minutes: a while", "1:19: ice_heat_minutes: " + MINUTES.format("1 to 20", "'a while'")),
    ("ice_heat_minutes: true", "1:19: ice_heat_minutes: "
     + MINUTES.format("1 to 20", "the true/false value true")),
    ('ice_heat_minutes: "20"', "1:19: ice_heat_minutes: " + MINUTES.format("1 to 20", "'20'")),
    ("skin_rest_minutes: 3h", "1:20: skin_rest_minutes: " + MINUTES.format("1 to 120", "'3h'")),
    ("ice_every_minutes: 30", "1:20: ice_every_minutes: " + MINUTES.format("60 to 180", "30")),
    ("heat_per_day: 7", "1:15: heat_per_day: expected a whole number from 1 to 6; found 7"),
    ("break_every_minutes: 4", "1:22: break_every_minutes: " + MINUTES.format("5 to 120", "4")),
    ("break_heads_up_seconds: 301", "1:25: break_heads_up_seconds: expected a whole number of seconds "
     "from 0 to 300, or a duration like 30s; found 301"),
    ("break_heads_up_seconds: -1", "1:25: break_heads_up_seconds: expected a whole number of seconds "
     "from 0 to 300, or a duration like 30s; found -1"),
    ("snooze_minutes: 61", "1:17: snooze_minutes: " + MINUTES.format("1 to 60", "61")),
    ("max_snoozes: 11", "1:14: max_snoozes: expected a whole number from 0 to 10; found 11"),
    ("serve_pages: 0", "1:14: serve_pages: expected a whole number from 1 to 16; found 0"),
    ("max_snoozes: 2m", "1:14: max_snoozes: expected a whole number from 0 to 10; found '2m'"),
    ("work_hours: 9am-5pm", "1:13: work_hours: expected working hours like 09:00-17:00 "
     "(HH:MM-HH:MM, 24-hour clock); found '9am-5pm'"),
    ("work_hours: 9:00", "1:13: work_hours: expected working hours like 09:00-17:00 "
     "(HH:MM-HH:MM, 24-hour clock); found '9:00'"),
    ("work_hours: 09:00-24:00", "1:13: work_hours: expected working hours like 09:00-17:00 "
     "(HH:MM-HH:MM, 24-hour clock); found '09:00-24:00'"),
    ("work_hours: {start: 9}", "1:13: work_hours: expected working hours like 09:00-17:00 "
     "(HH:MM-HH:MM, 24-hour clock); found a mapping"),
    ("work_days: [mon, wensday]", "1:18: work_days[1]: expected a day: mon, tue, wed, thu, fri, sat, sun; "
     "found 'wensday'; did you mean 'wed'?"),
    ("work_days: [mon, 3]", "1:18: work_days[1]: expected a day: mon, tue, wed, thu, fri, sat, sun; found 3"),
    ("work_days: [mon, Mon]", "1:18: work_days[1]: 'mon' is given twice"),
    ("work_days: []", "1:12: work_days: expected a list of 1 to 7 days, like [mon, tue, wed, thu, fri]; "
     "found no items"),
    ("work_days: {mon: 1}", "1:12: work_days: expected a list of 1 to 7 days, like [mon, tue, wed, thu, fri]; "
     "found a mapping"),
    ("break_routine: ''", "1:16: break_routine: expected text of 1 to 80 characters; found ''"),
    ("break_routine: [a]", "1:16: break_routine: expected text of 1 to 80 characters; found a list"),
    ("breaks_on_start: sometimes", "1:18: breaks_on_start: expected true or false; found 'sometimes'"),
    ("break_command: {run: x}", "1:16: break_command: expected a list of up to 32 words like "
     "[foot, lumbar, run, desk-break]; found a mapping"),
    ("break_command: [foot, 3]", "1:16: break_command: expected a list of up to 32 words like "
     "[foot, lumbar, run, desk-break]; found a list"),
    ("break_command: \"foot 'lumbar\"", "1:16: break_command: expected a command like "
     "[foot, lumbar, run, desk-break]; No closing quotation"),
]


@pytest.mark.parametrize(("text", "message"), BAD, ids=[b[0] for b in BAD])
def test_a_bad_value_is_said_with_its_place_and_keeps_the_default(text: str, message: str) -> None:
    path = write(text + "\nvoice: true\n" if not text.startswith("voice") else text + "\n")
    loaded = settings_in_force()
    assert loaded.problems == [f"{path}:{message}"]
    name = text.split(":")[0]
    assert getattr(loaded.settings, name) == getattr(Settings(), name)
    assert loaded.origins[name] == "default"
    if name != "voice":
        assert loaded.settings.voice is True, "the rest of the file still applies"


def test_every_setting_has_a_bad_case() -> None:
    assert {text.split(":")[0] for text, _ in BAD} == {f.name for f in fields(Settings)}


def test_an_unknown_key_is_said_with_a_did_you_mean() -> None:
    path = write("voise: true\nice_minutes: 5\n")
    loaded = settings_in_force()
    assert loaded.problems == [
        f"{path}:1:1: unknown key 'voise'; did you mean 'voice'?",
        f"{path}:2:1: unknown key 'ice_minutes'; did you mean 'ice_heat_minutes'?",
    ]
    assert loaded.settings == Settings()


def test_a_duplicate_key_keeps_the_first() -> None:
    path = write("snooze_minutes: 3\nsnooze_minutes: 9\n")
    loaded = settings_in_force()
    assert loaded.settings.snooze_minutes == 3
    assert loaded.problems == [f"{path}:2:1: duplicate key 'snooze_minutes', first given on line 1"]


BROKEN = {
    "unclosed-list": b"voice: true\nwork_days: [mon, tue\n",
    "not-a-mapping": b"- voice: true\n",
    "plain-text": b"voice true\n",
    "not-utf8": b"voice: true\nbreak_routine: \xff\n",
    "control-char": b"voice: true\x07\n",
    "two-documents": b"voice: true\n---\nvoice: false\n",
}


@pytest.mark.parametrize("content", BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_file_gives_the_defaults_and_warnings_and_is_never_touched(content: bytes) -> None:
    path = write(content)
    before = os.stat(path)
    loaded, warnings = read_settings()
    assert loaded == Settings()
    assert warnings and str(path) in warnings[0] and "`lumbar config` lists every problem" in warnings[0]
    assert re.match(re.escape(str(path)) + r":\d+:\d+: ", warnings[0])
    assert path.read_bytes() == content, "byte for byte"
    assert sorted(p.name for p in path.parent.iterdir()) == ["settings.yaml"], "nothing moved or added"
    assert os.stat(path).st_mtime_ns == before.st_mtime_ns


def test_an_unreadable_file_is_said_and_left_where_it_is() -> None:
    path = config()
    path.mkdir(parents=True)
    loaded = settings_in_force()
    assert loaded.settings == Settings()
    assert loaded.problems == [f"{path}: cannot read: not a regular file"]
    assert path.is_dir()


@pytest.mark.parametrize("content", ["", "# only comments\n", "---\n", "~\n"], ids=repr)
def test_an_empty_file_or_one_of_comments_sets_nothing(content: str) -> None:
    write(content)
    loaded = settings_in_force()
    assert (loaded.settings, loaded.problems) == (Settings(), [])


def test_a_startup_notice_gives_the_first_problem_then_points_at_lumbar_config() -> None:
    path = write("".join(f"key{n}: 1\n" for n in range(5)))
    memory = RunMemory()
    _, warnings = read_settings(memory)
    [notice] = warnings
    assert notice.split("\n") == [
        f"{path}:1:1: unknown key 'key0'; expected one of " + ", ".join(f.name for f in fields(Settings)),
        "... and 4 more", "Those settings use their defaults; `lumbar config` lists every problem."]
    assert read_settings(memory)[1] == [], "said once per run"


# -- settings.json, the older file --------------------------------------------------------

def test_settings_json_is_read_when_there_is_no_yaml_with_a_one_time_suggestion(
        monkeypatch: pytest.MonkeyPatch) -> None:
    write('{"voice": true, "checkins": false}', "settings.json")
    loaded = settings_in_force()
    assert (loaded.settings.voice, loaded.settings.checkins) == (True, False)
    assert loaded.origins["voice"] == "settings.json" and loaded.origins["two_week_rule"] == "default"
    assert loaded.legacy and settings.SUGGEST_YAML in loaded.notices
    assert settings.SUGGEST_YAML not in read_settings()[1], "suggested once, not at every start"


def test_settings_yaml_wins_over_settings_json() -> None:
    write('{"voice": true}', "settings.json")
    write("checkins: false\n")
    loaded = settings_in_force()
    assert (loaded.settings.voice, loaded.settings.checkins, loaded.notices) == (False, False, [])


def test_settings_json_only_sets_the_switches_it_always_held() -> None:
    path = write('{"ice_heat_minutes": 5}', "settings.json")
    loaded = settings_in_force()
    assert loaded.settings == Settings()
    assert f"{path}: 'ice_heat_minutes' is read from settings.yaml only; using the default" in loaded.notices


def test_no_pyyaml_import_without_a_settings_yaml(tmp_path: Path) -> None:
    code = ("import sys\nfrom tui.services.settings.current import read_settings\nread_settings()\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'yaml'))")
    env = {**os.environ, "LUMBAR_CONFIG_DIR": str(tmp_path / "none")}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                            text=True, check=False, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr


# -- what the rest of lumbar takes ----------------------------------------------------------

def test_schedule_carries_the_settings_in_seconds() -> None:
    chosen = Settings(break_every_minutes=30, break_heads_up_seconds=0, snooze_minutes=7, max_snoozes=1,
                      work_hours="22:00-06:00", work_days=("fri", "sat"))
    schedule = chosen.schedule(timezone.utc)
    assert (schedule.every, schedule.heads_up, schedule.snooze, schedule.max_snoozes) == (1800, 0, 420, 1)
    hours = schedule.hours
    assert (hours.start, hours.end, hours.days, hours.zone) == (time(22), time(6), frozenset({4, 5}), timezone.utc)
    assert Settings().schedule().hours.zone is not None


def test_break_routine_unknown_is_a_warning_with_its_place_and_a_hint() -> None:
    path = write("break_routine: desk-brake\n")
    memory = RunMemory()
    loaded = settings_in_force(memory)
    assert check_break_routine(loaded.settings, {"desk-break", "breathing"}, memory) == (
        f"{path}:1:16: break_routine: no routine named 'desk-brake'; did you mean 'desk-break'?")
    assert check_break_routine(Settings(), {"desk-break"}) is None


# -- lumbar config --------------------------------------------------------------------------

def run_config(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["config", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_config_prints_each_setting_its_value_and_origin(capsys: pytest.CaptureFixture[str]) -> None:
    path = write("# mine\nice_heat_minutes: 12\nwork_days: [mon, wed]\n")
    code, out, err = run_config(capsys)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"settings file: {path} (read)"
    rows = {line.split()[0]: line.split(None, 1)[1].rsplit(None, 1) for line in lines[1:]}
    assert set(rows) == {f.name for f in fields(Settings)}
    assert rows["ice_heat_minutes"] == ["12", "settings.yaml:2"]
    assert rows["work_days"] == ["[mon, wed]", "settings.yaml:3"]
    assert rows["voice"] == ["false", "default"]


def test_config_with_problems_exits_2_and_lists_them_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    path = write("voice: true\nsnooze_minutes: 0\n")
    code, out, err = run_config(capsys)
    assert code == 2
    assert "voice                   true" in out
    assert err.splitlines() == [
        f"{path}:2:17: snooze_minutes: " + MINUTES.format("1 to 60", "0"),
        "lumbar: 1 problem in settings.yaml; those settings use their defaults",
    ]


def test_config_on_an_unparsable_file_exits_2_and_leaves_it(capsys: pytest.CaptureFixture[str]) -> None:
    path = write(BROKEN["unclosed-list"])
    code, out, err = run_config(capsys)
    assert code == 2 and "default" in out and "settings.yaml:" not in out
    assert out.startswith(f"settings file: {path} (cannot be used; every setting is its default)")
    assert err.startswith(f"{path}:3:1: invalid YAML")
    assert err.endswith("lumbar: 1 problem in settings.yaml; every setting uses its default\n")
    assert path.read_bytes() == BROKEN["unclosed-list"]


def test_config_without_any_file_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_config(capsys)
    assert code == 0 and "not found; every setting is its default" in out.splitlines()[0]


def test_config_warns_about_an_unknown_break_routine(capsys: pytest.CaptureFixture[str]) -> None:
    write("break_routine: desk-brake\n")
    code, _, err = run_config(capsys)
    assert code == 0 and "no routine named 'desk-brake'; did you mean 'desk-break'?" in err


def test_init_writes_the_values_in_force_and_never_over_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    write('{"voice": true}', "settings.json")
    code, out, _ = run_config(capsys, "--init")
    path = config()
    assert code == 0 and out == f"wrote {path}\n"
    text = path.read_text()
    assert "\nvoice: true\n" in text and "\n# checkins: true\n" in text
    loaded = settings_in_force()
    assert loaded.problems == [] and loaded.settings == Settings(voice=True)
    code, _, err = run_config(capsys, "--init")
    assert code == 2 and "already exists" in err
    assert path.read_text() == text


def test_init_text_reads_back_every_value_set() -> None:
    chosen = Settings(voice=True, ice_heat_minutes=12, work_hours="22:00-06:00", work_days=("sat",),
                      break_routine='odd "name"', max_snoozes=0)
    write(init_text(chosen))
    loaded = settings_in_force()
    assert (loaded.settings, loaded.problems) == (chosen, [])


# -- the schema -----------------------------------------------------------------------------

def test_config_schema_prints_the_shipped_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_config(capsys, "--schema")
    assert code == 0 and json.loads(out) == json.loads(schema_text())


def test_the_schema_agrees_with_the_settings_fields() -> None:
    schema = json.loads(schema_text())
    assert schema == json_schema(asdict(Settings())), "regenerate tui/services/settings/schema.json"
    props = schema["properties"]
    assert list(props) == [f.name for f in fields(Settings)] == [s.name for s in SPECS]
    for f in fields(Settings):
        default = getattr(Settings(), f.name)
        assert props[f.name]["default"] == (list(default) if isinstance(default, tuple) else default)
    assert schema["additionalProperties"] is False


def test_the_schema_patterns_agree_with_the_reader() -> None:
    schema = json.loads(schema_text())
    hours = re.compile(schema["properties"]["work_hours"]["pattern"])
    assert all(hours.search(t) for t in ("09:00-17:00", "9:00 - 17:30", "22:00-06:00"))
    assert not any(hours.search(t) for t in ("9am-5pm", "09:00-24:00", "9:00"))
    duration = re.compile(schema["$defs"]["durationText"]["pattern"])
    assert all(duration.search(t) for t in ("20m", "90s", "1h30m"))
    assert not duration.search("a while")


# -- the parsed cache -----------------------------------------------------------------------

def yaml_imported_at_start(tmp_path: Path) -> list[str]:
    code = ("import sys\nfrom tui.services.settings.current import settings_in_force\nl = settings_in_force()\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'yaml'), l.settings.snooze_minutes)")
    env = {**os.environ}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                            text=True, check=False, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_an_unchanged_file_is_read_from_the_cache_without_pyyaml(tmp_path: Path) -> None:
    write("snooze_minutes: 7\n")
    assert yaml_imported_at_start(tmp_path)[-1] == "7"
    assert yaml_imported_at_start(tmp_path) == ["[]", "7"]
    write("snooze_minutes: 8\n")
    assert yaml_imported_at_start(tmp_path)[-1] == "8", "an edited file is parsed again"


def test_a_file_with_problems_is_never_cached() -> None:
    from tui.services.settings import cache as settings_cache

    write("snooze_minutes: 0\n")
    assert settings_in_force().problems and not settings_cache.cache_path().exists()
    assert settings_in_force().problems, "reported again on the next start"


@pytest.mark.parametrize("change", [
    lambda e: e["values"].update(snooze_minutes=0),
    lambda e: e["values"].update(work_days=["mon", "mon"]),
    lambda e: e["values"].update(voice="yes"),
    lambda e: e["places"].update(voice=[0, 1]),
    lambda e: e.update(values=[]),
    lambda e: e["values"].update(nonsense=1),
], ids=["out-of-range", "duplicate-day", "wrong-type", "bad-place", "wrong-shape", "unknown-key"])
def test_a_tampered_cache_is_ignored(change: Any) -> None:
    from tui.services.settings import cache as settings_cache

    write("voice: true\nsnooze_minutes: 7\nwork_days: [mon]\n")
    settings_in_force()
    path = settings_cache.cache_path()
    entry = json.loads(path.read_text())
    change(entry)
    path.write_text(json.dumps(entry))
    loaded = settings_in_force()
    assert (loaded.settings.voice, loaded.settings.snooze_minutes, loaded.settings.work_days) == (True, 7, ("mon",))
    assert loaded.origins["snooze_minutes"] == "settings.yaml:2" and loaded.problems == []

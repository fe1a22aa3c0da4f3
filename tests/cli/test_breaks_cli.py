"""`lumbar breaks [--every DURATION] [--headless]`: the interval as typed, bad input, the hand-over."""

from __future__ import annotations

import sys
import types

import pytest

from tui.cli.main import main
from tui.services.since import parse_every


@pytest.mark.parametrize(("text", "seconds"), [
    ("1m", 60), ("90s", 90), ("20", 1200), ("1.5h", 5400), (" 2 min ", 120), ("45sec", 45), ("10S", 10),
])
def test_every_as_people_type_it(text, seconds):
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["", "x", "1m30", "-5", "5s", "9h", "1d", "20 minutes please"])
def test_a_bad_every_says_what_was_expected(text):
    with pytest.raises(ValueError, match="--every"):
        parse_every(text)


def test_a_bad_every_is_one_line_and_exit_2(capsys):
    assert main(["breaks", "--every", "soon"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "lumbar breaks: --every" in err and "1m" in err


def test_breaks_opens_the_app_with_the_scheduler_on(monkeypatch):
    seen = {}

    def launch(catalog, name, **kwargs):
        seen.update(kwargs)
        return 0

    monkeypatch.setattr("tui.cli.launch.launch", launch)
    assert main(["breaks", "--every", "90s"]) == 0
    assert seen["breaks"] == (True, 90.0)
    assert main(["breaks"]) == 0
    assert seen["breaks"] == (True, None)
    assert main([]) == 0
    assert seen["breaks"] is None  # the setting breaks_on_start decides (tui/cli/launch.py)


def test_headless_hands_over_to_the_headless_runner(monkeypatch):
    called = []
    fake = types.ModuleType("tui.cli.headless.main")
    fake.run = lambda settings, every=None: called.append((settings, every)) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tui.cli.headless.main", fake)
    assert main(["breaks", "--headless", "--every", "1m"]) == 0
    assert called and called[0][1] == 60.0


def test_headless_without_its_module_is_one_line_and_exit_2(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "tui.cli.headless.main", None)
    assert main(["breaks", "--headless"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--headless" in err


def test_the_setting_breaks_on_start_starts_the_schedule_with_every_lumbar(monkeypatch, tmp_path):
    import os

    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    assert os.environ["LUMBAR_CONFIG_DIR"] == str(config)
    (config / "settings.yaml").write_text("breaks_on_start: true\nbreak_every_minutes: 30\n")
    apps = []
    monkeypatch.setattr("tui.cli.launch.run", lambda app, **options: apps.append(app) or 0)
    assert main([]) == 0
    assert apps[-1].config.breaks_at_start == (True, None)
    assert apps[-1].config.break_settings.break_every_minutes == 30
    assert main(["breaks", "--every", "2m"]) == 0
    assert apps[-1].config.breaks_at_start == (True, 120.0)
    (config / "settings.yaml").write_text("voice: false\n")
    assert main([]) == 0
    assert apps[-1].config.breaks_at_start == (False, None)

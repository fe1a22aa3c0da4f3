"""One bad routine file, folder or environment variable never locks the user out of the rest.

Only `lumbar check`, or asking for the broken routine by name, exits 2; everything else
loads, and what did not is said on stderr (and in the app, listed greyed with its problems
one key away).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from tui.services import catalog as catalog_module
from tui.cli.main import main
from tui.services.catalog import ROUTINE_MAX_BYTES, load_catalog

ROOT = Path(__file__).resolve().parents[2]
TYPO = "lumbar: 1\nname: Mine\nexercises:\n  - name: Plank\n    hlod: 10\n"
GOOD = "lumbar: 1\nname: Good one\nexercises:\n  - name: Plank\n    position: on-front\n    hold: 10\n"


def user_sessions() -> Path:
    folder = Path(os.environ["LUMBAR_CONFIG_DIR"]) / "sessions"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def user_routine(text: str, name: str = "broken-one") -> Path:
    path = user_sessions() / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def no_app(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The app is never really started here; `launched` records who would have been."""
    launched: list[object] = []
    monkeypatch.setattr("tui.app.app.LumbarApp.run", lambda self, *a, **k: launched.append(self))
    return launched


def test_list_works_with_a_broken_user_routine(capsys: pytest.CaptureFixture[str]) -> None:
    path = user_routine(TYPO)
    assert main(["list"]) == 0
    out, err = capsys.readouterr()
    assert "Desk break" in out and "broken-one" in out and "problems" in out
    assert f"{path}:5:5" in err and "hlod" in err and "left out: broken-one" in err


@pytest.mark.parametrize("argv", [["show", "desk-break"], ["run", "desk-break"], []])
def test_every_other_routine_still_runs_and_shows(argv: list[str], no_app: list[object],
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = user_routine(TYPO)
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert str(path) in err
    if argv[:1] != ["show"]:
        [app] = no_app
        assert str(path) in app.config.broken["broken-one"][0]
        assert any("broken-one" in notice for notice in app.config.notices)


@pytest.mark.parametrize("command", ["run", "show"])
def test_asking_for_the_broken_routine_prints_its_problems_and_exits_2(
        command: str, no_app: list[object], capsys: pytest.CaptureFixture[str]) -> None:
    path = user_routine(TYPO)
    assert main([command, "broken-one"]) == 2
    err = capsys.readouterr().err
    assert f"{path}:5:5" in err and "'broken-one' has problems" in err
    assert not no_app


def test_an_unknown_name_still_gets_its_did_you_mean(capsys: pytest.CaptureFixture[str]) -> None:
    user_routine(TYPO)
    assert main(["run", "desk-brek"]) == 2
    assert "did you mean 'desk-break'" in capsys.readouterr().err


def test_check_alone_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    user_routine(TYPO)
    assert main(["check", str(user_sessions())]) == 2


def test_a_broken_override_is_reported_not_silently_replaced(capsys: pytest.CaptureFixture[str]) -> None:
    user_routine(TYPO, name="desk-break")
    catalog = load_catalog([])
    assert "desk-break" in catalog.broken and "desk-break" not in catalog.routines
    assert "core-basics" in catalog.routines


@pytest.mark.parametrize("content", [b"\xff\xfe", b"a: [" * 10_000, b"x" * (ROUTINE_MAX_BYTES + 10),
                                     b"[" * 100_000], ids=["not-utf8", "deep-yaml", "too-large", "deep"])
def test_hostile_routine_files_are_broken_routines_not_tracebacks(content: bytes) -> None:
    (user_sessions() / "hostile.yaml").write_bytes(content)
    user_routine(GOOD, name="good-one")
    catalog = load_catalog([])
    assert "hostile" in catalog.broken and "good-one" in catalog.routines


def test_a_routine_file_that_cannot_be_read_is_broken(monkeypatch: pytest.MonkeyPatch) -> None:
    path = user_routine(GOOD)
    real_open, real_os_open = open, os.open

    def denied(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    def os_denied(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_os_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", denied)
    monkeypatch.setattr(os, "open", os_denied)
    catalog = load_catalog([])
    assert "Permission denied" in str(catalog.broken["broken-one"][0])
    assert "desk-break" in catalog.routines


def test_the_routine_size_cap_is_the_loaders() -> None:
    from tui.services.loader import MAX_BYTES

    assert ROUTINE_MAX_BYTES == MAX_BYTES


# -- folders ---------------------------------------------------------------------------------

def test_a_missing_sessions_folder_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--sessions", str(tmp_path / "nowhere")]) == 0
    out, err = capsys.readouterr()
    assert f"--sessions folder {tmp_path / 'nowhere'} does not exist" in err and "Desk break" in out


def test_a_sessions_path_that_is_a_file_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "routine.yaml"
    file.write_text(GOOD, encoding="utf-8")
    assert main(["list", "--sessions", str(file)]) == 0
    assert f"cannot read routines in {file}" in capsys.readouterr().err


def test_the_missing_user_folder_is_normal(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list"]) == 0
    assert capsys.readouterr().err == ""


def deny_listing(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """What a folder without read permission does (tests run as root, where chmod does not)."""
    real = os.scandir

    def scandir(path):
        if Path(path) == folder:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(catalog_module.os, "scandir", scandir)


@pytest.mark.parametrize("which", ["user", "sessions-option"])
def test_an_unreadable_folder_is_said_and_skipped(which: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    folder = user_sessions() if which == "user" else tmp_path / "extra"
    folder.mkdir(exist_ok=True)
    deny_listing(monkeypatch, folder)
    assert main(["list", "--sessions", str(folder)] if which != "user" else ["list"]) == 0
    out, err = capsys.readouterr()
    assert f"cannot read routines in {folder} (Permission denied)" in err and "Desk break" in out


def test_check_of_an_unreadable_folder_exits_2_without_a_traceback(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    folder = user_sessions()
    deny_listing(monkeypatch, folder)
    assert main(["check", str(folder)]) == 2
    assert "Permission denied" in capsys.readouterr().err


def test_a_config_dir_that_is_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     no_app: list[object], capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "config-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("LUMBAR_CONFIG_DIR", str(blocker))
    assert main(["list"]) == 0
    assert main(["run", "desk-break"]) == 0 and no_app


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders without read permission")
def test_a_real_unreadable_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0)
    try:
        assert main(["list", "--sessions", str(folder)]) == 0
        assert "Permission denied" in capsys.readouterr().err
    finally:
        folder.chmod(0o700)


# -- environment ----------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["abc", "0", "nan", "-1", "inf"])
def test_a_bad_time_scale_is_a_one_line_error(value: str, monkeypatch: pytest.MonkeyPatch,
                                              no_app: list[object], capsys: pytest.CaptureFixture[str]) -> None:
    user_routine(TYPO)  # its problems are not said: the bad setting is the one line
    monkeypatch.setenv("LUMBAR_TIME_SCALE", value)
    assert main(["run", "desk-break"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "LUMBAR_TIME_SCALE" in err and repr(value) in err
    assert not no_app


def test_a_trace_file_in_a_missing_folder_is_a_one_line_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_app: list[object],
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("LUMBAR_TRACE", str(tmp_path / "missing" / "trace.jsonl"))
    assert main([]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "LUMBAR_TRACE" in err and not no_app


def test_a_good_time_scale_still_works(monkeypatch: pytest.MonkeyPatch, no_app: list[object]) -> None:
    monkeypatch.setenv("LUMBAR_TIME_SCALE", "240")
    assert main(["run", "desk-break"]) == 0
    assert no_app[0].config.time_scale == 240


# -- in the app -----------------------------------------------------------------------------

async def test_the_home_screen_lists_a_broken_routine_greyed_with_its_problems_one_key_away(make_app) -> None:
    from textual.widgets import OptionList, Static

    from tui.screens.home import HomeScreen, ProblemsModal

    problem = "/home/me/.config/lumbar/sessions/broken-one.yaml:5:5: exercises[0]: unknown key 'hlod'"
    app = make_app(broken={"broken-one": [problem, "second problem"]})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        options = app.screen.query_one("#routines", OptionList)
        last = options.get_option_at_index(options.option_count - 1)
        assert last.id == "broken-one" and "2 problems" in last.prompt.plain
        assert all("dim" in str(span.style) for span in last.prompt.spans)
        options.highlighted = options.option_count - 1
        await pilot.pause()
        assert problem in str(app.screen.query_one("#description", Static).visual)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsModal) and app.session is None
        text = "\n".join(str(s.visual) for s in app.screen.query(Static))
        assert problem in text and "second problem" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        options.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        assert app.session is not None, "the others still start"


def test_check_of_a_pipe_says_so_without_waiting(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import threading

    pipe = tmp_path / "routine.yaml"
    os.mkfifo(pipe)
    codes: list[int] = []
    worker = threading.Thread(target=lambda: codes.append(main(["check", str(pipe)])), daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive(), "check waited on a pipe"
    assert codes == [2] and "not a regular file" in capsys.readouterr().err


def test_damaged_state_files_and_missing_folders_are_notices_in_the_app(
        tmp_path: Path, no_app: list[object]) -> None:
    config = Path(os.environ["LUMBAR_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text('{"voice": true,}', encoding="utf-8")
    data = Path(os.environ["LUMBAR_DATA_DIR"])
    data.mkdir(parents=True, exist_ok=True)
    (data / "easier.json").write_bytes(b'{"desk-break": []}' + b"\0" * 8)
    assert main(["--sessions", str(tmp_path / "nowhere")]) == 0
    [app] = no_app
    notices = "\n".join(app.config.notices)
    assert "settings.json" in notices and "easier.json" in notices and "nowhere" in notices

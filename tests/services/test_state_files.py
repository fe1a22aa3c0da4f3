"""settings.json and easier.json in any state: damaged, hostile, unwritable, symlinked.

An unreadable file is reported by name, moved aside with the date (never overwritten,
never deleted) and replaced by defaults for the run; a failed write never raises and is
reported once, the choice kept until lumbar closes.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import threading
from pathlib import Path

import pytest

from tui.services.settings import easier_file
from tui.services.settings import current as settings
from tui.services.settings.current import RunMemory
from tui.services import storage
from tui.engine.routine.model import Dose, Exercise, Kind, Routine

ROUTINE = Routine(
    name="Two", key="two",
    exercises=(Exercise("Bridge", Kind.HOLD, Dose(hold_seconds=20), easier=Dose(hold_seconds=10)),
               Exercise("Plank", Kind.HOLD, Dose(hold_seconds=20), easier=Dose(hold_seconds=5))),
)
OTHER = {"other-routine": ["Cat stretch"]}


def data_file(name: str = "easier.json") -> Path:
    return Path(os.environ["LUMBAR_DATA_DIR"]) / name


def config_file(name: str = "settings.json") -> Path:
    return Path(os.environ["LUMBAR_CONFIG_DIR"]) / name


def put(path: Path, content: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def asides(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.damaged-*"))


GOOD_EASIER = json.dumps({**OTHER, "two": ["Plank"]}).encode()
DAMAGED = {
    "zeros-at-the-end": GOOD_EASIER[:-4] + b"\0" * 4096,  # what a power cut can leave
    "trailing-comma": b'{"two": ["Plank"],}',
    "deep-nesting": b"[" * 100_000,
    "not-utf8": b'{"two": ["\xff"]}',
    "wrong-shape": b'["two"]',
    "names-not-text": b'{"two": [1, 2]}',
    "empty": b"",
}


@pytest.fixture
def memory() -> RunMemory:
    """One run of lumbar: what it said and kept (the App holds one in its services)."""
    return RunMemory()


@pytest.mark.parametrize("content", DAMAGED.values(), ids=DAMAGED.keys())
def test_a_damaged_easier_file_is_reported_moved_aside_and_not_overwritten(content: bytes,
                                                                           memory: RunMemory) -> None:
    path = put(data_file(), content)
    warnings = easier_file.check_easier(memory)
    assert len(warnings) == 1 and str(path) in warnings[0]
    [aside] = asides(path)
    assert aside.read_bytes() == content and not path.exists()
    assert easier_file.remembered_easier(ROUTINE, memory) == frozenset()
    assert easier_file.remember_easier(ROUTINE, frozenset({0}), memory) is None
    assert json.loads(path.read_text()) == {"two": ["Bridge"]}
    assert aside.read_bytes() == content, "the damaged file is kept as it was"


def test_a_damaged_easier_file_found_in_the_app_is_said_with_the_next_choice(memory: RunMemory) -> None:
    put(data_file(), DAMAGED["trailing-comma"])
    assert easier_file.remembered_easier(ROUTINE, memory) == frozenset()
    said = easier_file.remember_easier(ROUTINE, frozenset({1}), memory)
    assert said is not None and "easier.json" in said and "damaged-" in said
    assert easier_file.remember_easier(ROUTINE, frozenset({0, 1}), memory) is None


@pytest.mark.parametrize("content", [b'{"voice": true,}', b"[" * 100_000, b"\0" * 10, b"[true]"],
                         ids=["trailing-comma", "deep-nesting", "zeros", "not-an-object"])
def test_a_damaged_settings_file_gives_defaults_and_a_warning(content: bytes, memory: RunMemory) -> None:
    path = put(config_file(), content)
    loaded, warnings = settings.read_settings(memory)
    assert loaded == settings.Settings()
    assert len(warnings) == 1 and str(path) in warnings[0]
    assert [p.read_bytes() for p in asides(path)] == [content]


def test_a_setting_of_the_wrong_type_or_name_is_said_and_the_file_left_alone(memory: RunMemory) -> None:
    path = put(config_file(), b'{"voice": "yes", "voise": true}')
    loaded, warnings = settings.read_settings(memory)
    assert loaded.voice is False
    assert any("'voice' should be true or false" in w for w in warnings)
    assert any("did you mean 'voice'" in w for w in warnings)
    assert path.exists() and not asides(path)


def test_a_state_file_larger_than_the_cap_is_not_read(monkeypatch: pytest.MonkeyPatch,
                                                      memory: RunMemory) -> None:
    path = put(config_file(), b'{"voice": true}' + b" " * 100)
    monkeypatch.setattr(storage, "MAX_STATE_BYTES", 64)
    calls: list[int] = []
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: calls.append(n) or real_read(fd, n))
    loaded, warnings = settings.read_settings(memory)
    assert not loaded.voice and "larger than" in warnings[0]
    assert sum(calls) <= 65, "no more than the cap (and one byte to see it is over) is read"
    assert asides(path)


@pytest.mark.parametrize("kind", ["directory", "fifo"])
def test_a_state_file_that_is_not_a_file_is_moved_aside_without_waiting(kind: str, memory: RunMemory) -> None:
    path = data_file()
    path.parent.mkdir(parents=True)
    if kind == "directory":
        path.mkdir()
        (path / "keep.txt").write_text("mine")
    else:
        os.mkfifo(path)
    found: list[list[str]] = []
    worker = threading.Thread(target=lambda: found.append(easier_file.check_easier(memory)), daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive(), "reading a pipe must not wait for a writer"
    assert "not a regular file" in found[0][0]
    [aside] = asides(path)
    if kind == "directory":
        assert (aside / "keep.txt").read_text() == "mine"
    assert easier_file.remember_easier(ROUTINE, frozenset({0}), memory) is None


def test_a_file_that_cannot_be_opened_is_reported(monkeypatch: pytest.MonkeyPatch,
                                                  memory: RunMemory) -> None:
    path = put(config_file(), b'{"voice": true}')
    real_open = os.open

    def denied(file, flags, *args):
        if Path(file) == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, flags, *args)

    monkeypatch.setattr(os, "open", denied)
    loaded, warnings = settings.read_settings(memory)
    assert loaded == settings.Settings() and "Permission denied" in warnings[0]
    assert asides(path)[0].read_bytes() == b'{"voice": true}'


def test_a_file_that_can_be_neither_read_nor_moved_is_never_overwritten(
        monkeypatch: pytest.MonkeyPatch, memory: RunMemory) -> None:
    path = put(data_file(), DAMAGED["trailing-comma"])

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "link", refuse)
    monkeypatch.setattr(os, "rename", refuse)
    warnings = easier_file.check_easier(memory)
    assert "nor move it aside" in warnings[0]
    said = easier_file.remember_easier(ROUTINE, frozenset({0}), memory)
    assert said is not None and "Could not save" in said
    assert path.read_bytes() == DAMAGED["trailing-comma"]
    assert easier_file.remembered_easier(ROUTINE, memory) == frozenset({0}), "kept for this run"


def test_move_aside_never_replaces_an_earlier_one(monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import datetime

    monkeypatch.setattr("tui.services.clocks.wall", lambda: datetime(2026, 1, 1, 12, 0).astimezone())
    path = data_file()
    first = storage.move_aside(put(path, b"first"))
    second = storage.move_aside(put(path, b"second"))
    assert first != second and first.read_bytes() == b"first" and second.read_bytes() == b"second"
    assert first.name == "easier.json.damaged-20260101-120000"


def test_move_aside_of_a_symlink_moves_its_target(tmp_path: Path, memory: RunMemory) -> None:
    target = put(tmp_path / "dotfiles" / "settings.json", b"{,}")
    link = config_file()
    link.parent.mkdir(parents=True)
    link.symlink_to(target)
    settings.read_settings(memory)
    assert asides(target) and link.is_symlink()


# -- writing --------------------------------------------------------------------------------

def blocked_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = put(tmp_path / "a-file", b"")
    monkeypatch.setenv("LUMBAR_DATA_DIR", str(blocker / "data"))


def test_a_choice_that_cannot_be_saved_is_said_once_and_kept(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           memory: RunMemory) -> None:
    blocked_data_dir(tmp_path, monkeypatch)
    said = easier_file.remember_easier(ROUTINE, frozenset({0}), memory)
    assert said is not None and "Could not save the easier choice" in said
    assert easier_file.remember_easier(ROUTINE, frozenset({0, 1}), memory) is None, "said once"
    assert easier_file.remembered_easier(ROUTINE, memory) == frozenset({0, 1})


@pytest.mark.parametrize("error", [errno.ENOSPC, errno.EROFS, errno.EACCES])
def test_a_failing_disk_never_raises(error: int, monkeypatch: pytest.MonkeyPatch, memory: RunMemory) -> None:
    put(data_file(), GOOD_EASIER)

    def fail(fd):
        raise OSError(error, os.strerror(error))

    monkeypatch.setattr(os, "fsync", fail)
    said = easier_file.remember_easier(ROUTINE, frozenset({0}), memory)
    assert said is not None and os.strerror(error) in said
    assert data_file().read_bytes() == GOOD_EASIER, "the old file is untouched"
    assert [p.name for p in data_file().parent.iterdir()] == ["easier.json"], "no temporary file left"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_a_read_only_data_dir(tmp_path: Path, memory: RunMemory) -> None:
    folder = data_file().parent
    folder.mkdir(parents=True)
    folder.chmod(0o500)
    try:
        assert "Could not save" in (easier_file.remember_easier(ROUTINE, frozenset({0}), memory) or "")
    finally:
        folder.chmod(0o700)


def test_writes_go_through_a_symlink_and_keep_the_mode(tmp_path: Path, memory: RunMemory) -> None:
    target = put(tmp_path / "dotfiles" / "easier.json", GOOD_EASIER)
    target.chmod(0o640)
    link = data_file()
    link.parent.mkdir(parents=True)
    link.symlink_to(target)
    assert easier_file.remember_easier(ROUTINE, frozenset({0}), memory) is None
    assert link.is_symlink()
    assert json.loads(target.read_text()) == {**OTHER, "two": ["Bridge"]}
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_other_routines_choices_survive_a_save(memory: RunMemory) -> None:
    put(data_file(), GOOD_EASIER)
    assert easier_file.remembered_easier(ROUTINE, memory) == frozenset({1})
    easier_file.remember_easier(ROUTINE, frozenset(), memory)
    assert json.loads(data_file().read_text()) == {**OTHER, "two": []}


async def test_pressing_e_with_nowhere_to_save_keeps_the_routine_going(
        make_app, shipped, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.engine.routine.easier import easier_target

    blocked_data_dir(tmp_path, monkeypatch)
    key = next(k for k, r in shipped.items() if sum(e.easier is not None for e in r.exercises) >= 2)
    app = make_app(start=key)
    said: list[str] = []
    app.notify = lambda message, **kwargs: said.append(message)  # what the user would see
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(2):  # two exercises made easier: two failed saves, one warning
            while app.session is not None and easier_target(app.session) is None:
                await pilot.press("n")
            await pilot.press("e")
            await pilot.pause()
            assert app.session is not None, "the routine goes on"
        assert len(app.session.plan.easier) == 2
        assert len([m for m in said if "Could not save" in m]) == 1


def test_a_file_where_the_data_dir_should_be_is_no_damaged_file(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch,
                                                           memory: RunMemory) -> None:
    """There is no easier.json to read or move aside; only the save fails, and says why."""
    blocked_data_dir(tmp_path, monkeypatch)
    assert easier_file.check_easier(memory) == []
    said = easier_file.remember_easier(ROUTINE, frozenset({0}), memory)
    assert said is not None and "a-file" in said and "could not be read" not in said

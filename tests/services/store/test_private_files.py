"""history.db and its folder are private to the user under the usual umask (022), and what an
older lumbar left readable is tightened once, with one notice."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tui.services import private
from tui.services.store import open_store
from tui.services.storage import write_state


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def umask_022():
    old = os.umask(0o022)
    private._tightened.clear()
    yield
    os.umask(old)


def test_a_new_history_is_private_with_its_wal_and_shm(tmp_path: Path):
    folder = tmp_path / "share" / "lumbar"
    store = open_store(folder / "history.db")
    store.add_checkin(7, "alone")
    try:
        assert mode(folder) == 0o700
        for name in ("history.db", "history.db-wal", "history.db-shm"):
            assert (folder / name).exists(), name
            assert mode(folder / name) == 0o600, name
        assert store.notes == []
    finally:
        store.close()
    assert mode(folder / "history.db") == 0o600


def test_other_files_lumbar_writes_are_private(tmp_path: Path):
    folder = tmp_path / "data"
    assert write_state(folder / "easier.json", {"a": ["b"]}) is None
    assert mode(folder) == 0o700 and mode(folder / "easier.json") == 0o600


def test_an_open_history_is_tightened_once_with_one_notice(tmp_path: Path):
    folder = tmp_path / "lumbar"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    first = open_store(folder / "history.db")
    first.add_checkin(3, "alone")
    first.close()
    for name in ("history.db", "easier.json"):
        (folder / name).touch()
        os.chmod(folder / name, 0o644)
    private._tightened.clear()  # a new run
    store = open_store(folder / "history.db")
    try:
        assert len(store.notes) == 1 and str(folder) in store.notes[0]
        assert mode(folder) == 0o700
        assert mode(folder / "history.db") == 0o600 and mode(folder / "easier.json") == 0o600
        store.add_checkin(4, "alone")
        assert mode(folder / "history.db-wal") == 0o600
    finally:
        store.close()
    private._tightened.clear()  # a later run: nothing left to tighten, nothing said
    again = open_store(folder / "history.db")
    assert again.notes == []
    again.close()

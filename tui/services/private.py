"""Keeping health data private: the data folder 0700, every file in it 0600.

Pain scores are health data, and a folder or file made with the usual umask (022) can be
read by every user of the machine. lumbar makes its data folder 0700 and its files 0600
whatever the umask, and at start tightens what an older lumbar left open, saying so once.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600
#: Permission bits that let anyone but the owner in.
_OTHERS = stat.S_IRWXG | stat.S_IRWXO

_tightened: set[str] = set()
"""Folders already looked at this run: each is tightened (and said) at most once."""


def make_folder(folder: Path) -> None:
    """Make ``folder`` (and missing parents) if needed; the folder itself is made 0700.

    Parents are left as the system makes them: they may be shared (``~/.local/share``).
    Raises OSError as ``Path.mkdir`` does.
    """
    if not folder.is_dir():
        folder.parent.mkdir(parents=True, exist_ok=True)
        try:
            folder.mkdir(mode=FOLDER_MODE)
        except FileExistsError:
            if not folder.is_dir():
                raise
        else:
            os.chmod(folder, FOLDER_MODE)  # mkdir's mode passes through the umask


def create_file(path: Path) -> None:
    """Create ``path`` empty and 0600 unless it exists, so SQLite (which gives a new
    database 0644 less the umask, and its -wal and -shm files the database's mode) finds it
    private. Raises OSError when the folder cannot be written."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE)
    except FileExistsError:
        return
    os.close(fd)


def tighten(folder: Path) -> str | None:
    """Make ``folder`` 0700 and each regular file directly in it 0600 where they let others
    in; the one notice to show when something was changed, else None. Once per folder a
    run; never raises (a file of another owner is left as it is)."""
    key = os.path.realpath(folder)
    if key in _tightened:
        return None
    _tightened.add(key)
    changed = 0
    try:
        targets = [(folder, FOLDER_MODE)] + [
            (entry, FILE_MODE) for entry in folder.iterdir()
            if entry.is_file() and not entry.is_symlink()]
    except OSError:
        return None
    for target, mode in targets:
        try:
            if stat.S_IMODE(target.lstat().st_mode) & _OTHERS:
                os.chmod(target, mode)
                changed += 1
        except OSError:
            continue
    if not changed:
        return None
    return (f"Your lumbar data in {folder} could be read by other users of this computer; "
            f"it is now private to you ({changed} {'item' if changed == 1 else 'items'} changed).")

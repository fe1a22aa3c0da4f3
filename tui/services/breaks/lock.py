"""At most one break scheduler per user: an advisory lock on a file in the data dir.

`flock(2)` belongs to the open file, so the kernel drops it when the holder's process ends
in any way (exit, crash, SIGKILL): a stale lock cannot outlive its scheduler, and nothing
has to guess whether a pid in a file is still alive. The file also holds the holder's pid,
for a second lumbar to say who schedules. Where `fcntl` does not exist (Windows) every
process schedules: `acquire` always succeeds, as it did before the lock.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

#: The lock file's name in the data dir.
NAME = "breaks.lock"


class SchedulerLock:
    """At most one break scheduler per user (per data dir); released when its process dies.

    Args:
        path: the lock file; default `tui.services.paths.data_dir() / "breaks.lock"`
            (`LUMBAR_DATA_DIR` overrides the data dir). Its folder is made if missing.
    """

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            from tui.services.paths import data_dir

            path = data_dir() / NAME
        self.path = path
        self._fd: int | None = None
        self._guard = threading.Lock()
        self._waiting: threading.Thread | None = None
        self._stopped = False
        self.in_use = path
        """The lock file in use: `path`, or the stand-in when `path` cannot be used."""
        self.problem: str | None = None
        """Why `path` could not be used, in one line for a person; None when it could."""

    @property
    def held(self) -> bool:
        """This process holds the lock."""
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock if it is free, without blocking. True: this process schedules.

        A lock file that cannot be used (a folder in its place, no permission, a file
        system without locks) is said once in `problem`, and a lock in this user's private
        runtime folder (tui.services.breaks.door.runtime_folder) stands in for it, so that still at
        most one process schedules. Only when neither works does every process schedule.
        """
        with self._guard:
            if self._fd is not None:
                return True
            if fcntl is None:
                self._fd = -1
                return True
            why: list[str] = []
            for path in self._candidates(why):
                try:
                    fd = self._open(path)
                except OSError as error:
                    why.append(f"{path}: {error.strerror or error}")
                    continue
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    os.close(fd)
                    self.in_use = path
                    self._said(why, path)
                    return False
                except OSError as error:  # ENOLCK, EOPNOTSUPP: no locks on this file system
                    os.close(fd)
                    why.append(f"{path}: {error.strerror or error}")
                    continue
                self.in_use = path
                self._said(why, path)
                self._took(fd)
                return True
            self._said(why, None)
            self._fd = -1
            return True

    def _candidates(self, why: list[str]) -> list[Path]:
        paths = [self.path]
        try:
            paths.append(fallback_path(self.path))
        except OSError as error:
            why.append(str(error))
        return paths

    def _said(self, why: list[str], used: Path | None) -> None:
        if not why or self.problem is not None:
            return
        if used is not None:
            self.problem = (f"The desk-break lock {self.path} cannot be used ({why[0].split(': ', 1)[-1]}); "
                            f"{used} keeps one scheduler per user instead.")
        else:
            self.problem = (f"No desk-break lock can be used ({'; '.join(why)}): another lumbar "
                            "may schedule breaks too.")

    def holder(self) -> int | None:
        """Pid of the process that holds the lock (this one's when it does), if known.

        None when the lock is free, the file is missing or holds no pid.
        """
        if self._fd is not None:
            return os.getpid()
        if fcntl is None:
            return None
        try:
            fd = os.open(self.in_use, os.O_RDONLY | os.O_CLOEXEC)
        except OSError:
            return None
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except OSError:
                text = os.read(fd, 32).decode("ascii", "replace").strip()
                return int(text) if text.isdigit() else None
            fcntl.flock(fd, fcntl.LOCK_UN)  # it was free: nobody holds it
            return None
        finally:
            os.close(fd)

    def wait(self, on_acquired: Callable[[], None]) -> None:
        """Take the lock as soon as it is free, then call `on_acquired`.

        A daemon thread blocks in `flock` (no polling) and calls `on_acquired` from that
        thread: the caller hands it to its own loop (`call_soon_threadsafe`). A `release`
        before then stops the wait; the thread ends with the process in any case.
        """
        with self._guard:
            if self._waiting is not None:
                return
            self._stopped = False
            self._waiting = threading.Thread(target=self._block, args=(on_acquired,),
                                             name="lumbar-breaks-lock", daemon=True)
            self._waiting.start()

    def release(self) -> None:
        """Let another scheduler take over (and stop a `wait` under way)."""
        with self._guard:
            self._stopped = True
            self._waiting = None
            fd, self._fd = self._fd, None
        if fd is not None and fd >= 0:
            os.close(fd)  # closing the file drops the flock

    # --- inside -------------------------------------------------------------------------

    def _open(self, path: Path | None = None) -> int:
        from tui.services.private import make_folder

        path = self.in_use if path is None else path
        make_folder(path.parent)  # the data folder (or the private stand-in's), 0700
        # O_CLOEXEC: a child process (a notifier, a browser) must not inherit the lock.
        return os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)

    def _took(self, fd: int) -> None:
        """Write our pid into the file we now hold; a failure there loses only the pid."""
        self._fd = fd
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        except OSError:
            pass

    def _block(self, on_acquired: Callable[[], None]) -> None:
        if fcntl is None:
            return
        try:
            fd = self._open()
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError:
            return
        with self._guard:
            if self._stopped:
                os.close(fd)
                return
            self._waiting = None
            self._took(fd)
        on_acquired()


def fallback_path(path: Path) -> Path:
    """The stand-in for a lock file that cannot be used: in this user's private runtime
    folder, named for the history folder, so every lumbar of that history finds the same."""
    import hashlib

    from tui.services.breaks.door import runtime_folder

    digest = hashlib.sha256(os.fsencode(str(path.parent.resolve()))).hexdigest()[:16]
    return runtime_folder() / f"{digest}.lock"

"""One break scheduler per user: the lock with real processes (the kernel releases it)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tui.services.breaks.lock import NAME, SchedulerLock

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="flock is POSIX")
ROOT = Path(__file__).resolve().parents[2]

HOLD = """
import sys, time
from tui.services.breaks.lock import SchedulerLock
lock = SchedulerLock()
print("held" if lock.acquire() else "refused", flush=True)
sys.stdin.readline()
"""

WAIT = """
import os, sys, threading
from tui.services.breaks.lock import SchedulerLock
lock = SchedulerLock()
if lock.acquire():
    print("held", flush=True)
else:
    print("waiting", lock.holder(), flush=True)
    took = threading.Event()
    lock.wait(took.set)
    took.wait(20)
    print("took", lock.holder() == os.getpid(), flush=True)
"""


def spawn(code: str, data: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "LUMBAR_DATA_DIR": str(data)}
    return subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)


def line(proc: subprocess.Popen[str]) -> str:
    assert proc.stdout is not None
    return proc.stdout.readline().strip()


def test_a_second_process_does_not_acquire_and_takes_over_when_the_first_is_killed(tmp_path):
    first = spawn(HOLD, tmp_path)
    try:
        assert line(first) == "held"
        assert (tmp_path / NAME).read_text().strip() == str(first.pid)
        second = spawn(WAIT, tmp_path)
        try:
            assert line(second) == f"waiting {first.pid}"
            first.send_signal(signal.SIGKILL)  # no chance to clean up: the kernel drops it
            first.wait(10)
            assert line(second) == "took True"
            assert second.wait(10) == 0
        finally:
            second.kill()
            second.wait(10)
    finally:
        first.kill()
        first.wait(10)


def test_a_clean_release_lets_the_next_one_acquire(tmp_path):
    first = spawn(HOLD, tmp_path)
    try:
        assert line(first) == "held"
        lock = SchedulerLock(tmp_path / NAME)
        assert not lock.acquire()
        assert lock.holder() == first.pid
        first.communicate("\n", timeout=10)  # exits normally
        assert lock.acquire() and lock.holder() == os.getpid()
        lock.release()
        assert lock.holder() is None
    finally:
        first.kill()
        first.wait(10)


def test_the_default_path_is_in_the_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("LUMBAR_DATA_DIR", str(tmp_path / "data"))
    lock = SchedulerLock()
    assert lock.path == tmp_path / "data" / NAME
    assert lock.acquire()  # the folder is made on first use
    assert lock.path.read_text().strip() == str(os.getpid())
    lock.release()


def test_a_free_lock_with_a_stale_pid_has_no_holder(tmp_path):
    (tmp_path / NAME).write_text("99999999\n")
    assert SchedulerLock(tmp_path / NAME).holder() is None


def test_release_stops_a_wait_before_it_takes_the_lock(tmp_path):
    path = tmp_path / NAME
    holder, waiter = SchedulerLock(path), SchedulerLock(path)
    assert holder.acquire() and not waiter.acquire()
    took = threading.Event()
    waiter.wait(took.set)
    waiter.release()
    holder.release()
    assert not took.wait(0.2)
    assert not waiter.held
    third = SchedulerLock(path)
    assert third.acquire()
    third.release()


def test_an_unusable_lock_file_still_lets_this_process_remind(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    lock = SchedulerLock(blocker / NAME)  # its folder is a file: cannot be made
    assert lock.acquire()
    lock.release()


@pytest.mark.parametrize("damage", ["a folder", "unreadable"])
def test_an_unusable_lock_file_is_said_once_and_still_one_process_schedules(tmp_path, damage):
    if damage == "a folder":
        (tmp_path / NAME).mkdir()
    else:
        (tmp_path / NAME).write_text("")
        (tmp_path / NAME).chmod(0)
        if os.geteuid() == 0:
            pytest.skip("root reads any file")
    first, second = SchedulerLock(tmp_path / NAME), SchedulerLock(tmp_path / NAME)
    try:
        assert first.acquire()
        assert first.problem is not None and str(tmp_path / NAME) in first.problem
        assert first.in_use != tmp_path / NAME
        assert not second.acquire()  # the stand-in keeps it to one scheduler
        assert second.holder() == os.getpid()
        first.release()
        assert second.acquire()
    finally:
        first.release()
        second.release()


def test_a_file_system_without_locks_uses_the_stand_in(tmp_path, monkeypatch):
    import fcntl

    real = fcntl.flock
    broken = str(tmp_path / NAME)

    def flock(fd, op):
        if os.readlink(f"/proc/self/fd/{fd}") == broken:
            raise OSError(37, "No locks available")  # ENOLCK, as on some network mounts
        return real(fd, op)

    if not os.path.exists("/proc/self/fd"):
        pytest.skip("needs /proc")
    monkeypatch.setattr(fcntl, "flock", flock)
    first, second = SchedulerLock(tmp_path / NAME), SchedulerLock(tmp_path / NAME)
    try:
        assert first.acquire() and "No locks available" in first.problem
        assert not second.acquire()
    finally:
        first.release()
        second.release()

"""Which process owns an open session, and whether that process is still running.

A session row records the pid of the lumbar that began it and a token for that process's
start (on Linux: the boot id and the start time in clock ticks from /proc). A session whose
owner is gone was interrupted (a crash, kill -9, a power cut); one whose owner still runs is
another lumbar's live routine and must be left alone. A pid alone is not enough: pids are
reused, after a reboot in particular.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path


def _read(path: str) -> str | None:
    try:
        return Path(path).read_text(encoding="ascii", errors="replace")
    except OSError:
        return None


def start_token(pid: int) -> str | None:
    """A string that changes when `pid` is reused, or None where the OS gives no such thing."""
    stat = _read(f"/proc/{pid}/stat")
    if stat is None:
        return None
    # Field 22 (starttime); the name in field 2 may hold spaces and parentheses.
    fields = stat.rsplit(")", 1)[-1].split()
    if len(fields) < 20:
        return None
    boot = (_read("/proc/sys/kernel/random/boot_id") or "").strip()
    return f"{boot}:{fields[19]}"


@cache
def _token_of(pid: int) -> str | None:
    return start_token(pid)


def me() -> tuple[int, str | None]:
    """(pid, start token) of this process (a forked child gets its own)."""
    pid = os.getpid()
    return pid, _token_of(pid)


def alive(pid: int | None, token: str | None) -> bool:
    """Whether the process that wrote (pid, token) still runs.

    Errs on the side of "alive" when it cannot tell (no /proc, another user's process):
    a live routine closed by mistake is worse than a dead one closed at a later start.
    """
    if pid is None:
        return False
    if (pid, token) == me():
        return True
    if token is not None:
        now = start_token(pid)
        if now is not None or Path("/proc/self/stat").exists():
            return now == token
    if os.name != "posix":
        return True  # os.kill(pid, 0) would end the process on Windows
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True

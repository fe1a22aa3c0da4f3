"""Run programs in a private tmux server and read what they cost from /proc.

Every program is measured the same way: started with `exec` in a detached 100x30 pane, so
the pane's pid *is* the program and /proc/PID covers it (all threads, living or exited).
A private socket (`tmux -L ...`, no config file) keeps the bench away from anyone else's
tmux and from the user's tmux.conf.
"""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

WIDTH, HEIGHT = 100, 30
CLK_TCK = os.sysconf("SC_CLK_TCK")
POLL = 0.005
"""Seconds between screen captures while waiting for a first frame."""


def have_tmux() -> bool:
    from shutil import which

    return which("tmux") is not None


@dataclass
class Server:
    """A tmux server of our own, kept alive by an idle session so spawns never pay its start-up."""

    socket: str = field(default_factory=lambda: f"lumbar-bench-{os.getpid()}")
    count: int = 0
    _control: subprocess.Popen[str] | None = field(default=None, repr=False)

    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null", *args],
                              capture_output=True, check=check)

    def __enter__(self) -> Server:
        self.tmux("new-session", "-d", "-s", "keepalive", "-x", str(WIDTH), "-y", str(HEIGHT),
                  "sleep 86400")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._control is not None:
            self._control.kill()
            self._control.wait()
            self._control = None
        # Only our own server, by its private socket.
        self.tmux("kill-server", check=False)

    def capture(self, target: str) -> str:
        """The text of a pane, asked through one control-mode client.

        Spawning `tmux capture-pane` every few milliseconds costs a process each time,
        which on two cores competes with the program being timed; a control-mode client
        (`tmux -C`) takes the same command over a pipe.
        """
        if self._control is None:
            self._control = subprocess.Popen(
                ["tmux", "-L", self.socket, "-f", "/dev/null", "-C", "attach", "-t", "keepalive"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8",
                errors="replace", bufsize=1)
            self._reply()  # the answer to `attach` itself comes first
        control = self._control
        assert control.stdin is not None
        control.stdin.write(f"capture-pane -p -t {target}\n")
        control.stdin.flush()
        return self._reply()

    def _reply(self) -> str:
        """The next command's output block (empty for an error)."""
        assert self._control is not None and self._control.stdout is not None
        lines: list[str] = []
        inside = False
        for line in self._control.stdout:
            if line.startswith("%begin"):
                inside, lines = True, []
            elif line.startswith(("%end", "%error")) and inside:
                return "".join(lines) if line.startswith("%end") else ""
            elif inside:
                lines.append(line)
        raise RuntimeError("tmux control client ended")

    def spawn(self, argv: list[str], env: dict[str, str] | None = None) -> Pane:
        """Start ``argv`` in a new pane; returns at once (the program may not have drawn yet).

        The pane starts in the repository root, so `python -m bench.probe` finds the package.
        """
        from .targets import ROOT

        self.count += 1
        name = f"b{self.count}"
        extra = [a for k, v in (env or {}).items() for a in ("-e", f"{k}={v}")]
        command = "exec " + shlex.join(argv)
        started = time.monotonic()
        self.tmux("new-session", "-d", "-s", name, "-x", str(WIDTH), "-y", str(HEIGHT),
                  "-c", str(ROOT), *extra, command)
        pid = int(self.tmux("display", "-p", "-t", name, "#{pane_pid}").stdout)
        return Pane(self, name, pid, started)


@dataclass
class Pane:
    server: Server
    name: str
    pid: int
    started: float
    """time.monotonic() just before tmux was asked to start the program."""

    def screen(self) -> str:
        return self.server.capture(self.name)

    def wait_for(self, marker: str, timeout: float = 20.0) -> float:
        """Seconds from spawn until ``marker`` is on screen; raises TimeoutError."""
        deadline = self.started + timeout
        while time.monotonic() < deadline:
            if marker in self.screen():
                return time.monotonic() - self.started
            if not alive(self.pid):
                raise RuntimeError(f"{self.name} exited before showing {marker!r}")
            time.sleep(POLL)
        raise TimeoutError(f"{marker!r} not shown after {timeout:g} s:\n{self.screen()}")

    def visible_rate(self, seconds: float) -> float:
        """Screen changes per second seen by capturing the pane as fast as tmux allows."""
        if seconds <= 0:
            return float("nan")
        changes, last = 0, None
        start = time.monotonic()
        while (now := time.monotonic()) - start < seconds:
            shot = self.screen()
            changes += last is not None and shot != last
            last = shot
        return changes / (now - start)

    def close(self) -> None:
        """End the pane (SIGHUP to the program), then make sure the program is gone."""
        self.server.tmux("kill-session", "-t", self.name, check=False)
        deadline = time.monotonic() + 3
        while alive(self.pid) and time.monotonic() < deadline:
            time.sleep(0.02)
        if alive(self.pid):
            os.kill(self.pid, signal.SIGKILL)  # our own child, by pid


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False
    return state != "Z"


def cpu_seconds(pid: int) -> float:
    """utime + stime of the whole process, in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    # After the command name: state is field 3, utime 14, stime 15 (1-based) -> 11, 12 here.
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")

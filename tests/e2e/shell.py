"""A bash with job control in a tmux pane, lumbar started from its prompt."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
from pathlib import Path

from .tmux import ROOT, TMUX, Pane

PROMPT = "lumbar-test$ "


class Shell(Pane):
    """A pane running bash with job control, lumbar started from its prompt."""

    def __init__(self, tmp_path: Path) -> None:
        super().__init__(TMUX)
        self.tmp = tmp_path / "tmp"
        self.tmp.mkdir()
        player = tmp_path / "bin" / "aplay"
        player.parent.mkdir()
        player.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
        player.chmod(0o755)
        self.env = {
            "HOME": str(tmp_path), "TERM": "xterm-256color", "PS1": PROMPT,
            "PATH": f"{player.parent}:{os.environ.get('PATH', '/usr/bin:/bin')}",
            "TMPDIR": str(self.tmp), "PYTHONPATH": str(ROOT),
            "LUMBAR_CONFIG_DIR": str(tmp_path / "config"), "LUMBAR_DATA_DIR": str(tmp_path / "data"),
            "LUMBAR_CACHE_DIR": str(tmp_path / "cache"),
        }

    def open(self) -> None:
        assignments = " ".join(f"{k}={shlex.quote(v)}" for k, v in self.env.items())
        self.start(f"cd {shlex.quote(str(ROOT))} && env -i {assignments} bash --norc --noprofile -i")
        self.wait_for_text(PROMPT.rstrip())

    def type(self, line: str) -> None:
        self.run("send-keys", "-t", self.name, "-l", line)
        self.send("Enter")

    def lumbar(self, args: str) -> int:
        """Start lumbar; its process id, once its first frame is drawn."""
        self.type(f"{shlex.quote(sys.executable)} -m tui {args}; echo EXIT=$?")
        self.wait_for(lambda t: sum("█" in line for line in t.splitlines()) >= 5, "the workout")
        shell_pid = self.run("display", "-p", "-t", self.name, "#{pane_pid}").stdout.strip()
        pids = subprocess.run(["pgrep", "-P", shell_pid], capture_output=True, text=True)
        return int(pids.stdout.split()[0])

    def modes(self) -> str:
        """'alternate-screen cursor-visible mouse-reporting' flags, 1 or 0 each."""
        return self.run("display", "-p", "-t", self.name,
                        "#{alternate_on} #{cursor_flag} #{mouse_any_flag}").stdout.strip()

    def pips(self) -> list[str]:
        return sorted(p.name for p in self.tmp.glob("lumbar-pip-*.wav"))


def wait_until(predicate, what: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)

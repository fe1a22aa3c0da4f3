"""A private tmux server and one pane in it, to run the real lumbar in a real terminal."""

from __future__ import annotations

import shutil
import subprocess
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TMUX = shutil.which("tmux")


class Pane:
    """One tmux session on a private server socket, so no user tmux is touched."""

    def __init__(self, tmux: str) -> None:
        self.tmux = tmux
        self.name = f"lumbar-e2e-{uuid.uuid4().hex[:10]}"
        self.socket = self.name

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run([self.tmux, "-L", self.socket, *args], capture_output=True, text=True,
                              check=check, timeout=10)

    def start(self, command: str) -> None:
        self.run("new-session", "-d", "-s", self.name, "-x", "80", "-y", "24", command)

    def text(self) -> str:
        result = self.run("capture-pane", "-p", "-t", self.name, check=False)
        return result.stdout

    def send(self, key: str) -> None:
        self.run("send-keys", "-t", self.name, key)

    def alive(self) -> bool:
        return self.run("has-session", "-t", self.name, check=False).returncode == 0

    def wait_for(self, predicate, what: str, timeout: float = 10.0) -> str:
        deadline = time.monotonic() + timeout
        text = ""
        while time.monotonic() < deadline:
            text = self.text()
            if predicate(text):
                return text
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}; the pane shows:\n{text}")

    def wait_for_text(self, needle: str, timeout: float = 10.0) -> str:
        return self.wait_for(lambda t: needle in t, repr(needle), timeout)

    def kill(self) -> None:
        self.run("kill-server", check=False)

"""The headless scheduler (`python -m tui.cli.headless.main`) as a real process: start it
on a private home, read its lines with a timeout, stop it."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ALWAYS = 'work_hours: "00:00-00:00"\nwork_days: [mon, tue, wed, thu, fri, sat, sun]\n'


def spawn(home: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "config" / "settings.yaml").write_text(ALWAYS)
    base = {k: v for k, v in os.environ.items() if k not in ("DBUS_SESSION_BUS_ADDRESS", "DISPLAY")}
    base.update({"LUMBAR_CONFIG_DIR": str(home / "config"), "LUMBAR_DATA_DIR": str(home / "data"),
                 "LUMBAR_CACHE_DIR": str(home / "cache"),
                 # no system bus either: logind is quietly absent
                 "DBUS_SYSTEM_BUS_ADDRESS": f"unix:path={home}/no-such-bus"})
    base.update(env or {})
    return subprocess.Popen([sys.executable, "-m", "tui.cli.headless.main", *args], cwd=ROOT, env=base,
                            text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


_LINES: dict[int, "queue.Queue[str | None]"] = {}


def _lines(proc: subprocess.Popen[str]) -> "queue.Queue[str | None]":
    """The process's stdout lines, read on a thread, so waiting for one can time out."""
    if proc.pid not in _LINES:
        assert proc.stdout is not None
        lines: queue.Queue[str | None] = queue.Queue()

        def pump(stream=proc.stdout) -> None:
            for line in stream:
                lines.put(line.rstrip("\n"))
            lines.put(None)

        threading.Thread(target=pump, daemon=True).start()
        _LINES[proc.pid] = lines
    return _LINES[proc.pid]


def read_until(proc: subprocess.Popen[str], want: str, count: int = 1, timeout: float = 20) -> list[str]:
    """Lines of stdout until `want` was seen `count` times; fails after `timeout` seconds."""
    source = _lines(proc)
    lines: list[str] = []
    end = time.monotonic() + timeout
    while sum(want in line for line in lines) < count:
        try:
            line = source.get(timeout=max(0.0, end - time.monotonic()))
        except queue.Empty:
            raise AssertionError(f"no {want!r} within {timeout} s; lines: {lines}") from None
        assert line is not None, f"stdout closed; stderr: {proc.stderr.read() if proc.stderr else ''}"
        lines.append(line)
    return lines


def stop(proc: subprocess.Popen[str]) -> None:
    """SIGTERM, which must end it cleanly (exit 0); killed in any case."""
    proc.send_signal(signal.SIGTERM)
    try:
        assert proc.wait(10) == 0
    finally:
        proc.kill()
        proc.wait(10)

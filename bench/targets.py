"""What the bench runs: the commands for lumbar and the two references, and where they live.

lumbar and the bare Textual app run under the project's venv (same Python, same Textual);
termdown lives in bench/.venv so it never touches the project's dependencies.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
ROUTINES = BENCH / "routines"
RESULTS = BENCH / "results"
PYTHON = sys.executable
"""The interpreter running the bench: the project's venv under `make bench`."""
LUMBAR = str(Path(PYTHON).with_name("lumbar"))
TERMDOWN = str(BENCH / ".venv" / "bin" / "termdown")

#: A private config and data dir, so no run reads or changes the user's settings.
HOME = Path(tempfile.mkdtemp(prefix="lumbar-bench-"))
atexit.register(shutil.rmtree, HOME, ignore_errors=True)
LUMBAR_ENV = {"LUMBAR_CONFIG_DIR": str(HOME / "config"), "LUMBAR_DATA_DIR": str(HOME / "data"),
              "LUMBAR_CACHE_DIR": str(HOME / "cache")}


def red_flags_answered(env: dict[str, str]) -> None:
    """Record the red-flag check as answered in `env`'s data dir (`lumbar red-flags --none`),
    so a first start opens on what is measured rather than on the check."""
    import subprocess

    subprocess.run([PYTHON, "-m", "tui", "red-flags", "--none"], env={**os.environ, **env},
                   cwd=ROOT, check=True, capture_output=True, timeout=60)


def routines_read(env: dict[str, str]) -> None:
    """Read every routine the bench starts once (`lumbar --sessions bench/routines list`),
    so each scenario starts from the routine cache as a user's lumbar does, whichever runs
    first. Without it the first scenario with --sessions parsed YAML (PyYAML and the loader
    imported, ~1 MiB more RSS for its whole window) and the RSS row depended on the order."""
    import subprocess

    subprocess.run([PYTHON, "-m", "tui", *sessions("list")], env={**os.environ, **env},
                   cwd=ROOT, check=True, capture_output=True, timeout=60)


@dataclass(frozen=True)
class Target:
    """A program to start in tmux and the text that proves its first frame is up."""

    label: str
    argv: list[str]
    marker: str
    env: dict[str, str] = field(default_factory=dict)


def have_termdown() -> bool:
    return os.access(TERMDOWN, os.X_OK)


def lumbar(*args: str, counted: bool = False, env: dict[str, str] | None = None) -> list[str]:
    """argv for lumbar; ``counted`` runs it through bench.probe to count heartbeats."""
    head = [PYTHON, "-m", "bench.probe"] if counted else [LUMBAR]
    return head + list(args)


def bare(mode: str) -> list[str]:
    return [PYTHON, str(BENCH / "bare_app.py"), mode]


def sessions(*args: str) -> list[str]:
    """Arguments that also load the bench routines."""
    return ["--sessions", str(ROUTINES), *args]


HOME_MARKER = "pick a routine"
BARE_MARKER = "bare textual reference"
TERMDOWN_MARKER = "88"
"""Every digit termdown draws in its big font contains '88'."""


def first_frame_targets() -> dict[str, Target]:
    targets = {
        "lumbar_home": Target("lumbar (home)", lumbar(), HOME_MARKER, LUMBAR_ENV),
        # The session screen's status line, never on the home screen behind it.
        "lumbar_run": Target("lumbar run desk-break", lumbar("run", "desk-break"),
                             "Desk break  ·  exercise", LUMBAR_ENV),
        "bare": Target("bare Textual app", bare("idle"), BARE_MARKER),
    }
    if have_termdown():
        targets["termdown"] = Target("termdown 10m", [TERMDOWN, "10m"], TERMDOWN_MARKER)
    return targets


"""`lumbar notify-test`: one notice through every channel, one line per channel."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from typing import Mapping, TextIO

from tui.services.notify.notice import Notice, Outcome
from tui.services.notify.notifier import Notifier, default_channels
from tui.services.notify.terminal import Write

TEST_NOTICE = Notice("lumbar", "Test notification: if you can read this, it works.")


def tmux_passthrough(env: Mapping[str, str]) -> str | None:
    """tmux's allow-passthrough option ("on", "off", "all"), or None outside tmux or
    when tmux cannot say (tmux before 3.3 has no such option and passes everything)."""
    if not env.get("TMUX"):
        return None
    try:
        result = subprocess.run(["tmux", "show-options", "-gv", "allow-passthrough"],
                                capture_output=True, text=True, timeout=2, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    return result.stdout.strip() or None


def notify_test(out: TextIO | None = None, write: Write | None = None,
                env: Mapping[str, str] | None = None, timeout: float = 2.0) -> int:
    """Send TEST_NOTICE through each channel and print what each did.

    Returns 0 when at least the bell worked, else 1.
    """
    out = sys.stdout if out is None else out
    env = os.environ if env is None else env
    channels = default_channels(write, env=env, desktop_timeout=timeout)
    outcomes: dict[str, Outcome] = {}
    all_in = threading.Event()

    def heard(outcome: Outcome) -> None:
        outcomes[outcome.channel] = outcome
        if len(outcomes) == len(channels):
            all_in.set()

    notifier = Notifier(channels)
    try:
        notifier.send(TEST_NOTICE, heard)
        all_in.wait(timeout + 1.0)
    finally:
        notifier.close()
    dropped = tmux_passthrough(env) == "off"
    for channel in channels:
        outcome = outcomes.get(channel.name)
        line = outcome.line() if outcome else f"{channel.label}: failed (no answer)"
        if dropped and channel.name == "terminal" and outcome is not None and outcome.ok:
            # Written, but this tmux throws it away: say that instead of "worked".
            line = (f"{channel.label}: sent, but tmux drops it while allow-passthrough is off "
                    "(`tmux set -g allow-passthrough on`)")
        out.write(line + "\n")
    bell = outcomes.get("bell")
    return 0 if bell is not None and bell.ok else 1

"""A command whose output cannot be written (a full disk) says so in one line, exit 1."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("command", [["list"], ["show", "desk-break"], ["schema"],
                                     ["export", "--format", "csv"], ["report"]])
def test_a_full_disk_is_one_line_not_a_traceback(command):
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "tui", *command], cwd=ROOT, stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=60)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert done.stderr.strip().splitlines()[-1] == "lumbar: cannot write: No space left on device"

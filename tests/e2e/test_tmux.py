"""End to end: the real app in a real terminal (tmux), and the `check` command as a subprocess.

The app runs on its real clock here; polling the pane for what it shows is only waiting for the
UI, it does not drive the app's time.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import time

import pytest

from tests.e2e.tmux import ROOT, TMUX, Pane

@pytest.mark.skipif(TMUX is None, reason="tmux is not installed")
def test_desk_break_in_a_real_terminal(tmp_path, shipped):
    pane = Pane(TMUX)
    env = {
        "LUMBAR_CONFIG_DIR": str(tmp_path / "config"),
        "LUMBAR_DATA_DIR": str(tmp_path / "data"),
        "LUMBAR_CACHE_DIR": str(tmp_path / "cache"),
        "PYTHONPATH": str(ROOT),
    }
    assignments = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    command = f"cd {shlex.quote(str(ROOT))} && env {assignments} {shlex.quote(sys.executable)} -m tui run desk-break"
    try:
        pane.start(command)
        screen = pane.wait_for_text("Desk break")
        # The big block digits of the countdown are drawn.
        screen = pane.wait_for(lambda t: sum("█" in line for line in t.splitlines()) >= 5, "big digits")
        assert "exercise 1 of" in screen

        pane.send("space")
        pane.wait_for_text("PAUSED")

        pane.send("n")
        screen = pane.wait_for_text("Next: Standing thigh stretch")
        assert "Standing back bend" in screen
        assert not re.search(r"^\s*Get ready\s*$", screen, re.MULTILINE)

        pane.send("q")
        # The question box; its text is not waited for because the confirm modal currently draws
        # it at width 0 (see test_the_leave_question_is_readable in tests/app/test_session_screen.py).
        pane.wait_for(lambda t: "routine?" in t or "╭" in t, "the leave question")
        pane.send("y")
        # Leaving keeps history: the after-routine check-in comes first, and can be skipped.
        pane.wait_for_text("How is your back")
        pane.send("Escape")
        screen = pane.wait_for(lambda t: "pick a routine" in t and "How is your back" not in t,
                               "the routine list without the check-in")
        assert "Desk break" in screen and next(iter(shipped.values())).name in screen

        pane.send("q")
        deadline = time.monotonic() + 10
        while pane.alive() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not pane.alive(), f"lumbar did not exit; the pane shows:\n{pane.text()}"
    finally:
        pane.kill()


def test_check_reports_file_line_column_and_exits_2(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "lumbar: 1\n"
        "name: Broken\n"
        "exercises:\n"
        "  - name: Plank\n"
        "    position: on-front\n"
        "    hold: 10 parsecs\n",
        encoding="utf-8",
    )
    env = {**os.environ, "LUMBAR_CONFIG_DIR": str(tmp_path / "config"),
           "LUMBAR_DATA_DIR": str(tmp_path / "data"), "LUMBAR_CACHE_DIR": str(tmp_path / "cache")}
    result = subprocess.run([sys.executable, "-m", "tui", "check", str(broken)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=30)
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "Traceback" not in output
    assert f"{broken}:6:11: exercise 1 (exercises[0].hold): " in result.stderr
    assert re.search(rf"^{re.escape(str(broken))}:\d+:\d+: ", result.stderr, re.MULTILINE)


def test_check_reports_broken_yaml_syntax_without_a_traceback(tmp_path):
    broken = tmp_path / "syntax.yaml"
    broken.write_text("lumbar: 1\nname: [unclosed\n", encoding="utf-8")
    env = {**os.environ, "LUMBAR_CONFIG_DIR": str(tmp_path / "config"),
           "LUMBAR_DATA_DIR": str(tmp_path / "data"), "LUMBAR_CACHE_DIR": str(tmp_path / "cache")}
    result = subprocess.run([sys.executable, "-m", "tui", "check", str(broken)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert "Traceback" not in result.stdout + result.stderr
    assert re.search(rf"^{re.escape(str(broken))}:\d+:\d+: invalid YAML", result.stderr, re.MULTILINE)

"""End to end: signals and job control on the real app in a real terminal (tmux).

Each test runs lumbar from an interactive bash in the pane, as a person would, with a
private temporary folder and a stand-in sound player, so the pip's WAV file is made and
its removal can be checked. Polling the pane is only waiting for the UI; the app's time
runs on its own clock.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
import time

import pytest

from .shell import PROMPT, Shell, wait_until
from .tmux import ROOT, TMUX

pytestmark = pytest.mark.skipif(TMUX is None or not hasattr(signal, "SIGTSTP"),
                                reason="needs tmux and Unix job control")

@pytest.fixture
def shell(tmp_path):
    pane = Shell(tmp_path)
    try:
        pane.open()
        yield pane
    finally:
        pane.kill()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT], ids=["TERM", "HUP", "INT"])
def test_an_ending_signal_restores_the_terminal_and_removes_the_pip(shell, signum):
    pid = shell.lumbar("run desk-break")
    assert shell.modes() == "1 0 1"  # the app's own modes, to be undone
    wait_until(lambda: shell.pips(), "the first countdown pip")  # the 5 s get-ready ends
    os.kill(pid, signum)
    screen = shell.wait_for_text(f"EXIT={128 + signum}")
    assert screen.rstrip().endswith(PROMPT.rstrip())
    assert shell.modes() == "0 1 0"  # main screen, cursor shown, no mouse reporting
    assert shell.pips() == []
    # Typing reaches the shell and echoes: the terminal is out of raw mode.
    shell.type("echo typed-$((6*7))")
    shell.wait_for_text("typed-42")


def test_ctrl_z_returns_to_the_shell_and_fg_brings_back_the_paused_workout(shell):
    shell.lumbar("run desk-break")
    shell.send("C-z")
    screen = shell.wait_for_text("Stopped")
    assert screen.rstrip().endswith(PROMPT.rstrip())
    assert "lumbar is stopped (the routine is paused); type fg to go back to it." in " ".join(screen.split())
    assert shell.modes() == "0 1 0"
    shell.type("fg")
    screen = shell.wait_for_text("Paused while lumbar was stopped")
    # The notice sits over the header for a few seconds; the header says PAUSED under it.
    shell.wait_for_text("PAUSED", timeout=15)
    # Everything is drawn again, not only what changed: the title, the time, the key bar.
    assert "Desk break" in screen and "Quit" in screen
    assert sum("█" in line for line in screen.splitlines()) >= 5
    assert shell.modes() == "1 0 1"
    shell.send("space")
    shell.wait_for(lambda t: "PAUSED" not in t, "the routine to resume")


def test_stop_and_continue_from_outside_repaints_and_pauses(shell):
    pid = shell.lumbar("run desk-break")
    assert "Next: Standing back bend" in shell.text()
    os.kill(pid, signal.SIGSTOP)
    shell.wait_for_text("Stopped")  # bash takes the terminal back and prints over the workout
    # Longer than the 5 s get-ready: had the stopped time counted, step 2 would show.
    time.sleep(5.5)
    shell.type("fg")
    screen = shell.wait_for_text("Paused while lumbar was stopped")
    assert "Stopped" not in screen and PROMPT.rstrip() not in screen
    assert "Next: Standing back bend" in screen
    shell.wait_for_text("PAUSED", timeout=15)  # in the header, once the notice has gone
    assert "Quit" in screen and sum("█" in line for line in screen.splitlines()) >= 5


def test_kill_of_a_suspended_lumbar_ends_it_and_removes_the_pip(shell):
    shell.lumbar("run desk-break")
    wait_until(lambda: shell.pips(), "the first countdown pip")
    shell.send("C-z")
    shell.wait_for(lambda t: "Stopped" in t and t.rstrip().endswith(PROMPT.rstrip()), "the prompt")
    # bash sends SIGTERM, then SIGCONT: lumbar continues in the background and must end
    # there rather than try to take the terminal back (which would stop it again).
    shell.type("kill %1")
    shell.type("sleep 1; jobs -l; echo jobs-$((40+2))")
    screen = shell.wait_for_text("jobs-42")
    assert "Exit 143" in screen or "Terminated" in screen
    assert shell.pips() == []
    assert shell.modes() == "0 1 0"


def test_bg_then_fg_brings_back_a_working_workout(shell):
    shell.lumbar("run desk-break")
    shell.send("C-z")
    shell.wait_for(lambda t: "Stopped" in t and t.rstrip().endswith(PROMPT.rstrip()), "the prompt")
    # In the background lumbar cannot have the terminal: it stops again until fg.
    shell.type("bg")
    shell.wait_for_text("&")
    shell.type("fg")
    screen = shell.wait_for_text("Paused while lumbar was stopped")
    assert "Desk break" in screen and "Quit" in screen
    shell.send("n")
    shell.wait_for_text("Next: Standing thigh stretch")


def test_closing_the_terminal_ends_lumbar_and_removes_the_pip(tmp_path):
    """A real hangup: the pane is closed, its terminal is gone, and lumbar must still end."""
    _close_the_terminal(tmp_path, f"exec {LUMBAR_RUN}", lumbar_leads=True)


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_closing_the_terminal_ends_lumbar_under_make(tmp_path):
    """`make run`: make leads the terminal's session, and the kernel sends a hangup's SIGHUP
    to the leader only, which make does not pass on. lumbar must notice the closed terminal
    itself: it stayed alive, spinning on the ended terminal at most of a core."""
    makefile = tmp_path / "Makefile"
    makefile.write_text(f"run:\n\t{LUMBAR_RUN}\n", encoding="utf-8")
    _close_the_terminal(tmp_path, f"exec make -s -f {shlex.quote(str(makefile))} run", lumbar_leads=False)


LUMBAR_RUN = f"{shlex.quote(sys.executable)} -m tui run desk-break"


def _close_the_terminal(tmp_path, command: str, lumbar_leads: bool) -> None:
    """Run `command` (sh) as the pane's process, close the pane mid-routine, and wait for
    lumbar to end with its pip file removed. lumbar_leads: lumbar is the pane's process
    itself, not a child of it."""
    pane = Shell(tmp_path)
    assignments = " ".join(f"{k}={shlex.quote(v)}" for k, v in pane.env.items())
    pid = None
    try:
        pane.start(f"cd {shlex.quote(str(ROOT))} && exec env -i {assignments} sh -c "
                   + shlex.quote(command))
        pane.wait_for(lambda t: sum("█" in line for line in t.splitlines()) >= 5, "the workout")
        leader = pane.run("display", "-p", "-t", pane.name, "#{pane_pid}").stdout.strip()
        if lumbar_leads:
            pid = int(leader)
        else:
            found = subprocess.run(["pgrep", "-P", leader], capture_output=True, text=True)
            pid = int(found.stdout.split()[0])
        wait_until(lambda: pane.pips(), "the first countdown pip")
        pane.run("kill-session", "-t", pane.name)

        def gone() -> bool:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return True
            return False

        wait_until(gone, "lumbar to end after its terminal closed")
        assert pane.pips() == []
    finally:
        pane.kill()
        if pid is not None:  # a lumbar left behind would spin on for good
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

"""`lumbar notify-test`: one line per channel, exit 0 when the bell worked."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys

from tui.services.notify.check import notify_test

ESC = "\x1b"


def test_with_a_notification_server_every_channel_works(fake_server) -> None:
    recorder = fake_server()
    out, terminal = io.StringIO(), []
    code = notify_test(out=out, write=terminal.append, env={"TERM": "xterm-kitty"}, timeout=2)
    assert code == 0
    assert out.getvalue().splitlines() == [
        "desktop notification: worked",
        "terminal notification (OSC 99): worked (sent for kitty)",
        "bell: worked",
    ]
    assert [c.summary for c in recorder.calls] == ["lumbar"]
    assert terminal[0].startswith(f"{ESC}]99;") and terminal[1] == "\x07"


def test_with_no_bus_the_desktop_fails_in_one_line_and_the_bell_still_rings(no_bus) -> None:
    out, terminal = io.StringIO(), []
    code = notify_test(out=out, write=terminal.append, env={}, timeout=2)
    lines = out.getvalue().splitlines()
    assert code == 0
    assert lines[0] == "desktop notification: failed (no D-Bus session bus: $DBUS_SESSION_BUS_ADDRESS is not set)"
    assert lines[2] == "bell: worked"
    assert len(lines) == 3


def run_cli(env: dict[str, str], *, tty: bool) -> tuple[int, str, bytes]:
    """Run `python -m tui notify-test`, its standard error on a pty when `tty`."""
    if not tty:
        result = subprocess.run([sys.executable, "-m", "tui", "notify-test"], env=env,
                                capture_output=True, text=True, timeout=60, check=False)
        return result.returncode, result.stdout, result.stderr.encode()
    main, child = pty.openpty()
    try:
        proc = subprocess.Popen([sys.executable, "-m", "tui", "notify-test"], env=env,
                                stdout=subprocess.PIPE, stderr=child, text=True)
        os.close(child)
        stdout, _ = proc.communicate(timeout=60)
        seen = b""
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:  # the pty is closed once the child has gone
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(main)
    return proc.returncode, stdout, seen


def cli_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "TMUX", "TERM_PROGRAM")}
    env.update(TERM="xterm-256color", **extra)
    return env


def test_the_command_on_a_terminal_with_no_bus() -> None:
    code, stdout, seen = run_cli(cli_env(), tty=True)
    assert code == 0
    assert stdout.splitlines()[1:] == [
        "terminal notification (OSC 9): worked (sent; shown only if this terminal reads OSC 9)",
        "bell: worked",
    ]
    assert stdout.splitlines()[0].startswith("desktop notification: failed (no D-Bus session bus")
    assert seen == (f"{ESC}]9;lumbar: Test notification: if you can read this, it works.{ESC}\\"
                    "\x07").encode()


def test_the_command_without_a_terminal_says_so_and_exits_1() -> None:
    code, stdout, stderr = run_cli(cli_env(), tty=False)
    assert code == 1
    assert stdout.splitlines()[2] == "bell: failed (standard error is not a terminal)"
    assert stderr == b""  # no traceback, no escape codes in a log


def test_inside_a_tmux_that_drops_passthrough_the_terminal_line_says_so(no_bus, monkeypatch) -> None:
    # One line per channel, and no "worked" for a notification tmux throws away.
    import tui.services.notify.check as check

    monkeypatch.setattr(check, "tmux_passthrough", lambda env: "off")
    out, terminal = io.StringIO(), []
    notify_test(out=out, write=terminal.append, env={"TMUX": "/tmp/tmux-0/default,1,0"}, timeout=2)
    lines = out.getvalue().splitlines()
    assert len(lines) == 3
    assert "worked" not in lines[1] and "allow-passthrough" in lines[1]

"""End to end: keypad keys and a Cyrillic layout, as the bytes a terminal sends, in tmux."""

from __future__ import annotations

import shlex
import sys

import pytest

from .tmux import ROOT, TMUX, Pane

pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed")

#: What a terminal with the kitty keyboard protocol sends for keypad + and -.
KITTY_ADD, KITTY_SUBTRACT = "\x1b[57413u", "\x1b[57412u"


def send_bytes(pane: Pane, text: str) -> None:
    pane.run("send-keys", "-t", pane.name, "-H", *(f"{b:02x}" for b in text.encode()))


@pytest.fixture
def workout(tmp_path):
    pane = Pane(TMUX)
    env = {"LUMBAR_CONFIG_DIR": tmp_path / "config", "LUMBAR_DATA_DIR": tmp_path / "data",
           "LUMBAR_CACHE_DIR": tmp_path / "cache", "PYTHONPATH": ROOT, "PATH": "/usr/bin:/bin"}
    assignments = " ".join(f"{k}={shlex.quote(str(v))}" for k, v in env.items())
    try:
        pane.start(f"cd {shlex.quote(str(ROOT))} && env {assignments} {shlex.quote(sys.executable)} -m tui run desk-break")
        pane.wait_for(lambda t: "Next: Standing back bend" in t and sum("█" in line for line in t.splitlines()) >= 5, "the workout")
        yield pane
    finally:
        pane.kill()


def big_digits(text: str) -> list[str]:
    return [line for line in text.splitlines() if "█" in line]


def test_keypad_keys_in_tmux_and_kitty_protocol(workout):
    workout.send("KP0")  # pause
    paused = workout.wait_for_text("PAUSED")
    send_bytes(workout, KITTY_ADD)
    longer = workout.wait_for(lambda t: big_digits(t) != big_digits(paused), "10 s more")
    send_bytes(workout, KITTY_SUBTRACT)
    workout.wait_for(lambda t: big_digits(t) == big_digits(paused), "10 s less again")
    workout.send("KP+")
    workout.wait_for(lambda t: big_digits(t) == big_digits(longer), "10 s more from tmux's keypad")
    workout.send("KP6")
    workout.wait_for_text("Next: Standing thigh stretch")
    workout.send("KP4")
    workout.wait_for_text("Next: Standing back bend")


def test_a_cyrillic_layout_moves_on_with_the_n_key(workout):
    workout.run("send-keys", "-t", workout.name, "-l", "т")
    workout.wait_for_text("Next: Standing thigh stretch")
    workout.run("send-keys", "-t", workout.name, "-l", "й")  # q: leave, asks first
    workout.wait_for(lambda t: "routine?" in t or "╭" in t, "the leave question")
    workout.run("send-keys", "-t", workout.name, "-l", "н")  # y
    # Leaving asks how the back is, and starting asks first: skip both with the layout's s.
    workout.wait_for_text("How is your back")
    workout.run("send-keys", "-t", workout.name, "-l", "ы")  # s: skip
    workout.wait_for(lambda t: "pick a routine" in t and "How is your back" not in t, "the list")
    workout.send("KPEnter")  # arrives as ctrl+j inside tmux
    workout.wait_for_text("How is your back")
    workout.send("Escape")
    workout.wait_for_text("exercise 1 of")  # the first routine of the list

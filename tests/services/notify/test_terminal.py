"""Terminal channels: the exact bytes of each OSC flavour, inside and outside tmux."""

from __future__ import annotations

import io

import pytest

from tui.services.notify import BellChannel, Notice, Outcome, TerminalChannel
from tui.services.notify.terminal import detect_flavour, tmux_wrap

ESC, ST, BEL = "\x1b", "\x1b\\", "\x07"
NOTICE = Notice("Ice off", "Take the pack off now.", "critical")
PLAIN = {"TERM": "xterm-256color"}
TMUX = {"TERM": "tmux-256color", "TERM_PROGRAM": "tmux", "TMUX": "/tmp/tmux-0/default,1,0"}


def written(channel_type, *args, env=None, notice=NOTICE) -> tuple[str, Outcome]:
    out: list[str] = []
    heard: list[Outcome] = []
    extra = {} if channel_type is BellChannel else {"env": env}
    channel = channel_type(*args, write=out.append, **extra)
    channel.send(notice, heard.append)
    [outcome] = heard
    return "".join(out), outcome


@pytest.mark.parametrize(("flavour", "expected"), [
    ("osc9", f"{ESC}]9;Ice off: Take the pack off now.{ST}"),
    ("osc777", f"{ESC}]777;notify;Ice off;Take the pack off now.{ST}"),
    ("osc99", f"{ESC}]99;i=lumbar:d=0:u=2;Ice off{ST}{ESC}]99;i=lumbar:d=1:p=body;Take the pack off now.{ST}"),
])
def test_each_flavour_outside_tmux(flavour: str, expected: str) -> None:
    text, outcome = written(TerminalChannel, flavour, env=PLAIN)
    assert text == expected
    assert outcome.ok


@pytest.mark.parametrize(("flavour", "expected"), [
    ("osc9", f"{ESC}Ptmux;{ESC}{ESC}]9;Ice off: Take the pack off now.{ESC}{ESC}\\{ST}"),
    ("osc777", f"{ESC}Ptmux;{ESC}{ESC}]777;notify;Ice off;Take the pack off now.{ESC}{ESC}\\{ST}"),
    ("osc99", f"{ESC}Ptmux;{ESC}{ESC}]99;i=lumbar:d=0:u=2;Ice off{ESC}{ESC}\\"
              f"{ESC}{ESC}]99;i=lumbar:d=1:p=body;Take the pack off now.{ESC}{ESC}\\{ST}"),
])
def test_each_flavour_inside_tmux_is_wrapped_with_doubled_escapes(flavour: str, expected: str) -> None:
    text, outcome = written(TerminalChannel, flavour, env=TMUX)
    assert text == expected
    assert outcome.ok and "tmux passthrough" in outcome.detail


def test_normal_urgency_and_no_body() -> None:
    text, _ = written(TerminalChannel, "osc99", env=PLAIN, notice=Notice("Break"))
    assert text == f"{ESC}]99;i=lumbar:u=1;Break{ST}"
    text, _ = written(TerminalChannel, "osc9", env=PLAIN, notice=Notice("Break"))
    assert text == f"{ESC}]9;Break{ST}"


def test_control_characters_cannot_end_the_sequence_early() -> None:
    sneaky = Notice("a\x1b\\b;c", "d\x07e\x9cf\nnext")
    text, _ = written(TerminalChannel, "osc777", env=PLAIN, notice=sneaky)
    assert text == f"{ESC}]777;notify;a \\b,c;d e f next{ST}"  # a lone backslash is harmless
    assert tmux_wrap(f"{ESC}]9;x{ST}").count(ESC) == 2 * 2 + 2


@pytest.mark.parametrize(("env", "flavour"), [
    ({"TERM": "xterm-kitty"}, "osc99"),
    ({"TERM": "tmux-256color", "TERM_PROGRAM": "tmux", "KITTY_WINDOW_ID": "1"}, "osc99"),
    ({"TERM_PROGRAM": "ghostty", "TERM": "xterm-ghostty"}, "osc777"),
    ({"TERM": "foot"}, "osc777"),
    ({"TERM": "rxvt-unicode-256color"}, "osc777"),
    ({"TERM_PROGRAM": "iTerm.app"}, "osc9"),
    ({"TERM_PROGRAM": "WezTerm"}, "osc9"),
    ({"WT_SESSION": "abc"}, "osc9"),
    ({"TERM": "xterm-256color"}, "osc9"),
    ({}, "osc9"),
])
def test_auto_picks_one_flavour_from_the_environment(env: dict[str, str], flavour: str) -> None:
    assert detect_flavour(env)[0] == flavour
    assert TerminalChannel("auto", write=lambda s: None, env=env).flavour == flavour


def test_an_unknown_flavour_is_refused() -> None:
    with pytest.raises(ValueError, match="osc9"):
        TerminalChannel("osc8", write=lambda s: None, env=PLAIN)


def test_bell_is_one_bel_even_inside_tmux(monkeypatch) -> None:
    monkeypatch.setenv("TMUX", TMUX["TMUX"])
    text, outcome = written(BellChannel)
    assert (text, outcome.ok, outcome.line()) == (BEL, True, "bell: worked")


def test_a_failing_write_is_a_soft_failure() -> None:
    def broken(text: str) -> None:
        raise BrokenPipeError(32, "Broken pipe")

    heard: list[Outcome] = []
    TerminalChannel("osc9", write=broken, env=PLAIN).send(NOTICE, heard.append)
    BellChannel(write=broken).send(NOTICE, heard.append)
    assert [(o.channel, o.ok) for o in heard] == [("terminal", False), ("bell", False)]
    assert heard[1].line() == "bell: failed (cannot write to the terminal: [Errno 32] Broken pipe)"


def test_standard_error_that_is_not_a_terminal_gets_no_escape_codes(monkeypatch) -> None:
    log = io.StringIO()
    monkeypatch.setattr("sys.stderr", log)
    heard: list[Outcome] = []
    TerminalChannel("osc9", env=PLAIN).send(NOTICE, heard.append)
    BellChannel().send(NOTICE, heard.append)
    assert log.getvalue() == ""
    assert [o.line() for o in heard] == [
        "terminal notification (OSC 9): failed (standard error is not a terminal)",
        "bell: failed (standard error is not a terminal)",
    ]

"""Terminal channels: OSC 9 / 777 / 99 notifications and the bell, as escape sequences.

The encoders are pure functions of the notice (exact bytes are tested); the channels
only hand the result to a `write(str)` callable, so a full-screen app can route it
through its own output instead of racing it on the same file.
"""

from __future__ import annotations

import os
import re
import sys
from typing import Callable, Literal, Mapping

from tui.services.notify.notice import Notice, Report, Outcome

Flavour = Literal["osc9", "osc777", "osc99"]
Write = Callable[[str], None]

ESC = "\x1b"
ST = ESC + "\\"  # String Terminator; BEL would also end an OSC but rings where it is not parsed.
BEL = "\x07"

# C0 and C1 controls and DEL: any of them inside the payload could end the sequence
# early or start a new one.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")

FLAVOUR_NAMES: dict[str, str] = {"osc9": "OSC 9", "osc777": "OSC 777", "osc99": "OSC 99"}


def _clean(text: str) -> str:
    return _CONTROLS.sub(" ", text).strip()


def osc9(notice: Notice) -> str:
    """iTerm2's `OSC 9 ; text ST`: one line of text, so title and body are joined."""
    title, body = _clean(notice.title), _clean(notice.full_body)
    return f"{ESC}]9;{title}: {body}{ST}" if body else f"{ESC}]9;{title}{ST}"


def osc777(notice: Notice) -> str:
    """rxvt's `OSC 777 ; notify ; title ; body ST`. The title may not hold a `;`."""
    title = _clean(notice.title).replace(";", ",")
    return f"{ESC}]777;notify;{title};{_clean(notice.full_body)}{ST}"


def osc99(notice: Notice) -> str:
    """kitty's `OSC 99`: title then body as two chunks of one notification.

    `i=lumbar` makes a repeated alarm replace the previous one instead of stacking;
    `u` is kitty's urgency (1 normal, 2 critical); `d=0` means more chunks follow.
    """
    urgency = 2 if notice.urgency == "critical" else 1
    title, body = _clean(notice.title), _clean(notice.full_body)
    if not body:
        return f"{ESC}]99;i=lumbar:u={urgency};{title}{ST}"
    return (f"{ESC}]99;i=lumbar:d=0:u={urgency};{title}{ST}"
            f"{ESC}]99;i=lumbar:d=1:p=body;{body}{ST}")


ENCODERS: dict[str, Callable[[Notice], str]] = {"osc9": osc9, "osc777": osc777, "osc99": osc99}


def tmux_wrap(sequence: str) -> str:
    """Wrap for tmux's DCS passthrough: `ESC P tmux; ... ESC \\` with every ESC doubled.

    tmux 3.3 and later pass it on only with `set -g allow-passthrough on`.
    """
    return f"{ESC}Ptmux;{sequence.replace(ESC, ESC + ESC)}{ST}"


def in_tmux(env: Mapping[str, str]) -> bool:
    return bool(env.get("TMUX"))


def detect_flavour(env: Mapping[str, str]) -> tuple[Flavour, str | None]:
    """The OSC flavour this terminal is known to show, and the terminal's name (None
    when it is not recognised).

    Terminal-specific variables come first because they survive into tmux, where
    $TERM_PROGRAM says "tmux". Unknown terminals get OSC 9, the most widely read one;
    a terminal that does not know it ignores it.
    """
    term_program = env.get("TERM_PROGRAM", "")
    term = env.get("TERM", "")
    if env.get("KITTY_WINDOW_ID") or term == "xterm-kitty":
        return "osc99", "kitty"
    if env.get("GHOSTTY_RESOURCES_DIR") or term_program == "ghostty" or term == "xterm-ghostty":
        return "osc777", "Ghostty"
    if term.startswith("foot"):
        return "osc777", "foot"
    if term.startswith("rxvt"):
        return "osc777", "rxvt (with its notify extension)"
    if env.get("ITERM_SESSION_ID") or term_program == "iTerm.app":
        return "osc9", "iTerm2"
    if env.get("WEZTERM_PANE") or term_program == "WezTerm":
        return "osc9", "WezTerm"
    if env.get("WT_SESSION"):
        return "osc9", "Windows Terminal"
    return "osc9", None


def stderr_writer() -> Write | None:
    """Write to standard error when it is a terminal, else None (a log file must not
    collect escape sequences)."""
    stream = sys.stderr
    try:
        if stream is None or not stream.isatty():
            return None
    except (ValueError, OSError):  # closed or detached
        return None

    def write(text: str) -> None:
        stream.write(text)
        stream.flush()

    return write


class _WriteChannel:
    name = ""
    label = ""

    def __init__(self, write: Write | None) -> None:
        self._write = write

    def _emit(self, text: str, report: Report, detail: str = "") -> None:
        if self._write is None:
            report(Outcome(self.name, self.label, False, "standard error is not a terminal"))
            return
        try:
            self._write(text)
        except (OSError, ValueError) as exc:  # closed stream, broken pipe, full disk
            report(Outcome(self.name, self.label, False, f"cannot write to the terminal: {exc}"))
            return
        report(Outcome(self.name, self.label, True, detail))

    def close(self) -> None:
        pass


class TerminalChannel(_WriteChannel):
    """An OSC notification written to the terminal, wrapped for tmux inside tmux.

    Args:
        flavour: "auto" (from the environment, see `detect_flavour`) or one of
            "osc9", "osc777", "osc99".
        write: where the bytes go; default standard error when it is a terminal.
        env: the environment to read ($TMUX, $TERM...); default os.environ.
    """

    name = "terminal"

    def __init__(self, flavour: str = "auto", write: Write | None = None,
                 env: Mapping[str, str] | None = None) -> None:
        super().__init__(write if write is not None else stderr_writer())
        self._env = os.environ if env is None else env
        if flavour == "auto":
            self.flavour, self.terminal = detect_flavour(self._env)
        elif flavour in ENCODERS:
            self.flavour, self.terminal = flavour, None  # type: ignore[assignment]
        else:
            raise ValueError(f"flavour must be auto, osc9, osc777 or osc99, not {flavour!r}")
        self.tmux = in_tmux(self._env)
        self.label = f"terminal notification ({FLAVOUR_NAMES[self.flavour]})"

    def encode(self, notice: Notice) -> str:
        sequence = ENCODERS[self.flavour](notice)
        return tmux_wrap(sequence) if self.tmux else sequence

    def send(self, notice: Notice, report: Report) -> None:
        # A terminal never answers an OSC notification: "worked" means the bytes left.
        via = " through tmux passthrough" if self.tmux else ""
        if self.terminal is None:
            detail = f"sent{via}; shown only if this terminal reads {FLAVOUR_NAMES[self.flavour]}"
        else:
            detail = f"sent for {self.terminal}{via}"
        self._emit(self.encode(notice), report, detail)


class BellChannel(_WriteChannel):
    """The terminal bell (BEL). Inside tmux it is left unwrapped: tmux rings it itself
    and marks the window, which is what a bell there should do."""

    name = "bell"
    label = "bell"

    def __init__(self, write: Write | None = None) -> None:
        super().__init__(write if write is not None else stderr_writer())

    def send(self, notice: Notice, report: Report) -> None:
        self._emit(BEL, report)

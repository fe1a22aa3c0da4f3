"""The command lines that open the app, read without argparse.

`lumbar`, `lumbar run NAME` and `lumbar history`, with `--sessions DIR` (repeatable) and
`--voice`, are what a person starts a routine with, and their first frame waits for the
parse: importing argparse and building the whole parser (fifteen subcommands) costs
about 10 ms of it and ~0.3 MB that the app then carries. These forms give the same
namespace argparse would (tests/cli/test_app_args.py holds them to it); anything else,
help, an error, an abbreviation, `--sessions=DIR`, goes to argparse, which stays the one
place that says what lumbar accepts.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

#: The subcommands read here: how many words each takes, and whether it has --voice.
COMMANDS = {"run": (1, True), "history": (0, False)}


def app_args(argv: list[str]) -> SimpleNamespace | None:
    """argparse's namespace for an app-opening command line, or None for any other.

    Attributes as argparse sets them: `command` (None, "run" or "history"), `name` (run's
    routine), and `sessions` (a list of Path) and `voice` (True) only when given, as
    argparse leaves out a suppressed default. Options after the command are its
    subparser's, whose values replace those given before it (as argparse's do).
    """
    sides: list[dict[str, Any]] = [{}]  # before the command; then the command's own
    words: list[str] = []
    i = 0
    while i < len(argv):
        arg, side = argv[i], sides[-1]
        if arg == "--sessions" and i + 1 < len(argv) and not argv[i + 1].startswith("-"):
            side["sessions"] = [*side.get("sessions", []), Path(argv[i + 1])]
            i += 2
            continue
        if arg == "--voice":
            side["voice"] = True
        elif arg.startswith("-") or not arg:
            return None  # --help, --version, an abbreviation, `--`, `--sessions=DIR`: argparse's
        else:
            words.append(arg)
            if len(words) == 1:
                sides.append({})
        i += 1
    out = SimpleNamespace(command=None)
    if words:
        command, rest = words[0], words[1:]
        if command not in COMMANDS:
            return None
        count, voice = COMMANDS[command]
        if len(rest) != count or ("voice" in sides[-1] and not voice):
            return None
        out.command = command
        if rest:
            out.name = rest[0]
    for side in sides:
        for key, value in side.items():
            setattr(out, key, value)
    return out

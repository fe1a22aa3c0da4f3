"""The app's own command lines, read without argparse, give argparse's own namespace; every
other line is left to argparse."""

from __future__ import annotations

import pytest

from tui.cli.app_args import app_args
from tui.cli.main import build_parser

SAME = [
    [],
    ["run", "desk-break"],
    ["run", "Desk break"],
    ["history"],
    ["--voice"],
    ["--voice", "run", "x"],
    ["run", "--voice", "x"],
    ["run", "x", "--voice"],
    ["--sessions", "a"],
    ["--sessions", "a", "--sessions", "b", "run", "x"],
    ["run", "x", "--sessions", "a"],
    ["--sessions", "a", "run", "x", "--sessions", "b"],  # the command's own replace the first
    ["--sessions", "a", "history"],
    ["history", "--sessions", "a"],
    ["--voice", "history"],
    ["--sessions", "run"],  # a folder named run
    ["run", "run"],
]

ARGPARSE = [
    ["--help"], ["-h"], ["--version"], ["run"], ["run", "a", "b"], ["history", "--voice"],
    ["list"], ["show", "x"], ["breaks"], ["--sessions"], ["--sessions=a"], ["--sess", "a"],
    ["run", "--", "-x"], ["run", "-x"], [""], ["history", "x"], ["serve"], ["unknown"],
]


@pytest.mark.parametrize("argv", SAME, ids=" ".join)
def test_the_app_lines_read_as_argparse_reads_them(argv: list[str]) -> None:
    quick = app_args(argv)
    assert quick is not None
    assert vars(quick) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize("argv", ARGPARSE, ids=" ".join)
def test_every_other_line_is_left_to_argparse(argv: list[str]) -> None:
    assert app_args(argv) is None

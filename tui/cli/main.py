"""The `lumbar` command: parse arguments, load routines, then hand over to a command or the app."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tui import __version__
from tui.cli.app_args import app_args

if TYPE_CHECKING:
    import argparse

# Only what the chosen command needs is imported, inside it: the first frame of the app
# must not wait for modules it does not use.


def build_parser() -> argparse.ArgumentParser:
    import argparse

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--sessions", metavar="DIR", type=Path, action="append",
                        default=argparse.SUPPRESS,
                        help="also load routines from DIR (repeatable; overrides same-named ones)")
    parser = argparse.ArgumentParser(
        prog="lumbar",
        description="A keyboard-driven coach for lower-back exercise routines. Not medical advice.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"lumbar {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    run = sub.add_parser("run", parents=[common], help="start a routine straight away")
    run.add_argument("name", help="routine name, as `lumbar list` shows it")
    for p in (parser, run):
        p.add_argument("--voice", action="store_true", default=argparse.SUPPRESS,
                       help="speak cues with espeak-ng or spd-say when installed")
    sub.add_parser("list", parents=[common], help="list routines, where each comes from, and how long")
    show = sub.add_parser("show", parents=[common], help="print a routine's expanded timeline")
    show.add_argument("name")
    export = sub.add_parser("export", help="write the whole history to stdout")
    export.add_argument("--format", choices=("jsonl", "csv", "json"), default="jsonl",
                        help="JSON lines (default), CSV, or one JSON array")
    report = sub.add_parser("report", parents=[common],
                            help="a report of a period to bring to a physiotherapist (Markdown or HTML)")
    report.add_argument("--since", default="2w", metavar="WHEN",
                        help="the first day: 3d, 2w, 1mo (months) back from --until's day, or a date "
                             "such as 2026-11-01 (default 2w)")
    report.add_argument("--until", metavar="DATE",
                        help="the last day, a date such as 2026-11-30 (default today)")
    report.add_argument("--format", choices=("markdown", "html"), default="markdown",
                        help="markdown (default) or html: one self-contained page to print or send")
    report.add_argument("--out", "--output", dest="out", type=Path, metavar="FILE",
                        help="write to FILE (private to you, 0600) instead of stdout")
    check = sub.add_parser("check", parents=[common],
                           help="validate routine files or folders, the plan (--plan), or the history file (--history)")
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    check.add_argument("--plan", action="store_true",
                       help="validate the plan in force (plan.yaml in the config folder)")
    check.add_argument("--history", action="store_true",
                       help="run SQLite's integrity check on history.db and say what it found")
    sub.add_parser("schema", help="print the routine format's JSON Schema")
    config = sub.add_parser("config", parents=[common], help="print the settings in force and where each came from")
    what = config.add_mutually_exclusive_group()
    what.add_argument("--init", action="store_true", help="write a commented settings.yaml (never over one)")
    what.add_argument("--schema", action="store_true", help="print the settings file's JSON Schema")
    sub.add_parser("notify-test", help="send one test notification through each channel")
    red_flags = sub.add_parser("red-flags", help="the red-flag questions as prompts on the terminal; "
                                                 "the answers go into the history")
    red_flags.add_argument("--none", action="store_true",
                           help="record no to every question now, without asking "
                                "(answered with a physiotherapist, or for a script)")
    sub.add_parser("history", parents=[common], help="open the history screen: streak, calendar, pain trend")
    for name, text in (("ice", "an ice timer: 15 minutes, a skin check halfway, an alarm, then a skin rest"),
                       ("heat", "a heat timer: 15 minutes, a skin check halfway, an alarm, then a skin rest"),
                       ("care", "ice or heat: asks which, with advice for how long ago the pain started")):
        care = sub.add_parser(name, parents=[common], help=text)
        care.add_argument("--since", metavar="WHEN",
                          help="when the pain or injury started: 36h, 2d, now, or 2026-11-29 18:00 "
                               "(starts a new episode; asked once per episode otherwise)")
        care.add_argument("--minutes", type=int, metavar="N",
                          help="this application only: N minutes (1 to 20) instead of the setting")
    breaks = sub.add_parser("breaks", parents=[common],
                            help="open lumbar with the desk-break schedule on: stand up and stretch "
                                 "every 20 minutes of work")
    breaks.add_argument("--every", metavar="DURATION",
                        help="this run only: a break every DURATION of work, such as 20 (minutes), "
                             "1m or 90s, instead of the setting")
    breaks.add_argument("--headless", action="store_true",
                        help="no screen: notifications only, until Ctrl+C or SIGTERM (a login service)")
    serve = sub.add_parser("serve", parents=[common],
                           help="run lumbar in a browser page (a phone or tablet beside the mat)")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default 127.0.0.1, this machine only; "
                            "0.0.0.0 serves every network; then the address printed carries a token "
                            "that the page needs)")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # The lines that open the app skip argparse (tui/cli/app_args.py); the rest use it.
    args = app_args(argv) or build_parser().parse_args(argv)
    folders: list[Path] = getattr(args, "sessions", [])
    try:
        if args.command == "schema":
            from tui.services.loader.schema import schema_text

            sys.stdout.write(schema_text())
            return 0
        if args.command == "export":
            from tui.cli.export import run as export

            return export(args.format)
        if args.command == "report":
            from tui.cli.report.main import run as report_history

            return report_history(args.since, args.out, folders, until_text=args.until, fmt=args.format)
        if args.command == "check":
            from tui.cli.routines import check

            if not args.paths and not args.history and not args.plan:
                print("lumbar check: name routine files or folders to check, or --plan, or --history",
                      file=sys.stderr)
                return 2
            status = check(args.paths, plan=args.plan, folders=folders) if args.paths or args.plan else 0
            if args.history:
                from tui.cli.history_check import run as check_history

                status = max(status, check_history())
            return status
        if args.command == "config":
            from tui.cli import config as config_command

            if args.schema:
                sys.stdout.write(config_command.schema_text())
                return 0
            return config_command.init() if args.init else config_command.show(folders)
        if args.command == "red-flags":
            from tui.cli.red_flags import run as red_flags

            return red_flags(args.none)
        if args.command == "notify-test":
            from tui.services.notify.check import notify_test

            return notify_test()
        if args.command == "serve":
            from tui.cli.serve.main import serve as serve_in_browser

            return serve_in_browser(args.host, args.port, folders)
        from tui.cli.routines import BAD_INPUT, find, key_for, warn
        from tui.services.catalog import load_catalog

        hooks: dict[str, object] = {}
        opens_care = None
        every = None
        if args.command == "breaks":
            from tui.services.since import parse_every

            try:
                every = parse_every(args.every) if args.every is not None else None
            except ValueError as error:
                print(f"lumbar breaks: {error}", file=sys.stderr)
                return BAD_INPUT
            if args.headless:
                return _headless(every)
        if args.command in ("ice", "heat", "care"):
            from tui.cli.routines import BAD_INPUT
            from tui.cli.launch import care_request

            try:
                opens_care = care_request(args.command, args.since, args.minutes)
            except ValueError as error:
                print(f"lumbar {args.command}: {error}", file=sys.stderr)
                return BAD_INPUT
        if args.command in (None, "run", "history", "ice", "heat", "care", "breaks"):
            from tui.cli.launch import BadEnvironment, bench_hooks

            try:  # before anything else is said or read: a one-line error, exit 2
                hooks = bench_hooks()
            except BadEnvironment as error:
                print(f"lumbar: {error}", file=sys.stderr)
                return BAD_INPUT
        catalog = load_catalog(folders)
        name = getattr(args, "name", None)
        name = None if name is None else key_for(catalog, name)  # `show DESK-BREAK` finds it
        if name is not None and name not in catalog.routines:
            find(catalog, name)  # says why: problems in it, or no such routine
            return BAD_INPUT
        # Everything that did load still works; what did not is said on stderr.
        warn(catalog)
        if args.command == "list":
            from tui.cli.routines import list_routines

            return list_routines(catalog)
        if args.command == "show":
            from tui.cli.routines import show

            assert name is not None  # `show` requires one (argparse)
            return show(catalog, name)
        from tui.cli.launch import launch

        return launch(catalog, name, voice=getattr(args, "voice", False), hooks=hooks,
                      history=args.command == "history", care=opens_care,
                      breaks=(True, every) if args.command == "breaks" else None)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `lumbar show x | head` closes the pipe early; that is not an error.
        sys.stderr.close()
        return 0
    except OSError as error:
        if not _output_failed(error):
            raise
        # `lumbar export > file` on a full disk: one line, not a traceback.
        print(f"lumbar: cannot write: {error.strerror or error}", file=sys.stderr)
        try:
            sys.stdout.close()  # drops what is left, so exit does not try it again
        except OSError:
            pass
        return 1


def _output_failed(error: OSError) -> bool:
    """Whether `error` is one writing the output meets: a full disk or quota, a file too
    large, an I/O error. (The store and the caches catch their own.)"""
    import errno

    return error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO)


def _headless(every: float | None) -> int:
    """`lumbar breaks --headless`: the schedule with notifications only (tui.cli.headless.main)."""
    from tui.cli.routines import BAD_INPUT

    try:
        from tui.cli.headless.main import run as run_headless
    except ModuleNotFoundError as error:
        if error.name != "tui.cli.headless.main":
            raise
        print("lumbar breaks: --headless is not available in this version of lumbar", file=sys.stderr)
        return BAD_INPUT
    from tui.services.settings.current import read_settings

    settings, notices = read_settings()
    for notice in notices:
        print(f"lumbar: {notice}", file=sys.stderr)
    return run_headless(settings, every)


if __name__ == "__main__":
    raise SystemExit(main())

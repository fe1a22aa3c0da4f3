"""`lumbar breaks --headless`: the break schedule with notifications only, for a login service.

One asyncio loop that sleeps until the next deadline (`RealTimer`, one wake-up each, no
polling) and then advances the schedule, writes rows and notifications through the
`BreakKeeper`, and prints one line per event to stdout (`journalctl --user` keeps them).
Only one scheduler runs per user (`SchedulerLock`): a second one says who holds it and
waits to take over. SIGTERM and SIGINT stop it cleanly, exit 0, lock released. The loop
itself is tui/cli/headless/runner.py. No Textual here.
"""

from __future__ import annotations

import asyncio
import sys
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from tui.cli.headless.runner import Runner

if TYPE_CHECKING:
    from tui.services.settings.current import Settings


def run(settings: Settings, every: float | None = None) -> int:
    """Run the schedule headless until SIGTERM or SIGINT; returns the exit status (0).

    every: seconds between breaks for this run (`--every`), instead of the setting; a
    break (and so the wait for an unanswered prompt) is then at most that long too.
    """
    from tui.services.breaks.keeper import BreakKeeper
    from tui.services.breaks.lock import SchedulerLock
    from tui.services.notify import Notifier, default_channels
    from tui.services.store import open_store

    schedule = settings.schedule()
    if every is not None:
        schedule = replace(schedule, every=every, break_length=min(schedule.break_length, every))
    store = open_store()
    if store.warning:
        print(f"lumbar: {store.warning}", file=sys.stderr, flush=True)
    channels = default_channels()
    if not sys.stderr.isatty():
        # Under a login service there is no terminal to reach: only the desktop can.
        channels = [c for c in channels if c.name == "desktop"]
    notifier = Notifier(channels,
                        on_problem=lambda text: print(f"lumbar: {text}", file=sys.stderr, flush=True))
    keeper = BreakKeeper(schedule, store=store, notifier=notifier)
    try:
        from tui.services.logind import Logind

        logind: Any = Logind()
    except ImportError:
        logind = None
    lock = SchedulerLock()
    from tui.services.breaks.door import socket_path, supported

    door = None
    if supported():
        try:
            door = socket_path(lock.path)
        except OSError as error:
            print(f"lumbar: other lumbars cannot answer the breaks: {error}", file=sys.stderr,
                  flush=True)
    runner = Runner(keeper, lock=lock, logind=logind, door=door,
                    break_command=settings.break_command,
                    plan=plan_keeper(store, notifier, schedule))
    try:
        return asyncio.run(runner.main())
    except KeyboardInterrupt:  # where signals cannot be handled on the loop (Windows)
        return 0
    finally:
        notifier.close()
        try:
            said = store.close()
            if said:  # break rows kept in a spill file for the next start
                print(f"lumbar: {said}", file=sys.stderr, flush=True)
        except Exception:  # noqa: BLE001 - a store that cannot close has said why already
            pass


def plan_keeper(store: Any, notifier: Any, schedule: Any) -> Any:
    """The plan's reminders' keeper, on the same store and notifier as the breaks, with the
    routines' names (tui/services/plan_reminders.py)."""
    from tui.services.breaks.keeper import local_now
    from tui.services.catalog import load_catalog
    from tui.services.plan_reminders import PlanKeeper

    catalog = load_catalog([])
    names = {key: r.name for key, r in catalog.routines.items()}
    names.update({key: key for key in catalog.broken})
    return PlanKeeper(store=store, notifier=notifier, wall=local_now, routines=names,
                      snooze=schedule.snooze, max_snoozes=schedule.max_snoozes,
                      zone=schedule.hours.zone)


def main(argv: list[str] | None = None) -> int:
    """`python -m tui.cli.headless.main [--every SECONDS]`: the same as `lumbar breaks --headless`."""
    import argparse

    from tui.services.settings.current import read_settings

    p = argparse.ArgumentParser(prog="python -m tui.cli.headless.main")
    p.add_argument("--every", type=float, metavar="SECONDS")
    args = p.parse_args(argv)
    settings, notices = read_settings()
    for text in notices:
        print(f"lumbar: {text}", file=sys.stderr, flush=True)
    return run(settings, args.every)


if __name__ == "__main__":
    raise SystemExit(main())
